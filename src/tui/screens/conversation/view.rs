//! Drawing the conversation screen: clocks on top (and a reminder's
//! banner), phases on the left, the phase's guide, notes and lists on the
//! right (`layout.rs` shares the rows out).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

mod banner;
mod cache;
mod clocks;
mod guide;
mod guide_memo;
mod layout;
mod lists;
mod phases;

use super::{ConvState, Focus, items};
use crate::session::Timestamp;
use crate::timer::{self, PhaseState};
use crate::tui::app::{Confirm, Shell};
use crate::tui::screens::{block, popup};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::wrap::hanging_text;
use layout::{InUse, Wants};
use lists::ListsPane;

pub use cache::PhaseCache;
pub use guide_memo::GuideMemo;

/// The clocks on top, a reminder's banner (its rows), and the rest.
fn split(area: Rect, banner_rows: usize) -> [Rect; 3] {
    let banner = u16::try_from(banner_rows).unwrap_or(u16::MAX);
    Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(banner),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// Where the screen's parts go.
struct Areas {
    clocks: Rect,
    banner: Rect,
    /// Below the clocks and the banner: the phases and the phase's side.
    main: Rect,
    phases: Rect,
    side: Rect,
}

impl Areas {
    fn of(area: Rect, banner_rows: usize) -> Areas {
        let [clocks, banner, main] = split(area, banner_rows);
        let phases_width = if area.width >= 100 { 34 } else { 26 };
        let [phases, side] =
            Layout::horizontal([Constraint::Length(phases_width), Constraint::Min(20)]).areas(main);
        Areas {
            clocks,
            banner,
            main,
            phases,
            side,
        }
    }
}

impl ConvState {
    /// Draw the conversation screen.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect, now: Timestamp) {
        let view = timer::snapshot(&self.session, now);
        let banner = banner::lines(shell, self, area.width);
        let at = Areas::of(area, banner.len());
        clocks::render(shell, self, &view, frame.buffer_mut(), at.clocks, now);
        banner::render(banner, frame, at.banner);
        phases::render(shell, self, &view, frame.buffer_mut(), at.phases);
        self.drawn.render(shell, self, frame, at.side, |frame| {
            render_phase(shell, self, frame, at.side)
        });
        if let Some(form) = &self.item_form {
            render_item_form(shell, form, frame, at.main);
        }
        if self.carried_open {
            render_carried(shell, self, frame, at.main);
        }
    }

    /// Where the parts that move with the clock alone are drawn, in
    /// `area` (the screen's body): the clocks on top and the phase list
    /// rows (each phase's time and proposal). Nothing else on this screen
    /// depends on the time. `None` while a form or the carried items are
    /// drawn over them.
    pub fn ticking_areas(&self, shell: &Shell, area: Rect) -> Option<[Rect; 2]> {
        if self.item_form.is_some() || self.carried_open {
            return None;
        }
        let at = Areas::of(area, banner::lines(shell, self, area.width).len());
        Some([at.clocks, phases::rows_area(shell, at.phases)])
    }

    /// Draw the parts that move with the clock alone, each into its
    /// buffer: `parts` has the areas `ticking_areas` gave, in its order.
    pub fn render_ticking(&self, shell: &Shell, parts: &mut [Buffer; 2], now: Timestamp) {
        let view = timer::snapshot(&self.session, now);
        let [clocks_buf, phases_buf] = parts;
        let area = clocks_buf.area;
        clocks::render(shell, self, &view, clocks_buf, area, now);
        let area = phases_buf.area;
        phases::render_rows(shell, self, &view, phases_buf, area);
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
            Confirm::DiscardItem => (
                t.conversation.confirm_title,
                t.conversation.confirm_discard.to_string(),
            ),
            Confirm::DeleteSession
            | Confirm::UseClient
            | Confirm::QuitApp
            | Confirm::ArchivePlan => return,
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
        let banner = banner::lines(shell, self, area.width).len();
        let [_, _, main] = split(area, banner);
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

/// The pane in use, for the layout.
fn in_use(conv: &ConvState) -> InUse {
    if conv.editing {
        return InUse::Typing;
    }
    match conv.focus {
        Focus::Questions => InUse::Questions,
        Focus::List(_) | Focus::Rating(_) | Focus::Carried => InUse::Lists,
        Focus::Notes | Focus::Private | Focus::Revisit => InUse::Nothing,
    }
}

/// The phase's side: its guide (goal, guidance, questions) on top, the
/// notes in the middle (beside the revisited notes, if any), the lists pane
/// below, each with the rows `layout::plan` gives it.
fn render_phase(shell: &Shell, conv: &ConvState, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width.saturating_sub(2));
    let lists = ListsPane::of(shell, conv, width);
    let guide = conv.guide_pane.pane(shell, conv, width);
    let wants = Wants {
        questions_min: guide.questions_min(),
        questions_full: guide.questions_full(),
        goal: guide.goal_rows(),
        text: guide.text_rows(),
        lists: (!lists.is_empty()).then(|| u16::try_from(lists.lines.len()).unwrap_or(u16::MAX)),
        list_items: lists.items,
        focus: in_use(conv),
    };
    let plan = layout::plan(area.height, &wants);
    let [guide_area, notes_area, lists_area] = Layout::vertical([
        Constraint::Length(plan.guide),
        Constraint::Length(plan.notes),
        Constraint::Length(plan.lists),
    ])
    .areas(area);
    if plan.guide > 0 {
        guide.render(shell, conv, frame, guide_area, &plan);
    }
    render_notes(shell, conv, frame, notes_area);
    if plan.lists > 0 {
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
    let title = truncate(&title, usize::from(notes_area.width.saturating_sub(2)));
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
    let title = truncate(
        &format!(" {} ", pane.title),
        usize::from(area.width.saturating_sub(2)),
    );
    let mut lists_block = block(shell, title, any_focus);
    let inner = lists_block.inner(area);
    let rows = u16::try_from(pane.lines.len()).unwrap_or(u16::MAX);
    let scroll = pane
        .selected
        .map(|l| (u16::try_from(l).unwrap_or(u16::MAX) + 1).saturating_sub(inner.height))
        .unwrap_or(0);
    // Arrows on the border say there is more above or below.
    let up = if scroll > 0 { "↑" } else { "" };
    let down = if scroll + inner.height < rows {
        "↓"
    } else {
        ""
    };
    if !up.is_empty() || !down.is_empty() {
        lists_block = lists_block.title_bottom(Line::from(format!(" {up}{down} ")).right_aligned());
    }
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
    let text_width = usize::from(width.saturating_sub(2));
    let mut lines = Vec::new();
    let mut selected_end = 0;
    for (i, c) in conv.session.carried.iter().enumerate() {
        let lead = format!("{} ", lists::carried_mark(c));
        let text = item_text(&c.columns, &c.item.values);
        let mut rows = hanging_text(&lead, &text, Style::default(), text_width);
        if i == conv.row {
            let picked = style(shell, Role::Selected);
            rows = rows.into_iter().map(|l| l.style(picked)).collect();
        }
        lines.extend(rows);
        lines.push(Line::from(Span::styled(
            truncate(&format!("    {}", carried_origin(t, c)), text_width),
            style(shell, Role::Dim),
        )));
        if i == conv.row {
            selected_end = lines.len();
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner = height.saturating_sub(2) as usize;
    let scroll = u16::try_from(selected_end.saturating_sub(inner)).unwrap_or(u16::MAX);
    frame.render_widget(Clear, rect);
    let title = truncate(&format!(" {} ", t.conversation.carried_title), text_width);
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
    let title = truncate(&format!(" {title} "), usize::from(width.saturating_sub(2)));
    let outer = block(shell, title, true);
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
        let column = truncate(column, usize::from(inner.width));
        frame.render_widget(
            Paragraph::new(Span::styled(column, style(shell, role))),
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
