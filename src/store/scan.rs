//! The fallback way the store answers a [`SessionQuery`]: read the folder,
//! when the history index cannot be used (see `history.rs`).
//!
//! Every session file is read and parsed (cached by size and mtime, so an
//! unchanged file is not read again), the header conditions are checked,
//! and only for a text condition are files loaded again and asked
//! [`Session::mentions`] for each word.

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use super::{Listed, SessionQuery, SessionStore, list, names};

/// The entries meeting `query`, newest first; damaged files only when the
/// query has no condition.
pub(super) fn find(store: &SessionStore, query: &SessionQuery) -> io::Result<Vec<Listed>> {
    let damaged_too = !query.is_filtered();
    let mut out = Vec::new();
    let limit = query.limit().unwrap_or(usize::MAX);
    for listed in headers(store)? {
        if out.len() >= limit {
            break;
        }
        let keep = match &listed {
            Listed::Damaged(_) => damaged_too,
            Listed::Session(h) if !query.matches_header(h) => false,
            Listed::Session(h) => query.words().is_none() || mentioning(store, &h.path, query),
        };
        if keep {
            out.push(listed);
        }
    }
    Ok(out)
}

/// Whether what was said in the session at `path` meets the text
/// condition (not the embedded guide, not private notes). A file that
/// cannot be read or parsed does not match. (No look at the raw text
/// first: TOML escapes quotes and backslashes, so a needle with one would
/// be missed there.)
fn mentioning(store: &SessionStore, path: &Path, query: &SessionQuery) -> bool {
    store.load(path).is_ok_and(|s| query.matches_text(&s))
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
    list::read_listed(path, len, modified).0
}
