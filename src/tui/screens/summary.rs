//! The summary: planned versus actual minutes per phase as horizontal bars,
//! every list gathered (agreements first), the ratings, the questions not
//! asked. Shown with `s` during the conversation and after finishing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::conversation::ConvState;
use super::{clock, clock_pair};
use crate::session::Timestamp;
use crate::timer;
use crate::tui::app::{Go, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::Scroll;

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
    pub fn on_action(&mut self, action: Option<Action>) -> Update {
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
        let t = shell.texts();
        let s = &self.conv.session;
        let view = timer::snapshot(s, now);
        let mut out = Vec::new();
        out.push(Line::from(Span::styled(
            format!(
                "{} {}",
                t.conversation.total,
                clock_pair(view.total_elapsed, view.planned)
            ),
            style(shell, Role::Title),
        )));
        out.push(Line::from(vec![
            Span::styled("▒ ", style(shell, Role::Dim)),
            Span::raw(t.conversation.planned),
            Span::raw("   "),
            Span::styled("█ ", style(shell, Role::Ok)),
            Span::raw(t.conversation.actual),
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
                Span::styled("▒".repeat(planned), style(shell, Role::Dim)),
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
                format!(" ({})", t.conversation.skipped)
            } else {
                String::new()
            };
            out.push(Line::from(vec![
                Span::raw(" ".repeat(label_width)),
                Span::styled("█".repeat(actual), style(shell, role)),
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
                style(shell, Role::Title),
            )));
            if its.is_empty() {
                out.push(Line::from(Span::styled(
                    format!("  {}", t.conversation.list_none),
                    style(shell, Role::Dim),
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
                t.conversation.carried_title,
                style(shell, Role::Title),
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
                    style(shell, Role::Title),
                )));
                let chosen = s.phases[p].ratings.get(&rating.id);
                for (i, item) in rating.items.iter().enumerate() {
                    let v = chosen
                        .and_then(|v| v.get(i))
                        .filter(|v| !v.is_empty())
                        .cloned()
                        .unwrap_or_else(|| t.conversation.not_rated.to_string());
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
            format!("{} ({})", t.conversation.unasked, unasked.len()),
            style(shell, Role::Title),
        )));
        out.extend(unasked.into_iter().map(Line::raw));
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
        let lines = self.lines(shell, area.width.saturating_sub(2), now);
        super::render_scrolling(shell, frame, area, title, lines, &self.scroll);
    }
}
