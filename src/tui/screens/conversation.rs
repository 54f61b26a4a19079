//! The conversation screen: one phase at a time with its goal, guidance,
//! helper questions, notes, lists and ratings, and the clocks always in
//! view. This file holds the state and the key handling; `conversation/view.rs`
//! draws it.

mod view;

use std::cell::Cell;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::Screen;
use super::summary::SummaryState;
use crate::guide::List;
use crate::session::{Item, ItemDraft, Session, SessionError, Status, Timestamp};
use crate::timer;
use crate::tui::app::{Confirm, Effect, Go, Overlay, Severity, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::scroll::Scroll;

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
    /// The session file, once it was created.
    pub file_name: Option<String>,
}

impl ConvState {
    /// The conversation screen on a session that has started, with the
    /// notes editor focused (and an item form open again when the session
    /// was saved with one).
    pub fn new(session: Session, file_name: Option<String>) -> ConvState {
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
            file_name,
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
pub fn open(app: &mut crate::tui::app::App, session: Session) {
    app.screen = Screen::Conversation(Box::new(ConvState::new(session, None)));
    app.shell.dirty = false;
}

/// The screen for a resumed session: the preparation (not started), the
/// summary (finished), or the conversation, with what a crash left open
/// closed or continued. `true`: save at once (the resumed visit).
pub fn resume(
    shell: &mut Shell,
    mut session: Session,
    file_name: String,
    now: Timestamp,
) -> (Screen, bool) {
    shell.dirty = false;
    if session.started.is_none() && session.status == Status::InProgress {
        return (
            super::prepare::reopen(&session, file_name, now, shell),
            false,
        );
    }
    if session.status == Status::Finished {
        let conv = ConvState::new(session, Some(file_name));
        return (
            Screen::Summary(Box::new(SummaryState::new(conv, true))),
            false,
        );
    }
    if session
        .resume_after(now, shell.settings.resume_gap)
        .is_some()
    {
        shell.say(
            shell.texts().conversation.resume_gap_closed,
            Severity::Warning,
        );
    }
    let conv = ConvState::new(session, Some(file_name));
    (Screen::Conversation(Box::new(conv)), true)
}

impl ConvState {
    /// Whether the key mode is one this conversation has (the revisited
    /// notes only in a phase that revisits an earlier one).
    pub fn has_mode(&self, mode: Mode) -> bool {
        mode != Mode::ConvRevisit || self.stops().contains(&Focus::Revisit)
    }

    /// Whether a key's action does something in the phase on screen (the
    /// footer leaves out `a` in a phase without lists).
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::AddItem => self
                .session
                .guide
                .phases
                .get(self.current())
                .is_some_and(|p| !p.lists.is_empty()),
            _ => true,
        }
    }

    /// Every second: reminders, banner expiry.
    pub fn on_tick(&mut self, shell: &mut Shell, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some((_, shown)) = &self.banner
            && now - *shown >= shell.settings.banner
        {
            self.banner = None;
        }
        if self.session.status == Status::InProgress {
            for i in timer::due_reminders(&self.session, now) {
                self.session.reminders_shown.push(i);
                let text = self.session.guide.reminders[i].text.clone();
                self.banner = Some((text, now));
                effects.push(Effect::Bell);
                shell.dirty = true;
            }
        }
        effects
    }

    /// Paste into whatever is being typed in.
    pub fn on_paste(&mut self, shell: &mut Shell, text: &str) {
        if let Some(form) = self.item_form.as_mut() {
            if let Some(input) = form.inputs.get_mut(form.focused)
                && input.paste(text)
            {
                self.sync_draft();
                shell.dirty = true;
            }
            return;
        }
        if !self.editing {
            // A paste while not typing goes into the notes: nothing is dropped.
            self.set_focus(Focus::Notes);
            self.set_editing(true);
        }
        let changed = match self.focus {
            Focus::Private => self.private.paste(text),
            _ => self.notes.paste(text),
        };
        if changed {
            self.sync_editor();
            shell.dirty = true;
        }
    }

    /// Plain characters typed in one burst while typing in the notes:
    /// inserted at once (the same as typing them one by one).
    pub fn on_typed(&mut self, shell: &mut Shell, text: &str) {
        let changed = match self.focus {
            Focus::Private => self.private.type_text(text),
            _ => self.notes.type_text(text),
        };
        if changed {
            self.sync_editor();
            shell.dirty = true;
        }
    }

    /// Handle a key on the conversation screen.
    pub fn on_key(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        ev: KeyEvent,
        now: Timestamp,
    ) -> Update {
        if self.item_form.is_some() {
            return self.on_item_form(shell, action, ev);
        }
        if self.editing {
            if action == Some(Action::Back) {
                self.set_editing(false);
                return Update::stay();
            }
            let changed = match self.focus {
                Focus::Private => self.private.key(ev),
                _ => self.notes.key(ev),
            };
            if changed {
                self.sync_editor();
                shell.dirty = true;
            }
            return Update::stay();
        }
        // The revisited notes scroll: ↑↓ (j k) a row, PgUp/PgDn a page,
        // Home/End to either end.
        if self.focus == Focus::Revisit {
            let page = self.revisit_page.get().saturating_sub(1);
            let scrolled = match ev.code {
                KeyCode::Home | KeyCode::End if ev.modifiers.is_empty() => {
                    self.revisit.to(ev.code == KeyCode::End);
                    true
                }
                _ => self.revisit.on_action(action, page),
            };
            if scrolled {
                return Update::stay();
            }
        }
        match action {
            Some(action) => self.on_nav(shell, action, now),
            None => Update::stay(),
        }
    }

    /// A key while not typing: moving between phases and panes, and what
    /// the focused pane does.
    fn on_nav(&mut self, shell: &mut Shell, action: Action, now: Timestamp) -> Update {
        let cur = self.current();
        match action {
            Action::PageDown => self.guide.by(5),
            Action::PageUp => self.guide.by(-5),
            Action::NextPhase => return self.go_to(shell, cur + 1, now),
            Action::PrevPhase if cur > 0 => return self.go_to(shell, cur - 1, now),
            Action::JumpPhase(i) => return self.go_to(shell, i, now),
            Action::FocusNext | Action::FocusPrev => self.move_focus(action == Action::FocusNext),
            Action::Edit => {
                if self.focus != Focus::Private {
                    self.set_focus(Focus::Notes);
                }
                self.set_editing(true);
            }
            Action::EditPrivate => {
                self.set_focus(Focus::Private);
                self.set_editing(true);
            }
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.focus_len().saturating_sub(1)),
            Action::Toggle => self.toggle(shell),
            Action::Left | Action::Right => self.rate(shell, action == Action::Right),
            Action::AddItem | Action::Enter => self.open_item_form(shell, action),
            Action::RemoveItem if self.selected_item().is_some() => {
                shell.overlay = Some(Overlay::Confirm(Confirm::RemoveItem));
            }
            Action::Pause => {
                self.session.toggle_pause(now);
                return self.save(shell);
            }
            Action::PlusMinute | Action::MinusMinute => {
                let secs = if action == Action::PlusMinute {
                    60
                } else {
                    -60
                };
                self.session.adjust_current(secs, now);
                return self.save(shell);
            }
            Action::Skip => return self.skip(shell, now),
            Action::Summary => {
                self.sync_editor();
                return Update::go(Go::Summary { finished: false });
            }
            Action::Finish => shell.overlay = Some(Overlay::Confirm(Confirm::Finish)),
            Action::Quit => {
                self.sync_editor();
                self.session.leave(now);
                return Update::then(self.save(shell).effects, Go::Home);
            }
            _ => {}
        }
        Update::stay()
    }

    /// Save the session at once (a phase change, a pause, a list edit):
    /// nothing is left for the next tick.
    fn save(&self, shell: &mut Shell) -> Update {
        shell.dirty = false;
        Update::effects(vec![Effect::Save(Box::new(self.session.clone()))])
    }

    /// Tab / Shift-Tab: the next or previous focus stop.
    fn move_focus(&mut self, forward: bool) {
        let stops = self.stops();
        let at = stops.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % stops.len()
        } else {
            (at + stops.len() - 1) % stops.len()
        };
        self.set_focus(stops[next]);
    }

    /// Space: mark the selected question asked, the selected item (or
    /// carried item) done, or undo that.
    fn toggle(&mut self, shell: &mut Shell) {
        let cur = self.current();
        let result = match self.focus {
            Focus::Questions => {
                let n = self.session.guide.phases[cur].all_questions().len();
                if self.row >= n {
                    return;
                }
                self.session.toggle_asked(cur, self.row)
            }
            Focus::Carried => match self.carried_here().get(self.row) {
                Some(&i) => self.session.toggle_carried_done(i),
                None => return,
            },
            Focus::List(_) => match self.selected_item() {
                Some((list_id, row)) => self.session.toggle_item_done(cur, &list_id, row),
                None => return,
            },
            Focus::Notes | Focus::Private | Focus::Rating(_) | Focus::Revisit => return,
        };
        self.changed(shell, result);
    }

    /// Say when the session refused a change (it is left as it was), else
    /// mark it to be saved.
    fn changed<T>(&self, shell: &mut Shell, result: Result<T, SessionError>) {
        match result {
            Ok(_) => shell.dirty = true,
            Err(e) => shell.say(
                (shell.texts().conversation.change_refused)(&e.to_string()),
                Severity::Error,
            ),
        }
    }

    /// ←/→ on a rating: the previous or next step of the scale for the
    /// selected item (past either end: not rated).
    fn rate(&mut self, shell: &mut Shell, forward: bool) {
        let Focus::Rating(r) = self.focus else {
            return;
        };
        let cur = self.current();
        let Some(rating) = self.session.guide.phases[cur].ratings.get(r).cloned() else {
            return;
        };
        let row = self.row.min(rating.items.len().saturating_sub(1));
        let chosen = self.session.rating_step(cur, &rating.id, row);
        let steps = rating.scale.len();
        let next = match (forward, chosen) {
            (true, None) => Some(0),
            (true, Some(c)) if c + 1 < steps => Some(c + 1),
            (true, Some(_)) => None,
            (false, None) => steps.checked_sub(1),
            (false, Some(0)) => None,
            (false, Some(c)) => Some(c - 1),
        };
        let result = self.session.set_rating(cur, &rating.id, row, next);
        self.changed(shell, result);
    }

    /// The selected item of the focused list: (list id, row).
    fn selected_item(&self) -> Option<(String, usize)> {
        let Focus::List(l) = self.focus else {
            return None;
        };
        let list = self.session.guide.phases[self.current()].lists.get(l)?;
        (self.row < items(self, &list.id).len()).then(|| (list.id.clone(), self.row))
    }

    /// `a`: a new item for the focused list (or the phase's first);
    /// Enter: the selected item of the focused list, to edit.
    fn open_item_form(&mut self, shell: &mut Shell, action: Action) {
        let phase = &self.session.guide.phases[self.current()];
        if action == Action::AddItem {
            let list = match self.focus {
                Focus::List(l) => phase.lists.get(l),
                _ => phase.lists.first(),
            };
            match list {
                Some(list) => self.item_form = Some(ItemForm::new(list, None, &[])),
                None => shell.say(shell.texts().conversation.no_list_here, Severity::Info),
            }
            return;
        }
        if let Focus::List(l) = self.focus
            && let Some(list) = phase.lists.get(l)
            && let Some(item) = items(self, &list.id).get(self.row)
        {
            self.item_form = Some(ItemForm::new(list, Some(self.row), &item.values));
        }
    }

    /// `x`: skip an optional phase (and move on), or take it back.
    fn skip(&mut self, shell: &mut Shell, now: Timestamp) -> Update {
        let cur = self.current();
        if !self.session.guide.phases[cur].optional {
            shell.say(shell.texts().conversation.not_optional, Severity::Info);
            return Update::stay();
        }
        let result = self.session.toggle_skipped(cur);
        self.changed(shell, result);
        if self.session.phases[cur].skipped && cur + 1 < self.session.phases.len() {
            return self.go_to(shell, cur + 1, now);
        }
        self.save(shell)
    }

    fn go_to(&mut self, shell: &mut Shell, phase: usize, now: Timestamp) -> Update {
        if phase >= self.session.phases.len() || phase == self.current() {
            return Update::stay();
        }
        self.sync_editor();
        self.session.go_to(phase, now);
        self.load_editors();
        self.set_editing(true);
        self.save(shell)
    }

    fn on_item_form(&mut self, shell: &mut Shell, action: Option<Action>, ev: KeyEvent) -> Update {
        let Some(form) = self.item_form.as_mut() else {
            return Update::stay();
        };
        let n = form.inputs.len().max(1);
        match action {
            Some(Action::NextField) => focus_column(form, (form.focused + 1) % n),
            Some(Action::PrevField) => focus_column(form, (form.focused + n - 1) % n),
            Some(Action::Back) => self.close_item_form(shell),
            Some(Action::Enter) => return self.save_item(shell),
            _ => {
                if let Some(input) = form.inputs.get_mut(form.focused)
                    && input.key(ev)
                {
                    self.sync_draft();
                    shell.dirty = true;
                }
            }
        }
        Update::stay()
    }

    /// The item form goes without saving an item; its draft goes too.
    fn close_item_form(&mut self, shell: &mut Shell) {
        self.item_form = None;
        if self.session.draft.take().is_some() {
            shell.dirty = true;
        }
    }

    /// Enter in the item form: the item is added (or changed) and saved.
    fn save_item(&mut self, shell: &mut Shell) -> Update {
        let Some(form) = self.item_form.as_ref() else {
            return Update::stay();
        };
        let values: Vec<String> = form
            .inputs
            .iter()
            .map(|i| i.text().trim().to_string())
            .collect();
        if values.iter().all(String::is_empty) {
            self.close_item_form(shell);
            return Update::stay();
        }
        let Some(form) = self.item_form.take() else {
            return Update::stay();
        };
        self.session.draft = None;
        let cur = self.current();
        let result = match form.editing {
            Some(i) => self.session.update_item(cur, &form.list_id, i, values),
            None => {
                let added = self.session.add_item(cur, &form.list_id, values);
                let phase = &self.session.guide.phases[cur];
                if let Some(l) = phase.lists.iter().position(|l| l.id == form.list_id) {
                    let count = self.session.items(cur, &form.list_id).len();
                    self.set_focus(Focus::List(l));
                    self.row = count.saturating_sub(1);
                }
                added
            }
        };
        self.changed(shell, result);
        self.save(shell)
    }

    /// The user said yes to a question of this screen.
    pub fn on_confirm(&mut self, shell: &mut Shell, confirm: Confirm, now: Timestamp) -> Update {
        match confirm {
            Confirm::Finish => {
                self.sync_editor();
                self.set_editing(false);
                self.session.finish(now);
                shell.say(shell.texts().conversation.finished_saved, Severity::Info);
                Update::then(self.save(shell).effects, Go::Summary { finished: true })
            }
            Confirm::RemoveItem => {
                if let Some((list_id, row)) = self.selected_item() {
                    let result = self.session.remove_item(self.current(), &list_id, row);
                    self.changed(shell, result);
                    self.row = self.row.saturating_sub(1);
                }
                self.save(shell)
            }
        }
    }
}

fn focus_column(form: &mut ItemForm, column: usize) {
    for (i, input) in form.inputs.iter_mut().enumerate() {
        input.set_focused(i == column);
    }
    form.focused = column;
}

/// The items of a list in the phase on screen (for the view).
pub fn items<'a>(conv: &'a ConvState, list_id: &str) -> &'a [Item] {
    conv.session.items(conv.current(), list_id)
}
