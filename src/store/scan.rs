//! The first way the store answers a [`SessionQuery`]: read the folder.
//!
//! Every session file's header is read (cached by size and mtime, so an
//! unchanged file is not read again), the header conditions are checked,
//! and only for a text condition are files opened again: first a cheap
//! look at the raw text (it must contain the folded needle), then a full
//! parse and [`Session::mentions`]. An index can replace [`find`] without
//! any caller of [`SessionStore::find`] changing.

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use super::{
    DamageReason, DamagedFile, Listed, SessionHeader, SessionQuery, SessionStore, list, names,
};
use crate::session::Session;

/// One entry of the answer, with the session when the scan had to parse
/// it anyway (for the text condition).
pub(super) struct Found {
    /// The entry as [`SessionStore::list`] shows it.
    pub listed: Listed,
    /// The whole session, if it was loaded.
    pub session: Option<Session>,
}

/// The entries meeting `query`, newest first; damaged files only when the
/// query has no condition.
pub(super) fn find(store: &SessionStore, query: &SessionQuery) -> io::Result<Vec<Found>> {
    let damaged_too = !query.is_filtered();
    let mut out = Vec::new();
    for listed in headers(store)? {
        let session = match &listed {
            Listed::Damaged(_) if damaged_too => None,
            Listed::Damaged(_) => continue,
            Listed::Session(h) if !query.matches_header(h) => continue,
            Listed::Session(h) => match query.text() {
                None => None,
                Some(needle) => match mentioning(store, &h.path, needle, query) {
                    Some(session) => Some(session),
                    None => continue,
                },
            },
        };
        out.push(Found { listed, session });
    }
    Ok(out)
}

/// The session at `path` if what was said in it mentions `needle` (folded).
/// A cheap look at the raw text first; only files that may match are
/// parsed, and then only what was said counts (not the embedded guide, not
/// private notes). A file that cannot be read or parsed does not match.
fn mentioning(
    store: &SessionStore,
    path: &Path,
    needle: &str,
    query: &SessionQuery,
) -> Option<Session> {
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    if !raw.to_lowercase().contains(needle) {
        return None;
    }
    store.load(path).ok().filter(|s| query.matches_text(s))
}

/// Every session file in the folder (`*.toml`, not hidden), newest first
/// (created stamp in the name, then modification time), read as
/// [`SessionStore::list`] describes.
fn headers(store: &SessionStore) -> io::Result<Vec<Listed>> {
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&store.inner.dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if !names::is_session_name(&name) || entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        seen.push(entry.path());
    }
    let mut out = Vec::with_capacity(seen.len());
    let mut fresh = HashMap::with_capacity(seen.len());
    let cached = std::mem::take(&mut store.memory().listed);
    for path in seen {
        let meta = std::fs::metadata(&path);
        let (len, modified) = match &meta {
            Ok(m) => (m.len(), m.modified().unwrap_or(SystemTime::UNIX_EPOCH)),
            Err(_) => (0, SystemTime::UNIX_EPOCH),
        };
        let entry = match cached.get(&path) {
            Some((l, m, e)) if meta.is_ok() && *l == len && *m == modified => e.clone(),
            _ => read_entry(&path, len, modified),
        };
        fresh.insert(path, (len, modified, entry.clone()));
        out.push(entry);
    }
    store.memory().listed = fresh;
    out.sort_by_cached_key(|e| std::cmp::Reverse(e.sort_key()));
    Ok(out)
}

fn read_entry(path: &Path, len: u64, modified: SystemTime) -> Listed {
    let damaged = |reason| {
        Listed::Damaged(DamagedFile {
            path: path.to_path_buf(),
            file_name: list::file_name(path),
            reason,
            modified,
        })
    };
    match std::fs::read(path) {
        Ok(bytes) => match list::parse_head(&bytes) {
            Ok(head) => Listed::Session(SessionHeader::new(path, head, modified, len)),
            Err(reason) => damaged(reason),
        },
        Err(e) => damaged(DamageReason::Unreadable(e.to_string())),
    }
}
