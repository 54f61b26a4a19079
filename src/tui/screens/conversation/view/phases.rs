//! The phase list on the left: each phase with its time against its
//! budget, scrolled so that the phase on screen is always in view.
//!
//! The mark before a phase says how far it got:
//! - `▸` the phase on screen;
//! - `–` skipped;
//! - `✓` done: the conversation is finished, or the phase was visited and
//!   something was done in it (a question marked asked, notes, an item or a
//!   rating);
//! - `·` visited, nothing done in it yet;
//! - nothing: not visited.
//!
//! After the time, a phase with helper questions that was visited shows
//! how many were asked (`· 3/12`), when each phase has two rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::state_role;
use crate::guide::Phase;
use crate::session::{PhaseRecord, Status};
use crate::timer::{PhaseState, PhaseTime, TimerView};
use crate::tui::app::Shell;
use crate::tui::screens::conversation::ConvState;
use crate::tui::screens::{block, clock};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::{fit, truncate, width as text_width};

/// The mark before a phase (see the module documentation).
fn mark(current: bool, finished: bool, record: &PhaseRecord) -> &'static str {
    let worked = !record.asked.is_empty()
        || !record.notes.trim().is_empty()
        || !record.private_notes.trim().is_empty()
        || record.lists.values().any(|items| !items.is_empty())
        || record
            .ratings
            .values()
            .any(|steps| steps.iter().any(|s| !s.is_empty()));
    if current {
        "▸"
    } else if record.skipped {
        "–"
    } else if finished || (!record.visits.is_empty() && worked) {
        "✓"
    } else if !record.visits.is_empty() {
        "·"
    } else {
        " "
    }
}

/// A phase's time against its budget, a proposed budget, skipped, and the
/// questions asked.
fn times(
    shell: &Shell,
    phase: &Phase,
    record: &PhaseRecord,
    pt: &PhaseTime,
    asked: bool,
) -> Vec<Span<'static>> {
    let t = shell.texts();
    let role = if pt.elapsed > 0 {
        state_role(pt.state)
    } else {
        Role::Dim
    };
    let mut times = vec![Span::styled(
        format!("{}/{}", clock(pt.elapsed), pt.budget / 60),
        style(shell, role),
    )];
    if pt.state == PhaseState::Over {
        times.push(Span::styled("!", style(shell, Role::Over)));
    }
    if let Some(p) = pt.proposed.filter(|p| p / 60 != pt.budget / 60) {
        times.push(Span::styled(
            format!(" →{}", p / 60),
            style(shell, Role::Near),
        ));
    }
    if pt.skipped {
        times.push(Span::styled(
            format!(" {}", t.conversation.skipped),
            style(shell, Role::Dim),
        ));
    }
    let questions = phase.all_questions().len();
    if asked && questions > 0 && !record.visits.is_empty() && !pt.skipped {
        times.push(Span::styled(
            format!(" · {}/{questions}", record.asked.len()),
            style(shell, Role::Dim),
        ));
    }
    times
}

/// Draw the phase list: its border (with arrows when the list does not
/// fit), then its rows.
pub(super) fn render(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    buf: &mut Buffer,
    area: Rect,
) {
    let t = shell.texts();
    let mut outer = block(shell, format!(" {} ", t.conversation.phases), false);
    let inner = outer.inner(area);
    let rows = Rows::of(shell, conv, view, inner);
    if rows.max > 0 {
        let up = if rows.offset > 0 { "↑" } else { "" };
        let down = if rows.offset < rows.max { "↓" } else { "" };
        outer = outer.title_bottom(Line::from(format!(" {up}{down} ")).right_aligned());
    }
    outer.render(area, buf);
    rows.render(inner, buf);
}

/// Where the rows of the phase list drawn in `area` go: inside its border.
pub(super) fn rows_area(shell: &Shell, area: Rect) -> Rect {
    block(shell, "", false).inner(area)
}

/// Draw only the rows of the phase list, in `inner` (from `rows_area`):
/// each phase's time moves with the clock, the border does not.
pub(super) fn render_rows(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    buf: &mut Buffer,
    inner: Rect,
) {
    Rows::of(shell, conv, view, inner).render(inner, buf);
}

/// The rows of the phase list, and how far they are scrolled.
struct Rows {
    lines: Vec<Line<'static>>,
    offset: usize,
    /// The furthest they can scroll (0: they fit).
    max: usize,
}

impl Rows {
    fn of(shell: &Shell, conv: &ConvState, view: &TimerView, inner: Rect) -> Rows {
        let s = &conv.session;
        let width = usize::from(inner.width);
        let two_lines = (s.phases.len() * 2) as u16 <= inner.height;
        let finished = s.status == Status::Finished;
        let mut lines = Vec::new();
        let mut current_rows = (0, 0);
        let phases = s.guide.phases.iter().zip(&s.phases).zip(&view.phases);
        for (i, ((phase, record), pt)) in phases.enumerate() {
            let current = i == conv.current();
            let title_style = if current {
                style(shell, Role::Focus)
            } else {
                Style::default()
            };
            let head = format!(
                "{}{} {}",
                mark(current, finished, record),
                i + 1,
                phase.title
            );
            // One row a phase (a long guide) leaves no room for the count.
            let times = times(shell, phase, record, pt, two_lines);
            let first = lines.len();
            if two_lines {
                lines.push(Line::from(Span::styled(
                    truncate(&head, width),
                    title_style,
                )));
                let mut second = vec![Span::raw("   ")];
                second.extend(times);
                lines.push(crate::tui::widgets::text::cut_line(
                    Line::from(second),
                    width,
                ));
            } else {
                let times_width: usize = times.iter().map(|s| text_width(&s.content)).sum();
                let room = width.saturating_sub(times_width + 1);
                let mut one = vec![Span::styled(format!("{} ", fit(&head, room)), title_style)];
                one.extend(times);
                lines.push(crate::tui::widgets::text::cut_line(Line::from(one), width));
            }
            if current {
                current_rows = (first, lines.len());
            }
        }
        // The phase on screen in view, with the next one under it when there
        // is room.
        let height = usize::from(inner.height);
        let per_phase = if two_lines { 2 } else { 1 };
        let max = lines.len().saturating_sub(height);
        let offset = (current_rows.1 + per_phase)
            .saturating_sub(height)
            .min(current_rows.0)
            .min(max);
        Rows { lines, offset, max }
    }

    fn render(self, inner: Rect, buf: &mut Buffer) {
        let offset = u16::try_from(self.offset).unwrap_or(u16::MAX);
        Paragraph::new(self.lines)
            .scroll((offset, 0))
            .render(inner, buf);
    }
}
