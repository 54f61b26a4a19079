//! The effect runtime: what the model asks for, carried out.
//!
//! It owns the open session's file (its path and lock), the saver thread,
//! the worker for slow jobs, and the last-resort copy on the way out. Fast
//! effects (a save handed to the saver, a lock, one file read) run here on
//! the UI thread; anything whose cost grows with the archive (listing the
//! sessions, the open items of earlier sessions) or with a slow disk (a copy
//! elsewhere) goes to the worker, and its answer comes back as a message.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::app::{Effect, Msg};
use super::worker::{JobKind, Waker, Worker};
use crate::i18n::Texts;
use crate::saver::{SaveOutcome, Saver};
use crate::session::{self, Session, Timestamp};
use crate::settings::Settings;
use crate::store::{
    LockError, PlanStore, SessionLock, SessionQuery, SessionStore, StaleTemps, file_name,
};

mod alive;
mod archive;
mod plans;

/// What the panic hook may write as a rescue copy: the newest snapshot.
pub type Rescue = Arc<Mutex<Option<(PathBuf, Session)>>>;

/// How long leaving waits for the last save before it makes a copy
/// elsewhere (SIGTERM/SIGHUP must be done within 2 seconds).
const LEAVE_FLUSH: Duration = Duration::from_millis(1200);

/// How long after a snapshot went to the saver its answer is looked for
/// each second (see [`Runtime::busy`]).
const SAVE_ANSWER: Duration = Duration::from_secs(3);

/// The runtime of one run of the app.
pub struct Runtime {
    pub store: SessionStore,
    pub saver: Saver,
    worker: Worker,
    lock: Option<SessionLock>,
    /// The open session's file.
    pub path: Option<PathBuf>,
    pub rescue: Rescue,
    bell: bool,
    /// The newest snapshot of the open session, whether or not it reached
    /// the disk: what a last-resort copy is made of.
    newest: Option<Session>,
    /// Folders for a last-resort copy when the data folder cannot be
    /// written on the way out.
    fallback: Vec<PathBuf>,
    texts: &'static Texts,
    /// Said on the way out, after the terminal is restored.
    pub exit_note: Option<String>,
    /// The model asked to leave.
    pub quit: bool,
    /// The plans beside the sessions, or why their folder cannot be used.
    plans: Result<PlanStore, String>,
    /// Where a calendar file goes (the settings' export folder).
    export_dir: PathBuf,
    /// When a snapshot was last handed to the saver.
    last_save: Option<Instant>,
    /// The store was opened leaving the stale temporary files of earlier
    /// crashes (`StaleTemps::Later`): the first listing removes them, on
    /// the worker (reading a folder of 50,000 entries took ~41 ms on the
    /// UI thread before the first frame).
    temps_left: bool,
}

impl Runtime {
    /// The runtime for a store; `waker` wakes the event loop when a job
    /// has answered.
    pub fn new(
        store: SessionStore,
        settings: &Settings,
        rescue: Rescue,
        waker: Option<Waker>,
    ) -> std::io::Result<Runtime> {
        let plans = PlanStore::beside(&store).map_err(|e| e.to_string());
        let temps_left = store.stale_temps() == StaleTemps::Later;
        Ok(Runtime {
            temps_left,
            plans,
            export_dir: settings.export_dir.clone(),
            saver: Saver::spawn(store.clone())?,
            store,
            worker: Worker::new(waker),
            lock: None,
            path: None,
            rescue,
            bell: settings.bell,
            newest: None,
            fallback: settings.fallback_dirs(),
            texts: settings.texts(),
            exit_note: None,
            quit: false,
            last_save: None,
        })
    }

    /// What the saver and the workers have finished since the last turn,
    /// as messages for the model.
    pub fn outcomes(&mut self) -> Vec<Msg> {
        let mut msgs = Vec::new();
        while let Some(outcome) = self.saver.try_recv() {
            msgs.push(saved_msg(outcome, self.texts));
        }
        msgs.extend(self.worker.answers());
        msgs
    }

    /// Carry out the model's effects; the answers that are known at once
    /// go into `pending`.
    pub fn run(&mut self, effects: Vec<Effect>, pending: &mut Vec<Msg>, now: Timestamp) {
        for effect in effects {
            match effect {
                Effect::Create(session) => pending.extend(self.create(*session, now)),
                Effect::Save(mut session) => {
                    session.mark_saved(now);
                    self.save(*session);
                }
                Effect::StillRunning(session) => self.still_running(*session, now),
                Effect::Resume(path) => pending.push(self.open_existing(path, now)),
                Effect::Close => pending.extend(self.close()),
                Effect::RefreshSessions => self.list_sessions(),
                Effect::ListHistory => self.job(JobKind::History, |store, texts| {
                    Msg::History(archive::history(store, texts))
                }),
                Effect::SearchHistory(search) => self.job(JobKind::Search, move |store, texts| {
                    Msg::Found(archive::search(store, &search, texts))
                }),
                Effect::View(path) => pending.push(archive::view(&self.store, path, self.texts)),
                Effect::FollowUp(path) => {
                    pending.push(archive::follow_up(&self.store, &path, self.texts))
                }
                Effect::Delete(path) => {
                    let msg = archive::delete(&self.store, &path, self.texts);
                    let deleted = matches!(msg, Msg::Deleted(_));
                    pending.push(msg);
                    // A step it fulfilled is open again.
                    if deleted && let Ok(plans) = &self.plans {
                        pending.extend(plans::release(plans, &file_name(&path), self.texts));
                    }
                }
                Effect::Export(request) => self.job(JobKind::Export, move |store, texts| {
                    archive::export(store, *request, texts)
                }),
                Effect::ListClients => self.job(JobKind::Clients, |store, _| {
                    Msg::Clients(archive::clients(store))
                }),
                Effect::LookUpOpenItems(client) => self.job(JobKind::Carried, move |store, _| {
                    archive::open_items(store, client)
                }),
                Effect::SaveElsewhere(dir, mut session) => {
                    session.mark_saved(now);
                    self.job(JobKind::SaveElsewhere, move |store, texts| {
                        match store.save_to(&dir, &session) {
                            Ok(path) => Msg::SavedElsewhere(path),
                            Err(e) => Msg::SaveFailed(e.reason(texts)),
                        }
                    });
                }
                Effect::CreatePlan(_)
                | Effect::ChangePlan(..)
                | Effect::RecordPlan(_)
                | Effect::PlanCalendar(..)
                | Effect::ListAttachable(_)
                | Effect::ViewNamed(_) => self.plan_effect(effect, pending),
                Effect::Bell => {
                    if self.bell {
                        let mut out = std::io::stdout();
                        let _ = out.write_all(b"\x07");
                        let _ = out.flush();
                    }
                }
                Effect::Quit => {
                    self.quit = true;
                    if let Some(outcome) = self.secure() {
                        self.exit_note = Some(exit_note(self.texts, outcome));
                    }
                }
            }
        }
    }

    /// Run `job` on a worker thread with the store and the strings; its
    /// message comes back through [`Runtime::outcomes`].
    fn job(
        &mut self,
        kind: JobKind,
        job: impl FnOnce(&SessionStore, &'static Texts) -> Msg + Send + 'static,
    ) {
        let store = self.store.clone();
        let texts = self.texts;
        self.worker.run(kind, move || job(&store, texts));
    }

    /// Read what the home screen lists, off the UI thread; the first time,
    /// after removing the stale temporary files if opening left them (a
    /// temp file of a session or plan locked by any window, this one too,
    /// stays).
    pub fn list_sessions(&mut self) {
        let store = self.store.clone();
        let plans = self.plans.as_ref().ok().cloned();
        let clean = std::mem::take(&mut self.temps_left);
        self.worker.run(JobKind::Sessions, move || {
            if clean {
                store.remove_stale_temps();
                if let Some(plans) = &plans {
                    plans.remove_stale_temps();
                }
            }
            Msg::Sessions(archive::home_lists(&store, plans.as_ref()))
        });
    }

    /// Whether the saver may still answer: it has work, or a snapshot
    /// went to it in the last [`SAVE_ANSWER`]. Its answers do not wake the
    /// loop, so the loop looks each second meanwhile.
    pub fn busy(&self) -> bool {
        self.saver.has_unsaved() || self.last_save.is_some_and(|t| t.elapsed() < SAVE_ANSWER)
    }

    /// Hand a snapshot to the saver (the open session's file).
    pub fn save(&mut self, session: Session) {
        self.last_save = Some(Instant::now());
        self.newest = Some(session.clone());
        let Some(path) = self.path.clone() else {
            return;
        };
        // The folder could not be written when the session began: the lock
        // is taken as soon as it can be.
        if self.lock.is_none()
            && let Ok(lock) = self.store.lock(&path)
        {
            self.lock = Some(lock);
        }
        if let Ok(mut slot) = self.rescue.lock() {
            *slot = Some((path.clone(), session.clone()));
        }
        self.saver.save(path, session);
    }

    /// Back home: the session leaves memory, so it must be safe somewhere
    /// first; then it is let go.
    fn close(&mut self) -> Option<Msg> {
        let answer = self.secure().map(|outcome| match outcome {
            Ok(path) => Msg::SavedElsewhere(path),
            Err(why) => Msg::SaveFailed(why),
        });
        self.newest = None;
        self.lock = None;
        self.path = None;
        if let Ok(mut slot) = self.rescue.lock() {
            *slot = None;
        }
        answer
    }

    /// Make sure the newest snapshot is on disk before the session is let
    /// go: wait briefly for the saver; if the data folder still cannot be
    /// written, save a copy into a fallback folder. Returns where the copy
    /// went (`Ok`) or why none could be made (`Err`); `None` when the
    /// session file itself is up to date.
    pub fn secure(&mut self) -> Option<Result<PathBuf, String>> {
        let on_disk = self.saver.flush(LEAVE_FLUSH);
        let newest = self.newest.take()?;
        if on_disk && self.path.is_some() {
            return None;
        }
        let mut why = String::new();
        for dir in &self.fallback {
            match self.store.save_to(dir, &newest) {
                Ok(path) => {
                    super::rescue::record_copy(&path, self.path.as_deref());
                    self.saver.forget();
                    return Some(Ok(path));
                }
                Err(e) => why = e.reason(self.texts),
            }
        }
        self.newest = Some(newest);
        Some(Err(why))
    }

    /// Leaving: wait briefly for copies still being saved elsewhere, then
    /// for the saver.
    pub fn finish(&mut self) {
        let _ = self.worker.settle(Duration::from_millis(500));
        self.saver.flush(Duration::from_millis(200));
    }

    /// A new session: pick its file name, lock it, save it. A preparation
    /// that was saved already keeps its file; when its conversation starts,
    /// the file moves to a name with the start time and the client (see
    /// `rename`), and the open items of earlier sessions with the same
    /// client are looked up off the UI thread.
    fn create(&mut self, session: Session, now: Timestamp) -> Vec<Msg> {
        let mut msgs = Vec::new();
        let path = match self.path.clone() {
            Some(old) => self.rename(&session, old, now),
            None => {
                let (path, lock) = self.store.claim_new(&session);
                // A folder that cannot be written does not stop the
                // conversation: the notes stay in memory, saving is retried
                // (and shown failing), Ctrl-O saves elsewhere, and leaving
                // makes a copy elsewhere.
                match lock {
                    Ok(lock) => self.hold(lock, now),
                    Err(e) => msgs.push(Msg::OpenFailed(e.message(self.texts))),
                }
                path
            }
        };
        let client = session.client_value().to_string();
        // Open items come along when the conversation starts (the client is
        // known by then), not into a preparation.
        if !client.trim().is_empty() && session.started.is_some() {
            self.look_up_carried(&session, client);
        }
        let mut first = session;
        first.mark_saved(now);
        self.path = Some(path.clone());
        self.save(first);
        msgs.insert(
            0,
            Msg::Opened {
                file_name: file_name(&path),
            },
        );
        msgs
    }

    /// The open items of the earlier sessions with `client`, for the
    /// conversation just started or resumed (off the UI thread; the model
    /// adds what it does not have yet, so a resume after a lookup that never
    /// answered, the app left at once, still brings them).
    fn look_up_carried(&mut self, session: &Session, client: String) {
        let store = self.store.clone();
        let created = session.created;
        // Only sessions made before this one: not the session itself
        // (saved meanwhile, perhaps with items already), nor a copy of its
        // preparation left by a failed rename (the same second), nor a talk
        // held after it. (Another session of the client may well share its
        // minute, and so its file stem.)
        self.worker.run(JobKind::Carried, move || {
            let query = SessionQuery::all().same_client(&client);
            let earlier: Vec<Session> = store
                .load_matching(&query)
                .unwrap_or_default()
                .into_iter()
                .filter(|s| s.created < created)
                .collect();
            Msg::Carried {
                created,
                items: session::open_carried_items(&earlier, &client),
            }
        });
    }

    /// The file a saved preparation goes on in, now that its conversation
    /// starts: the same one if its name already says when and with whom,
    /// else a new one. The new file is written and synced before the old
    /// one is deleted, so a crash in between leaves two copies, never none;
    /// if the new one cannot be written, the session stays in the old file.
    fn rename(&mut self, session: &Session, old: PathBuf, now: Timestamp) -> PathBuf {
        if crate::store::is_named_for(&file_name(&old), session) {
            return old;
        }
        // Nothing for the old name may still be on its way to the disk.
        self.saver.flush(LEAVE_FLUSH);
        let (new, Ok(lock)) = self.store.claim_new(session) else {
            return old;
        };
        let mut first = session.clone();
        first.mark_saved(now);
        if self.store.save(&new, &first).is_err() {
            return old;
        }
        self.hold(lock, now);
        // The old file is left when it cannot be deleted: a second copy of
        // the preparation, never a lost one.
        let _ = self.store.delete(&old);
        new
    }

    /// Open an existing session for writing, or read-only when another
    /// window has it; a rescue copy from a crash is taken in.
    fn open_existing(&mut self, path: PathBuf, now: Timestamp) -> Msg {
        let lock = match self.store.lock(&path) {
            Ok(lock) => lock,
            // Open for writing in another window: show it read-only.
            Err(LockError::Busy { .. }) => {
                return match self.store.load(&path) {
                    Ok(session) => Msg::Viewing {
                        session: Box::new(session),
                        file_name: file_name(&path),
                        path,
                        locked: true,
                    },
                    Err(e) => Msg::OpenFailed(e.message(self.texts)),
                };
            }
            Err(e) => return Msg::OpenFailed(e.message(self.texts)),
        };
        match self.load_with_rescue(&path) {
            Ok(mut session) => {
                alive::take_in_left_lock(&mut session, &lock, now);
                self.hold(lock, now);
                self.path = Some(path.clone());
                let client = session.client_value().trim().to_string();
                if session.started.is_some()
                    && session.status == session::Status::InProgress
                    && !client.is_empty()
                {
                    self.look_up_carried(&session, client);
                }
                Msg::Resumed {
                    session: Box::new(session),
                    file_name: file_name(&path),
                }
            }
            Err(e) => Msg::OpenFailed(e.message(self.texts)),
        }
    }

    /// The session at `path`, or its rescue copy from a crash when that is
    /// newer; the newer one is written as the session, and only then is the
    /// copy let go.
    fn load_with_rescue(&self, path: &Path) -> Result<Session, crate::store::LoadError> {
        let rescue = self.store.rescue_for(path);
        let loaded = match (self.store.load(path), &rescue) {
            (Ok(session), Some(r)) => match self.store.load_rescue(r) {
                // The copy is written at the crash, after every save of that
                // run: on the same second it is the newer one.
                Ok(rescued) if rescued.saved >= session.saved => Ok(rescued),
                _ => Ok(session),
            },
            (Err(_), Some(r)) => self.store.load_rescue(r),
            (result, None) => result,
        };
        if let (Ok(session), Some(r)) = (&loaded, &rescue)
            && self.store.save(path, session).is_ok()
        {
            // A copy that cannot be removed is offered again next time and
            // loses to the session, which is as new.
            let _ = self.store.discard_rescue(r);
        }
        loaded
    }
}

/// What to tell the user when the session file could not be brought up to
/// date on the way out.
pub fn exit_note(t: &Texts, outcome: Result<PathBuf, String>) -> String {
    match outcome {
        Ok(path) => (t.shell.exit_saved_elsewhere)(&path.display().to_string()),
        Err(why) => (t.shell.exit_not_saved)(&why),
    }
}

fn saved_msg(outcome: SaveOutcome, t: &Texts) -> Msg {
    match outcome {
        SaveOutcome::Saved { .. } => Msg::Saved,
        SaveOutcome::SavedAs { new_path, .. } => Msg::SavedAs(file_name(&new_path)),
        SaveOutcome::Failed { error, kind, .. } => {
            Msg::SaveFailed(crate::store::io_reason(kind, &error, t))
        }
    }
}

#[cfg(test)]
mod alive_tests;
#[cfg(test)]
mod start_tests;
#[cfg(test)]
mod tests;
