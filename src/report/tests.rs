//! The reports of one held conversation: what goes in with which options,
//! and each format's text as a snapshot in both languages.

use super::PrivateNotes::{Include, Omit};
use super::*;
use crate::guide::{Conversation, Field, FieldKind};
use crate::i18n::{EN, NL};
use crate::session::fixture::{at, guide};
use crate::session::{CarriedItem, Item};

pub(crate) const SECRET: &str = "Directeur lijkt moe";

/// The fixture guide with a long-text header field and, before
/// "Afronden", an optional phase "Ideeën" (four phases).
pub(crate) fn report_guide() -> Conversation {
    let mut g = guide();
    g.fields.push(Field {
        id: "opmerkingen".into(),
        label: "Opmerkingen".into(),
        kind: FieldKind::Longtext,
        required: false,
        client: false,
        choices: vec![],
        default: None,
    });
    let mut ideas = g.phases[1].clone();
    ideas.id = "ideeen".into();
    ideas.title = "Ideeën".into();
    ideas.lists = vec![];
    ideas.ratings = vec![];
    g.phases.insert(2, ideas);
    g.minutes = 80;
    g
}

/// A finished conversation with something in every part of a report:
/// notes that look like Markdown, a private note, a question asked, a
/// milestone, a rating, a skipped phase, an agreement (in the last phase,
/// which has nothing else) and an agreement carried in.
pub(crate) fn held() -> Session {
    let mut s = Session::new(&report_guide(), at(0));
    s.set_field("school", "OBS De Vlinder").unwrap();
    s.set_field("datum", "2026-12-01").unwrap();
    s.set_field("deelnemers", "Anna\nBert | Co").unwrap();
    s.set_field(
        "opmerkingen",
        "Eerste kennismaking was in september.\nSchool wil graag starten met CmK.",
    )
    .unwrap();
    s.carried = vec![CarriedItem {
        from_session: "2026-06-01-1400-de-vlinder-voortgang".into(),
        list: "afspraken".into(),
        label: "Afspraken".into(),
        columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
        item: Item {
            values: vec![
                "Leerlingenraad opzetten".into(),
                "Anna".into(),
                String::new(),
            ],
            done: false,
        },
        done: true,
        dropped: false,
        from_title: "Voortgangsgesprek".into(),
        from_date: None,
    }];
    s.toggle_skipped(2).unwrap();
    s.start(at(0));
    s.phases[0].notes = "Ambities (uit 2025):\n1. Elke leerling *alle* disciplines.\n\
        2. Cultuureducatie <b>verbonden</b>.\r\nTeam vindt 1 passend.\r\n\r\n\
        # Belangrijk: niet vergeten | 100% \\ klaar"
        .into();
    s.phases[0].private_notes = SECRET.into();
    s.toggle_asked(0, 2).unwrap();
    s.go_to(1, at(12));
    s.add_item(1, "mijlpalen", vec!["Cultuurdag".into(), "maart".into()])
        .unwrap();
    s.set_rating(1, "doelen", 0, Some(1)).unwrap();
    s.go_to(3, at(30));
    s.add_item(
        3,
        "afspraken",
        vec![
            "Plan | versie 2".into(),
            "Bert\nen Co".into(),
            "juni".into(),
        ],
    )
    .unwrap();
    s.finish(at(58));
    s
}

fn with_private(private: PrivateNotes) -> ReportOptions {
    ReportOptions {
        private,
        ..ReportOptions::school()
    }
}

#[test]
fn private_notes_appear_only_when_asked_for() {
    let s = held();
    for texts in [&NL, &EN] {
        let school = markdown(&s, texts, &ReportOptions::school());
        assert!(!school.contains(SECRET));
        assert!(!school.contains(texts.report.private_notes));
        assert!(!plain(&s, texts, Omit).contains(SECRET));
        assert!(markdown(&s, texts, &with_private(Include)).contains(SECRET));
        assert!(plain(&s, texts, Include).contains(SECRET));
    }
}

#[test]
fn the_title_names_the_guide_the_client_and_the_date_written_out() {
    let md = markdown(&held(), &NL, &ReportOptions::school());
    assert!(md.starts_with("# Voortgangsgesprek · OBS De Vlinder · 1 december 2026\n"));
    assert!(md.contains("**Datum:** 1 december 2026"), "{md}");
    let md = markdown(&held(), &EN, &ReportOptions::school());
    assert!(md.starts_with("# Voortgangsgesprek · OBS De Vlinder · 1 December 2026\n"));
}

#[test]
fn a_long_text_field_keeps_its_line_breaks() {
    let md = markdown(&held(), &NL, &ReportOptions::school());
    assert!(
        md.contains(
            "**Opmerkingen:** Eerste kennismaking was in september.\\\n\
             School wil graag starten met CmK.\n"
        ),
        "{md}"
    );
    let text = plain(&held(), &NL, Omit);
    assert!(
        text.contains(
            "Opmerkingen: Eerste kennismaking was in september.\n  School wil graag starten met CmK.\n"
        ),
        "{text}"
    );
}

#[test]
fn the_school_report_leaves_out_timing_questions_and_empty_phases() {
    let md = markdown(&held(), &NL, &ReportOptions::school());
    for absent in [
        "Status",
        "Tijd",
        "Verloop",
        "gepland",
        "Besproken vragen",
        "Wat is er gedaan?",
        "Afronden",
    ] {
        assert!(!md.contains(absent), "{absent} in\n{md}");
    }
    assert!(md.contains("## 3. Ideeën (overgeslagen)\n"), "{md}");
    let timed = markdown(
        &held(),
        &NL,
        &ReportOptions {
            timing: true,
            questions: true,
            ..ReportOptions::school()
        },
    );
    for present in [
        "**Status:** afgerond",
        "## Verloop",
        "_gepland 10 min, werkelijk 12 min_",
        "### Besproken vragen\n\n- Wat is er gedaan?",
        "| 3. Ideeën | 20 min | overgeslagen |",
    ] {
        assert!(timed.contains(present), "{present} not in\n{timed}");
    }
    assert!(!timed.contains("## 4. Afronden"), "still no empty phase");
}

#[test]
fn every_phase_only_when_asked_for() {
    let complete = markdown(&held(), &NL, &ReportOptions::complete());
    assert!(complete.contains("## 4. Afronden\n\n_gepland 30 min, werkelijk 28 min_"));
}

#[test]
fn agreements_come_before_the_phases_under_their_own_label() {
    let md = markdown(&held(), &NL, &ReportOptions::school());
    let agreements = md.find("## Afspraken\n").unwrap();
    let carried = md.find("## Uit eerdere gesprekken").unwrap();
    let phases = md.find("## 1. Contracteren").unwrap();
    assert!(agreements < carried && carried < phases);
    assert_eq!(md.matches("Plan \\| versie 2").count(), 1, "not repeated");
}

#[test]
fn table_cells_escape_pipes_and_keep_line_breaks() {
    let md = markdown(&held(), &NL, &ReportOptions::school());
    assert!(
        md.contains("| Plan \\| versie 2 | Bert<br>en Co | juni |"),
        "{md}"
    );
    for line in md.lines().filter(|l| l.starts_with('|')) {
        assert!(line.ends_with('|'), "{line}");
    }
}

#[test]
fn markdown_report_nl() {
    insta::assert_snapshot!(markdown(&held(), &NL, &ReportOptions::school()));
}

#[test]
fn markdown_report_en() {
    insta::assert_snapshot!(markdown(&held(), &EN, &ReportOptions::school()));
}

#[test]
fn markdown_complete_report_nl() {
    insta::assert_snapshot!(markdown(&held(), &NL, &ReportOptions::complete()));
}

#[test]
fn plain_report_nl() {
    insta::assert_snapshot!(plain(&held(), &NL, Include));
}

#[test]
fn plain_report_en() {
    insta::assert_snapshot!(plain(&held(), &EN, Include));
}

#[test]
fn plain_school_report_nl() {
    insta::assert_snapshot!(build(&held(), &NL, &ReportOptions::school()).plain());
}

#[test]
fn the_report_knows_nothing_of_the_terminal() {
    let sources = [
        include_str!("build.rs"),
        include_str!("build/lists.rs"),
        include_str!("build/phase.rs"),
        include_str!("build/text.rs"),
        include_str!("document.rs"),
        include_str!("docx.rs"),
        include_str!("markdown.rs"),
        include_str!("markdown/escape.rs"),
        include_str!("plain.rs"),
        include_str!("write.rs"),
        include_str!("write/error.rs"),
    ];
    for word in [concat!("rata", "tui"), concat!("cross", "term")] {
        assert!(sources.iter().all(|s| !s.contains(word)), "{word}");
    }
}
