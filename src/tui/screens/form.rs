//! The header form (client, date, participants, …) filled in before the
//! conversation starts. Each field kind behaves as its kind: dates are
//! validated, yes/no and choices are picked with ←/→ or Space, list fields
//! take several names separated by commas, long-text fields take several
//! lines (Alt-Enter breaks the line; Enter still moves on).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use super::prepare::PrepareState;
use crate::guide::{Field, FieldKind};
use crate::session::{Session, Timestamp};
use crate::tui::app::{App, Effect, Screen};
use crate::tui::keymap::{Action, Mode};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::input::TextInput;

/// The value being entered for one field.
#[derive(Debug, Clone)]
pub enum FieldInput {
    Text(Box<TextInput>),
    /// Index into the choices ("ja"/"nee" for yes/no); None: not chosen.
    Pick(Option<usize>),
}

/// State of the header form.
#[derive(Debug, Clone)]
pub struct FormState {
    pub prep: PrepareState,
    pub inputs: Vec<FieldInput>,
    pub focused: usize,
    /// A message under a field (required, bad date), by field index.
    pub errors: Vec<Option<String>>,
}

/// Rows a long-text field's box takes on screen.
const LONGTEXT_ROWS: u16 = 3;

impl FormState {
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
}

/// Rows the value of a field takes on screen.
fn value_rows(field: &Field) -> u16 {
    if field.kind == FieldKind::Longtext {
        LONGTEXT_ROWS
    } else {
        1
    }
}

/// The choices a pick field offers. Yes/no is in the guide's language
/// (stored as such in the session), whatever the UI language.
fn choices(guide_language: &str, field: &Field) -> Vec<String> {
    match (field.kind, guide_language) {
        (FieldKind::Yesno, "en") => vec!["yes".to_string(), "no".to_string()],
        (FieldKind::Yesno, _) => vec!["ja".to_string(), "nee".to_string()],
        _ => field.choices.clone(),
    }
}

/// Open the form after the preparation screen; a guide without header
/// fields starts the conversation at once (the effects create its file).
pub fn open(app: &mut App, prep: PrepareState, now: Timestamp) -> Vec<Effect> {
    let today = now.date_naive();
    let inputs: Vec<FieldInput> = prep
        .guide
        .fields
        .iter()
        .map(|f| match f.kind {
            FieldKind::Yesno | FieldKind::Choice => {
                let opts = choices(&prep.guide.language, f);
                FieldInput::Pick(
                    f.default
                        .as_ref()
                        .and_then(|d| opts.iter().position(|c| c == d)),
                )
            }
            _ => {
                let value = if f.client {
                    prep.client
                        .clone()
                        .or_else(|| f.default.clone())
                        .unwrap_or_default()
                } else if f.kind == FieldKind::Date && f.default.as_deref() == Some("today") {
                    today.format(DATE_SHOWN).to_string()
                } else {
                    f.default.clone().unwrap_or_default()
                };
                let mut input = if f.kind == FieldKind::Longtext {
                    TextInput::notes(&value)
                } else {
                    TextInput::line(&value)
                };
                let hint = match f.kind {
                    FieldKind::Date => app.texts.form_date_hint,
                    FieldKind::List => app.texts.form_list_hint,
                    _ => "",
                };
                if !hint.is_empty() {
                    input.set_placeholder(hint);
                }
                FieldInput::Text(Box::new(input))
            }
        })
        .collect();
    let errors = vec![None; inputs.len()];
    let mut form = FormState {
        prep,
        inputs,
        focused: 0,
        errors,
    };
    focus(&mut form, 0);
    app.form = Some(form);
    if app.form.as_ref().is_some_and(|f| f.inputs.is_empty()) {
        return start(app, now);
    }
    app.screen = Screen::Form;
    Vec::new()
}

/// How a date is shown in the form (as people here write it); any of the
/// forms [`parse_date`] reads is accepted.
const DATE_SHOWN: &str = "%d-%m-%Y";

fn focus(form: &mut FormState, index: usize) {
    for (i, input) in form.inputs.iter_mut().enumerate() {
        if let FieldInput::Text(t) = input {
            t.set_focused(i == index);
        }
    }
    form.focused = index;
}

/// Parse a date as typed: 2026-11-23, 23-11-2026, 23/11/2026, 23.11.2026.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// Check a field's value; returns the stored value or a message.
fn validate(
    app: &App,
    language: &str,
    field: &Field,
    input: &FieldInput,
) -> Result<String, String> {
    let t = app.texts;
    let value = match input {
        FieldInput::Text(i) => {
            let raw = i.text();
            match field.kind {
                FieldKind::Date if !raw.trim().is_empty() => match parse_date(&raw) {
                    Some(d) => d.format("%Y-%m-%d").to_string(),
                    None => return Err(t.form_bad_date.to_string()),
                },
                FieldKind::List => raw
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => raw.trim().to_string(),
            }
        }
        FieldInput::Pick(choice) => choice
            .and_then(|c| choices(language, field).get(c).cloned())
            .unwrap_or_default(),
    };
    if field.required && value.is_empty() {
        return Err(t.form_required.to_string());
    }
    Ok(value)
}

/// Handle a key in the form.
pub fn on_key(app: &mut App, action: Option<Action>, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else {
        return Vec::new();
    };
    let n = form.inputs.len();
    match action {
        Some(Action::NextField | Action::PrevField) => {
            // Leaving a field says at once what is wrong with what was
            // typed there (a bad date); an empty required field only
            // complains on Enter or at the start.
            let i = form.focused;
            if let Err(e) = check(app, i)
                && let Some(form) = app.form.as_mut()
                && !is_empty(&form.inputs[i])
            {
                form.errors[i] = Some(e);
            }
            let form = app.form.as_mut().expect("form is open");
            let next = if action == Some(Action::NextField) {
                (i + 1) % n.max(1)
            } else {
                (i + n.max(1) - 1) % n.max(1)
            };
            focus(form, next);
        }
        Some(Action::NewLine) => {
            let i = form.focused;
            if let Some(FieldInput::Text(input)) = form.inputs.get_mut(i)
                && input.newline()
            {
                form.errors[i] = None;
                super::prepare::touched(app, now);
            }
        }
        Some(Action::Back) => {
            // Back to the preparation; what was typed stays for the return.
            app.prepare = Some(form.prep.clone());
            app.screen = Screen::Prepare;
        }
        Some(Action::Enter) => {
            let i = form.focused;
            let result = check(app, i);
            let form = app.form.as_mut().expect("form is open");
            match result {
                Err(e) => form.errors[i] = Some(e),
                Ok(_) => {
                    form.errors[i] = None;
                    if i + 1 < n {
                        focus(form, i + 1);
                    } else {
                        return start(app, now);
                    }
                }
            }
        }
        _ => {
            let i = form.focused;
            let field = &form.prep.guide.fields[i];
            let opts = match field.kind {
                FieldKind::Yesno => 2,
                _ => field.choices.len(),
            };
            match &mut form.inputs[i] {
                FieldInput::Text(input) => {
                    if input.key(ev) {
                        form.errors[i] = None;
                        super::prepare::touched(app, now);
                    }
                }
                FieldInput::Pick(choice) if opts > 0 => {
                    let next = match action {
                        Some(Action::Right) => Some(choice.map(|c| (c + 1) % opts).unwrap_or(0)),
                        Some(Action::Left) => {
                            Some(choice.map(|c| (c + opts - 1) % opts).unwrap_or(opts - 1))
                        }
                        Some(Action::Clear) => None,
                        _ => *choice,
                    };
                    if next != *choice {
                        *choice = next;
                        form.errors[i] = None;
                        super::prepare::touched(app, now);
                    }
                }
                FieldInput::Pick(_) => {}
            }
        }
    }
    Vec::new()
}

/// Check field `i` of the open form.
fn check(app: &App, i: usize) -> Result<String, String> {
    let form = app.form.as_ref().expect("form is open");
    let guide = &form.prep.guide;
    validate(app, &guide.language, &guide.fields[i], &form.inputs[i])
}

/// Whether nothing was entered or chosen.
fn is_empty(input: &FieldInput) -> bool {
    match input {
        FieldInput::Text(t) => t.text().trim().is_empty(),
        FieldInput::Pick(choice) => choice.is_none(),
    }
}

/// Paste into the focused text field.
pub fn on_paste(app: &mut App, text: &str, now: Timestamp) -> Vec<Effect> {
    if let Some(form) = app.form.as_mut()
        && let Some(FieldInput::Text(input)) = form.inputs.get_mut(form.focused)
        && input.paste(text)
    {
        super::prepare::touched(app, now);
    }
    Vec::new()
}

/// The value a field holds as typed or chosen (not yet checked).
fn raw_value(language: &str, field: &Field, input: &FieldInput) -> String {
    match input {
        FieldInput::Text(t) => t.text(),
        FieldInput::Pick(choice) => choice
            .and_then(|c| choices(language, field).get(c).cloned())
            .unwrap_or_default(),
    }
}

/// The session a preparation in progress is saved as: not started, with
/// the checklist and the form's values as typed (a half-typed date too).
/// None before anything in the preparation was changed.
pub fn draft(app: &App) -> Option<Session> {
    let prep = super::prepare::live(app)?;
    let mut session = Session::new(&prep.guide, prep.created?);
    session.checklist = prep.checklist.clone();
    if let Some(client) = &prep.client {
        session.client = client.trim().to_string();
    }
    // Only what the form holds: its defaults ("today") are filled in when
    // it opens, which may be another day.
    session.fields.clear();
    if let Some(form) = &app.form {
        let guide = &form.prep.guide;
        for (field, input) in guide.fields.iter().zip(&form.inputs) {
            let _ = session.set_field(&field.id, &raw_value(&guide.language, field, input));
        }
    }
    Some(session)
}

/// Open the form again with the values a saved preparation holds (as
/// typed), on top of the preparation screen opened by `prepare::reopen`.
pub fn reopen(app: &mut App, values: &std::collections::BTreeMap<String, String>, now: Timestamp) {
    let Some(prep) = app.prepare.clone() else {
        return;
    };
    let _ = open(app, prep, now);
    let Some(form) = app.form.as_mut() else {
        return;
    };
    let guide = &form.prep.guide;
    for (field, input) in guide.fields.iter().zip(form.inputs.iter_mut()) {
        let Some(value) = values.get(&field.id) else {
            continue;
        };
        match input {
            FieldInput::Text(t) => t.set_text(value),
            FieldInput::Pick(choice) => {
                *choice = choices(&guide.language, field)
                    .iter()
                    .position(|c| c == value);
            }
        }
    }
    focus(form, 0);
}

/// Validate every field and start the conversation, or focus the first
/// field with a problem.
fn start(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(form) = app.form.clone() else {
        return Vec::new();
    };
    let mut values = Vec::new();
    let mut first_error = None;
    let mut errors = vec![None; form.inputs.len()];
    for (i, (field, input)) in form.prep.guide.fields.iter().zip(&form.inputs).enumerate() {
        match validate(app, &form.prep.guide.language, field, input) {
            Ok(v) => values.push((field.id.clone(), v)),
            Err(e) => {
                errors[i] = Some(e);
                first_error.get_or_insert(i);
            }
        }
    }
    if let Some(i) = first_error {
        let form = app.form.as_mut().expect("form is open");
        form.errors = errors;
        focus(form, i);
        return Vec::new();
    }
    let mut session = Session::new(&form.prep.guide, form.prep.created.unwrap_or(now));
    for (id, value) in values {
        let _ = session.set_field(&id, &value);
    }
    // A guide without a client field still knows the client from
    // `--client`.
    if !form.prep.guide.fields.iter().any(|f| f.client)
        && let Some(client) = &form.prep.client
    {
        session.client = client.trim().to_string();
    }
    session.checklist = form.prep.checklist.clone();
    session.start(now);
    app.form = None;
    app.prepare = None;
    super::conversation::open(app, session.clone(), now);
    vec![Effect::Create(Box::new(session))]
}

/// Draw the form.
pub fn render(app: &App, frame: &mut Frame, area: Rect, _now: Timestamp) {
    let Some(form) = &app.form else {
        return;
    };
    let t = app.texts;
    let outer = block(
        app,
        format!(" {} · {} ", t.form_title, form.prep.guide.title),
        true,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    // Each field: a label line, its value (one line, or a box for long
    // text), an error line when needed.
    let heights: Vec<u16> = form
        .errors
        .iter()
        .zip(&form.prep.guide.fields)
        .map(|(e, f)| 1 + value_rows(f) + u16::from(e.is_some()))
        .collect();
    let mut first = 0;
    while first < form.focused {
        let used: u16 = heights[first..=form.focused].iter().sum();
        if used <= inner.height {
            break;
        }
        first += 1;
    }
    let mut y = inner.y;
    for i in first..form.inputs.len() {
        let field = &form.prep.guide.fields[i];
        let rows = value_rows(field);
        if y + 1 + rows > inner.y + inner.height {
            break;
        }
        let focused = i == form.focused;
        let marker = if focused { "▸ " } else { "  " };
        let req = if field.required { " *" } else { "" };
        let label_style = if focused {
            style(app, Role::Focus)
        } else {
            style(app, Role::Dim)
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(marker, label_style),
                Span::styled(format!("{}{req}", field.label), label_style),
            ])),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        let value_area = Rect {
            x: inner.x + 4,
            y: y + 1,
            width: inner.width.saturating_sub(4),
            height: rows,
        };
        match &form.inputs[i] {
            FieldInput::Text(input) => input.render(frame, value_area),
            FieldInput::Pick(choice) => {
                let opts = choices(&form.prep.guide.language, field);
                let spans: Vec<Span> = opts
                    .iter()
                    .enumerate()
                    .flat_map(|(k, o)| {
                        let chosen = *choice == Some(k);
                        let text = if chosen {
                            format!("(•) {o}")
                        } else {
                            format!("( ) {o}")
                        };
                        let s = if chosen && focused {
                            style(app, Role::Selected)
                        } else {
                            style(app, Role::Dim)
                        };
                        [Span::styled(text, s), Span::raw("   ")]
                    })
                    .collect();
                frame.render_widget(Paragraph::new(Line::from(spans)), value_area);
            }
        }
        y += 1 + rows;
        if let Some(err) = &form.errors[i] {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("    ! {err}"),
                    style(app, Role::Error),
                )),
                Rect {
                    x: inner.x,
                    y,
                    width: inner.width,
                    height: 1,
                },
            );
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_dutch_and_iso_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for s in [
            "2026-11-23",
            "23-11-2026",
            "23/11/2026",
            "23.11.2026",
            " 23-11-2026 ",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("31-02-2026"), None);
        assert_eq!(parse_date("morgen"), None);
    }
}
