//! Reading session files: the end-of-file check, damage reasons, and the
//! headers the history shows.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::session::{Session, SessionFileError, Status, Timestamp};

/// The last line of every session file the store writes. A file without it
/// was cut short (a sync client, a copy interrupted, a disk error): without
/// the marker a file cut at a table boundary would still parse, silently
/// missing its end.
pub const END_MARKER: &str = "# end of leidraad session\n";

/// Why a session file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DamageReason {
    /// The file is empty.
    Empty,
    /// The file is not text (invalid UTF-8 or NUL bytes).
    NotText,
    /// The file ends early: its last line is not the end marker.
    Truncated,
    /// Written by a newer leidraad.
    UnknownFormat(u32),
    /// Not a valid session (the TOML message says what).
    Invalid(String),
    /// The file could not be read.
    Unreadable(String),
}

impl fmt::Display for DamageReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DamageReason::Empty => f.write_str("the file is empty"),
            DamageReason::NotText => f.write_str("the file is not text (garbage bytes)"),
            DamageReason::Truncated => f.write_str("the file is cut short (its end is missing)"),
            DamageReason::UnknownFormat(v) => {
                write!(f, "{}", SessionFileError::UnknownFormat(*v))
            }
            DamageReason::Invalid(why) => write!(f, "not a valid session file: {why}"),
            DamageReason::Unreadable(why) => write!(f, "cannot be read: {why}"),
        }
    }
}

/// Parse the bytes of a session file, checking the end marker.
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Session, DamageReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DamageReason::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut in the middle of a character: the end is missing.
        Err(e) if e.error_len().is_none() => return Err(DamageReason::Truncated),
        Err(_) => return Err(DamageReason::NotText),
    };
    if text.contains('\0') {
        return Err(DamageReason::NotText);
    }
    let parsed = Session::from_toml(text);
    if let Err(SessionFileError::UnknownFormat(v)) = parsed {
        return Err(DamageReason::UnknownFormat(v));
    }
    if !text.ends_with(END_MARKER) {
        return Err(DamageReason::Truncated);
    }
    parsed.map_err(|e| match e {
        SessionFileError::Damaged(why) => DamageReason::Invalid(why),
        SessionFileError::UnknownFormat(v) => DamageReason::UnknownFormat(v),
    })
}

/// What the history needs to know of one session, without its contents.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionHeader {
    pub path: PathBuf,
    pub file_name: String,
    pub guide_id: String,
    pub guide_title: String,
    pub client: String,
    pub created: Timestamp,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
    pub saved: Option<Timestamp>,
    pub status: Status,
    /// The file's modification time.
    pub modified: SystemTime,
    /// The file's size in bytes.
    pub len: u64,
}

impl SessionHeader {
    pub(crate) fn new(path: &Path, s: &Session, modified: SystemTime, len: u64) -> Self {
        SessionHeader {
            path: path.to_path_buf(),
            file_name: file_name(path),
            guide_id: s.guide.id.clone(),
            guide_title: s.guide.title.clone(),
            client: s.client.clone(),
            created: s.created,
            started: s.started,
            finished: s.finished,
            saved: s.saved,
            status: s.status,
            modified,
            len,
        }
    }
}

/// A session file that cannot be used. The store never overwrites, moves
/// or deletes it.
#[derive(Debug, Clone, PartialEq)]
pub struct DamagedFile {
    pub path: PathBuf,
    pub file_name: String,
    pub reason: DamageReason,
    /// The file's modification time (UNIX_EPOCH when unknown).
    pub modified: SystemTime,
}

/// One entry of [`crate::store::SessionStore::list`].
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    /// A readable session.
    Session(SessionHeader),
    /// A damaged file, shown as such.
    Damaged(DamagedFile),
}

impl Listed {
    /// The file's path.
    pub fn path(&self) -> &Path {
        match self {
            Listed::Session(h) => &h.path,
            Listed::Damaged(d) => &d.path,
        }
    }

    /// The file's name.
    pub fn file_name(&self) -> &str {
        match self {
            Listed::Session(h) => &h.file_name,
            Listed::Damaged(d) => &d.file_name,
        }
    }

    fn modified(&self) -> SystemTime {
        match self {
            Listed::Session(h) => h.modified,
            Listed::Damaged(d) => d.modified,
        }
    }

    /// Sort key, newest first: the created stamp in the file name (or in
    /// the file), then the modification time.
    pub(crate) fn sort_key(&self) -> (String, SystemTime) {
        let stamp = match super::names::name_stamp(self.file_name()) {
            Some(s) => s.to_string(),
            None => match self {
                Listed::Session(h) => h.created.format("%Y-%m-%d_%H%M").to_string(),
                Listed::Damaged(_) => String::new(),
            },
        };
        (stamp, self.modified())
    }
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
