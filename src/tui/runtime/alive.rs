//! The running clock's heartbeat on the lock file: once a minute while
//! nothing is saved, the lock file's time says the clock still runs
//! (no save while idle); after a crash the next window reads it from the
//! lock file left behind (docs/reliability.md, "Resuming after a crash").

use std::path::Path;
use std::time::SystemTime;

use chrono::{DateTime, Timelike, Utc};

use super::Runtime;
use crate::session::{Session, Timestamp};
use crate::store::SessionLock;

impl Runtime {
    /// The open session's clock still runs at `now` and nothing changed:
    /// set the lock file's time (no save, nothing written while idle). A
    /// save instead when there is no lock, the time cannot be set, the
    /// saver still has a snapshot that is not on disk, or the session file
    /// or its lock file is gone (a folder removed or moved meanwhile: the
    /// save fails and says so, and leaving makes a copy elsewhere).
    pub(super) fn still_running(&mut self, mut session: Session, now: Timestamp) {
        let there = |path: &Path| path.is_file();
        let said = !self.saver.has_unsaved()
            && self.path.as_deref().is_some_and(there)
            && self.lock.as_ref().is_some_and(|lock| {
                there(lock.lock_file()) && lock.touch(SystemTime::from(now)).is_ok()
            });
        if !said {
            session.mark_saved(now);
            self.save(session);
        }
    }

    /// Keep `lock` for the open session, its time set to `now` on the
    /// app's clock (what [`SessionLock::left_at`] reads after a crash).
    pub(super) fn hold(&mut self, lock: SessionLock, now: Timestamp) {
        let _ = lock.touch(SystemTime::from(now));
        self.lock = Some(lock);
    }
}

/// A window that stopped without letting go left on the lock file the last
/// time it knew the clock running: the time away counts from there.
pub(super) fn take_in_left_lock(session: &mut Session, lock: &SessionLock, now: Timestamp) {
    if let Some(left) = lock.left_at() {
        let left = DateTime::<Utc>::from(left).with_timezone(now.offset());
        session.seen_running(left.with_nanosecond(0).unwrap_or(left), now);
    }
}
