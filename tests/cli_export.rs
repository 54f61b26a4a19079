//! `leidraad export` and `show` on the real binary: what a report holds by
//! default and with its flags, Word and Markdown written like a session
//! (0600 under umask 000, never through a symlink, never over a file
//! without `--force`), and the one-line messages when that cannot be done.

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::privs::AppUser;
use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::SessionStore;
use tempfile::TempDir;

const NOTES: &str = "1. Elke leerling *alle* disciplines.\n- Daarna verder.";
const SECRET: &str = "GEHEIM: alleen voor mij";

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_leidraad"))
}

/// The binary with its own data and config folders, in `lang`.
fn leidraad(root: &TempDir, lang: &str, mut cmd: Command) -> Command {
    cmd.env("LEIDRAAD_DATA_DIR", root.path().join("data"))
        .env("LEIDRAAD_CONFIG_DIR", root.path().join("cfg"))
        .env_remove("LEIDRAAD_GUIDES_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LEIDRAAD_LANG", lang)
        .current_dir(root.path());
    cmd
}

fn run(root: &TempDir, lang: &str, args: &[&str]) -> Output {
    leidraad(root, lang, Command::new(bin()))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A bundled guide's session with `fields` filled in and notes, a private
/// note and a question asked in its first phase, finished; saved in the
/// data folder. Returns its file name.
fn saved(root: &TempDir, guide: &str, fields: &[(&str, &str)]) -> String {
    let guide = Catalog::bundled()
        .get(guide)
        .and_then(|g| g.guide.as_conversation())
        .expect("a bundled conversation")
        .clone();
    let t0 = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, t0);
    for (id, value) in fields {
        s.set_field(id, value).unwrap();
    }
    s.client = s.client_value().to_string();
    s.start(t0);
    s.phases[0].notes = NOTES.into();
    s.phases[0].private_notes = SECRET.into();
    // The ambitiegesprek opens without questions.
    let _ = s.toggle_asked(0, 0);
    s.finish(t0 + chrono::TimeDelta::minutes(80));
    let store = SessionStore::open(root.path().join("data")).unwrap();
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn voortgang(root: &TempDir) -> String {
    saved(
        root,
        "voortgangsgesprek",
        &[("school", "OBS De Vlinder"), ("datum", "2026-12-01")],
    )
}

#[test]
fn export_gives_the_school_report_by_default_and_more_with_flags() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    let out = run(&root, "nl", &["export", &name]);
    assert!(out.status.success(), "{out:?}");
    let md = stdout(&out);
    assert!(md.starts_with("# Voortgangsgesprek · OBS De Vlinder · 1 december 2026\n"));
    assert!(md.contains("1\\. Elke leerling \\*alle\\* disciplines.\\\n\\- Daarna verder."));
    for absent in [
        "Status",
        "Verloop",
        "gepland",
        "Besproken vragen",
        SECRET,
        "Afronden",
    ] {
        assert!(!md.contains(absent), "{absent} in\n{md}");
    }
    let out = run(
        &root,
        "en",
        &["export", &name, "--timing", "--questions", "--private"],
    );
    let md = stdout(&out);
    for present in [
        "# Voortgangsgesprek · OBS De Vlinder · 1 December 2026",
        "**Status:** finished",
        "## Course of the conversation",
        "### Questions discussed",
        SECRET,
    ] {
        assert!(md.contains(present), "{present} not in\n{md}");
    }
}

#[test]
fn show_is_the_complete_report_and_keeps_the_lines_of_a_long_text() {
    let root = TempDir::new().unwrap();
    let name = saved(
        &root,
        "ambitiegesprek",
        &[
            ("school", "OBS De Vlinder"),
            (
                "opmerkingen",
                "Eerste kennismaking was in september.\nSchool wil graag starten met CmK.",
            ),
        ],
    );
    let out = run(&root, "nl", &["show", &name]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains(
            "Opmerkingen: Eerste kennismaking was in september.\n  School wil graag starten met CmK.\n"
        ),
        "{text}"
    );
    assert!(text.contains("Status: afgerond") && text.contains("Totaal: "));
    assert!(!text.contains(SECRET));
    assert!(stdout(&run(&root, "nl", &["show", "--private", &name])).contains(SECRET));
}

#[test]
fn a_word_report_goes_into_a_folder_under_a_free_name() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    let dir = root.path().join("Documenten");
    std::fs::create_dir(&dir).unwrap();
    let stem = "2026-12-01_voortgangsgesprek_obs-de-vlinder";
    for (n, file) in [(1, format!("{stem}.docx")), (2, format!("{stem}-2.docx"))] {
        let out = run(
            &root,
            "nl",
            &[
                "export",
                &name,
                "--format",
                "docx",
                "-o",
                dir.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{n}: {out:?}");
        let path = dir.join(&file);
        assert_eq!(stderr(&out), format!("Geschreven: {}\n", path.display()));
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip package");
        assert_eq!(mode(&path), 0o600);
    }
    // Without -o: the current folder.
    let out = run(&root, "nl", &["export", &name, "--format", "docx"]);
    assert!(out.status.success(), "{out:?}");
    assert!(root.path().join(format!("{stem}.docx")).is_file());
}

#[test]
fn reports_are_0600_under_umask_000() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    for (format, file) in [("md", "verslag.md"), ("docx", "verslag.docx")] {
        let target = root.path().join(file);
        let out = leidraad(&root, "nl", Command::new("sh"))
            .arg("-c")
            .arg("umask 000 && exec \"$0\" \"$@\"")
            .arg(bin())
            .args(["export", &name, "--format", format, "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(mode(&target), 0o600, "{file}");
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_existing_file_is_kept_without_force_and_replaced_with_it() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    let target = root.path().join("verslag.md");
    std::fs::write(&target, "van de collega").unwrap();
    let out = run(&root, "nl", &["export", &name, "-o", "verslag.md"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        stderr(&out),
        "leidraad: Verslag niet bewaard: verslag.md bestaat al en is niet overschreven. \
         Kies een andere naam, of vervang het bestand met --force.\n"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "van de collega");
    let out = run(&root, "en", &["export", &name, "-o", "verslag.md"]);
    assert_eq!(
        stderr(&out),
        "leidraad: Report not saved: verslag.md already exists and was not overwritten. \
         Choose another name, or replace the file with --force.\n"
    );
    let out = run(
        &root,
        "nl",
        &["export", &name, "-o", "verslag.md", "--force"],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Voortgangsgesprek")
    );
    assert_eq!(mode(&target), 0o600);
}

#[test]
fn a_symlink_at_the_target_is_replaced_not_written_through() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    let elsewhere = root.path().join("target.md");
    std::fs::write(&elsewhere, "niet aankomen").unwrap();
    let link = root.path().join("link.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = run(&root, "nl", &["export", &name, "-o", "link.md"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = run(&root, "nl", &["export", &name, "-o", "link.md", "--force"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "niet aankomen"
    );
    assert!(!link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(&link)
            .unwrap()
            .starts_with("# Voortgangsgesprek")
    );
}

#[test]
fn a_missing_or_read_only_folder_is_one_clear_line() {
    let root = TempDir::new().unwrap();
    let name = voortgang(&root);
    let out = run(&root, "nl", &["export", &name, "-o", "weg/verslag.md"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        stderr(&out),
        "leidraad: Verslag niet bewaard: de map weg bestaat niet.\n"
    );
    assert!(!root.path().join("weg").exists(), "not created");
    let out = run(
        &root,
        "en",
        &["export", &name, "--format", "docx", "-o", "weg/"],
    );
    assert_eq!(
        stderr(&out),
        "leidraad: Report not saved: the folder weg/ does not exist.\n"
    );

    let Some(user) = AppUser::get() else { return };
    let readonly = root.path().join("alleen-lezen");
    std::fs::create_dir(&readonly).unwrap();
    user.hand_over(root.path());
    std::fs::set_permissions(&readonly, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = leidraad(&root, "nl", user.command(bin()))
        .args(["export", &name, "-o", "alleen-lezen/verslag.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        stderr(&out),
        "leidraad: Verslag niet bewaard: in de map alleen-lezen kan niet geschreven worden \
         (alleen-lezen).\n"
    );
    assert_eq!(std::fs::read_dir(&readonly).unwrap().count(), 0);
}
