//! A plan: a trajectory planned for one client from a start date, and
//! which of its talks have been held.
//!
//! A plan holds the trajectory whole (as a session holds its guide), the
//! client, the start date, and one [`Occurrence`] per step and repetition:
//! its planned date (from [`crate::trajectory::schedule`], movable),
//! whether it was skipped (optional steps only) and which session fulfilled
//! it. Everything that depends on the date takes `today` (or `now`) as an
//! argument; nothing here reads the clock or touches the disk. The TOML
//! form is the plan file (`docs/plan-format.md`); the store keeps plan
//! files in [`crate::store::PlanStore`].
//!
//! The operations live by idea: `plan/edit.rs` (moving dates, skipping,
//! marking done, archiving), `plan/format.rs` (the file), `plan/label.rs`
//! (what an occurrence is called, dates in the user's language).

mod edit;
mod format;
mod label;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::guide::{Step, Trajectory};
use crate::session::Timestamp;
use crate::trajectory::schedule;

pub use edit::{MoveScope, PlanEdit, PlanError};
pub use format::PlanFileError;
pub use label::{format_date, parse_date};

/// The plan file format version written by this build.
pub const PLAN_FORMAT: u32 = 1;

/// Which occurrence of a plan: a step of the trajectory and one of its
/// repetitions. Stable for the life of a plan (sessions refer to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OccurrenceKey {
    /// Index of the step in the trajectory (0-based).
    pub step: usize,
    /// The repetition of the step (0-based; 0 for a step without repeats).
    pub repeat: u32,
}

/// What a session records of the plan occurrence it fulfils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRef {
    /// The plan file's name (in the plans folder), e.g.
    /// `2026-09-07_verbetertraject_sanne-de-vries.toml`.
    pub plan: String,
    /// Index of the step in the plan's trajectory (0-based).
    pub step: usize,
    /// The repetition of the step (0-based).
    pub repeat: u32,
    /// What the talk is, as the preparation and the conversation say it
    /// ("Begeleidingsmoment 3 van 5: online co-teaching · Verbetertraject ·
    /// Sanne de Vries"), written when it was started from the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
}

impl PlanRef {
    /// The occurrence this reference names.
    pub fn key(&self) -> OccurrenceKey {
        OccurrenceKey {
            step: self.step,
            repeat: self.repeat,
        }
    }
}

/// The session that fulfilled an occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fulfilment {
    /// The session file's name (in the data folder).
    pub session: String,
    /// When the conversation was held.
    pub held: Timestamp,
}

/// One step of the plan in one of its repetitions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Index of the step in the trajectory (0-based).
    pub step: usize,
    /// The repetition of the step (0-based).
    pub repeat: u32,
    /// The planned date (the schedule's, unless moved).
    pub date: NaiveDate,
    /// Left out (optional steps only).
    #[serde(default)]
    pub skipped: bool,
    /// The session that fulfilled it, if one has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Fulfilment>,
}

impl Occurrence {
    /// Which occurrence this is.
    pub fn key(&self) -> OccurrenceKey {
        OccurrenceKey {
            step: self.step,
            repeat: self.repeat,
        }
    }

    /// Neither done nor skipped: still to be held.
    pub fn is_open(&self) -> bool {
        self.done.is_none() && !self.skipped
    }
}

/// Where an occurrence stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OccurrenceState {
    /// Held; the date of the session that fulfilled it.
    Done(NaiveDate),
    /// The first open occurrence planned today or later.
    Next,
    /// Open, and its planned date has passed.
    Overdue,
    /// Left out (an optional step).
    Skipped,
    /// Open, planned after the next one.
    Later,
}

impl OccurrenceState {
    /// A stable machine-readable name: `done`, `next`, `overdue`,
    /// `skipped`, `later` (for `leidraad plans --json`).
    pub fn id(&self) -> &'static str {
        match self {
            OccurrenceState::Done(_) => "done",
            OccurrenceState::Next => "next",
            OccurrenceState::Overdue => "overdue",
            OccurrenceState::Skipped => "skipped",
            OccurrenceState::Later => "later",
        }
    }
}

/// A trajectory planned for a client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The plan file format version.
    pub format: u32,
    /// When the plan was made.
    pub created: Timestamp,
    /// The client (school, teacher, team) as typed, trimmed.
    pub client: String,
    /// The start date: week 1 of the trajectory.
    pub start: NaiveDate,
    /// When the plan was archived, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Timestamp>,
    /// Every step and repetition, in timeline order (planned date, then
    /// step, then repetition).
    occurrences: Vec<Occurrence>,
    /// The trajectory, embedded whole.
    pub trajectory: Trajectory,
}

/// A plan at a glance on a given day: for the list of plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The first open occurrence (overdue or not), if any is left.
    pub next: Option<OccurrenceKey>,
    /// Its planned date.
    pub next_date: Option<NaiveDate>,
    /// How many open occurrences are overdue.
    pub overdue: usize,
    /// How many occurrences were held.
    pub done: usize,
    /// How many occurrences there are.
    pub total: usize,
    /// Every occurrence done or skipped.
    pub finished: bool,
}

impl Overview {
    /// The order of the list of plans: overdue plans first, then the
    /// others by their next date, finished plans last. Sort with
    /// `sort_by_key(|p| p.overview(today).rank())` (stable: ties keep the
    /// store's order).
    pub fn rank(&self) -> (u8, NaiveDate) {
        let date = self.next_date.unwrap_or(NaiveDate::MAX);
        match (self.finished, self.overdue > 0) {
            (true, _) => (2, date),
            (false, true) => (0, date),
            (false, false) => (1, date),
        }
    }
}

impl Plan {
    /// A new plan of `trajectory` for `client` from `start`, made at `now`:
    /// every occurrence on its scheduled date, none done or skipped.
    pub fn new(trajectory: &Trajectory, client: &str, start: NaiveDate, now: Timestamp) -> Plan {
        let occurrences = schedule(trajectory, start)
            .into_iter()
            .map(|p| Occurrence {
                step: p.step,
                repeat: p.repeat,
                date: p.date,
                skipped: false,
                done: None,
            })
            .collect();
        let mut plan = Plan {
            format: PLAN_FORMAT,
            created: now,
            client: client.trim().to_string(),
            start,
            archived: None,
            occurrences,
            trajectory: trajectory.clone(),
        };
        plan.sort();
        plan
    }

    /// Every occurrence, in timeline order.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.occurrences
    }

    /// The occurrence `key` names, if the plan has it.
    pub fn occurrence(&self, key: OccurrenceKey) -> Option<&Occurrence> {
        self.occurrences.iter().find(|o| o.key() == key)
    }

    /// The trajectory step of an occurrence.
    pub fn step(&self, key: OccurrenceKey) -> Option<&Step> {
        self.occurrence(key)?;
        self.trajectory.steps.get(key.step)
    }

    /// The first open occurrence in timeline order (it may be overdue).
    pub fn next_open(&self) -> Option<&Occurrence> {
        self.occurrences.iter().find(|o| o.is_open())
    }

    /// Every occurrence with its state on `today`, in timeline order: for
    /// the timeline.
    pub fn timeline(&self, today: NaiveDate) -> Vec<(&Occurrence, OccurrenceState)> {
        let next = self.next_key(today);
        self.occurrences
            .iter()
            .map(|o| (o, state_of(o, today, next)))
            .collect()
    }

    /// The state of one occurrence on `today`.
    pub fn state(&self, key: OccurrenceKey, today: NaiveDate) -> Option<OccurrenceState> {
        let o = self.occurrence(key)?;
        Some(state_of(o, today, self.next_key(today)))
    }

    /// The first open occurrence planned `today` or later.
    fn next_key(&self, today: NaiveDate) -> Option<OccurrenceKey> {
        self.occurrences
            .iter()
            .find(|o| o.is_open() && o.date >= today)
            .map(Occurrence::key)
    }

    /// Every occurrence done or skipped.
    pub fn is_finished(&self) -> bool {
        self.occurrences.iter().all(|o| !o.is_open())
    }

    /// Whether the plan was archived.
    pub fn is_archived(&self) -> bool {
        self.archived.is_some()
    }

    /// The plan at a glance on `today`.
    pub fn overview(&self, today: NaiveDate) -> Overview {
        let next = self.next_open();
        Overview {
            next: next.map(Occurrence::key),
            next_date: next.map(|o| o.date),
            overdue: self
                .occurrences
                .iter()
                .filter(|o| o.is_open() && o.date < today)
                .count(),
            done: self.occurrences.iter().filter(|o| o.done.is_some()).count(),
            total: self.occurrences.len(),
            finished: self.is_finished(),
        }
    }

    /// What a session started for `key` records: the plan file's name and
    /// the occurrence.
    pub fn reference(plan_file: &str, key: OccurrenceKey) -> PlanRef {
        PlanRef {
            plan: plan_file.to_string(),
            step: key.step,
            repeat: key.repeat,
            heading: String::new(),
        }
    }

    /// Keep the occurrences in timeline order (stable).
    fn sort(&mut self) {
        self.occurrences.sort_by_key(|o| (o.date, o.step, o.repeat));
    }
}

fn state_of(o: &Occurrence, today: NaiveDate, next: Option<OccurrenceKey>) -> OccurrenceState {
    match (&o.done, o.skipped) {
        (Some(f), _) => OccurrenceState::Done(f.held.date_naive()),
        (None, true) => OccurrenceState::Skipped,
        (None, false) if o.date < today => OccurrenceState::Overdue,
        (None, false) if next == Some(o.key()) => OccurrenceState::Next,
        (None, false) => OccurrenceState::Later,
    }
}
