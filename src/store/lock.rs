//! One session open in one window: an OS lock (`flock` via
//! `File::try_lock`) on `.~<name>.lock` beside the session. The session file
//! itself is replaced by rename on every save, so it cannot carry the lock.
//! The OS drops the lock when the process dies, even on `kill -9`.
//!
//! The lock file's time also says when the app last knew the session's
//! clock running (set once a minute, [`SessionLock::touch`]), so that the
//! time the app was down after a crash counts from there without a save
//! while nothing changes. A lock file a dead process left behind keeps
//! that time for the next window ([`SessionLock::left_at`]).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::names::lock_path;

/// Why a session could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another window (or program) has this session open.
    Busy { session: PathBuf },
    /// The lock file could not be created or locked.
    Io {
        lock_file: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Busy { session } => write!(
                f,
                "{} is open in another window; close it there, or view it read-only",
                session.display()
            ),
            LockError::Io { lock_file, error } => {
                write!(f, "cannot lock {}: {error}", lock_file.display())
            }
        }
    }
}

impl std::error::Error for LockError {}

/// A held lock on one session; released (and its file removed) on drop.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    lock_file: PathBuf,
    session: PathBuf,
    left_at: Option<SystemTime>,
}

impl SessionLock {
    /// The session this lock is for.
    pub fn session(&self) -> &Path {
        &self.session
    }

    /// The lock file (`.~<name>.lock`).
    pub fn lock_file(&self) -> &Path {
        &self.lock_file
    }

    /// The time of the lock file that was there when this lock was taken:
    /// a window that stopped without letting go (a crash, a kill, a power
    /// cut) left it, with the last moment it knew the clock running. None
    /// when the lock file is new.
    pub fn left_at(&self) -> Option<SystemTime> {
        self.left_at
    }

    /// Set the lock file's time to `at` (the clock still runs at `at`): an
    /// update of the file's metadata, without writing or flushing anything.
    pub fn touch(&self, at: SystemTime) -> io::Result<()> {
        self.file.set_modified(at)
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove while still holding the lock: anyone who opened the old
        // file sees it is no longer at the path and retries (see `lock`).
        let _ = std::fs::remove_file(&self.lock_file);
        let _ = self.file.unlock();
    }
}

/// Lock `session` for this process.
pub(crate) fn lock(session: &Path) -> Result<SessionLock, LockError> {
    let lock_file = lock_path(session);
    let io_err = |error| LockError::Io {
        lock_file: lock_file.clone(),
        error,
    };
    // A holder that drops its lock removes the file; if we locked a file
    // that is no longer at the path, try again with the new one.
    for _ in 0..10 {
        let (file, existed) = open_lock_file(&lock_file).map_err(io_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(LockError::Busy {
                    session: session.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_err(e)),
        }
        if same_file(&file, &lock_file) {
            // Read while holding the lock: nobody else sets it now.
            let left_at = existed
                .then(|| file.metadata().and_then(|m| m.modified()).ok())
                .flatten();
            return Ok(SessionLock {
                file,
                lock_file,
                session: session.to_path_buf(),
                left_at,
            });
        }
    }
    Err(LockError::Busy {
        session: session.to_path_buf(),
    })
}

/// Lock a session file name nobody has used yet: its lock file must be
/// new. [`LockError::Busy`] when it exists (another window just took the
/// name), so the caller picks the next name.
pub(crate) fn lock_new(session: &Path) -> Result<SessionLock, LockError> {
    let lock_file = lock_path(session);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(&lock_file);
    let io_err = |error| LockError::Io {
        lock_file: lock_file.clone(),
        error,
    };
    let file = match file {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(LockError::Busy {
                session: session.to_path_buf(),
            });
        }
        Err(e) => return Err(io_err(e)),
    };
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(io_err)?;
    match file.try_lock() {
        Ok(()) => Ok(SessionLock {
            file,
            lock_file,
            session: session.to_path_buf(),
            left_at: None,
        }),
        Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Busy {
            session: session.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io_err(e)),
    }
}

/// Open the lock file: new (`O_CREAT | O_EXCL`, made exactly 0600), or the
/// one another window made; never through a symbolic link (`O_NOFOLLOW`: a
/// link planted there fails instead of having its target opened and
/// chmodded), and only a regular file. Also says whether the file was
/// there already.
fn open_lock_file(path: &Path) -> io::Result<(File, bool)> {
    let open = |new: bool| {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(new)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(path)
    };
    let (file, existed) = match open(true) {
        Ok(file) => {
            // The umask can only remove bits; set exactly 0600.
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            (file, false)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => (open(false)?, true),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.file_type().is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock file is not a regular file",
        ));
    }
    Ok((file, existed))
}

/// Whether another process holds the lock of `session` right now (without
/// creating a lock file).
pub(crate) fn is_locked(session: &Path) -> bool {
    let opened = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(lock_path(session));
    let Ok(file) = opened else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(std::fs::TryLockError::WouldBlock) => true,
        Err(std::fs::TryLockError::Error(_)) => false,
    }
}

fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
