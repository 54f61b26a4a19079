//! Planning a trajectory for a client: the client and the start date
//! (dd-mm-jjjj, today unless typed over), what the plan will hold, and
//! Enter on the last field writes the plan file (the timeline opens once
//! it is written).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use crate::guide::Trajectory;
use crate::i18n::Texts;
use crate::plan::{Plan, format_date, parse_date};
use crate::session::Timestamp;
use crate::tui::app::{Effect, Go, Severity, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::text::cut_line;
use crate::tui::widgets::wrap::hanging_text;

/// State of the plan form.
#[derive(Debug, Clone)]
pub struct PlanFormState {
    pub trajectory: Trajectory,
    pub client: TextInput,
    pub start: TextInput,
    /// 0: the client, 1: the start date.
    pub focused: usize,
    /// What is wrong, under the field it is about.
    pub error: Option<(usize, String)>,
    /// The active plans of this trajectory: (client, start date).
    pub active: Vec<(String, NaiveDate)>,
    /// The client asked about as planned already (Enter again makes it).
    warned: Option<String>,
}

impl PlanFormState {
    /// The form for `trajectory`, starting `today` unless typed over.
    /// `active`: the clients (with start dates) that have an active plan
    /// of it, asked about before a second one is made.
    pub fn new(
        trajectory: Trajectory,
        today: NaiveDate,
        active: Vec<(String, NaiveDate)>,
        texts: &Texts,
    ) -> PlanFormState {
        let mut form = PlanFormState {
            trajectory,
            client: TextInput::line(""),
            start: TextInput::line(&today.format(texts.plans.date_format).to_string()),
            focused: 0,
            error: None,
            active,
            warned: None,
        };
        form.client.set_placeholder(texts.timeline.form_client_hint);
        form.focus(0);
        form
    }

    /// The key mode: the header form's keys (Tab, Enter, Esc).
    pub fn mode(&self) -> Mode {
        Mode::Form
    }

    fn focus(&mut self, field: usize) {
        self.focused = field;
        self.client.set_focused(field == 0);
        self.start.set_focused(field == 1);
    }

    fn input(&mut self) -> &mut TextInput {
        if self.focused == 0 {
            &mut self.client
        } else {
            &mut self.start
        }
    }

    /// The start date as typed, if it is one.
    fn start_date(&self) -> Option<NaiveDate> {
        parse_date(&self.start.text())
    }

    /// Handle a key.
    pub fn on_key(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        ev: ratatui::crossterm::event::KeyEvent,
        now: Timestamp,
    ) -> Update {
        match action {
            Some(Action::NextField | Action::PrevField) => self.focus(1 - self.focused),
            Some(Action::Enter) if self.focused == 0 => self.focus(1),
            Some(Action::Enter) => return self.make(shell, now),
            Some(Action::Back) => return Update::go(Go::Home),
            _ => {
                if self.input().key(ev) {
                    self.error = None;
                }
            }
        }
        Update::stay()
    }

    /// Paste into the focused field.
    pub fn on_paste(&mut self, text: &str) {
        self.input().paste(text);
    }

    /// Check both fields and write the plan (or say what is wrong).
    fn make(&mut self, shell: &mut Shell, now: Timestamp) -> Update {
        let t = shell.texts();
        let client = self.client.text().trim().to_string();
        if client.is_empty() {
            self.error = Some((0, t.timeline.form_no_client.to_string()));
            self.focus(0);
            return Update::stay();
        }
        let Some(start) = self.start_date() else {
            let typed = self.start.text();
            self.error = Some((1, (t.plans.bad_date)(typed.trim())));
            return Update::stay();
        };
        // The same client (as typed nearly so) has this trajectory already:
        // say so once; Enter again makes the plan all the same.
        let key = crate::fold::needle(&client);
        let planned = self
            .active
            .iter()
            .find(|(c, _)| crate::fold::needle(c) == key);
        if let Some((known, since)) = planned
            && self.warned.as_deref() != Some(key.as_str())
        {
            self.warned = Some(key);
            self.error = Some((
                0,
                (t.timeline.form_duplicate)(known, &format_date(*since, t)),
            ));
            return Update::stay();
        }
        shell.say(
            (t.timeline.planned)(&self.trajectory.title, &client),
            Severity::Info,
        );
        let plan = Plan::new(&self.trajectory, &client, start, now);
        Update::effects(vec![Effect::CreatePlan(Box::new(plan))])
    }

    /// What Enter does on this form.
    pub fn describe(&self, action: Action, texts: &'static Texts) -> Option<&'static str> {
        (action == Action::Enter).then_some(texts.keys.make_plan)
    }

    /// What the plan will hold from the typed start date: how many talks,
    /// the first on which date.
    fn preview(&self, t: &'static Texts) -> Option<String> {
        let start = self.start_date()?;
        let talks = crate::trajectory::schedule(&self.trajectory, start);
        let first = talks
            .iter()
            .map(|p| p.date)
            .min()
            .map(|d| format_date(d, t))
            .unwrap_or_default();
        Some((t.timeline.form_preview)(talks.len(), &first))
    }

    /// Draw the form: the two fields, what is wrong, what the plan holds.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let outer = block(
            shell,
            format!(" {} ", (t.timeline.form_title)(&self.trajectory.title)),
            true,
        );
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let fields = [
            (t.timeline.form_client, &self.client),
            (t.timeline.form_start, &self.start),
        ];
        let mut y = inner.y;
        let row = |y: u16, x: u16| Rect {
            x: inner.x + x,
            y,
            width: inner.width.saturating_sub(x),
            height: 1,
        };
        for (i, (label, input)) in fields.into_iter().enumerate() {
            if y + 2 > inner.y + inner.height {
                return;
            }
            let marker = if i == self.focused { "▸ " } else { "  " };
            let role = if i == self.focused {
                Role::Title
            } else {
                Role::Dim
            };
            let mut spans = vec![Span::styled(format!("{marker}{label}"), style(shell, role))];
            if i == 1 {
                spans.push(Span::styled(
                    format!("  ({})", t.timeline.form_start_hint),
                    style(shell, Role::Dim),
                ));
            }
            let width = usize::from(inner.width);
            frame.render_widget(
                Paragraph::new(cut_line(Line::from(spans), width)),
                row(y, 0),
            );
            input.render(frame, row(y + 1, 4));
            y += 2;
            if let Some((_, why)) = self.error.as_ref().filter(|(f, _)| *f == i) {
                // The whole message, wrapped under its start.
                let lines = hanging_text("    ! ", why, style(shell, Role::Error), width);
                let rows = u16::try_from(lines.len())
                    .unwrap_or(u16::MAX)
                    .min((inner.y + inner.height).saturating_sub(y));
                frame.render_widget(
                    Paragraph::new(lines),
                    Rect {
                        height: rows,
                        ..row(y, 0)
                    },
                );
                y += rows;
            }
        }
        let preview = self.preview(t);
        if let Some(preview) = preview
            && y + 1 < inner.y + inner.height
        {
            let area = Rect {
                y: y + 1,
                height: inner.y + inner.height - y - 1,
                ..row(y, 2)
            };
            frame.render_widget(
                Paragraph::new(Span::styled(preview, style(shell, Role::Dim)))
                    .wrap(Wrap { trim: false }),
                area,
            );
        }
    }
}
