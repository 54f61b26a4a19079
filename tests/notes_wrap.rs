//! The notes editor wraps like a word processor (issue 14 point 4, D9): no
//! wrapped row starts with a space or with the punctuation after a word, the
//! rest of a word longer than the row goes on in one piece, and the cursor is
//! drawn where the text is, whatever moves it.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::tui::widgets::input::TextInput;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use ui_support::{at, in_conversation, keys, screen};
use unicode_width::UnicodeWidthStr;

/// The note of D9 (tried-2026-12-01.md), two lines.
const D9: [&str; 2] = [
    "We hebben tot 15:30, Marieke moet daarna naar een MR-vergadering. Aan bod moet komen: \
     de rol van de ICC'er na het vertrek van Jan in de zomer, en hoe we de leerlijn muziek \
     borgen.",
    "Zinvol als: we met 2–3 concrete afspraken weggaan én het team zich herkent in de \
     ambities. Verwachting van mij: kritische vragen stellen, meedenken over financiering \
     (CmK-gelden).",
];

/// The characters no wrapped row may start with.
const NEVER_FIRST: &str = " ,.:;!?)";

/// A focused notes editor holding `text`, drawn once at `width` (as the app
/// draws before the first key), cursor at the end.
fn notes(text: &str, width: u16) -> TextInput {
    let mut input = TextInput::notes(text);
    input.set_focused(true);
    draw(&input, width, 120);
    input
}

fn draw(input: &TextInput, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| input.render(f, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// The rows as drawn, trailing blanks cut, blank rows at the bottom dropped.
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let mut rows: Vec<String> = (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            row.trim_end().to_string()
        })
        .collect();
    while rows.last().is_some_and(String::is_empty) {
        rows.pop();
    }
    rows
}

/// Where the cursor is drawn: the reversed cells.
fn cursor_cells(buf: &Buffer) -> Vec<(u16, u16)> {
    let area = buf.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
        .collect()
}

/// The one cell the cursor is drawn on.
fn the_cursor(buf: &Buffer) -> (u16, u16) {
    let cells = cursor_cells(buf);
    assert_eq!(cells.len(), 1, "one cursor cell: {cells:?}");
    cells[0]
}

/// The one cell the cursor is drawn on, at this size.
fn cursor(input: &TextInput, width: u16) -> (u16, u16) {
    the_cursor(&draw(input, width, 120))
}

fn press(input: &mut TextInput, code: KeyCode, width: u16) {
    input.key(KeyEvent::new(code, KeyModifiers::NONE));
    draw(input, width, 120);
}

/// The character Delete would take from under the cursor (`None` at the end
/// of the text).
fn under_cursor(input: &TextInput) -> Option<char> {
    let before = input.text();
    let mut probe = input.clone();
    probe.key(KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE));
    let after = probe.text();
    let at = before
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before.chars().nth(at)
}

/// Rows after the first of their line that start with a space or with
/// punctuation that belongs to the word before.
fn bad_rows(text: &str, rows: &[String]) -> Vec<String> {
    let firsts: Vec<&str> = text.split('\n').collect();
    rows.iter()
        .filter(|r| {
            !firsts
                .iter()
                .any(|l| !l.is_empty() && l.starts_with(r.as_str()))
        })
        .filter(|r| r.chars().next().is_some_and(|c| NEVER_FIRST.contains(c)))
        .cloned()
        .collect()
}

#[test]
fn a_word_that_ends_at_the_edge_takes_its_colon_along() {
    let text = "Aan bod moet komen: de rol van de ICC'er";
    let buf = draw(&notes(text, 18), 18, 4);
    assert_eq!(
        rows(&buf),
        ["Aan bod moet", "komen: de rol van", "de ICC'er"],
        "\"Aan bod moet komen\" fills the row"
    );
}

#[test]
fn no_row_starts_with_the_space_after_a_word_at_the_edge() {
    // "…financiering" ends exactly at the edge: the space hangs there.
    let text = "ambities, meedenken over financiering (CmK-gelden).";
    let buf = draw(&notes(text, 37), 37, 4);
    assert_eq!(
        rows(&buf),
        ["ambities, meedenken over financiering", "(CmK-gelden)."]
    );
}

#[test]
fn the_rest_of_a_long_word_goes_on_in_one_piece() {
    let text: String = (0..32).map(|n| format!("{n};")).collect();
    let buf = draw(&notes(&text, 84), 84, 4);
    assert_eq!(rows(&buf), [&text[..84], "1;"]);
    assert!(rows(&buf)[0].ends_with("30;3"));
}

#[test]
fn wide_characters_wrap_by_their_cells_and_keep_their_punctuation() {
    let input = notes("犬と猫。ok 👍!", 6);
    assert_eq!(rows(&draw(&input, 6, 4)), ["犬と", "猫。ok", "👍!"]);
    assert_eq!(cursor(&input, 6), (3, 2));
    let mut input = input;
    press(&mut input, KeyCode::Left, 6);
    press(&mut input, KeyCode::Left, 6);
    assert_eq!(
        (cursor(&input, 6), under_cursor(&input)),
        ((0, 2), Some('👍'))
    );
    press(&mut input, KeyCode::Up, 6);
    assert_eq!(
        (cursor(&input, 6), under_cursor(&input)),
        ((0, 1), Some('猫'))
    );
    press(&mut input, KeyCode::End, 6);
    press(&mut input, KeyCode::Up, 6);
    // From the end (column 3) up onto the wide character over columns 2 and 3.
    assert_eq!(
        (cursor(&input, 6), under_cursor(&input)),
        ((2, 1), Some('。'))
    );

    // At the end of a full row the cursor is drawn on its last cell.
    let input = notes("ok 👍!", 6);
    assert_eq!(cursor(&input, 6), (5, 0));

    let mut input = notes("cafe\u{301} is", 4);
    assert_eq!(rows(&draw(&input, 4, 3)), ["cafe\u{301}", "is"]);
    assert_eq!(cursor(&input, 4), (2, 1));
    press(&mut input, KeyCode::Home, 4);
    press(&mut input, KeyCode::Down, 4);
    assert_eq!(
        (cursor(&input, 4), under_cursor(&input)),
        ((0, 1), Some('i'))
    );
    // Right steps over "e" and its accent together, onto the hanging space.
    press(&mut input, KeyCode::Up, 4);
    for _ in 0..3 {
        press(&mut input, KeyCode::Right, 4);
    }
    assert_eq!(
        (cursor(&input, 4), under_cursor(&input)),
        ((3, 0), Some('e'))
    );
    press(&mut input, KeyCode::Right, 4);
    assert_eq!(
        (cursor(&input, 4), under_cursor(&input)),
        ((3, 0), Some(' '))
    );
    press(&mut input, KeyCode::Right, 4);
    assert_eq!(
        (cursor(&input, 4), under_cursor(&input)),
        ((0, 1), Some('i'))
    );
    press(&mut input, KeyCode::Left, 4);
    press(&mut input, KeyCode::Left, 4);
    assert_eq!(
        (cursor(&input, 4), under_cursor(&input)),
        ((3, 0), Some('e'))
    );
}

#[test]
fn typing_the_d9_note_keeps_the_cursor_after_the_last_character() {
    let width = 84;
    let mut input = notes("", width);
    let mut typed = String::new();
    for c in D9[0].chars() {
        input.type_text(&c.to_string());
        typed.push(c);
        let buf = draw(&input, width, 120);
        let rows = rows(&buf);
        let last = rows.len() - 1;
        let spaces = typed.len() - typed.trim_end().len();
        let x = (rows[last].width() + spaces).min(usize::from(width) - 1);
        assert_eq!(
            cursor_cells(&buf),
            [(u16::try_from(x).unwrap(), u16::try_from(last).unwrap())],
            "after typing {typed:?}: {rows:#?}"
        );
        assert_eq!(bad_rows(&typed, &rows), Vec::<String>::new(), "{rows:#?}");
    }
}

#[test]
fn arrows_home_end_and_up_down_follow_the_wrapped_rows() {
    let mut input = notes("Aan bod moet komen: de rol van de ICC'er", 18);
    // The end of the text, after "ICC'er" on the third row.
    assert_eq!((cursor(&input, 18), under_cursor(&input)), ((9, 2), None));
    press(&mut input, KeyCode::Up, 18);
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((9, 1), Some(' '))
    );
    press(&mut input, KeyCode::Up, 18);
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((9, 0), Some('o'))
    );
    press(&mut input, KeyCode::Home, 18);
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((0, 0), Some('A'))
    );
    press(&mut input, KeyCode::Down, 18);
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((0, 1), Some('k'))
    );
    for _ in 0..5 {
        press(&mut input, KeyCode::Right, 18);
    }
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((5, 1), Some(':'))
    );
    press(&mut input, KeyCode::Down, 18);
    assert_eq!(
        (cursor(&input, 18), under_cursor(&input)),
        ((5, 2), Some('C'))
    );
    press(&mut input, KeyCode::End, 18);
    assert_eq!((cursor(&input, 18), under_cursor(&input)), ((9, 2), None));
}

#[test]
fn the_cursor_on_a_hanging_space_is_drawn_at_the_edge() {
    let mut input = notes("financiering (CmK)", 12);
    press(&mut input, KeyCode::Home, 12);
    for _ in 0..12 {
        press(&mut input, KeyCode::Right, 12);
    }
    // After "financiering", on the space that hangs past the edge.
    assert_eq!(
        (cursor(&input, 12), under_cursor(&input)),
        ((11, 0), Some(' '))
    );
    press(&mut input, KeyCode::Right, 12);
    assert_eq!(
        (cursor(&input, 12), under_cursor(&input)),
        ((0, 1), Some('('))
    );
    press(&mut input, KeyCode::Left, 12);
    assert_eq!(
        (cursor(&input, 12), under_cursor(&input)),
        ((11, 0), Some(' '))
    );
    press(&mut input, KeyCode::Left, 12);
    assert_eq!(
        (cursor(&input, 12), under_cursor(&input)),
        ((11, 0), Some('g'))
    );
}

#[test]
fn backspace_at_a_wrap_point_joins_the_words_and_the_cursor_stays_between_them() {
    let mut input = notes("moet komen de rol", 10);
    assert_eq!(rows(&draw(&input, 10, 4)), ["moet komen", "de rol"]);
    press(&mut input, KeyCode::Home, 10);
    press(&mut input, KeyCode::Down, 10);
    assert_eq!(
        (cursor(&input, 10), under_cursor(&input)),
        ((0, 1), Some('d'))
    );
    press(&mut input, KeyCode::Backspace, 10);
    assert_eq!(input.text(), "moet komende rol");
    assert_eq!(rows(&draw(&input, 10, 4)), ["moet", "komende", "rol"]);
    assert_eq!(
        (cursor(&input, 10), under_cursor(&input)),
        ((5, 1), Some('d'))
    );
}

#[test]
fn a_huge_paste_wraps_the_same_and_keeps_the_cursor_at_its_end() {
    let width = 84;
    let mut input = notes("", width);
    let text = vec![D9.join("\n"); 300].join("\n");
    assert!(input.paste(&text));
    let buf = draw(&input, width, 20);
    let shown = rows(&buf);
    assert_eq!(shown.last().map(String::as_str), Some("(CmK-gelden)."));
    assert_eq!(
        cursor_cells(&buf),
        [(13, u16::try_from(shown.len() - 1).unwrap())]
    );
    assert_eq!(bad_rows(&text, &shown), Vec::<String>::new(), "{shown:#?}");
    // Up over the wrapped rows stays on screen, one row at a time.
    for row in (10..19).rev() {
        input.key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
        let cells = cursor_cells(&draw(&input, width, 20));
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].1, row);
    }
}

#[test]
fn the_d9_note_at_120_columns_wraps_like_a_word_processor() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, &D9.join("<enter>"), at(1));
    let text = screen(&app, 120, 40, at(1));
    // The pane is 84 columns wide: "…moet komen" and "…financiering" end at its edge.
    assert!(
        text.contains("┃We hebben tot 15:30"),
        "typing in the notes:\n{text}"
    );
    let notes: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Notities"))
        .skip(1)
        .take_while(|l| !l.contains("┗━"))
        .map(|l| {
            l.trim_matches('"')
                .rsplit('┃')
                .nth(1)
                .map_or("", str::trim_end)
        })
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(
        notes,
        [
            "We hebben tot 15:30, Marieke moet daarna naar een MR-vergadering. Aan bod moet",
            "komen: de rol van de ICC'er na het vertrek van Jan in de zomer, en hoe we de",
            "leerlijn muziek borgen.",
            "Zinvol als: we met 2–3 concrete afspraken weggaan én het team zich herkent in de",
            "ambities. Verwachting van mij: kritische vragen stellen, meedenken over financiering",
            "(CmK-gelden).",
        ],
        "{text}"
    );
}

/// Words that wrap in the awkward places: punctuation after, brackets and
/// quotes around, wide characters, an emoji, a combining accent.
const WORDS: &[&str] = &[
    "de",
    "rol",
    "komen:",
    "ICC'er",
    "(CmK-gelden).",
    "15:30,",
    "MR-vergadering.",
    "financiering",
    "犬猫。",
    "👍!",
    "e\u{301}én",
    "2–3",
    "ja?",
    "ok;",
    "\"echt\"",
    "leerlijn",
];

fn a_note() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), 0..10u8), 1..40).prop_map(|words| {
        let mut text = String::new();
        for (i, (word, sep)) in words.into_iter().enumerate() {
            if i > 0 {
                text.push(if sep == 0 { '\n' } else { ' ' });
            }
            text.push_str(word);
        }
        text
    })
}

fn a_key() -> impl Strategy<Value = KeyCode> {
    prop::sample::select(vec![
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Char('x'),
        KeyCode::Char(' '),
        KeyCode::Char(','),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the text, the width and the keys: the rows break only where
    /// a word processor would, one cursor is drawn, on the character that
    /// Delete would take (or at the edge when that is a space hanging past
    /// it), and Up/Down move it one drawn row.
    #[test]
    fn the_drawn_rows_and_the_cursor_agree(
        text in a_note(),
        width in 8u16..40,
        presses in prop::collection::vec(a_key(), 0..30),
    ) {
        let mut input = notes(&text, width);
        let mut buf = draw(&input, width, 120);
        let shown = rows(&buf);
        prop_assert_eq!(bad_rows(&text, &shown), Vec::<String>::new(), "{:#?}", shown);
        for code in presses {
            let (_, y) = the_cursor(&buf);
            // Whether a drawn row (maybe an empty last line) is below the cursor's.
            let more = rows(&buf).len() > usize::from(y) + 1
                || (input.text().ends_with('\n') && under_cursor(&input).is_some());
            input.key(KeyEvent::new(code, KeyModifiers::NONE));
            buf = draw(&input, width, 120);
            let (x2, y2) = the_cursor(&buf);
            let symbol = buf[(x2, y2)].symbol().to_string();
            // Past the edge the cursor is drawn on the row's last cell, or
            // on the wide character (an emoji) that fills the last two.
            let at_edge = x2 + cells(&symbol) == width;
            match under_cursor(&input) {
                Some(c) if c.is_whitespace() || c == '\n' => {
                    prop_assert!(symbol == " " || at_edge, "{c:?} at ({x2},{y2})");
                }
                // Never a combining mark: the cursor does not stop before one.
                Some(c) => {
                    prop_assert!(symbol.starts_with(c), "{c:?} drawn as {symbol:?} at ({x2},{y2})");
                }
                None => prop_assert!(symbol == " " || at_edge, "{symbol:?} at ({x2},{y2})"),
            }
            match code {
                KeyCode::Up => prop_assert_eq!(y2, y.saturating_sub(1)),
                KeyCode::Down => prop_assert_eq!(y2, if more { y + 1 } else { y }),
                KeyCode::Home => prop_assert_eq!(x2, 0),
                KeyCode::End => {
                    let end = under_cursor(&input);
                    prop_assert!(end.is_none() || end == Some('\n'));
                }
                _ => {}
            }
        }
    }
}

/// The cells a drawn symbol takes (at least one).
fn cells(symbol: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap_or(u16::MAX)
}

/// Found by the property test: at the end of a row that an emoji fills to
/// the edge, the cursor is drawn on the emoji (the last two cells), not
/// past the edge and not on the next row.
#[test]
fn the_cursor_after_an_emoji_at_the_edge_is_drawn_on_it() {
    let width = 10;
    let mut input = notes("\"echt\" 👍! 👍! 👍!", width);
    for code in [
        KeyCode::Up,
        KeyCode::Char('x'),
        KeyCode::End,
        KeyCode::Backspace,
    ] {
        press(&mut input, code, width);
    }
    let buf = draw(&input, width, 120);
    assert_eq!(rows(&buf), ["\"echt\" x", "👍! 👍! 👍"]);
    assert_eq!(the_cursor(&buf), (8, 1));
    assert_eq!(buf[(8, 1)].symbol(), "👍");
    assert_eq!(under_cursor(&input), None);
}
