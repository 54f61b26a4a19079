//! Fitting text into columns: every cut anywhere on screen ends in "…", and
//! widths are counted the way ratatui draws (by grapheme, so a wide
//! character, an emoji sequence or a letter with its combining marks is
//! never split).

use ratatui::buffer::CellWidth;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

/// What every cut ends in.
pub const ELLIPSIS: &str = "…";

/// How many columns one grapheme takes on screen (control characters,
/// which ratatui leaves out, none).
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.contains(char::is_control) {
        0
    } else {
        usize::from(grapheme.cell_width())
    }
}

/// How many columns a text takes on screen.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// How many columns a line takes on screen.
pub fn line_width(line: &Line) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// The longest start of `text` that takes at most `width` columns (whole
/// graphemes), and the columns it takes.
fn head(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        end = at + g.len();
    }
    (&text[..end], used)
}

/// Cut a string to at most `width` columns, ending in "…" when cut. The
/// one helper for cutting text: use it (or [`fit`], [`cut_line`]) wherever
/// a text may be too long for its place.
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (kept, _) = head(text, width - 1);
    format!("{kept}{ELLIPSIS}")
}

/// `text` cut or padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(self::width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// `head`, `body` and `tail` in at most `width` columns: the body is cut
/// (with "…") so that the head and the tail keep their place; when even
/// they do not fit, the whole is cut at its end.
pub fn squeeze(head: &str, body: &str, tail: &str, width: usize) -> String {
    let whole = format!("{head}{body}{tail}");
    if self::width(&whole) <= width {
        return whole;
    }
    let room = width.saturating_sub(self::width(head) + self::width(tail));
    if room < 2 {
        return truncate(&whole, width);
    }
    format!("{head}{}{tail}", truncate(body, room))
}

/// A line of styled spans cut to at most `width` columns, ending in "…"
/// (in the style of the span it cuts) when cut.
pub fn cut_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line_width(&line) <= width {
        return line;
    }
    mark_cut(line, width)
}

/// A line that goes on elsewhere (the next row is not shown): it ends in
/// "…", cut to make room for it within `width` columns when needed.
pub fn mark_cut(line: Line<'static>, width: usize) -> Line<'static> {
    if width == 0 {
        return Line::default().style(line.style);
    }
    let room = width - 1;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut last_style = line.style;
    for span in line.spans {
        last_style = span.style;
        let w = self::width(&span.content);
        if used + w <= room {
            used += w;
            spans.push(span);
            continue;
        }
        let (kept, _) = head(&span.content, room - used);
        spans.push(Span::styled(kept.to_string(), span.style));
        break;
    }
    if let Some(last) = spans.last() {
        last_style = last.style;
    }
    spans.push(Span::styled(ELLIPSIS, last_style));
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_in_an_ellipsis_and_wide_characters_count_double() {
        assert_eq!(truncate("Contracteren", 20), "Contracteren");
        assert_eq!(truncate("Contracteren", 12), "Contracteren");
        assert_eq!(truncate("Contracteren", 6), "Contr…");
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        // A wide character that does not fit whole is left out whole.
        assert_eq!(truncate("日本語テキスト", 6), "日本…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(fit("日本語", 4), "日… ");
    }

    #[test]
    fn a_cut_never_splits_an_emoji_or_a_letter_from_its_marks() {
        // A family (ZWJ sequence) and a flag take two columns each.
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(width(family), 2);
        assert_eq!(
            truncate(&format!("{family}{family}ab"), 5),
            format!("{family}{family}…")
        );
        assert_eq!(
            truncate(&format!("{family}{family}ab"), 4),
            format!("{family}…")
        );
        assert_eq!(truncate("🇳🇱🇳🇱🇳🇱", 5), "🇳🇱🇳🇱…");
        // "é" as e + combining acute: one column, kept together.
        let e = "e\u{301}";
        assert_eq!(width(&e.repeat(5)), 5);
        assert_eq!(truncate(&e.repeat(5), 3), format!("{e}{e}…"));
        assert_eq!(truncate("Wie: Jan Bakker", 6), "Wie: …");
    }

    #[test]
    fn squeezing_cuts_the_middle_and_keeps_both_ends() {
        let row = squeeze("  ▸ ", "Professionele leergemeenschap", "  (4 stappen)", 34);
        assert_eq!(row, "  ▸ Professionele le…  (4 stappen)");
        assert_eq!(width(&row), 34);
        assert_eq!(squeeze("a", "b", "c", 3), "abc");
        // No room for the middle: cut at the end.
        assert_eq!(squeeze("  ▸ ", "Titel", "  (4 stappen)", 10), "  ▸ Titel…");
    }

    #[test]
    fn a_styled_line_is_cut_in_its_spans() {
        let line = Line::from(vec![
            Span::raw("Afspraken (3)"),
            Span::raw(" · Wie doet wat"),
        ]);
        let cut = cut_line(line.clone(), 18);
        assert_eq!(cut.to_string(), "Afspraken (3) · W…");
        assert_eq!(line_width(&cut), 18);
        assert_eq!(cut_line(line.clone(), 40), line);
        // Marking a line that fits: the ellipsis goes after it.
        assert_eq!(mark_cut(Line::raw("vraag"), 10).to_string(), "vraag…");
        assert_eq!(mark_cut(Line::raw("vraag een"), 9).to_string(), "vraag ee…");
    }
}
