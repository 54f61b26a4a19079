//! The plans on the home screen: a row per plan that is not archived
//! (client, trajectory, the next step and its date; overdue ones first and
//! marked), the row that plans an opened trajectory for a client, and the
//! details of a plan on the right.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::HomeState;
use crate::plan::format_date;
use crate::tui::app::Shell;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::squeeze;
use crate::tui::widgets::wrap::hanging_text;

impl HomeState {
    /// A plan's two rows: "! Sanne de Vries · Verbetertraject", then the
    /// next step and its date ("Begeleidingsmoment 3 van 5 · di 22-09-2026",
    /// or "afgerond"); the marker for an overdue plan reads without colour
    /// too.
    pub(super) fn plan_lines(&self, shell: &Shell, i: usize, width: usize) -> Vec<Line<'static>> {
        let t = shell.texts();
        let plan = &self.plans[i].plan;
        let view = plan.overview(self.today);
        let marker = if view.overdue > 0 {
            t.plans.overdue_marker
        } else {
            "▸"
        };
        let (next, date) = match (view.next, view.next_date) {
            (Some(key), Some(date)) => (plan.label(key, t), format!(" · {}", format_date(date, t))),
            _ => (t.timeline.plan_finished.to_string(), String::new()),
        };
        let body = format!("{} · {}", plan.client, plan.trajectory.title);
        let first = squeeze(&format!("  {marker} "), &body, "", width);
        let role = if view.overdue > 0 {
            Role::Error
        } else {
            Role::Title
        };
        vec![
            Line::from(Span::styled(first, style(shell, role))),
            Line::raw(squeeze("    ", &next, &date, width)),
        ]
    }

    /// The row under an opened trajectory that plans it for a client.
    pub(super) fn plan_new_line(&self, shell: &Shell, width: usize) -> Line<'static> {
        let t = shell.texts();
        Line::raw(squeeze("      ", t.timeline.plan_new, "", width))
    }

    /// The details of a plan: its trajectory and client, how far it is,
    /// what comes next, what is overdue, and what Enter does.
    pub(super) fn plan_detail(&self, shell: &Shell, i: usize, width: usize) -> Vec<Line<'static>> {
        let t = shell.texts();
        let entry = &self.plans[i];
        let plan = &entry.plan;
        let view = plan.overview(self.today);
        let mut lines = vec![
            Line::from(Span::styled(
                plan.trajectory.title.clone(),
                style(shell, Role::Title),
            )),
            Line::raw(plan.client.clone()),
            Line::raw((t.timeline.since)(&format_date(plan.start, t))),
            Line::raw(""),
            Line::raw((t.plans.progress)(view.done, view.total)),
        ];
        if view.overdue > 0 {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} {}",
                    t.plans.overdue_marker,
                    (t.plans.overdue_count)(view.overdue)
                ),
                style(shell, Role::Error),
            )));
        }
        if let (Some(key), Some(date)) = (view.next, view.next_date) {
            let next = format!("{}: {}", t.plans.state_next, plan.label(key, t));
            lines.extend(hanging_text("", &next, Style::default(), width));
            lines.push(Line::raw(format_date(date, t)));
        } else {
            lines.push(Line::raw(t.timeline.plan_finished));
        }
        lines.extend([
            Line::raw(""),
            Line::raw(t.timeline.plan_hint),
            Line::from(Span::styled(
                entry.file_name.clone(),
                style(shell, Role::Dim),
            )),
        ]);
        lines
    }
}
