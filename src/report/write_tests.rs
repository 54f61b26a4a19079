//! Writing reports to files: names, modes, existing files, symlinks, and
//! the messages of what goes wrong. (Under umask 000, and `export -o` on
//! the real binary: `tests/cli_export.rs`.)

use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::tests::held;
use super::{Format, ReportOptions, Target, WriteError, file_name, write};
use crate::i18n::{EN, NL};

fn school(target: &Target, format: Format) -> Result<PathBuf, WriteError> {
    write(&held(), &NL, &ReportOptions::school(), format, target)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in a folder, sorted (hidden ones too: no temp file is left).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_file_name_is_the_date_the_guide_and_the_client() {
    assert_eq!(
        file_name(&held(), Format::Docx),
        "2026-12-01_voortgang_obs-de-vlinder.docx"
    );
    assert_eq!(
        file_name(&held(), Format::Markdown),
        "2026-12-01_voortgang_obs-de-vlinder.md"
    );
}

#[test]
fn into_a_folder_a_taken_name_gets_a_number() {
    let dir = TempDir::new().unwrap();
    let target = Target::Folder(dir.path().to_path_buf());
    let written: Vec<PathBuf> = (0..3)
        .map(|_| school(&target, Format::Docx).unwrap())
        .collect();
    let stem = "2026-12-01_voortgang_obs-de-vlinder";
    assert_eq!(
        names(dir.path()),
        [
            format!("{stem}-2.docx"),
            format!("{stem}-3.docx"),
            format!("{stem}.docx"),
        ]
    );
    assert_eq!(written[1], dir.path().join(format!("{stem}-2.docx")));
    for path in &written {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
}

#[test]
fn a_file_that_exists_is_refused_and_replaced_only_when_asked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("verslag.md");
    std::fs::write(&path, "van de collega").unwrap();
    let keep = Target::File {
        path: path.clone(),
        replace: false,
    };
    let err = school(&keep, Format::Markdown).unwrap_err();
    assert!(
        matches!(&err, WriteError::Exists(p) if *p == path),
        "{err:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "van de collega");
    let replace = Target::File {
        path: path.clone(),
        replace: true,
    };
    assert_eq!(school(&replace, Format::Markdown).unwrap(), path);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Voortgangsgesprek")
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(names(dir.path()), ["verslag.md"], "no temp file left");
}

#[test]
fn a_symlink_at_the_target_is_replaced_never_followed() {
    let dir = TempDir::new().unwrap();
    let elsewhere = dir.path().join("elders.md");
    std::fs::write(&elsewhere, "niet aankomen").unwrap();
    let link = dir.path().join("verslag.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let keep = Target::File {
        path: link.clone(),
        replace: false,
    };
    assert!(matches!(
        school(&keep, Format::Markdown),
        Err(WriteError::Exists(_))
    ));
    let dangling = dir.path().join("los.md");
    std::os::unix::fs::symlink(dir.path().join("nergens.md"), &dangling).unwrap();
    let keep_dangling = Target::File {
        path: dangling.clone(),
        replace: false,
    };
    assert!(matches!(
        school(&keep_dangling, Format::Markdown),
        Err(WriteError::Exists(_))
    ));
    assert!(!dir.path().join("nergens.md").exists(), "not followed");
    let replace = Target::File {
        path: link.clone(),
        replace: true,
    };
    school(&replace, Format::Markdown).unwrap();
    assert!(!link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "niet aankomen"
    );
    assert_eq!(mode(&link), 0o600);
}

#[test]
fn a_missing_folder_a_file_for_a_folder_and_a_folder_for_a_file_are_refused() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("weg");
    let err = school(&Target::Folder(missing.clone()), Format::Docx).unwrap_err();
    assert!(
        matches!(&err, WriteError::FolderMissing(p) if *p == missing),
        "{err:?}"
    );
    assert!(!missing.exists(), "not created");
    let into_missing = Target::File {
        path: missing.join("verslag.md"),
        replace: true,
    };
    assert!(matches!(
        school(&into_missing, Format::Markdown),
        Err(WriteError::FolderMissing(_))
    ));
    let file = dir.path().join("bestand");
    std::fs::write(&file, "").unwrap();
    assert!(matches!(
        school(&Target::Folder(file.clone()), Format::Docx),
        Err(WriteError::NotAFolder(_))
    ));
    let onto_folder = Target::File {
        path: dir.path().to_path_buf(),
        replace: true,
    };
    assert!(matches!(
        school(&onto_folder, Format::Markdown),
        Err(WriteError::IsFolder(_))
    ));
}

#[test]
fn what_the_system_says_is_told_apart() {
    let dir = Path::new("/media/stick");
    let path = dir.join("verslag.docx");
    let kind = |errno| WriteError::from_io(io::Error::from_raw_os_error(errno), dir, &path);
    assert!(matches!(kind(libc::EROFS), WriteError::ReadOnly(_)));
    assert!(matches!(kind(libc::EACCES), WriteError::ReadOnly(_)));
    assert!(matches!(kind(libc::ENOSPC), WriteError::Full(_)));
    assert!(matches!(kind(libc::EDQUOT), WriteError::Full(_)));
    assert!(matches!(kind(libc::ENOENT), WriteError::FolderMissing(_)));
    assert!(matches!(kind(libc::EEXIST), WriteError::Exists(_)));
    assert!(matches!(kind(libc::EIO), WriteError::Io { .. }));
}

#[test]
fn every_error_is_one_line_in_the_interface_language() {
    let dir = PathBuf::from("/media/stick");
    let path = dir.join("verslag.docx");
    let cases = [
        (
            WriteError::FolderMissing(dir.clone()),
            "Verslag niet bewaard: de map /media/stick bestaat niet.",
            "Report not saved: the folder /media/stick does not exist.",
        ),
        (
            WriteError::ReadOnly(dir.clone()),
            "Verslag niet bewaard: in de map /media/stick kan niet geschreven worden (alleen-lezen).",
            "Report not saved: the folder /media/stick cannot be written to (read-only).",
        ),
        (
            WriteError::Full(dir.clone()),
            "Verslag niet bewaard: de schijf van /media/stick is vol.",
            "Report not saved: the disk of /media/stick is full.",
        ),
        (
            WriteError::Exists(path.clone()),
            "Verslag niet bewaard: /media/stick/verslag.docx bestaat al en is niet overschreven.",
            "Report not saved: /media/stick/verslag.docx already exists and was not overwritten.",
        ),
        (
            WriteError::NotAFolder(dir.clone()),
            "Verslag niet bewaard: /media/stick is geen map.",
            "Report not saved: /media/stick is not a folder.",
        ),
        (
            WriteError::IsFolder(dir.clone()),
            "Verslag niet bewaard: /media/stick is een map.",
            "Report not saved: /media/stick is a folder.",
        ),
    ];
    for (error, nl, en) in cases {
        assert_eq!(error.message(&NL), nl);
        assert_eq!(error.message(&EN), en);
    }
    let io = WriteError::Io {
        path,
        error: io::Error::from_raw_os_error(libc::EIO),
    };
    assert!(
        io.message(&NL)
            .starts_with("Verslag niet bewaard als /media/stick/verslag.docx: ")
    );
    assert!(!io.message(&EN).contains('\n'));
}
