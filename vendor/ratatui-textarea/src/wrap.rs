use crate::util::char_width;
#[cfg(feature = "arbitrary")]
use arbitrary::Arbitrary;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Specify how logical lines are soft-wrapped at render time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(Arbitrary))]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum WrapMode {
    /// Disable soft wrapping and keep horizontal scrolling behavior.
    None,
    /// Wrap only at word boundaries. Words wider than viewport are not split.
    Word,
    /// Wrap at grapheme boundaries.
    Glyph,
    /// Wrap at word boundaries, and fall back to grapheme wrapping for long words.
    WordOrGlyph,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct WrappedLine {
    pub row: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub first_in_row: bool,
    pub last_in_row: bool,
}

/// A run of text that a row is never broken inside: a word with the
/// punctuation that touches it (`start..body_end`), then the whitespace after
/// it (`body_end..end`). That whitespace stays on the word's row even where it
/// runs past the right edge, so no wrapped row starts with a space.
#[derive(Clone, Copy)]
struct Unit {
    start: usize,
    body_end: usize,
    end: usize,
}

pub(crate) fn effective_wrap_width(total_width: u16, line_number_len: Option<u8>) -> usize {
    let total_width = total_width as usize;
    let reserved = line_number_len.map(|len| len as usize + 2).unwrap_or(0);
    if total_width > reserved {
        total_width - reserved
    } else {
        1
    }
}

pub(crate) fn wrapped_rows(
    lines: &[String],
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<WrappedLine> {
    let mut rows = Vec::new();

    for (row, line) in lines.iter().enumerate() {
        let ranges = line_ranges(line, mode, width, tab_len, mask);
        let mut start_col = 0usize;
        for (i, (start_byte, end_byte)) in ranges.iter().copied().enumerate() {
            let end_col = start_col + line[start_byte..end_byte].chars().count();
            rows.push(WrappedLine {
                row,
                start_byte,
                end_byte,
                start_col,
                end_col,
                first_in_row: i == 0,
                last_in_row: i + 1 == ranges.len(),
            });
            start_col = end_col;
        }
    }

    rows
}

pub(crate) fn line_ranges(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<(usize, usize)> {
    if mode == WrapMode::None {
        return vec![(0, line.len())];
    }

    let width = width.max(1);
    let mut out = match mode {
        WrapMode::None => vec![(0, line.len())],
        WrapMode::Glyph => {
            let mut chunks = Vec::new();
            split_range_by_grapheme_width(line, 0, line.len(), width, tab_len, mask, &mut chunks);
            chunks
        }
        WrapMode::Word => wrap_word_chunks(line, width, tab_len, mask, false),
        WrapMode::WordOrGlyph => wrap_word_chunks(line, width, tab_len, mask, true),
    };

    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

// Where a word processor may break a line: after whitespace, and between two
// word-bound chunks unless punctuation glues them (see `glues`).
fn units(line: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (start, text) in UnicodeSegmentation::split_word_bound_indices(line) {
        let end = start + text.len();
        match units.last_mut() {
            Some(unit) if is_blank(text) && !is_blank(&line[unit.start..unit.body_end]) => {
                unit.end = end;
            }
            // Leading whitespace is the line's indent: text, not a break.
            Some(unit) if is_blank(text) => {
                unit.body_end = end;
                unit.end = end;
            }
            Some(unit)
                if unit.end == unit.body_end && glues(&line[unit.start..unit.body_end], text) =>
            {
                unit.body_end = end;
                unit.end = end;
            }
            _ => units.push(Unit {
                start,
                body_end: end,
                end,
            }),
        }
    }
    units
}

// Whitespace a line may break after; the no-break spaces are not.
fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() && !is_no_break_space(c))
}

fn is_no_break_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2060}' | '\u{feff}'
    )
}

// Whether `next` may not start a row right after `prev`, which it touches:
// closing punctuation stays with the word before it, opening punctuation with
// the word after it, a no-break space with both, and a comma, full stop,
// colon or semicolon inside a word ("15:30", "e.g.") keeps it whole.
fn glues(prev: &str, next: &str) -> bool {
    if is_blank(prev) {
        return false;
    }
    next.chars().next().is_some_and(sticks_back) || prev.chars().next_back().is_some_and(holds_next)
}

// Punctuation that may not start a row after the word it touches.
fn sticks_back(c: char) -> bool {
    is_no_break_space(c)
        || matches!(
            c,
            ',' | '.' | ':' | ';' | '!' | '?' | ')' | ']' | '}' | '%' | '\'' | '"'
                | '\u{2019}' // ’
                | '\u{201d}' // ”
                | '\u{bb}' // »
                | '\u{203a}' // ›
                | '\u{2026}' // …
                | '-'
                | '\u{2010}' // ‐
                | '\u{2013}' // –
                | '\u{2014}' // —
                | '/'
                | '\u{3001}' // 、
                | '\u{3002}' // 。
                | '\u{ff0c}' // ，
                | '\u{ff0e}' // ．
                | '\u{ff1a}' // ：
                | '\u{ff1b}' // ；
                | '\u{ff01}' // ！
                | '\u{ff1f}' // ？
                | '\u{ff09}' // ）
                | '\u{300d}' // 」
                | '\u{300f}' // 』
                | '\u{3011}' // 】
        )
}

// Punctuation that may not end a row before the word it touches.
fn holds_next(c: char) -> bool {
    is_no_break_space(c)
        || matches!(
            c,
            '(' | '[' | '{' | '\'' | '"' | ',' | '.' | ':' | ';'
                | '\u{2018}' // ‘
                | '\u{201c}' // “
                | '\u{201e}' // „
                | '\u{201a}' // ‚
                | '\u{ab}' // «
                | '\u{2039}' // ‹
                | '\u{bf}' // ¿
                | '\u{a1}' // ¡
                | '\u{ff08}' // （
                | '\u{300c}' // 「
                | '\u{300e}' // 『
                | '\u{3010}' // 【
        )
}

fn wrap_word_chunks(
    line: &str,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    fallback_to_glyph: bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The open row: `seg_start..seg_end`, `seg_width` columns wide (hanging
    // whitespace included, so it may be wider than `width`).
    let mut seg_start = 0usize;
    let mut seg_end = 0usize;
    let mut seg_width = 0usize;

    for unit in units(line) {
        let body = &line[unit.start..unit.body_end];
        let blank = &line[unit.body_end..unit.end];
        if seg_end > seg_start {
            let body_width = display_width_from(body, seg_width, tab_len, mask);
            if seg_width + body_width <= width {
                seg_width += body_width;
                seg_width += display_width_from(blank, seg_width, tab_len, mask);
                seg_end = unit.end;
                continue;
            }
            out.push((seg_start, seg_end));
        }

        // The unit starts a row.
        seg_start = unit.start;
        seg_width = display_width_from(body, 0, tab_len, mask);
        if seg_width > width && fallback_to_glyph {
            let first_piece = out.len();
            split_range_by_grapheme_width(
                line,
                unit.start,
                unit.body_end,
                width,
                tab_len,
                mask,
                &mut out,
            );
            keep_the_rest_whole(line, &mut out[first_piece..], width, tab_len, mask);
            // The rest of the word stays open, so the punctuation and the
            // words after it join it on its row.
            if let Some((rest, _)) = out.pop() {
                seg_start = rest;
            }
            seg_width = display_width_from(&line[seg_start..unit.body_end], 0, tab_len, mask);
        }
        seg_width += display_width_from(blank, seg_width, tab_len, mask);
        seg_end = unit.end;
    }

    if seg_end > seg_start {
        out.push((seg_start, seg_end));
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

// Where a word wider than the row was cut into rows, let its rest not start
// with the punctuation that ends it: "vergaderin" / "g." rather than
// "vergadering" / ".". The graphemes moved down still fit on the rest's row.
fn keep_the_rest_whole(
    line: &str,
    out: &mut [(usize, usize)],
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) {
    let [.., (piece_start, cut), (rest_start, rest_end)] = out else {
        return;
    };
    while line[*rest_start..].chars().next().is_some_and(sticks_back) {
        let Some((at, _)) = line[*piece_start..*cut].grapheme_indices(true).next_back() else {
            return;
        };
        let at = *piece_start + at;
        if at == *piece_start || display_width_to(&line[at..*rest_end], 0, tab_len, mask) > width {
            return;
        }
        *cut = at;
        *rest_start = at;
    }
}

fn split_range_by_grapheme_width(
    line: &str,
    start: usize,
    end: usize,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut segment_start = start;
    while segment_start < end {
        let mut segment_end = segment_start;
        let mut segment_width = 0usize;

        for (offset, grapheme) in
            UnicodeSegmentation::grapheme_indices(&line[segment_start..end], true)
        {
            let grapheme_start = segment_start + offset;
            let grapheme_end = grapheme_start + grapheme.len();
            let next_width = display_width_to(grapheme, segment_width, tab_len, mask);
            let grapheme_width = next_width.saturating_sub(segment_width);

            if segment_end != segment_start && segment_width + grapheme_width > width {
                break;
            }

            segment_end = grapheme_end;
            segment_width = next_width;
            if segment_width > width {
                break;
            }
        }

        if segment_end == segment_start {
            if let Some(ch) = line[segment_start..end].chars().next() {
                segment_end = segment_start + ch.len_utf8();
            } else {
                break;
            }
        }

        out.push((segment_start, segment_end));
        segment_start = segment_end;
    }
}

fn display_width_from(text: &str, start_width: usize, tab_len: u8, mask: Option<char>) -> usize {
    display_width_to(text, start_width, tab_len, mask).saturating_sub(start_width)
}

fn display_width_to(text: &str, mut width: usize, tab_len: u8, mask: Option<char>) -> usize {
    for c in text.chars() {
        // A masked line is drawn as one mask character per char,
        // so each char is as wide as the mask.
        if let Some(mask) = mask {
            width += char_width(mask);
        } else if c == '\t' {
            if tab_len > 0 {
                let tab = tab_len as usize;
                let pad = tab - (width % tab);
                width += pad;
            }
        } else {
            width += char_width(c);
        }
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(line: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        line_ranges(line, mode, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    fn masked_segments(line: &str, mode: WrapMode, width: usize, mask: char) -> Vec<&str> {
        line_ranges(line, mode, width, 4, Some(mask))
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn word_wrap_keeps_long_word() {
        let have = segments("helloworld", WrapMode::Word, 4);
        assert_eq!(have, vec!["helloworld"]);
    }

    #[test]
    fn word_or_glyph_wrap_splits_long_word() {
        let have = segments("helloworld", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld"]);
    }

    #[test]
    fn glyph_wrap_handles_wide_chars() {
        let have = segments("ab犬猫", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["ab犬", "猫"]);
    }

    #[test]
    fn glyph_wrap_keeps_combining_grapheme_cluster() {
        let have = segments("e\u{301}x", WrapMode::Glyph, 1);
        assert_eq!(have, vec!["e\u{301}", "x"]);
    }

    #[test]
    fn tab_width_is_accounted_for_in_wrap() {
        let have = segments("\tX", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["\t", "X"]);
    }

    #[test]
    fn glyph_wrap_preserves_full_mixed_width_row_capacity() {
        let have = segments("a中bcde", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["a中b", "cde"]);
    }

    #[test]
    fn mask_wraps_by_the_mask_width() {
        let have = masked_segments("a中\tcde", WrapMode::Glyph, 4, '*');
        assert_eq!(have, vec!["a中\tc", "de"]);
        let have = masked_segments("abcd", WrapMode::WordOrGlyph, 4, '＊');
        assert_eq!(have, vec!["ab", "cd"]);
    }

    #[test]
    fn punctuation_stays_with_the_word_it_touches() {
        // "moet komen" fills the row: the colon goes down with "komen".
        let have = segments("moet komen: de rol", WrapMode::WordOrGlyph, 10);
        assert_eq!(have, vec!["moet ", "komen: de ", "rol"]);
        let have = segments("moet komen: de rol", WrapMode::Word, 10);
        assert_eq!(have, vec!["moet ", "komen: de ", "rol"]);
        for (text, rows) in [
            ("ab cd, ef", vec!["ab ", "cd, ", "ef"]),
            ("ab cd. ef", vec!["ab ", "cd. ", "ef"]),
            ("ab cd; ef", vec!["ab ", "cd; ", "ef"]),
            ("ab cd! ef", vec!["ab ", "cd! ", "ef"]),
            ("ab cd? ef", vec!["ab ", "cd? ", "ef"]),
            ("ab (cd) ef", vec!["ab ", "(cd) ", "ef"]),
            ("ab cd… ef", vec!["ab ", "cd… ", "ef"]),
        ] {
            assert_eq!(segments(text, WrapMode::WordOrGlyph, 5), rows, "{text:?}");
        }
    }

    #[test]
    fn whitespace_hangs_at_the_end_of_its_row() {
        let have = segments("financiering (CmK)", WrapMode::WordOrGlyph, 12);
        assert_eq!(have, vec!["financiering ", "(CmK)"]);
        let have = segments("ab   cd", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["ab   ", "cd"]);
        let have = segments("ab\tcd", WrapMode::Word, 2);
        assert_eq!(have, vec!["ab\t", "cd"]);
    }

    #[test]
    fn a_line_may_break_after_a_hyphen_and_not_before_it() {
        let have = segments("een MR-vergadering", WrapMode::WordOrGlyph, 14);
        assert_eq!(have, vec!["een MR-", "vergadering"]);
        let have = segments("een MR-vergadering", WrapMode::WordOrGlyph, 6);
        assert_eq!(have, vec!["een ", "MR-", "vergad", "ering"]);
    }

    #[test]
    fn a_no_break_space_and_punctuation_inside_a_word_join_their_neighbours() {
        let have = segments("om 15\u{a0}uur", WrapMode::WordOrGlyph, 6);
        assert_eq!(have, vec!["om ", "15\u{a0}uur"]);
        let have = segments("tot 15:30 uur", WrapMode::WordOrGlyph, 6);
        assert_eq!(have, vec!["tot ", "15:30 ", "uur"]);
        let have = segments("zie bv.www.icc.nl", WrapMode::WordOrGlyph, 8);
        assert_eq!(have, vec!["zie ", "bv.www.i", "cc.nl"]);
    }

    #[test]
    fn the_rest_of_a_long_word_goes_on_in_one_piece() {
        let text: String = (0..12).map(|n| format!("{n};")).collect();
        let have = segments(&text, WrapMode::WordOrGlyph, 24);
        assert_eq!(have, vec!["0;1;2;3;4;5;6;7;8;9;10;1", "1;"]);
        // Nor does the rest start with the punctuation that ends the word.
        let have = segments("een vergadering.", WrapMode::WordOrGlyph, 11);
        assert_eq!(have, vec!["een ", "vergaderin", "g."]);
        let have = segments("犬猫犬猫犬猫。", WrapMode::WordOrGlyph, 1);
        assert_eq!(have, vec!["犬", "猫", "犬", "猫", "犬", "猫", "。"]);
        // The words after the rest join it on its row.
        let have = segments("helloworld, ok then", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld, ", "ok ", "then"]);
    }

    #[test]
    fn wide_chars_and_their_punctuation_wrap_together() {
        assert_eq!(
            segments("abc犬", WrapMode::WordOrGlyph, 4),
            vec!["abc", "犬"]
        );
        assert_eq!(
            segments("犬猫。", WrapMode::WordOrGlyph, 4),
            vec!["犬", "猫。"]
        );
        assert_eq!(
            segments("ok 👍!", WrapMode::WordOrGlyph, 4),
            vec!["ok ", "👍!"]
        );
        let have = segments("cafe\u{301} is", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["cafe\u{301} ", "is"]);
    }

    #[test]
    fn no_wrapped_row_starts_with_a_space_or_closing_punctuation() {
        let text = "We hebben tot 15:30, Marieke moet daarna naar een MR-vergadering. \
                    Aan bod moet komen: de rol van de ICC'er (na het vertrek van Jan), \
                    en hoe we de leerlijn muziek borgen; kritisch? Ja! Zeker… \"echt\".";
        for width in 12..=40 {
            let rows = segments(text, WrapMode::WordOrGlyph, width);
            assert_eq!(rows.concat(), text);
            for row in &rows[1..] {
                let first = row.chars().next().unwrap_or('x');
                assert!(
                    !first.is_whitespace() && !",.:;!?)…".contains(first),
                    "width {width}: {rows:?}"
                );
            }
        }
    }

    #[test]
    fn halfwidth_sound_marks_take_a_cell() {
        let have = segments("ｶﾞﾊﾟ", WrapMode::Glyph, 2);
        assert_eq!(have, vec!["ｶﾞ", "ﾊﾟ"]);
    }
}
