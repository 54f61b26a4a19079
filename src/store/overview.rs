//! What a start screen lists of the archive: every unfinished session, the
//! newest finished ones, and how many files are damaged, picked from the
//! entries in the order of [`SessionStore::list`](super::SessionStore::list)
//! one at a time, so the answer never needs every header at once.

use super::list::{Listed, SessionHeader};
use crate::session::{Status, Timestamp};

/// The sessions a start screen lists (see
/// [`SessionStore::overview`](super::SessionStore::overview)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    /// The unfinished sessions (preparing or in progress), newest first
    /// (the order of [`SessionStore::list`](super::SessionStore::list)).
    pub unfinished: Vec<SessionHeader>,
    /// The newest finished sessions by when they started (else were
    /// created), newest first, at most the number asked for; equal times
    /// in the order of the list.
    pub finished: Vec<SessionHeader>,
    /// How many files are damaged: listed as [`Listed::Damaged`], or as a
    /// session whose header reads but whose rest does not.
    pub damaged: usize,
}

impl Overview {
    /// The overview of `listed` (in the order of `list`), keeping at most
    /// `finished` finished sessions.
    pub(super) fn of(listed: impl IntoIterator<Item = Listed>, finished: usize) -> Overview {
        let mut picker = Picker::new(finished);
        for entry in listed {
            match entry {
                Listed::Session(h) => picker.session(h),
                Listed::Damaged(_) => picker.damaged(),
            }
        }
        picker.done()
    }
}

/// When a finished session counts as newer: when it started, else when it
/// was created.
fn when(h: &SessionHeader) -> Timestamp {
    h.started.unwrap_or(h.created)
}

/// Builds an [`Overview`] from entries given in the order of `list`.
#[derive(Debug)]
pub(super) struct Picker {
    overview: Overview,
    keep: usize,
}

impl Picker {
    /// A picker keeping at most `keep` finished sessions.
    pub fn new(keep: usize) -> Picker {
        Picker {
            overview: Overview::default(),
            keep,
        }
    }

    /// The next entry is a damaged file.
    pub fn damaged(&mut self) {
        self.overview.damaged += 1;
    }

    /// Where a finished session of `at` goes among those kept (after the
    /// ones as new or newer: the sort is stable), if it is kept.
    fn place(&self, at: Timestamp) -> Option<usize> {
        let place = self.overview.finished.partition_point(|h| when(h) >= at);
        (place < self.keep).then_some(place)
    }

    /// Whether a finished session that started (else was created) `at`
    /// would be kept: only then need its header be built.
    pub fn wants(&self, at: Timestamp) -> bool {
        self.place(at).is_some()
    }

    /// The next entry is a session whose header reads: damaged all the
    /// same when the rest of it does not (it cannot be continued or shown).
    pub fn session(&mut self, h: SessionHeader) {
        if h.damage.is_some() {
            self.damaged();
            return;
        }
        match h.status {
            Status::InProgress => self.overview.unfinished.push(h),
            Status::Finished => {
                if let Some(place) = self.place(when(&h)) {
                    self.overview.finished.insert(place, h);
                    self.overview.finished.truncate(self.keep);
                }
            }
        }
    }

    /// The overview of the entries given.
    pub fn done(self) -> Overview {
        self.overview
    }
}
