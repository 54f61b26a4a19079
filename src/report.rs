//! Reports: a session as Markdown (`leidraad export`) or plain text
//! (`leidraad show`, the read-only view). Every heading and label comes from
//! the [`Texts`] table, so a report follows the UI language; the content
//! (notes, items, the guide's own titles) stays as written.
//!
//! Three parts, and the session is walked once:
//! - the document (`report/document.rs`): a [`Document`] of sections and
//!   blocks (header fields, tables, check items, bullets, text with its line
//!   breaks), plain text in the interface language with no formatting syntax;
//! - the builder, [`build`] (`report/build.rs`, `report/build/phase.rs`): it
//!   alone reads the session and decides what goes in and in which order:
//!   title, subtitle, header fields, status and time; the agreements (items
//!   of lists with `carry = true`) and the agreements carried in from earlier
//!   sessions; a table of planned versus actual minutes per phase; then per
//!   phase its time, notes, its other lists, its ratings, the questions
//!   marked asked and, with [`PrivateNotes::Include`] only, its private notes;
//! - the renderers (`report/markdown.rs`, `report/plain.rs`): each turns a
//!   document into its format, escaping text its own way and choosing its
//!   own layout (plain text puts a phase's time in its heading and ends with
//!   the total instead of the time table). Neither reads the session.
//!
//! [`markdown`] and [`plain`] chain builder and renderer. A Word report is a
//! third renderer of the same document.

use crate::i18n::Texts;
use crate::session::Session;

mod build;
#[cfg(test)]
mod build_tests;
pub mod document;
mod markdown;
mod plain;
#[cfg(test)]
mod render_tests;

pub use build::build;
pub use document::Document;

/// Whether a report shows the consultant's private notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateNotes {
    /// Leave them out (a report for the school).
    Omit,
    /// Show them (for the consultant's own eyes).
    Include,
}

/// The session as a Markdown report.
pub fn markdown(session: &Session, texts: &Texts, private: PrivateNotes) -> String {
    markdown::render(&build(session, texts, private))
}

/// The session as readable plain text (for `leidraad show`).
pub fn plain(session: &Session, texts: &Texts, private: PrivateNotes) -> String {
    plain::render(&build(session, texts, private))
}

#[cfg(test)]
mod tests {
    use super::PrivateNotes::{Include, Omit};
    use super::markdown::cell;
    use super::*;
    use crate::i18n::{EN, NL};
    use crate::session::fixture::{at, guide};
    use crate::session::{CarriedItem, Item};

    const SECRET: &str = "Directeur lijkt moe";

    /// A finished conversation with something in every part of the report.
    pub(crate) fn held() -> Session {
        let mut s = Session::new(&guide(), at(0));
        s.set_field("school", "De Regenboog").unwrap();
        s.set_field("deelnemers", "Anna\nBert | Co").unwrap();
        s.carried = vec![CarriedItem {
            from_session: "2026-06-01-1400-de-regenboog-voortgang".into(),
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
            from_title: String::new(),
            from_date: None,
        }];
        s.start(at(0));
        s.phases[0].notes =
            "Verwachtingen besproken.\nTijd: tot 10:00.\r\n\r\nNieuwe alinea.".into();
        s.phases[0].private_notes = SECRET.into();
        s.toggle_asked(0, 2).unwrap();
        s.go_to(1, at(12));
        s.add_item(1, "mijlpalen", vec!["Cultuurdag".into(), "maart".into()])
            .unwrap();
        s.set_rating(1, "doelen", 0, Some(1)).unwrap();
        s.go_to(2, at(30));
        s.add_item(
            2,
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

    #[test]
    fn private_notes_appear_only_when_asked_for() {
        let s = held();
        for texts in [&NL, &EN] {
            assert!(!markdown(&s, texts, Omit).contains(SECRET));
            assert!(!plain(&s, texts, Omit).contains(SECRET));
            assert!(!markdown(&s, texts, Omit).contains(texts.report.private_notes));
            assert!(markdown(&s, texts, Include).contains(SECRET));
            assert!(plain(&s, texts, Include).contains(SECRET));
        }
    }

    #[test]
    fn agreements_come_before_the_phases() {
        let md = markdown(&held(), &NL, Omit);
        let agreements = md.find("## Afspraken\n").unwrap();
        let carried = md.find("## Afspraken uit eerdere gesprekken").unwrap();
        let phases = md.find("## 1. Contracteren").unwrap();
        assert!(agreements < carried && carried < phases);
        assert_eq!(md.matches("Plan \\| versie 2").count(), 1, "not repeated");
    }

    #[test]
    fn table_cells_escape_pipes_and_line_breaks() {
        assert_eq!(cell("a | b\r\nc\nd\u{7}e"), "a \\| b<br>c<br>d e");
        let md = markdown(&held(), &NL, Omit);
        assert!(md.contains("| Plan \\| versie 2 | Bert<br>en Co | juni |"));
        for line in md.lines().filter(|l| l.starts_with('|')) {
            assert!(line.ends_with('|'), "{line}");
        }
    }

    #[test]
    fn skipped_phases_are_marked() {
        let mut s = Session::new(&guide(), at(0));
        s.toggle_skipped(1).unwrap();
        s.start(at(0));
        s.go_to(2, at(10));
        s.finish(at(40));
        let md = markdown(&s, &NL, Omit);
        assert!(md.contains("| 2. Terugblik | 20 min | overgeslagen |"));
        assert!(md.contains("## 2. Terugblik\n\n_overgeslagen_"));
        assert!(plain(&s, &EN, Omit).contains("2. Terugblik (skipped)"));
    }

    #[test]
    fn markdown_report_nl() {
        insta::assert_snapshot!(markdown(&held(), &NL, Include));
    }

    #[test]
    fn markdown_report_en_without_private_notes() {
        insta::assert_snapshot!(markdown(&held(), &EN, Omit));
    }

    #[test]
    fn plain_report_nl() {
        insta::assert_snapshot!(plain(&held(), &NL, Include));
    }
}
