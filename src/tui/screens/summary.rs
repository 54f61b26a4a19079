//! The summary: planned versus actual minutes per phase as horizontal bars,
//! every list gathered (agreements first), the ratings, the questions not
//! asked. Shown with `s` during the conversation and after finishing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::conversation::ConvState;
use super::{clock, clock_pair};
use crate::guide::List;
use crate::session::{Session, Timestamp};
use crate::timer::{self, PhaseState, TimerView};
use crate::tui::app::{Go, Overlay, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::overlay::{ExportForm, ExportOf};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::widgets::text::{fit, truncate, width as text_width};
use crate::tui::widgets::wrap::hanging_text;

/// State of the summary screen: the conversation it sums up (to go back
/// to), and how far it is scrolled.
#[derive(Debug, Clone)]
pub struct SummaryState {
    pub conv: ConvState,
    /// The conversation was finished: leaving goes home.
    pub finished: bool,
    pub scroll: Scroll,
}

impl SummaryState {
    /// The summary of a conversation, from its top.
    pub fn new(conv: ConvState, finished: bool) -> SummaryState {
        SummaryState {
            conv,
            finished,
            scroll: Scroll::default(),
        }
    }

    /// Handle a key on the summary screen.
    pub fn on_action(&mut self, shell: &mut Shell, action: Option<Action>) -> Update {
        if action == Some(Action::Export) {
            // The notes were handed to the session on the way here.
            let of = ExportOf::Session(Box::new(self.conv.session.clone()));
            let form = ExportForm::new(of, &shell.settings.export_dir);
            shell.overlay = Some(Overlay::Export(Box::new(form)));
            return Update::stay();
        }
        if action == Some(Action::Back) {
            return Update::go(if self.finished {
                Go::Home
            } else {
                Go::Conversation
            });
        }
        self.scroll.on_action(action, 10);
        Update::stay()
    }

    /// The summary as lines.
    pub fn lines(&self, shell: &Shell, width: u16, now: Timestamp) -> Vec<Line<'static>> {
        let s = &self.conv.session;
        let view = timer::snapshot(s, now);
        let mut out = bars(shell, s, &view, width);
        let width = usize::from(width);
        lists(shell, s, width, &mut out);
        carried(shell, s, width, &mut out);
        ratings(shell, s, width, &mut out);
        unasked(shell, s, width, &mut out);
        out
    }

    /// Draw the summary.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect, now: Timestamp) {
        let t = shell.texts();
        let mut title = format!(
            " {} · {} ",
            t.conversation.summary, self.conv.session.guide.title
        );
        if self.finished {
            title.push_str(&format!("· {} ", t.conversation.finished));
        }
        let title = truncate(&title, usize::from(area.width.saturating_sub(2)));
        let lines = self.lines(shell, area.width.saturating_sub(2), now);
        super::render_scrolling(shell, frame, area, title, lines, &self.scroll);
    }
}

/// A section's heading, after an empty line.
fn heading(shell: &Shell, out: &mut Vec<Line<'static>>, text: String) {
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(text, style(shell, Role::Title))));
}

/// The total, then per phase its planned (▒) and actual (█) minutes as
/// bars on one scale.
fn bars(shell: &Shell, s: &Session, view: &TimerView, width: u16) -> Vec<Line<'static>> {
    let t = &shell.texts().conversation;
    let mut out = vec![
        Line::from(Span::styled(
            format!(
                "{} {}",
                t.total,
                clock_pair(view.total_elapsed, view.duration)
            ),
            style(shell, Role::Title),
        )),
        Line::from(vec![
            Span::styled("▒ ", style(shell, Role::Dim)),
            Span::raw(t.planned),
            Span::raw("   "),
            Span::styled("█ ", style(shell, Role::Ok)),
            Span::raw(t.actual),
        ]),
    ];
    let label_width = s
        .guide
        .phases
        .iter()
        .map(|p| text_width(&p.title))
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
        .max(1) as usize;
    for (i, (phase, pt)) in s.guide.phases.iter().zip(&view.phases).enumerate() {
        let planned = (pt.budget as usize * bar_room).div_ceil(max);
        let actual = (pt.elapsed.max(0) as usize * bar_room).div_ceil(max);
        // A long title is cut with "…", a column before the bar.
        let label = fit(&format!("{} {}", i + 1, phase.title), label_width - 1);
        out.push(Line::from(vec![
            Span::raw(format!("{label} ")),
            Span::styled("▒".repeat(planned), style(shell, Role::Dim)),
            Span::raw(format!(" {}", clock(pt.budget))),
        ]));
        let role = match pt.state {
            PhaseState::Over => Role::Over,
            PhaseState::Near => Role::Near,
            PhaseState::Normal => Role::Ok,
        };
        let over = if pt.state == PhaseState::Over {
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
            Span::styled("█".repeat(actual), style(shell, role)),
            Span::raw(format!(" {}{over}{skipped}", clock(pt.elapsed))),
        ]));
    }
    out
}

/// Every list with its items: the agreements first, then the other lists
/// that carry, then the rest.
fn lists(shell: &Shell, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    let t = &shell.texts().conversation;
    let mut lists: Vec<(usize, &List)> = s.guide.lists().collect();
    lists.sort_by_key(|(_, l)| l.gathered_rank());
    for (p, list) in lists {
        let its = s.items(p, &list.id);
        heading(shell, out, format!("{} ({})", list.label, its.len()));
        if its.is_empty() {
            out.push(Line::from(Span::styled(
                format!("  {}", t.list_none),
                style(shell, Role::Dim),
            )));
        }
        for item in its {
            let mut parts = vec![item.values.first().cloned().unwrap_or_default()];
            for (c, v) in item.values.iter().enumerate().skip(1) {
                if !v.is_empty() {
                    let column = list.columns.get(c).map(String::as_str).unwrap_or("");
                    parts.push(format!("{column}: {v}"));
                }
            }
            let mark = if item.done { "  ✓ " } else { "  • " };
            out.extend(hanging_text(
                mark,
                &parts.join(" · "),
                Style::default(),
                width,
            ));
        }
    }
}

/// The open items carried in from earlier sessions, marked done or not.
fn carried(shell: &Shell, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    if s.carried.is_empty() {
        return;
    }
    let title = shell.texts().conversation.carried_title.to_string();
    heading(shell, out, title);
    for c in &s.carried {
        let mark = if c.done { "  [x] " } else { "  [ ] " };
        let text = c.item.values.first().cloned().unwrap_or_default();
        out.extend(hanging_text(mark, &text, Style::default(), width));
    }
}

/// Every rating with the step chosen for each item.
fn ratings(shell: &Shell, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    let not_rated = shell.texts().conversation.not_rated;
    for (p, phase) in s.guide.phases.iter().enumerate() {
        for rating in &phase.ratings {
            heading(shell, out, rating.label.clone());
            let chosen = s.phases[p].ratings.get(&rating.id);
            for (i, item) in rating.items.iter().enumerate() {
                let v = chosen
                    .and_then(|v| v.get(i))
                    .filter(|v| !v.is_empty())
                    .map_or(not_rated, String::as_str);
                let text = format!("{item}: {v}");
                out.extend(hanging_text("  ", &text, Style::default(), width));
            }
        }
    }
}

/// The helper questions not marked asked (skipped phases left out).
fn unasked(shell: &Shell, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    let mut lines = Vec::new();
    for (p, phase) in s.guide.phases.iter().enumerate() {
        if s.phases[p].skipped {
            continue;
        }
        for (i, (_, q)) in phase.all_questions().into_iter().enumerate() {
            if !s.phases[p].asked.contains(&i) {
                let lead = format!("  {} · ", phase.title);
                lines.push(hanging_text(&lead, q, Style::default(), width));
            }
        }
    }
    let title = shell.texts().conversation.unasked;
    heading(shell, out, format!("{title} ({})", lines.len()));
    out.extend(lines.into_iter().flatten());
}
