//! The content operations: list items, helper questions, ratings, skipped
//! phases, the checklist, header fields and carried items, each checked
//! against the session's guide.

use crate::guide::List;

use super::{CarriedState, Item, Session};

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

    /// Mark carried item `i` done in this session, or carried on again.
    pub fn toggle_carried_done(&mut self, i: usize) -> Result<(), SessionError> {
        let done = self
            .carried
            .get(i)
            .ok_or(SessionError::NoSuchCarried(i))?
            .done;
        let state = if done {
            CarriedState::CarriedOn
        } else {
            CarriedState::Done
        };
        self.set_carried_state(i, state)
    }

    /// Decide about carried item `i`: done, carried on, or dropped.
    pub fn set_carried_state(&mut self, i: usize, state: CarriedState) -> Result<(), SessionError> {
        let item = self
            .carried
            .get_mut(i)
            .ok_or(SessionError::NoSuchCarried(i))?;
        item.set_state(state);
        Ok(())
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
