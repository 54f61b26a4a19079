//! The Word report read back: unzipped, `word/document.xml` parsed, its
//! paragraphs and tables compared with what was typed.

use std::io::{Cursor, Read as _};

use quick_xml::events::Event;

use super::tests::{SECRET, held};
use super::{ReportOptions, build};
use crate::i18n::{EN, NL};
use crate::session::Session;

/// A paragraph (its style and text: `w:br` as `\n`, `w:tab` as `\t`) or a
/// table (rows of cells, a cell's paragraphs joined by `\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Read {
    Paragraph(String, String),
    Table(Vec<Vec<String>>),
}

/// A part of the package, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The body of the document, top to bottom.
fn body(docx: &[u8]) -> Vec<Read> {
    let xml = part(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let (mut text, mut style) = (String::new(), String::new());
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell: Option<Vec<String>> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().unwrap();
        let name = |e: &[u8]| String::from_utf8_lossy(e).into_owned();
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                let value = e.try_get_attribute("w:val").unwrap().unwrap();
                style = name(&value.value);
            }
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => {
                    text.clear();
                    style.clear();
                }
                b"w:t" => in_text = true,
                b"w:tbl" => table = Some(Vec::new()),
                b"w:tr" => table.get_or_insert_default().push(Vec::new()),
                b"w:tc" => cell = Some(Vec::new()),
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:br" => text.push('\n'),
                b"w:tab" => text.push('\t'),
                b"w:p" => match cell.as_mut() {
                    Some(cell) => cell.push(String::new()),
                    None => out.push(Read::Paragraph(String::new(), String::new())),
                },
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match &*r.decode().unwrap() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity {other}"),
                    },
                };
                text.push(c);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let p = std::mem::take(&mut text);
                    match cell.as_mut() {
                        Some(cell) => cell.push(p),
                        None => out.push(Read::Paragraph(std::mem::take(&mut style), p)),
                    }
                }
                b"w:tc" => {
                    let done = cell.take().unwrap_or_default().join("\n");
                    if let Some(row) = table.as_mut().and_then(|t| t.last_mut()) {
                        row.push(done);
                    }
                }
                b"w:tbl" => out.push(Read::Table(table.take().unwrap_or_default())),
                _ => {}
            },
            _ => {}
        }
    }
    out
}

fn paragraph(style: &str, text: &str) -> Read {
    Read::Paragraph(style.into(), text.into())
}

fn docx(session: &Session, options: &ReportOptions) -> Vec<u8> {
    build(session, &NL, options).docx().unwrap()
}

/// The paragraphs without a style, in order.
fn plain_paragraphs(body: &[Read]) -> Vec<&str> {
    body.iter()
        .filter_map(|r| match r {
            Read::Paragraph(style, text) if style.is_empty() => Some(text.as_str()),
            Read::Paragraph(..) | Read::Table(_) => None,
        })
        .collect()
}

#[test]
fn the_word_report_holds_the_title_header_headings_and_tables() {
    let body = body(&docx(&held(), &ReportOptions::school()));
    assert_eq!(
        body[..4],
        [
            paragraph(
                "Title",
                "Voortgangsgesprek · OBS De Vlinder · 1 december 2026"
            ),
            paragraph("Subtitle", "Fase verdiepen"),
            paragraph("", "Naam school: OBS De Vlinder"),
            paragraph("", "Datum: 1 december 2026"),
        ]
    );
    assert!(body.contains(&paragraph(
        "",
        "Opmerkingen: Eerste kennismaking was in september.\nSchool wil graag starten met CmK."
    )));
    let headings: Vec<&str> = body
        .iter()
        .filter_map(|r| match r {
            Read::Paragraph(style, text) if style.starts_with("Heading") => Some(text.as_str()),
            Read::Paragraph(..) | Read::Table(_) => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Afspraken",
            "Uit eerdere gesprekken",
            "Afspraken",
            "1. Contracteren",
            "2. Terugblik",
            "Mijlpalen",
            "Hoe sterk is dit al ontwikkeld?",
            "3. Ideeën (overgeslagen)",
        ]
    );
    let tables: Vec<&Vec<Vec<String>>> = body
        .iter()
        .filter_map(|r| match r {
            Read::Table(t) => Some(t),
            Read::Paragraph(..) => None,
        })
        .collect();
    assert_eq!(
        *tables[0],
        [
            ["Wat", "Wie", "Wanneer"],
            ["Plan | versie 2", "Bert\nen Co", "juni"],
        ],
        "a cell's lines are its paragraphs"
    );
    assert_eq!(
        *tables[1],
        [
            ["Wat", "Wie", "Wanneer", "Afgerond"],
            ["Leerlingenraad opzetten", "Anna", "", "ja"],
        ]
    );
    assert_eq!(
        tables[3][1],
        ["Visie op cultuur", "redelijk"],
        "a rating with its step"
    );
    assert!(!format!("{body:?}").contains(SECRET));
}

#[test]
fn notes_come_back_line_for_line_with_diacritics_markup_and_20_kb() {
    let mut note = String::new();
    let mut n = 0;
    while note.len() < 20_000 {
        note.push_str(&format!(
            "Regel {n}: één café, ĳsje, coördinator, Ærø, 学校 😀 <b>&amp;</b> \"q\" 'a'\n"
        ));
        if n % 7 == 0 {
            note.push_str("\n  ingesprongen\tmet tab\n# geen kop\n- geen lijst\n");
        }
        n += 1;
    }
    let mut s = held();
    s.phases[0].notes = note.clone();
    let body = body(&docx(&s, &ReportOptions::school()));
    let lines: Vec<&str> = note.trim_end().split('\n').collect();
    let shown = plain_paragraphs(&body);
    let start = shown
        .iter()
        .position(|p| *p == lines[0])
        .unwrap_or_else(|| panic!("{:?}", &shown[..8]));
    assert_eq!(shown[start..start + lines.len()], lines[..]);
}

#[test]
fn private_notes_and_questions_only_when_asked_for() {
    let options = ReportOptions {
        questions: true,
        ..ReportOptions::complete()
    };
    let body = body(&docx(&held(), &options));
    assert!(body.contains(&paragraph("Private", SECRET)), "{body:?}");
    assert!(
        body.contains(&paragraph("", "Wat is er gedaan?")),
        "a bullet"
    );
    assert!(body.contains(&paragraph("Small", "gepland 10 min, werkelijk 12 min")));
    let xml = part(&docx(&held(), &options), "word/document.xml");
    assert!(xml.contains("<w:numId w:val=\"1\" />") || xml.contains("<w:numId w:val=\"1\"/>"));
}

#[test]
fn the_package_is_a_word_document_with_its_styles() {
    let bytes = build(&held(), &EN, &ReportOptions::school())
        .docx()
        .unwrap();
    for name in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
    ] {
        assert!(!part(&bytes, name).is_empty(), "{name}");
    }
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("heading 1") && styles.contains("heading 2"));
    assert!(part(&bytes, "docProps/core.xml").contains("2026-12-01T00:00:00Z"));
}

#[test]
fn control_characters_never_make_the_document_invalid() {
    let mut s = held();
    s.phases[0].notes = "a\u{1b}[31mb\u{0}c\u{7}d\u{fffe}e\u{b}f".into();
    s.set_field("school", "ANSI \u{1b}]0;pwned\u{7}").unwrap();
    let body = body(&docx(&s, &ReportOptions::school()));
    assert!(plain_paragraphs(&body).contains(&"a[31mbcdef"));
}

/// The texts of the elements named `tag` in `xml` (unescaped).
fn texts_of(xml: &str, tag: &[u8]) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == tag => {
                inside = true;
                out.push(String::new());
            }
            Event::End(e) if e.name().as_ref() == tag => inside = false,
            Event::Text(t) if inside => {
                if let Some(last) = out.last_mut() {
                    last.push_str(&t.decode().expect("valid text"));
                }
            }
            Event::GeneralRef(r) if inside => {
                let c = match &*r.decode().expect("valid reference") {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                };
                if let Some(last) = out.last_mut() {
                    last.push_str(c);
                }
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

#[test]
fn the_word_files_author_is_the_consultant_and_its_title_the_reports() {
    let mut s = held();
    s.guide.fields.push(crate::guide::Field {
        id: "begeleider".into(),
        label: "Begeleider".into(),
        kind: crate::guide::FieldKind::Text,
        required: false,
        client: false,
        choices: vec![],
        default: None,
    });
    s.set_field("begeleider", "Jan & Els <\"'>").unwrap();
    let core = part(&docx(&s, &ReportOptions::school()), "docProps/core.xml");
    assert_eq!(texts_of(&core, b"dc:creator"), ["Jan & Els <\"'>"]);
    assert_eq!(texts_of(&core, b"cp:lastModifiedBy"), ["Jan & Els <\"'>"]);
    assert_eq!(
        texts_of(&core, b"dc:title"),
        ["Voortgangsgesprek · OBS De Vlinder · 1 december 2026"]
    );
    assert_eq!(
        texts_of(&core, b"dcterms:created"),
        ["2026-12-01T00:00:00Z"]
    );
    // No consultant field filled in: no author, and never "unknown".
    let core = part(
        &docx(&held(), &ReportOptions::school()),
        "docProps/core.xml",
    );
    assert_eq!(texts_of(&core, b"dc:creator"), [""]);
    assert!(!core.contains("unknown"), "{core}");
}
