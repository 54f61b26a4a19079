//! The small form that adds or edits an item of a list (a column per
//! field, Tab between them, Enter saves), kept in the session as a draft
//! while it is open so that a crash loses nothing typed in it.

use crate::tui::overlay::{Confirm, Overlay};
use ratatui::crossterm::event::KeyEvent;

use super::{ConvState, Focus, items};
use crate::guide::List;
use crate::tui::app::{Severity, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::widgets::input::TextInput;

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
    pub(super) fn new(list: &List, editing: Option<usize>, values: &[String]) -> ItemForm {
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
        form.focus(0);
        form
    }

    /// Focus column `column`'s input.
    pub(super) fn focus(&mut self, column: usize) {
        for (i, input) in self.inputs.iter_mut().enumerate() {
            input.set_focused(i == column);
        }
        self.focused = column;
    }
}

impl ConvState {
    /// The selected item of the focused list: (list id, row).
    pub(super) fn selected_item(&self) -> Option<(String, usize)> {
        let Focus::List(l) = self.focus else {
            return None;
        };
        let list = self.session.guide.phases[self.current()].lists.get(l)?;
        (self.row < items(self, &list.id).len()).then(|| (list.id.clone(), self.row))
    }

    /// `a`: a new item for the focused list (or the phase's first);
    /// Enter: the selected item of the focused list, to edit.
    pub(super) fn open_item_form(&mut self, shell: &mut Shell, action: Action) {
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

    pub(super) fn on_item_form(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        ev: KeyEvent,
    ) -> Update {
        let Some(form) = self.item_form.as_mut() else {
            return Update::stay();
        };
        let n = form.inputs.len().max(1);
        match action {
            Some(Action::NextField) => form.focus((form.focused + 1) % n),
            Some(Action::PrevField) => form.focus((form.focused + n - 1) % n),
            // Something typed: ask first (Esc also stops typing in the
            // notes, so the habit is strong).
            Some(Action::Back) if form.inputs.iter().any(|i| !i.text().trim().is_empty()) => {
                shell.overlay = Some(Overlay::Confirm(Confirm::DiscardItem));
            }
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
    pub(super) fn close_item_form(&mut self, shell: &mut Shell) {
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
}
