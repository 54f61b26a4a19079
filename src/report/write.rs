//! Writing a report to a file, as safely as a session: 0600 whatever the
//! umask, a temporary file in the same folder, synced, then renamed into
//! place. A symlink at the target is replaced, never followed; an existing
//! file is never written over unless the caller asks (`leidraad export -o
//! FILE --force`). Into a folder (the app's export), a taken name gets
//! `-2`, `-3`… instead.

use std::fs::Permissions;
use std::io::{self, Write as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::i18n::Texts;
use crate::session::Session;
use crate::slug::slug;

use super::{Format, ReportOptions, build};

mod error;

pub use error::WriteError;

/// The longest guide or client part of a file name, in bytes (ASCII).
const PART_MAX: usize = 40;
/// How many numbered names are tried in a folder before giving up.
const NUMBERS: usize = 1000;

/// Where a report is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Into this folder, under the name [`file_name`] gives; when that
    /// name is taken, with `-2`, `-3`… before the extension.
    Folder(PathBuf),
    /// To this file. When something has that name, the report is refused,
    /// unless `replace`: then a file or symlink there is replaced (a
    /// folder never is).
    File {
        /// The file.
        path: PathBuf,
        /// Replace what has that name.
        replace: bool,
    },
}

/// The file name of a session's report: the date, the guide and the
/// client, e.g. `2026-12-01_voortgangsgesprek_obs-de-vlinder.docx`.
pub fn file_name(session: &Session, format: Format) -> String {
    let mut name = super::build::report_date(session)
        .format("%Y-%m-%d")
        .to_string();
    for part in [&session.guide.id, session.client_value()] {
        let part = slug(part, PART_MAX);
        if !part.is_empty() {
            name.push('_');
            name.push_str(&part);
        }
    }
    format!("{name}.{}", format.extension())
}

/// Build the session's report with `options`, render it in `format` and
/// write it to `target`; returns the file it is in.
pub fn write(
    session: &Session,
    texts: &Texts,
    options: &ReportOptions,
    format: Format,
    target: &Target,
) -> Result<PathBuf, WriteError> {
    let doc = build(session, texts, options);
    let bytes = match format {
        Format::Docx => doc.docx().map_err(WriteError::Docx)?,
        Format::Markdown => doc.markdown().into_bytes(),
    };
    match target {
        Target::Folder(dir) => into_folder(&bytes, dir, &file_name(session, format)),
        Target::File { path, replace } => {
            check_folder(&folder_of(path))?;
            match path.symlink_metadata() {
                Ok(meta) if meta.is_dir() => return Err(WriteError::IsFolder(path.clone())),
                Ok(_) if !replace => return Err(WriteError::Exists(path.clone())),
                Ok(_) | Err(_) => {}
            }
            persist(&bytes, path, *replace)?;
            Ok(path.clone())
        }
    }
}

/// Write `bytes` into `dir` as `name`, or the first numbered name that is
/// free.
fn into_folder(bytes: &[u8], dir: &Path, name: &str) -> Result<PathBuf, WriteError> {
    check_folder(dir)?;
    let mut last = dir.join(name);
    for n in 1..=NUMBERS {
        let path = dir.join(numbered(name, n));
        if path.symlink_metadata().is_ok() {
            last = path;
            continue;
        }
        match persist(bytes, &path, false) {
            // Taken meanwhile: try the next number.
            Err(WriteError::Exists(_)) => last = path,
            written => return written.map(|()| path),
        }
    }
    Err(WriteError::Exists(last))
}

/// `name` for `n` = 1, else with `-n` before its extension.
fn numbered(name: &str, n: usize) -> String {
    match (n, name.rsplit_once('.')) {
        (1, _) => name.to_string(),
        (_, Some((stem, ext))) => format!("{stem}-{n}.{ext}"),
        (_, None) => format!("{name}-{n}"),
    }
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A folder that is there (a symlink to one will do).
fn check_folder(dir: &Path) -> Result<(), WriteError> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::NotAFolder(dir.to_path_buf())),
        Err(error) => Err(WriteError::from_io(error, dir, dir)),
    }
}

/// Write `bytes` to a temporary file beside `path` (0600), sync it, and
/// rename it to `path`: over what is there when `replace`, else only when
/// nothing has that name (atomically where the file system can, by a
/// check first where it cannot link, as on FAT).
fn persist(bytes: &[u8], path: &Path, replace: bool) -> Result<(), WriteError> {
    let dir = folder_of(path);
    let fail = |error| WriteError::from_io(error, &dir, path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".~{name}."))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(&dir)
        .map_err(fail)?;
    // The umask can only take bits away; make it exactly 0600 in any case.
    (tmp.as_file().set_permissions(Permissions::from_mode(0o600)))
        .and_then(|()| tmp.write_all(bytes))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(fail)?;
    let persisted = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => {}
        Err(e) if !replace && cannot_link(&e.error) && path.symlink_metadata().is_err() => {
            e.file.persist(path).map_err(|e| fail(e.error))?;
        }
        Err(e) => return Err(fail(e.error)),
    }
    // Best effort: the report is in place; a folder that cannot be synced
    // (some network file systems) does not undo that.
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Whether an error of a no-clobber rename says the file system has no
/// hard links (FAT on a USB stick).
fn cannot_link(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::Unsupported
    )
}
