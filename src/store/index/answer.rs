//! Reading answers out of the index: the entries, and which files a text
//! is in.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::DateTime;
use rusqlite::Row;

use super::super::fold::fold;
use super::super::list::{DamageReason, DamagedFile, Listed, SessionHeader};
use super::super::overview::{Overview, Picker};
use super::super::parts::{Part, PartKind, SAID_CODES};
use super::{Index, IndexError};
use crate::file_read::FileKind;
use crate::session::{Status, Timestamp};

/// What the trigram index says about the needles of a search.
#[derive(Debug)]
pub(in crate::store) enum Found {
    /// One needle: per file, the parts that contain it, in reading order.
    Parts(HashMap<i64, Vec<Part>>),
    /// Several needles: the files that contain every one the index can
    /// look for (look in their parts for the others, and to check).
    Files(HashSet<i64>),
    /// Every needle it can look for is in more parts than asked for.
    TooMany,
    /// Too short for trigrams, every one: look in every part.
    TooShort,
}

/// A row's id, size, mtime (ns) and when the file was read (ns).
pub(in crate::store) type RowStat = (i64, i64, i64, i64);

/// The rows and entries of the index as last read.
#[derive(Debug)]
pub(in crate::store) struct Cache {
    /// `PRAGMA data_version` when read.
    version: i64,
    /// Per file name: row id, size, mtime and when it was read (ns).
    pub rows: HashMap<String, RowStat>,
    /// Every entry, newest first, with its row id: read only when an
    /// answer needs them all (not for `SessionStore::overview`, so the
    /// home screen's listing never holds every header of the archive).
    entries: Option<Arc<Vec<(i64, Listed)>>>,
}

impl Cache {
    /// Take out the rows `removed` and put in `added` (name, row, entry),
    /// keeping the entries newest first.
    pub fn patch(&mut self, removed: &HashSet<i64>, added: Vec<(String, RowStat, Listed)>) {
        self.rows.retain(|_, row| !removed.contains(&row.0));
        let mut entries = self.entries.as_mut().map(Arc::make_mut);
        if let Some(entries) = entries.as_mut() {
            entries.retain(|(id, _)| !removed.contains(id));
        }
        for (name, row, listed) in added {
            if let Some(entries) = entries.as_mut() {
                let key = listed.sort_key();
                let at = entries.partition_point(|(_, e)| e.sort_key() > key);
                entries.insert(at, (row.0, listed));
            }
            self.rows.insert(name, row);
        }
    }
}

/// The columns of `files` that [`entry`] reads, in its order.
const ENTRY_COLUMNS: &str = "id, name, len, mtime_ns, damage, damage_detail, body_damage,
    body_damage_detail, guide_id, guide_title, client, created, started, finished, saved,
    status, planned_minutes, actual_minutes";

/// Needles shorter than this (in folded characters) cannot use the
/// trigram index and are looked for in every part.
const TRIGRAM: usize = 3;

impl Index {
    /// What the index holds, read again only when it changed (this
    /// connection wrote, or `PRAGMA data_version` says another one did).
    pub fn cached(&mut self) -> Result<&Cache, IndexError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let fresh = self.cache.as_ref().is_some_and(|c| c.version == version);
        if !fresh {
            self.cache = Some(Cache {
                version,
                rows: self.rows()?,
                entries: None,
            });
        }
        self.cache.as_ref().ok_or(IndexError::Broken)
    }

    /// Every entry, newest first, with its row id: from the cache, read
    /// when it has none yet.
    pub fn all_entries(&mut self, dir: &Path) -> Result<Arc<Vec<(i64, Listed)>>, IndexError> {
        self.cached()?;
        if let Some(entries) = self.cache.as_ref().and_then(|c| c.entries.clone()) {
            return Ok(entries);
        }
        let entries = Arc::new(self.entries(dir)?);
        if let Some(cache) = self.cache.as_mut() {
            cache.entries = Some(Arc::clone(&entries));
        }
        Ok(entries)
    }

    /// How many entries the cache holds (0 before an answer needed them).
    #[cfg(test)]
    pub fn entries_held(&self) -> usize {
        self.cache
            .as_ref()
            .and_then(|c| c.entries.as_ref())
            .map_or(0, |e| e.len())
    }

    /// Per file name: row id, size, mtime and when it was read (ns).
    fn rows(&self) -> Result<HashMap<String, RowStat>, IndexError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, len, mtime_ns, read_ns FROM files")?;
        let mut rows = HashMap::new();
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            rows.insert(r.get(1)?, (r.get(0)?, r.get(2)?, r.get(3)?, r.get(4)?));
        }
        Ok(rows)
    }

    /// Every entry, newest first, with its row id.
    fn entries(&self, dir: &Path) -> Result<Vec<(i64, Listed)>, IndexError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM files ORDER BY sort_stamp DESC, mtime_ns DESC, name DESC"
        ))?;
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            out.push((row.get(0)?, entry(dir, row)?));
        }
        Ok(out)
    }

    /// The [`Overview`] of every row, in the order of `list`, keeping at
    /// most `finished` finished sessions: only the headers kept are built
    /// (a finished row's two times are read first), so what this holds
    /// grows with the unfinished sessions, not with the rows.
    pub fn overview(&self, dir: &Path, finished: usize) -> Result<Overview, IndexError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM files ORDER BY sort_stamp DESC, mtime_ns DESC, name DESC"
        ))?;
        let mut picker = Picker::new(finished);
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            // Damaged, in its header (4) or below it (6).
            let null = rusqlite::types::Type::Null;
            if row.get_ref(4)?.data_type() != null || row.get_ref(6)?.data_type() != null {
                picker.damaged();
                continue;
            }
            if row.get_ref(15)?.as_str().map_err(|_| IndexError::Broken)? == "finished" {
                let started = stamp(row.get(12)?)?;
                let created = stamp(row.get(11)?)?.ok_or(IndexError::Broken)?;
                if !picker.wants(started.unwrap_or(created)) {
                    continue;
                }
            }
            match entry(dir, row)? {
                Listed::Session(h) => picker.session(h),
                Listed::Damaged(_) => picker.damaged(),
            }
        }
        Ok(picker.done())
    }

    /// The rows of the files in which what was said contains every one of
    /// `needles` (lower case), each anywhere, as [`Session::mentions`]
    /// compares: the files of each needle of three or more characters from
    /// the trigram index, the others then looked for in those files only
    /// (in every file when all are short).
    ///
    /// [`Session::mentions`]: crate::session::Session::mentions
    pub fn said_files(&self, needles: &[String]) -> Result<HashSet<i64>, IndexError> {
        let (long, short): (Vec<&String>, Vec<&String>) = needles
            .iter()
            .partition(|n| fold(n).chars().count() >= TRIGRAM);
        let mut files: Option<HashSet<i64>> = None;
        for needle in long.into_iter().chain(short) {
            files = Some(match files {
                Some(files) if files.is_empty() => return Ok(files),
                Some(files) if fold(needle).chars().count() < TRIGRAM => {
                    self.said_among(files, needle)?
                }
                Some(files) => {
                    let found = self.said_anywhere(needle)?;
                    files.into_iter().filter(|f| found.contains(f)).collect()
                }
                None => self.said_anywhere(needle)?,
            });
        }
        Ok(files.unwrap_or_default())
    }

    /// The rows of the files in which what was said contains `needle`
    /// (lower case) as [`Session::mentions`] compares: folded candidates
    /// from the trigram index (a case-insensitive match is always a folded
    /// one), each checked; a short needle checked in every part.
    ///
    /// [`Session::mentions`]: crate::session::Session::mentions
    fn said_anywhere(&self, needle: &str) -> Result<HashSet<i64>, IndexError> {
        let folded = fold(needle);
        let check = format!("p.kind IN ({SAID_CODES}) AND said(p.kind, p.text, ?2)");
        let sql = if folded.chars().count() >= TRIGRAM {
            format!(
                "SELECT DISTINCT p.file FROM parts_fts JOIN parts p ON p.id = parts_fts.rowid
                 WHERE parts_fts MATCH ?1 AND {check}"
            )
        } else {
            format!("SELECT DISTINCT p.file FROM parts p WHERE ?1 = ?1 AND {check}")
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map([phrase(&folded).as_str(), needle], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<i64>>>()?;
        Ok(ids)
    }

    /// Which of `files` hold `needle` (lower case) in what was said, each
    /// file's parts checked as [`said_anywhere`](Self::said_anywhere) does.
    fn said_among(&self, files: HashSet<i64>, needle: &str) -> Result<HashSet<i64>, IndexError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM parts p WHERE p.file = ?1
             AND p.kind IN ({SAID_CODES}) AND said(p.kind, p.text, ?2))"
        ))?;
        let mut out = HashSet::new();
        for file in files {
            if stmt.query_row(rusqlite::params![file, needle], |r| r.get::<_, bool>(0))? {
                out.insert(file);
            }
        }
        Ok(out)
    }

    /// What the trigram index says about `needles` (folded), at most `cap`
    /// parts a needle (more: that needle is looked for part by part). One
    /// needle: per file, the parts that contain it ([`Found::Parts`]).
    /// Several: the files that contain every one it can look for
    /// ([`Found::Files`]); none found by it: [`Found::TooShort`] or
    /// [`Found::TooMany`].
    pub fn folded_parts(
        &self,
        needles: &[String],
        cap: Option<usize>,
    ) -> Result<Found, IndexError> {
        if let [needle] = needles {
            return self.parts_of_one(needle, cap);
        }
        let mut files: Option<HashSet<i64>> = None;
        let mut any_long = false;
        for needle in needles {
            let Some(terms) = match_terms(needle) else {
                continue;
            };
            any_long = true;
            let Some(found) = self.files_matching(&terms, cap)? else {
                continue;
            };
            let files_now = match files {
                Some(so_far) => so_far.into_iter().filter(|f| found.contains(f)).collect(),
                None => found,
            };
            if files_now.is_empty() {
                return Ok(Found::Files(files_now));
            }
            files = Some(files_now);
        }
        Ok(match files {
            Some(files) => Found::Files(files),
            None if any_long => Found::TooMany,
            None => Found::TooShort,
        })
    }

    /// The files with a part (not the client's name: it is a field too)
    /// whose folded text matches the FTS5 query `terms`; `None` when more
    /// than `cap` parts do.
    fn files_matching(
        &self,
        terms: &str,
        cap: Option<usize>,
    ) -> Result<Option<HashSet<i64>>, IndexError> {
        let cap = cap.unwrap_or(usize::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.file FROM parts_fts JOIN parts p ON p.id = parts_fts.rowid
             WHERE parts_fts MATCH ?1 AND p.kind <> 0",
        )?;
        let mut out = HashSet::new();
        let mut rows = stmt.query([terms])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            n += 1;
            if n > cap {
                return Ok(None);
            }
            out.insert(row.get(0)?);
        }
        Ok(Some(out))
    }

    /// Per file, the parts whose folded text contains `folded`, in
    /// reading order; at most `cap` parts (more: [`Found::TooMany`]).
    fn parts_of_one(&self, folded: &str, cap: Option<usize>) -> Result<Found, IndexError> {
        let Some(terms) = match_terms(folded) else {
            return Ok(Found::TooShort);
        };
        let cap = cap.unwrap_or(usize::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.kind, p.phase, p.label, p.text, p.file, p.id
             FROM parts_fts JOIN parts p ON p.id = parts_fts.rowid
             WHERE parts_fts MATCH ?1 AND p.kind <> 0",
        )?;
        let mut out: HashMap<i64, Vec<(i64, Part)>> = HashMap::new();
        let mut rows = stmt.query([terms])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            n += 1;
            if n > cap {
                return Ok(Found::TooMany);
            }
            out.entry(row.get(4)?)
                .or_default()
                .push((row.get(5)?, part(row)?));
        }
        let in_order = |mut parts: Vec<(i64, Part)>| {
            parts.sort_unstable_by_key(|(id, _)| *id);
            parts.into_iter().map(|(_, p)| p).collect()
        };
        Ok(Found::Parts(
            out.into_iter().map(|(f, p)| (f, in_order(p))).collect(),
        ))
    }

    /// The parts of one file, in reading order.
    pub fn parts(&self, file: i64) -> Result<Vec<Part>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, phase, label, text FROM parts WHERE file = ?1 ORDER BY id",
        )?;
        let mut out = Vec::new();
        let mut rows = stmt.query([file])?;
        while let Some(row) = rows.next()? {
            out.push(part(row)?);
        }
        Ok(out)
    }
}

/// A row `kind, phase, label, text` of `parts`.
fn part(row: &Row) -> Result<Part, IndexError> {
    let phase: i64 = row.get(1)?;
    let phase = usize::try_from(phase).map_err(|_| IndexError::Broken)?;
    let kind = PartKind::from_code(row.get(0)?, phase, row.get(2)?).ok_or(IndexError::Broken)?;
    Ok(Part {
        kind,
        text: row.get(3)?,
    })
}

/// An FTS5 query for `folded` as one phrase (a substring, for trigrams).
fn phrase(folded: &str) -> String {
    format!("\"{}\"", folded.replace('"', "\"\""))
}

/// The FTS5 query that finds the parts a search for `folded` may match:
/// each of its pieces between white space of three or more characters as a
/// phrase, all of them (a part's snippet is looked for on one line, so a
/// phrase of several words may span a line break there); `None` when no
/// piece is that long.
fn match_terms(folded: &str) -> Option<String> {
    let terms: Vec<String> = folded
        .split_whitespace()
        .filter(|piece| piece.chars().count() >= TRIGRAM)
        .map(phrase)
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// One row of `files` as the entry [`SessionStore::list`] gives.
///
/// [`SessionStore::list`]: crate::store::SessionStore::list
fn entry(dir: &Path, row: &Row) -> Result<Listed, IndexError> {
    let name: String = row.get(1)?;
    let path = dir.join(&name);
    let len: i64 = row.get(2)?;
    let modified = time(row.get(3)?);
    if let Some(kind) = row.get::<_, Option<String>>(4)? {
        let detail: Option<String> = row.get(5)?;
        return Ok(Listed::Damaged(DamagedFile {
            path,
            file_name: name,
            reason: damage(&kind, detail.unwrap_or_default())?,
            modified,
        }));
    }
    let body = match row.get::<_, Option<String>>(6)? {
        Some(kind) => Some(damage(
            &kind,
            row.get::<_, Option<String>>(7)?.unwrap_or_default(),
        )?),
        None => None,
    };
    let status: String = row.get(15)?;
    Ok(Listed::Session(SessionHeader {
        path,
        file_name: name,
        guide_id: row.get(8)?,
        guide_title: row.get(9)?,
        client: row.get(10)?,
        created: stamp(row.get(11)?)?.ok_or(IndexError::Broken)?,
        started: stamp(row.get(12)?)?,
        finished: stamp(row.get(13)?)?,
        saved: stamp(row.get(14)?)?,
        status: match status.as_str() {
            "in_progress" => Status::InProgress,
            "finished" => Status::Finished,
            _ => return Err(IndexError::Broken),
        },
        modified,
        len: u64::try_from(len).unwrap_or(0),
        planned_minutes: row.get(16)?,
        actual_minutes: row.get(17)?,
        damage: body,
    }))
}

fn time(ns: i64) -> SystemTime {
    let d = Duration::from_nanos(ns.unsigned_abs());
    if ns >= 0 {
        SystemTime::UNIX_EPOCH + d
    } else {
        SystemTime::UNIX_EPOCH - d
    }
}

fn stamp(text: Option<String>) -> Result<Option<Timestamp>, IndexError> {
    text.map(|t| DateTime::parse_from_rfc3339(&t).map_err(|_| IndexError::Broken))
        .transpose()
}

fn damage(kind: &str, detail: String) -> Result<DamageReason, IndexError> {
    Ok(match kind {
        "empty" => DamageReason::Empty,
        "not_text" => DamageReason::NotText,
        "truncated" => DamageReason::Truncated,
        "unknown_format" => {
            DamageReason::UnknownFormat(detail.parse().map_err(|_| IndexError::Broken)?)
        }
        "invalid" => {
            DamageReason::Invalid(serde_json::from_str(&detail).map_err(|_| IndexError::Broken)?)
        }
        "unreadable" => DamageReason::Unreadable(detail),
        "not_a_session" => DamageReason::NotASession,
        "line_ends" => DamageReason::LineEnds,
        "not_a_file" => {
            DamageReason::NotAFile(FileKind::from_code(&detail).ok_or(IndexError::Broken)?)
        }
        "too_large" => DamageReason::TooLarge(detail.parse().map_err(|_| IndexError::Broken)?),
        _ => return Err(IndexError::Broken),
    })
}
