use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::WrapMode;
#[cfg(feature = "portable-atomic")]
use portable_atomic::{AtomicU64, Ordering};
use ratatui_core::buffer::{Buffer, CellWidth as _};
use ratatui_core::layout::{Alignment, Rect};
use ratatui_core::style::Style;
use ratatui_core::text::{Line, Span, Text};
use ratatui_core::widgets::Widget;
use ratatui_widgets::paragraph::Paragraph;
use std::cmp;
#[cfg(not(feature = "portable-atomic"))]
use std::sync::atomic::{AtomicU64, Ordering};
use unicode_segmentation::UnicodeSegmentation as _;

// &mut 'a (u16, u16, u16, u16) is not available since `render` method takes immutable reference of TextArea
// instance. In the case, the TextArea instance cannot be accessed from any other objects since it is mutablly
// borrowed.
//
// `ratatui::Frame::render_stateful_widget` would be an assumed way to render a stateful widget. But at this
// point we stick with using `ratatui::Frame::render_widget` because it is simpler API. Users don't need to
// manage states of textarea instances separately.
// https://docs.rs/ratatui/latest/ratatui/terminal/struct.Frame.html#method.render_stateful_widget
// leidraad patch: the top row is kept in a 64-bit value of its own. Upstream packs it into 16
// bits beside the column, width and height, so from screen row 65,536 on (a 5 MB paste of
// 47,568 lines wraps to more) the stored top was cut and the cursor's row scrolled out of view.
#[derive(Default, Debug)]
pub struct Viewport {
    // width << 32 | height << 16 | top column
    rect: AtomicU64,
    // top row
    row: AtomicU64,
}

impl Clone for Viewport {
    fn clone(&self) -> Self {
        Viewport {
            rect: AtomicU64::new(self.rect.load(Ordering::Relaxed)),
            row: AtomicU64::new(self.row.load(Ordering::Relaxed)),
        }
    }
}

impl Viewport {
    // The top row and column, the row saturated to 16 bits (see `top` for the whole row).
    pub fn scroll_top(&self) -> (u16, u16) {
        let (row, col) = self.top();
        (u16::try_from(row).unwrap_or(u16::MAX), col)
    }

    // The top row and column.
    pub fn top(&self) -> (usize, u16) {
        let row = self.row.load(Ordering::Relaxed);
        let col = self.rect.load(Ordering::Relaxed) as u16;
        (usize::try_from(row).unwrap_or(usize::MAX), col)
    }

    pub fn rect(&self) -> (usize, u16, u16, u16) {
        let u = self.rect.load(Ordering::Relaxed);
        let width = (u >> 32) as u16;
        let height = (u >> 16) as u16;
        let (row, col) = self.top();
        (row, col, width, height)
    }

    pub fn position(&self) -> (usize, u16, usize, u16) {
        let (row_top, col_top, width, height) = self.rect();
        let row_bottom = row_top.saturating_add(height.into()).saturating_sub(1);
        let col_bottom = col_top.saturating_add(width).saturating_sub(1);

        (
            row_top,
            col_top,
            cmp::max(row_top, row_bottom),
            cmp::max(col_top, col_bottom),
        )
    }

    fn store(&self, row: usize, col: u16, width: u16, height: u16) {
        let u = ((width as u64) << 32) | ((height as u64) << 16) | col as u64;
        self.rect.store(u, Ordering::Relaxed);
        self.row.store(row as u64, Ordering::Relaxed);
    }

    pub fn scroll(&mut self, rows: i16, cols: i16) {
        fn apply_scroll(pos: u16, delta: i16) -> u16 {
            if delta >= 0 {
                pos.saturating_add(delta as u16)
            } else {
                pos.saturating_sub(-delta as u16)
            }
        }

        let row = self.row.get_mut();
        *row = row.saturating_add_signed(rows.into());
        let u = self.rect.get_mut();
        let col = apply_scroll(*u as u16, cols);
        *u = (*u & !0xffff) | (col as u64);
    }
}

#[inline]
fn next_scroll_top(prev_top: usize, cursor: usize, len: usize) -> usize {
    if cursor < prev_top {
        cursor
    } else if prev_top + len <= cursor {
        cursor + 1 - len
    } else {
        prev_top
    }
}

// The graphemes of a span that ratatui draws, with their widths in cells. Ratatui draws no
// control chars, so they take no columns here either.
fn drawn_graphemes<'s>(span: &'s Span<'_>) -> impl Iterator<Item = (&'s str, usize)> {
    span.content
        .graphemes(true)
        .filter(|g| !g.contains(char::is_control))
        .map(|g| (g, g.cell_width().into()))
}

// The cells ratatui draws of a span. Printable ASCII (most notes) takes one cell a byte and
// no two of its chars join into one grapheme, so it is counted without segmenting it (on
// every frame, for every row in view).
fn drawn_width(span: &Span<'_>) -> usize {
    if is_plain(span) {
        span.content.len()
    } else {
        drawn_graphemes(span).map(|(_, w)| w).sum()
    }
}

// Whether a span is printable ASCII: one cell a byte, no two bytes in one grapheme.
fn is_plain(span: &Span<'_>) -> bool {
    span.content.bytes().all(|b| (0x20..0x7f).contains(&b))
}

// Draw left-aligned text of printable ASCII as `Paragraph` draws it (each row cut at the
// area's width, no more rows than the area has), a cell a byte, without segmenting it into
// graphemes. False, with nothing drawn, for any other text: `Paragraph` draws that.
fn render_plain(text: &Text<'_>, area: Rect, buf: &mut Buffer) -> bool {
    let left = |line: &Line<'_>| matches!(line.alignment, None | Some(Alignment::Left));
    let plain = text
        .lines
        .iter()
        .all(|line| left(line) && line.spans.iter().all(is_plain));
    if !plain {
        return false;
    }
    let area = area.intersection(buf.area);
    for (y, line) in (area.top()..area.bottom()).zip(&text.lines) {
        let line_style = text.style.patch(line.style);
        let mut x = area.left();
        'spans: for span in &line.spans {
            let style = line_style.patch(span.style);
            for b in span.content.bytes() {
                if x >= area.right() {
                    break 'spans;
                }
                buf[(x, y)].set_char(char::from(b)).set_style(style);
                x += 1;
            }
        }
    }
    true
}

// Cut the columns `left..left + width` out of a line. A wide char cut by either edge
// becomes blank cells in its own style, so the other cells keep their columns and a
// cursor on that char is still drawn.
fn clip_line(line: Line<'_>, left: usize, width: usize) -> Line<'_> {
    // `Line::width` gives no cells to the halfwidth sound marks ﾞ and ﾟ, so count the cells
    // ratatui draws.
    let line_width: usize = line.spans.iter().map(drawn_width).sum();
    if left == 0 && line_width <= width {
        return line;
    }

    let right = left + width;
    let mut col = 0;
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in &line.spans {
        let mut text = String::new();
        for (grapheme, grapheme_width) in drawn_graphemes(span) {
            let start = col;
            col += grapheme_width;
            if left <= start && col <= right {
                text.push_str(grapheme);
            } else if start < right && left < col {
                let cells = cmp::min(col, right) - cmp::max(start, left);
                text.extend(std::iter::repeat_n(' ', cells));
            }
        }
        if !text.is_empty() {
            spans.push(Span::styled(text, span.style));
        }
    }
    Line { spans, ..line }
}

// Draw the cursor on the last of `width` cells: the line is already clipped to them.
fn cursor_on_last_cell(line: Line<'_>, width: usize, cursor_style: Style) -> Line<'_> {
    let mut col = 0;
    let mut spans = Vec::with_capacity(line.spans.len() + 2);
    for span in &line.spans {
        let mut text = String::new();
        for (grapheme, grapheme_width) in drawn_graphemes(span) {
            let start = col;
            col += grapheme_width;
            if start < width && width <= col {
                if !text.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut text), span.style));
                }
                spans.push(Span::styled(
                    grapheme.to_string(),
                    span.style.patch(cursor_style),
                ));
            } else {
                text.push_str(grapheme);
            }
        }
        if !text.is_empty() {
            spans.push(Span::styled(text, span.style));
        }
    }
    Line { spans, ..line }
}

impl<'a> TextArea<'a> {
    fn text_widget(&'a self, top_row: usize, height: usize, top_col: u16, width: u16) -> Text<'a> {
        let lnum_len = num_digits(self.lines().len());
        let cursor = self.screen_cursor();
        let cursor_col = cursor.col + usize::from(self.line_number_width());
        self.ensure_screen_map();
        let screen_lines = self.screen_lines.borrow();
        let bottom_row = cmp::min(top_row + height, screen_lines.len());
        let mut lines = Vec::with_capacity(bottom_row - top_row);
        for (screen_row, row) in (top_row..).zip(&screen_lines[top_row..bottom_row]) {
            let line = &self.lines()[row.wrapped.row];
            let mut spans = self.line_spans_segment(line, &row.wrapped, lnum_len);
            // Scroll here, not with `Paragraph::scroll`, which draws a wide char cut by the left
            // edge whole and drops one cut by the right edge. Like that scroll, only left-aligned
            // text is scrolled.
            if self.alignment() == Alignment::Left {
                spans = clip_line(spans, top_col.into(), width.into());
                // A wrapped row keeps the whitespace after its last word even past the right
                // edge, and a full last row ends there: a cursor out there is drawn on the
                // row's last cell instead of not at all.
                if self.wrap_mode() != WrapMode::None
                    && screen_row == cursor.row
                    && cursor_col >= usize::from(width)
                    && width > 0
                {
                    spans = cursor_on_last_cell(spans, width.into(), self.cursor_style);
                }
            }
            lines.push(spans);
        }
        Text::from(lines)
    }

    fn scroll_top_row(&self, prev_top: usize, height: u16) -> usize {
        next_scroll_top(prev_top, self.screen_cursor().row, height.into())
    }

    fn scroll_top_col(&self, prev_top: u16, width: u16) -> u16 {
        let screen = self.screen_cursor();
        let mut cursor = screen.col as u16;
        // Adjust the cursor position due to the width of line number.
        if self.line_number_style().is_some() {
            let lnum = self.line_number_width();
            if cursor <= lnum {
                cursor *= 2; // Smoothly slide the line number into the screen on scrolling left
            } else {
                cursor += lnum; // The cursor position is shifted by the line number part
            };
        }
        // Scrolling right brings the whole char under the cursor into view, not just its
        // first column. A char wider than the viewport keeps its first column in view.
        // A masked line draws the mask char, so that is the char whose width counts.
        let glyph = screen.char.map(|c| self.mask_char().unwrap_or(c));
        let glyph_width = glyph.map_or(1, char_width).max(1) as u16;
        let right = cursor + glyph_width - 1;
        let (prev_top, right, cursor, width) =
            (prev_top.into(), right.into(), cursor.into(), width.into());
        next_scroll_top(next_scroll_top(prev_top, right, width), cursor, width) as u16
    }
}

impl Widget for &TextArea<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner_area = if let Some(b) = self.block() {
            b.inner(area)
        } else {
            area
        };
        let Rect { width, height, .. } = inner_area;

        if self.area.get() != inner_area {
            self.area.set(inner_area);
            self.invalidate_screen_map();
        }

        let (prev_top_row, prev_top_col) = self.viewport.top();
        let (text, top_row, top_col) = if self.is_empty() && !self.placeholder.lines.is_empty() {
            let mut placeholder = self.placeholder.clone();
            let cursor = Span::styled(" ", self.cursor_style);
            if let Some(first_line) = placeholder.lines.first_mut() {
                first_line.spans.insert(0, cursor);
            } else {
                placeholder.lines.push(Line::from(vec![cursor]));
            }
            (placeholder, 0usize, 0u16)
        } else {
            let top_row = self.scroll_top_row(prev_top_row, height);
            let top_col = if self.wrap_mode() == WrapMode::None {
                self.scroll_top_col(prev_top_col, width)
            } else {
                0
            };
            (
                self.text_widget(top_row, height as _, top_col, width)
                    .style(self.style()),
                top_row,
                top_col,
            )
        };

        // To get fine control over the text color and the surrrounding block they have to be rendered separately
        // see https://github.com/ratatui/ratatui/issues/144
        let mut text_area = area;
        if let Some(b) = self.block() {
            text_area = b.inner(area);
            b.render(area, buf)
        }

        // Store scroll top position for rendering on the next tick
        self.viewport.store(top_row, top_col, width, height);

        let left = self.alignment() == Alignment::Left;
        if !(left && render_plain(&text, text_area, buf)) {
            Paragraph::new(text)
                .alignment(self.alignment())
                .render(text_area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_drawn_as_paragraph_draws_it() {
        use ratatui_core::style::{Color, Modifier};
        let red = Style::default().fg(Color::Red);
        let cursor = Style::default().add_modifier(Modifier::REVERSED);
        let texts = [
            Text::from(""),
            Text::from(vec![
                Line::from("De school wil meer eigenaarschap geven."),
                Line::from(vec![Span::raw("a "), Span::styled("b", cursor), Span::raw(" c")]),
                Line::styled("cursor line", Style::default().add_modifier(Modifier::UNDERLINED)),
                Line::from(""),
                Line::from("x".repeat(200)),
            ])
            .style(red),
            Text::from((0..60).map(|i| Line::from(format!("row {i}"))).collect::<Vec<_>>()),
        ];
        for text in texts {
            for (w, h) in [(30, 4), (80, 20), (1, 1), (0, 3)] {
                let area = Rect::new(2, 1, w, h);
                let mut fast = Buffer::empty(Rect::new(0, 0, 90, 25));
                let mut slow = fast.clone();
                // What a frame holds under the text already.
                for buf in [&mut fast, &mut slow] {
                    for (i, cell) in buf.content.iter_mut().enumerate() {
                        cell.set_char(if i % 3 == 0 { '#' } else { '.' });
                    }
                }
                assert!(render_plain(&text, area, &mut fast));
                Paragraph::new(text.clone()).render(area, &mut slow);
                assert_eq!(fast, slow, "{w}x{h}: {text:?}");
            }
        }
    }

    #[test]
    fn text_that_is_not_plain_is_left_to_paragraph() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        let before = buf.clone();
        for text in ["café", "漢字", "tab\there", "x\u{1b}"] {
            assert!(!render_plain(&Text::from(text), buf.area, &mut buf), "{text:?}");
        }
        let centred = Text::from(Line::from("mid").centered());
        assert!(!render_plain(&centred, buf.area, &mut buf));
        assert_eq!(buf, before, "nothing drawn");
    }

    #[test]
    fn the_ascii_shortcut_counts_the_cells_the_graphemes_give() {
        for text in [
            "",
            "De school wil meer eigenaarschap (CmK-gelden): 15:30, ~ok!",
            " \t tab",
            "line\r\n",
            "café ë 漢字 ﾞ",
            "\u{1b}[31m",
        ] {
            let span = Span::raw(text);
            let slow: usize = drawn_graphemes(&span).map(|(_, w)| w).sum();
            assert_eq!(drawn_width(&span), slow, "{text:?}");
        }
    }

    #[test]
    fn viewport_store_and_load() {
        let vp = Viewport::default();
        vp.store(3, 7, 80, 24);
        assert_eq!(vp.scroll_top(), (3, 7));
        let (row, col, width, height) = vp.rect();
        assert_eq!((row, col, width, height), (3, 7, 80, 24));
    }

    #[test]
    fn viewport_keeps_a_top_row_past_u16() {
        let vp = Viewport::default();
        vp.store(70_000, 0, 80, 24);
        assert_eq!(vp.top(), (70_000, 0));
        assert_eq!(vp.scroll_top(), (u16::MAX, 0));
        let (row, _, row_bottom, _) = vp.position();
        assert_eq!((row, row_bottom), (70_000, 70_023));
    }

    #[test]
    fn viewport_clone() {
        let vp = Viewport::default();
        vp.store(5, 2, 40, 10);
        let vp2 = vp.clone();
        assert_eq!(vp2.scroll_top(), (5, 2));
    }
}
