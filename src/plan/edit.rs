//! Changing a plan: moving dates, skipping optional steps, marking an
//! occurrence done by a session (and undoing that), archiving.

use std::fmt;

use chrono::NaiveDate;

use super::{Fulfilment, OccurrenceKey, Plan};
use crate::i18n::Texts;
use crate::session::Timestamp;

/// Which occurrences a date move takes along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveScope {
    /// This occurrence only.
    This,
    /// This one and every later one that is not done, by the same number
    /// of days ("later": after it in timeline order).
    ThisAndLater,
}

/// One change to a plan, as the timeline asks for it (and the store
/// applies it to the file as it is on disk: see `PlanStore::update`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    /// Move an occurrence's date (and perhaps every later one).
    Move {
        key: OccurrenceKey,
        to: NaiveDate,
        scope: MoveScope,
    },
    /// Skip an optional step, or plan it again.
    Skip { key: OccurrenceKey, skipped: bool },
    /// A finished session, held at `held`, fulfils the occurrence.
    Attach {
        key: OccurrenceKey,
        session: String,
        held: Timestamp,
    },
    /// The occurrence is open again.
    Detach { key: OccurrenceKey },
    /// The finished plan leaves the list of active plans.
    Archive { now: Timestamp },
}

impl PlanEdit {
    /// The occurrence it is about (None: the whole plan).
    pub fn key(&self) -> Option<OccurrenceKey> {
        match self {
            PlanEdit::Move { key, .. }
            | PlanEdit::Skip { key, .. }
            | PlanEdit::Attach { key, .. }
            | PlanEdit::Detach { key } => Some(*key),
            PlanEdit::Archive { .. } => None,
        }
    }
}

/// Why a change to a plan was refused; the plan is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The plan has no such step or repetition.
    NoSuchOccurrence(OccurrenceKey),
    /// Only optional steps can be skipped.
    NotOptional(OccurrenceKey),
    /// The occurrence was held; undo that first.
    AlreadyDone(OccurrenceKey),
    /// The occurrence has not been held: there is nothing to undo.
    NotDone(OccurrenceKey),
    /// Moving would go past the last (or first) date the calendar knows.
    DateOutOfRange,
    /// Archiving needs every occurrence done or skipped; this many are open.
    NotFinished(usize),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoSuchOccurrence(k) => write!(
                f,
                "the plan has no step {} repetition {}",
                k.step + 1,
                k.repeat + 1
            ),
            PlanError::NotOptional(k) => {
                write!(
                    f,
                    "step {} is not optional and cannot be skipped",
                    k.step + 1
                )
            }
            PlanError::AlreadyDone(k) => write!(
                f,
                "step {} repetition {} was held; undo that first",
                k.step + 1,
                k.repeat + 1
            ),
            PlanError::NotDone(k) => write!(
                f,
                "step {} (repetition {}) has not been held",
                k.step + 1,
                k.repeat + 1
            ),
            PlanError::DateOutOfRange => f.write_str("that date is out of range"),
            PlanError::NotFinished(open) => write!(
                f,
                "the plan is not finished: {open} step(s) neither done nor skipped"
            ),
        }
    }
}

impl std::error::Error for PlanError {}

impl PlanError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            PlanError::NoSuchOccurrence(_) => t.plans.no_such_occurrence.into(),
            PlanError::NotOptional(_) => t.plans.not_optional.into(),
            PlanError::AlreadyDone(_) => t.plans.already_done.into(),
            PlanError::NotDone(_) => t.timeline.not_done.into(),
            PlanError::DateOutOfRange => t.plans.out_of_range.into(),
            PlanError::NotFinished(open) => (t.plans.not_finished)(*open),
        }
    }
}

impl Plan {
    /// The position of `key` in the timeline.
    fn index(&self, key: OccurrenceKey) -> Result<usize, PlanError> {
        self.occurrences
            .iter()
            .position(|o| o.key() == key)
            .ok_or(PlanError::NoSuchOccurrence(key))
    }

    /// Move the planned date of `key` to `to`; with
    /// [`MoveScope::ThisAndLater`] every later occurrence that is not done
    /// moves by the same number of days. A held occurrence cannot be moved.
    /// The timeline is put in date order again.
    pub fn move_date(
        &mut self,
        key: OccurrenceKey,
        to: NaiveDate,
        scope: MoveScope,
    ) -> Result<(), PlanError> {
        let at = self.index(key)?;
        if self.occurrences[at].done.is_some() {
            return Err(PlanError::AlreadyDone(key));
        }
        let days = to.signed_duration_since(self.occurrences[at].date);
        let last = match scope {
            MoveScope::This => at + 1,
            MoveScope::ThisAndLater => self.occurrences.len(),
        };
        let moved: Vec<(usize, NaiveDate)> = (at..last)
            .filter(|&i| i == at || self.occurrences[i].done.is_none())
            .map(|i| {
                self.occurrences[i]
                    .date
                    .checked_add_signed(days)
                    .map(|d| (i, d))
                    .ok_or(PlanError::DateOutOfRange)
            })
            .collect::<Result<_, _>>()?;
        for (i, date) in moved {
            self.occurrences[i].date = date;
        }
        self.sort();
        Ok(())
    }

    /// Skip an optional occurrence (`true`) or take it up again (`false`).
    pub fn set_skipped(&mut self, key: OccurrenceKey, skipped: bool) -> Result<(), PlanError> {
        let at = self.index(key)?;
        let optional = self
            .trajectory
            .steps
            .get(key.step)
            .is_some_and(|s| s.optional);
        if !optional {
            return Err(PlanError::NotOptional(key));
        }
        if self.occurrences[at].done.is_some() {
            return Err(PlanError::AlreadyDone(key));
        }
        self.occurrences[at].skipped = skipped;
        Ok(())
    }

    /// Record that the session `session` (its file name), held at `held`,
    /// fulfilled `key`. A skipped occurrence is taken up again. Returns the
    /// session that had fulfilled it before, if another had.
    pub fn mark_done(
        &mut self,
        key: OccurrenceKey,
        session: &str,
        held: Timestamp,
    ) -> Result<Option<Fulfilment>, PlanError> {
        let at = self.index(key)?;
        let o = &mut self.occurrences[at];
        o.skipped = false;
        let before = o.done.replace(Fulfilment {
            session: session.to_string(),
            held,
        });
        Ok(before.filter(|f| f.session != session))
    }

    /// Forget which session fulfilled `key` (it is open again); returns
    /// what it was.
    pub fn undo_done(&mut self, key: OccurrenceKey) -> Result<Option<Fulfilment>, PlanError> {
        let at = self.index(key)?;
        Ok(self.occurrences[at].done.take())
    }

    /// The occurrence a session fulfilled, if any did: to find what to
    /// undo when a session is removed.
    pub fn fulfilled_by(&self, session: &str) -> Option<OccurrenceKey> {
        self.occurrences
            .iter()
            .find(|o| o.done.as_ref().is_some_and(|f| f.session == session))
            .map(|o| o.key())
    }

    /// Archive a finished plan at `now` (it leaves the list of active
    /// plans; the file stays, so sessions still find it). Archiving an
    /// archived plan keeps the first time.
    pub fn archive(&mut self, now: Timestamp) -> Result<(), PlanError> {
        let open = self.occurrences.iter().filter(|o| o.is_open()).count();
        if open > 0 {
            return Err(PlanError::NotFinished(open));
        }
        self.archived.get_or_insert(now);
        Ok(())
    }

    /// Bring an archived plan back among the active ones.
    pub fn unarchive(&mut self) {
        self.archived = None;
    }

    /// Make one change (see [`PlanEdit`]); refused changes leave the plan
    /// as it was.
    pub fn apply(&mut self, edit: &PlanEdit) -> Result<(), PlanError> {
        match edit {
            PlanEdit::Move { key, to, scope } => self.move_date(*key, *to, *scope),
            PlanEdit::Skip { key, skipped } => self.set_skipped(*key, *skipped),
            PlanEdit::Attach { key, session, held } => {
                self.mark_done(*key, session, *held).map(|_| ())
            }
            PlanEdit::Detach { key } => match self.undo_done(*key)? {
                Some(_) => Ok(()),
                None => Err(PlanError::NotDone(*key)),
            },
            PlanEdit::Archive { now } => self.archive(*now),
        }
    }
}
