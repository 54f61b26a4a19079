//! Drawing the conversation screen: clocks on top, phases on the left, the
//! phase's guide, notes and lists on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

mod clocks;
mod guide;
mod lists;

use crate::tui::widgets::text::truncate;

use super::{ConvState, Focus, items};
use crate::session::Timestamp;
use crate::timer::{self, PhaseState, TimerView};
use crate::tui::app::{Confirm, Shell};
use crate::tui::screens::{block, clock, popup};
use crate::tui::theme::{Role, style};
use lists::ListsPane;

/// The clocks on top (a row more for a reminder's banner) and the rest.
fn split(conv: &ConvState, area: Rect) -> [Rect; 2] {
    let banner = conv.banner.is_some();
    Layout::vertical([
        Constraint::Length(if banner { 4 } else { 3 }),
        Constraint::Min(1),
    ])
    .areas(area)
}

impl ConvState {
    /// Draw the conversation screen.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect, now: Timestamp) {
        let view = timer::snapshot(&self.session, now);
        let [top, main] = split(self, area);
        clocks::render(shell, self, &view, frame, top, now);
        let left_width = if area.width >= 100 { 34 } else { 26 };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(main);
        render_phases(shell, self, &view, frame, left);
        render_phase(shell, self, frame, right);
        if let Some(form) = &self.item_form {
            render_item_form(shell, form, frame, main);
        }
        if self.carried_open {
            render_carried(shell, self, frame, main);
        }
    }

    /// Draw a question of this screen over the phase (below the clocks).
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let (title, question) = match confirm {
            Confirm::Finish => (
                t.conversation.confirm_title,
                t.conversation.confirm_finish.to_string(),
            ),
            Confirm::RemoveItem => (
                t.conversation.confirm_title,
                t.conversation.confirm_remove.to_string(),
            ),
            Confirm::CountGap => match self.gap_question(t) {
                Some(question) => (t.clock.gap_title, question),
                None => return,
            },
            Confirm::DeleteSession | Confirm::UseClient | Confirm::QuitApp => return,
        };
        let mut lines = vec![Line::raw(question)];
        // Name the item that would go.
        if confirm == Confirm::RemoveItem
            && let Focus::List(l) = self.focus
            && let Some(list) = self.session.guide.phases[self.current()].lists.get(l)
            && let Some(item) = items(self, &list.id).get(self.row)
        {
            let text: Vec<&str> = item
                .values
                .iter()
                .map(String::as_str)
                .filter(|v| !v.trim().is_empty())
                .collect();
            lines.push(Line::from(Span::styled(
                format!("“{}”", text.join(" · ")),
                style(shell, Role::Title),
            )));
        }
        lines.push(Line::raw(""));
        lines.push(Line::raw(t.conversation.confirm_keys));
        let [_, main] = split(self, area);
        popup(shell, frame, main, title, lines);
    }
}

fn state_role(state: PhaseState) -> Role {
    match state {
        PhaseState::Normal => Role::Ok,
        PhaseState::Near => Role::Near,
        PhaseState::Over => Role::Over,
    }
}

fn render_phases(shell: &Shell, conv: &ConvState, view: &TimerView, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let s = &conv.session;
    let outer = block(shell, format!(" {} ", t.conversation.phases), false);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let two_lines = (s.phases.len() * 2) as u16 <= inner.height;
    let mut lines = Vec::new();
    for (i, (phase, pt)) in s.guide.phases.iter().zip(&view.phases).enumerate() {
        let current = i == conv.current();
        let mark = if current {
            "▸"
        } else if pt.skipped {
            "–"
        } else if pt.done {
            "✓"
        } else {
            " "
        };
        let title_style = if current {
            style(shell, Role::Focus)
        } else {
            Style::default()
        };
        let head = format!("{mark}{} {}", i + 1, phase.title);
        let budget_min = pt.budget / 60;
        let mut times = vec![Span::styled(
            format!("{}/{budget_min}", clock(pt.elapsed)),
            style(
                shell,
                if pt.elapsed > 0 {
                    state_role(pt.state)
                } else {
                    Role::Dim
                },
            ),
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
        if two_lines {
            lines.push(Line::from(Span::styled(
                truncate(&head, inner.width as usize),
                title_style,
            )));
            let mut second = vec![Span::raw("   ")];
            second.extend(times);
            lines.push(Line::from(second));
        } else {
            let times_width: usize = times.iter().map(|s| s.content.width()).sum();
            let room = (inner.width as usize).saturating_sub(times_width + 1);
            let mut one = vec![Span::styled(
                format!("{:<room$} ", truncate(&head, room)),
                title_style,
            )];
            one.extend(times);
            lines.push(Line::from(one));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Word-wrap a text at `width` columns (a word longer than a line is cut).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && line.width() + c.to_string().width() > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The phase's side: its guide (goal, guidance, questions) on top, the
/// notes in the middle (beside the revisited notes, if any), the lists pane
/// below.
fn render_phase(shell: &Shell, conv: &ConvState, frame: &mut Frame, area: Rect) {
    let lists = ListsPane::of(shell, conv, area.width.saturating_sub(2) as usize);
    let lists_height = if lists.is_empty() {
        0
    } else {
        (lists.lines.len() as u16 + 2)
            .min(area.height * 2 / 5)
            .max(4)
    };
    let guide = guide::lines(shell, conv, area.width.saturating_sub(2));
    // Beside revisited notes the guide takes no more rows than it needs, so
    // that those notes get them.
    let guide_height = if conv.revisited().is_some() {
        let rows = Paragraph::new(guide.0.clone())
            .wrap(Wrap { trim: false })
            .line_count(area.width.saturating_sub(2));
        Constraint::Length(
            u16::try_from(rows)
                .unwrap_or(u16::MAX)
                .saturating_add(2)
                .min(area.height * 45 / 100),
        )
    } else {
        Constraint::Percentage(45)
    };
    let [guide_area, notes_area, lists_area] = Layout::vertical([
        guide_height,
        Constraint::Min(5),
        Constraint::Length(lists_height),
    ])
    .areas(area);
    guide::render(shell, conv, frame, guide_area, guide);
    render_notes(shell, conv, frame, notes_area);
    if lists_height > 0 {
        render_lists(shell, conv, lists, frame, lists_area);
    }
}

/// The notes (or the private note), beside the revisited notes in a phase
/// that revisits an earlier one.
fn render_notes(shell: &Shell, conv: &ConvState, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let private = conv.focus == Focus::Private;
    let mut title = if private {
        format!(" {} ", t.conversation.private_notes)
    } else {
        format!(" {} ", t.conversation.notes)
    };
    if conv.editing && (conv.focus == Focus::Notes || private) {
        title.push_str(&format!("· {} ", t.conversation.typing));
    }
    let focused = conv.focus == Focus::Notes || private;
    // The earlier notes have a pane of their own that scrolls; in a narrow
    // window they get the larger part, to be read in fewer rows.
    let notes_area = match conv.revisited() {
        Some(ri) => {
            let (own, earlier) = if area.width < 70 { (2, 3) } else { (1, 1) };
            let [notes_area, revisit_area] =
                Layout::horizontal([Constraint::Fill(own), Constraint::Fill(earlier)]).areas(area);
            guide::render_revisit(shell, conv, ri, frame, revisit_area);
            notes_area
        }
        None => area,
    };
    let notes_block = block(shell, title, focused);
    let inner = notes_block.inner(notes_area);
    frame.render_widget(notes_block, notes_area);
    if private {
        conv.private.render(frame, inner);
    } else {
        conv.notes.render(frame, inner);
    }
}

/// The lists pane, scrolled so that the selected row is in view.
fn render_lists(shell: &Shell, conv: &ConvState, pane: ListsPane, frame: &mut Frame, area: Rect) {
    let any_focus = matches!(
        conv.focus,
        Focus::List(_) | Focus::Rating(_) | Focus::Carried
    );
    let title = format!(" {} ", shell.texts().conversation.lists);
    let lists_block = block(shell, title, any_focus);
    let inner = lists_block.inner(area);
    let scroll = pane
        .selected
        .map(|l| (l as u16 + 1).saturating_sub(inner.height))
        .unwrap_or(0);
    frame.render_widget(
        Paragraph::new(pane.lines)
            .block(lists_block)
            .scroll((scroll, 0)),
        area,
    );
}

fn item_text(columns: &[String], values: &[String]) -> String {
    let mut parts = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if v.is_empty() {
            continue;
        }
        if i == 0 {
            parts.push(v.clone());
        } else {
            let name = columns.get(i).map(String::as_str).unwrap_or("");
            parts.push(format!("{name}: {v}"));
        }
    }
    parts.join(" · ")
}

/// Every open item of earlier talks over the phase, with where it came
/// from and what was decided (`u` opens and closes it).
fn render_carried(shell: &Shell, conv: &ConvState, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let width = area.width.saturating_sub(4).min(90);
    let mut lines = Vec::new();
    let mut selected_row = 0;
    for (i, c) in conv.session.carried.iter().enumerate() {
        if i == conv.row {
            selected_row = lines.len();
        }
        let text = format!(
            "{} {}",
            lists::carried_mark(c),
            item_text(&c.columns, &c.item.values)
        );
        let line = Line::raw(truncate(&text, usize::from(width.saturating_sub(2))));
        lines.push(if i == conv.row {
            line.style(style(shell, Role::Selected))
        } else {
            line
        });
        lines.push(Line::from(Span::styled(
            format!("    {}", carried_origin(t, c)),
            style(shell, Role::Dim),
        )));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner = height.saturating_sub(2) as usize;
    let scroll = (selected_row + 2).saturating_sub(inner) as u16;
    frame.render_widget(Clear, rect);
    let title = format!(" {} ", t.conversation.carried_title);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(block(shell, title, true)),
        rect,
    );
}

/// "uit Ambitiegesprek van 12-11-2026": where an item of an earlier talk
/// came from.
pub fn carried_origin(t: &crate::i18n::Texts, c: &crate::session::CarriedItem) -> String {
    match (c.from_title.trim(), c.from_date) {
        ("", _) => t.conversation.carried_from_earlier.to_string(),
        (title, Some(date)) => {
            (t.conversation.carried_from)(title, &date.format(t.history.date_format).to_string())
        }
        (title, None) => (t.conversation.carried_from)(title, ""),
    }
}

fn render_item_form(shell: &Shell, form: &super::ItemForm, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let height = (form.columns.len() as u16 * 2 + 3).min(area.height);
    let width = area.width.saturating_sub(4).min(70);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let title = if form.editing.is_some() {
        (t.conversation.item_edit_title)(&form.label)
    } else {
        (t.conversation.item_add_title)(&form.label)
    };
    let outer = block(shell, format!(" {title} "), true);
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    for (i, (column, input)) in form.columns.iter().zip(&form.inputs).enumerate() {
        let y = inner.y + i as u16 * 2;
        if y + 1 >= inner.y + inner.height {
            break;
        }
        let role = if i == form.focused {
            Role::Focus
        } else {
            Role::Dim
        };
        frame.render_widget(
            Paragraph::new(Span::styled(column.clone(), style(shell, role))),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        input.render(
            frame,
            Rect {
                x: inner.x + 2,
                y: y + 1,
                width: inner.width.saturating_sub(2),
                height: 1,
            },
        );
    }
}
