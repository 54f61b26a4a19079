//! The clocks on top of the conversation screen: the title with the wall
//! clock, the total against the plan with the planned end, the pace and
//! the time left, the phase clock with its gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::state_role;
use crate::session::Timestamp;
use crate::timer::{self, PhaseState, TimerView};
use crate::tui::app::Shell;
use crate::tui::screens::conversation::ConvState;
use crate::tui::screens::{clock, clock_pair};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::truncate;
use unicode_width::UnicodeWidthStr;

/// How many cells the phase gauge has.
const GAUGE: usize = 20;

/// Draw the clocks: three rows (a reminder's banner is drawn below them,
/// wrapped, by `banner.rs`).
pub(super) fn render(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    buf: &mut Buffer,
    area: Rect,
    now: Timestamp,
) {
    let lines = vec![
        title(shell, conv, view, now, area.width),
        total(shell, view, area.width, now),
        phase(shell, conv, view, area.width),
    ];
    Paragraph::new(lines).render(area, buf);
}

/// The guide and the client (cut with "…" when the row is short), the
/// wall clock, and while paused "PAUZE · eindtijd blijft 15:30".
fn title(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    now: Timestamp,
    width: u16,
) -> Line<'static> {
    let s = &conv.session;
    let clock = format!("   {}", now.format("%H:%M"));
    let paused = view.paused.then(|| {
        let end = view.planned_end.format("%H:%M").to_string();
        format!(" {} ", (shell.texts().clock.paused_end_stays)(&end))
    });
    let right = clock.width() + paused.as_ref().map_or(0, |p| 3 + p.width());
    let room = usize::from(width).saturating_sub(right).max(1);
    // Started from a plan: the step's heading says what the talk is, the
    // trajectory and the client ("Begeleidingsmoment 3 van 5 · …").
    let heading = s
        .plan
        .as_ref()
        .map(|p| p.heading.as_str())
        .filter(|h| !h.is_empty());
    let guide = truncate(heading.unwrap_or(&s.guide.title), room);
    let client = if s.client.is_empty() || heading.is_some() {
        String::new()
    } else {
        truncate(
            &format!(" · {}", s.client),
            room.saturating_sub(guide.width()),
        )
    };
    let mut spans = vec![
        Span::styled(guide, style(shell, Role::Title)),
        Span::raw(client),
        Span::styled(clock, style(shell, Role::Dim)),
    ];
    if let Some(paused) = paused {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(paused, style(shell, Role::Paused)));
    }
    Line::from(spans)
}

/// The total against the conversation's length, its end (planned, or the
/// end time agreed at the table), the end at this pace and the minutes
/// left, or once the end has passed, by how much (short labels in a
/// narrow window).
fn total(shell: &Shell, view: &TimerView, width: u16, now: Timestamp) -> Line<'static> {
    let t = &shell.texts().conversation;
    let wide = width >= 100;
    let (planned_end, rest, past_end) = if wide {
        (t.planned_end, t.left_for_rest, t.past_end)
    } else {
        (t.planned_end_short, t.left_for_rest_short, t.past_end_short)
    };
    let end_label = if view.agreed {
        shell.texts().clock.agreed_end
    } else {
        planned_end
    };
    let behind = if view.projected_end > view.planned_end {
        Role::Near
    } else {
        Role::Dim
    };
    let left = if view.remaining_for_rest < 0 {
        // As the clocks on screen read: from the end's minute to the wall
        // clock's (16:50 with the end at 16:30 is 20 minutes).
        let minute = |t: Timestamp| t.timestamp().div_euclid(60);
        let past = (minute(now) - minute(view.planned_end)).max(0);
        Span::styled(format!(" · {}", past_end(past)), style(shell, Role::Over))
    } else {
        Span::styled(
            format!(
                " · {rest} {} {}",
                view.remaining_for_rest / 60,
                shell.texts().common.minutes_short
            ),
            style(shell, Role::Dim),
        )
    };
    Line::from(vec![
        Span::raw(format!(
            "{} {}",
            t.total,
            clock_pair(view.total_elapsed, view.duration)
        )),
        Span::styled(
            format!(" · {end_label} {}", view.planned_end.format("%H:%M")),
            style(shell, if view.agreed { Role::Title } else { Role::Dim }),
        ),
        Span::styled(
            format!(
                " · {} {}",
                t.at_this_pace,
                view.projected_end.format("%H:%M")
            ),
            style(shell, behind),
        ),
        left,
    ])
}

/// The phase on screen: its clock against its budget, a gauge, and a mark
/// when near or over the budget.
fn phase(shell: &Shell, conv: &ConvState, view: &TimerView, width: u16) -> Line<'static> {
    let t = &shell.texts().conversation;
    let s = &conv.session;
    let cur = conv.current();
    let pt = &view.phases[cur];
    // Shortened to fit an end agreed far earlier: the clock runs against
    // the proposal (the phase list still shows the budget beside it).
    let budget = pt
        .proposed
        .filter(|p| pt.current && *p < pt.budget)
        .unwrap_or(pt.budget);
    let state = timer::phase_state(pt.elapsed, budget);
    let role = state_role(state);
    let marker = match state {
        PhaseState::Normal => String::new(),
        PhaseState::Near => format!("  {}", t.near_budget),
        PhaseState::Over => format!("  {} +{}", t.over_budget, clock(pt.elapsed - budget)),
    };
    let filled = if budget > 0 {
        ((pt.elapsed.max(0) as f64 / budget as f64) * GAUGE as f64).round() as usize
    } else {
        GAUGE
    }
    .min(GAUGE);
    let clocks = format!("{} / {}", clock(pt.elapsed), clock(budget));
    let label = format!("{} {}/{} ", t.phase, cur + 1, s.phases.len());
    // The clock and its mark stay whole: a long title is cut instead.
    let after = clocks.width() + 1 + GAUGE + marker.width();
    let room = usize::from(width)
        .saturating_sub(label.width() + 2 + after)
        .max(1);
    let title = truncate(&s.guide.phases[cur].title, room);
    Line::from(vec![
        Span::raw(format!("{label}{title}  ")),
        Span::styled(clocks, style(shell, role)),
        Span::raw(" "),
        Span::styled("█".repeat(filled), style(shell, role)),
        Span::styled("░".repeat(GAUGE - filled), style(shell, Role::Dim)),
        Span::styled(marker, style(shell, role)),
    ])
}
