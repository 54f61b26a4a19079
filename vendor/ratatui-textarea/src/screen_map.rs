use crate::cursor::{DataCursor, ScreenCursor};
use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::{WrapMode, WrappedLine, effective_wrap_width, wrapped_rows};

#[derive(Debug, Clone, Copy)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DataLine {
    pub first_screen_line: usize,
    pub screen_line_count: usize,
    pub pure_ascii: bool,
}

fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

fn char_display_width(c: char, col: usize, tab_len: u8, mask: Option<char>) -> usize {
    // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
    if let Some(mask) = mask {
        char_width(mask)
    } else if c == '\t' {
        let tab = tab_len.max(1) as usize;
        let pad = tab - (col % tab);
        pad.max(1)
    } else {
        char_width(c)
    }
}

fn display_width(text: &str, tab_len: u8, mask: Option<char>) -> usize {
    let mut col = 0usize;
    for c in text.chars() {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn screen_col_for_char_offset(
    text: &str,
    char_offset: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    for c in text.chars().take(char_offset) {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

// The char offset drawn at `screen_col`. Never one before a char that takes no
// cell (a combining mark, a joiner): the cursor would be drawn on none there.
fn char_offset_for_screen_col(
    text: &str,
    screen_col: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        if col >= screen_col {
            break;
        }
        let width = char_display_width(c, col, tab_len, mask);
        if col + width > screen_col {
            break;
        }
        col += width;
        chars += 1;
    }
    if chars > 0 {
        chars += cellless_chars(text.chars().skip(chars), tab_len, mask);
    }
    chars
}

// How many of `chars` in a row from the first take no cell.
fn cellless_chars(chars: impl Iterator<Item = char>, tab_len: u8, mask: Option<char>) -> usize {
    chars
        .take_while(|&c| char_display_width(c, 0, tab_len, mask) == 0)
        .count()
}

/// The soft wrap of each line as it was last drawn, so that an edit re-wraps
/// only the lines it changed. A line is known by a hash of its text and its
/// length; the rows are kept with `row` 0 and numbered when the map is put
/// together.
#[derive(Clone, Debug, Default)]
pub(crate) struct WrapCache {
    /// What the rows depend on besides the text: mode, width, tab, mask.
    key: Option<(WrapMode, usize, u8, Option<char>)>,
    lines: Vec<CachedLine>,
    /// How often the map was put together, and how many lines were wrapped
    /// for it (see [`TextArea::wrap_work`]).
    pub loads: usize,
    pub wrapped: usize,
}

#[derive(Clone, Debug)]
struct CachedLine {
    id: (u64, usize),
    rows: Vec<ScreenLine>,
    pure_ascii: bool,
}

/// A fast hash of a line's text (not for adversaries: a collision would only
/// show one line wrapped as its twin until it is edited again). Each step is
/// a bijection of the state, so a change in any one 8-byte word of a line of
/// the same length always changes it.
fn line_hash(line: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = 0u64;
    let mut chunks = line.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut word = [0u8; 8];
    let rest = chunks.remainder();
    word[..rest.len()].copy_from_slice(rest);
    (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K)
}

impl TextArea<'_> {
    fn fallback_rows(&self) -> Vec<WrappedLine> {
        self.lines
            .iter()
            .enumerate()
            .map(|(row, line)| WrappedLine {
                row,
                start_byte: 0,
                end_byte: line.len(),
                start_col: 0,
                end_col: line.chars().count(),
                first_in_row: true,
                last_in_row: true,
            })
            .collect()
    }

    fn screen_line_of(&self, wrapped: WrappedLine) -> ScreenLine {
        let fragment = &self.lines[wrapped.row][wrapped.start_byte..wrapped.end_byte];
        let char_count = wrapped.end_col.saturating_sub(wrapped.start_col);
        let cursor_max_col = if wrapped.last_in_row {
            display_width(fragment, self.tab_length(), self.mask_char())
        } else {
            screen_col_for_char_offset(
                fragment,
                char_count.saturating_sub(1),
                self.tab_length(),
                self.mask_char(),
            )
        };
        ScreenLine {
            wrapped,
            screen_width: display_width(fragment, self.tab_length(), self.mask_char()),
            cursor_max_col,
        }
    }

    /// The map is out of date (an edit, a new width, mode or mask): it is put
    /// together again when next asked for, once however many edits came
    /// before (a burst of input is drawn once).
    pub(crate) fn invalidate_screen_map(&self) {
        self.screen_dirty.set(true);
    }

    /// Put the map together if it is out of date.
    pub(crate) fn ensure_screen_map(&self) {
        if self.screen_dirty.get() {
            self.screen_map_load();
        }
    }

    pub(crate) fn screen_map_load(&self) {
        self.screen_dirty.set(false);
        let wrap_width = if self.wrap_mode() != WrapMode::None {
            let width = self.area.get().width;
            if width > 0 {
                let line_number_len = self
                    .line_number_style()
                    .map(|_| num_digits(self.lines.len()));
                Some(effective_wrap_width(width, line_number_len))
            } else {
                None
            }
        } else {
            None
        };

        let Some(width) = wrap_width else {
            self.fallback_map_load();
            return;
        };

        // Only the lines between the unchanged ones at the start and at the
        // end are wrapped again: an edit changes one run of lines.
        let mut cache = self.wrap_cache.borrow_mut();
        let key = (self.wrap_mode(), width, self.tab_length(), self.mask_char());
        if cache.key != Some(key) {
            cache.key = Some(key);
            cache.lines.clear();
        }
        let ids: Vec<(u64, usize)> = self.lines.iter().map(|l| (line_hash(l), l.len())).collect();
        let old = cache.lines.len();
        let new = ids.len();
        let same_start = cache
            .lines
            .iter()
            .zip(&ids)
            .take_while(|(c, id)| c.id == **id)
            .count();
        let same_end = cache.lines[same_start..]
            .iter()
            .rev()
            .zip(ids[same_start..].iter().rev())
            .take_while(|(c, id)| c.id == **id)
            .count();
        let changed = same_start..new - same_end;
        let rows = wrapped_rows(
            &self.lines[changed.clone()],
            self.wrap_mode(),
            width,
            self.tab_length(),
            self.mask_char(),
        );
        let mut fresh: Vec<CachedLine> = changed
            .clone()
            .map(|row| CachedLine {
                id: ids[row],
                rows: Vec::with_capacity(1),
                pure_ascii: is_pure_ascii(&self.lines[row]),
            })
            .collect();
        for mut wrapped in rows {
            let at = wrapped.row;
            wrapped.row += changed.start;
            let mut line = self.screen_line_of(wrapped);
            line.wrapped.row = 0;
            fresh[at].rows.push(line);
        }
        cache.loads += 1;
        cache.wrapped += fresh.len();
        cache.lines.splice(same_start..old - same_end, fresh);

        let total = cache.lines.iter().map(|l| l.rows.len()).sum();
        let mut screen_lines = Vec::with_capacity(total);
        let mut data_pointers = Vec::with_capacity(cache.lines.len());
        for (row, line) in cache.lines.iter().enumerate() {
            data_pointers.push(DataLine {
                first_screen_line: screen_lines.len(),
                screen_line_count: line.rows.len(),
                pure_ascii: line.pure_ascii,
            });
            screen_lines.extend(line.rows.iter().map(|r| {
                let mut r = *r;
                r.wrapped.row = row;
                r
            }));
        }
        *self.screen_lines.borrow_mut() = screen_lines;
        *self.data_pointers.borrow_mut() = data_pointers;
    }

    /// No wrap (or no width yet): a row per line.
    fn fallback_map_load(&self) {
        let mut cache = self.wrap_cache.borrow_mut();
        cache.key = None;
        cache.lines.clear();
        cache.loads += 1;
        let rows = self.fallback_rows();
        let mut data_pointers = vec![DataLine::default(); self.lines.len()];
        let mut screen_lines = Vec::with_capacity(rows.len());
        for (screen_idx, wrapped) in rows.into_iter().enumerate() {
            let pointer = &mut data_pointers[wrapped.row];
            pointer.first_screen_line = screen_idx;
            pointer.pure_ascii = is_pure_ascii(&self.lines[wrapped.row]);
            pointer.screen_line_count = 1;
            screen_lines.push(self.screen_line_of(wrapped));
        }
        *self.screen_lines.borrow_mut() = screen_lines;
        *self.data_pointers.borrow_mut() = data_pointers;
    }

    pub(crate) fn screen_lines_count(&self) -> usize {
        self.ensure_screen_map();
        self.screen_lines.borrow().len()
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.ensure_screen_map();
        self.screen_lines.borrow()[row].screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.ensure_screen_map();
        self.screen_lines.borrow()[row].cursor_max_col
    }

    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        self.ensure_screen_map();
        self.screen_lines.borrow()[row]
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset =
            char_offset_for_screen_col(fragment, screen.col, self.tab_length(), self.mask_char());
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        self.ensure_screen_map();
        let data_line = &self.data_pointers.borrow()[array.0];
        let screen_lines = self.screen_lines.borrow();

        let mut screen_idx = data_line.first_screen_line;
        for idx in
            data_line.first_screen_line..data_line.first_screen_line + data_line.screen_line_count
        {
            let line = screen_lines[idx];
            let contains = if line.wrapped.last_in_row {
                line.wrapped.start_col <= array.1 && array.1 <= line.wrapped.end_col
            } else {
                line.wrapped.start_col <= array.1 && array.1 < line.wrapped.end_col
            };
            if contains {
                screen_idx = idx;
                break;
            }
        }

        let line = screen_lines[screen_idx];
        let fragment = &self.lines[array.0][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = array.1.saturating_sub(line.wrapped.start_col);
        let col =
            screen_col_for_char_offset(fragment, char_offset, self.tab_length(), self.mask_char());

        ScreenCursor {
            row: screen_idx,
            col,
            char: self.lines[array.0].chars().nth(array.1),
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    // One char on, and over the chars after it that take no cell, so that the
    // cursor never stops between a char and its combining marks.
    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        let line = self.lines[dc.0].chars().skip(dc.1 + 1);
        let next = dc.1 + 1 + cellless_chars(line, self.tab_length(), self.mask_char());
        self.array_to_screen(DataCursor(dc.0, next))
    }

    // One char back, and over the chars before it that take no cell.
    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        let line = &self.lines[dc.0];
        let cursor = line
            .char_indices()
            .nth(dc.1)
            .map_or(line.len(), |(at, _)| at);
        let before = line[..cursor].chars().rev();
        let skipped = cellless_chars(before, self.tab_length(), self.mask_char());
        let prev = dc.1.saturating_sub(skipped + 1);
        self.array_to_screen(DataCursor(dc.0, prev))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_hanging_whitespace_and_glued_punctuation() {
        let textarea = make_textarea(
            &[
                "moet komen: de rol   van (de) ICC'er",
                "0;1;2;3;4;5;6;7;8;9;10;11; en 犬猫。 ok",
            ],
            WrapMode::WordOrGlyph,
            10,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    /// A screen map as data: each row's line, bytes, first column, width
    /// and last cursor column, and each line's pointer.
    type Map = (
        Vec<(usize, usize, usize, usize, usize, usize)>,
        Vec<DataLine>,
    );

    fn map_of(textarea: &TextArea<'_>) -> Map {
        textarea.ensure_screen_map();
        let rows = textarea
            .screen_lines
            .borrow()
            .iter()
            .map(|l| {
                let w = l.wrapped;
                (
                    w.row,
                    w.start_byte,
                    w.end_byte,
                    w.start_col,
                    l.screen_width,
                    l.cursor_max_col,
                )
            })
            .collect();
        (rows, textarea.data_pointers.borrow().clone())
    }

    fn fresh_map(textarea: &TextArea<'_>, width: u16) -> Map {
        let lines: Vec<&str> = textarea.lines().iter().map(String::as_str).collect();
        map_of(&make_textarea(&lines, WrapMode::WordOrGlyph, width))
    }

    #[test]
    fn edits_rewrap_only_the_lines_they_changed_once_and_give_the_full_map() {
        use crate::cursor::CursorMove;
        let lines: Vec<String> = (0..300)
            .map(|i| format!("regel {i}: wat woorden die over de rand heen lopen, ééntje"))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let mut textarea = make_textarea(&lines, WrapMode::WordOrGlyph, 20);
        textarea.move_cursor(CursorMove::Jump(150, 3));
        let (loads, wrapped) = textarea.wrap_work();
        // A burst: characters, a line break, more characters.
        textarea.insert_str("xyz");
        textarea.insert_newline();
        textarea.insert_char('q');
        textarea.insert_str("nog wat meer tekst die wrapt");
        assert_eq!(
            textarea.wrap_work(),
            (loads, wrapped),
            "nothing is wrapped until needed"
        );
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 20));
        assert_eq!(
            textarea.wrap_work(),
            (loads + 1, wrapped + 2),
            "one map for the burst, the two lines it touched wrapped"
        );
        textarea.delete_char();
        textarea.delete_line_by_head();
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 20));
        assert!(textarea.undo());
        assert!(textarea.undo());
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 20));
        textarea.move_cursor(CursorMove::Top);
        textarea.insert_newline();
        textarea.move_cursor(CursorMove::Bottom);
        textarea.insert_str("einde\nnieuwe regel");
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 20));
        // Two equal lines side by side, one of them removed.
        textarea.insert_str("\nzelfde\nzelfde");
        textarea.delete_line_by_head();
        textarea.delete_char();
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 20));
        // Another width wraps everything again.
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width: 33,
            height: 40,
        });
        textarea.invalidate_screen_map();
        assert_eq!(map_of(&textarea), fresh_map(&textarea, 33));
    }
}
