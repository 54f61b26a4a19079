//! Why a report was not written, with one line for the user in the
//! interface language.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::Texts;
use crate::report::DocxError;

/// Why a report was not written. Nothing was left behind: the temporary
/// file is removed, an existing file is untouched.
#[derive(Debug)]
pub enum WriteError {
    /// The folder to write in is not there.
    FolderMissing(PathBuf),
    /// What should be the folder is a file.
    NotAFolder(PathBuf),
    /// The folder cannot be written to (permissions, a read-only disk).
    ReadOnly(PathBuf),
    /// The disk (or the quota) is full.
    Full(PathBuf),
    /// Something has that name, and replacing it was not asked for.
    Exists(PathBuf),
    /// A folder has that name.
    IsFolder(PathBuf),
    /// Another file system error.
    Io {
        /// The file that was being written.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// The Word document could not be made.
    Docx(DocxError),
}

impl WriteError {
    /// The error of a file operation in `dir` on `path`, by its kind.
    pub(in crate::report) fn from_io(error: io::Error, dir: &Path, path: &Path) -> WriteError {
        let dir = dir.to_path_buf();
        match error.kind() {
            io::ErrorKind::NotFound => WriteError::FolderMissing(dir),
            io::ErrorKind::NotADirectory => WriteError::NotAFolder(dir),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                WriteError::ReadOnly(dir)
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => WriteError::Full(dir),
            io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
            io::ErrorKind::IsADirectory => WriteError::IsFolder(path.to_path_buf()),
            _ => WriteError::Io {
                path: path.to_path_buf(),
                error,
            },
        }
    }

    /// What went wrong, in one line in the language of `texts`.
    pub fn message(&self, texts: &Texts) -> String {
        let t = &texts.report;
        let shown = |p: &Path| p.display().to_string();
        match self {
            WriteError::FolderMissing(dir) => (t.write_folder_missing)(&shown(dir)),
            WriteError::NotAFolder(dir) => (t.write_not_a_folder)(&shown(dir)),
            WriteError::ReadOnly(dir) => (t.write_read_only)(&shown(dir)),
            WriteError::Full(dir) => (t.write_full)(&shown(dir)),
            WriteError::Exists(path) => (t.write_exists)(&shown(path)),
            WriteError::IsFolder(path) => (t.write_is_folder)(&shown(path)),
            WriteError::Io { path, error } => (t.write_failed)(&shown(path), &error.to_string()),
            WriteError::Docx(e) => (t.write_docx_failed)(&e.to_string()),
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::FolderMissing(dir) => write!(f, "the folder {} is missing", dir.display()),
            WriteError::NotAFolder(dir) => write!(f, "{} is not a folder", dir.display()),
            WriteError::ReadOnly(dir) => write!(f, "the folder {} is read-only", dir.display()),
            WriteError::Full(dir) => write!(f, "the disk of {} is full", dir.display()),
            WriteError::Exists(path) => write!(f, "{} exists", path.display()),
            WriteError::IsFolder(path) => write!(f, "{} is a folder", path.display()),
            WriteError::Io { path, error } => write!(f, "writing {}: {error}", path.display()),
            WriteError::Docx(e) => write!(f, "making the Word document: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}
