//! The header form (client, date, participants, …) filled in before the
//! conversation starts. Each field kind behaves as its kind: dates are
//! validated, yes/no and choices are picked with ←/→ or Space, list fields
//! take several names separated by commas, long-text fields take several
//! lines (Alt-Enter breaks the line; Enter still moves on).

mod client;
mod fields;
mod view;

pub use fields::parse_date;
use fields::{choices, is_empty, new_input, raw_value, validate, value_rows};

use ratatui::crossterm::event::KeyEvent;

use super::Screen;
use super::conversation::ConvState;
use super::prepare::{Preparation, PrepareState};
use crate::guide::{Conversation, FieldKind};
use crate::session::{Session, Timestamp};
use crate::tui::app::{App, Confirm, Effect, Go, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::scroll::Scroll;

/// The value being entered for one field.
#[derive(Debug, Clone)]
pub enum FieldInput {
    Text(Box<TextInput>),
    /// Index into the choices ("ja"/"nee" for yes/no); None: not chosen.
    Pick(Option<usize>),
}

/// What was entered in the form, kept while the preparation screen is on
/// show (Esc from the form, then Enter again).
#[derive(Debug, Clone)]
pub struct FormFields {
    pub inputs: Vec<FieldInput>,
    pub focused: usize,
    /// A message under a field (required, bad date), by field index.
    pub errors: Vec<Option<String>>,
}

impl FormFields {
    /// Every field's value as typed or chosen (not yet checked), by id.
    pub fn raw_values(&self, guide: &Conversation) -> Vec<(String, String)> {
        guide
            .fields
            .iter()
            .zip(&self.inputs)
            .map(|(field, input)| (field.id.clone(), raw_value(&guide.language, field, input)))
            .collect()
    }
}

/// State of the header form.
#[derive(Debug, Clone)]
pub struct FormState {
    pub prep: Preparation,
    pub inputs: Vec<FieldInput>,
    pub focused: usize,
    /// A message under a field (required, bad date), by field index.
    pub errors: Vec<Option<String>>,
    /// Where the preparation screen was (its selected item and scroll),
    /// for the way back.
    back: (usize, Scroll),
    /// The clients of earlier sessions (read off the UI thread when the
    /// form opens), to offer a known one.
    pub known_clients: Vec<String>,
    /// The known client the form asks about.
    suggestion: Option<String>,
    /// Names typed for which the offer was declined.
    declined: Vec<String>,
}

impl FormState {
    /// The form after the preparation screen: as it was left there, or new
    /// with the fields' defaults. A guide without header fields starts the
    /// conversation at once (the effects create its file).
    pub fn open(prepare: PrepareState, now: Timestamp, shell: &mut Shell) -> Update {
        let PrepareState {
            prep,
            selected,
            info,
            form,
        } = prepare;
        let fields = form.unwrap_or_else(|| {
            let today = now.date_naive();
            let inputs: Vec<FieldInput> = prep
                .guide
                .fields
                .iter()
                .map(|f| new_input(&prep, f, today, shell))
                .collect();
            let errors = vec![None; inputs.len()];
            FormFields {
                inputs,
                focused: 0,
                errors,
            }
        });
        let mut form = FormState {
            prep,
            inputs: fields.inputs,
            focused: fields.focused,
            errors: fields.errors,
            back: (selected, info),
            known_clients: Vec::new(),
            suggestion: None,
            declined: Vec::new(),
        };
        let focused = form.focused;
        form.focus(focused);
        if form.inputs.is_empty() {
            return form.start(shell, now);
        }
        Update::then(
            vec![Effect::ListClients],
            Go::To(Screen::Form(Box::new(form))),
        )
    }

    /// The form of a saved preparation, with its values as typed.
    pub fn reopen(
        prepare: PrepareState,
        values: &std::collections::BTreeMap<String, String>,
        now: Timestamp,
        shell: &Shell,
    ) -> FormState {
        let today = now.date_naive();
        let prep = prepare.prep;
        let mut inputs = Vec::new();
        for field in &prep.guide.fields {
            let mut input = new_input(&prep, field, today, shell);
            if let Some(value) = values.get(&field.id) {
                match &mut input {
                    FieldInput::Text(t) => t.set_text(value),
                    FieldInput::Pick(choice) => {
                        *choice = choices(&prep.guide.language, field)
                            .iter()
                            .position(|c| c == value);
                    }
                }
            }
            inputs.push(input);
        }
        let errors = vec![None; inputs.len()];
        let mut form = FormState {
            prep,
            inputs,
            focused: 0,
            errors,
            back: (prepare.selected, prepare.info),
            known_clients: Vec::new(),
            suggestion: None,
            declined: Vec::new(),
        };
        form.focus(0);
        form
    }

    /// The key mode: a long-text field takes Alt-Enter as a line break.
    pub fn mode(&self) -> Mode {
        match self.inputs.get(self.focused) {
            Some(FieldInput::Pick(_)) => Mode::FormPick,
            Some(FieldInput::Text(_))
                if self.prep.guide.fields[self.focused].kind == FieldKind::Longtext =>
            {
                Mode::FormText
            }
            _ => Mode::Form,
        }
    }

    /// What was entered, apart from the preparation.
    fn fields(&self) -> FormFields {
        FormFields {
            inputs: self.inputs.clone(),
            focused: self.focused,
            errors: self.errors.clone(),
        }
    }

    /// Esc: back to the preparation; what was typed stays for the return.
    fn back_to_preparation(&self) -> Update {
        // Back to the preparation; what was typed stays for the return.
        let fields = self.fields();
        let mut prep = self.prep.clone();
        // A client typed (or taken from the question) that the
        // preparation did not know: its open items are looked up.
        let typed = prep.guide.client_field().and_then(|f| {
            fields
                .raw_values(&prep.guide)
                .into_iter()
                .find(|(id, _)| *id == f.id)
                .map(|(_, v)| v.trim().to_string())
        });
        let look_up = typed.filter(|t| {
            !t.is_empty()
                && prep
                    .client
                    .as_deref()
                    .is_none_or(|c| c.trim().to_lowercase() != t.to_lowercase())
        });
        let mut effects = Vec::new();
        if let Some(client) = look_up {
            prep.carried.clear();
            prep.client = Some(client.clone());
            effects.push(Effect::LookUpOpenItems(client));
        }
        let prepare = PrepareState {
            prep,
            selected: self.back.0,
            info: self.back.1.clone(),
            form: Some(fields),
        };
        Update::then(effects, Go::To(Screen::Prepare(Box::new(prepare))))
    }

    /// The user answered a question of the form.
    pub fn on_confirm(&mut self, shell: &mut Shell, confirm: Confirm, now: Timestamp) {
        if confirm == Confirm::UseClient {
            self.answer_client(shell, true, now);
        }
    }

    /// The user said no to a question of the form.
    pub fn on_decline(&mut self, shell: &mut Shell, confirm: Confirm, now: Timestamp) {
        if confirm == Confirm::UseClient {
            self.answer_client(shell, false, now);
        }
    }

    /// The effect that saves the preparation with the form as typed.
    pub fn snapshot(&self) -> Option<Effect> {
        self.prep
            .snapshot(&self.fields().raw_values(&self.prep.guide))
    }

    /// The session the preparation is saved as (see [`Preparation::draft`]).
    pub fn draft(&self) -> Option<Session> {
        self.prep.draft(&self.fields().raw_values(&self.prep.guide))
    }

    fn focus(&mut self, index: usize) {
        for (i, input) in self.inputs.iter_mut().enumerate() {
            if let FieldInput::Text(t) = input {
                t.set_focused(i == index);
            }
        }
        self.focused = index;
    }

    /// Check field `i`.
    fn check(&self, shell: &Shell, i: usize) -> Result<String, String> {
        let guide = &self.prep.guide;
        validate(shell, &guide.language, &guide.fields[i], &self.inputs[i])
    }

    /// Handle a key in the form.
    pub fn on_key(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        ev: KeyEvent,
        now: Timestamp,
    ) -> Update {
        let n = self.inputs.len().max(1);
        let i = self.focused;
        let leaving = matches!(
            action,
            Some(Action::NextField | Action::PrevField | Action::Enter)
        );
        if leaving && self.offer_client(shell) {
            return Update::stay();
        }
        match action {
            Some(Action::NextField | Action::PrevField) => {
                // Leaving a field says at once what is wrong with what was
                // typed there (a bad date); an empty required field only
                // complains on Enter or at the start.
                if let Err(e) = self.check(shell, i)
                    && !is_empty(&self.inputs[i])
                {
                    self.errors[i] = Some(e);
                }
                let next = if action == Some(Action::NextField) {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.focus(next);
            }
            Some(Action::NewLine) => {
                if let Some(FieldInput::Text(input)) = self.inputs.get_mut(i)
                    && input.newline()
                {
                    self.errors[i] = None;
                    self.prep.touched(shell, now);
                }
            }
            Some(Action::Back) => return self.back_to_preparation(),
            Some(Action::Enter) => match self.check(shell, i) {
                Err(e) => self.errors[i] = Some(e),
                Ok(_) => {
                    self.errors[i] = None;
                    if i + 1 < self.inputs.len() {
                        self.focus(i + 1);
                    } else {
                        return self.start(shell, now);
                    }
                }
            },
            _ => self.edit(shell, action, ev, now),
        }
        Update::stay()
    }

    /// A key for the focused field itself: typing, or picking a choice.
    fn edit(&mut self, shell: &mut Shell, action: Option<Action>, ev: KeyEvent, now: Timestamp) {
        let i = self.focused;
        let Some(field) = self.prep.guide.fields.get(i) else {
            return;
        };
        let opts = match field.kind {
            FieldKind::Yesno => 2,
            _ => field.choices.len(),
        };
        let changed = match &mut self.inputs[i] {
            FieldInput::Text(input) => input.key(ev),
            FieldInput::Pick(choice) if opts > 0 => {
                let next = match action {
                    Some(Action::Right) => Some(choice.map(|c| (c + 1) % opts).unwrap_or(0)),
                    Some(Action::Left) => {
                        Some(choice.map(|c| (c + opts - 1) % opts).unwrap_or(opts - 1))
                    }
                    Some(Action::Clear) => None,
                    _ => *choice,
                };
                let changed = next != *choice;
                *choice = next;
                changed
            }
            FieldInput::Pick(_) => false,
        };
        if changed {
            self.errors[i] = None;
            self.prep.touched(shell, now);
        }
    }

    /// Paste into the focused text field.
    pub fn on_paste(&mut self, shell: &mut Shell, text: &str, now: Timestamp) {
        if let Some(FieldInput::Text(input)) = self.inputs.get_mut(self.focused)
            && input.paste(text)
        {
            self.prep.touched(shell, now);
        }
    }

    /// Validate every field and start the conversation, or focus the first
    /// field with a problem.
    fn start(&mut self, shell: &mut Shell, now: Timestamp) -> Update {
        let guide = &self.prep.guide;
        let mut values = Vec::new();
        let mut first_error = None;
        let mut errors = vec![None; self.inputs.len()];
        for (i, (field, input)) in guide.fields.iter().zip(&self.inputs).enumerate() {
            match validate(shell, &guide.language, field, input) {
                Ok(v) => values.push((field.id.clone(), v)),
                Err(e) => {
                    errors[i] = Some(e);
                    first_error.get_or_insert(i);
                }
            }
        }
        if let Some(i) = first_error {
            self.errors = errors;
            self.focus(i);
            return Update::stay();
        }
        let mut session = Session::new(guide, self.prep.created.unwrap_or(now));
        for (id, value) in values {
            // The ids are the guide's own: nothing is refused here.
            if let Err(e) = session.set_field(&id, &value) {
                debug_assert!(false, "{e}");
            }
        }
        // A guide without a client field still knows the client from
        // `--client`.
        if !guide.fields.iter().any(|f| f.client)
            && let Some(client) = &self.prep.client
        {
            session.client = client.trim().to_string();
        }
        session.checklist = self.prep.checklist.clone();
        session.plan = self.prep.plan.clone();
        // The open items shown in the preparation come along when the
        // client is still the one they were looked up for.
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        if self
            .prep
            .client
            .as_deref()
            .is_some_and(|c| same(c, session.client_value()))
        {
            session.carried = self.prep.carried.clone();
        }
        session.start(now);
        // The new file is saved by the effect.
        shell.dirty = false;
        let conv = ConvState::new(session.clone(), self.prep.file_name.clone());
        Update::then(
            vec![Effect::Create(Box::new(session))],
            Go::To(Screen::Conversation(Box::new(conv))),
        )
    }
}

/// The session a preparation in progress is saved as (the preparation
/// screen's or the form's), None before anything in it was changed.
pub fn draft(app: &App) -> Option<Session> {
    match &app.screen {
        Screen::Form(f) => f.draft(),
        Screen::Prepare(p) => {
            let fields = p
                .form
                .as_ref()
                .map(|f| f.raw_values(&p.prep.guide))
                .unwrap_or_default();
            p.prep.draft(&fields)
        }
        _ => None,
    }
}
