//! Reading a file that anyone may have put in a folder (a synced data
//! folder, a shared guides folder): only a regular file is read, never more
//! than a limit, and opening never blocks.
//!
//! `std::fs::read` on a FIFO named `*.toml` waits for a writer for ever, and
//! on a link to `/dev/zero` it reads until memory runs out. Here the file is
//! opened with `O_NONBLOCK` (a FIFO opens at once; on a regular file the
//! flag changes nothing), looked at with `fstat` on the open descriptor (so
//! what is checked is what is read), and read up to the limit.

use std::fmt;
use std::fs::{FileType, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The most a session file, a plan file or a rescue copy is read: 64 MiB
/// (a 90-minute conversation is some tens of kilobytes).
pub const SESSION_LIMIT: u64 = 64 << 20;

/// The most a guide file is read: 4 MiB (the bundled guides are under
/// 20 KB).
pub const GUIDE_LIMIT: u64 = 4 << 20;

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A FIFO (named pipe): reading it waits for a writer.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character or block device (`/dev/zero`, a disk).
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    /// The kind of a file type that is not a regular file.
    pub fn of(file_type: &FileType) -> FileKind {
        if file_type.is_dir() {
            FileKind::Folder
        } else if file_type.is_fifo() {
            FileKind::Fifo
        } else if file_type.is_socket() {
            FileKind::Socket
        } else if file_type.is_char_device() || file_type.is_block_device() {
            FileKind::Device
        } else {
            FileKind::Other
        }
    }

    /// A stable name, for storing the kind (the history index) and reading
    /// it back with [`from_code`](Self::from_code).
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Folder => "folder",
            FileKind::Fifo => "fifo",
            FileKind::Socket => "socket",
            FileKind::Device => "device",
            FileKind::Other => "other",
        }
    }

    /// The kind [`code`](Self::code) names.
    pub fn from_code(code: &str) -> Option<FileKind> {
        [
            FileKind::Folder,
            FileKind::Fifo,
            FileKind::Socket,
            FileKind::Device,
            FileKind::Other,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Folder => "a folder",
            FileKind::Fifo => "a FIFO (named pipe)",
            FileKind::Socket => "a socket",
            FileKind::Device => "a device",
            FileKind::Other => "not a regular file",
        })
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The path names something other than a regular file; it was not
    /// read.
    NotAFile(FileKind),
    /// The file holds more than the limit (`len` is its size, or what was
    /// read before the limit was passed); it was not read.
    TooLarge {
        /// The size found.
        len: u64,
        /// The limit it passed.
        limit: u64,
    },
    /// Opening or reading failed.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotAFile(kind) => write!(f, "{kind}, not a regular file"),
            ReadError::TooLarge { len, limit } => write!(
                f,
                "too large ({} MB; at most {} MB is read)",
                megabytes(*len),
                megabytes(*limit)
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Whole megabytes, rounded up (a file just over the limit does not read as
/// the limit itself).
pub fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// The bytes of the regular file at `path` (a symbolic link is followed),
/// at most `limit` of them; anything else is refused without reading.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotAFile(FileKind::of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            limit,
        });
    }
    // The size is a hint: the file may grow while it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let len = bytes.len() as u64;
    if len > limit {
        return Err(ReadError::TooLarge { len, limit });
    }
    Ok(bytes)
}

/// Make a FIFO at `path` with `mkfifo(1)`, for tests.
#[cfg(test)]
pub(crate) fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "format = 1\n").unwrap();
        assert_eq!(read_regular(&path, 100).unwrap(), b"format = 1\n");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert_eq!(read_regular(&link, 100).unwrap(), b"format = 1\n");
    }

    #[test]
    fn a_fifo_is_refused_at_once_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fifo.toml");
        mkfifo(&path);
        let began = Instant::now();
        assert!(matches!(
            read_regular(&path, SESSION_LIMIT),
            Err(ReadError::NotAFile(FileKind::Fifo))
        ));
        assert!(began.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn devices_and_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_regular(&zero, SESSION_LIMIT),
            Err(ReadError::NotAFile(FileKind::Device))
        ));
        assert!(matches!(
            read_regular(dir.path(), SESSION_LIMIT),
            Err(ReadError::NotAFile(FileKind::Folder))
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sparse.toml");
        // Sparse: 65 MiB that take no room on disk.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(SESSION_LIMIT + (1 << 20)).unwrap();
        let err = read_regular(&path, SESSION_LIMIT).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { len, .. } if len > SESSION_LIMIT));
        assert_eq!(err.to_string(), "too large (65 MB; at most 64 MB is read)");
        assert!(read_regular(&path, 10).is_err());
        std::fs::write(&path, "0123456789").unwrap();
        assert!(read_regular(&path, 10).is_ok());
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadError::TooLarge { len: 10, limit: 9 })
        ));
    }

    #[test]
    fn kinds_read_back_from_their_codes() {
        for kind in [
            FileKind::Folder,
            FileKind::Fifo,
            FileKind::Socket,
            FileKind::Device,
            FileKind::Other,
        ] {
            assert_eq!(FileKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(FileKind::from_code("pipe"), None);
    }
}
