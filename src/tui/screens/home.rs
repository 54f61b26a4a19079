//! The home screen: unfinished sessions to resume at the top, then the
//! guides; the selected one's details on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::block;
use crate::guide::Guide;
use crate::tui::app::{App, Effect, Screen, Severity};
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};

/// What a row of the home list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Resume(usize),
    Guide(usize),
    /// A step of the opened trajectory: (guide index, step index).
    Step(usize, usize),
}

/// The rows in display order: unfinished sessions, the conversations that
/// belong to no trajectory, then the trajectories (an opened one shows its
/// steps, whose conversations are started from there).
pub fn rows(app: &App) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..app.resumable.len()).map(Row::Resume).collect();
    let in_trajectory = |id: &str| {
        app.guides.iter().any(|g| {
            g.guide
                .as_trajectory()
                .is_some_and(|t| t.steps.iter().any(|s| s.guide == id))
        })
    };
    for (g, entry) in app.guides.iter().enumerate() {
        if let Guide::Conversation(c) = &entry.guide
            && !in_trajectory(&c.id)
        {
            rows.push(Row::Guide(g));
        }
    }
    for (g, entry) in app.guides.iter().enumerate() {
        if entry.guide.as_trajectory().is_none() {
            continue;
        }
        rows.push(Row::Guide(g));
        if app.home_expanded == Some(g)
            && let Some(tr) = app.guides[g].guide.as_trajectory()
        {
            rows.extend((0..tr.steps.len()).map(|s| Row::Step(g, s)));
        }
    }
    rows
}

/// The index of the conversation guide with this id.
fn guide_index(app: &App, id: &str) -> Option<usize> {
    app.guides
        .iter()
        .position(|g| g.guide.as_conversation().is_some_and(|c| c.id == id))
}

/// Handle a key on the home screen.
pub fn on_action(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let rows = rows(app);
    match action {
        Some(Action::Up) => app.home_selected = app.home_selected.saturating_sub(1),
        Some(Action::Down) => {
            app.home_selected = (app.home_selected + 1).min(rows.len().saturating_sub(1))
        }
        Some(Action::Enter) => match rows.get(app.home_selected) {
            Some(Row::Resume(i)) => {
                app.status = None;
                return vec![Effect::Resume(app.resumable[*i].path.clone())];
            }
            Some(Row::Guide(i)) => {
                let guide = app.guides[*i].guide.clone();
                match guide {
                    Guide::Conversation(c) => {
                        app.status = None;
                        super::prepare::open(app, &c, None, Vec::new());
                    }
                    Guide::Trajectory(_) => {
                        app.home_expanded = if app.home_expanded == Some(*i) {
                            None
                        } else {
                            Some(*i)
                        };
                    }
                }
            }
            Some(Row::Step(g, s)) => {
                let id = app.guides[*g]
                    .guide
                    .as_trajectory()
                    .map(|t| t.steps[*s].guide.clone())
                    .unwrap_or_default();
                match guide_index(app, &id).and_then(|i| app.guides[i].guide.as_conversation()) {
                    Some(c) => {
                        let c = c.clone();
                        app.status = None;
                        super::prepare::open(app, &c, None, Vec::new());
                    }
                    None => app.say((app.texts.step_guide_missing)(&id), Severity::Error),
                }
            }
            None => {}
        },
        Some(Action::Quit) => {
            app.quitting = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    Vec::new()
}

/// Draw the home screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.texts;
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let mut items = Vec::new();
    let mut selected_item = None;
    let rows = rows(app);
    let mut last_section = None;
    for (i, row) in rows.iter().enumerate() {
        let section = match row {
            Row::Resume(_) => 0,
            Row::Guide(g) if app.guides[*g].guide.as_conversation().is_some() => 1,
            Row::Guide(_) | Row::Step(..) => 2,
        };
        if last_section != Some(section) {
            let heading = [t.home_resume, t.home_conversations, t.home_trajectories][section];
            items.push(ListItem::new(Line::from(Span::styled(
                heading,
                style(app, Role::Title),
            ))));
            last_section = Some(section);
        }
        if i == app.home_selected {
            selected_item = Some(items.len());
        }
        let line = match *row {
            Row::Resume(r) => {
                let e = &app.resumable[r];
                let when = e.created.format("%d-%m %H:%M");
                let client = if e.client.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", e.client)
                };
                let rescued = if e.rescued { t.home_rescued } else { "" };
                let preparing = if e.preparing { t.home_preparing } else { "" };
                // The marks come first: a long row is cut at its end.
                Line::raw(format!(
                    "  ▸ {rescued}{preparing}{}{client} ({when})",
                    e.title
                ))
            }
            Row::Guide(g) => {
                let entry = &app.guides[g];
                let mins = match &entry.guide {
                    Guide::Conversation(c) => format!("{} {}", c.minutes, t.minutes_short),
                    Guide::Trajectory(tr) => format!("{} {}", tr.steps.len(), t.home_steps_short),
                };
                let mark = if entry.replaces_bundled { " *" } else { "" };
                let open = match (&entry.guide, app.home_expanded == Some(g)) {
                    (Guide::Trajectory(_), true) => "▾ ",
                    (Guide::Trajectory(_), false) => "▸ ",
                    _ => "",
                };
                Line::raw(format!("  {open}{}{mark}  ({mins})", entry.guide.title()))
            }
            Row::Step(g, s) => {
                let step = app.guides[g].guide.as_trajectory().map(|t| &t.steps[s]);
                match step {
                    Some(st) => Line::raw(format!("      {}", step_line(app, st, ""))),
                    None => Line::raw(""),
                }
            }
        };
        items.push(ListItem::new(line));
    }
    if rows.is_empty() {
        items.push(ListItem::new(t.home_no_guides));
    }
    let mut state = ListState::default().with_selected(selected_item);
    let list = List::new(items)
        .block(block(app, format!(" {} ", t.app_name), true))
        .highlight_style(style(app, Role::Selected));
    frame.render_stateful_widget(list, list_area, &mut state);

    let detail = match rows.get(app.home_selected) {
        Some(Row::Guide(g)) => guide_detail(app, *g),
        Some(Row::Step(g, s)) => {
            let id = app.guides[*g]
                .guide
                .as_trajectory()
                .map(|t| t.steps[*s].guide.clone())
                .unwrap_or_default();
            match guide_index(app, &id) {
                Some(i) => guide_detail(app, i),
                None => Vec::new(),
            }
        }
        Some(Row::Resume(r)) => {
            let e = &app.resumable[*r];
            let mut lines = vec![
                Line::from(Span::styled(e.title.clone(), style(app, Role::Title))),
                Line::raw(e.client.clone()),
                Line::raw(e.created.format("%d-%m-%Y %H:%M").to_string()),
            ];
            if e.preparing {
                lines.push(Line::raw(t.home_preparing_detail));
            }
            let hint = if e.preparing {
                t.home_preparing_hint
            } else {
                t.home_resume_hint
            };
            lines.extend([
                Line::raw(""),
                Line::raw(hint),
                Line::from(Span::styled(e.file_name.clone(), style(app, Role::Dim))),
            ]);
            lines
        }
        None => Vec::new(),
    };
    let mut detail = detail;
    if app.broken_guides > 0 {
        detail.push(Line::raw(""));
        detail.push(Line::from(Span::styled(
            (t.home_broken_guides)(app.broken_guides),
            style(app, Role::Warning),
        )));
    }
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: false })
            .block(block(app, "", false)),
        detail_area,
    );
}

fn guide_detail(app: &App, index: usize) -> Vec<Line<'static>> {
    let t = app.texts;
    let entry = &app.guides[index];
    let mut lines = vec![Line::from(Span::styled(
        entry.guide.title().to_string(),
        style(app, Role::Title),
    ))];
    match &entry.guide {
        Guide::Conversation(c) => {
            if !c.subtitle.is_empty() {
                lines.push(Line::raw(c.subtitle.clone()));
            }
            let kind = format!(
                "{} · {} {}",
                t.home_conversation, c.minutes, t.minutes_short
            );
            intro(app, &mut lines, kind, &c.summary, t.home_phases);
            for (i, p) in c.phases.iter().enumerate() {
                let opt = if p.optional { t.optional_mark } else { "" };
                lines.push(Line::raw(format!(
                    "{:>2}. {}{opt}  {} {}",
                    i + 1,
                    p.title,
                    p.minutes,
                    t.minutes_short
                )));
            }
        }
        Guide::Trajectory(tr) => {
            let kind = format!(
                "{} · {} {}",
                t.home_trajectory,
                tr.steps.len(),
                t.home_steps_short
            );
            intro(app, &mut lines, kind, &tr.summary, t.home_steps);
            for s in &tr.steps {
                let opt = if s.optional { t.optional_mark } else { "" };
                lines.push(Line::raw(step_line(app, s, opt)));
            }
        }
    }
    lines.push(Line::raw(""));
    let source = if entry.replaces_bundled {
        format!("{} ({})", entry.source, t.home_replaces_bundled)
    } else {
        entry.source.clone()
    };
    lines.push(Line::from(Span::styled(source, style(app, Role::Dim))));
    lines
}

/// A guide's kind line (dimmed), its summary, and the heading of what
/// follows (phases or steps).
fn intro(
    app: &App,
    lines: &mut Vec<Line<'static>>,
    kind: String,
    summary: &str,
    heading: &'static str,
) {
    lines.push(Line::from(Span::styled(kind, style(app, Role::Dim))));
    lines.push(Line::raw(""));
    lines.extend(summary.trim().lines().map(|l| Line::raw(l.to_string())));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(heading, style(app, Role::Title))));
}

/// "wk  4  Training, dagdeel 1 ×2" and a mark after it.
fn step_line(app: &App, step: &crate::guide::Step, mark: &str) -> String {
    let times = if step.repeat > 1 {
        format!(" ×{}", step.repeat)
    } else {
        String::new()
    };
    format!(
        "{} {:>2}  {}{times}{mark}",
        app.texts.week_short, step.week, step.title
    )
}

/// Go back to the home screen, dropping the screens' state.
pub fn go_home(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Home;
    app.prepare = None;
    app.form = None;
    app.conv = None;
    app.file_name = None;
    app.confirm = None;
    app.dirty = false;
    vec![Effect::Close, Effect::RefreshSessions]
}
