//! Drawing the history: the search box and the filters on top, then one
//! row per session (date, time, guide, client, planned/actual minutes,
//! status), and under a session the search found, where it found the text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{EntryStatus, HistoryEntry, HistoryState, HitPart, Row};
use crate::tui::app::{Confirm, Shell};
use crate::tui::screens::{block, popup};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::{cut_line, fit, truncate, width};
use crate::tui::widgets::window::list_window;
use crate::tui::widgets::wrap::hanging_text;
use unicode_width::UnicodeWidthStr;

/// Column widths: date, time, and the least for the minutes (the rest goes
/// to the minutes the rows need, guide, client and status).
const DATE: usize = 10;
const TIME: usize = 5;
const MINUTES: usize = 5;

impl HistoryState {
    /// Draw the history.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = &shell.texts().history;
        let rows = self.rows();
        let more = self
            .found
            .as_ref()
            .is_some_and(|f| f.more && !self.query().is_empty());
        let title = match &self.entries {
            Some(entries) if more => (t.title_newest)(rows.len(), entries.len()),
            Some(entries) if rows.len() == entries.len() => (t.title)(entries.len()),
            Some(entries) => (t.title_of)(rows.len(), entries.len()),
            None => t.title_reading.to_string(),
        };
        let outer = block(shell, format!(" {title} "), true);
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let [top, head, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        self.render_top(shell, frame, top);
        let widths = match &self.entries {
            Some(entries) => Widths::of(usize::from(inner.width), shell, entries, &rows),
            None => Widths::of(usize::from(inner.width), shell, &[], &[]),
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                widths.head(shell),
                style(shell, Role::Dim),
            ))),
            head,
        );
        self.render_rows(shell, &rows, &widths, frame, list);
    }

    /// The search box (or how to open it) and the filters.
    fn render_top(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = &shell.texts().history;
        let client = self.client.as_deref().unwrap_or(t.every_client);
        let guide = self.guide_title().unwrap_or(t.every_guide);
        let filters = format!("{}: {client}  {}: {guide}", t.client, t.guide);
        let filters = truncate(&filters, usize::from(area.width / 2));
        let filters_width = u16::try_from(width(&filters)).unwrap_or(u16::MAX);
        let [search, _, right] = Layout::horizontal([
            Constraint::Min(10),
            Constraint::Length(2),
            Constraint::Length(filters_width),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(filters, style(shell, Role::Dim))),
            right,
        );
        let label = format!("{}: ", t.search);
        let label_width = u16::try_from(width(&label)).unwrap_or(u16::MAX);
        let [label_area, input_area] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(1)]).areas(search);
        let role = if self.typing { Role::Focus } else { Role::Dim };
        frame.render_widget(
            Paragraph::new(Span::styled(label, style(shell, role))),
            label_area,
        );
        match &self.search {
            Some(input) => input.render(frame, input_area),
            None => {
                let hint = truncate(t.search_hint, usize::from(input_area.width));
                frame.render_widget(
                    Paragraph::new(Span::styled(hint, style(shell, Role::Dim))),
                    input_area,
                );
            }
        }
    }

    /// The title of the guide filtered by.
    fn guide_title(&self) -> Option<&str> {
        let id = self.guide.as_deref()?;
        self.entries
            .as_ref()?
            .iter()
            .find(|e| e.guide_id == id)
            .map(|e| e.guide_title.as_str())
    }

    /// One item per row (a hit's parts under its session), the selected
    /// one in view.
    fn render_rows(
        &self,
        shell: &Shell,
        rows: &[Row],
        widths: &Widths,
        frame: &mut Frame,
        area: Rect,
    ) {
        let t = &shell.texts().history;
        let Some(entries) = &self.entries else {
            let text = Span::styled(t.reading, style(shell, Role::Dim));
            frame.render_widget(Paragraph::new(text), area);
            return;
        };
        if rows.is_empty() {
            let query = self.query();
            let text = if !query.is_empty() {
                (t.nothing_found)(&query)
            } else if entries.is_empty() {
                t.no_sessions.to_string()
            } else {
                t.nothing_filtered.to_string()
            };
            let text = Span::styled(text, style(shell, Role::Dim));
            frame.render_widget(Paragraph::new(text), area);
            return;
        }
        let parts = |row: &Row| {
            row.hit
                .and_then(|h| self.found.as_ref()?.hits.get(h))
                .map_or(&[][..], |hit| hit.parts.as_slice())
        };
        // The selected row of a damaged file says all of why, wrapped.
        let width = usize::from(area.width);
        let damaged = rows
            .get(self.selected)
            .and_then(|row| widths.damaged_lines(shell, &entries[row.entry], width));
        // Only the rows that can be on screen are built (thousands of
        // sessions: a frame took 56-70 ms at 10,000).
        let heights: Vec<usize> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| match &damaged {
                Some(lines) if i == self.selected => lines.len(),
                _ => 1 + parts(row).len(),
            })
            .collect();
        let window = list_window(&heights, Some(self.selected), usize::from(area.height));
        let items: Vec<ListItem> = rows[window.clone()]
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let entry = &entries[row.entry];
                if let Some(lines) = damaged
                    .as_ref()
                    .filter(|_| window.start + i == self.selected)
                {
                    return ListItem::new(Text::from(lines.clone()));
                }
                let mut lines = vec![Line::raw(widths.row(shell, entry))];
                lines.extend(
                    parts(row)
                        .iter()
                        .map(|p| hit_line(shell, p, usize::from(area.width))),
                );
                ListItem::new(Text::from(lines))
            })
            .collect();
        let mut state =
            ListState::default().with_selected(Some(self.selected.saturating_sub(window.start)));
        let list = List::new(items).highlight_style(style(shell, Role::Selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// Draw a question of this screen over it.
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        let (Confirm::DeleteSession, Some(entry)) = (confirm, self.selected_entry()) else {
            return;
        };
        confirm_delete(shell, entry, frame, area);
    }
}

/// The question before a session is deleted, naming it.
pub fn confirm_delete(shell: &Shell, entry: &HistoryEntry, frame: &mut Frame, area: Rect) {
    let t = shell.texts();
    let lines = vec![
        Line::raw((t.history.confirm_delete)(
            &entry.guide_title,
            &entry.client,
        )),
        Line::from(Span::styled(
            entry.file_name.clone(),
            style(shell, Role::Dim),
        )),
        Line::raw(""),
        Line::raw(t.conversation.confirm_keys),
    ];
    popup(shell, frame, area, t.conversation.confirm_title, lines);
}

/// Where a search found its text: what it is, and the words around the
/// match with the match marked.
fn hit_line(shell: &Shell, part: &HitPart, width: usize) -> Line<'static> {
    let t = &shell.texts().history;
    let mut label = part.label.clone();
    if part.private {
        label = format!("{} · {label}", t.private_mark);
    }
    let label = format!("    {}: ", truncate(&label, width / 3));
    let mut spans = vec![Span::styled(label, style(shell, Role::Dim))];
    let mut at = 0;
    let snippet = &part.snippet;
    let matched = style(shell, Role::Key).add_modifier(Modifier::UNDERLINED);
    for range in &part.ranges {
        let (start, end) = (range.start.min(snippet.len()), range.end.min(snippet.len()));
        if start < at || !snippet.is_char_boundary(start) || !snippet.is_char_boundary(end) {
            continue;
        }
        spans.push(Span::raw(snippet[at..start].to_string()));
        spans.push(Span::styled(snippet[start..end].to_string(), matched));
        at = end;
    }
    spans.push(Span::raw(snippet[at..].to_string()));
    cut_line(Line::from(spans), width)
}

/// How wide the minutes, guide, client and status columns are at a width.
struct Widths {
    minutes: usize,
    guide: usize,
    client: usize,
    status: usize,
}

impl Widths {
    /// The columns for `rows` of `entries`: the minutes, the guide and the
    /// status as wide as the rows need ("90/105", "in voorbereiding" whole
    /// where they can be; a column of "afgerond" leaves the rest to the
    /// client).
    fn of(width: usize, shell: &Shell, entries: &[HistoryEntry], rows: &[Row]) -> Widths {
        let t = &shell.texts().history;
        let digits = |n: u32| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let mut minutes = MINUTES;
        // The longest guide title in bytes: never less than its width, and
        // no measuring per row.
        let mut guide_need = UnicodeWidthStr::width(t.col_guide);
        // Which statuses are shown (measured once each, not per row).
        let mut shown = [false; 4];
        for e in rows.iter().filter_map(|row| entries.get(row.entry)) {
            if !matches!(e.status, EntryStatus::Damaged(_)) {
                guide_need = guide_need.max(e.guide_title.len());
            }
            if let Some((p, a)) = e.minutes {
                minutes = minutes.max(digits(p) + 1 + digits(a));
            }
            shown[match e.status {
                EntryStatus::Preparing => 0,
                EntryStatus::InProgress => 1,
                EntryStatus::Finished => 2,
                EntryStatus::Damaged(_) => 3,
            }] = true;
        }
        let labels = [t.preparing, t.in_progress, t.finished, t.damaged];
        let status = labels
            .iter()
            .zip(shown)
            .filter(|(_, shown)| *shown)
            .map(|(label, _)| UnicodeWidthStr::width(*label))
            .fold(UnicodeWidthStr::width(t.col_status), usize::max);
        let minutes = minutes.min(9);
        // Date, time and minutes, and two spaces between the six columns.
        let rest = width.saturating_sub(DATE + TIME + minutes + 10);
        let status = status.min(rest / 2).min(16);
        let guide = (rest.saturating_sub(status) * 11 / 20)
            .min(28)
            .min(guide_need);
        let client = rest.saturating_sub(status + guide);
        Widths {
            minutes,
            guide,
            client,
            status,
        }
    }

    fn head(&self, shell: &Shell) -> String {
        let t = &shell.texts().history;
        format!(
            "{}  {}  {}  {}  {}  {}",
            fit(t.col_date, DATE),
            fit(t.col_time, TIME),
            fit(t.col_guide, self.guide),
            fit(t.col_client, self.client),
            fit(t.col_minutes, self.minutes),
            truncate(t.col_status, self.status),
        )
    }

    /// A damaged entry's row with the whole of why, wrapped under the
    /// start of the text (the selected row: one row cuts a long reason);
    /// `None` for any other entry.
    fn damaged_lines(
        &self,
        shell: &Shell,
        e: &HistoryEntry,
        width: usize,
    ) -> Option<Vec<Line<'static>>> {
        let EntryStatus::Damaged(why) = &e.status else {
            return None;
        };
        let t = &shell.texts().history;
        let at = |f: &str| e.when.map(|w| w.format(f).to_string()).unwrap_or_default();
        let lead = format!(
            "{}  {}  ",
            fit(&at(t.date_format), DATE),
            fit(&at("%H:%M"), TIME)
        );
        let text = format!("{} · {}: {why}", e.file_name, t.damaged);
        Some(hanging_text(&lead, &text, Style::default(), width.max(1)))
    }

    fn row(&self, shell: &Shell, e: &HistoryEntry) -> String {
        let t = &shell.texts().history;
        let date = e
            .when
            .map(|w| w.format(t.date_format).to_string())
            .unwrap_or_default();
        let time = e
            .when
            .map(|w| w.format("%H:%M").to_string())
            .unwrap_or_default();
        if let EntryStatus::Damaged(why) = &e.status {
            // The file name and why it cannot be read, over the other columns.
            let rest = self.guide + self.client + self.minutes + self.status + 6;
            let text = format!("{} · {}: {why}", e.file_name, t.damaged);
            return format!(
                "{}  {}  {}",
                fit(&date, DATE),
                fit(&time, TIME),
                truncate(&text, rest)
            );
        }
        let minutes = e
            .minutes
            .map(|(p, a)| format!("{p}/{a}"))
            .unwrap_or_else(|| "–".to_string());
        let status = status_label(t, &e.status);
        format!(
            "{}  {}  {}  {}  {}  {}",
            fit(&date, DATE),
            fit(&time, TIME),
            fit(&e.guide_title, self.guide),
            fit(&e.client, self.client),
            fit(&minutes, self.minutes),
            truncate(status, self.status),
        )
    }
}

/// A status as the history's column writes it.
fn status_label(t: &crate::i18n::history::History, status: &EntryStatus) -> &'static str {
    match status {
        EntryStatus::Preparing => t.preparing,
        EntryStatus::InProgress => t.in_progress,
        EntryStatus::Finished => t.finished,
        EntryStatus::Damaged(_) => t.damaged,
    }
}
