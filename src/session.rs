//! A session: what was said in one conversation, per phase, with the
//! wall-clock timestamps the timer is computed from.
//!
//! Every operation that depends on time takes `now` as an argument; nothing
//! here reads the clock or touches the disk. The TOML form of this type is
//! the session file (documented in `docs/session-format.md`).
//!
//! The type and its parts are here; the operations live by idea:
//! `session/format.rs` (the file: to and from TOML), `session/time.rs`
//! (start, phases, pauses, corrections, leaving, finishing, reopening),
//! `session/content.rs` (items, questions, ratings, skipping, checklist,
//! fields, carried items) and `session/carry.rs` (what comes along from
//! earlier sessions).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::guide::{Conversation, FieldKind};
use crate::plan::PlanRef;

mod carry;
mod content;
#[cfg(test)]
pub(crate) mod fixture;
mod format;
#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod ops_tests;
#[cfg(test)]
mod tests;
mod time;

pub use carry::{merge_carried, open_carried_items, slug};
pub use content::SessionError;
pub use format::SessionFileError;

/// The session file format version written by this build.
pub const SESSION_FORMAT: u32 = 1;

/// The shortest time, in seconds, the app must have been down (with a
/// visit open) before resuming asks whether that time counts; a shorter
/// gap counts without a question (see [`Session::closed_gap`]).
pub const RESUME_ASK_SECS: i64 = 60;

/// The time the app was down while a phase's clock ran: from the last save
/// to the reopening, on phase `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosedGap {
    pub phase: usize,
    pub from: Timestamp,
    pub to: Timestamp,
}

impl ClosedGap {
    /// Its length in seconds.
    pub fn secs(&self) -> i64 {
        (self.to - self.from).num_seconds().max(0)
    }
}

/// A wall-clock timestamp with its UTC offset, stored to the second.
pub type Timestamp = DateTime<FixedOffset>;

/// Whether a session is still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Preparation done, conversation started or paused; can be resumed.
    InProgress,
    /// Finished with `f`.
    Finished,
}

/// One conversation held with a guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The session file format version.
    pub format: u32,
    pub status: Status,
    /// When the session was created (preparation started).
    pub created: Timestamp,
    /// When the conversation started (form completed), if it has.
    #[serde(default)]
    pub started: Option<Timestamp>,
    /// When the conversation was finished, if it was.
    #[serde(default)]
    pub finished: Option<Timestamp>,
    /// The last time this session was written (for crash recovery).
    #[serde(default)]
    pub saved: Option<Timestamp>,
    /// The client's name (the value of the guide's client field), for linking
    /// sessions; empty when the guide has no client field.
    #[serde(default)]
    pub client: String,
    /// The phase on screen (index into `phases`).
    #[serde(default)]
    pub current: usize,
    /// Header form values by field id. A list field's values are joined with
    /// newlines; a yes/no field holds "ja"/"nee" as chosen.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The preparation checklist, one flag per item of the guide's list.
    #[serde(default)]
    pub checklist: Vec<bool>,
    /// Pauses of the timer; the last one may still be open.
    #[serde(default)]
    pub pauses: Vec<Interval>,
    /// The end agreed at the table ("Hoeveel tijd hebben we?"), when one
    /// was set: every figure of the timer follows it instead of the
    /// planned total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_end: Option<Timestamp>,
    /// Indexes (into the guide's reminders) of the reminders already shown.
    #[serde(default)]
    pub reminders_shown: Vec<usize>,
    /// Open items carried in from earlier sessions with the same client.
    #[serde(default)]
    pub carried: Vec<CarriedItem>,
    /// A list item being typed (its form open, not yet confirmed with
    /// Enter) when the session was saved: the form opens again with it when
    /// the session is resumed. Not part of the session's lists or report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<ItemDraft>,
    /// The plan occurrence this conversation fulfils, when it was started
    /// from a plan; finishing it marks that occurrence done
    /// ([`crate::store::PlanStore::record_session`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanRef>,
    /// Per phase of the guide, in the guide's order.
    pub phases: Vec<PhaseRecord>,
    /// The guide this session was held with, embedded whole.
    pub guide: Conversation,
}

/// A span of wall-clock time; `end` is None while it is still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub start: Timestamp,
    #[serde(default)]
    pub end: Option<Timestamp>,
}

/// A manual correction of a phase's clock (`+`/`-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// When the correction was made.
    pub at: Timestamp,
    /// Seconds added (negative: removed).
    pub seconds: i64,
}

/// What happened in one phase.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PhaseRecord {
    /// The phase id, as in the guide.
    pub id: String,
    /// The times this phase was on screen with the clock running.
    #[serde(default)]
    pub visits: Vec<Interval>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// Notes that go into the report.
    #[serde(default)]
    pub notes: String,
    /// The facilitator's own observations; never exported unless asked for.
    #[serde(default)]
    pub private_notes: String,
    /// Indexes into the phase's `all_questions()` that were marked asked.
    #[serde(default)]
    pub asked: Vec<usize>,
    /// Items per list id.
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<Item>>,
    /// Per rating id, the chosen scale step (its label) for each rating
    /// item, in the guide's order; an empty string means not rated yet.
    #[serde(default)]
    pub ratings: BTreeMap<String, Vec<String>>,
    /// The phase was skipped (optional phases only).
    #[serde(default)]
    pub skipped: bool,
}

/// A list item whose form was open: where it goes and what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    /// The phase (index into `phases`) and the list id.
    pub phase: usize,
    pub list: String,
    /// The item being edited; None: a new item.
    #[serde(default)]
    pub editing: Option<usize>,
    /// One value per column, as typed.
    pub values: Vec<String>,
}

/// One item of a list: one value per column of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Item {
    pub values: Vec<String>,
    /// Marked done (used for carried items).
    #[serde(default)]
    pub done: bool,
}

/// An open item from an earlier session with the same client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedItem {
    /// The file name of the session it came from.
    pub from_session: String,
    /// The list id and label it came from.
    pub list: String,
    pub label: String,
    pub columns: Vec<String>,
    pub item: Item,
    /// Marked done in this session.
    #[serde(default)]
    pub done: bool,
    /// Dropped in this session: no longer wanted, not carried again.
    /// Neither done nor dropped: carried on to the next session.
    #[serde(default)]
    pub dropped: bool,
    /// The title of the guide of the session it came from ("" in files
    /// written before it was recorded).
    #[serde(default)]
    pub from_title: String,
    /// When the conversation it came from was held.
    #[serde(default)]
    pub from_date: Option<Timestamp>,
}

/// What was decided about an item carried in from an earlier session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CarriedState {
    /// Still open: it comes along into the next session too.
    CarriedOn,
    /// Done: it does not come back.
    Done,
    /// No longer wanted: it does not come back.
    Dropped,
}

impl CarriedItem {
    /// What was decided about it in this session.
    pub fn state(&self) -> CarriedState {
        match (self.done, self.dropped) {
            (true, _) => CarriedState::Done,
            (false, true) => CarriedState::Dropped,
            (false, false) => CarriedState::CarriedOn,
        }
    }

    /// Decide about it.
    pub fn set_state(&mut self, state: CarriedState) {
        self.done = state == CarriedState::Done;
        self.dropped = state == CarriedState::Dropped;
    }

    /// Whether it comes along into the next session.
    pub fn is_open(&self) -> bool {
        self.state() == CarriedState::CarriedOn && !self.item.done
    }

    /// What identifies it across sessions: the session it first came from,
    /// its list and its values.
    pub fn key(&self) -> (&str, &str, &[String]) {
        (&self.from_session, &self.list, &self.item.values)
    }
}

impl Session {
    /// A new session for `guide`, created at `now`: in progress, not started,
    /// on the first phase, checklist unticked, header fields holding their
    /// defaults ("today" in a date field becomes `now`'s date, YYYY-MM-DD;
    /// fields without a default hold ""), every rating item unrated, lists
    /// empty.
    pub fn new(guide: &Conversation, now: Timestamp) -> Session {
        let fields: BTreeMap<String, String> = guide
            .fields
            .iter()
            .map(|f| {
                let value = match f.default.as_deref() {
                    Some("today") if f.kind == FieldKind::Date => {
                        now.date_naive().format("%Y-%m-%d").to_string()
                    }
                    Some(d) => d.to_string(),
                    None => String::new(),
                };
                (f.id.clone(), value)
            })
            .collect();
        let phases = guide
            .phases
            .iter()
            .map(|p| PhaseRecord {
                id: p.id.clone(),
                ratings: p
                    .ratings
                    .iter()
                    .map(|r| (r.id.clone(), vec![String::new(); r.items.len()]))
                    .collect(),
                ..Default::default()
            })
            .collect();
        let mut session = Session {
            format: SESSION_FORMAT,
            status: Status::InProgress,
            created: now,
            started: None,
            finished: None,
            saved: None,
            client: String::new(),
            current: 0,
            fields,
            checklist: vec![false; guide.preparation.len()],
            pauses: Vec::new(),
            agreed_end: None,
            reminders_shown: Vec::new(),
            draft: None,
            plan: None,
            carried: Vec::new(),
            phases,
            guide: guide.clone(),
        };
        session.client = session.client_value().trim().to_string();
        session
    }

    /// Whether what was said contains `needle` (case-insensitive): the client,
    /// the header fields, the notes and every list item, carried ones too.
    /// The embedded guide's text and the private notes are not searched.
    pub fn mentions(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        let hit = |text: &str| text.to_lowercase().contains(&needle);
        hit(&self.client)
            || self.fields.values().any(|v| hit(v))
            || self.phases.iter().any(|p| {
                hit(&p.notes)
                    || p.lists
                        .values()
                        .flatten()
                        .any(|i| i.values.iter().any(|v| hit(v)))
            })
            || self
                .carried
                .iter()
                .any(|c| c.item.values.iter().any(|v| hit(v)))
    }

    /// A name for this session's file, without extension:
    /// `YYYY-MM-DD-HHMM-<client slug>-<guide id>` (the slug part left out
    /// when there is no client). Carried items refer to their session by it.
    pub fn file_stem(&self) -> String {
        let when = self.created.format("%Y-%m-%d-%H%M");
        let client = slug(&self.client);
        if client.is_empty() {
            format!("{when}-{}", self.guide.id)
        } else {
            format!("{when}-{client}-{}", self.guide.id)
        }
    }
}
