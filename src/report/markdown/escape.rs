//! Text escaped for CommonMark (with the GitHub table and strikethrough
//! extensions): whatever was typed, a renderer shows it literally.
//!
//! Inline, every character that can open or close inline syntax is
//! backslash-escaped (`\ * _ ` [ ] < ~ |`, and `&` before what could be an
//! entity). At the start of a line, what could open a block is escaped too
//! (`#`, `>`, `-`, `+`, `=`, `:`, the `.` or `)` after a number); a line
//! that starts with white space starts with it as a character reference,
//! so it can neither be indented code nor lose its indentation. Everything
//! else (letters, digits, `:` and `,` inside a line, emoji, CJK) is left as
//! typed, so the Markdown stays readable.

/// One line of text inside a paragraph or a table cell (not at the start
/// of a line: see [`line`]).
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '|' => true,
            '&' => chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of text that stands at the start of a line (a paragraph's
/// line, a list item).
pub fn line(text: &str) -> String {
    let Some(first) = text.chars().next() else {
        return String::new();
    };
    let rest = &text[first.len_utf8()..];
    match first {
        ' ' => format!("&#32;{}", inline(rest)),
        '\t' => format!("&#9;{}", inline(rest)),
        '#' | '>' | '-' | '+' | '=' | ':' => format!("\\{first}{}", inline(rest)),
        _ => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            match text.as_bytes().get(digits) {
                Some(b'.' | b')') if (1..=9).contains(&digits) => {
                    format!("{}\\{}", &text[..digits], inline(&text[digits..]))
                }
                _ => inline(text),
            }
        }
    }
}

/// A heading's text: inline, and `#` escaped too (a heading may end in a
/// closing run of `#`).
pub fn heading(text: &str) -> String {
    inline(text).replace('#', "\\#")
}

/// A table cell: its lines inline, joined by `<br>`.
pub fn cell(text: &str) -> String {
    text.split('\n')
        .map(inline)
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_stays_as_typed() {
        let typed = "Eerste fase: één café, ĳsje, coördinator (2026) 😀 学校 a-b 3.5 Jan & Piet";
        assert_eq!(line(typed), typed);
    }

    #[test]
    fn what_could_start_a_block_is_escaped_at_the_start_of_a_line() {
        assert_eq!(line("1. Elke leerling"), "1\\. Elke leerling");
        assert_eq!(line("12) twaalf"), "12\\) twaalf");
        assert_eq!(line("2026 was goed"), "2026 was goed");
        assert_eq!(line("- punt"), "\\- punt");
        assert_eq!(line("# Belangrijk: *niet*"), "\\# Belangrijk: \\*niet\\*");
        assert_eq!(line("> citaat"), "\\> citaat");
        assert_eq!(line("==="), "\\===");
        assert_eq!(line("    code"), "&#32;   code");
        assert_eq!(line("\tx"), "&#9;x");
    }

    #[test]
    fn what_could_be_inline_syntax_is_escaped_everywhere() {
        assert_eq!(inline("<b>vet</b>"), "\\<b>vet\\</b>");
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(
            inline("[x](y) `c` ~s~ \\"),
            "\\[x\\](y) \\`c\\` \\~s\\~ \\\\"
        );
        assert_eq!(inline("&amp; &#32; R&D & x"), "\\&amp; \\&#32; R\\&D & x");
        assert_eq!(heading("C# ##"), "C\\# \\#\\#");
        assert_eq!(cell("a\n\nb|c"), "a<br><br>b\\|c");
    }
}
