//! Keeping the index up to date: readdir + stat against the rows, then the
//! files that changed read again, in batches, newest first.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use rusqlite::{Transaction, TransactionBehavior, params};

use super::super::list::{self, DamageReason, Listed, SessionHeader};
use super::super::{fold, names, parts};
use super::answer::RowStat;
use super::{Index, IndexError};
use crate::session::{Session, Status};

/// A file read this close (or closer) to its mtime is read again next
/// time: a change in the same clock tick would not show in its mtime.
const RACY: Duration = Duration::from_secs(2);

/// How many files are written in one transaction (so another window
/// waits at most one batch, and a reader sees the progress).
pub(in crate::store) const BATCH: usize = 256;

/// A session file as readdir + stat saw it.
#[derive(Debug, Clone)]
pub(in crate::store) struct Scanned {
    pub name: String,
    pub len: u64,
    pub modified: SystemTime,
}

/// How the folder differs from the index.
#[derive(Debug, Default)]
pub(in crate::store) struct Diff {
    /// Files to read (new, changed, or read too close to their mtime),
    /// newest first by name.
    pub stale: Vec<Scanned>,
    /// Rows of files that changed or are gone.
    pub outdated: HashSet<i64>,
    /// Rows of files that are gone.
    pub gone: Vec<i64>,
}

/// The session files in `dir` with their size and mtime.
pub(in crate::store) fn scan_folder(dir: &Path) -> std::io::Result<Vec<Scanned>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if !names::is_session_name(&name) || entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        // fstatat on the folder (no walk of the whole path); a symbolic
        // link is followed, as opening it would.
        let meta = match entry.metadata() {
            Ok(m) if m.file_type().is_symlink() => std::fs::metadata(entry.path()),
            other => other,
        };
        let (len, modified) = match meta {
            Ok(m) => (m.len(), m.modified().unwrap_or(SystemTime::UNIX_EPOCH)),
            Err(_) => (u64::MAX, SystemTime::UNIX_EPOCH),
        };
        out.push(Scanned {
            name,
            len,
            modified,
        });
    }
    Ok(out)
}

pub(super) fn nanos(t: SystemTime) -> i64 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_nanos()).unwrap_or(i64::MAX),
    }
}

/// A file read for the index.
pub(in crate::store) struct Read {
    scanned: Scanned,
    read_ns: i64,
    /// The entry.
    pub listed: Listed,
    /// The session, when all of it parses.
    pub session: Option<Session>,
}

impl Index {
    /// Compare the folder (`files`, from [`scan_folder`]) with the rows.
    pub fn diff(&mut self, files: Vec<Scanned>) -> Result<Diff, IndexError> {
        let rows = &self.cached()?.rows;
        let mut diff = Diff::default();
        let mut seen = HashSet::with_capacity(files.len());
        let racy = i64::try_from(RACY.as_nanos()).unwrap_or(i64::MAX);
        for file in files {
            let mtime = nanos(file.modified);
            match rows.get(&file.name) {
                Some(&(id, len, m, read)) => {
                    seen.insert(id);
                    let same = i64::try_from(file.len) == Ok(len) && m == mtime;
                    if !same || (read - mtime).abs() <= racy {
                        diff.outdated.insert(id);
                        diff.stale.push(file);
                    }
                }
                None => diff.stale.push(file),
            }
        }
        for &(id, ..) in rows.values() {
            if !seen.contains(&id) {
                diff.outdated.insert(id);
                diff.gone.push(id);
            }
        }
        diff.stale
            .sort_by(|a, b| newest(&b.name).cmp(newest(&a.name)));
        Ok(diff)
    }

    /// Drop the rows of files that are gone.
    pub fn drop_rows(&mut self, ids: &[i64]) -> Result<(), IndexError> {
        if ids.is_empty() {
            return Ok(());
        }
        let cache = self.cache.take();
        let tx = self.write()?;
        for id in ids {
            delete_file(&tx, *id)?;
        }
        tx.commit()?;
        self.cache = cache.map(|mut c| {
            c.patch(&ids.iter().copied().collect(), Vec::new());
            c
        });
        Ok(())
    }

    /// Write the files of one batch (read by [`read_file`]) in one
    /// transaction.
    pub fn write_batch(&mut self, batch: &[Read]) -> Result<(), IndexError> {
        let cache = self.cache.take();
        let tx = self.write()?;
        let mut removed = HashSet::new();
        let mut added = Vec::with_capacity(batch.len());
        for r in batch {
            let (old, row) = write_file(&tx, r)?;
            removed.extend(old);
            added.push((r.scanned.name.clone(), row, r.listed.clone()));
        }
        tx.commit()?;
        // This connection's own commits do not change `data_version`: the
        // cache is brought along by hand.
        self.cache = cache.map(|mut c| {
            c.patch(&removed, added);
            c
        });
        Ok(())
    }

    /// A write transaction, taken at once (or busy after `BUSY_WAIT`).
    fn write(&mut self) -> Result<Transaction<'_>, IndexError> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// The sort stamp of a file name (files without one last).
fn newest(name: &str) -> &str {
    names::name_stamp(name).unwrap_or("")
}

/// Read one file for [`Index::write_batch`] (no lock held meanwhile).
pub(in crate::store) fn read_file(dir: &Path, scanned: &Scanned) -> Read {
    let read_ns = nanos(SystemTime::now());
    let (listed, session) =
        list::read_listed(&dir.join(&scanned.name), scanned.len, scanned.modified);
    Read {
        scanned: scanned.clone(),
        read_ns,
        listed,
        session,
    }
}

fn delete_file(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "DELETE FROM parts_fts WHERE rowid IN (SELECT id FROM parts WHERE file = ?1)",
    )?
    .execute([id])?;
    tx.prepare_cached("DELETE FROM parts WHERE file = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM files WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// A fault as stored: its kind and place as JSON (read back by
/// `answer::damage`).
fn fault_code(fault: &crate::file_fault::Fault) -> String {
    // A struct of strings and numbers always serialises.
    serde_json::to_string(fault).unwrap_or_default()
}

/// `(kind, detail)` of a damage reason as stored.
pub(super) fn damage_code(reason: &DamageReason) -> (&'static str, String) {
    match reason {
        DamageReason::Empty => ("empty", String::new()),
        DamageReason::NotText => ("not_text", String::new()),
        DamageReason::Truncated => ("truncated", String::new()),
        DamageReason::UnknownFormat(v) => ("unknown_format", v.to_string()),
        // The fault's kind and place, not words: the language may change.
        DamageReason::Invalid(fault) => ("invalid", fault_code(fault)),
        DamageReason::Unreadable(why) => ("unreadable", why.clone()),
        DamageReason::NotASession => ("not_a_session", String::new()),
        DamageReason::LineEnds => ("line_ends", String::new()),
        DamageReason::NotAFile(kind) => ("not_a_file", kind.code().to_string()),
        DamageReason::TooLarge(len) => ("too_large", len.to_string()),
    }
}

pub(super) fn status_code(status: Status) -> &'static str {
    match status {
        Status::InProgress => "in_progress",
        Status::Finished => "finished",
    }
}

/// Write one file's row and parts (replacing an older row of the same
/// name): the old row's id and the new row's id, size, mtime and read time.
fn write_file(tx: &Transaction, r: &Read) -> Result<(Option<i64>, RowStat), IndexError> {
    let old: Option<i64> = tx
        .prepare_cached("SELECT id FROM files WHERE name = ?1")?
        .query_row([&r.scanned.name], |row| row.get(0))
        .ok();
    if let Some(id) = old {
        delete_file(tx, id)?;
    }
    let unreadable = matches!(
        &r.listed,
        Listed::Damaged(d) if matches!(d.reason, DamageReason::Unreadable(_))
    );
    // An unreadable file (or one stat could not see) is read again next time.
    let len = match i64::try_from(r.scanned.len) {
        Ok(len) if !unreadable => len,
        Ok(_) | Err(_) => -1,
    };
    let stamp = r.listed.sort_stamp();
    let mtime = nanos(r.scanned.modified);
    let key = params![&r.scanned.name, len, mtime, r.read_ns, stamp];
    match &r.listed {
        Listed::Damaged(d) => {
            let (kind, detail) = damage_code(&d.reason);
            tx.prepare_cached(
                "INSERT INTO files (name, len, mtime_ns, read_ns, sort_stamp, damage,
                     damage_detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                key[0], key[1], key[2], key[3], key[4], kind, detail
            ])?;
        }
        Listed::Session(h) => insert_session(tx, key, h)?,
    }
    let file = tx.last_insert_rowid();
    if let Some(session) = &r.session {
        write_parts(tx, file, session)?;
    }
    Ok((old, (file, len, mtime, r.read_ns)))
}

/// The row of a readable session; `key` is name, size, mtime, read time
/// and sort stamp.
fn insert_session(
    tx: &Transaction,
    key: &[&dyn rusqlite::ToSql],
    h: &SessionHeader,
) -> rusqlite::Result<()> {
    let body = h.damage.as_ref().map(damage_code);
    let ts = |t: Option<crate::session::Timestamp>| t.map(|t| t.to_rfc3339());
    let mut insert = tx.prepare_cached(
        "INSERT INTO files (name, len, mtime_ns, read_ns, sort_stamp, body_damage,
             body_damage_detail, guide_id, guide_title, client, created, started, finished,
             saved, status, planned_minutes, actual_minutes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    insert.execute(params![
        key[0],
        key[1],
        key[2],
        key[3],
        key[4],
        body.as_ref().map(|b| b.0),
        body.as_ref().map(|b| b.1.clone()),
        h.guide_id,
        h.guide_title,
        h.client,
        h.created.to_rfc3339(),
        ts(h.started),
        ts(h.finished),
        ts(h.saved),
        status_code(h.status),
        h.planned_minutes,
        h.actual_minutes
    ])?;
    Ok(())
}

fn write_parts(tx: &Transaction, file: i64, session: &Session) -> rusqlite::Result<()> {
    let mut part = tx.prepare_cached(
        "INSERT INTO parts (file, kind, phase, label, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut fts = tx.prepare_cached("INSERT INTO parts_fts (rowid, folded) VALUES (?1, ?2)")?;
    for p in parts::parts(session) {
        let (phase, label) = p.kind.phase_and_label();
        part.execute(params![file, p.kind.code(), phase as i64, label, p.text])?;
        fts.execute(params![tx.last_insert_rowid(), fold::fold(&p.text)])?;
    }
    Ok(())
}
