//! The lists pane of the conversation screen: one section per list of the
//! phase, per rating, and the open items carried in from earlier sessions.
//! Every item is shown whole, its columns included ("Wie: …", "Wanneer:
//! …"): a long one wraps, its rows going on under the start of its text.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::item_text;
use crate::guide::{List, Rating};
use crate::session::{CarriedItem, CarriedState};
use crate::tui::app::Shell;
use crate::tui::screens::conversation::{ConvState, Focus, items};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::{cut_line, truncate, width as text_width};
use crate::tui::widgets::wrap::{hanging, hanging_text};

/// The pane's lines, and which of them is the selected row (the last row
/// of a selected item that wraps), to scroll it into view.
pub(super) struct ListsPane {
    pub lines: Vec<Line<'static>>,
    pub selected: Option<usize>,
    /// The pane's title: lists, a rating, or both.
    pub title: &'static str,
    /// Whether it shows an item (a list item, a rated item, an open item of
    /// an earlier talk), not only headings.
    pub items: bool,
    width: usize,
}

impl ListsPane {
    /// The pane for the phase on screen, `width` columns inside its border.
    pub fn of(shell: &Shell, conv: &ConvState, width: usize) -> ListsPane {
        let t = &shell.texts().conversation;
        let phase = &conv.session.guide.phases[conv.current()];
        let carried = !conv.carried_here().is_empty();
        let title = match (phase.lists.is_empty() && !carried, phase.ratings.is_empty()) {
            (true, false) => t.rating_pane,
            (false, false) => t.lists_and_rating,
            (_, true) => t.lists,
        };
        let mut pane = ListsPane {
            lines: Vec::new(),
            selected: None,
            title,
            items: false,
            width,
        };
        for (l, list) in phase.lists.iter().enumerate() {
            pane.list(shell, conv, l, list);
        }
        for (r, rating) in phase.ratings.iter().enumerate() {
            pane.rating(shell, conv, r, rating);
        }
        pane.carried(shell, conv);
        pane
    }

    /// Whether the pane has nothing to show (the phase has no lists).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// An item's rows; the selected one's are marked, its last one is
    /// scrolled to.
    fn push_item(&mut self, shell: &Shell, rows: Vec<Line<'static>>, selected: bool) {
        self.items = true;
        if selected {
            let picked = style(shell, Role::Selected);
            self.lines.extend(rows.into_iter().map(|l| l.style(picked)));
            self.selected = Some(self.lines.len().saturating_sub(1));
        } else {
            self.lines.extend(rows);
        }
    }

    /// A section's heading; the hint after it is cut with "…" unless the
    /// section has the focus (then it wraps).
    fn heading(&mut self, spans: Vec<Span<'static>>, focused: bool) {
        if focused {
            self.lines
                .extend(hanging(Span::raw(""), &spans, self.width));
        } else {
            self.lines.push(cut_line(Line::from(spans), self.width));
        }
    }

    /// A list: its label with the count (and the min/max flags), its hint,
    /// and its items.
    fn list(&mut self, shell: &Shell, conv: &ConvState, l: usize, list: &List) {
        let t = shell.texts();
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
        let mut spans = vec![heading_span(shell, head, focused)];
        if !list.hint.is_empty() {
            spans.push(Span::styled(
                format!(" · {}", list.hint),
                style(shell, Role::Dim),
            ));
        }
        self.heading(spans, focused);
        if its.is_empty() {
            self.lines.push(Line::from(Span::styled(
                truncate(&format!("  {}", t.conversation.list_empty), self.width),
                style(shell, Role::Dim),
            )));
        }
        for (i, item) in its.iter().enumerate() {
            let text = item_text(&list.columns, &item.values);
            // Done (Space): a tick instead of the bullet.
            let mark = if item.done { "  ✓ " } else { "  • " };
            let rows = hanging_text(mark, &text, Style::default(), self.width);
            self.push_item(shell, rows, focused && i == conv.row);
        }
    }

    /// A rating: its label, then each item with its chosen step.
    fn rating(&mut self, shell: &Shell, conv: &ConvState, r: usize, rating: &Rating) {
        let t = shell.texts();
        let width = self.width;
        let focused = conv.focus == Focus::Rating(r);
        self.lines.push(Line::from(heading_span(
            shell,
            truncate(&rating.label, width),
            focused,
        )));
        let chosen = conv.session.phases[conv.current()].ratings.get(&rating.id);
        let steps = rating.scale.len();
        // A chosen step with its place on the scale: `[2/3 minder sterk]`.
        let step = |v: &str| match rating.scale.iter().position(|s| s == v) {
            Some(p) => format!("[{}/{steps} {v}]", p + 1),
            None => format!("[{v}]"),
        };
        let step_width = rating
            .scale
            .iter()
            .map(|v| text_width(&step(v)))
            .max()
            .unwrap_or(0);
        let item_width = label_width(rating, width, step_width);
        let step_room = width.saturating_sub(4 + item_width);
        for (i, item) in rating.items.iter().enumerate() {
            let value = chosen.and_then(|v| v.get(i)).filter(|v| !v.is_empty());
            let shown = value
                .map(|v| step(v))
                .unwrap_or_else(|| format!("[{}]", t.conversation.not_rated));
            let shown = truncate(&shown, step_room);
            let selected = focused && i == conv.row;
            let labels: Vec<String> = if selected {
                hanging_text("", item, Style::default(), item_width)
                    .iter()
                    .map(|l| l.to_string())
                    .collect()
            } else {
                vec![truncate(item, item_width)]
            };
            let rows = labels
                .iter()
                .enumerate()
                .map(|(k, label)| {
                    if k == 0 {
                        let pad = " ".repeat(item_width.saturating_sub(text_width(label)));
                        Line::raw(format!("  {label}{pad}  {shown}"))
                    } else {
                        Line::raw(format!("  {label}"))
                    }
                })
                .collect();
            // Every row of the selected item is marked; the last one is
            // scrolled to, so all of it comes into view.
            self.push_item(shell, rows, selected);
        }
    }

    /// The open items carried in from earlier sessions, marked done or not.
    fn carried(&mut self, shell: &Shell, conv: &ConvState) {
        let carried = conv.carried_here();
        if carried.is_empty() {
            return;
        }
        let focused = conv.focus == Focus::Carried;
        let title = shell.texts().conversation.carried_title;
        let head = format!("{title} ({})", carried.len());
        self.heading(vec![heading_span(shell, head, focused)], focused);
        for (row, &i) in carried.iter().enumerate() {
            let c = &conv.session.carried[i];
            let lead = format!("  {} ", carried_mark(c));
            let text = item_text(&c.columns, &c.item.values);
            let rows = hanging_text(&lead, &text, Style::default(), self.width);
            self.push_item(shell, rows, focused && row == conv.row);
        }
    }
}

/// What was decided about an item of an earlier talk: `[ ]` carried on,
/// `[x]` done, `[-]` dropped.
pub(in crate::tui::screens::conversation) fn carried_mark(c: &CarriedItem) -> &'static str {
    match c.state() {
        CarriedState::CarriedOn => "[ ]",
        CarriedState::Done => "[x]",
        CarriedState::Dropped => "[-]",
    }
}

/// A section's heading, marked when its section has the focus.
fn heading_span(shell: &Shell, text: String, focused: bool) -> Span<'static> {
    let role = if focused { Role::Focus } else { Role::Title };
    Span::styled(text, style(shell, role))
}

/// The width of a rating's item labels: what the widest step leaves over,
/// but at least a third of the pane and at most 40 columns; longer labels
/// are cut with `…`, except the selected one, which wraps.
fn label_width(rating: &Rating, width: usize, step_width: usize) -> usize {
    rating
        .items
        .iter()
        .map(|i| text_width(i))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(4 + step_width).max(width / 3).min(40))
        .max(1)
}
