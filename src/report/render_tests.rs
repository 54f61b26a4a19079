//! The plain text and the Markdown tables on arbitrary text: whatever a
//! consultant types, every line of a note and every word of a list item
//! reaches the plain text, and a table keeps its columns. (Markdown read
//! back by a CommonMark parser: `commonmark_tests.rs`.)

use proptest::prelude::*;

use super::PrivateNotes::Include;
use super::build::text;
use super::tests::held;
use super::{ReportOptions, markdown, plain};
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

/// The lines a report shows of a note: its document text's lines, blank
/// ones left out.
fn note_lines(raw: &str) -> Vec<String> {
    text(raw)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words of a list item: what stands between white space, control
/// characters and pipes.
fn item_words(raw: &str) -> Vec<String> {
    text(raw)
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The pipes of a Markdown table row that separate cells: those not
/// escaped by an odd run of backslashes.
fn separators(row: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in row.chars() {
        match c {
            '\\' => backslashes += 1,
            '|' if backslashes % 2 == 0 => {
                count += 1;
                backslashes = 0;
            }
            _ => backslashes = 0,
        }
    }
    count
}

proptest! {
    #[test]
    fn plain_text_keeps_every_line_of_the_notes(notes in typed(), private in typed()) {
        let mut s = held();
        for record in &mut s.phases {
            record.notes = notes.clone();
            record.private_notes = private.clone();
        }
        let text = plain(&s, &NL, Include);
        let phases = s.phases.len();
        for line in note_lines(&notes) {
            let shown = text.lines().filter(|l| *l == line).count();
            prop_assert!(shown >= phases, "plain: {line:?} in\n{text}");
        }
        for line in note_lines(&private) {
            let indented = format!("  {line}");
            let shown = text.lines().filter(|l| *l == indented).count();
            prop_assert!(shown >= phases, "plain: {line:?} in\n{text}");
        }
    }

    #[test]
    fn every_word_of_a_list_item_is_kept_and_tables_keep_their_columns(
        first in typed(),
        second in typed(),
    ) {
        let mut s = held();
        let item = Item { values: vec![first.clone(), second.clone()], done: false };
        s.phases[1].lists.insert("mijlpalen".into(), vec![item]);
        let md = markdown(&s, &NL, &ReportOptions::complete());
        let text = plain(&s, &NL, Include);
        for word in item_words(&first).into_iter().chain(item_words(&second)) {
            prop_assert!(text.contains(&word), "plain: {word:?} in\n{text}");
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
