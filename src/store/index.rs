//! The history index: a SQLite database beside the session files
//! (`.~leidraad-index.sqlite`), derived from them and never trusted over
//! them.
//!
//! Per session file it holds the name, size and mtime it was read at, the
//! entry as [`SessionStore::list`](super::SessionStore::list) gives it
//! (header, minutes, damage) and the searchable parts of its text
//! ([`super::parts`]), folded ([`super::fold`]) into an FTS5 table with the
//! `trigram` tokenizer: a needle of three or more characters is found as a
//! substring, anywhere in a word.
//!
//! Every use starts with [`Index::diff`]: readdir + stat, compared with the
//! rows; only files whose size or mtime changed (or whose mtime was too
//! close to the moment they were read to tell a later change from it) are
//! read again, new ones added, vanished ones dropped (`sync.rs`). Anything
//! wrong with the database (garbage, truncated, another schema) makes the
//! caller delete and rebuild it; anything that stops it being written
//! (a read-only folder, another process writing right now: never waited
//! for more than [`BUSY_WAIT`]) makes the caller answer from a folder scan.

mod answer;
mod sync;

use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, functions::FunctionFlags};

pub(super) use answer::Found;
pub(super) use sync::{BATCH, Read, Scanned, read_file, scan_folder};

/// The index's file name when it is kept in the data folder (see
/// [`SessionStore::open`](super::SessionStore::open)). The `.~` prefix
/// keeps it out of the listing and out of sync clients, and SQLite's
/// companions (`-wal`, `-shm`, `-journal`) share it.
pub const INDEX_NAME: &str = ".~leidraad-index.sqlite";

/// The schema this leidraad writes; another one is rebuilt. 2: the damage
/// reasons of issue 15 and 16 (`not_a_session`, `line_ends`, `not_a_file`,
/// `too_large`), so a file indexed with an older reason is read again. 3:
/// an `invalid` file's detail is its fault's kind and place as JSON
/// ([`crate::file_fault::Fault`]), no longer the parser's English.
const SCHEMA_VERSION: i64 = 3;

/// `PRAGMA application_id`: "ldrd".
const APPLICATION_ID: i64 = 0x6c64_7264;

/// How long a query waits for another process that is writing the index.
pub(super) const BUSY_WAIT: Duration = Duration::from_millis(5);

const SCHEMA: &str = "
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    len INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    read_ns INTEGER NOT NULL,
    sort_stamp TEXT NOT NULL,
    damage TEXT,
    damage_detail TEXT,
    body_damage TEXT,
    body_damage_detail TEXT,
    guide_id TEXT NOT NULL DEFAULT '',
    guide_title TEXT NOT NULL DEFAULT '',
    client TEXT NOT NULL DEFAULT '',
    created TEXT,
    started TEXT,
    finished TEXT,
    saved TEXT,
    status TEXT,
    planned_minutes INTEGER NOT NULL DEFAULT 0,
    actual_minutes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX files_newest ON files (sort_stamp DESC, mtime_ns DESC, name DESC);
CREATE TABLE parts (
    id INTEGER PRIMARY KEY,
    file INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    phase INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX parts_file ON parts (file);
CREATE VIRTUAL TABLE parts_fts USING fts5 (
    folded, content = '', contentless_delete = 1,
    tokenize = 'trigram case_sensitive 1'
);
";

/// An open index.
#[derive(Debug)]
pub(super) struct Index {
    conn: Connection,
    /// The rows and entries as last read (see `answer::Index::cached`).
    cache: Option<answer::Cache>,
    /// The database file, to notice it was replaced or deleted.
    path: PathBuf,
    inode: u64,
}

/// Why the index could not be used.
#[derive(Debug)]
pub(super) enum IndexError {
    /// It cannot be used now and should be left alone: another process
    /// holds it, or the folder cannot be written. Answer from a scan.
    Unavailable,
    /// It is damaged or of another schema: delete and rebuild it.
    Broken,
    /// The folder itself could not be read (the scan says why).
    Folder,
}

impl From<rusqlite::Error> for IndexError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(
                C::DatabaseBusy
                | C::DatabaseLocked
                | C::ReadOnly
                | C::CannotOpen
                | C::PermissionDenied
                | C::DiskFull
                | C::SystemIoFailure,
            ) => IndexError::Unavailable,
            _ => IndexError::Broken,
        }
    }
}

impl Index {
    /// Open the index at `path`, creating it (0600, its folder 0700) if
    /// missing. A file that is not an index of this schema is
    /// [`IndexError::Broken`].
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        let path = path.to_path_buf();
        if let Some(folder) = path.parent().filter(|f| !f.exists()) {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(folder)
                .map_err(|_| IndexError::Unavailable)?;
        }
        create_private(&path)?;
        // No SQLITE_OPEN_URI: the path is a path, whatever it holds.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)?;
        conn.busy_timeout(BUSY_WAIT)?;
        let inode = std::fs::metadata(&path)
            .map_err(|_| IndexError::Unavailable)?
            .ino();
        let index = Index {
            conn,
            cache: None,
            path,
            inode,
        };
        index.prepare()?;
        Ok(index)
    }

    /// Check the schema (creating it in a new file) and set the pragmas.
    /// The page cache is 2 MB per connection (SQLite's default, 16 MB
    /// before): reading the rows of 50,000 files filled 16 MB of it on the
    /// home screen's worker, and the history's searches read the much
    /// larger parts from the OS's page cache either way.
    fn prepare(&self) -> Result<(), IndexError> {
        let c = &self.conn;
        c.execute_batch(
            "PRAGMA temp_store = MEMORY; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000;",
        )?;
        let app: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        match (app, version) {
            (APPLICATION_ID, SCHEMA_VERSION) => {}
            (0, 0) => self.create_schema()?,
            _ => return Err(IndexError::Broken),
        }
        let mode: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(IndexError::Unavailable);
        }
        register_functions(c)?;
        Ok(())
    }

    fn create_schema(&self) -> Result<(), IndexError> {
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables != 0 {
            return Err(IndexError::Broken);
        }
        let tx = self.conn.unchecked_transaction()?;
        tx.execute_batch(SCHEMA)?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
        ))?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the database file is still the one this connection has open
    /// (another process may have rebuilt or deleted it).
    pub fn is_current(&self) -> bool {
        std::fs::metadata(&self.path).is_ok_and(|m| m.ino() == self.inode)
    }
}

/// Create the index file 0600 if it does not exist yet (SQLite gives its
/// companions the same mode), and make an existing one 0600.
fn create_private(path: &Path) -> Result<(), IndexError> {
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    match created {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let private = std::fs::Permissions::from_mode(0o600);
            match std::fs::metadata(path) {
                Ok(m) if m.is_file() => {
                    if m.permissions().mode() & 0o077 != 0 {
                        let _ = std::fs::set_permissions(path, private);
                    }
                    Ok(())
                }
                Ok(_) | Err(_) => Err(IndexError::Unavailable),
            }
        }
        Err(_) => Err(IndexError::Unavailable),
    }
}

/// Delete the index at `path` and its companions (to rebuild it).
pub(super) fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// The Rust function the queries call: `said(kind, text, needle)` is
/// [`super::parts::mentions`].
fn register_functions(c: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    c.create_scalar_function("said", 3, flags, |ctx| {
        let code: i64 = ctx.get(0)?;
        let text = ctx.get_raw(1).as_str().unwrap_or_default();
        let needle = ctx.get_raw(2).as_str().unwrap_or_default();
        Ok(super::parts::mentions(code, text, needle))
    })
}
