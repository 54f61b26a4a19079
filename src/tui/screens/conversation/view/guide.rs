//! The guide pane (goal, guidance, helper questions) and the notes of the
//! earlier phase a phase revisits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::truncate;
use crate::tui::app::Shell;
use crate::tui::screens::block;
use crate::tui::screens::conversation::{ConvState, Focus};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::wrapped_rows;

/// The guide pane's text at an inner width: goal, guidance and questions,
/// with where the selected question is (first wrapped row, rows).
pub(super) fn lines(
    shell: &Shell,
    conv: &ConvState,
    inner_width: u16,
) -> (Vec<Line<'static>>, Option<(u16, u16)>) {
    let t = shell.texts();
    let s = &conv.session;
    let cur = conv.current();
    let phase = &s.guide.phases[cur];
    let record = &s.phases[cur];
    let mut lines: Vec<Line> = Vec::new();
    if !phase.goal.is_empty() {
        lines.push(Line::from(Span::styled(
            phase.goal.clone(),
            style(shell, Role::Title),
        )));
    }
    for l in phase.guidance.trim().lines() {
        lines.push(Line::raw(l.to_string()));
    }
    let questions = phase.all_questions();
    let mut selected_top = None;
    if !questions.is_empty() {
        let asked = record.asked.len();
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("{} ({asked}/{})", t.conversation.questions, questions.len()),
            style(
                shell,
                if conv.focus == Focus::Questions {
                    Role::Focus
                } else {
                    Role::Title
                },
            ),
        )));
        let mut last_group: Option<&str> = None;
        for (i, (group, q)) in questions.iter().enumerate() {
            if *group != last_group {
                if let Some(g) = group {
                    lines.push(Line::from(Span::styled(
                        format!(" {g}"),
                        style(shell, Role::Dim),
                    )));
                }
                last_group = *group;
            }
            let mark = if record.asked.contains(&i) {
                "[x]"
            } else {
                "[ ]"
            };
            let line = Line::raw(format!(" {mark} {q}"));
            if conv.focus == Focus::Questions && i == conv.row {
                let above: u16 = lines
                    .iter()
                    .map(|l| wrapped_height(&l.to_string(), inner_width))
                    .sum();
                selected_top = Some((above, wrapped_height(&line.to_string(), inner_width)));
                lines.push(line.style(style(shell, Role::Selected)));
            } else {
                lines.push(line);
            }
        }
    }
    (lines, selected_top)
}

pub(super) fn render(
    shell: &Shell,
    conv: &ConvState,
    frame: &mut Frame,
    area: Rect,
    (lines, selected_top): (Vec<Line<'static>>, Option<(u16, u16)>),
) {
    let t = shell.texts();
    let phase = &conv.session.guide.phases[conv.current()];
    let record = &conv.session.phases[conv.current()];
    let mut title = format!(" {} ", phase.title);
    if phase.optional {
        title.push_str(&format!("({}) ", t.conversation.optional));
    }
    if record.skipped {
        title.push_str(&format!("· {} ", t.conversation.skipped_upper));
    }
    let mut guide_block = block(shell, title, conv.focus == Focus::Questions);
    let inner_height = area.height.saturating_sub(2);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    // PgUp/PgDn scroll a guide text longer than the pane; a selected
    // question is always scrolled into view.
    let offset = conv
        .guide
        .fit_paragraph(&paragraph, area.width.saturating_sub(2), inner_height);
    let max = conv.guide.max();
    let scroll = match selected_top {
        Some((top, h)) => (top + h).saturating_sub(inner_height).max(offset.min(top)),
        None => offset,
    }
    .min(max);
    if scroll < max {
        guide_block =
            guide_block.title_bottom(Line::from(format!(" {} ", t.prepare.more)).right_aligned());
    }
    frame.render_widget(paragraph.block(guide_block).scroll((scroll, 0)), area);
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

/// How many screen lines a text takes when wrapped at `width` (an estimate
/// for scrolling; word wrapping may use a line more).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let w = width.max(1) as usize;
    text.split('\n')
        .map(|l| l.width().div_ceil(w).max(1) as u16)
        .sum()
}
