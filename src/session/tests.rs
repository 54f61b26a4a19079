//! Tests of the session type on its own: a round trip through TOML and
//! a newer format refused.

use super::*;
use crate::guide::{Field, FieldKind, List, Phase, Rating, Reminder, ReminderAt};

fn ts(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn guide() -> Conversation {
    Conversation {
        id: "g".into(),
        title: "G".into(),
        subtitle: String::new(),
        language: "nl".into(),
        minutes: 20,
        summary: "s".into(),
        participants: vec![],
        materials: vec![],
        preparation: vec!["lees".into()],
        fields: vec![Field {
            id: "school".into(),
            label: "School".into(),
            kind: FieldKind::Text,
            required: true,
            client: true,
            choices: vec![],
            default: None,
        }],
        phases: vec![Phase {
            id: "a".into(),
            title: "A".into(),
            minutes: 20,
            goal: String::new(),
            guidance: String::new(),
            questions: vec!["Q?".into()],
            groups: vec![],
            optional: false,
            revisit: None,
            lists: vec![List {
                id: "afspraken".into(),
                label: "Afspraken".into(),
                hint: String::new(),
                columns: vec!["Wat".into(), "Wie".into()],
                carry: true,
                min: None,
                max: Some(3),
            }],
            ratings: vec![Rating {
                id: "r".into(),
                label: "R".into(),
                scale: vec!["x".into(), "y".into()],
                items: vec!["i1".into(), "i2".into()],
            }],
        }],
        reminders: vec![Reminder {
            at: ReminderAt::MinutesBeforeEnd(5),
            text: "Kom terug".into(),
        }],
    }
}

#[test]
fn session_survives_a_toml_round_trip() {
    let mut phase = PhaseRecord {
        id: "a".into(),
        notes: "één \"\"\" twee\r\n🧑‍🏫 ĳ".into(),
        visits: vec![Interval {
            start: ts("2026-11-23T09:00:00+01:00"),
            end: None,
        }],
        ..Default::default()
    };
    phase
        .ratings
        .insert("r".into(), vec!["".into(), "y".into()]);
    phase.lists.insert(
        "afspraken".into(),
        vec![Item {
            values: vec!["Bellen".into(), "Anna".into()],
            done: false,
        }],
    );
    let s = Session {
        format: SESSION_FORMAT,
        status: Status::InProgress,
        created: ts("2026-11-23T09:00:00+01:00"),
        started: Some(ts("2026-11-23T09:01:00+01:00")),
        finished: None,
        saved: None,
        client: "De Regenboog".into(),
        current: 0,
        fields: [("school".to_string(), "De Regenboog".to_string())].into(),
        checklist: vec![true],
        pauses: vec![],
        agreed_end: None,
        reminders_shown: vec![],
        draft: None,
        plan: None,
        carried: vec![],
        phases: vec![phase],
        guide: guide(),
    };
    let text = s.to_toml().unwrap();
    assert_eq!(Session::from_toml(&text).unwrap(), s);
}

#[test]
fn newer_format_is_reported_as_such() {
    assert_eq!(
        Session::from_toml("format = 9\n"),
        Err(SessionFileError::UnknownFormat(9))
    );
    assert!(matches!(
        Session::from_toml("format = 1\n"),
        Err(SessionFileError::Damaged(_))
    ));
}
