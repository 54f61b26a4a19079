//! Rescue copies, deleting a session with its companions, and cleaning up
//! after a crash.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::fs::{self, RealFs};
use super::{DamageReason, DeleteError, LoadError, SessionStore, list, lock, names};
use crate::session::{Session, SessionFileError as FileError};

/// When opening a store removes the temporary files that crashes left
/// (`.~*.tmp`, see [`SessionStore::remove_stale_temps`]): that reads every
/// entry of the folder, about 41 ms with 50,000 sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaleTemps {
    /// While opening (the command line: one look at the folder, once).
    Remove,
    /// Not while opening: the owner calls
    /// [`SessionStore::remove_stale_temps`] later, off its UI thread (the
    /// app, whose first frame must not wait for the folder).
    Later,
}

/// A rescue copy left by a crash (`.~<name>.rescue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescue {
    /// The rescue file.
    pub path: PathBuf,
    /// The session file it belongs to (it may not exist).
    pub session: PathBuf,
    /// When the rescue copy was written.
    pub modified: SystemTime,
}

impl SessionStore {
    /// Write `text` (a serialised session, see [`super::session_text`]) to
    /// `.~<name>.rescue` beside the session, never over it. For the panic
    /// hook: best effort, never panics, returns the rescue path if written.
    pub fn write_rescue(&self, session: &Path, text: &str) -> Option<PathBuf> {
        let rescue = names::rescue_path(session);
        let written = std::panic::catch_unwind(|| {
            fs::write_atomic(&RealFs, &rescue, text.as_bytes(), &mut || {}).is_ok()
        });
        matches!(written, Ok(true)).then_some(rescue)
    }

    /// Rescue copies in the folder, newest first, to offer after a crash.
    pub fn rescues(&self) -> Vec<Rescue> {
        let Ok(entries) = std::fs::read_dir(&self.inner.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Rescue> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let (session, kind) = names::split_companion(&name)?;
                (kind == "rescue").then(|| Rescue {
                    path: e.path(),
                    session: self.inner.dir.join(session),
                    modified: e
                        .metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(SystemTime::UNIX_EPOCH),
                })
            })
            .collect();
        let copies: Vec<Rescue> = self
            .emergency_copies()
            .filter(|r| !out.iter().any(|o| o.session == r.session))
            .collect();
        out.extend(copies);
        out.sort_by_key(|r| std::cmp::Reverse(r.modified));
        out
    }

    /// The recorded emergency copies (see [`super::CopyLog`]) of sessions in
    /// this folder, as rescue copies: the home screen offers them like a
    /// crash's, and resuming takes the newer in (issue 15 point 5).
    fn emergency_copies(&self) -> impl Iterator<Item = Rescue> + '_ {
        let copies = self.copy_log().map(|log| log.copies()).unwrap_or_default();
        copies.into_iter().rev().filter_map(|c| {
            let session = c.session?;
            (names::parent_dir(&session) == self.inner.dir.as_path()).then(|| Rescue {
                modified: std::fs::metadata(&c.copy)
                    .and_then(|m| m.modified())
                    .unwrap_or(SystemTime::UNIX_EPOCH),
                path: c.copy,
                session,
            })
        })
    }

    /// The rescue copy a crash left beside one session, if any (one look
    /// at one name, whatever the size of the folder).
    pub fn rescue_for(&self, session: &Path) -> Option<Rescue> {
        let path = names::rescue_path(session);
        let beside = std::fs::symlink_metadata(&path)
            .ok()
            .filter(|meta| meta.is_file())
            .map(|meta| Rescue {
                modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                session: session.to_path_buf(),
                path,
            });
        beside.or_else(|| self.emergency_copies().find(|r| r.session == session))
    }

    /// Read a rescue copy (the end marker is not required).
    pub fn load_rescue(&self, rescue: &Rescue) -> Result<Session, LoadError> {
        let damaged = |reason| LoadError::Damaged {
            path: rescue.path.clone(),
            reason,
        };
        let bytes = list::read_session_file(&rescue.path)
            .map_err(|e| LoadError::of_read(&rescue.path, e))?;
        let text = std::str::from_utf8(&bytes).map_err(|_| damaged(DamageReason::NotText))?;
        let session = Session::from_toml(text).map_err(|e| {
            damaged(match e {
                FileError::Damaged(w) => DamageReason::Invalid(w),
                FileError::UnknownFormat(v) => DamageReason::UnknownFormat(v),
            })
        })?;
        list::check_guide(&session).map_err(damaged)?;
        Ok(session)
    }

    /// Remove a rescue copy (after it was restored or declined). An
    /// emergency copy elsewhere is the user's file: it stays, and is only
    /// no longer offered.
    pub fn discard_rescue(&self, rescue: &Rescue) -> io::Result<()> {
        if rescue.path == names::rescue_path(&rescue.session) {
            return std::fs::remove_file(&rescue.path);
        }
        match self.copy_log() {
            Some(log) => log.forget(&rescue.path),
            None => Ok(()),
        }
    }

    /// Delete a session and every file that belongs to it: its rescue copy,
    /// a temp file, its lock file. Conflict copies (`…-conflict.toml`) are
    /// sessions in their own right and stay. Refused while it is open in
    /// another window, and for damaged files.
    pub fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        let lock = self.lock(path).map_err(DeleteError::Locked)?;
        let damaged = |reason| DeleteError::Damaged {
            path: path.to_path_buf(),
            reason,
        };
        match list::read_session_file(path).map_err(DamageReason::of_read) {
            Ok(bytes) => list::parse_bytes(&bytes).map(drop).map_err(damaged)?,
            Err(Ok(reason)) => return Err(damaged(reason)),
            Err(Err(e)) if e.kind() == io::ErrorKind::NotFound => {}
            Err(Err(error)) => {
                return Err(DeleteError::Io {
                    path: path.to_path_buf(),
                    error,
                });
            }
        }
        let rescue = names::rescue_path(path);
        for p in [
            path.to_path_buf(),
            names::temp_path(path),
            names::temp_path(&rescue),
            rescue,
        ] {
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(error) => return Err(DeleteError::Io { path: p, error }),
            }
        }
        drop(lock);
        let mut mem = self.memory();
        mem.known.remove(path);
        mem.listed.remove(path);
        let _ = self.inner.fs.sync_dir(&names::parent_dir(path));
        Ok(())
    }

    /// Remove `.~*.tmp` files left by a crash, except those of a session
    /// that is locked, by another process or this one (it may be saving
    /// right now). Reads every entry of the folder: [`SessionStore::open`]
    /// does it, or, opened with [`StaleTemps::Later`],
    /// the owner off its UI thread.
    pub fn remove_stale_temps(&self) {
        let Ok(entries) = std::fs::read_dir(&self.inner.dir) else {
            return;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !(name.starts_with(".~") && name.ends_with(".tmp")) {
                continue;
            }
            let owner = owning_session(&name).map(|s| self.inner.dir.join(s));
            if owner.is_some_and(|s| lock::is_locked(&s)) {
                continue;
            }
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The session name a companion file belongs to:
/// `.~.~x.toml.rescue.tmp` → `x.toml`.
fn owning_session(name: &str) -> Option<&str> {
    let mut n = name;
    loop {
        let before = n;
        n = n.trim_start_matches(".~");
        for suffix in [".tmp", ".lock", ".rescue"] {
            n = n.strip_suffix(suffix).unwrap_or(n);
        }
        if n == before {
            break;
        }
    }
    names::is_session_name(n).then_some(n)
}
