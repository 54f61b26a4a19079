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

/// A character no report holds.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{fffe}' || c == '\u{ffff}'
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
}
