//! What the keys do on the conversation screen: typing, moving between
//! phases and panes, marking, rating, the item form, and the answers to
//! its questions.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::ConvState;
use super::Focus;
use crate::session::{CarriedState, SessionError, Timestamp};
use crate::tui::app::{Confirm, Effect, Go, Overlay, Severity, Shell, Update};
use crate::tui::keymap::{Action, Mode};

impl ConvState {
    /// Whether the key mode is one this conversation has (the revisited
    /// notes only in a phase that revisits an earlier one).
    pub fn has_mode(&self, mode: Mode) -> bool {
        match mode {
            Mode::ConvRevisit => self.stops().contains(&Focus::Revisit),
            Mode::ConvCarried => !self.session.carried.is_empty(),
            _ => true,
        }
    }

    /// Whether a key's action does something in the phase on screen (the
    /// footer leaves out `a` in a phase without lists).
    pub fn offers(&self, action: Action) -> bool {
        // The list of every open item takes only its own keys.
        if self.carried_open {
            return matches!(
                action,
                Action::Up
                    | Action::Down
                    | Action::Toggle
                    | Action::Drop
                    | Action::Back
                    | Action::OpenCarried
                    | Action::Help
            );
        }
        match action {
            Action::AddItem => self
                .session
                .guide
                .phases
                .get(self.current())
                .is_some_and(|p| !p.lists.is_empty()),
            Action::OpenCarried => !self.session.carried.is_empty(),
            Action::Skip => self
                .session
                .guide
                .phases
                .get(self.current())
                .is_some_and(|p| p.optional),
            _ => true,
        }
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

    /// Text typed while navigating (a burst, or a letter that is no key
    /// there): the notes take the focus and the text, and the status line
    /// says so. The list of every open item closes for it.
    pub fn type_into_notes(&mut self, shell: &mut Shell, text: &str) {
        self.carried_open = false;
        self.set_focus(Focus::Notes);
        self.set_editing(true);
        self.on_typed(shell, text);
        shell.say(shell.texts().conversation.typed_into_notes, Severity::Info);
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
        if self.carried_open {
            self.on_carried_list(shell, action);
            return Update::stay();
        }
        if self.editing {
            if action == Some(Action::Back) {
                self.set_editing(false);
                // "Esc to navigate" is done with once Esc is pressed.
                let hint = shell.texts().conversation.typed_into_notes;
                if shell.status.as_ref().is_some_and(|(text, _)| text == hint) {
                    shell.status = None;
                }
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
            // The private note only with `o` (never a Tab stop, so that the
            // school's notes do not end up in it); `o` again goes back.
            Action::EditPrivate if self.focus == Focus::Private => self.set_focus(Focus::Notes),
            Action::EditPrivate => {
                self.set_focus(Focus::Private);
                self.set_editing(true);
            }
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.focus_len().saturating_sub(1)),
            Action::Toggle => self.toggle(shell),
            Action::Drop => self.drop_carried(shell),
            Action::OpenCarried if !self.session.carried.is_empty() => {
                self.sync_editor();
                self.carried_open = true;
                self.row = 0;
            }
            Action::Left | Action::Right => self.rate(shell, action == Action::Right),
            Action::AddItem | Action::Enter => self.open_item_form(shell, action),
            Action::RemoveItem if self.selected_item().is_some() => {
                shell.overlay = Some(Overlay::Confirm(Confirm::RemoveItem));
            }
            Action::Pause | Action::PlusMinute | Action::MinusMinute | Action::EndTime => {
                return self.on_clock(shell, action, now);
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
    pub(super) fn save(&self, shell: &mut Shell) -> Update {
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
            Focus::Carried => match self.selected_carried() {
                Some(i) => self.session.toggle_carried_done(i),
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

    /// A key in the list of every open item of earlier talks (`u`).
    fn on_carried_list(&mut self, shell: &mut Shell, action: Option<Action>) {
        let n = self.session.carried.len();
        match action {
            Some(Action::Up) => self.row = self.row.saturating_sub(1),
            Some(Action::Down) => self.row = (self.row + 1).min(n.saturating_sub(1)),
            Some(Action::Toggle) => {
                if let Some(i) = self.selected_carried() {
                    let result = self.session.toggle_carried_done(i);
                    self.changed(shell, result);
                }
            }
            Some(Action::Drop) => self.drop_carried(shell),
            Some(Action::Back | Action::OpenCarried) => {
                self.carried_open = false;
                let focus = self.focus;
                self.set_focus(focus);
            }
            _ => {}
        }
    }

    /// `x` on an open item of an earlier talk: dropped, or carried on
    /// again.
    fn drop_carried(&mut self, shell: &mut Shell) {
        let Some(i) = self.selected_carried() else {
            return;
        };
        let state = if self.session.carried[i].state() == CarriedState::Dropped {
            CarriedState::CarriedOn
        } else {
            CarriedState::Dropped
        };
        let result = self.session.set_carried_state(i, state);
        self.changed(shell, result);
    }

    /// Say when the session refused a change (it is left as it was), else
    /// mark it to be saved.
    pub(super) fn changed<T>(&self, shell: &mut Shell, result: Result<T, SessionError>) {
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
        // Reached by a navigation key: the next key navigates too (`p p p`
        // goes back three phases); Enter or `i` starts typing.
        self.set_editing(false);
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
                let mut effects = self.save(shell).effects;
                // Held for a plan step: the step is marked done once the
                // session is on disk.
                if self.session.plan.is_some() {
                    effects.push(Effect::RecordPlan(Box::new(self.session.clone())));
                }
                Update::then(effects, Go::Summary { finished: true })
            }
            Confirm::RemoveItem => {
                if let Some((list_id, row)) = self.selected_item() {
                    let result = self.session.remove_item(self.current(), &list_id, row);
                    self.changed(shell, result);
                    self.row = self.row.saturating_sub(1);
                }
                self.save(shell)
            }
            Confirm::CountGap => self.answer_gap(shell, true),
            Confirm::DiscardItem => {
                self.close_item_form(shell);
                Update::stay()
            }
            // Not asked on this screen.
            Confirm::DeleteSession
            | Confirm::UseClient
            | Confirm::QuitApp
            | Confirm::ArchivePlan => Update::stay(),
        }
    }

    /// The user said no to a question of this screen.
    pub fn on_decline(&mut self, shell: &mut Shell, confirm: Confirm, _now: Timestamp) -> Update {
        match confirm {
            Confirm::CountGap => self.answer_gap(shell, false),
            // No: the item form stays open with what was typed.
            Confirm::Finish
            | Confirm::RemoveItem
            | Confirm::DeleteSession
            | Confirm::UseClient
            | Confirm::QuitApp
            | Confirm::ArchivePlan
            | Confirm::DiscardItem => Update::stay(),
        }
    }
}
