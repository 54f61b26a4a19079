//! The preparation screen: purpose, whom to invite, what to bring, and the
//! preparation checklist (ticked with Space, saved with the session).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::form::{FormFields, FormState};
use super::{Screen, block};
use std::collections::BTreeMap;

use crate::guide::{Conversation, FieldKind};
use crate::plan::PlanRef;
use crate::session::{CarriedItem, Session, Timestamp};
use crate::tui::app::{App, Effect, Go, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::wrap::hanging_text;

/// A preparation in progress, as the preparation screen and the header
/// form share it: the guide, the ticked checklist, the client given on the
/// command line, and the session file it is saved in.
#[derive(Debug, Clone)]
pub struct Preparation {
    pub guide: Conversation,
    pub checklist: Vec<bool>,
    /// The client given on the command line (`--client`), pre-filled in the form.
    pub client: Option<String>,
    /// When the preparation was first changed: the `created` time of the
    /// session it is saved as (None: nothing to save yet).
    pub created: Option<Timestamp>,
    /// The session file, once it was created.
    pub file_name: Option<String>,
    /// Values the form starts with instead of the fields' defaults (a
    /// follow-up takes them from the conversation before), by field id.
    pub prefill: BTreeMap<String, String>,
    /// The open items of earlier sessions with the client (when the client
    /// is known before the form: `--client`, a follow-up).
    pub carried: Vec<CarriedItem>,
    /// The plan step this conversation is held for (started from a
    /// plan's timeline).
    pub plan: Option<PlanRef>,
}

impl Preparation {
    /// A preparation of `guide` with this checklist (ticks beyond the
    /// guide's items are dropped, missing ones unticked).
    pub fn new(guide: &Conversation, client: Option<String>, checklist: Vec<bool>) -> Preparation {
        let mut checklist = checklist;
        checklist.resize(guide.preparation.len(), false);
        Preparation {
            guide: guide.clone(),
            checklist,
            client,
            created: None,
            file_name: None,
            prefill: BTreeMap::new(),
            carried: Vec::new(),
            plan: None,
        }
    }

    /// Fill in, where nothing is filled in yet, every field this guide
    /// shares with `earlier` (same id and kind: participants, the
    /// consultant…) from it; the client, dates and long texts start afresh.
    pub fn prefill_from(&mut self, earlier: &Session) {
        for field in &self.guide.fields {
            if field.client || matches!(field.kind, FieldKind::Date | FieldKind::Longtext) {
                continue;
            }
            let shared = earlier
                .guide
                .fields
                .iter()
                .any(|f| f.id == field.id && f.kind == field.kind);
            let value = earlier.field(&field.id).trim();
            if !shared || value.is_empty() || self.prefill.contains_key(&field.id) {
                continue;
            }
            // A list is typed with commas in the form.
            let value = match field.kind {
                FieldKind::List => value.lines().collect::<Vec<_>>().join(", "),
                _ => value.to_string(),
            };
            self.prefill.insert(field.id.clone(), value);
        }
    }

    /// What the preparation is of: the plan step's heading when it was
    /// started from a plan, else the guide's title.
    pub fn title(&self) -> &str {
        match &self.plan {
            Some(plan) if !plan.heading.is_empty() => &plan.heading,
            _ => &self.guide.title,
        }
    }

    /// Something in the preparation changed: it is saved within a second
    /// (its session file is created at the first change).
    pub fn touched(&mut self, shell: &mut Shell, now: Timestamp) {
        shell.dirty = true;
        self.created.get_or_insert(now);
    }

    /// The session the preparation is saved as: not started, with the
    /// checklist and the form's `fields` as typed (a half-typed date too).
    /// None before anything in the preparation was changed.
    pub fn draft(&self, fields: &[(String, String)]) -> Option<Session> {
        let mut session = Session::new(&self.guide, self.created?);
        session.checklist = self.checklist.clone();
        session.plan = self.plan.clone();
        if let Some(client) = &self.client {
            session.client = client.trim().to_string();
        }
        // Only what the form holds: its defaults ("today") are filled in
        // when it opens, which may be another day.
        session.fields.clear();
        for (id, value) in fields {
            // The ids are the guide's own (`FormFields::raw_values`), so
            // nothing is refused here.
            if let Err(e) = session.set_field(id, value) {
                debug_assert!(false, "{e}");
            }
        }
        Some(session)
    }

    /// The effect that saves the draft: a preparation without a file yet
    /// is created.
    pub fn snapshot(&self, fields: &[(String, String)]) -> Option<Effect> {
        let session = Box::new(self.draft(fields)?);
        Some(match self.file_name {
            Some(_) => Effect::Save(session),
            None => Effect::Create(session),
        })
    }
}

/// State of the preparation screen.
#[derive(Debug, Clone)]
pub struct PrepareState {
    pub prep: Preparation,
    /// The selected checklist item.
    pub selected: usize,
    /// How far the purpose / invite / bring pane is scrolled (PgUp/PgDn).
    pub info: Scroll,
    /// The header form as it was left with Esc: Enter opens it again so.
    pub form: Option<FormFields>,
}

/// Open the preparation screen for a guide.
pub fn open(app: &mut App, guide: &Conversation, client: Option<String>, checklist: Vec<bool>) {
    app.screen = Screen::Prepare(Box::new(PrepareState::new(guide, client, checklist)));
}

/// A saved preparation opened again (a resumed session whose conversation
/// has not started): its checklist, and the form as far as it was filled
/// in.
pub fn reopen(session: &Session, file_name: String, now: Timestamp, shell: &Shell) -> Screen {
    let client = Some(session.client.clone()).filter(|c| !c.is_empty());
    let mut state = PrepareState::new(&session.guide, client, session.checklist.clone());
    state.prep.created = Some(session.created);
    state.prep.file_name = Some(file_name);
    state.prep.plan = session.plan.clone();
    if session.fields.values().any(|v| !v.trim().is_empty()) {
        let form = FormState::reopen(state, &session.fields, now, shell);
        return Screen::Form(Box::new(form));
    }
    Screen::Prepare(Box::new(state))
}

impl PrepareState {
    /// The preparation screen for a guide, nothing changed yet.
    pub fn new(guide: &Conversation, client: Option<String>, checklist: Vec<bool>) -> PrepareState {
        PrepareState {
            prep: Preparation::new(guide, client, checklist),
            selected: 0,
            info: Scroll::default(),
            form: None,
        }
    }

    /// The preparation of the next conversation after `earlier`, with the
    /// `guide` chosen for it: the client, and every field the two guides
    /// share (same id and kind: participants, the consultant…), come from
    /// the conversation before; dates and long texts start afresh.
    pub fn follow_up(guide: &Conversation, earlier: &Session) -> PrepareState {
        let client = Some(earlier.client_value().trim().to_string()).filter(|c| !c.is_empty());
        let mut state = PrepareState::new(guide, client, Vec::new());
        state.prep.prefill_from(earlier);
        state
    }

    /// The effect that saves the preparation, with the form as it was left.
    pub fn snapshot(&self) -> Option<Effect> {
        let fields = self
            .form
            .as_ref()
            .map(|f| f.raw_values(&self.prep.guide))
            .unwrap_or_default();
        self.prep.snapshot(&fields)
    }

    /// Handle a key on the preparation screen.
    pub fn on_action(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        now: Timestamp,
    ) -> Update {
        let n = self.prep.checklist.len();
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Some(Action::PageUp) => self.info.by(-5),
            Some(Action::PageDown) => self.info.by(5),
            Some(Action::Toggle) => {
                if let Some(c) = self.prep.checklist.get_mut(self.selected) {
                    *c = !*c;
                    self.prep.touched(shell, now);
                }
            }
            // To the form: as it was left, or new.
            Some(Action::Enter) => return FormState::open(self.clone(), now, shell),
            Some(Action::Back) => {
                // What was changed is saved (a session in preparation,
                // resumed from the home screen) before the screens are let go.
                let save = if shell.dirty { self.snapshot() } else { None };
                return Update::then(save.into_iter().collect(), Go::Home);
            }
            _ => {}
        }
        Update::stay()
    }

    /// Whether a key's action does something here (the footer leaves out
    /// Space when the guide has no checklist).
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::Toggle | Action::Up | Action::Down => !self.prep.checklist.is_empty(),
            _ => true,
        }
    }

    /// Draw the preparation screen: what the guide says on top (it
    /// scrolls), the checklist below.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let g = &self.prep.guide;
        let width = usize::from(area.width.saturating_sub(2));
        // The checklist items wrap; each takes the rows it needs.
        let items = self.checklist_lines(shell, width);
        let rows: Vec<u16> = items
            .iter()
            .map(|l| u16::try_from(l.len()).unwrap_or(u16::MAX))
            .collect();
        let total: u16 = rows.iter().sum();
        let check_height = if items.is_empty() {
            0
        } else {
            (total + 2).min(area.height / 2)
        };
        let [info_area, check_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(check_height)]).areas(area);

        // The open items of earlier talks come first: they are what is new
        // about this client, the guide's text is the same every time.
        let carried = carried_lines(shell, &self.prep.carried, width);
        let info = info_lines(shell, g, carried, width);
        let info = Paragraph::new(info).wrap(Wrap { trim: false });
        let scroll = self.info.fit_paragraph(
            &info,
            info_area.width.saturating_sub(2),
            info_area.height.saturating_sub(2),
        );
        let title = truncate(
            &format!(" {} · {} ", t.prepare.title, self.prep.title()),
            width,
        );
        let mut info_block = block(shell, title, false);
        if scroll < self.info.max() {
            info_block = info_block
                .title_bottom(Line::from(format!(" {} ", t.prepare.more)).right_aligned());
        }
        frame.render_widget(info.block(info_block).scroll((scroll, 0)), info_area);
        if items.is_empty() {
            return;
        }
        // Scroll the checklist so that the selected item is wholly in view.
        let inner_height = check_area.height.saturating_sub(2);
        let above: u16 = rows[..self.selected].iter().sum();
        let selected_rows = rows[self.selected].min(inner_height);
        let first_row = (above + selected_rows).saturating_sub(inner_height);
        let checklist = &self.prep.checklist;
        let done = checklist.iter().filter(|d| **d).count();
        let title = format!(" {} {done}/{} ", t.prepare.checklist, checklist.len());
        let mut check_block = block(shell, title, true);
        // Items out of view: ↑↓ bring them.
        if first_row > 0 || first_row + inner_height < total {
            let hint = format!(" {} ", t.prepare.checklist_more);
            check_block = check_block.title_bottom(Line::from(hint).right_aligned());
        }
        frame.render_widget(
            Paragraph::new(items.into_iter().flatten().collect::<Vec<_>>())
                .scroll((first_row, 0))
                .block(check_block),
            check_area,
        );
    }

    /// The checklist, ticked or not, the selected item marked; each item
    /// wrapped at `width` under the start of its text.
    fn checklist_lines(&self, shell: &Shell, width: usize) -> Vec<Vec<Line<'static>>> {
        self.prep
            .guide
            .preparation
            .iter()
            .zip(&self.prep.checklist)
            .enumerate()
            .map(|(i, (item, done))| {
                let mark = if *done { "[x] " } else { "[ ] " };
                let style = if i == self.selected {
                    style(shell, Role::Selected)
                } else {
                    Style::default()
                };
                hanging_text(mark, item, Style::default(), width)
                    .into_iter()
                    .map(|l| l.style(style))
                    .collect()
            })
            .collect()
    }
}

/// The open items of earlier sessions with the client, with where each
/// came from.
fn carried_lines(shell: &Shell, carried: &[CarriedItem], width: usize) -> Vec<Line<'static>> {
    if carried.is_empty() {
        return Vec::new();
    }
    let t = shell.texts();
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            t.conversation.carried_title,
            style(shell, Role::Title),
        )),
    ];
    for c in carried {
        let values: Vec<&str> = c
            .item
            .values
            .iter()
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
            .collect();
        lines.extend(hanging_text(
            "• ",
            &values.join(" · "),
            Style::default(),
            width,
        ));
        let origin = super::conversation::carried_origin(t, c);
        lines.extend(hanging_text("  ", &origin, style(shell, Role::Dim), width));
    }
    lines
}

/// What the guide says before the conversation: its subtitle and minutes,
/// then `carried` (the open items of earlier talks), its purpose, whom to
/// invite and what to bring.
fn info_lines(
    shell: &Shell,
    g: &Conversation,
    carried: Vec<Line<'static>>,
    width: usize,
) -> Vec<Line<'static>> {
    let t = shell.texts();
    let mut info = Vec::new();
    if !g.subtitle.is_empty() {
        info.push(Line::from(Span::styled(
            g.subtitle.clone(),
            style(shell, Role::Dim),
        )));
    }
    info.push(Line::from(Span::styled(
        format!("{} {}", g.minutes, t.common.minutes_short),
        style(shell, Role::Dim),
    )));
    info.extend(carried);
    if !g.summary.trim().is_empty() {
        info.push(Line::raw(""));
        info.push(Line::from(Span::styled(
            t.prepare.purpose,
            style(shell, Role::Title),
        )));
        for l in g.summary.trim().lines() {
            info.push(Line::raw(l.to_string()));
        }
    }
    for (heading, items) in [
        (t.prepare.invite, &g.participants),
        (t.prepare.bring, &g.materials),
    ] {
        if items.is_empty() {
            continue;
        }
        info.push(Line::raw(""));
        info.push(Line::from(Span::styled(heading, style(shell, Role::Title))));
        for item in items {
            info.extend(hanging_text("• ", item, Style::default(), width));
        }
    }
    info
}
