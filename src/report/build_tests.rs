//! The document builder on its own, without a renderer.

use super::PrivateNotes::{Include, Omit};
use super::document::{Block, Document, Field, PhaseSection, Section};
use super::tests::{SECRET, held, report_guide};
use super::{ReportOptions, build};
use crate::i18n::{EN, NL};
use crate::session::Session;
use crate::session::fixture::{at, guide};

fn phases(doc: &Document) -> Vec<&PhaseSection> {
    doc.sections
        .iter()
        .filter_map(|s| match s {
            Section::Phase(p) => Some(p),
            Section::Summary(_) | Section::Times(_) => None,
        })
        .collect()
}

fn headings(doc: &Document) -> Vec<&str> {
    doc.sections
        .iter()
        .map(|s| match s {
            Section::Summary(s) => s.heading.as_str(),
            Section::Times(t) => t.heading.as_str(),
            Section::Phase(p) => p.heading.as_str(),
        })
        .collect()
}

fn captions(phase: &PhaseSection) -> Vec<&str> {
    phase
        .parts
        .iter()
        .filter_map(|p| p.caption.as_deref())
        .collect()
}

fn field(label: &str, value: &str) -> Field {
    Field {
        label: label.into(),
        value: value.into(),
    }
}

#[test]
fn the_school_report_has_the_lists_first_then_the_phases_with_content() {
    let doc = build(&held(), &NL, &ReportOptions::school());
    assert_eq!(
        headings(&doc),
        [
            "Afspraken",
            "Uit eerdere gesprekken",
            "1. Contracteren",
            "2. Terugblik",
            "3. Ideeën",
        ],
        "4. Afronden has only agreements"
    );
    let Section::Summary(agreements) = &doc.sections[0] else {
        panic!("{:?}", doc.sections[0]);
    };
    assert_eq!(agreements.parts.len(), 1);
    assert_eq!(agreements.parts[0].caption, None);
    assert_eq!(doc.total, None);
}

#[test]
fn complete_has_the_times_and_every_phase() {
    let doc = build(&held(), &NL, &ReportOptions::complete());
    assert_eq!(
        headings(&doc),
        [
            "Afspraken",
            "Uit eerdere gesprekken",
            "Verloop",
            "1. Contracteren",
            "2. Terugblik",
            "3. Ideeën",
            "4. Afronden",
        ]
    );
    assert!(phases(&doc)[3].parts.is_empty(), "agreements not repeated");
}

#[test]
fn the_header_is_in_the_interface_language_and_timing_only_when_asked() {
    let doc = build(&held(), &EN, &ReportOptions::school());
    assert_eq!(
        doc.title,
        "Voortgangsgesprek · OBS De Vlinder · 1 December 2026"
    );
    assert_eq!(doc.subtitle.as_deref(), Some("Fase verdiepen"));
    let header = [
        field("Naam school", "OBS De Vlinder"),
        field("Datum", "1 December 2026"),
        field("Deelnemers", "Anna, Bert | Co"),
        field(
            "Opmerkingen",
            "Eerste kennismaking was in september.\nSchool wil graag starten met CmK.",
        ),
    ];
    assert_eq!(doc.fields, header);
    let timed = build(
        &held(),
        &EN,
        &ReportOptions {
            timing: true,
            ..ReportOptions::school()
        },
    );
    assert_eq!(timed.fields[..4], header);
    assert_eq!(
        timed.fields[4..],
        [
            field("Status", "finished"),
            field("Time", "planned 80 min, actual 58 min"),
        ]
    );
    assert_eq!(
        timed.total,
        Some(field("Total", "planned 80 min, actual 58 min"))
    );
}

#[test]
fn without_a_date_field_the_start_is_the_date() {
    let mut g = guide();
    g.fields.retain(|f| f.id != "datum");
    let mut s = Session::new(&g, at(0));
    s.client = "De Linde".into();
    s.start(at(0));
    let doc = build(&s, &NL, &ReportOptions::school());
    assert_eq!(doc.title, "Voortgangsgesprek · 23 november 2026");
    assert_eq!(doc.fields, [field("Datum", "23 november 2026")]);
}

#[test]
fn a_phase_holds_its_notes_lists_ratings_and_questions_in_order() {
    let doc = build(&held(), &NL, &ReportOptions::complete());
    let phases = phases(&doc);
    assert_eq!(
        phases[0].notes.as_deref(),
        Some(
            "Ambities (uit 2025):\n1. Elke leerling *alle* disciplines.\n\
             2. Cultuureducatie <b>verbonden</b>.\nTeam vindt 1 passend.\n\n\
             # Belangrijk: niet vergeten | 100% \\ klaar"
        ),
        "line breaks as \\n, nothing escaped"
    );
    assert_eq!(
        captions(phases[0]),
        [
            "Besproken vragen",
            "Persoonlijke notities (niet voor de school)"
        ]
    );
    assert_eq!(phases[1].notes, None);
    assert_eq!(
        captions(phases[1]),
        ["Mijlpalen", "Hoe sterk is dit al ontwikkeld?"]
    );
    let Block::Pairs(rating) = &phases[1].parts[1].block else {
        panic!("{:?}", phases[1].parts[1]);
    };
    let values: Vec<&str> = rating.rows.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["redelijk", "–"], "not rated has its own word");
}

#[test]
fn a_rating_without_any_step_chosen_is_left_out() {
    let mut s = held();
    s.set_rating(1, "doelen", 0, None).unwrap();
    let doc = build(&s, &NL, &ReportOptions::complete());
    assert_eq!(captions(phases(&doc)[1]), ["Mijlpalen"]);
}

#[test]
fn a_skipped_phase_says_so_and_has_no_time() {
    let mut s = Session::new(&guide(), at(0));
    s.toggle_skipped(1).unwrap();
    s.start(at(0));
    s.go_to(2, at(10));
    s.finish(at(40));
    let doc = build(&s, &EN, &ReportOptions::complete());
    let shown: Vec<(Option<&str>, Option<&str>)> = phases(&doc)
        .iter()
        .map(|p| (p.skipped.as_deref(), p.time.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            (None, Some("planned 10 min, actual 10 min")),
            (Some("skipped"), None),
            (None, Some("planned 30 min, actual 30 min")),
        ]
    );
    let Some(Section::Times(table)) = doc.sections.first() else {
        panic!("{:?}", doc.sections);
    };
    assert_eq!(table.table.rows[1], ["2. Terugblik", "20 min", "skipped"]);
    assert_eq!(table.total, ["Total", "60 min", "40 min"]);
    let school = build(&s, &EN, &ReportOptions::school());
    assert_eq!(headings(&school), ["2. Terugblik"], "only the skipped one");
}

#[test]
fn private_notes_are_their_own_block_only_with_include() {
    let s = held();
    let without = ReportOptions {
        private: Omit,
        ..ReportOptions::complete()
    };
    let omitted = build(&s, &NL, &without);
    assert!(!format!("{omitted:?}").contains(SECRET));
    let included = build(&s, &NL, &ReportOptions::complete());
    let private: Vec<&Block> = phases(&included)
        .iter()
        .flat_map(|p| &p.parts)
        .map(|p| &p.block)
        .filter(|b| matches!(b, Block::Private(_)))
        .collect();
    assert_eq!(private, [&Block::Private(SECRET.into())]);
}

#[test]
fn blank_private_notes_are_left_out_even_with_include() {
    let mut s = held();
    s.phases[0].private_notes = " \r\n ".into();
    let options = |private| ReportOptions {
        private,
        ..ReportOptions::complete()
    };
    assert_eq!(
        build(&s, &NL, &options(Include)),
        build(&s, &NL, &options(Omit))
    );
}

#[test]
fn carried_items_of_a_list_without_a_label_have_no_caption() {
    let mut s = held();
    s.carried[0].label = "  ".into();
    let doc = build(&s, &NL, &ReportOptions::school());
    let Section::Summary(carried) = &doc.sections[1] else {
        panic!("{:?}", doc.sections[1]);
    };
    assert_eq!(carried.parts[0].caption, None);
    let Block::Checklist(list) = &carried.parts[0].block else {
        panic!("{:?}", carried.parts[0]);
    };
    assert!(list.items[0].done);
    assert_eq!(list.done_column, "Afgerond");
}

#[test]
fn lists_that_carry_each_have_their_own_section_the_agreements_first() {
    let mut g = report_guide();
    let mut results = g.phases[3].lists[0].clone();
    results.id = "resultaten".into();
    results.label = "Resultaten 2028".into();
    g.phases[1].lists.push(results);
    let mut twin = g.phases[3].lists[0].clone();
    twin.id = "afspraken-2".into();
    g.phases[0].lists.push(twin);
    let mut s = Session::new(&g, at(0));
    s.start(at(0));
    for (phase, list) in [(3, "afspraken"), (1, "resultaten"), (0, "afspraken-2")] {
        s.add_item(phase, list, vec!["x".into()]).unwrap();
    }
    let doc = build(&s, &NL, &ReportOptions::school());
    assert_eq!(
        headings(&doc),
        [
            "Afspraken (Contracteren)",
            "Afspraken (Afronden)",
            "Resultaten 2028",
        ]
    );
}

#[test]
fn control_characters_from_a_file_do_not_reach_the_report() {
    let mut s = held();
    s.client = String::new();
    s.set_field("school", "ANSI \u{1b}]0;pwned\u{7}\u{1b}[2J")
        .unwrap();
    s.phases[0].notes = "a\u{1b}[31mb\u{0}c".into();
    let doc = build(&s, &NL, &ReportOptions::complete());
    let all = format!("{doc:?}");
    assert!(!doc.title.contains('\u{1b}'), "{}", doc.title);
    assert!(!all.contains("\\u{1b}") && !all.contains("\\0"), "{all}");
    assert_eq!(phases(&doc)[0].notes.as_deref(), Some("a[31mbc"));
}
