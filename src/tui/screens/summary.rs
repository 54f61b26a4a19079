//! The summary: planned versus actual minutes per phase as horizontal bars,
//! every list gathered (agreements first), the ratings, the questions not
//! asked. Shown with `s` during the conversation and after finishing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{clock, clock_pair};
use crate::session::Timestamp;
use crate::timer;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::Scroll;

/// State of the summary screen.
#[derive(Debug, Clone, Default)]
pub struct SummaryState {
    /// The conversation was finished: leaving goes home.
    pub finished: bool,
    pub scroll: Scroll,
}

/// Handle a key on the summary screen.
pub fn on_action(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    if action == Some(Action::Back) {
        if app.summary.finished {
            return super::home::go_home(app);
        }
        app.screen = Screen::Conversation;
    }
    app.summary.scroll.on_action(action, 10);
    Vec::new()
}

/// The summary as lines (also used by tests).
pub fn lines(app: &App, width: u16, now: Timestamp) -> Vec<Line<'static>> {
    let Some(conv) = &app.conv else {
        return Vec::new();
    };
    let t = app.texts;
    let s = &conv.session;
    let view = timer::snapshot(s, now);
    let mut out = Vec::new();
    out.push(Line::from(Span::styled(
        format!(
            "{} {}",
            t.total,
            clock_pair(view.total_elapsed, view.planned)
        ),
        style(app, Role::Title),
    )));
    out.push(Line::from(vec![
        Span::styled("▒ ", style(app, Role::Dim)),
        Span::raw(t.planned),
        Span::raw("   "),
        Span::styled("█ ", style(app, Role::Ok)),
        Span::raw(t.actual),
    ]));
    let label_width = s
        .guide
        .phases
        .iter()
        .map(|p| p.title.width())
        .max()
        .unwrap_or(0)
        .min(28)
        + 4;
    let bar_room = (width as usize).saturating_sub(label_width + 10).max(4);
    let max = view
        .phases
        .iter()
        .map(|p| p.budget.max(p.elapsed))
        .max()
        .unwrap_or(1)
        .max(1);
    for (i, (phase, pt)) in s.guide.phases.iter().zip(&view.phases).enumerate() {
        let planned = (pt.budget as usize * bar_room).div_ceil(max as usize);
        let actual = (pt.elapsed.max(0) as usize * bar_room).div_ceil(max as usize);
        let label: String = format!("{} {}", i + 1, phase.title)
            .chars()
            .take(label_width - 1)
            .collect();
        let pad = label_width.saturating_sub(label.width());
        out.push(Line::from(vec![
            Span::raw(format!("{label}{}", " ".repeat(pad))),
            Span::styled("▒".repeat(planned), style(app, Role::Dim)),
            Span::raw(format!(" {}", clock(pt.budget))),
        ]));
        let role = match pt.state {
            timer::PhaseState::Over => Role::Over,
            timer::PhaseState::Near => Role::Near,
            timer::PhaseState::Normal => Role::Ok,
        };
        let over = if pt.state == timer::PhaseState::Over {
            " !"
        } else {
            ""
        };
        let skipped = if pt.skipped {
            format!(" ({})", t.skipped)
        } else {
            String::new()
        };
        out.push(Line::from(vec![
            Span::raw(" ".repeat(label_width)),
            Span::styled("█".repeat(actual), style(app, role)),
            Span::raw(format!(" {}{over}{skipped}", clock(pt.elapsed))),
        ]));
    }

    // Lists, agreements (carried lists) first.
    let mut lists: Vec<(usize, &crate::guide::List)> = s.guide.lists().collect();
    lists.sort_by_key(|(_, l)| !l.carry);
    for (p, list) in lists {
        let its = s.phases[p]
            .lists
            .get(&list.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            format!("{} ({})", list.label, its.len()),
            style(app, Role::Title),
        )));
        if its.is_empty() {
            out.push(Line::from(Span::styled(
                format!("  {}", t.list_none),
                style(app, Role::Dim),
            )));
        }
        for item in its {
            let mut parts = vec![item.values.first().cloned().unwrap_or_default()];
            for (c, v) in item.values.iter().enumerate().skip(1) {
                if !v.is_empty() {
                    parts.push(format!(
                        "{}: {v}",
                        list.columns.get(c).map(String::as_str).unwrap_or("")
                    ));
                }
            }
            out.push(Line::raw(format!("  • {}", parts.join(" · "))));
        }
    }
    if !s.carried.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            t.carried_title,
            style(app, Role::Title),
        )));
        for c in &s.carried {
            let mark = if c.done { "[x]" } else { "[ ]" };
            out.push(Line::raw(format!(
                "  {mark} {}",
                c.item.values.first().cloned().unwrap_or_default()
            )));
        }
    }
    // Ratings.
    for (p, phase) in s.guide.phases.iter().enumerate() {
        for rating in &phase.ratings {
            out.push(Line::raw(""));
            out.push(Line::from(Span::styled(
                rating.label.clone(),
                style(app, Role::Title),
            )));
            let chosen = s.phases[p].ratings.get(&rating.id);
            for (i, item) in rating.items.iter().enumerate() {
                let v = chosen
                    .and_then(|v| v.get(i))
                    .filter(|v| !v.is_empty())
                    .cloned()
                    .unwrap_or_else(|| t.not_rated.to_string());
                out.push(Line::raw(format!("  {item}: {v}")));
            }
        }
    }
    // Questions not asked.
    let mut unasked = Vec::new();
    for (p, phase) in s.guide.phases.iter().enumerate() {
        if s.phases[p].skipped {
            continue;
        }
        for (i, (_, q)) in phase.all_questions().into_iter().enumerate() {
            if !s.phases[p].asked.contains(&i) {
                unasked.push(format!("  {} · {q}", phase.title));
            }
        }
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(
        format!("{} ({})", t.unasked, unasked.len()),
        style(app, Role::Title),
    )));
    out.extend(unasked.into_iter().map(Line::raw));
    out
}

/// Draw the summary.
pub fn render(app: &App, frame: &mut Frame, area: Rect, now: Timestamp) {
    let Some(conv) = &app.conv else {
        return;
    };
    let t = app.texts;
    let mut title = format!(" {} · {} ", t.summary, conv.session.guide.title);
    if app.summary.finished {
        title.push_str(&format!("· {} ", t.finished));
    }
    let lines = lines(app, area.width.saturating_sub(2), now);
    super::render_scrolling(app, frame, area, title, lines, &app.summary.scroll);
}
