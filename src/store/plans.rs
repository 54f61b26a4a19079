//! PlanStore: the plan files, in the folder `plans/` of the data folder.
//!
//! The same machinery as the sessions: a verified atomic write
//! (`fs::write_atomic`: temp file `.~NAME.tmp`, fsync, rename, fsync the
//! folder), files 0600 and the folder 0700, `.~NAME.lock` locks, damaged
//! files listed with a reason and never written over, moved or deleted.
//!
//! Why a folder of their own: the session listing (and anything that
//! reads the data folder as a folder of sessions) takes every `*.toml` in
//! the data folder for a session and skips folders. In `plans/`, a plan
//! is never listed as a (damaged) session, and `leidraad resume PREFIX`
//! never matches one, without a line of the session store changing.
//!
//! Changes go through [`PlanStore::update`]: lock, read the file as it is
//! now, change, write, unlock, in one call. Two windows (or a window and
//! the command line) can show the same plan; neither loses the other's
//! change, and no lock is held while a plan is only on show.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::fs::{self, Fs, RealFs};
use super::plan_file::{ListedPlan, PlanEntry, PlanStoreError, parse_plan_bytes, plan_text};
use super::{
    DamageReason, DamagedFile, DeleteError, LoadError, LockError, ResolveError, SaveError,
    SessionLock, SessionStore, StaleTemps, StoreWarning, ensure_private_dir, list, lock, names,
};
use crate::plan::{Plan, PlanError};
use crate::slug::slug;

/// The folder of the plans, inside the data folder.
pub const PLANS_FOLDER: &str = "plans";

/// The longest trajectory or client part of a plan file name, in bytes.
const PART_MAX: usize = 40;

/// How long [`PlanStore::update`] waits for a plan that another window
/// is writing at that moment (its lock is held for one write).
const BUSY_TRIES: u32 = 20;
const BUSY_WAIT: Duration = Duration::from_millis(25);

/// A held lock on one plan file; released on drop, and by the OS when the
/// process dies.
#[derive(Debug)]
pub struct PlanLock(SessionLock);

impl PlanLock {
    /// The plan file this lock is for.
    pub fn path(&self) -> &Path {
        self.0.session()
    }
}

/// The plan files of one data folder. Cheap to clone.
#[derive(Debug, Clone)]
pub struct PlanStore {
    dir: PathBuf,
    fs: Arc<dyn Fs>,
    warnings: Vec<StoreWarning>,
}

impl PlanStore {
    /// The plans of the data folder `data_dir` (created 0700 if missing):
    /// its folder `plans/`, created 0700 with the first plan, so a data
    /// folder without plans holds no empty folder. Stale temporary files
    /// of earlier crashes are removed.
    pub fn open(data_dir: &Path) -> io::Result<PlanStore> {
        Self::open_with(data_dir, Arc::new(RealFs))
    }

    /// [`open`](Self::open) with another file system (fault injection).
    #[doc(hidden)]
    pub fn open_with(data_dir: &Path, fs: Arc<dyn Fs>) -> io::Result<PlanStore> {
        Self::open_full(data_dir, fs, StaleTemps::Remove)
    }

    fn open_full(data_dir: &Path, fs: Arc<dyn Fs>, temps: StaleTemps) -> io::Result<PlanStore> {
        let dir = data_dir.join(PLANS_FOLDER);
        ensure_private_dir(data_dir)?;
        let warnings = match std::fs::symlink_metadata(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            _ => ensure_private_dir(&dir)?,
        };
        let store = PlanStore { dir, fs, warnings };
        match temps {
            StaleTemps::Remove => store.remove_stale_temps(),
            StaleTemps::Later => {}
        }
        Ok(store)
    }

    /// The plans beside the sessions of `sessions` (the same data folder
    /// and file system); their stale temporary files go when the sessions'
    /// do (see [`StaleTemps`]).
    pub fn beside(sessions: &SessionStore) -> io::Result<PlanStore> {
        Self::open_full(
            sessions.dir(),
            sessions.inner.fs.clone(),
            sessions.stale_temps(),
        )
    }

    /// The plans folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Warnings found when opening (the plans folder readable by others).
    pub fn warnings(&self) -> &[StoreWarning] {
        &self.warnings
    }

    /// The path of a plan file by its name (what a session records). None
    /// when `file_name` is not a plain plan file name (a path, a hidden
    /// file): a session file edited by hand cannot point elsewhere.
    pub fn path_of(&self, file_name: &str) -> Option<PathBuf> {
        let plain = names::is_session_name(file_name)
            && !file_name.contains(['/', '\\'])
            && file_name != "..";
        plain.then(|| self.dir.join(file_name))
    }

    /// Write a new plan under a free name (see [`plan_file_name`]; `-2`,
    /// `-3`… when taken), never over an existing file; returns its path.
    pub fn create(&self, plan: &Plan) -> Result<PathBuf, PlanStoreError> {
        let text = plan_text(plan).map_err(PlanStoreError::Save)?;
        ensure_private_dir(&self.dir).map_err(|error| {
            PlanStoreError::Save(SaveError::Io {
                step: fs::SaveStep::CreateTemp,
                path: self.dir.clone(),
                error,
            })
        })?;
        let stem = plan_stem(plan);
        for n in 1u32..=1000 {
            let name = match n {
                1 => format!("{stem}.toml"),
                _ => format!("{stem}-{n}.toml"),
            };
            let path = self.dir.join(&name);
            if path.symlink_metadata().is_ok() {
                continue;
            }
            let held = match lock::lock(&path) {
                Ok(l) => l,
                Err(LockError::Busy { .. }) => continue,
                Err(e) => return Err(PlanStoreError::Lock(e)),
            };
            // Another process may have written it before we locked.
            if path.symlink_metadata().is_ok() {
                continue;
            }
            self.write(&path, &text).map_err(PlanStoreError::Save)?;
            drop(held);
            return Ok(path);
        }
        Err(PlanStoreError::Save(SaveError::Io {
            step: fs::SaveStep::CreateTemp,
            path: self.dir.join(format!("{stem}.toml")),
            error: io::Error::from(io::ErrorKind::AlreadyExists),
        }))
    }

    /// Read a plan file. A damaged file is reported, never changed.
    pub fn load(&self, path: &Path) -> Result<Plan, LoadError> {
        let bytes = list::read_session_file(path).map_err(|e| LoadError::of_read(path, e))?;
        parse_plan_bytes(&bytes).map_err(|reason| LoadError::Damaged {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Lock a plan file for one change. [`LockError::Busy`] while another
    /// window or process changes it.
    pub fn lock(&self, path: &Path) -> Result<PlanLock, LockError> {
        lock::lock(path).map(PlanLock)
    }

    /// Write `plan` to the file `lock` holds, atomically and verified.
    /// Refused when the file there is damaged (it is left as it is).
    /// Load the plan under the same lock first, or use
    /// [`update`](Self::update), which does both.
    pub fn save(&self, lock: &PlanLock, plan: &Plan) -> Result<(), PlanStoreError> {
        let path = lock.path();
        let text = plan_text(plan).map_err(PlanStoreError::Save)?;
        match self.load(path) {
            Ok(_) => {}
            Err(LoadError::Io { error, .. }) if error.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(PlanStoreError::Load(e)),
        }
        self.write(path, &text).map_err(PlanStoreError::Save)
    }

    /// Change a plan: lock it (waiting a moment while another window
    /// writes it), read it as it is on disk, apply `change`, write it back
    /// when the plan changed. When `change` refuses, nothing is written.
    pub fn update<T>(
        &self,
        path: &Path,
        change: impl FnOnce(&mut Plan) -> Result<T, PlanError>,
    ) -> Result<T, PlanStoreError> {
        let lock = self.lock_waiting(path)?;
        let mut plan = self.load(path).map_err(PlanStoreError::Load)?;
        let before = plan.clone();
        let out = change(&mut plan).map_err(PlanStoreError::Plan)?;
        if plan != before {
            let text = plan_text(&plan).map_err(PlanStoreError::Save)?;
            self.write(path, &text).map_err(PlanStoreError::Save)?;
        }
        drop(lock);
        Ok(out)
    }

    /// Archive a finished plan (see [`Plan::archive`]).
    pub fn archive(
        &self,
        path: &Path,
        now: crate::session::Timestamp,
    ) -> Result<(), PlanStoreError> {
        self.update(path, |plan| plan.archive(now))
    }

    /// Every plan file in the folder (`*.toml`, not hidden), newest first
    /// (made, then name), damaged ones included with their reason.
    /// Archived plans are included; [`Plan::is_archived`] tells them.
    pub fn list(&self) -> io::Result<Vec<ListedPlan>> {
        let mut out = Vec::new();
        let entries = match std::fs::read_dir(&self.dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
            other => other?,
        };
        for entry in entries {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name().to_string_lossy().into_owned();
            if !names::is_session_name(&name) || entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            out.push(self.read_entry(&entry.path()));
        }
        out.sort_by_cached_key(|e| std::cmp::Reverse(sort_key(e)));
        Ok(out)
    }

    fn read_entry(&self, path: &Path) -> ListedPlan {
        let modified = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let damaged = |reason| {
            ListedPlan::Damaged(DamagedFile {
                path: path.to_path_buf(),
                file_name: list::file_name(path),
                reason,
                modified,
            })
        };
        match list::read_session_file(path) {
            Ok(bytes) => match parse_plan_bytes(&bytes) {
                Ok(plan) => ListedPlan::Plan(Box::new(PlanEntry {
                    path: path.to_path_buf(),
                    file_name: list::file_name(path),
                    plan,
                })),
                Err(reason) => damaged(reason),
            },
            Err(e) => damaged(
                DamageReason::of_read(e)
                    .unwrap_or_else(|e| DamageReason::Unreadable(e.to_string())),
            ),
        }
    }

    /// The plan a command-line PLAN argument names: an existing file, or
    /// the one plan file whose name starts with `arg`.
    pub fn resolve(&self, arg: &str) -> Result<PathBuf, ResolveError> {
        let as_path = Path::new(arg);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        let io_err = |error| ResolveError::Io {
            dir: self.dir.clone(),
            error,
        };
        let mut candidates: Vec<String> = std::fs::read_dir(&self.dir)
            .map_err(io_err)?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| names::is_session_name(n) && n.starts_with(arg))
            .collect();
        candidates.sort();
        if let Some(exact) = candidates
            .iter()
            .find(|n| *n == arg || n.strip_suffix(".toml") == Some(arg))
        {
            return Ok(self.dir.join(exact));
        }
        match candidates.len() {
            0 => Err(ResolveError::NotFound {
                arg: arg.to_string(),
                dir: self.dir.clone(),
            }),
            1 => Ok(self.dir.join(&candidates[0])),
            _ => Err(ResolveError::Ambiguous {
                arg: arg.to_string(),
                candidates,
            }),
        }
    }

    /// Delete a plan file with its companions (temp and lock files).
    /// Refused while it is being changed elsewhere, and for damaged files.
    /// Sessions that fulfilled its steps stay; their plan reference then
    /// names a plan that is gone.
    pub fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        let held = lock::lock(path).map_err(DeleteError::Locked)?;
        let damaged = |reason| DeleteError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        match list::read_session_file(path).map_err(DamageReason::of_read) {
            Ok(bytes) => parse_plan_bytes(&bytes).map(drop).map_err(damaged)?,
            Err(Ok(reason)) => return Err(damaged(reason)),
            Err(Err(e)) if e.kind() == io::ErrorKind::NotFound => {}
            Err(Err(error)) => {
                return Err(DeleteError::Io {
                    path: path.to_path_buf(),
                    error,
                });
            }
        }
        for p in [path.to_path_buf(), names::temp_path(path)] {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(error) => return Err(DeleteError::Io { path: p, error }),
            }
        }
        drop(held);
        let _ = self.fs.sync_dir(&self.dir);
        Ok(())
    }

    /// Lock `path`, trying again for a moment while another process holds
    /// the lock (it writes one plan and lets go).
    fn lock_waiting(&self, path: &Path) -> Result<PlanLock, PlanStoreError> {
        let mut tries = 0;
        loop {
            match self.lock(path) {
                Ok(lock) => return Ok(lock),
                Err(LockError::Busy { .. }) if tries < BUSY_TRIES => {
                    tries += 1;
                    std::thread::sleep(BUSY_WAIT);
                }
                Err(e) => return Err(PlanStoreError::Lock(e)),
            }
        }
    }

    /// The one write path of plans.
    fn write(&self, target: &Path, text: &str) -> Result<(), SaveError> {
        fs::write_atomic(&*self.fs, target, text.as_bytes(), &mut || {}).map_err(|e| {
            SaveError::Io {
                step: e.step,
                path: target.to_path_buf(),
                error: e.error,
            }
        })
    }

    /// Remove `.~*.tmp` files left by a crash, except those of a plan that
    /// is locked, by another process or this one (it may be writing right
    /// now). Reads every entry of the plans folder (see [`StaleTemps`]).
    pub fn remove_stale_temps(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(plan) = name.strip_prefix(".~").and_then(|n| n.strip_suffix(".tmp")) else {
                continue;
            };
            if !lock::is_locked(&self.dir.join(plan)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// The file name for a new plan: `<start>_<trajectory id>_<client>.toml`,
/// e.g. `2026-09-07_verbetertraject_sanne-de-vries.toml`.
pub fn plan_file_name(plan: &Plan) -> String {
    format!("{}.toml", plan_stem(plan))
}

fn plan_stem(plan: &Plan) -> String {
    let mut stem = plan.start.format("%Y-%m-%d").to_string();
    for part in [&plan.trajectory.id, &plan.client] {
        let part = slug(part, PART_MAX);
        if !part.is_empty() {
            stem.push('_');
            stem.push_str(&part);
        }
    }
    stem
}

/// Newest first: when the plan was made (the file's time for a damaged
/// one), then the name.
fn sort_key(entry: &ListedPlan) -> (SystemTime, String) {
    let time = match entry {
        ListedPlan::Plan(e) => SystemTime::from(e.plan.created),
        ListedPlan::Damaged(d) => d.modified,
    };
    (time, entry.file_name().to_string())
}
