//! The store's promises under faults: atomic saves, permissions, damaged
//! files, locks, outside changes, the saver thread. See docs/reliability.md.

use std::fs;
use std::path::Path;

use chrono::DateTime;
use leidraad::guide::{Conversation, Field, FieldKind, List, Phase, Reminder, ReminderAt};
use leidraad::session::{Interval, Item, PhaseRecord, SESSION_FORMAT, Session, Status, Timestamp};
use leidraad::store::{Saved, SessionStore};

fn ts(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn guide() -> Conversation {
    Conversation {
        id: "voortgangsgesprek".into(),
        title: "Voortgangsgesprek".into(),
        subtitle: String::new(),
        language: "nl".into(),
        minutes: 90,
        summary: "Terugkijken en vooruitkijken".into(),
        participants: vec!["Team".into()],
        materials: vec![],
        preparation: vec!["Lees het contract".into()],
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
            id: "opening".into(),
            title: "Opening".into(),
            minutes: 90,
            goal: "Kennismaken".into(),
            guidance: String::new(),
            questions: vec!["Hoe gaat het?".into()],
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
                max: None,
            }],
            ratings: vec![],
        }],
        reminders: vec![Reminder {
            at: ReminderAt::MinutesBeforeEnd(5),
            text: "Terug naar de contractvragen".into(),
        }],
    }
}

/// A session created at `created` for `client` with `notes` in its phase.
fn session(created: &str, client: &str, notes: &str) -> Session {
    let mut phase = PhaseRecord {
        id: "opening".into(),
        notes: notes.into(),
        visits: vec![Interval {
            start: ts(created),
            end: None,
        }],
        ..Default::default()
    };
    phase.lists.insert(
        "afspraken".into(),
        vec![Item {
            values: vec!["Bellen".into(), "Anna".into()],
            done: false,
        }],
    );
    Session {
        format: SESSION_FORMAT,
        status: Status::InProgress,
        created: ts(created),
        started: Some(ts(created)),
        finished: None,
        saved: None,
        client: client.into(),
        current: 0,
        fields: [("school".to_string(), client.to_string())].into(),
        checklist: vec![true],
        pauses: vec![],
        reminders_shown: vec![],
        carried: vec![],
        phases: vec![phase],
        guide: guide(),
    }
}

fn sample() -> Session {
    session(
        "2026-11-23T09:05:00+01:00",
        "De Regenboog",
        "Eerste notitie: één \"\"\" ĳs 🧑‍🏫\r\nregel twee",
    )
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("leidraad-store")
        .tempdir()
        .unwrap()
}

/// The files in `dir`, sorted (hidden ones included).
fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn saved_session_loads_back_identical() {
    let dir = temp_dir();
    let store = SessionStore::open(dir.path()).unwrap();
    let s = sample();
    let path = store.path_for_new(&s);
    assert_eq!(
        path.file_name().unwrap(),
        "2026-11-23_0905_voortgangsgesprek_de-regenboog.toml"
    );
    assert_eq!(store.save(&path, &s).unwrap(), Saved::Written(path.clone()));
    assert_eq!(store.load(&path).unwrap(), s);
    assert_eq!(files(dir.path()), vec![names_of(&path)]);
}

fn names_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}
