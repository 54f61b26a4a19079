//! The clocks on top of the conversation screen: the title with the wall
//! clock, the total against the plan with the planned end, the pace and
//! the time left, the phase clock with its gauge, and a reminder's banner.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::state_role;
use crate::session::Timestamp;
use crate::timer::{PhaseState, TimerView};
use crate::tui::app::Shell;
use crate::tui::screens::conversation::ConvState;
use crate::tui::screens::{clock, clock_pair};
use crate::tui::theme::{Role, style};

/// How many cells the phase gauge has.
const GAUGE: usize = 20;

/// Draw the clocks (three rows, four with a banner).
pub(super) fn render(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    frame: &mut Frame,
    area: Rect,
    now: Timestamp,
) {
    let mut lines = vec![
        title(shell, conv, view, now),
        total(shell, view, area.width),
        phase(shell, conv, view),
    ];
    if let Some((text, _)) = &conv.banner {
        lines.push(Line::from(Span::styled(
            format!(" ⏰ {text} "),
            style(shell, Role::Banner),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The guide, the client, the wall clock, and PAUZE while paused.
fn title(shell: &Shell, conv: &ConvState, view: &TimerView, now: Timestamp) -> Line<'static> {
    let s = &conv.session;
    let mut spans = vec![Span::styled(
        s.guide.title.clone(),
        style(shell, Role::Title),
    )];
    if !s.client.is_empty() {
        spans.push(Span::raw(format!(" · {}", s.client)));
    }
    spans.push(Span::styled(
        format!("   {}", now.format("%H:%M")),
        style(shell, Role::Dim),
    ));
    if view.paused {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(
            format!(" {} ", shell.texts().conversation.paused),
            style(shell, Role::Paused),
        ));
    }
    Line::from(spans)
}

/// The total against the plan, the planned end, the end at this pace and
/// the minutes left for the rest (short labels in a narrow window).
fn total(shell: &Shell, view: &TimerView, width: u16) -> Line<'static> {
    let t = &shell.texts().conversation;
    let (planned_end, pace, rest) = if width >= 100 {
        (t.planned_end, t.at_this_pace, t.left_for_rest)
    } else {
        (
            t.planned_end_short,
            t.at_this_pace_short,
            t.left_for_rest_short,
        )
    };
    let behind = if view.behind_by > 0 {
        Role::Near
    } else {
        Role::Dim
    };
    Line::from(vec![
        Span::raw(format!(
            "{} {}",
            t.total,
            clock_pair(view.total_elapsed, view.planned)
        )),
        Span::styled(
            format!(" · {planned_end} {}", view.planned_end.format("%H:%M")),
            style(shell, Role::Dim),
        ),
        Span::styled(
            format!(" · {pace} {}", view.projected_end.format("%H:%M")),
            style(shell, behind),
        ),
        Span::styled(
            format!(
                " · {rest} {} {}",
                view.remaining_for_rest.max(0) / 60,
                shell.texts().common.minutes_short
            ),
            style(shell, Role::Dim),
        ),
    ])
}

/// The phase on screen: its clock against its budget, a gauge, and a mark
/// when near or over the budget.
fn phase(shell: &Shell, conv: &ConvState, view: &TimerView) -> Line<'static> {
    let t = &shell.texts().conversation;
    let s = &conv.session;
    let cur = conv.current();
    let pt = &view.phases[cur];
    let role = state_role(pt.state);
    let marker = match pt.state {
        PhaseState::Normal => String::new(),
        PhaseState::Near => format!("  {}", t.near_budget),
        PhaseState::Over => format!("  {} +{}", t.over_budget, clock(pt.elapsed - pt.budget)),
    };
    let filled = if pt.budget > 0 {
        ((pt.elapsed.max(0) as f64 / pt.budget as f64) * GAUGE as f64).round() as usize
    } else {
        GAUGE
    }
    .min(GAUGE);
    Line::from(vec![
        Span::raw(format!(
            "{} {}/{} {}  ",
            t.phase,
            cur + 1,
            s.phases.len(),
            s.guide.phases[cur].title
        )),
        Span::styled(
            format!("{} / {}", clock(pt.elapsed), clock(pt.budget)),
            style(shell, role),
        ),
        Span::raw(" "),
        Span::styled("█".repeat(filled), style(shell, role)),
        Span::styled("░".repeat(GAUGE - filled), style(shell, Role::Dim)),
        Span::styled(marker, style(shell, role)),
    ])
}
