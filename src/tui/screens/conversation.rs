//! The conversation screen: one phase at a time with its goal, guidance,
//! helper questions, notes, lists and ratings, and the clocks always in
//! view. This file holds the state and the key handling; `conversation/view.rs`
//! draws it.

mod view;

use std::cell::Cell;

use chrono::TimeDelta;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use view::render;

use crate::guide::List;
use crate::session::{Item, ItemDraft, Session, Status, Timestamp};
use crate::timer;
use crate::tui::app::{App, Confirm, Effect, Screen, Severity};
use crate::tui::keymap::{Action, Mode};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::scroll::Scroll;

/// How long a reminder banner stays up.
const BANNER_SECS: i64 = 120;
/// A session left open (a crash) longer than this is not counted on resume.
const MAX_RESUME_GAP_MINUTES: i64 = 15;

/// What has the focus on the conversation screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Notes,
    Private,
    Questions,
    /// The phase's n-th list.
    List(usize),
    /// The phase's n-th rating.
    Rating(usize),
    /// Open items carried in from earlier sessions.
    Carried,
    /// The notes of the earlier phase this phase revisits (read-only).
    Revisit,
}

/// The small form that adds or edits a list item.
#[derive(Debug, Clone)]
pub struct ItemForm {
    pub list_id: String,
    pub label: String,
    pub columns: Vec<String>,
    /// The item being edited; None: a new item.
    pub editing: Option<usize>,
    pub inputs: Vec<TextInput>,
    pub focused: usize,
}

impl ItemForm {
    /// A form for an item of `list`, holding `values` (one per column).
    fn new(list: &List, editing: Option<usize>, values: &[String]) -> ItemForm {
        let inputs = list
            .columns
            .iter()
            .enumerate()
            .map(|(c, _)| TextInput::line(values.get(c).map(String::as_str).unwrap_or("")))
            .collect();
        let mut form = ItemForm {
            list_id: list.id.clone(),
            label: list.label.clone(),
            columns: list.columns.clone(),
            editing,
            inputs,
            focused: 0,
        };
        focus_column(&mut form, 0);
        form
    }
}

/// State of the conversation screen.
#[derive(Debug, Clone)]
pub struct ConvState {
    pub session: Session,
    pub focus: Focus,
    pub editing: bool,
    pub notes: TextInput,
    pub private: TextInput,
    /// Selected item in the focused list, rating or carried list.
    pub row: usize,
    pub item_form: Option<ItemForm>,
    /// A reminder on screen, with when it appeared.
    pub banner: Option<(String, Timestamp)>,
    /// How far the revisited phase's notes are scrolled.
    pub revisit: Scroll,
    /// How far the guide pane (goal, guidance, questions) is scrolled with
    /// PgUp/PgDn.
    pub guide: Scroll,
    /// How many rows of them were on screen at the last drawn size.
    pub revisit_page: Cell<u16>,
}

impl ConvState {
    fn new(session: Session) -> ConvState {
        let cur = session.current.min(session.phases.len().saturating_sub(1));
        let mut conv = ConvState {
            notes: TextInput::notes(&session.phases[cur].notes),
            private: TextInput::notes(&session.phases[cur].private_notes),
            session,
            focus: Focus::Notes,
            editing: true,
            row: 0,
            item_form: None,
            banner: None,
            revisit: Scroll::default(),
            guide: Scroll::default(),
            revisit_page: Cell::new(10),
        };
        conv.notes.set_focused(true);
        conv.item_form = conv.draft_form();
        conv
    }

    /// The item form a saved draft stands for (the form was open when the
    /// session was last saved), if it still fits the guide.
    fn draft_form(&self) -> Option<ItemForm> {
        let draft = self.session.draft.as_ref()?;
        if draft.phase != self.current() {
            return None;
        }
        let list = self.session.guide.phases[draft.phase]
            .lists
            .iter()
            .find(|l| l.id == draft.list)?;
        let count = self.session.phases[draft.phase]
            .lists
            .get(&draft.list)
            .map_or(0, Vec::len);
        if draft.editing.is_some_and(|i| i >= count) {
            return None;
        }
        Some(ItemForm::new(list, draft.editing, &draft.values))
    }

    /// Keep what is typed in the open item form in the session (`draft`),
    /// so that it is saved like the notes.
    pub fn sync_draft(&mut self) {
        let phase = self.current();
        self.session.draft = self.item_form.as_ref().map(|f| ItemDraft {
            phase,
            list: f.list_id.clone(),
            editing: f.editing,
            values: f.inputs.iter().map(TextInput::text).collect(),
        });
    }

    /// The key mode of the conversation screen.
    pub fn mode(&self) -> Mode {
        if self.item_form.is_some() {
            Mode::ItemForm
        } else if self.editing {
            Mode::Editing
        } else {
            self.nav_mode()
        }
    }

    /// The key mode when not typing, by focus.
    pub fn nav_mode(&self) -> Mode {
        match self.focus {
            Focus::Notes | Focus::Private => Mode::ConvNotes,
            // The revisited notes scroll (see `revisit_key`); everything
            // else is as in the notes.
            Focus::Revisit => Mode::ConvRevisit,
            Focus::Questions => Mode::ConvQuestions,
            Focus::List(_) | Focus::Carried => Mode::ConvList,
            Focus::Rating(_) => Mode::ConvRating,
        }
    }

    /// The index of the phase on screen.
    pub fn current(&self) -> usize {
        self.session.current
    }

    /// The index of the earlier phase whose notes the phase on screen
    /// revisits.
    pub fn revisited(&self) -> Option<usize> {
        let guide = &self.session.guide;
        guide.phases[self.current()]
            .revisit
            .as_deref()
            .and_then(|id| guide.phase_index(id))
            .filter(|&i| i != self.current())
    }

    /// Carried items are shown in the phase holding a list with their list
    /// id, or else in the first phase.
    pub fn carried_here(&self) -> Vec<usize> {
        let guide = &self.session.guide;
        let cur = self.current();
        self.session
            .carried
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let home = guide
                    .lists()
                    .find(|(_, l)| l.id == c.list)
                    .map(|(p, _)| p)
                    .unwrap_or(0);
                home == cur
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The focus stops of the phase on screen, in Tab order.
    pub fn stops(&self) -> Vec<Focus> {
        let phase = &self.session.guide.phases[self.current()];
        let mut stops = vec![Focus::Notes, Focus::Private];
        if self.revisited().is_some() {
            stops.push(Focus::Revisit);
        }
        if !phase.all_questions().is_empty() {
            stops.push(Focus::Questions);
        }
        stops.extend((0..phase.lists.len()).map(Focus::List));
        stops.extend((0..phase.ratings.len()).map(Focus::Rating));
        if !self.carried_here().is_empty() {
            stops.push(Focus::Carried);
        }
        stops
    }

    /// Write the editors' text into the session.
    pub fn sync_editor(&mut self) {
        let cur = self.current();
        let notes = self.notes.text();
        let private = self.private.text();
        let record = &mut self.session.phases[cur];
        record.notes = notes;
        record.private_notes = private;
        self.sync_draft();
    }

    fn load_editors(&mut self) {
        let record = &self.session.phases[self.current()];
        self.notes = TextInput::notes(&record.notes);
        self.private = TextInput::notes(&record.private_notes);
        self.revisit = Scroll::default();
        self.guide = Scroll::default();
        self.set_focus(Focus::Notes);
    }

    /// How many rows the focused pane has (questions, items, rated items).
    fn focus_len(&self) -> usize {
        let cur = self.current();
        let phase = &self.session.guide.phases[cur];
        match self.focus {
            Focus::Notes | Focus::Private | Focus::Revisit => 0,
            Focus::Questions => phase.all_questions().len(),
            Focus::List(l) => phase
                .lists
                .get(l)
                .map_or(0, |list| items(self, &list.id).len()),
            Focus::Rating(r) => phase.ratings.get(r).map_or(0, |r| r.items.len()),
            Focus::Carried => self.carried_here().len(),
        }
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        self.row = 0;
        self.notes
            .set_focused(focus == Focus::Notes && self.editing);
        self.private
            .set_focused(focus == Focus::Private && self.editing);
    }

    fn set_editing(&mut self, editing: bool) {
        self.editing = editing;
        let f = self.focus;
        self.set_focus(f);
    }
}

/// Open the conversation screen on a session that has started.
pub fn open(app: &mut App, session: Session, _now: Timestamp) {
    app.conv = Some(ConvState::new(session));
    app.screen = Screen::Conversation;
    app.dirty = false;
}

/// Open a resumed session: close or continue what a crash left open.
pub fn resume(app: &mut App, mut session: Session, now: Timestamp) -> Vec<Effect> {
    if session.started.is_none() && session.status == Status::InProgress {
        super::prepare::reopen(app, &session, now);
        return Vec::new();
    }
    if session.status == Status::Finished {
        open(app, session, now);
        app.summary.finished = true;
        app.summary.scroll = Scroll::default();
        app.screen = Screen::Summary;
        return Vec::new();
    }
    let gap = TimeDelta::minutes(MAX_RESUME_GAP_MINUTES);
    if session.resume_after(now, gap).is_some() {
        app.say(app.texts.resume_gap_closed, Severity::Warning);
    }
    open(app, session, now);
    app.save_now()
}

/// Every second: reminders, banner expiry.
pub fn on_tick(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(conv) = app.conv.as_mut() else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    if let Some((_, shown)) = &conv.banner
        && (now - *shown).num_seconds() >= BANNER_SECS
    {
        conv.banner = None;
    }
    if conv.session.status == Status::InProgress {
        for i in timer::due_reminders(&conv.session, now) {
            conv.session.reminders_shown.push(i);
            let text = conv.session.guide.reminders[i].text.clone();
            conv.banner = Some((text, now));
            effects.push(Effect::Bell);
            app.dirty = true;
        }
    }
    effects
}

/// Paste into whatever is being typed in.
pub fn on_paste(app: &mut App, text: &str, _now: Timestamp) -> Vec<Effect> {
    let Some(conv) = app.conv.as_mut() else {
        return Vec::new();
    };
    if let Some(form) = conv.item_form.as_mut() {
        if let Some(input) = form.inputs.get_mut(form.focused)
            && input.paste(text)
        {
            conv.sync_draft();
            app.dirty = true;
        }
        return Vec::new();
    }
    if !conv.editing {
        // A paste while not typing goes into the notes: nothing is dropped.
        conv.set_focus(Focus::Notes);
        conv.set_editing(true);
    }
    let changed = match conv.focus {
        Focus::Private => conv.private.paste(text),
        _ => conv.notes.paste(text),
    };
    if changed {
        conv.sync_editor();
        app.dirty = true;
    }
    Vec::new()
}

/// Plain characters typed in one burst while typing in the notes: inserted
/// at once (the same as typing them one by one).
pub fn on_typed(app: &mut App, text: &str) -> Vec<Effect> {
    let Some(conv) = app.conv.as_mut() else {
        return Vec::new();
    };
    let changed = match conv.focus {
        Focus::Private => conv.private.type_text(text),
        _ => conv.notes.type_text(text),
    };
    if changed {
        conv.sync_editor();
        app.dirty = true;
    }
    Vec::new()
}

/// Handle a key on the conversation screen.
pub fn on_key(app: &mut App, action: Option<Action>, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    if let Some(confirm) = app.confirm {
        return on_confirm(app, confirm, action, now);
    }
    let Some(conv) = app.conv.as_mut() else {
        return Vec::new();
    };
    if conv.item_form.is_some() {
        return on_item_form(app, action, ev);
    }
    if conv.editing {
        if action == Some(Action::Back) {
            conv.set_editing(false);
            return Vec::new();
        }
        let changed = match conv.focus {
            Focus::Private => conv.private.key(ev),
            _ => conv.notes.key(ev),
        };
        if changed {
            conv.sync_editor();
            app.dirty = true;
        }
        return Vec::new();
    }
    // The revisited notes scroll: ↑↓ (j k) a row, PgUp/PgDn a page,
    // Home/End to either end.
    if conv.focus == Focus::Revisit {
        let page = conv.revisit_page.get().saturating_sub(1);
        let scrolled = match ev.code {
            KeyCode::Home | KeyCode::End if ev.modifiers.is_empty() => {
                conv.revisit.to(ev.code == KeyCode::End);
                true
            }
            _ => conv.revisit.on_action(action, page),
        };
        if scrolled {
            return Vec::new();
        }
    }
    let Some(action) = action else {
        return Vec::new();
    };
    on_nav(app, action, now)
}

fn on_nav(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let t = app.texts;
    let conv = app.conv.as_mut().expect("conversation is open");
    let cur = conv.current();
    let phase_count = conv.session.phases.len();
    match action {
        Action::PageDown => conv.guide.by(5),
        Action::PageUp => conv.guide.by(-5),
        Action::NextPhase => return go_to(app, cur + 1, now),
        Action::PrevPhase if cur > 0 => return go_to(app, cur - 1, now),
        Action::JumpPhase(i) => return go_to(app, i, now),
        Action::FocusNext | Action::FocusPrev => {
            let stops = conv.stops();
            let at = stops.iter().position(|f| *f == conv.focus).unwrap_or(0);
            let next = if action == Action::FocusNext {
                (at + 1) % stops.len()
            } else {
                (at + stops.len() - 1) % stops.len()
            };
            conv.set_focus(stops[next]);
        }
        Action::Edit => {
            if conv.focus != Focus::Private {
                conv.set_focus(Focus::Notes);
            }
            conv.set_editing(true);
        }
        Action::EditPrivate => {
            conv.set_focus(Focus::Private);
            conv.set_editing(true);
        }
        Action::Up => conv.row = conv.row.saturating_sub(1),
        Action::Down => conv.row = (conv.row + 1).min(conv.focus_len().saturating_sub(1)),
        Action::Toggle if conv.focus == Focus::Questions => {
            let n = conv.session.guide.phases[cur].all_questions().len();
            if conv.row < n {
                let _ = conv.session.toggle_asked(cur, conv.row);
                app.dirty = true;
            }
        }
        Action::Toggle if conv.focus == Focus::Carried => {
            if let Some(&i) = conv.carried_here().get(conv.row) {
                let _ = conv.session.toggle_carried_done(i);
                app.dirty = true;
            }
        }
        Action::Left | Action::Right => {
            if let Focus::Rating(r) = conv.focus {
                let rating = conv.session.guide.phases[cur].ratings[r].clone();
                let row = conv.row.min(rating.items.len().saturating_sub(1));
                let chosen = conv.session.phases[cur]
                    .ratings
                    .get(&rating.id)
                    .and_then(|v| v.get(row))
                    .and_then(|label| rating.scale.iter().position(|s| s == label));
                let steps = rating.scale.len();
                let next = match (action, chosen) {
                    (Action::Right, None) => Some(0),
                    (Action::Right, Some(c)) if c + 1 < steps => Some(c + 1),
                    (Action::Right, Some(_)) => None,
                    (_, None) => Some(steps - 1),
                    (_, Some(0)) => None,
                    (_, Some(c)) => Some(c - 1),
                };
                let _ = conv.session.set_rating(cur, &rating.id, row, next);
                app.dirty = true;
            }
        }
        Action::AddItem => {
            let phase = &conv.session.guide.phases[cur];
            let list = match conv.focus {
                Focus::List(l) => phase.lists.get(l),
                _ => phase.lists.first(),
            };
            match list {
                Some(list) => conv.item_form = Some(ItemForm::new(list, None, &[])),
                None => app.say(t.no_list_here, Severity::Info),
            }
        }
        Action::Enter => {
            if let Focus::List(l) = conv.focus {
                let list = conv.session.guide.phases[cur].lists[l].clone();
                let items = conv.session.phases[cur]
                    .lists
                    .get(&list.id)
                    .cloned()
                    .unwrap_or_default();
                if let Some(item) = items.get(conv.row) {
                    conv.item_form = Some(ItemForm::new(&list, Some(conv.row), &item.values));
                }
            }
        }
        Action::RemoveItem => {
            if let Focus::List(l) = conv.focus {
                let list_id = conv.session.guide.phases[cur].lists[l].id.clone();
                let count = conv.session.phases[cur]
                    .lists
                    .get(&list_id)
                    .map_or(0, Vec::len);
                if conv.row < count {
                    app.confirm = Some(Confirm::RemoveItem);
                }
            }
        }
        Action::Pause => {
            if conv.session.is_paused() {
                conv.session.resume(now);
            } else {
                conv.session.pause(now);
            }
            return app.save_now();
        }
        Action::PlusMinute | Action::MinusMinute => {
            let secs = if action == Action::PlusMinute {
                60
            } else {
                -60
            };
            conv.session.adjust_current(secs, now);
            return app.save_now();
        }
        Action::Skip => {
            if conv.session.guide.phases[cur].optional {
                let _ = conv.session.toggle_skipped(cur);
                let skipped = conv.session.phases[cur].skipped;
                app.dirty = true;
                if skipped && cur + 1 < phase_count {
                    return go_to(app, cur + 1, now);
                }
                return app.save_now();
            }
            app.say(t.not_optional, Severity::Info);
        }
        Action::Summary => {
            conv.sync_editor();
            app.summary.finished = false;
            app.summary.scroll = Scroll::default();
            app.screen = Screen::Summary;
        }
        Action::Finish => app.confirm = Some(Confirm::Finish),
        Action::Quit => {
            conv.sync_editor();
            conv.session.leave(now);
            let mut effects = app.save_now();
            effects.extend(super::home::go_home(app));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

fn go_to(app: &mut App, phase: usize, now: Timestamp) -> Vec<Effect> {
    let conv = app.conv.as_mut().expect("conversation is open");
    if phase >= conv.session.phases.len() || phase == conv.current() {
        return Vec::new();
    }
    conv.sync_editor();
    conv.session.go_to(phase, now);
    conv.load_editors();
    conv.set_editing(true);
    app.save_now()
}

fn focus_column(form: &mut ItemForm, column: usize) {
    for (i, input) in form.inputs.iter_mut().enumerate() {
        input.set_focused(i == column);
    }
    form.focused = column;
}

fn on_item_form(app: &mut App, action: Option<Action>, ev: KeyEvent) -> Vec<Effect> {
    let conv = app.conv.as_mut().expect("conversation is open");
    let cur = conv.current();
    let form = conv.item_form.as_mut().expect("item form is open");
    let n = form.inputs.len();
    match action {
        Some(Action::NextField) => focus_column(form, (form.focused + 1) % n),
        Some(Action::PrevField) => focus_column(form, (form.focused + n - 1) % n),
        Some(Action::Back) => {
            conv.item_form = None;
            if conv.session.draft.take().is_some() {
                app.dirty = true;
            }
        }
        Some(Action::Enter) => {
            let values: Vec<String> = form
                .inputs
                .iter()
                .map(|i| i.text().trim().to_string())
                .collect();
            if values.iter().all(String::is_empty) {
                conv.item_form = None;
                if conv.session.draft.take().is_some() {
                    app.dirty = true;
                }
                return Vec::new();
            }
            let form = conv.item_form.take().expect("item form is open");
            conv.session.draft = None;
            match form.editing {
                Some(i) => {
                    let _ = conv.session.update_item(cur, &form.list_id, i, values);
                }
                None => {
                    let _ = conv.session.add_item(cur, &form.list_id, values);
                    let phase = &conv.session.guide.phases[cur];
                    if let Some(l) = phase.lists.iter().position(|l| l.id == form.list_id) {
                        let count = conv.session.phases[cur]
                            .lists
                            .get(&form.list_id)
                            .map_or(0, Vec::len);
                        conv.set_focus(Focus::List(l));
                        conv.row = count.saturating_sub(1);
                    }
                }
            }
            return app.save_now();
        }
        _ => {
            if let Some(input) = form.inputs.get_mut(form.focused)
                && input.key(ev)
            {
                conv.sync_draft();
                app.dirty = true;
            }
        }
    }
    Vec::new()
}

fn on_confirm(
    app: &mut App,
    confirm: Confirm,
    action: Option<Action>,
    now: Timestamp,
) -> Vec<Effect> {
    match action {
        Some(Action::Yes) => {
            app.confirm = None;
            let conv = app.conv.as_mut().expect("conversation is open");
            let cur = conv.current();
            match confirm {
                Confirm::Finish => {
                    conv.sync_editor();
                    conv.set_editing(false);
                    conv.session.finish(now);
                    app.summary.finished = true;
                    app.summary.scroll = Scroll::default();
                    app.screen = Screen::Summary;
                    app.say(app.texts.finished_saved, Severity::Info);
                    app.save_now()
                }
                Confirm::RemoveItem => {
                    if let Focus::List(l) = conv.focus {
                        let list_id = conv.session.guide.phases[cur].lists[l].id.clone();
                        let _ = conv.session.remove_item(cur, &list_id, conv.row);
                        conv.row = conv.row.saturating_sub(1);
                    }
                    app.save_now()
                }
            }
        }
        Some(Action::No) => {
            app.confirm = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The items of a list in the phase on screen (for the view).
pub fn items<'a>(conv: &'a ConvState, list_id: &str) -> &'a [Item] {
    conv.session.phases[conv.current()]
        .lists
        .get(list_id)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}
