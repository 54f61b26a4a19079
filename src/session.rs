//! A session: what was said in one conversation, per phase, with the
//! wall-clock timestamps the timer is computed from.
//!
//! Every operation that depends on time takes `now` as an argument; nothing
//! here reads the clock or touches the disk. The TOML form of this type is
//! the session file (documented in `docs/session-format.md`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::guide::{Conversation, FieldKind, List};

mod carry;
#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod ops_tests;

pub use carry::{open_carried_items, slug};

/// The session file format version written by this build.
pub const SESSION_FORMAT: u32 = 1;

/// The longest gap, in seconds, between the last save and reopening after
/// which an open visit still continues (see [`Session::resume_after`]).
pub const RESUME_MAX_GAP_SECS: i64 = 15 * 60;

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
    /// Marked done in this session (false: carried on to the next).
    #[serde(default)]
    pub done: bool,
}

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionFileError {
    /// Not valid TOML or not a session (the message says where and what).
    Damaged(String),
    /// Written by a newer leidraad with a format this build does not know.
    UnknownFormat(u32),
}

impl std::fmt::Display for SessionFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionFileError::Damaged(why) => write!(f, "damaged session file: {why}"),
            SessionFileError::UnknownFormat(v) => write!(
                f,
                "session format {v} is newer than this leidraad knows ({SESSION_FORMAT}): update leidraad"
            ),
        }
    }
}

impl std::error::Error for SessionFileError {}

impl Session {
    /// The session as the text of a session file.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    /// Read a session file's text. Never panics, whatever the input.
    pub fn from_toml(text: &str) -> Result<Session, SessionFileError> {
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        // One full parse in the usual case; the version is looked at apart
        // only when the file is newer or does not parse.
        let newer = |text: &str| match toml::from_str::<Version>(text) {
            Ok(Version { format: Some(v) }) if v > SESSION_FORMAT => Some(v),
            _ => None,
        };
        let session: Session = match toml::from_str(text) {
            Ok(s) => s,
            Err(e) => {
                return Err(match newer(text) {
                    Some(v) => SessionFileError::UnknownFormat(v),
                    None => SessionFileError::Damaged(e.message().to_string()),
                });
            }
        };
        if session.format > SESSION_FORMAT {
            return Err(SessionFileError::UnknownFormat(session.format));
        }
        session.check().map_err(SessionFileError::Damaged)?;
        Ok(session)
    }

    /// The invariants every other operation relies on: one record per phase
    /// of the embedded guide, with the same ids, and a current phase that
    /// exists.
    fn check(&self) -> Result<(), String> {
        if self.phases.len() != self.guide.phases.len() {
            return Err(format!(
                "{} phase records for {} phases in the guide",
                self.phases.len(),
                self.guide.phases.len()
            ));
        }
        if let Some((r, g)) = self
            .phases
            .iter()
            .zip(&self.guide.phases)
            .find(|(r, g)| r.id != g.id)
        {
            return Err(format!(
                "phase record {:?} where the guide has {:?}",
                r.id, g.id
            ));
        }
        if self.current >= self.phases.len() {
            return Err(format!("current phase {} does not exist", self.current));
        }
        Ok(())
    }
}

/// Why an operation on a session was refused (an index or id that does not
/// exist in the session's guide, or a phase that may not be skipped). The
/// session is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    NoSuchPhase(usize),
    NoSuchList(String),
    NoSuchItem(usize),
    NoSuchQuestion(usize),
    NoSuchRating(String),
    NoSuchRatingItem(usize),
    NoSuchStep(usize),
    NoSuchField(String),
    NoSuchCheck(usize),
    NoSuchCarried(usize),
    /// Only optional phases can be skipped.
    NotOptional(usize),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::NoSuchPhase(i) => write!(f, "no phase {i}"),
            SessionError::NoSuchList(id) => write!(f, "no list {id:?} in this phase"),
            SessionError::NoSuchItem(i) => write!(f, "no item {i} in this list"),
            SessionError::NoSuchQuestion(i) => write!(f, "no question {i} in this phase"),
            SessionError::NoSuchRating(id) => write!(f, "no rating {id:?} in this phase"),
            SessionError::NoSuchRatingItem(i) => write!(f, "no item {i} in this rating"),
            SessionError::NoSuchStep(i) => write!(f, "no step {i} on this scale"),
            SessionError::NoSuchField(id) => write!(f, "no field {id:?} in this guide"),
            SessionError::NoSuchCheck(i) => write!(f, "no checklist item {i}"),
            SessionError::NoSuchCarried(i) => write!(f, "no carried item {i}"),
            SessionError::NotOptional(i) => write!(f, "phase {i} is not optional"),
        }
    }
}

impl std::error::Error for SessionError {}

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
            reminders_shown: Vec::new(),
            draft: None,
            carried: Vec::new(),
            phases,
            guide: guide.clone(),
        };
        session.client = session.client_value().trim().to_string();
        session
    }

    /// The conversation starts at `now` (the header form is done): the clock
    /// runs on the current phase. Does nothing when already started.
    pub fn start(&mut self, now: Timestamp) {
        if self.started.is_some() || self.status == Status::Finished {
            return;
        }
        self.started = Some(now);
        self.open_visit(now);
    }

    /// Whether the clock is running: started, not finished, not paused, and
    /// a visit is open.
    pub fn is_running(&self) -> bool {
        self.open_visit_phase().is_some()
    }

    /// Whether the timer is paused (a pause is open).
    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.end.is_none())
    }

    /// Show phase `phase` from `now` on: the open visit ends, the new phase
    /// gets a visit unless the timer is paused (or the conversation has not
    /// started or is finished). Any order, revisits allowed; an index out of
    /// range is ignored.
    pub fn go_to(&mut self, phase: usize, now: Timestamp) {
        if phase >= self.phases.len() {
            return;
        }
        self.close_visits(now);
        self.current = phase;
        self.open_visit(now);
    }

    /// Pause the timer at `now`: the open visit ends and a pause opens.
    /// Ignored when not started, finished or already paused.
    pub fn pause(&mut self, now: Timestamp) {
        if self.started.is_none() || self.status == Status::Finished || self.is_paused() {
            return;
        }
        self.close_visits(now);
        self.pauses.push(Interval {
            start: now,
            end: None,
        });
    }

    /// Resume the timer at `now`: the pause ends and the current phase gets
    /// a visit. Ignored when not paused.
    pub fn resume(&mut self, now: Timestamp) {
        if !self.is_paused() {
            return;
        }
        self.close_pauses(now);
        self.open_visit(now);
    }

    /// Pause when running, resume when paused (the `t` key).
    pub fn toggle_pause(&mut self, now: Timestamp) {
        if self.is_paused() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    /// Correct the current phase's clock by `seconds` (the `+`/`-` keys:
    /// ±60). A removal is limited so that the phase's elapsed time never goes
    /// below zero; a correction that would change nothing is not recorded.
    pub fn adjust_current(&mut self, seconds: i64, now: Timestamp) {
        if self.current >= self.phases.len() {
            return;
        }
        let elapsed = crate::timer::phase_elapsed(self, self.current, now);
        let seconds = seconds.max(-elapsed);
        if seconds == 0 {
            return;
        }
        self.phases[self.current]
            .corrections
            .push(Correction { at: now, seconds });
    }

    /// Leave the conversation at `now` without finishing it (the `q` key):
    /// the open visit ends, the session stays in progress and resumable, an
    /// open pause stays open. The time until the session is resumed is not
    /// counted.
    pub fn leave(&mut self, now: Timestamp) {
        self.close_visits(now);
    }

    /// Finish the conversation at `now`: the open visit or pause ends, the
    /// status becomes finished.
    pub fn finish(&mut self, now: Timestamp) {
        if self.status == Status::Finished {
            return;
        }
        self.close_visits(now);
        self.close_pauses(now);
        self.status = Status::Finished;
        self.finished = Some(now);
    }

    /// Record that the session is being written at `now` (for crash recovery,
    /// see [`Session::resume_after`]).
    pub fn mark_saved(&mut self, now: Timestamp) {
        self.saved = Some(now);
    }

    /// Reopen a session at `now` (resume from the home screen or after a
    /// crash).
    ///
    /// The rule: a visit still open in the file means the app stopped
    /// without closing it (crash, kill, power cut). If the file was saved at
    /// most `max_gap` before `now`, the conversation is taken to have gone
    /// on while the app was down: the visit stays open and the clock is
    /// intact. Otherwise the visit is closed at `saved` (at its own start
    /// when the file has no `saved`, or when `saved` lies before it), the
    /// time since is not counted, and that moment is returned so the UI can
    /// say so. An open pause stays open either way (the session reopens
    /// paused; paused time is never counted). Then, if the conversation is
    /// started, not finished, not paused and no visit is open, a visit opens
    /// on the current phase at `now`. The app passes
    /// `TimeDelta::seconds(RESUME_MAX_GAP_SECS)` as `max_gap`.
    pub fn resume_after(&mut self, now: Timestamp, max_gap: TimeDelta) -> Option<Timestamp> {
        if self.status == Status::Finished {
            return None;
        }
        let mut cut = None;
        if let Some((p, v)) = self.open_visit_phase() {
            let gap_ok = self
                .saved
                .is_some_and(|saved| now >= saved && now - saved <= max_gap);
            if !gap_ok {
                let visit = &mut self.phases[p].visits[v];
                let at = match self.saved {
                    Some(saved) if saved >= visit.start => saved,
                    _ => visit.start,
                };
                visit.end = Some(at);
                cut = Some(at);
                self.close_visits(at);
            }
        }
        if self.current >= self.phases.len() {
            self.current = 0;
        }
        if self.open_visit_phase().is_none() && self.may_run() {
            self.open_visit(now);
        }
        cut
    }

    /// Add an item to list `list_id` of phase `phase`. The values are padded
    /// with "" to the list's number of columns.
    pub fn add_item(
        &mut self,
        phase: usize,
        list_id: &str,
        values: Vec<String>,
    ) -> Result<(), SessionError> {
        let columns = self.list_def(phase, list_id)?.columns.len();
        let items = self.phases[phase]
            .lists
            .entry(list_id.to_string())
            .or_default();
        items.push(Item {
            values: padded(values, columns),
            done: false,
        });
        Ok(())
    }

    /// Replace the values of item `index` of a list (padded like `add_item`).
    pub fn update_item(
        &mut self,
        phase: usize,
        list_id: &str,
        index: usize,
        values: Vec<String>,
    ) -> Result<(), SessionError> {
        let columns = self.list_def(phase, list_id)?.columns.len();
        let item = self.item_mut(phase, list_id, index)?;
        item.values = padded(values, columns);
        Ok(())
    }

    /// Remove item `index` of a list and return it.
    pub fn remove_item(
        &mut self,
        phase: usize,
        list_id: &str,
        index: usize,
    ) -> Result<Item, SessionError> {
        self.item_mut(phase, list_id, index)?;
        let items = self.phases[phase]
            .lists
            .get_mut(list_id)
            .ok_or(SessionError::NoSuchItem(index))?;
        Ok(items.remove(index))
    }

    /// Mark item `index` of a list done, or not done again.
    pub fn toggle_item_done(
        &mut self,
        phase: usize,
        list_id: &str,
        index: usize,
    ) -> Result<(), SessionError> {
        let item = self.item_mut(phase, list_id, index)?;
        item.done = !item.done;
        Ok(())
    }

    /// The items of a list (empty for an unknown phase or list).
    pub fn items(&self, phase: usize, list_id: &str) -> &[Item] {
        self.phases
            .get(phase)
            .and_then(|p| p.lists.get(list_id))
            .map_or(&[], |v| v.as_slice())
    }

    /// Mark helper question `question` (an index into the phase's
    /// `all_questions()`) asked, or not asked again.
    pub fn toggle_asked(&mut self, phase: usize, question: usize) -> Result<(), SessionError> {
        let count = self
            .guide
            .phases
            .get(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?
            .all_questions()
            .len();
        if question >= count {
            return Err(SessionError::NoSuchQuestion(question));
        }
        let record = self
            .phases
            .get_mut(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?;
        if let Some(pos) = record.asked.iter().position(|&q| q == question) {
            record.asked.remove(pos);
        } else {
            record.asked.push(question);
            record.asked.sort_unstable();
            record.asked.dedup();
        }
        Ok(())
    }

    /// Whether helper question `question` of `phase` was marked asked.
    pub fn is_asked(&self, phase: usize, question: usize) -> bool {
        self.phases
            .get(phase)
            .is_some_and(|p| p.asked.contains(&question))
    }

    /// Rate item `item` of rating `rating_id` of `phase` with scale step
    /// `step` (an index into the scale), or clear it with None.
    pub fn set_rating(
        &mut self,
        phase: usize,
        rating_id: &str,
        item: usize,
        step: Option<usize>,
    ) -> Result<(), SessionError> {
        let rating = self
            .guide
            .phases
            .get(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?
            .ratings
            .iter()
            .find(|r| r.id == rating_id)
            .ok_or_else(|| SessionError::NoSuchRating(rating_id.to_string()))?;
        if item >= rating.items.len() {
            return Err(SessionError::NoSuchRatingItem(item));
        }
        let label = match step {
            Some(s) => rating
                .scale
                .get(s)
                .cloned()
                .ok_or(SessionError::NoSuchStep(s))?,
            None => String::new(),
        };
        let len = rating.items.len();
        let record = self
            .phases
            .get_mut(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?;
        let values = record.ratings.entry(rating_id.to_string()).or_default();
        if values.len() < len {
            values.resize(len, String::new());
        }
        values[item] = label;
        Ok(())
    }

    /// The chosen scale step (index into the scale) of a rating item, if any.
    pub fn rating_step(&self, phase: usize, rating_id: &str, item: usize) -> Option<usize> {
        let rating = self
            .guide
            .phases
            .get(phase)?
            .ratings
            .iter()
            .find(|r| r.id == rating_id)?;
        let label = self.phases.get(phase)?.ratings.get(rating_id)?.get(item)?;
        rating.scale.iter().position(|s| s == label)
    }

    /// Skip an optional phase, or un-skip it.
    pub fn toggle_skipped(&mut self, phase: usize) -> Result<(), SessionError> {
        let def = self
            .guide
            .phases
            .get(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?;
        if !def.optional {
            return Err(SessionError::NotOptional(phase));
        }
        let record = self
            .phases
            .get_mut(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?;
        record.skipped = !record.skipped;
        Ok(())
    }

    /// Tick preparation checklist item `i`, or untick it.
    pub fn toggle_check(&mut self, i: usize) -> Result<(), SessionError> {
        if i >= self.guide.preparation.len() {
            return Err(SessionError::NoSuchCheck(i));
        }
        if self.checklist.len() < self.guide.preparation.len() {
            self.checklist.resize(self.guide.preparation.len(), false);
        }
        self.checklist[i] = !self.checklist[i];
        Ok(())
    }

    /// Set header field `id` to `value`; setting the client field also sets
    /// `client` (trimmed).
    pub fn set_field(&mut self, id: &str, value: &str) -> Result<(), SessionError> {
        let field = self
            .guide
            .fields
            .iter()
            .find(|f| f.id == id)
            .ok_or_else(|| SessionError::NoSuchField(id.to_string()))?;
        if field.client {
            self.client = value.trim().to_string();
        }
        self.fields.insert(id.to_string(), value.to_string());
        Ok(())
    }

    /// The value of header field `id` ("" when not set).
    pub fn field(&self, id: &str) -> &str {
        self.fields.get(id).map_or("", |v| v.as_str())
    }

    /// The client's name: the value of the guide's client field, or the
    /// stored `client` when the guide has none.
    pub fn client_value(&self) -> &str {
        match self.guide.client_field() {
            Some(f) => self.field(&f.id),
            None => &self.client,
        }
    }

    /// Mark carried item `i` done in this session, or open again.
    pub fn toggle_carried_done(&mut self, i: usize) -> Result<(), SessionError> {
        let item = self
            .carried
            .get_mut(i)
            .ok_or(SessionError::NoSuchCarried(i))?;
        item.done = !item.done;
        Ok(())
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

    fn may_run(&self) -> bool {
        self.started.is_some() && self.status == Status::InProgress && !self.is_paused()
    }

    /// The (phase, visit) indexes of the open visit, if any.
    fn open_visit_phase(&self) -> Option<(usize, usize)> {
        self.phases.iter().enumerate().find_map(|(p, r)| {
            r.visits
                .iter()
                .position(|v| v.end.is_none())
                .map(|v| (p, v))
        })
    }

    fn open_visit(&mut self, now: Timestamp) {
        if self.open_visit_phase().is_some() || !self.may_run() {
            return;
        }
        if let Some(record) = self.phases.get_mut(self.current) {
            record.visits.push(Interval {
                start: now,
                end: None,
            });
        }
    }

    fn close_visits(&mut self, now: Timestamp) {
        for v in self.phases.iter_mut().flat_map(|p| p.visits.iter_mut()) {
            if v.end.is_none() {
                v.end = Some(now);
            }
        }
    }

    fn close_pauses(&mut self, now: Timestamp) {
        for p in self.pauses.iter_mut() {
            if p.end.is_none() {
                p.end = Some(now);
            }
        }
    }

    fn list_def(&self, phase: usize, list_id: &str) -> Result<&List, SessionError> {
        if phase >= self.phases.len() {
            return Err(SessionError::NoSuchPhase(phase));
        }
        self.guide
            .phases
            .get(phase)
            .ok_or(SessionError::NoSuchPhase(phase))?
            .lists
            .iter()
            .find(|l| l.id == list_id)
            .ok_or_else(|| SessionError::NoSuchList(list_id.to_string()))
    }

    fn item_mut(
        &mut self,
        phase: usize,
        list_id: &str,
        index: usize,
    ) -> Result<&mut Item, SessionError> {
        self.list_def(phase, list_id)?;
        self.phases[phase]
            .lists
            .get_mut(list_id)
            .and_then(|items| items.get_mut(index))
            .ok_or(SessionError::NoSuchItem(index))
    }
}

fn padded(mut values: Vec<String>, columns: usize) -> Vec<String> {
    if values.len() < columns {
        values.resize(columns, String::new());
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{Field, FieldKind, List, Phase, Rating, Reminder, ReminderAt};

    fn ts(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn guide() -> Conversation {
        Conversation {
            id: "g".into(),
            title: "G".into(),
            subtitle: String::new(),
            language: "nl".into(),
            minutes: 20,
            summary: "s".into(),
            participants: vec![],
            materials: vec![],
            preparation: vec!["lees".into()],
            fields: vec![Field {
                id: "school".into(),
                label: "School".into(),
                kind: FieldKind::Text,
                required: true,
                client: true,
                choices: vec![],
                default: None,
            }],
            phases: vec![Phase {
                id: "a".into(),
                title: "A".into(),
                minutes: 20,
                goal: String::new(),
                guidance: String::new(),
                questions: vec!["Q?".into()],
                groups: vec![],
                optional: false,
                revisit: None,
                lists: vec![List {
                    id: "afspraken".into(),
                    label: "Afspraken".into(),
                    hint: String::new(),
                    columns: vec!["Wat".into(), "Wie".into()],
                    carry: true,
                    min: None,
                    max: Some(3),
                }],
                ratings: vec![Rating {
                    id: "r".into(),
                    label: "R".into(),
                    scale: vec!["x".into(), "y".into()],
                    items: vec!["i1".into(), "i2".into()],
                }],
            }],
            reminders: vec![Reminder {
                at: ReminderAt::MinutesBeforeEnd(5),
                text: "Kom terug".into(),
            }],
        }
    }

    #[test]
    fn session_survives_a_toml_round_trip() {
        let mut phase = PhaseRecord {
            id: "a".into(),
            notes: "één \"\"\" twee\r\n🧑‍🏫 ĳ".into(),
            visits: vec![Interval {
                start: ts("2026-11-23T09:00:00+01:00"),
                end: None,
            }],
            ..Default::default()
        };
        phase
            .ratings
            .insert("r".into(), vec!["".into(), "y".into()]);
        phase.lists.insert(
            "afspraken".into(),
            vec![Item {
                values: vec!["Bellen".into(), "Anna".into()],
                done: false,
            }],
        );
        let s = Session {
            format: SESSION_FORMAT,
            status: Status::InProgress,
            created: ts("2026-11-23T09:00:00+01:00"),
            started: Some(ts("2026-11-23T09:01:00+01:00")),
            finished: None,
            saved: None,
            client: "De Regenboog".into(),
            current: 0,
            fields: [("school".to_string(), "De Regenboog".to_string())].into(),
            checklist: vec![true],
            pauses: vec![],
            reminders_shown: vec![],
            draft: None,
            carried: vec![],
            phases: vec![phase],
            guide: guide(),
        };
        let text = s.to_toml().unwrap();
        assert_eq!(Session::from_toml(&text).unwrap(), s);
    }

    #[test]
    fn newer_format_is_reported_as_such() {
        assert_eq!(
            Session::from_toml("format = 9\n"),
            Err(SessionFileError::UnknownFormat(9))
        );
        assert!(matches!(
            Session::from_toml("format = 1\n"),
            Err(SessionFileError::Damaged(_))
        ));
    }
}
