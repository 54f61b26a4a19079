//! The preparation screen: purpose, whom to invite, what to bring, and the
//! preparation checklist (ticked with Space, saved with the session).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use crate::guide::Conversation;
use crate::session::{Session, Timestamp};
use crate::tui::app::{App, Effect, Screen};
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::{Scroll, wrapped_rows};

/// State of the preparation screen.
#[derive(Debug, Clone)]
pub struct PrepareState {
    pub guide: Conversation,
    pub checklist: Vec<bool>,
    pub selected: usize,
    /// The client given on the command line (`--client`), pre-filled in the form.
    pub client: Option<String>,
    /// How far the purpose / invite / bring pane is scrolled (PgUp/PgDn).
    pub info: Scroll,
    /// When the preparation was first changed: the `created` time of the
    /// session it is saved as (None: nothing to save yet).
    pub created: Option<Timestamp>,
}

/// Open the preparation screen for a guide.
pub fn open(app: &mut App, guide: &Conversation, client: Option<String>, checklist: Vec<bool>) {
    let mut checklist = checklist;
    checklist.resize(guide.preparation.len(), false);
    // A form left for another guide is gone; one for this guide stays
    // (Esc from the form, then Enter again).
    app.form = None;
    app.prepare = Some(PrepareState {
        guide: guide.clone(),
        checklist,
        selected: 0,
        client,
        info: Scroll::default(),
        created: None,
    });
    app.screen = Screen::Prepare;
}

/// Open a saved preparation again (a resumed session whose conversation
/// has not started): its checklist, and the form as far as it was filled
/// in.
pub fn reopen(app: &mut App, session: &Session, now: Timestamp) {
    let client = Some(session.client.clone()).filter(|c| !c.is_empty());
    open(app, &session.guide, client, session.checklist.clone());
    if let Some(prep) = app.prepare.as_mut() {
        prep.created = Some(session.created);
    }
    if session.fields.values().any(|v| !v.trim().is_empty()) {
        super::form::reopen(app, &session.fields, now);
    }
}

/// The preparation being worked on: the form's copy while the form is on
/// screen, else the preparation screen's.
pub fn live(app: &App) -> Option<&PrepareState> {
    match (app.screen, &app.form) {
        (Screen::Form, Some(form)) => Some(&form.prep),
        _ => app.prepare.as_ref(),
    }
}

/// Something in the preparation changed: it is saved within a second
/// (its session file is created at the first change).
pub fn touched(app: &mut App, now: Timestamp) {
    app.dirty = true;
    let prep = match (app.screen, app.form.as_mut()) {
        (Screen::Form, Some(form)) => Some(&mut form.prep),
        _ => app.prepare.as_mut(),
    };
    if let Some(prep) = prep {
        prep.created.get_or_insert(now);
    }
}

/// Handle a key on the preparation screen.
pub fn on_action(app: &mut App, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
    let Some(prep) = app.prepare.as_mut() else {
        return Vec::new();
    };
    let n = prep.checklist.len();
    match action {
        Some(Action::Up) => prep.selected = prep.selected.saturating_sub(1),
        Some(Action::Down) => prep.selected = (prep.selected + 1).min(n.saturating_sub(1)),
        Some(Action::PageUp) => prep.info.by(-5),
        Some(Action::PageDown) => prep.info.by(5),
        Some(Action::Toggle) => {
            if let Some(c) = prep.checklist.get_mut(prep.selected) {
                *c = !*c;
                touched(app, now);
            }
        }
        Some(Action::Enter) => {
            let prep = prep.clone();
            // Back to the form as it was left, with this checklist.
            if let Some(form) = app.form.as_mut() {
                form.prep = prep;
                app.screen = Screen::Form;
                return Vec::new();
            }
            return super::form::open(app, prep, now);
        }
        Some(Action::Back) => {
            // What was changed is saved (a session in preparation, resumed
            // from the home screen) before the screens are let go.
            let mut effects = if app.dirty {
                app.save_now()
            } else {
                Vec::new()
            };
            effects.extend(super::home::go_home(app));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// Draw the preparation screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(prep) = &app.prepare else {
        return;
    };
    let t = app.texts;
    let g = &prep.guide;
    let mut info = Vec::new();
    if !g.subtitle.is_empty() {
        info.push(Line::from(Span::styled(
            g.subtitle.clone(),
            style(app, Role::Dim),
        )));
    }
    info.push(Line::from(Span::styled(
        format!("{} {}", g.minutes, t.minutes_short),
        style(app, Role::Dim),
    )));
    if !g.summary.trim().is_empty() {
        info.push(Line::raw(""));
        info.push(Line::from(Span::styled(
            t.prep_purpose,
            style(app, Role::Title),
        )));
        for l in g.summary.trim().lines() {
            info.push(Line::raw(l.to_string()));
        }
    }
    for (heading, items) in [
        (t.prep_invite, &g.participants),
        (t.prep_bring, &g.materials),
    ] {
        if items.is_empty() {
            continue;
        }
        info.push(Line::raw(""));
        info.push(Line::from(Span::styled(heading, style(app, Role::Title))));
        for item in items {
            info.push(Line::raw(format!("• {item}")));
        }
    }
    // The checklist items wrap; each takes the rows it needs.
    let check_width = area.width.saturating_sub(2);
    let items: Vec<Line> = g
        .preparation
        .iter()
        .zip(&prep.checklist)
        .enumerate()
        .map(|(i, (item, done))| {
            let mark = if *done { "[x]" } else { "[ ]" };
            let line = Line::raw(format!("{mark} {item}"));
            if i == prep.selected {
                line.style(style(app, Role::Selected))
            } else {
                line
            }
        })
        .collect();
    let rows: Vec<u16> = items
        .iter()
        .map(|l| {
            wrapped_rows(
                &Paragraph::new(l.clone()).wrap(Wrap { trim: false }),
                check_width,
            )
        })
        .collect();
    let check_height = if items.is_empty() {
        0
    } else {
        (rows.iter().sum::<u16>() + 2).min(area.height / 2)
    };
    let [info_area, check_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(check_height)]).areas(area);

    let info = Paragraph::new(info).wrap(Wrap { trim: false });
    let scroll = prep.info.fit_paragraph(
        &info,
        info_area.width.saturating_sub(2),
        info_area.height.saturating_sub(2),
    );
    let max = prep.info.max();
    let mut info_block = block(app, format!(" {} · {} ", t.prep_title, g.title), false);
    if scroll < max {
        info_block =
            info_block.title_bottom(Line::from(format!(" {} ", t.prep_more)).right_aligned());
    }
    frame.render_widget(info.block(info_block).scroll((scroll, 0)), info_area);
    if items.is_empty() {
        return;
    }
    // Scroll the checklist so that the selected item is wholly in view.
    let inner_height = check_area.height.saturating_sub(2);
    let above: u16 = rows[..prep.selected].iter().sum();
    let selected_rows = rows[prep.selected].min(inner_height);
    let first_row = (above + selected_rows).saturating_sub(inner_height);
    let done = prep.checklist.iter().filter(|d| **d).count();
    frame.render_widget(
        Paragraph::new(items)
            .wrap(Wrap { trim: false })
            .scroll((first_row, 0))
            .block(block(
                app,
                format!(" {} {done}/{} ", t.prep_checklist, prep.checklist.len()),
                true,
            )),
        check_area,
    );
}
