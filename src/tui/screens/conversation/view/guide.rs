//! The guide pane (goal, guidance, helper questions) and the notes of the
//! earlier phase a phase revisits.
//!
//! The pane has two parts: the goal and the guidance on top, the questions
//! below, each with the rows `layout::plan` gives it. A question gets at
//! least its first row; rows left over go to the questions level by level
//! (every question its second row, the first ones first, then the third…),
//! so the first questions are whole and a cut one ends in "…". The selected
//! question is always whole. PgDn scrolls the guidance to its end, then the
//! questions; the bottom border says when there is more.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::layout::Plan;
use crate::tui::app::Shell;
use crate::tui::screens::block;
use crate::tui::screens::conversation::{ConvState, Focus};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::wrapped_rows;
use crate::tui::widgets::text::{mark_cut, truncate};
use crate::tui::widgets::wrap::{clamp, hanging_text};

/// A helper question, wrapped in full.
#[derive(Debug, PartialEq)]
struct Question {
    /// Its group's heading, before the first question of a group.
    group: Option<Line<'static>>,
    lines: Vec<Line<'static>>,
    selected: bool,
}

/// The guide pane's text at an inner width.
#[derive(Debug, PartialEq)]
pub(super) struct GuidePane {
    /// The goal and the guidance, wrapped.
    text: Vec<Line<'static>>,
    /// Whether a row of `text` ends its paragraph.
    ends: Vec<bool>,
    /// How many of those rows are the goal.
    goal_rows: u16,
    /// "Hulpvragen (1/4)" (None: the phase has no questions).
    heading: Option<Line<'static>>,
    questions: Vec<Question>,
    width: usize,
}

/// The questions' rows as drawn, and where the selected one is (first
/// row, rows).
struct Drawn {
    lines: Vec<Line<'static>>,
    selected: Option<(u16, u16)>,
    /// The row each question starts at.
    starts: Vec<u16>,
}

fn rows(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl GuidePane {
    /// The pane for the phase on screen, `width` columns inside its border.
    pub fn of(shell: &Shell, conv: &ConvState, width: usize) -> GuidePane {
        let t = shell.texts();
        let s = &conv.session;
        let cur = conv.current();
        let phase = &s.guide.phases[cur];
        let record = &s.phases[cur];
        let mut paragraphs = Vec::new();
        let goal = phase.goal.trim();
        if !goal.is_empty() {
            paragraphs.push(hanging_text("", goal, style(shell, Role::Title), width));
        }
        let goal_rows = rows(paragraphs.first().map_or(0, Vec::len));
        for l in phase.guidance.trim().lines() {
            paragraphs.push(hanging_text("", l, Style::default(), width));
        }
        let ends = paragraphs
            .iter()
            .flat_map(|p| (0..p.len()).map(|i| i + 1 == p.len()))
            .collect();
        let text = paragraphs.into_iter().flatten().collect();
        let all = phase.all_questions();
        let focused = conv.focus == Focus::Questions;
        let heading = (!all.is_empty()).then(|| {
            let role = if focused { Role::Focus } else { Role::Title };
            let head = format!(
                "{} ({}/{})",
                t.conversation.questions,
                record.asked.len(),
                all.len()
            );
            Line::from(Span::styled(truncate(&head, width), style(shell, role)))
        });
        let mut questions = Vec::new();
        let mut last_group: Option<&str> = None;
        for (i, (group, q)) in all.iter().enumerate() {
            let mut group_line = None;
            if *group != last_group {
                group_line = group.map(|g| {
                    Line::from(Span::styled(
                        truncate(&format!(" {g}"), width),
                        style(shell, Role::Dim),
                    ))
                });
                last_group = *group;
            }
            let mark = if record.asked.contains(&i) {
                " [x] "
            } else {
                " [ ] "
            };
            let selected = focused && i == conv.row;
            let mut lines = hanging_text(mark, q, Style::default(), width);
            if selected {
                let picked = style(shell, Role::Selected);
                lines = lines.into_iter().map(|l| l.style(picked)).collect();
            }
            questions.push(Question {
                group: group_line,
                lines,
                selected,
            });
        }
        GuidePane {
            text,
            ends,
            goal_rows,
            heading,
            questions,
            width,
        }
    }

    /// The goal's rows.
    pub fn goal_rows(&self) -> u16 {
        self.goal_rows
    }

    /// The goal's and the guidance's rows.
    pub fn text_rows(&self) -> u16 {
        rows(self.text.len())
    }

    /// The rows of the headings (questions and groups).
    fn heading_rows(&self) -> usize {
        usize::from(self.heading.is_some())
            + self.questions.iter().filter(|q| q.group.is_some()).count()
    }

    /// The questions' rows at one row each (the selected one whole).
    pub fn questions_min(&self) -> u16 {
        let own: usize = self
            .questions
            .iter()
            .map(|q| if q.selected { q.lines.len() } else { 1 })
            .sum();
        rows(self.heading_rows() + own)
    }

    /// The questions' rows in full.
    pub fn questions_full(&self) -> u16 {
        rows(self.heading_rows() + self.questions.iter().map(|q| q.lines.len()).sum::<usize>())
    }

    /// How many rows each question gets in `budget` rows (see the module
    /// documentation).
    fn shares(&self, budget: u16) -> Vec<usize> {
        let mut shares: Vec<usize> = self
            .questions
            .iter()
            .map(|q| if q.selected { q.lines.len() } else { 1 })
            .collect();
        let used = self.heading_rows() + shares.iter().sum::<usize>();
        let mut left = usize::from(budget).saturating_sub(used);
        let deepest = self
            .questions
            .iter()
            .map(|q| q.lines.len())
            .max()
            .unwrap_or(0);
        for level in 2..=deepest {
            for (share, q) in shares.iter_mut().zip(&self.questions) {
                if left == 0 {
                    return shares;
                }
                if *share < level && q.lines.len() >= level {
                    *share += 1;
                    left -= 1;
                }
            }
        }
        shares
    }

    /// The questions as drawn in `budget` rows (more when even one row
    /// each does not fit: those scroll).
    fn drawn(&self, budget: u16) -> Drawn {
        let mut out = Drawn {
            lines: Vec::new(),
            selected: None,
            starts: Vec::new(),
        };
        out.lines.extend(self.heading.clone());
        for (q, share) in self.questions.iter().zip(self.shares(budget)) {
            out.lines.extend(q.group.clone());
            let top = rows(out.lines.len());
            out.starts.push(top);
            let lines = clamp(q.lines.clone(), share, self.width);
            if q.selected {
                out.selected = Some((top, rows(lines.len())));
            }
            out.lines.extend(lines);
        }
        out
    }

    /// The rows of the goal and the guidance from `offset`, `height` of
    /// them; a paragraph cut at the end ends in "…".
    fn text_shown(&self, offset: u16, height: u16) -> Vec<Line<'static>> {
        let end = usize::from(offset + height);
        let mut text: Vec<Line> = self
            .text
            .iter()
            .skip(usize::from(offset))
            .take(usize::from(height))
            .cloned()
            .collect();
        let ends_paragraph = self.ends.get(end.wrapping_sub(1)).copied().unwrap_or(true);
        if end < self.text.len()
            && !ends_paragraph
            && let Some(last) = text.pop()
        {
            text.push(mark_cut(last, self.width));
        }
        text
    }

    /// The pane's title: the phase, optional, skipped.
    fn title(shell: &Shell, conv: &ConvState, width: usize) -> String {
        let t = shell.texts();
        let phase = &conv.session.guide.phases[conv.current()];
        let mut title = format!(" {} ", phase.title);
        if phase.optional {
            title.push_str(&format!("({}) ", t.conversation.optional));
        }
        if conv.session.phases[conv.current()].skipped {
            title.push_str(&format!("· {} ", t.conversation.skipped_upper));
        }
        truncate(&title, width)
    }

    /// Draw the pane with the rows `plan` gives it.
    pub fn render(
        &self,
        shell: &Shell,
        conv: &ConvState,
        frame: &mut Frame,
        area: Rect,
        plan: &Plan,
    ) {
        let t = shell.texts();
        let width = usize::from(area.width.saturating_sub(2));
        let title = GuidePane::title(shell, conv, width);
        let mut outer = block(shell, title, conv.focus == Focus::Questions);
        let inner = outer.inner(area);
        let [text_area, questions_area] = Layout::vertical([
            Constraint::Length(plan.text),
            Constraint::Length(plan.questions),
        ])
        .areas(inner);
        let drawn = self.drawn(plan.questions);
        let text_max = self.text_rows().saturating_sub(text_area.height);
        let questions_max = rows(drawn.lines.len()).saturating_sub(questions_area.height);
        // One scroll for both parts: the guidance first, then the questions.
        let offset = conv.guide.fit(text_max + questions_max, 0);
        let text_offset = offset.min(text_max);
        let mut questions_offset = offset - text_offset;
        if let Some((top, h)) = drawn.selected {
            questions_offset = (top + h)
                .saturating_sub(questions_area.height)
                .max(questions_offset.min(top));
        }
        let questions_offset = questions_offset.min(questions_max);
        let text = self.text_shown(text_offset, text_area.height);
        frame.render_widget(Paragraph::new(text), text_area);
        let below = questions_offset + questions_area.height;
        let hidden = drawn.starts.iter().filter(|&&s| s >= below).count();
        frame.render_widget(
            Paragraph::new(drawn.lines).scroll((questions_offset, 0)),
            questions_area,
        );
        // The bottom border says what is below: questions, and PgDn.
        let mut more = Vec::new();
        if hidden > 0 {
            more.push((t.conversation.questions_below)(hidden));
        }
        if offset < text_max + questions_max {
            more.push(t.prepare.more.to_string());
        }
        if !more.is_empty() {
            let hint = truncate(&format!(" {} ", more.join(" · ")), width);
            outer = outer.title_bottom(Line::from(hint).right_aligned());
        }
        frame.render_widget(outer, area);
    }
}

/// The notes of the revisited phase `ri`, read-only, word-wrapped; when they
/// do not fit, the bottom border says which rows are shown and ↑/↓ say there
/// is more.
pub(super) fn render_revisit(
    shell: &Shell,
    conv: &ConvState,
    ri: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let t = shell.texts();
    let s = &conv.session;
    let notes = s.phases[ri].notes.trim_end();
    let lines: Vec<Line> = if notes.trim().is_empty() {
        vec![Line::from(Span::styled(
            t.conversation.no_notes,
            style(shell, Role::Dim),
        ))]
    } else {
        notes.lines().map(Line::raw).collect()
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let title = (t.conversation.revisit_notes)(&s.guide.phases[ri].title);
    let title = format!(
        " {} ",
        truncate(&title, area.width.saturating_sub(4) as usize)
    );
    let mut outer = block(shell, title, conv.focus == Focus::Revisit);
    let inner = outer.inner(area);
    let rows = wrapped_rows(&paragraph, inner.width);
    let scroll = conv.revisit.fit(rows, inner.height);
    let max = conv.revisit.max();
    conv.revisit_page.set(inner.height);
    if max > 0 {
        let up = if scroll > 0 { "↑" } else { "" };
        let down = if scroll < max { "↓" } else { "" };
        let last = (scroll + inner.height).min(rows);
        outer = outer.title_bottom(
            Line::from(format!(" {up}{down} {}–{last}/{rows} ", scroll + 1)).right_aligned(),
        );
    }
    frame.render_widget(outer, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}
