//! Reading session files: the end-of-file check, damage reasons, and the
//! headers the history shows.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::file_fault::{Fault, FaultKind};
use crate::file_read::{self, FileKind, ReadError};
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
    /// Not a valid session: where and what (in terms of our own, said in
    /// the user's language by `message`).
    Invalid(Fault),
    /// The file could not be read.
    Unreadable(String),
    /// The text is not a session file at all (no `format` line at its
    /// top and it does not parse): another file named `*.toml`.
    NotASession,
    /// A whole session whose line ends another program changed to CRLF
    /// (a Windows sync client): it is left as it is.
    LineEnds,
    /// Not a regular file (a FIFO, a device, a folder behind a link): it
    /// is never read, so it cannot block or flood the app.
    NotAFile(FileKind),
    /// Larger than a session file can be (its size in bytes, at least
    /// [`file_read::SESSION_LIMIT`]): it is not read.
    TooLarge(u64),
}

impl DamageReason {
    /// The reason a refused read gives, or the I/O error when the file
    /// could not be opened or read at all.
    pub(crate) fn of_read(error: ReadError) -> Result<DamageReason, std::io::Error> {
        match error {
            ReadError::NotAFile(kind) => Ok(DamageReason::NotAFile(kind)),
            ReadError::TooLarge { len, .. } => Ok(DamageReason::TooLarge(len)),
            ReadError::Io(e) => Err(e),
        }
    }
}

/// The bytes of a session file, a plan file or a rescue copy: a regular
/// file only, at most [`file_read::SESSION_LIMIT`] bytes.
pub(crate) fn read_session_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    file_read::read_regular(path, file_read::SESSION_LIMIT)
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
            DamageReason::NotASession => f.write_str("the file is not a leidraad session"),
            DamageReason::LineEnds => {
                f.write_str("another program changed the file's line ends to CRLF (Windows)")
            }
            DamageReason::NotAFile(kind) => write!(f, "{kind}, not a regular file; it is not read"),
            DamageReason::TooLarge(len) => write!(
                f,
                "the file is too large ({} MB; at most {} MB is read)",
                file_read::megabytes(*len),
                file_read::megabytes(file_read::SESSION_LIMIT)
            ),
        }
    }
}

/// Parse the bytes of a session file, checking the end marker and the
/// guide it embeds (see [`check_guide`]).
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Session, DamageReason> {
    let session = read_back(bytes)?;
    check_guide(&session)?;
    Ok(session)
}

/// The guide a session file embeds must meet the rules of a guide file: a
/// file edited by hand or made by a tool could hold a list without columns
/// or a phase of 4294967295 minutes, which no screen is made for. Such a
/// session is damaged (and left as it is).
pub(crate) fn check_guide(session: &Session) -> Result<(), DamageReason> {
    crate::guide::parse::check_conversation(&session.guide)
        .map_err(|errors| DamageReason::Invalid(Fault::whole(FaultKind::GuideRules(errors))))
}

/// Parse the bytes of a session file, checking the end marker only: what
/// a save reads back to compare (the guide in memory passed its rules when
/// it was loaded).
pub(crate) fn read_back(bytes: &[u8]) -> Result<Session, DamageReason> {
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
        return Err(without_marker(text, parsed.is_ok()));
    }
    parsed.map_err(|e| match e {
        SessionFileError::Damaged(why) => DamageReason::Invalid(why),
        SessionFileError::UnknownFormat(v) => DamageReason::UnknownFormat(v),
    })
}

/// Why a text without the end marker cannot be used: line ends changed to
/// CRLF (the marker is there with a `\r`), a text that is no session at
/// all (it does not `parses` and its first line is not `format` or the
/// start of it), else a session cut short.
fn without_marker(text: &str, parses: bool) -> DamageReason {
    let marker = END_MARKER.trim_end();
    if text.contains("\r\n") && text.trim_end().ends_with(marker) {
        return DamageReason::LineEnds;
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    // A session cut within its first line still starts like one.
    let has_format = first.is_some_and(|l| l.starts_with("format") || "format".starts_with(l));
    if !parses && !has_format {
        return DamageReason::NotASession;
    }
    DamageReason::Truncated
}

/// The header fields of a session file, read without parsing all of it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub(crate) struct Head {
    format: Option<u32>,
    status: Status,
    created: Timestamp,
    #[serde(default)]
    started: Option<Timestamp>,
    #[serde(default)]
    finished: Option<Timestamp>,
    #[serde(default)]
    saved: Option<Timestamp>,
    #[serde(default)]
    client: String,
    #[serde(skip)]
    guide_id: String,
    #[serde(skip)]
    guide_title: String,
}

#[derive(serde::Deserialize)]
struct GuideHead {
    id: String,
    title: String,
}

impl Head {
    fn of(s: &Session) -> Head {
        Head {
            format: Some(s.format),
            status: s.status,
            created: s.created,
            started: s.started,
            finished: s.finished,
            saved: s.saved,
            client: s.client.clone(),
            guide_id: s.guide.id.clone(),
            guide_title: s.guide.title.clone(),
        }
    }
}

/// The header of a session file for the history, cheaply: the top-level
/// keys (before the first table) and the `[guide]` table's own keys are
/// parsed, the end marker checked; the phases are not. Whenever this fast
/// path is unsure, the whole file is parsed, so the result is either a
/// header or the same reason [`parse_bytes`] gives. A file damaged only deep
/// inside (but complete) can pass here and fail in `load`.
pub(crate) fn parse_head(bytes: &[u8]) -> Result<Head, DamageReason> {
    fast_head(bytes).unwrap_or_else(|| parse_bytes(bytes).map(|s| Head::of(&s)))
}

fn fast_head(bytes: &[u8]) -> Option<Result<Head, DamageReason>> {
    let text = std::str::from_utf8(bytes).ok()?;
    if text.contains('\0') {
        return None;
    }
    let top = &text[..text.find("\n[")?];
    let mut head: Head = toml::from_str(top).ok()?;
    match head.format {
        Some(v) if v > crate::session::SESSION_FORMAT => {
            return Some(Err(DamageReason::UnknownFormat(v)));
        }
        Some(_) => {}
        None => return None,
    }
    if !text.ends_with(END_MARKER) {
        return Some(Err(without_marker(text, true)));
    }
    // The guide is the last part of a session file; its own keys run from
    // `[guide]` to the next table header.
    let start = text.rfind("\n[guide]\n")? + "\n[guide]\n".len();
    let rest = &text[start..];
    let section = &rest[..rest.find("\n[").unwrap_or(rest.len())];
    let guide: GuideHead = toml::from_str(section).ok()?;
    head.guide_id = guide.id;
    head.guide_title = guide.title;
    Some(Ok(head))
}

/// What the history needs to know of one session, without its contents.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionHeader {
    /// The session file.
    pub path: PathBuf,
    /// Its name (what `resolve` matches a prefix of).
    pub file_name: String,
    /// The id of the guide embedded in the session.
    pub guide_id: String,
    /// That guide's title.
    pub guide_title: String,
    /// The client's name as typed (empty without a client field).
    pub client: String,
    /// When the session was created.
    pub created: Timestamp,
    /// When the conversation started, if it has.
    pub started: Option<Timestamp>,
    /// When it was finished, if it was.
    pub finished: Option<Timestamp>,
    /// The last save time recorded in the file.
    pub saved: Option<Timestamp>,
    /// In progress (resumable) or finished.
    pub status: Status,
    /// The file's modification time.
    pub modified: SystemTime,
    /// The file's size in bytes.
    pub len: u64,
    /// The planned length in minutes (the guide's total).
    pub planned_minutes: u32,
    /// The minutes the conversation took (or has taken up to its last
    /// save), rounded as the report rounds them.
    pub actual_minutes: u32,
    /// Set when the header reads but the rest of the file does not: the
    /// session is listed and matches on its header, but cannot be loaded
    /// (and its minutes are 0).
    pub damage: Option<DamageReason>,
}

impl SessionHeader {
    pub(crate) fn new(path: &Path, s: Head, modified: SystemTime, len: u64) -> Self {
        SessionHeader {
            path: path.to_path_buf(),
            file_name: file_name(path),
            guide_id: s.guide_id,
            guide_title: s.guide_title,
            client: s.client,
            created: s.created,
            started: s.started,
            finished: s.finished,
            saved: s.saved,
            status: s.status,
            modified,
            len,
            planned_minutes: 0,
            actual_minutes: 0,
            damage: None,
        }
    }

    /// The header with the minutes of the whole `session`, or marked
    /// damaged past its header (`Err`).
    pub(crate) fn with_body(mut self, body: Result<&Session, DamageReason>) -> Self {
        match body {
            Ok(session) => {
                let (planned, actual) = minutes(session);
                self.planned_minutes = planned;
                self.actual_minutes = actual;
            }
            Err(reason) => self.damage = Some(reason),
        }
        self
    }
}

/// Planned and actual minutes of a session, as its report gives them: the
/// timer at the finish, else the last save, else the creation; seconds
/// rounded to whole minutes.
fn minutes(session: &Session) -> (u32, u32) {
    let at = session
        .finished
        .or(session.saved)
        .unwrap_or(session.created);
    let view = crate::timer::snapshot(session, at);
    let round = |secs: i64| u32::try_from((secs + 30).div_euclid(60)).unwrap_or(0);
    (round(view.planned), round(view.total_elapsed))
}

/// A session file read whole, as the history lists it: the entry, and the
/// session when all of it parses. The header is what [`parse_head`] reads
/// (so a file damaged past its header still lists as a session); the whole
/// file is parsed for the minutes and the text.
pub(crate) fn read_listed(
    path: &Path,
    len: u64,
    modified: SystemTime,
) -> (Listed, Option<Session>) {
    let damaged = |reason| {
        Listed::Damaged(DamagedFile {
            path: path.to_path_buf(),
            file_name: file_name(path),
            reason,
            modified,
        })
    };
    let bytes = match read_session_file(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let reason = DamageReason::of_read(e)
                .unwrap_or_else(|e| DamageReason::Unreadable(e.to_string()));
            return (damaged(reason), None);
        }
    };
    let head = match parse_head(&bytes) {
        Ok(head) => head,
        Err(reason) => return (damaged(reason), None),
    };
    let header = SessionHeader::new(path, head, modified, len);
    match parse_bytes(&bytes) {
        Ok(session) => {
            let header = header.with_body(Ok(&session));
            (Listed::Session(header), Some(session))
        }
        Err(reason) => (Listed::Session(header.with_body(Err(reason))), None),
    }
}

/// A session file that cannot be used. The store never overwrites, moves
/// or deletes it.
#[derive(Debug, Clone, PartialEq)]
pub struct DamagedFile {
    /// The damaged file.
    pub path: PathBuf,
    /// Its name.
    pub file_name: String,
    /// What is wrong with it.
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
    /// the file), then the modification time, then the name (so equal
    /// stamps and times still have one order).
    pub(crate) fn sort_key(&self) -> (String, SystemTime, String) {
        let stamp = match super::names::name_stamp(self.file_name()) {
            Some(s) => s.to_string(),
            None => match self {
                Listed::Session(h) => h.created.format("%Y-%m-%d_%H%M").to_string(),
                Listed::Damaged(_) => String::new(),
            },
        };
        (stamp, self.modified(), self.file_name().to_string())
    }

    /// The created stamp of [`sort_key`](Self::sort_key).
    pub(crate) fn sort_stamp(&self) -> String {
        self.sort_key().0
    }
}

/// The name of a file (for lists and messages); "" for a path without one.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
