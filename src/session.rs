//! A session: what was said in one conversation, per phase, with the
//! wall-clock timestamps the timer is computed from.
//!
//! Every operation that depends on time takes `now` as an argument; nothing
//! here reads the clock or touches the disk. The TOML form of this type is
//! the session file (documented in `docs/session-format.md`).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::guide::Conversation;

/// The session file format version written by this build.
pub const SESSION_FORMAT: u32 = 1;

/// A wall-clock timestamp with its UTC offset, stored to the second.
pub type Timestamp = DateTime<FixedOffset>;

/// Whether a session is still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Preparation done, conversation started or paused; can be resumed.
    InProgress,
    /// Finished with `f`.
    Finished,
}

/// One conversation held with a guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The session file format version.
    pub format: u32,
    pub status: Status,
    /// When the session was created (preparation started).
    pub created: Timestamp,
    /// When the conversation started (form completed), if it has.
    #[serde(default)]
    pub started: Option<Timestamp>,
    /// When the conversation was finished, if it was.
    #[serde(default)]
    pub finished: Option<Timestamp>,
    /// The last time this session was written (for crash recovery).
    #[serde(default)]
    pub saved: Option<Timestamp>,
    /// The client's name (the value of the guide's client field), for linking
    /// sessions; empty when the guide has no client field.
    #[serde(default)]
    pub client: String,
    /// The phase on screen (index into `phases`).
    #[serde(default)]
    pub current: usize,
    /// Header form values by field id. A list field's values are joined with
    /// newlines; a yes/no field holds "ja"/"nee" as chosen.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// The preparation checklist, one flag per item of the guide's list.
    #[serde(default)]
    pub checklist: Vec<bool>,
    /// Pauses of the timer; the last one may still be open.
    #[serde(default)]
    pub pauses: Vec<Interval>,
    /// Indexes (into the guide's reminders) of the reminders already shown.
    #[serde(default)]
    pub reminders_shown: Vec<usize>,
    /// Open items carried in from earlier sessions with the same client.
    #[serde(default)]
    pub carried: Vec<CarriedItem>,
    /// Per phase of the guide, in the guide's order.
    pub phases: Vec<PhaseRecord>,
    /// The guide this session was held with, embedded whole.
    pub guide: Conversation,
}

/// A span of wall-clock time; `end` is None while it is still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub start: Timestamp,
    #[serde(default)]
    pub end: Option<Timestamp>,
}

/// A manual correction of a phase's clock (`+`/`-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// When the correction was made.
    pub at: Timestamp,
    /// Seconds added (negative: removed).
    pub seconds: i64,
}

/// What happened in one phase.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PhaseRecord {
    /// The phase id, as in the guide.
    pub id: String,
    /// The times this phase was on screen with the clock running.
    #[serde(default)]
    pub visits: Vec<Interval>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// Notes that go into the report.
    #[serde(default)]
    pub notes: String,
    /// The facilitator's own observations; never exported unless asked for.
    #[serde(default)]
    pub private_notes: String,
    /// Indexes into the phase's `all_questions()` that were marked asked.
    #[serde(default)]
    pub asked: Vec<usize>,
    /// Items per list id.
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<Item>>,
    /// Per rating id, the chosen scale step (its label) for each rating
    /// item, in the guide's order; an empty string means not rated yet.
    #[serde(default)]
    pub ratings: BTreeMap<String, Vec<String>>,
    /// The phase was skipped (optional phases only).
    #[serde(default)]
    pub skipped: bool,
}

/// One item of a list: one value per column of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Item {
    pub values: Vec<String>,
    /// Marked done (used for carried items).
    #[serde(default)]
    pub done: bool,
}

/// An open item from an earlier session with the same client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedItem {
    /// The file name of the session it came from.
    pub from_session: String,
    /// The list id and label it came from.
    pub list: String,
    pub label: String,
    pub columns: Vec<String>,
    pub item: Item,
    /// Marked done in this session (false: carried on to the next).
    #[serde(default)]
    pub done: bool,
}

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionFileError {
    /// Not valid TOML or not a session (the message says where and what).
    Damaged(String),
    /// Written by a newer leidraad with a format this build does not know.
    UnknownFormat(u32),
}

impl std::fmt::Display for SessionFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionFileError::Damaged(why) => write!(f, "damaged session file: {why}"),
            SessionFileError::UnknownFormat(v) => write!(
                f,
                "session format {v} is newer than this leidraad knows ({SESSION_FORMAT}): update leidraad"
            ),
        }
    }
}

impl std::error::Error for SessionFileError {}

impl Session {
    /// The session as the text of a session file.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    /// Read a session file's text. Never panics, whatever the input.
    pub fn from_toml(text: &str) -> Result<Session, SessionFileError> {
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        if let Ok(Version { format: Some(v) }) = toml::from_str::<Version>(text)
            && v > SESSION_FORMAT
        {
            return Err(SessionFileError::UnknownFormat(v));
        }
        toml::from_str(text).map_err(|e| SessionFileError::Damaged(e.message().to_string()))
    }
}

#[cfg(test)]
mod tests {
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
            reminders_shown: vec![],
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
}
