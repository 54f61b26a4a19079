//! Drawing the conversation screen: clocks on top, phases on the left, the
//! phase's guide, notes and lists on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{ConvState, Focus, items};
use crate::session::Timestamp;
use crate::timer::{self, PhaseState, TimerView};
use crate::tui::app::{Confirm, Shell};
use crate::tui::screens::{block, clock, clock_pair, popup};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::wrapped_rows;

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
        render_clocks(shell, self, &view, frame, top, now);
        let left_width = if area.width >= 100 { 34 } else { 26 };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(main);
        render_phases(shell, self, &view, frame, left);
        render_phase(shell, self, frame, right);
        if let Some(form) = &self.item_form {
            render_item_form(shell, form, frame, main);
        }
    }

    /// Draw a question of this screen over the phase (below the clocks).
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let question = match confirm {
            Confirm::Finish => t.conversation.confirm_finish,
            Confirm::RemoveItem => t.conversation.confirm_remove,
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
        popup(shell, frame, main, t.conversation.confirm_title, lines);
    }
}

fn state_role(state: PhaseState) -> Role {
    match state {
        PhaseState::Normal => Role::Ok,
        PhaseState::Near => Role::Near,
        PhaseState::Over => Role::Over,
    }
}

fn render_clocks(
    shell: &Shell,
    conv: &ConvState,
    view: &TimerView,
    frame: &mut Frame,
    area: Rect,
    now: Timestamp,
) {
    let t = shell.texts();
    let s = &conv.session;
    let cur = conv.current();
    let mut title = vec![Span::styled(
        s.guide.title.clone(),
        style(shell, Role::Title),
    )];
    if !s.client.is_empty() {
        title.push(Span::raw(format!(" · {}", s.client)));
    }
    title.push(Span::styled(
        format!("   {}", now.format("%H:%M")),
        style(shell, Role::Dim),
    ));
    if view.paused {
        title.push(Span::raw("   "));
        title.push(Span::styled(
            format!(" {} ", t.conversation.paused),
            style(shell, Role::Paused),
        ));
    }
    let mut total = vec![Span::raw(format!(
        "{} {}",
        t.conversation.total,
        clock_pair(view.total_elapsed, view.planned)
    ))];
    // Narrow windows get the short labels so the line fits.
    let (planned_end, pace, rest) = if area.width >= 100 {
        (
            t.conversation.planned_end,
            t.conversation.at_this_pace,
            t.conversation.left_for_rest,
        )
    } else {
        (
            t.conversation.planned_end_short,
            t.conversation.at_this_pace_short,
            t.conversation.left_for_rest_short,
        )
    };
    total.push(Span::styled(
        format!(" · {planned_end} {}", view.planned_end.format("%H:%M")),
        style(shell, Role::Dim),
    ));
    let role = if view.behind_by > 0 {
        Role::Near
    } else {
        Role::Dim
    };
    total.push(Span::styled(
        format!(" · {pace} {}", view.projected_end.format("%H:%M")),
        style(shell, role),
    ));
    total.push(Span::styled(
        format!(
            " · {rest} {} {}",
            view.remaining_for_rest.max(0) / 60,
            t.common.minutes_short
        ),
        style(shell, Role::Dim),
    ));
    let pt = &view.phases[cur];
    let role = state_role(pt.state);
    let marker = match pt.state {
        PhaseState::Normal => String::new(),
        PhaseState::Near => format!("  {}", t.conversation.near_budget),
        PhaseState::Over => format!(
            "  {} +{}",
            t.conversation.over_budget,
            clock(pt.elapsed - pt.budget)
        ),
    };
    let gauge_width = 20usize;
    let filled = if pt.budget > 0 {
        ((pt.elapsed.max(0) as f64 / pt.budget as f64) * gauge_width as f64).round() as usize
    } else {
        gauge_width
    }
    .min(gauge_width);
    let phase = vec![
        Span::raw(format!(
            "{} {}/{} {}  ",
            t.conversation.phase,
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
        Span::styled("░".repeat(gauge_width - filled), style(shell, Role::Dim)),
        Span::styled(marker, style(shell, role)),
    ];
    let mut lines = vec![Line::from(title), Line::from(total), Line::from(phase)];
    if let Some((text, _)) = &conv.banner {
        lines.push(Line::from(Span::styled(
            format!(" ⏰ {text} "),
            style(shell, Role::Banner),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
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

/// Cut a string to at most `width` columns, with an ellipsis.
fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
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

/// How many screen lines a text takes when wrapped at `width` (an estimate
/// for scrolling; word wrapping may use a line more).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let w = width.max(1) as usize;
    text.split('\n')
        .map(|l| l.width().div_ceil(w).max(1) as u16)
        .sum()
}

fn render_phase(shell: &Shell, conv: &ConvState, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let s = &conv.session;
    let cur = conv.current();
    let phase = &s.guide.phases[cur];
    let record = &s.phases[cur];

    // The lists pane: one section per list, rating and the carried items.
    let mut list_lines: Vec<Line> = Vec::new();
    let mut selected_line = None;
    for (l, list) in phase.lists.iter().enumerate() {
        let focused = conv.focus == Focus::List(l);
        let its = items(conv, &list.id);
        let mut head = format!("{} ({})", list.label, its.len());
        if let Some(min) = list.min
            && (its.len() as u32) < min
        {
            head.push_str(&format!("  {}", (t.conversation.list_too_few)(min)));
        }
        if let Some(max) = list.max
            && (its.len() as u32) > max
        {
            head.push_str(&format!("  {}", (t.conversation.list_too_many)(max)));
        }
        let head_role = if focused { Role::Focus } else { Role::Title };
        let mut head_spans = vec![Span::styled(head, style(shell, head_role))];
        if !list.hint.is_empty() {
            head_spans.push(Span::styled(
                format!(" · {}", list.hint),
                style(shell, Role::Dim),
            ));
        }
        list_lines.push(Line::from(head_spans));
        if its.is_empty() {
            list_lines.push(Line::from(Span::styled(
                format!("  {}", t.conversation.list_empty),
                style(shell, Role::Dim),
            )));
        }
        for (i, item) in its.iter().enumerate() {
            let text = item_text(&list.columns, &item.values);
            // Done (Space): a tick instead of the bullet.
            let mark = if item.done { "✓" } else { "•" };
            let line = Line::raw(format!("  {mark} {text}"));
            if focused && i == conv.row {
                selected_line = Some(list_lines.len());
                list_lines.push(line.style(style(shell, Role::Selected)));
            } else {
                list_lines.push(line);
            }
        }
    }
    // The lists pane's inner width.
    let pane_width = area.width.saturating_sub(2) as usize;
    for (r, rating) in phase.ratings.iter().enumerate() {
        let focused = conv.focus == Focus::Rating(r);
        let head_role = if focused { Role::Focus } else { Role::Title };
        list_lines.push(Line::from(Span::styled(
            truncate(&rating.label, pane_width),
            style(shell, head_role),
        )));
        let chosen = record.ratings.get(&rating.id);
        let steps = rating.scale.len();
        // A chosen step with its place on the scale: `[2/3 minder sterk]`.
        let step = |v: &str| match rating.scale.iter().position(|s| s == v) {
            Some(p) => format!("[{}/{steps} {v}]", p + 1),
            None => format!("[{v}]"),
        };
        let step_width = rating
            .scale
            .iter()
            .map(|v| step(v).width())
            .max()
            .unwrap_or(0);
        // The item labels get what the widest step leaves over, but at least
        // a third of the pane and at most 40 columns; longer labels are cut
        // with `…`, except the selected one, which wraps.
        let item_width = rating
            .items
            .iter()
            .map(|i| i.width())
            .max()
            .unwrap_or(0)
            .min(
                pane_width
                    .saturating_sub(4 + step_width)
                    .max(pane_width / 3)
                    .min(40),
            )
            .max(1);
        let step_room = pane_width.saturating_sub(4 + item_width);
        for (i, item) in rating.items.iter().enumerate() {
            let value = chosen.and_then(|v| v.get(i)).filter(|v| !v.is_empty());
            let shown = value
                .map(|v| step(v))
                .unwrap_or_else(|| format!("[{}]", t.conversation.not_rated));
            let shown = truncate(&shown, step_room);
            let selected = focused && i == conv.row;
            let labels = if selected {
                wrap_words(item, item_width)
            } else {
                vec![truncate(item, item_width)]
            };
            for (k, label) in labels.iter().enumerate() {
                let line = if k == 0 {
                    let pad = " ".repeat(item_width.saturating_sub(label.width()));
                    Line::raw(format!("  {label}{pad}  {shown}"))
                } else {
                    Line::raw(format!("  {label}"))
                };
                if selected {
                    // The last row of the selected item, so all of it scrolls
                    // into view.
                    selected_line = Some(list_lines.len());
                    list_lines.push(line.style(style(shell, Role::Selected)));
                } else {
                    list_lines.push(line);
                }
            }
        }
    }
    let carried = conv.carried_here();
    if !carried.is_empty() {
        let focused = conv.focus == Focus::Carried;
        let head_role = if focused { Role::Focus } else { Role::Title };
        list_lines.push(Line::from(Span::styled(
            t.conversation.carried_title,
            style(shell, head_role),
        )));
        for (row, &i) in carried.iter().enumerate() {
            let c = &s.carried[i];
            let mark = if c.done { "[x]" } else { "[ ]" };
            let line = Line::raw(format!(
                "  {mark} {}",
                item_text(&c.columns, &c.item.values)
            ));
            if focused && row == conv.row {
                selected_line = Some(list_lines.len());
                list_lines.push(line.style(style(shell, Role::Selected)));
            } else {
                list_lines.push(line);
            }
        }
    }

    let lists_height = if list_lines.is_empty() {
        0
    } else {
        (list_lines.len() as u16 + 2)
            .min(area.height * 2 / 5)
            .max(4)
    };
    let guide = guide_lines(shell, conv, area.width.saturating_sub(2));
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

    render_guide(shell, conv, frame, guide_area, guide);

    // Notes (or the private note).
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
    // A phase that revisits an earlier one shows that phase's notes beside
    // its own, in a pane of their own that scrolls; in a narrow window they
    // get the larger part, to be read in fewer rows.
    let notes_area = match conv.revisited() {
        Some(ri) => {
            let (own, earlier) = if notes_area.width < 70 {
                (2, 3)
            } else {
                (1, 1)
            };
            let [notes_area, revisit_area] =
                Layout::horizontal([Constraint::Fill(own), Constraint::Fill(earlier)])
                    .areas(notes_area);
            render_revisit(shell, conv, ri, frame, revisit_area);
            notes_area
        }
        None => notes_area,
    };
    let notes_block = block(shell, title, focused);
    let inner = notes_block.inner(notes_area);
    frame.render_widget(notes_block, notes_area);
    if private {
        conv.private.render(frame, inner);
    } else {
        conv.notes.render(frame, inner);
    }

    if lists_height > 0 {
        let any_focus = matches!(
            conv.focus,
            Focus::List(_) | Focus::Rating(_) | Focus::Carried
        );
        let lists_block = block(shell, format!(" {} ", t.conversation.lists), any_focus);
        let inner = lists_block.inner(lists_area);
        let scroll = selected_line
            .map(|l| (l as u16 + 1).saturating_sub(inner.height))
            .unwrap_or(0);
        frame.render_widget(
            Paragraph::new(list_lines)
                .block(lists_block)
                .scroll((scroll, 0)),
            lists_area,
        );
    }
}

/// The notes of the revisited phase `ri`, read-only, word-wrapped; when they
/// do not fit, the bottom border says which rows are shown and ↑/↓ say there
/// is more.
fn render_revisit(shell: &Shell, conv: &ConvState, ri: usize, frame: &mut Frame, area: Rect) {
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

/// The guide pane's text at an inner width: goal, guidance and questions,
/// with where the selected question is (first wrapped row, rows).
fn guide_lines(
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

fn render_guide(
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
