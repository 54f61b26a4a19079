//! Both renderers on arbitrary text: whatever a consultant types, every line
//! of a note and every word of a list item reaches the report.

use proptest::prelude::*;

use super::PrivateNotes::Include;
use super::tests::held;
use super::{markdown, plain};
use crate::i18n::NL;
use crate::session::Item;

/// Text rich in what a report treats specially: pipes, line ends, control
/// characters, Markdown punctuation.
fn typed() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '|', '\n', '\r', ' ', '\t', '\u{7}', '\u{85}', '*', '_', '\\', '#', '-',
    ]);
    prop::collection::vec(prop_oneof![3 => any::<char>(), 2 => special], 0..80)
        .prop_map(String::from_iter)
}

/// The lines a report shows of a note: line ends normalised to `\n`, the
/// whole trimmed, each line trimmed at its end, blank lines left out.
fn note_lines(text: &str) -> Vec<String> {
    text.trim()
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The words of a list item: what stands between white space, control
/// characters and pipes (a table cell escapes or replaces those).
fn item_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c.is_control() || c == '|')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The pipes of a Markdown table row that separate cells.
fn separators(row: &str) -> usize {
    let chars: Vec<char> = row.chars().collect();
    (0..chars.len())
        .filter(|&i| chars[i] == '|' && (i == 0 || chars[i - 1] != '\\'))
        .count()
}

proptest! {
    #[test]
    fn both_reports_keep_every_line_of_the_notes(notes in typed(), private in typed()) {
        let mut s = held();
        for record in &mut s.phases {
            record.notes = notes.clone();
            record.private_notes = private.clone();
        }
        let md = markdown(&s, &NL, Include);
        let text = plain(&s, &NL, Include);
        let phases = s.phases.len();
        for line in note_lines(&notes) {
            let shown = md
                .lines()
                .filter(|l| *l == line || l.strip_suffix('\\') == Some(line.as_str()))
                .count();
            prop_assert!(shown >= phases, "markdown: {line:?} in\n{md}");
            let shown = text.lines().filter(|l| *l == line).count();
            prop_assert!(shown >= phases, "plain: {line:?} in\n{text}");
        }
        for line in note_lines(&private) {
            let shown = md
                .lines()
                .filter(|l| *l == line || l.strip_suffix('\\') == Some(line.as_str()))
                .count();
            prop_assert!(shown >= phases, "markdown: {line:?} in\n{md}");
            let indented = format!("  {line}");
            let shown = text.lines().filter(|l| *l == indented).count();
            prop_assert!(shown >= phases, "plain: {line:?} in\n{text}");
        }
    }

    #[test]
    fn both_reports_keep_every_word_of_a_list_item(first in typed(), second in typed()) {
        let mut s = held();
        let item = Item { values: vec![first.clone(), second.clone()], done: false };
        s.phases[1].lists.insert("mijlpalen".into(), vec![item]);
        let md = markdown(&s, &NL, Include);
        let text = plain(&s, &NL, Include);
        for word in item_words(&first).into_iter().chain(item_words(&second)) {
            prop_assert!(md.contains(word), "markdown: {word:?} in\n{md}");
            prop_assert!(text.contains(word), "plain: {word:?} in\n{text}");
        }
        for block in md.split("\n\n") {
            let rows: Vec<usize> = block
                .lines()
                .filter(|l| l.starts_with('|'))
                .map(separators)
                .collect();
            prop_assert!(rows.windows(2).all(|w| w[0] == w[1]), "{block}");
        }
    }
}
