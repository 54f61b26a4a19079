//! The saver thread: typing never waits for the disk.
//!
//! The UI hands over snapshots with [`Saver::save`], which only swaps the
//! snapshot into a slot and returns. The thread writes the newest snapshot
//! of each path (older pending ones are dropped) through
//! [`SessionStore::save`], and reports each result as a [`SaveOutcome`] on a
//! channel the UI polls with [`Saver::try_recv`]. A failed save is retried
//! by the thread every [`RETRY_EVERY`] (from the snapshot in memory, so
//! with a fresh temp file) until it succeeds or a newer snapshot replaces
//! it. [`Saver::flush`] waits until everything is written (quit, signals);
//! dropping the saver flushes too.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use crate::i18n::Texts;
use crate::session::Session;
use crate::store::{Saved, SessionStore, io_reason};

/// How long the saver waits before retrying a failed save.
pub const RETRY_EVERY: Duration = Duration::from_secs(2);

/// How long the saver waits between retries while someone is flushing.
const RETRY_WHILE_FLUSHING: Duration = Duration::from_millis(200);

/// How long dropping a [`Saver`] waits for pending saves.
pub const FLUSH_ON_DROP: Duration = Duration::from_secs(5);

/// The result of one save by the saver thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The snapshot is on disk at `path`.
    Saved { path: PathBuf, at: SystemTime },
    /// The file at `original` was changed by another program and left
    /// alone; the session is now at `new_path` (later saves of `original`
    /// go there too). Tell the user.
    SavedAs {
        original: PathBuf,
        new_path: PathBuf,
        at: SystemTime,
    },
    /// Not saved; the snapshot stays in memory and is retried. `error`
    /// says what failed (English, for logs); `kind` lets the UI say it in
    /// the user's language (disk full, no permission...).
    Failed {
        path: PathBuf,
        error: String,
        kind: Option<io::ErrorKind>,
    },
}

impl SaveOutcome {
    /// For the status line, in the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            SaveOutcome::Saved { .. } => t.store.saved.to_string(),
            SaveOutcome::SavedAs {
                original, new_path, ..
            } => (t.store.saved_as)(&file_name(original), &file_name(new_path)),
            SaveOutcome::Failed { error, kind, .. } => {
                (t.store.save_failed)(&io_reason(*kind, error, t))
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[derive(Debug)]
struct Job {
    path: PathBuf,
    session: Box<Session>,
}

#[derive(Debug, Default)]
struct State {
    /// The newest snapshot per path, not yet tried.
    pending: Vec<Job>,
    /// Snapshots whose save failed, with when to try again.
    retry: Vec<(Job, Instant)>,
    /// A save is being written right now.
    busy: bool,
    /// How many callers are in `flush`.
    flushing: usize,
    shutdown: bool,
}

impl State {
    fn idle(&self) -> bool {
        self.pending.is_empty() && self.retry.is_empty() && !self.busy
    }
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The saver thread and the channel its results come back on.
#[derive(Debug)]
pub struct Saver {
    shared: Arc<Shared>,
    outcomes: Receiver<SaveOutcome>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Start the saver thread for `store`.
    pub fn spawn(store: SessionStore) -> io::Result<Saver> {
        let shared = Arc::new(Shared::default());
        let (tx, outcomes) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("leidraad-saver".into())
            .spawn({
                let shared = Arc::clone(&shared);
                move || run(&shared, &store, &tx)
            })?;
        Ok(Saver {
            shared,
            outcomes,
            thread: Some(thread),
        })
    }

    /// Hand over a snapshot of the session at `path`. Returns at once; an
    /// older snapshot of the same path that was not written yet is dropped.
    pub fn save(&self, path: PathBuf, session: Session) {
        let mut st = self.shared.state();
        st.retry.retain(|(job, _)| job.path != path);
        let job = Job {
            path,
            session: Box::new(session),
        };
        match st.pending.iter_mut().find(|j| j.path == job.path) {
            Some(slot) => *slot = job,
            None => st.pending.push(job),
        }
        drop(st);
        self.shared.changed.notify_all();
    }

    /// The next result, if one came in (never blocks).
    pub fn try_recv(&self) -> Option<SaveOutcome> {
        self.outcomes.try_recv().ok()
    }

    /// The channel of results, for a loop that wants to select on it.
    pub fn outcomes(&self) -> &Receiver<SaveOutcome> {
        &self.outcomes
    }

    /// Whether a snapshot is waiting, being written, or failed and waiting
    /// for a retry (show "not saved yet").
    pub fn has_unsaved(&self) -> bool {
        !self.shared.state().idle()
    }

    /// Drop every snapshot not yet written (after the newest one was saved
    /// somewhere else as a last resort), so leaving does not wait for them.
    pub fn forget(&self) {
        let mut st = self.shared.state();
        st.pending.clear();
        st.retry.clear();
    }

    /// Block until every snapshot handed over is written, retrying failed
    /// ones quickly, or until `timeout`. True if everything is on disk.
    pub fn flush(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut st = self.shared.state();
        st.flushing += 1;
        let now = Instant::now();
        for (_, due) in st.retry.iter_mut() {
            *due = now;
        }
        self.shared.changed.notify_all();
        while !st.idle() {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            st = match self.shared.changed.wait_timeout(st, deadline - now) {
                Ok((guard, _)) => guard,
                Err(e) => e.into_inner().0,
            };
        }
        st.flushing -= 1;
        st.idle()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.flush(FLUSH_ON_DROP);
        let busy = {
            let mut st = self.shared.state();
            st.shutdown = true;
            st.busy
        };
        self.shared.changed.notify_all();
        // A thread stuck in a very slow write is left to finish on its own.
        if let (false, Some(thread)) = (busy, self.thread.take()) {
            let _ = thread.join();
        }
    }
}

/// The saver thread: take the next job, write it, report, repeat.
fn run(shared: &Shared, store: &SessionStore, tx: &Sender<SaveOutcome>) {
    loop {
        let job = {
            let mut st = shared.state();
            let job = loop {
                if !st.pending.is_empty() {
                    break st.pending.remove(0);
                }
                let now = Instant::now();
                if let Some(i) = st.retry.iter().position(|(_, due)| *due <= now) {
                    break st.retry.remove(i).0;
                }
                if st.shutdown {
                    return;
                }
                let next_due = st.retry.iter().map(|(_, due)| *due).min();
                st = match next_due {
                    Some(due) => match shared.changed.wait_timeout(st, due - now) {
                        Ok((guard, _)) => guard,
                        Err(e) => e.into_inner().0,
                    },
                    None => match shared.changed.wait(st) {
                        Ok(guard) => guard,
                        Err(e) => e.into_inner(),
                    },
                };
            };
            // Busy before the lock is let go, so `flush` never sees a gap.
            st.busy = true;
            job
        };
        // A bug that panics inside one save must not end the thread (every
        // later save would be lost): it counts as a failed save, retried.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            store.save(&job.path, &job.session)
        }));
        let at = SystemTime::now();
        let result = match result {
            Ok(result) => result,
            Err(_) => {
                let outcome = SaveOutcome::Failed {
                    path: job.path.clone(),
                    error: "an internal error in leidraad stopped this save".into(),
                    kind: None,
                };
                finish(shared, tx, outcome, job, false);
                continue;
            }
        };
        let outcome = match &result {
            Ok(Saved::Written(path)) => SaveOutcome::Saved {
                path: path.clone(),
                at,
            },
            Ok(Saved::Conflict { original, new_path }) => SaveOutcome::SavedAs {
                original: original.clone(),
                new_path: new_path.clone(),
                at,
            },
            Err(e) => SaveOutcome::Failed {
                path: job.path.clone(),
                error: e.to_string(),
                kind: e.io_error().map(io::Error::kind),
            },
        };
        finish(shared, tx, outcome, job, result.is_ok());
    }
}

/// Report one save's outcome; a failed job is retried later unless a newer
/// snapshot of its path is waiting.
fn finish(shared: &Shared, tx: &Sender<SaveOutcome>, outcome: SaveOutcome, job: Job, ok: bool) {
    {
        let mut st = shared.state();
        // Sent before `busy` clears: after `flush` the outcome is there.
        let _ = tx.send(outcome);
        st.busy = false;
        let newer = st.pending.iter().any(|j| j.path == job.path);
        if !ok && !newer {
            let wait = if st.flushing > 0 {
                RETRY_WHILE_FLUSHING
            } else {
                RETRY_EVERY
            };
            st.retry.push((job, Instant::now() + wait));
        }
    }
    shared.changed.notify_all();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, NL};

    #[test]
    fn outcomes_read_well_in_both_languages() {
        let failed = SaveOutcome::Failed {
            path: "/d/a.toml".into(),
            error: "saving /d/a.toml failed while writing: No space left on device".into(),
            kind: Some(io::ErrorKind::StorageFull),
        };
        assert!(failed.message(&NL).contains("de schijf is vol"));
        assert!(failed.message(&EN).contains("the disk is full"));
        let other = SaveOutcome::Failed {
            path: "/d/a.toml".into(),
            error: "saving /d/a.toml failed while renaming: Input/output error".into(),
            kind: Some(io::ErrorKind::Other),
        };
        assert!(other.message(&EN).contains("Input/output error"));
        let moved = SaveOutcome::SavedAs {
            original: "/d/a.toml".into(),
            new_path: "/d/a-conflict.toml".into(),
            at: SystemTime::UNIX_EPOCH,
        };
        assert!(moved.message(&NL).contains("a-conflict.toml"));
    }
}
