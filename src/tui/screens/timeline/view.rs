//! Drawing a plan's timeline: one row per step and repetition (its date
//! with the weekday, what it is, its state), the selected one in view, and
//! under the list what Enter does on it.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::TimelineState;
use crate::plan::{Occurrence, OccurrenceState, format_date};
use crate::tui::app::Shell;
use crate::tui::screens::block;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::truncate;

impl TimelineState {
    /// Draw the timeline as it stands on `today`.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect, today: NaiveDate) {
        let t = shell.texts();
        let plan = self.plan();
        let start = format_date(plan.start, t);
        let mut title = (t.timeline.title)(&plan.trajectory.title, &plan.client, &start);
        if plan.is_finished() {
            title = format!("{title} · {}", t.timeline.plan_finished);
        }
        let outer = block(shell, format!(" {title} "), true);
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let [list_area, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
        let width = usize::from(list_area.width);
        let items: Vec<ListItem> = plan
            .timeline(today)
            .into_iter()
            .map(|(o, state)| ListItem::new(self.row(shell, o, state, width)))
            .collect();
        let mut list_state = ListState::default().with_selected(Some(self.selected));
        let list = List::new(items).highlight_style(style(shell, Role::Selected));
        frame.render_stateful_widget(list, list_area, &mut list_state);
        let hint = match self.occurrence() {
            Some(o) if o.done.is_some() => t.timeline.done_hint,
            Some(o) if o.skipped => t.timeline.skipped_hint,
            Some(_) => t.timeline.open_hint,
            None => "",
        };
        frame.render_widget(
            Paragraph::new(Span::styled(hint, style(shell, Role::Dim))).wrap(Wrap { trim: true }),
            hint_area,
        );
    }

    /// One occurrence: marker, date, what it is, its state; cut with "…"
    /// to the row (the state stays whole).
    fn row(
        &self,
        shell: &Shell,
        o: &Occurrence,
        state: OccurrenceState,
        width: usize,
    ) -> Line<'static> {
        let t = shell.texts();
        let p = &t.plans;
        let (marker, what, role) = match state {
            OccurrenceState::Done(held) => {
                ("✓", (t.timeline.held_on)(&format_date(held, t)), Role::Dim)
            }
            OccurrenceState::Next => ("▸", p.state_next.to_string(), Role::Title),
            // A marker that reads without colour too.
            OccurrenceState::Overdue => {
                (p.overdue_marker, p.state_overdue.to_string(), Role::Error)
            }
            OccurrenceState::Skipped => ("–", p.state_skipped.to_string(), Role::Dim),
            OccurrenceState::Later => (" ", p.state_later.to_string(), Role::Dim),
        };
        let date = format_date(o.date, t);
        let mut label = self.plan().label(o.key(), t);
        if self.plan().step(o.key()).is_some_and(|s| s.optional) {
            label = format!("{label} {}", p.optional);
        }
        // "▸ di 22-09-2026  " + label + "  " + state.
        let fixed = 2 + date.chars().count() + 2 + 2 + what.chars().count();
        let label = truncate(&label, width.saturating_sub(fixed).max(1));
        Line::from(vec![
            Span::styled(format!("{marker} "), style(shell, role)),
            Span::raw(format!("{date}  ")),
            Span::raw(label),
            Span::styled(format!("  {what}"), style(shell, role)),
        ])
    }
}
