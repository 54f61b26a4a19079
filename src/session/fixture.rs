//! A small guide and pinned timestamps shared by the domain tests.

use chrono::{DateTime, TimeDelta};

use crate::guide::{
    Conversation, Field, FieldKind, List, Phase, QuestionGroup, Rating, Reminder, ReminderAt,
};
use crate::session::Timestamp;

/// Monday 23 November 2026, 09:00 in the Netherlands.
pub fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap()
}

/// `t0` plus `n` minutes (negative: before).
pub fn at(n: i64) -> Timestamp {
    t0() + TimeDelta::minutes(n)
}

fn phase(id: &str, title: &str, minutes: u32) -> Phase {
    Phase {
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
    }
}

/// Three phases of 10, 20 and 30 minutes (60 in all): "contracteren" with
/// questions, an optional "terugblik" with milestones and a rating, and
/// "afronden" with agreements that carry. Reminders 10 minutes after the
/// start and 5 before the end.
pub fn guide() -> Conversation {
    Conversation {
        id: "voortgang".into(),
        title: "Voortgangsgesprek".into(),
        subtitle: "Fase verdiepen".into(),
        language: "nl".into(),
        minutes: 60,
        summary: String::new(),
        participants: vec![],
        materials: vec![],
        preparation: vec!["Lees het verslag".into(), "Neem plaknotities mee".into()],
        fields: fields(),
        phases: phases(),
        reminders: vec![
            Reminder {
                at: ReminderAt::MinutesAfterStart(10),
                text: "Tien minuten".into(),
            },
            Reminder {
                at: ReminderAt::MinutesBeforeEnd(5),
                text: "Kom terug op de contractvragen".into(),
            },
        ],
    }
}

/// The three phases, as described at [`guide`].
fn phases() -> Vec<Phase> {
    let mut a = phase("contracteren", "Contracteren", 10);
    a.questions = vec!["Hoeveel tijd hebben we?".into(), "Wat verwacht je?".into()];
    a.groups = vec![QuestionGroup {
        title: "Op organisatieniveau".into(),
        questions: vec!["Wat is er gedaan?".into()],
    }];
    let mut b = phase("terugblik", "Terugblik", 20);
    b.optional = true;
    b.lists = vec![List {
        id: "mijlpalen".into(),
        label: "Mijlpalen".into(),
        hint: String::new(),
        columns: vec!["Mijlpaal".into(), "Wanneer".into()],
        carry: false,
        min: None,
        max: None,
    }];
    b.ratings = vec![Rating {
        id: "doelen".into(),
        label: "Hoe sterk is dit al ontwikkeld?".into(),
        scale: vec!["sterk".into(), "redelijk".into(), "minder sterk".into()],
        items: vec!["Visie op cultuur".into(), "Deskundigheid".into()],
    }];
    let mut c = phase("afronden", "Afronden", 30);
    c.lists = vec![List {
        id: "afspraken".into(),
        label: "Afspraken".into(),
        hint: "Wie doet wat en wanneer?".into(),
        columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
        carry: true,
        min: None,
        max: None,
    }];
    vec![a, b, c]
}

/// The header form: the school (the client field), a date defaulting to
/// today and a list of participants.
fn fields() -> Vec<Field> {
    vec![
        Field {
            id: "school".into(),
            label: "Naam school".into(),
            kind: FieldKind::Text,
            required: true,
            client: true,
            choices: vec![],
            default: None,
        },
        Field {
            id: "datum".into(),
            label: "Datum".into(),
            kind: FieldKind::Date,
            required: false,
            client: false,
            choices: vec![],
            default: Some("today".into()),
        },
        Field {
            id: "deelnemers".into(),
            label: "Deelnemers".into(),
            kind: FieldKind::List,
            required: false,
            client: false,
            choices: vec![],
            default: None,
        },
    ]
}
