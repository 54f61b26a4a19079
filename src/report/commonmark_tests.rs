//! The Markdown report read back by a CommonMark parser (`pulldown-cmark`,
//! with GitHub's tables and strikethrough and a few more extensions on):
//! the text it renders is the text that was typed, line breaks included,
//! with nothing turned into a list, a heading, emphasis, a link or HTML.

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::build::text;
use super::tests::held;
use super::{ReportOptions, markdown};
use crate::i18n::NL;
use crate::session::{Item, Session};

/// A block of the rendered report, as text; inline markup shows as
/// markers (`⟨i⟩`, `⟨b⟩`, `⟨x⟩`), a soft line break as `⏎`, HTML as
/// `⟨html …⟩` (a `<br>` in a table cell as a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rendered {
    Heading(u8, String),
    Paragraph(String),
    Table(Vec<Vec<String>>),
    Other(String),
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// The report's blocks, top to bottom (a list, a quote or code is one
/// `Other` block).
fn rendered(md: &str) -> Vec<Rendered> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut depth = 0usize;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = rows.last_mut() {
                    row.push(std::mem::take(&mut text));
                }
            }
            Event::End(TagEnd::Table) => blocks.push(Rendered::Table(std::mem::take(&mut rows))),
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) if depth == 0 => text.clear(),
            Event::End(TagEnd::Paragraph) if depth == 0 => {
                blocks.push(Rendered::Paragraph(std::mem::take(&mut text)));
            }
            Event::End(TagEnd::Heading(level)) if depth == 0 => {
                blocks.push(Rendered::Heading(level as u8, std::mem::take(&mut text)));
            }
            Event::Start(
                tag @ (Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList),
            ) => {
                if depth == 0 {
                    text = format!("{tag:?}: ");
                }
                depth += 1;
            }
            Event::End(
                TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList,
            ) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    blocks.push(Rendered::Other(std::mem::take(&mut text)));
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::SoftBreak => text.push('⏎'),
            Event::InlineHtml(h) if &*h == "<br>" => text.push('\n'),
            Event::InlineHtml(h) | Event::Html(h) => text.push_str(&format!("⟨html {h}⟩")),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => text.push_str("⟨i⟩"),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => text.push_str("⟨b⟩"),
            Event::Start(_) if depth > 0 => {}
            Event::Start(tag) => text.push_str(&format!("⟨x {tag:?}⟩")),
            Event::End(_) => {}
            other => text.push_str(&format!("⟨x {other:?}⟩")),
        }
    }
    blocks
}

/// The blocks under the level-2 heading `heading`, up to the next
/// heading of level 2 or 1.
fn under(blocks: &[Rendered], heading: &str) -> Vec<Rendered> {
    let start = blocks
        .iter()
        .position(|b| *b == Rendered::Heading(2, heading.to_string()))
        .unwrap_or_else(|| panic!("no heading {heading:?} in {blocks:#?}"));
    blocks[start + 1..]
        .iter()
        .take_while(|b| !matches!(b, Rendered::Heading(1 | 2, _)))
        .cloned()
        .collect()
}

/// What a note should render as: the document's text, a paragraph for
/// every run of lines between blank lines.
fn paragraphs(typed: &str) -> Vec<Rendered> {
    let text = text(typed);
    text.split('\n')
        .collect::<Vec<_>>()
        .split(|l| l.is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| Rendered::Paragraph(p.join("\n")))
        .collect()
}

/// The first phase's notes, rendered (with the questions asked after
/// them, so the phase is there even when the notes are empty).
fn notes_rendered(notes: &str) -> (Vec<Rendered>, String) {
    let mut s = held();
    s.phases[0].notes = notes.to_string();
    let options = ReportOptions {
        questions: true,
        ..ReportOptions::school()
    };
    let md = markdown(&s, &NL, &options);
    let blocks = rendered(&md);
    (under(&blocks, "1. Contracteren"), md)
}

fn assert_notes_round_trip(notes: &str) {
    let (shown, md) = notes_rendered(notes);
    let wanted = paragraphs(notes);
    // The questions asked follow under their own heading; only what comes
    // before it is the notes.
    let shown: Vec<Rendered> = shown
        .into_iter()
        .take_while(|b| !matches!(b, Rendered::Heading(..)))
        .collect();
    assert_eq!(shown, wanted, "notes {notes:?} as\n{md}");
}

const CASES: &[&str] = &[
    "Ambities (uit het ambitiegesprek van 2025):\n1. Elke leerling maakt kennis.\n\
     2. Cultuureducatie is verbonden.\nTeam vindt ambitie 1 nog passend.",
    "Besproken:\n- punt een\n- punt twee\nDaarna verder.",
    "* ster\n+ plus\n1) haakje\n2026. Een jaartal\n1234567890. te lang voor een lijst",
    "# Belangrijk: *niet* vergeten\n## twee\nSetext\n===\nnog een\n---\n***\n___\n- - -",
    "*schuin* _ook_ **vet** __ook__ ~~weg~~ ~weg~ `code` ``dubbel``",
    "a | b | c\n--- | --- | ---\n| x | y |",
    "<b>vet</b> <!-- commentaar --> <div>blok</div>\n<div>\nblok\n</div>\n<http://x.nl> <a@b.nl>",
    "\\ \\\\ \\* eindigt op \\\n\\",
    "twee spaties aan het eind  \nen een tab\t\nen nog een regel",
    "    ingesprongen code\n\tmet een tab\n  twee spaties\n\n   drie na een lege regel",
    "> citaat\n>> dubbel\n: definitie\n[^1]: voetnoot [^1]\n[a]: http://x.nl\n[a] [b](c) ![d](e)",
    "&amp; &copy; &#32; &#x41; R&D Jan & Piet",
    "```\nfence\n```\n~~~\nfence\n~~~",
    "- [ ] taak\n- [x] klaar\n> [!NOTE]\n> let op",
    "emoji 😀👩‍👩‍👧 en CJK 学校の先生 한국어 עברית",
    "Eerste alinea.\n\n\n\nTweede alinea na drie lege regels.\n \n\t\nDerde.",
];

#[test]
fn notes_render_as_typed() {
    for case in CASES {
        assert_notes_round_trip(case);
    }
}

#[test]
fn header_fields_and_the_title_render_as_typed() {
    let mut s = held();
    s.set_field("school", "Kindcentrum *De Ster* | Noord")
        .unwrap();
    s.set_field("opmerkingen", CASES[0]).unwrap();
    let md = markdown(&s, &NL, &ReportOptions::school());
    let blocks = rendered(&md);
    assert_eq!(
        blocks[0],
        Rendered::Heading(
            1,
            "Voortgangsgesprek · Kindcentrum *De Ster* | Noord · 1 december 2026".into()
        ),
        "{md}"
    );
    assert_eq!(
        blocks[1],
        Rendered::Paragraph("⟨i⟩Fase verdiepen⟨i⟩".into())
    );
    let header = "⟨b⟩Naam school:⟨b⟩ Kindcentrum *De Ster* | Noord\n\
        ⟨b⟩Datum:⟨b⟩ 1 december 2026\n\
        ⟨b⟩Deelnemers:⟨b⟩ Anna, Bert | Co\n\
        ⟨b⟩Opmerkingen:⟨b⟩ Ambities (uit het ambitiegesprek van 2025):\n\
        1. Elke leerling maakt kennis.\n2. Cultuureducatie is verbonden.\n\
        Team vindt ambitie 1 nog passend.";
    assert_eq!(blocks[2], Rendered::Paragraph(header.into()), "{md}");
}

#[test]
fn table_cells_render_as_typed() {
    let mut s = held();
    let values: Vec<String> = [
        "a | b \\| c",
        "*x* <b>y</b>\n- z\n\n1. w",
        "\\",
        "`q` [l](u) ~s~",
    ]
    .map(String::from)
    .to_vec();
    s.phases[1].lists.insert(
        "mijlpalen".into(),
        vec![Item {
            values: values.clone(),
            done: false,
        }],
    );
    let md = markdown(&s, &NL, &ReportOptions::school());
    let blocks = rendered(&md);
    let table = under(&blocks, "2. Terugblik")
        .into_iter()
        .find_map(|b| match b {
            Rendered::Table(rows) => Some(rows),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table in\n{md}"));
    assert_eq!(table[0], ["Mijlpaal", "Wanneer"]);
    assert_eq!(table[1], values[..2], "{md}");
}

#[test]
fn the_whole_report_has_no_html_and_no_stray_markup() {
    let md = markdown(&held(), &NL, &ReportOptions::complete());
    for block in rendered(&md) {
        let text = format!("{block:?}");
        assert!(
            !text.contains("⟨html") && !text.contains("⟨x"),
            "{text}\n{md}"
        );
        assert!(!text.contains('⏎'), "a line break got lost: {text}");
    }
}

/// Text rich in what Markdown treats specially.
fn typed() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '|', '\n', '\r', ' ', '\t', '*', '_', '\\', '#', '-', '+', '=', '>', '<', '&', '`', '~',
        '[', ']', '(', ')', '!', ':', '.', '1', '9', ';', '"', '\u{a0}', '\u{3000}', '\u{7}',
    ]);
    prop::collection::vec(prop_oneof![2 => any::<char>(), 3 => special], 0..120)
        .prop_map(String::from_iter)
}

/// A value in a table cell as the parser gives it back: its lines trimmed
/// at the start after a `<br>` is kept, the cell as a whole is trimmed.
fn cell_text(value: &str) -> String {
    text(value)
}

proptest! {
    #[test]
    fn any_note_renders_as_typed(notes in typed()) {
        let (shown, md) = notes_rendered(&notes);
        let shown: Vec<Rendered> = shown
            .into_iter()
            .take_while(|b| !matches!(b, Rendered::Heading(..)))
            .collect();
        prop_assert_eq!(shown, paragraphs(&notes), "{}", md);
    }

    #[test]
    fn any_list_item_renders_as_typed(first in typed(), second in typed()) {
        let mut s: Session = held();
        let item = Item { values: vec![first.clone(), second.clone()], done: false };
        s.phases[1].lists.insert("mijlpalen".into(), vec![item]);
        let md = markdown(&s, &NL, &ReportOptions::school());
        let blocks = rendered(&md);
        let table = under(&blocks, "2. Terugblik").into_iter().find_map(|b| match b {
            Rendered::Table(rows) => Some(rows),
            _ => None,
        });
        prop_assert_eq!(
            table.and_then(|t| t.get(1).cloned()),
            Some(vec![cell_text(&first), cell_text(&second)]),
            "{}", md
        );
    }
}
