//! Text from the session or the guide as a report holds it: whatever a file
//! holds, a renderer gets text without control characters (they would
//! reach a terminal as escape sequences, and make a Word document invalid
//! XML).

/// Text with its line breaks: line ends as `\n`, control characters other
/// than `\n` and `\t` left out (and the two non-characters XML forbids),
/// white space at the end of each line dropped, the whole trimmed.
pub(in crate::report) fn text(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|&c| !forbidden(c)).collect();
    kept.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Text on one line: like [`text`], every line break a space.
pub(in crate::report) fn line(raw: &str) -> String {
    text(raw).replace('\n', " ")
}

/// A character no report holds: one that acts on a terminal (see
/// [`is_unsafe`]), or one of the two non-characters XML forbids.
fn forbidden(c: char) -> bool {
    is_unsafe(c) || c == '\u{fffe}' || c == '\u{ffff}'
}

/// Whether `c`, printed, would act on a terminal instead of showing (the
/// C0 controls but line feed and tab, DEL, the C1 controls: ESC starts
/// the sequences that set a window's title or clear the screen) or turn
/// the order of the text around it (the bidi embeddings, overrides and
/// isolates, U+202A to U+202E and U+2066 to U+2069). Reports leave these
/// out; the command line shows them as visible marks.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_are_unified_and_control_characters_left_out() {
        assert_eq!(
            text(" a\r\nb \r\u{1b}]0;pwned\u{7}c\u{85}\td\u{fffe}\n\n\n"),
            "a\nb\n]0;pwnedc\td"
        );
        assert_eq!(line("Plan\nB\r\nC"), "Plan B C");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_left_out() {
        assert_eq!(
            text("De \u{202e}regenboog\u{202c} en \u{2067}x\u{2069}, \u{200f}ok"),
            "De regenboog en x, \u{200f}ok"
        );
        for c in [
            '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202a}', '\u{2066}', '\r',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['\n', '\t', 'a', 'é', '\u{200f}', '—'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }
}
