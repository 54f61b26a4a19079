//! Slow work off the UI thread: listing the sessions, the open items of
//! earlier sessions, a copy saved elsewhere. Each job runs on a thread of
//! its own (jobs are few: one per screen change at most, never one per
//! key) and answers with a [`Msg`] for the model; the thread then wakes the
//! event loop, so the answer is on screen at once, not at the next tick.
//!
//! A job of a kind where only the newest answer counts (the list of
//! sessions) makes the answers of earlier ones of that kind stale: they are
//! dropped. A job that panics answers [`Msg::WorkFailed`].

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use super::app::Msg;

/// What a job does, as far as its answer is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// The list of unfinished sessions: only the newest counts.
    Sessions,
    /// The open items of earlier sessions with a client.
    Carried,
    /// A copy of the session in another folder.
    SaveElsewhere,
    /// Every session, for the history: only the newest counts.
    History,
    /// A search of the history: only the newest counts.
    Search,
    /// The clients of earlier sessions: only the newest counts.
    Clients,
    /// A report written to a file.
    Export,
    /// A plan file written (a new plan, one change, a step held).
    Plan,
    /// The sessions that can be attached to a plan step: only the newest
    /// counts.
    Attachable,
}

/// How many kinds of job there are.
const KINDS: usize = 9;

impl JobKind {
    /// Whether a newer job of this kind makes an older one's answer stale.
    fn newest_only(self) -> bool {
        match self {
            JobKind::Sessions
            | JobKind::History
            | JobKind::Search
            | JobKind::Clients
            | JobKind::Attachable => true,
            JobKind::Carried | JobKind::SaveElsewhere | JobKind::Export | JobKind::Plan => false,
        }
    }

    fn index(self) -> usize {
        match self {
            JobKind::Sessions => 0,
            JobKind::Carried => 1,
            JobKind::SaveElsewhere => 2,
            JobKind::History => 3,
            JobKind::Search => 4,
            JobKind::Clients => 5,
            JobKind::Export => 6,
            JobKind::Plan => 7,
            JobKind::Attachable => 8,
        }
    }
}

/// Wakes the event loop from another thread (a byte on its wake pipe).
#[derive(Debug, Clone)]
pub struct Waker(Arc<UnixStream>);

impl Waker {
    /// A waker writing to this end of the event loop's wake pipe.
    pub fn new(stream: UnixStream) -> Waker {
        Waker(Arc::new(stream))
    }

    /// Wake the loop; a full pipe means it is awake already.
    pub fn wake(&self) {
        let _ = (&*self.0).write(&[1]);
    }
}

/// A job's answer, with which job it was.
struct Answer {
    kind: JobKind,
    id: u64,
    msg: Msg,
}

/// The jobs running and their answers.
pub struct Worker {
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    waker: Option<Waker>,
    /// The id of the newest job of each kind.
    newest: [u64; KINDS],
    next_id: u64,
    /// Jobs started and not answered yet.
    running: usize,
}

impl Worker {
    /// A worker that wakes the event loop with `waker` (none: the loop
    /// sees answers at its next turn).
    pub fn new(waker: Option<Waker>) -> Worker {
        let (tx, rx) = mpsc::channel();
        Worker {
            tx,
            rx,
            waker,
            newest: [0; KINDS],
            next_id: 0,
            running: 0,
        }
    }

    /// Run `job` on a thread of its own; its message comes back through
    /// [`Worker::answers`].
    pub fn run(&mut self, kind: JobKind, job: impl FnOnce() -> Msg + Send + 'static) {
        self.next_id += 1;
        let id = self.next_id;
        self.newest[kind.index()] = id;
        self.running += 1;
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("leidraad-{kind:?}").to_lowercase())
            .spawn(move || {
                let msg = std::panic::catch_unwind(AssertUnwindSafe(job))
                    .unwrap_or_else(|panic| Msg::WorkFailed(panic_text(&*panic)));
                let _ = tx.send(Answer { kind, id, msg });
                if let Some(w) = waker {
                    w.wake();
                }
            });
        if let Err(e) = spawned {
            let msg = Msg::WorkFailed(e.to_string());
            let _ = self.tx.send(Answer { kind, id, msg });
        }
    }

    /// The answers that came since the last call, stale ones left out.
    pub fn answers(&mut self) -> Vec<Msg> {
        let mut out = Vec::new();
        while let Ok(answer) = self.rx.try_recv() {
            self.running = self.running.saturating_sub(1);
            if answer.kind.newest_only() && answer.id != self.newest[answer.kind.index()] {
                continue;
            }
            out.push(answer.msg);
        }
        out
    }

    /// Wait up to `timeout` for every job started so far to answer, and
    /// return the answers (leaving: a copy being saved elsewhere is seen
    /// through).
    pub fn settle(&mut self, timeout: Duration) -> Vec<Msg> {
        let end = Instant::now() + timeout;
        let mut out = self.answers();
        while self.running > 0 {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.rx.recv_timeout(left) {
                Ok(answer) => {
                    self.running = self.running.saturating_sub(1);
                    let stale =
                        answer.kind.newest_only() && answer.id != self.newest[answer.kind.index()];
                    if !stale {
                        out.push(answer.msg);
                    }
                }
                Err(_) => break,
            }
        }
        out
    }
}

/// What a panic said, if it said it in text.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_answers_with_its_message_and_wakes_the_loop() {
        let (waiting, wake) = UnixStream::pair().unwrap();
        let mut worker = Worker::new(Some(Waker::new(wake)));
        worker.run(JobKind::SaveElsewhere, || Msg::Saved);
        let answers = worker.settle(Duration::from_secs(5));
        assert!(matches!(answers.as_slice(), [Msg::Saved]), "{answers:?}");
        let mut byte = [0u8];
        use std::io::Read;
        assert_eq!((&waiting).read(&mut byte).unwrap(), 1);
    }

    #[test]
    fn only_the_newest_list_of_sessions_counts() {
        let mut worker = Worker::new(None);
        let (go, wait) = mpsc::channel::<()>();
        worker.run(JobKind::Sessions, move || {
            let _ = wait.recv();
            Msg::SavedAs("old".into())
        });
        worker.run(JobKind::Sessions, || Msg::SavedAs("new".into()));
        worker.run(JobKind::SaveElsewhere, || Msg::Saved);
        go.send(()).unwrap();
        let answers = worker.settle(Duration::from_secs(5));
        let names: Vec<String> = answers
            .iter()
            .map(|m| match m {
                Msg::SavedAs(n) => n.clone(),
                Msg::Saved => "elsewhere".into(),
                other => format!("{other:?}"),
            })
            .collect();
        assert!(names.contains(&"new".to_string()), "{names:?}");
        assert!(names.contains(&"elsewhere".to_string()), "{names:?}");
        assert!(!names.contains(&"old".to_string()), "{names:?}");
    }

    #[test]
    fn a_job_that_panics_answers_that_it_failed() {
        let mut worker = Worker::new(None);
        worker.run(JobKind::Carried, || panic!("no disk"));
        let answers = worker.settle(Duration::from_secs(5));
        assert!(
            matches!(answers.as_slice(), [Msg::WorkFailed(why)] if why == "no disk"),
            "{answers:?}"
        );
    }
}
