//! Reading answers out of the index: the entries, and which files a text
//! is in.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::DateTime;
use rusqlite::Row;

use super::super::list::{DamageReason, DamagedFile, Listed, SessionHeader};
use super::super::parts::{Part, PartKind, SAID_CODES};
use super::{Index, IndexError};
use crate::session::{Status, Timestamp};

/// How a text condition is compared.
#[derive(Debug, Clone, Copy)]
pub(in crate::store) enum TextMatch<'a> {
    /// As [`Session::mentions`](crate::session::Session::mentions): what
    /// was said (no private notes, no ratings) contains the needle (lower
    /// case), case-insensitively.
    Said(&'a str),
    /// Any part's folded text contains the needle (folded).
    Folded(&'a str),
}

/// Needles shorter than this (in folded characters) cannot use the
/// trigram index and are looked for in every part.
const TRIGRAM: usize = 3;

impl Index {
    /// Every entry, newest first, with its row id.
    pub fn entries(&self, dir: &Path) -> Result<Vec<(i64, Listed)>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, len, mtime_ns, damage, damage_detail, body_damage,
                    body_damage_detail, guide_id, guide_title, client, created, started,
                    finished, saved, status, planned_minutes, actual_minutes
             FROM files ORDER BY sort_stamp DESC, mtime_ns DESC, name DESC",
        )?;
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            out.push((row.get(0)?, entry(dir, row)?));
        }
        Ok(out)
    }

    /// The rows of the files whose text matches.
    pub fn matching(&self, text: TextMatch) -> Result<HashSet<i64>, IndexError> {
        let (needle, folded, said) = match text {
            TextMatch::Said(n) => (n, super::super::fold::fold(n), true),
            TextMatch::Folded(n) => (n, n.to_string(), false),
        };
        let check = if said {
            format!("p.kind IN ({SAID_CODES}) AND said(p.kind, p.text, ?2)")
        } else {
            "folded_has(p.text, ?2)".to_string()
        };
        let sql = if folded.chars().count() >= TRIGRAM {
            format!(
                "SELECT DISTINCT p.file FROM parts_fts JOIN parts p ON p.id = parts_fts.rowid
                 WHERE parts_fts MATCH ?1 AND {check}"
            )
        } else {
            format!("SELECT DISTINCT p.file FROM parts p WHERE ?1 = ?1 AND {check}")
        };
        let phrase = format!("\"{}\"", folded.replace('"', "\"\""));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map([&phrase, &needle.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<i64>>>()?;
        Ok(ids)
    }

    /// The parts of one file, in reading order.
    pub fn parts(&self, file: i64) -> Result<Vec<Part>, IndexError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, phase, label, text FROM parts WHERE file = ?1 ORDER BY id",
        )?;
        let mut out = Vec::new();
        let mut rows = stmt.query([file])?;
        while let Some(row) = rows.next()? {
            let phase: i64 = row.get(1)?;
            let phase = usize::try_from(phase).map_err(|_| IndexError::Broken)?;
            let kind =
                PartKind::from_code(row.get(0)?, phase, row.get(2)?).ok_or(IndexError::Broken)?;
            out.push(Part {
                kind,
                text: row.get(3)?,
            });
        }
        Ok(out)
    }
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
        "invalid" => DamageReason::Invalid(detail),
        "unreadable" => DamageReason::Unreadable(detail),
        _ => return Err(IndexError::Broken),
    })
}
