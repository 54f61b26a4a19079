//! The store's error, warning and result types (English `Display` for logs;
//! [`super::messages`] says them in the user's language).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::{DamageReason, LockError, SaveStep};

/// Something the user should know about the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreWarning {
    /// The folder can be read by other users (`mode` is its permission
    /// bits); it was left alone: `chmod 700` fixes it.
    FolderReadable { dir: PathBuf, mode: u32 },
}

impl fmt::Display for StoreWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreWarning::FolderReadable { dir, mode } => write!(
                f,
                "the data folder {} can be read by other users (mode {mode:o}): run `chmod 700 {}`",
                dir.display(),
                dir.display()
            ),
        }
    }
}

/// Why a save did not happen. The file on disk is then unchanged (or, for
/// [`SaveStep::SyncFolder`], already the new version, not yet durable).
#[derive(Debug)]
pub enum SaveError {
    /// The session could not be turned into TOML.
    Serialize(String),
    /// The TOML did not read back as the same session: writing it would
    /// lose something, so nothing was written.
    Verify(String),
    /// A file operation failed.
    Io {
        step: SaveStep,
        path: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Serialize(why) => write!(f, "cannot write the session as TOML: {why}"),
            SaveError::Verify(why) => write!(
                f,
                "the session does not read back as written ({why}); nothing was written"
            ),
            SaveError::Io { step, path, error } => {
                write!(f, "saving {} failed while {step}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for SaveError {}

impl SaveError {
    /// The OS error, if a file operation failed.
    pub fn io_error(&self) -> Option<&io::Error> {
        match self {
            SaveError::Io { error, .. } => Some(error),
            SaveError::Serialize(_) | SaveError::Verify(_) => None,
        }
    }
}

/// Where a save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written to `path`.
    Written(PathBuf),
    /// The file at `original` was changed by another program; it was left
    /// alone and the session written to `new_path`. Later saves of
    /// `original` through this store go to `new_path` too.
    Conflict {
        original: PathBuf,
        new_path: PathBuf,
    },
}

impl Saved {
    /// The file the session is now in.
    pub fn path(&self) -> &Path {
        match self {
            Saved::Written(p) => p,
            Saved::Conflict { new_path, .. } => new_path,
        }
    }
}

/// Why a session could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (missing, no permission...).
    Io { path: PathBuf, error: io::Error },
    /// The file is damaged; it is left as it is.
    Damaged { path: PathBuf, reason: DamageReason },
}

impl LoadError {
    /// Why the file at `path` could not be read: refused (not a regular
    /// file, too large) means damaged, else the I/O error.
    pub(crate) fn of_read(path: &Path, error: crate::file_read::ReadError) -> LoadError {
        match DamageReason::of_read(error) {
            Ok(reason) => LoadError::Damaged {
                path: path.to_path_buf(),
                reason,
            },
            Err(error) => LoadError::Io {
                path: path.to_path_buf(),
                error,
            },
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            LoadError::Damaged { path, reason } => {
                write!(
                    f,
                    "{} is damaged: {reason}; it is left as it is",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a SESSION argument did not name one session.
#[derive(Debug)]
pub enum ResolveError {
    /// No file and no session file name starting with it.
    NotFound { arg: String, dir: PathBuf },
    /// More than one session file name starts with it.
    Ambiguous {
        arg: String,
        candidates: Vec<String>,
    },
    /// The data folder could not be read.
    Io { dir: PathBuf, error: io::Error },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NotFound { arg, dir } => write!(
                f,
                "no session '{arg}': not a file, and no session in {} starts with it; see `leidraad sessions`",
                dir.display()
            ),
            ResolveError::Ambiguous { arg, candidates } => write!(
                f,
                "'{arg}' matches {} sessions, type more of the name: {}",
                candidates.len(),
                candidates.join(", ")
            ),
            ResolveError::Io { dir, error } => {
                write!(f, "cannot read the data folder {}: {error}", dir.display())
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Why a session could not be deleted.
#[derive(Debug)]
pub enum DeleteError {
    /// It is open in another window.
    Locked(LockError),
    /// It is damaged: the store never deletes a damaged file (remove it by
    /// hand if you are sure).
    Damaged { path: PathBuf, reason: DamageReason },
    /// A file could not be removed.
    Io { path: PathBuf, error: io::Error },
}

impl fmt::Display for DeleteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeleteError::Locked(e) => write!(f, "{e}"),
            DeleteError::Damaged { path, reason } => write!(
                f,
                "{} is damaged ({reason}); leidraad does not delete damaged files, remove it by hand if you are sure",
                path.display()
            ),
            DeleteError::Io { path, error } => {
                write!(f, "cannot delete {}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for DeleteError {}
