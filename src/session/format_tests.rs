//! Tests of the session file format: round trips with arbitrary text, no
//! panic on any input, and the example in `docs/session-format.md`.

use proptest::prelude::*;

use super::fixture::{at, guide};
use super::*;

/// A session with something in every part of the file, with `text` in the
/// notes, the private notes, item values, a field and a carried item.
fn session_with(text: &str) -> Session {
    let mut s = Session::new(&guide(), at(0));
    s.set_field("school", text).unwrap();
    s.set_field("deelnemers", &format!("{text}\n{text}"))
        .unwrap();
    s.carried = vec![CarriedItem {
        from_session: "2026-06-01-1400-x-voortgang".into(),
        list: "afspraken".into(),
        label: "Afspraken".into(),
        columns: vec!["Wat".into()],
        item: Item {
            values: vec![text.into()],
            done: false,
        },
        done: true,
        dropped: false,
        from_title: "Voortgangsgesprek".into(),
        from_date: Some(at(-60 * 24 * 30)),
    }];
    s.toggle_check(0).unwrap();
    s.start(at(0));
    s.phases[0].notes = text.into();
    s.phases[0].private_notes = format!("{text}\r\n{text}");
    s.toggle_asked(0, 1).unwrap();
    s.adjust_current(60, at(3));
    s.pause(at(4));
    s.resume(at(6));
    s.go_to(2, at(10));
    s.add_item(
        2,
        "afspraken",
        vec![text.into(), "\"\"\"".into(), text.into()],
    )
    .unwrap();
    s.set_rating(1, "doelen", 1, Some(0)).unwrap();
    s.reminders_shown.push(0);
    s.mark_saved(at(11));
    s
}

#[test]
fn awkward_text_survives_a_round_trip() {
    for text in [
        "",
        "\"\"\"",
        "'''",
        "a\r\nb\rc\n",
        "\u{0}\u{1b}[31m\u{7f}\t",
        "🧑‍🏫 ĳ Ĳ é e\u{301}",
        "\\u0041 \\ \\\\",
        "key = \"value\"\n[table]\n[[array]]",
        "\u{feff}\u{2028}\u{200b}",
    ] {
        let s = session_with(text);
        let back = Session::from_toml(&s.to_toml().unwrap()).unwrap();
        assert_eq!(back, s, "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_survives_a_round_trip(text in any::<String>()) {
        let s = session_with(&text);
        let written = s.to_toml().unwrap();
        prop_assert_eq!(Session::from_toml(&written).unwrap(), s);
    }

    #[test]
    fn any_string_is_read_or_refused(text in any::<String>()) {
        let _ = Session::from_toml(&text);
    }

    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Session::from_toml(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn session_like_text_is_read_or_refused(
        text in "(format = [0-9]\n|status = \"[a-z_]{0,12}\"\n|\\[\\[phases\\]\\]\n|id = \"[a-z]\"\n|current = [0-9]{1,3}\n|visits = \\[\\{ start = [0-9T:+-]{0,25} \\}\\]\n)*"
    ) {
        let _ = Session::from_toml(&text);
    }
}

#[test]
fn every_truncation_of_a_session_file_is_read_or_refused() {
    let text = session_with("één \"\"\" twee").to_toml().unwrap();
    let mut parsed = 0;
    for (cut, _) in text.char_indices() {
        if Session::from_toml(&text[..cut]).is_ok() {
            parsed += 1;
        }
    }
    assert!(Session::from_toml(&text).is_ok());
    assert!(parsed < text.len());
}

#[test]
fn a_newer_format_is_refused_before_anything_else() {
    let text = session_with("x")
        .to_toml()
        .unwrap()
        .replacen("format = 1", "format = 2", 1);
    assert_eq!(
        Session::from_toml(&text),
        Err(SessionFileError::UnknownFormat(2))
    );
}

/// The session shown in `docs/session-format.md`: a short guide, a
/// conversation with a pause, a correction and an agreement, left with `q`.
fn doc_example() -> Session {
    use crate::guide::{Conversation, Field, FieldKind, List, Phase, Reminder, ReminderAt};
    let phase = |id: &str, title: &str, minutes| Phase {
        id: id.into(),
        title: title.into(),
        minutes,
        goal: String::new(),
        guidance: String::new(),
        questions: vec![],
        groups: vec![],
        optional: false,
        revisit: None,
        lists: vec![],
        ratings: vec![],
    };
    let mut afronden = phase("afronden", "Afronden", 10);
    afronden.lists = vec![List {
        id: "afspraken".into(),
        label: "Afspraken".into(),
        hint: String::new(),
        columns: vec!["Wat".into(), "Wie".into()],
        carry: true,
        min: None,
        max: None,
    }];
    let mut kennismaken = phase("kennismaken", "Kennismaken", 20);
    kennismaken.questions = vec!["Wat verwacht je van mij?".into()];
    let guide = Conversation {
        id: "klikgesprek".into(),
        title: "Klikgesprek".into(),
        subtitle: String::new(),
        language: "nl".into(),
        minutes: 30,
        summary: String::new(),
        participants: vec![],
        materials: vec![],
        preparation: vec!["Lees het dossier".into()],
        fields: vec![Field {
            id: "leerkracht".into(),
            label: "Leerkracht".into(),
            kind: FieldKind::Text,
            required: true,
            client: true,
            choices: vec![],
            default: None,
        }],
        phases: vec![kennismaken, afronden],
        reminders: vec![Reminder {
            at: ReminderAt::MinutesBeforeEnd(5),
            text: "Maak afspraken".into(),
        }],
    };
    let mut s = Session::new(&guide, at(0));
    s.toggle_check(0).unwrap();
    s.set_field("leerkracht", "Sanne de Vries").unwrap();
    s.start(at(2));
    s.phases[0].notes =
        "Sanne wil vooral tips voor klassenmanagement.\nEerste indruk: open.".into();
    s.phases[0].private_notes = "Lijkt gespannen.".into();
    s.toggle_asked(0, 0).unwrap();
    s.pause(at(12));
    s.resume(at(15));
    s.adjust_current(60, at(20));
    s.go_to(1, at(24));
    s.add_item(
        1,
        "afspraken",
        vec!["Lesbezoek plannen".into(), "Sanne".into()],
    )
    .unwrap();
    s.reminders_shown.push(0);
    s.leave(at(33));
    s.mark_saved(at(33));
    s
}

/// The first ```toml block of the session format page.
fn doc_block() -> &'static str {
    let doc = include_str!("../../docs/session-format.md");
    let start = doc.find("```toml\n").map(|i| i + 8).unwrap_or(doc.len());
    let len = doc[start..].find("```").unwrap_or(0);
    &doc[start..start + len]
}

#[test]
fn the_documented_example_is_what_leidraad_writes() {
    let written = doc_example().to_toml().unwrap();
    assert_eq!(
        doc_block(),
        written,
        "docs/session-format.md is out of date; its example should be:\n{written}"
    );
    assert_eq!(Session::from_toml(doc_block()).unwrap(), doc_example());
}
