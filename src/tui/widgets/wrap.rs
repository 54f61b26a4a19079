//! Word wrap with a hanging indent: the rows after the first start under
//! the start of the text, not at column 0 (`[ ] a long question` goes on
//! under `a`). The one way the screens wrap a list's entries (questions,
//! checklist items, list items, summary lines, the home preview).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::text::{grapheme_width, mark_cut, width};

/// A piece of a word in the style of the span it came from.
type Piece = (String, Style);

/// What a text is made of, for wrapping: words (each one or more styled
/// pieces, after the spaces that came before it), and the line breaks it
/// has.
enum Token {
    Word { space: String, pieces: Vec<Piece> },
    Break,
}

/// The words and line breaks of styled spans; the spaces between words are
/// kept as they are (two spaces stay two), except at a row's start.
fn tokens(body: &[Span<'_>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut space = String::new();
    let mut word: Vec<Piece> = Vec::new();
    for span in body {
        let mut piece = String::new();
        for c in span.content.chars() {
            if c.is_whitespace() {
                if !piece.is_empty() {
                    word.push((std::mem::take(&mut piece), span.style));
                }
                if !word.is_empty() {
                    let space = std::mem::take(&mut space);
                    out.push(Token::Word {
                        space,
                        pieces: std::mem::take(&mut word),
                    });
                }
                if c == '\n' {
                    out.push(Token::Break);
                    space.clear();
                } else if !c.is_control() {
                    space.push(c);
                }
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            word.push((piece, span.style));
        }
    }
    if !word.is_empty() {
        out.push(Token::Word {
            space,
            pieces: word,
        });
    }
    out
}

/// The rows being filled.
struct Rows {
    width: usize,
    indent: usize,
    done: Vec<Line<'static>>,
    row: Vec<Span<'static>>,
    /// Columns used in the row, lead or indent included.
    used: usize,
    /// Whether the row holds any of the text yet.
    has_text: bool,
}

impl Rows {
    fn new_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        self.done.push(Line::from(row));
        if self.indent > 0 {
            self.row.push(Span::raw(" ".repeat(self.indent)));
        }
        self.used = self.indent;
        self.has_text = false;
    }

    fn push(&mut self, text: &str, style: Style, w: usize) {
        // Pieces in the same style join the span before them.
        match self.row.last_mut() {
            Some(last) if last.style == style && self.has_text => {
                last.content = format!("{}{text}", last.content).into();
            }
            _ => self.row.push(Span::styled(text.to_string(), style)),
        }
        self.used += w;
        self.has_text = true;
    }

    /// Whether nothing but the indent is in the row yet.
    fn at_start(&self) -> bool {
        !self.has_text && self.used <= self.indent
    }

    fn word(&mut self, space: &str, word: &[Piece]) {
        let w: usize = word.iter().map(|(t, _)| width(t)).sum();
        // Between two words at least one space.
        let space = if space.is_empty() { " " } else { space };
        let space_width = if self.has_text { width(space) } else { 0 };
        if !self.at_start() && self.used + space_width + w > self.width {
            self.new_row();
        }
        if self.has_text {
            let style = word.first().map_or(Style::default(), |(_, s)| *s);
            self.push(space, style, width(space));
        }
        if self.used + w <= self.width {
            for (text, style) in word {
                self.push(text, *style, width(text));
            }
            return;
        }
        // Longer than a row: broken between graphemes, at least one a row.
        for (text, style) in word {
            for g in text.graphemes(true) {
                let gw = grapheme_width(g);
                if !self.at_start() && self.used + gw > self.width {
                    self.new_row();
                }
                self.push(g, *style, gw);
            }
        }
    }
}

/// `lead` and then `body` word-wrapped at `width` columns (the spaces
/// between words kept, none at a row's start); the rows after
/// the first start with as many spaces as `lead` is wide (at column 0
/// when the lead takes more than half the row and leaves fewer than ten
/// columns). A line break in the body starts a new row; a word
/// longer than a row is broken between graphemes. Every row fits `width`
/// (but for a single grapheme wider than the whole row).
pub fn hanging(lead: Span<'static>, body: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let lead_width = self::width(&lead.content);
    let indent = if lead_width * 2 <= width || lead_width + 10 <= width {
        lead_width
    } else {
        0
    };
    let mut rows = Rows {
        width,
        indent,
        done: Vec::new(),
        row: Vec::new(),
        used: lead_width,
        has_text: false,
    };
    if !lead.content.is_empty() {
        rows.row.push(lead);
    }
    for token in tokens(body) {
        match token {
            Token::Word { space, pieces } => rows.word(&space, &pieces),
            Token::Break => rows.new_row(),
        }
    }
    let last = std::mem::take(&mut rows.row);
    rows.done.push(Line::from(last));
    rows.done
}

/// [`hanging`] for a plain text in one style.
pub fn hanging_text(lead: &str, text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    hanging(
        Span::styled(lead.to_string(), style),
        &[Span::styled(text, style)],
        width,
    )
}

/// At most `rows` of wrapped rows; when rows were left out the last one
/// kept ends in "…" (within `width` columns).
pub fn clamp(mut lines: Vec<Line<'static>>, rows: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= rows {
        return lines;
    }
    lines.truncate(rows);
    if let Some(last) = lines.pop() {
        lines.push(mark_cut(last, width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::line_width;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wrapped_rows_go_on_under_the_start_of_the_text() {
        let q = "Wat zijn belangrijke aanknopingspunten voor cultuur bij de algemene onderwijsvisie van de school?";
        let lines = hanging_text(" [ ] ", q, Style::default(), 40);
        assert_eq!(
            texts(&lines),
            [
                " [ ] Wat zijn belangrijke",
                "     aanknopingspunten voor cultuur bij",
                "     de algemene onderwijsvisie van de",
                "     school?",
            ]
        );
        assert!(lines.iter().all(|l| line_width(l) <= 40));
        // What fits stays one row; an empty text is the lead alone.
        assert_eq!(
            texts(&hanging_text("• ", "kort", Style::default(), 40)),
            ["• kort"]
        );
        assert_eq!(texts(&hanging_text("• ", "", Style::default(), 40)), ["• "]);
        // Two spaces stay two, but not at the start of a row.
        let lines = hanging_text(" 1. ", "Gespreksopzet  5 min", Style::default(), 40);
        assert_eq!(texts(&lines), [" 1. Gespreksopzet  5 min"]);
        let lines = hanging_text("", "Gespreksopzet  5 min", Style::default(), 14);
        assert_eq!(texts(&lines), ["Gespreksopzet", "5 min"]);
    }

    #[test]
    fn punctuation_stays_with_its_word_and_no_row_starts_with_a_space() {
        let lines = hanging_text("", "Aan bod moet komen: de rol", Style::default(), 18);
        assert_eq!(texts(&lines), ["Aan bod moet", "komen: de rol"]);
        // A word longer than a row is broken.
        let lines = hanging_text("", "van (CmK-gelden).", Style::default(), 6);
        assert_eq!(texts(&lines), ["van", "(CmK-g", "elden)", "."]);
    }

    #[test]
    fn wide_characters_emoji_and_combining_marks_are_never_split() {
        let lines = hanging_text("- ", "日本語テキスト 日本", Style::default(), 8);
        assert_eq!(texts(&lines), ["- 日本語", "  テキス", "  ト", "  日本"]);
        assert!(lines.iter().all(|l| line_width(l) <= 8));
        let family = "👩\u{200d}👩\u{200d}👧";
        let lines = hanging_text(
            "* ",
            &format!("{family}{family}{family} x"),
            Style::default(),
            6,
        );
        assert_eq!(
            texts(&lines),
            [format!("* {family}{family}"), format!("  {family} x")]
        );
        let e = "e\u{301}";
        let lines = hanging_text(
            "",
            &format!("{} {}", e.repeat(3), e.repeat(3)),
            Style::default(),
            5,
        );
        assert_eq!(texts(&lines), [e.repeat(3), e.repeat(3)]);
    }

    #[test]
    fn styles_and_line_breaks_are_kept() {
        let dim = Style::default().add_modifier(ratatui::style::Modifier::DIM);
        let body = [
            Span::raw("Afspraken (2)"),
            Span::styled(" · Wie doet wat\nen wanneer?", dim),
        ];
        let lines = hanging(Span::raw(""), &body, 20);
        assert_eq!(
            texts(&lines),
            ["Afspraken (2) · Wie", "doet wat", "en wanneer?"]
        );
        assert_eq!(lines[0].spans[0].content, "Afspraken (2)");
        assert_eq!(lines[0].spans[1].style, dim);
    }

    #[test]
    fn a_clamped_text_ends_in_an_ellipsis() {
        let lines = hanging_text(
            " [ ] ",
            "een twee drie vier vijf zes zeven",
            Style::default(),
            15,
        );
        assert_eq!(lines.len(), 4);
        let two = clamp(lines.clone(), 2, 15);
        assert_eq!(texts(&two), [" [ ] een twee", "     drie vier…"]);
        assert_eq!(clamp(lines.clone(), 5, 15), lines);
    }

    #[test]
    fn a_lead_as_wide_as_the_row_leaves_the_text_room() {
        let lines = hanging_text("123456", "ab cd", Style::default(), 6);
        assert_eq!(texts(&lines), ["123456", "ab cd"]);
    }
}
