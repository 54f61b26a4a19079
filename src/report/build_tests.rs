//! The document builder on its own, without a renderer.

use super::PrivateNotes::{Include, Omit};
use super::build;
use super::document::{Block, Caption, Document, Field, PhaseSection, Section};
use super::tests::held;
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

fn captions(phase: &PhaseSection) -> Vec<&str> {
    phase
        .parts
        .iter()
        .filter_map(|p| p.caption.as_ref())
        .map(|c| c.label.as_str())
        .collect()
}

#[test]
fn agreements_and_carried_come_before_the_times_and_the_phases() {
    let doc = build(&held(), &NL, Omit);
    let order: Vec<&str> = doc
        .sections
        .iter()
        .map(|s| match s {
            Section::Summary(s) => s.heading.as_str(),
            Section::Times(t) => t.heading.as_str(),
            Section::Phase(p) => p.heading.as_str(),
        })
        .collect();
    assert_eq!(
        order,
        [
            "Afspraken",
            "Afspraken uit eerdere gesprekken",
            "Verloop",
            "1. Contracteren",
            "2. Terugblik",
            "3. Afronden",
        ]
    );
    let Section::Summary(agreements) = &doc.sections[0] else {
        panic!("{:?}", doc.sections[0]);
    };
    assert_eq!(
        agreements.parts[0].caption,
        Some(Caption {
            label: "Afspraken".into(),
            phase: Some("Afronden".into()),
        })
    );
    assert!(phases(&doc)[2].parts.is_empty(), "agreements not repeated");
}

#[test]
fn the_header_and_the_total_are_in_the_interface_language() {
    let doc = build(&held(), &EN, Omit);
    assert_eq!(doc.title, "Voortgangsgesprek");
    assert_eq!(doc.subtitle.as_deref(), Some("Fase verdiepen"));
    let field = |label: &str, value: &str| Field {
        label: label.into(),
        value: value.into(),
    };
    assert_eq!(
        doc.fields,
        [
            field("Naam school", "De Regenboog"),
            field("Datum", "2026-11-23"),
            field("Deelnemers", "Anna, Bert | Co"),
            field("Status", "finished"),
            field("Time", "planned 60 min, actual 58 min"),
        ]
    );
    assert_eq!(doc.total, field("Total", "planned 60 min, actual 58 min"));
}

#[test]
fn a_phase_holds_its_notes_lists_ratings_and_questions_in_order() {
    let doc = build(&held(), &NL, Omit);
    let phases = phases(&doc);
    assert_eq!(
        phases[0].notes.as_deref(),
        Some("Verwachtingen besproken.\nTijd: tot 10:00.\n\nNieuwe alinea."),
        "line breaks as \\n"
    );
    assert_eq!(captions(phases[0]), ["Besproken vragen"]);
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
fn a_skipped_phase_says_so_in_its_time_and_in_the_times_table() {
    let mut s = Session::new(&guide(), at(0));
    s.toggle_skipped(1).unwrap();
    s.start(at(0));
    s.go_to(2, at(10));
    s.finish(at(40));
    let doc = build(&s, &EN, Omit);
    let times = phases(&doc)
        .iter()
        .map(|p| p.time.clone())
        .collect::<Vec<_>>();
    assert_eq!(
        times,
        [
            "planned 10 min, actual 10 min",
            "skipped",
            "planned 30 min, actual 30 min",
        ]
    );
    let Some(Section::Times(table)) = doc.sections.first() else {
        panic!("{:?}", doc.sections);
    };
    assert_eq!(table.table.rows[1], ["2. Terugblik", "20 min", "skipped"]);
    assert_eq!(table.total, ["Total", "60 min", "40 min"]);
}

#[test]
fn private_notes_are_a_part_only_with_include() {
    let s = held();
    let secret = s.phases[0].private_notes.clone();
    let omitted = build(&s, &NL, Omit);
    assert!(!format!("{omitted:?}").contains(&secret));
    let included = build(&s, &NL, Include);
    let first = phases(&included)[0];
    let last = first.parts.last().map(|p| (&p.caption, &p.block));
    assert_eq!(
        last,
        Some((
            &Some(Caption {
                label: NL.report.private_notes.into(),
                phase: None,
            }),
            &Block::Text(secret),
        ))
    );
    let texts = phases(&included)
        .iter()
        .flat_map(|p| &p.parts)
        .filter(|p| matches!(p.block, Block::Text(_)))
        .count();
    assert_eq!(texts, 1, "only the phase with private notes");
}

#[test]
fn blank_private_notes_are_left_out_even_with_include() {
    let mut s = held();
    s.phases[0].private_notes = " \r\n ".into();
    assert_eq!(build(&s, &NL, Include), build(&s, &NL, Omit));
}

#[test]
fn carried_items_of_a_list_without_a_label_have_no_caption() {
    let mut s = held();
    s.carried[0].label = "  ".into();
    let doc = build(&s, &NL, Omit);
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
