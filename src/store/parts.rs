//! The searchable parts of a session: what the index holds per session
//! and what a search hit points at.

use crate::session::Session;

/// Between the columns of a list item in a part's text (a needle never
/// holds it, so no match spans two columns).
pub(super) const COLUMN_SEPARATOR: char = '\u{1f}';

/// Where in a session a part of its text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PartKind {
    /// The client's name from the header (what `mentions` looks at; the
    /// client field itself is a [`PartKind::Field`] too).
    Client,
    /// A header field's value.
    Field { label: String },
    /// A phase's notes.
    Notes { phase: usize, title: String },
    /// A phase's private note.
    PrivateNote { phase: usize, title: String },
    /// An item of a phase's list, all its columns.
    Item { phase: usize, list: String },
    /// A rated item of a phase's rating: `item: chosen step`.
    Rating { phase: usize, label: String },
    /// An item carried in from an earlier session.
    Carried { list: String },
}

/// One part: where it is and its text (list columns joined by
/// [`COLUMN_SEPARATOR`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    pub kind: PartKind,
    pub text: String,
}

impl PartKind {
    /// The number stored in the index for this kind.
    pub fn code(&self) -> i64 {
        match self {
            PartKind::Client => 0,
            PartKind::Field { .. } => 1,
            PartKind::Notes { .. } => 2,
            PartKind::PrivateNote { .. } => 3,
            PartKind::Item { .. } => 4,
            PartKind::Rating { .. } => 5,
            PartKind::Carried { .. } => 6,
        }
    }

    /// The kind stored as `code`, `phase` and `label`.
    pub fn from_code(code: i64, phase: usize, label: String) -> Option<PartKind> {
        Some(match code {
            0 => PartKind::Client,
            1 => PartKind::Field { label },
            2 => PartKind::Notes {
                phase,
                title: label,
            },
            3 => PartKind::PrivateNote {
                phase,
                title: label,
            },
            4 => PartKind::Item { phase, list: label },
            5 => PartKind::Rating { phase, label },
            6 => PartKind::Carried { list: label },
            _ => return None,
        })
    }

    /// The phase and label stored beside the code.
    pub fn phase_and_label(&self) -> (usize, &str) {
        match self {
            PartKind::Client => (0, ""),
            PartKind::Field { label } | PartKind::Carried { list: label } => (0, label),
            PartKind::Notes { phase, title } | PartKind::PrivateNote { phase, title } => {
                (*phase, title)
            }
            PartKind::Item { phase, list: label } | PartKind::Rating { phase, label } => {
                (*phase, label)
            }
        }
    }
}

/// The codes of the kinds [`Session::mentions`] looks at (what
/// `SessionQuery::with_text` searches): not private notes, not ratings.
pub(super) const SAID_CODES: &str = "0, 1, 2, 4, 6";

/// Every non-empty part of `session`, in reading order.
pub(super) fn parts(session: &Session) -> Vec<Part> {
    let mut out = Vec::new();
    let mut push = |kind, text: String| {
        if !text.is_empty() {
            out.push(Part { kind, text });
        }
    };
    let guide = &session.guide;
    push(PartKind::Client, session.client.clone());
    for (id, value) in &session.fields {
        let label = guide
            .fields
            .iter()
            .find(|f| f.id == *id)
            .map_or_else(|| id.clone(), |f| f.label.clone());
        push(PartKind::Field { label }, value.clone());
    }
    for (p, record) in session.phases.iter().enumerate() {
        let phase = guide.phases.get(p);
        let title = phase.map_or_else(|| record.id.clone(), |ph| ph.title.clone());
        push(
            PartKind::Notes {
                phase: p,
                title: title.clone(),
            },
            record.notes.clone(),
        );
        push(
            PartKind::PrivateNote { phase: p, title },
            record.private_notes.clone(),
        );
        for (list_id, items) in &record.lists {
            let list = phase
                .and_then(|ph| ph.lists.iter().find(|l| l.id == *list_id))
                .map_or_else(|| list_id.clone(), |l| l.label.clone());
            for item in items {
                let kind = PartKind::Item {
                    phase: p,
                    list: list.clone(),
                };
                push(kind, join_columns(&item.values));
            }
        }
        for (rating_id, steps) in &record.ratings {
            let rating = phase.and_then(|ph| ph.ratings.iter().find(|r| r.id == *rating_id));
            let label = rating.map_or_else(|| rating_id.clone(), |r| r.label.clone());
            for (i, step) in steps.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
                let item = rating.and_then(|r| r.items.get(i)).cloned();
                let text = format!("{}: {step}", item.unwrap_or_else(|| (i + 1).to_string()));
                let kind = PartKind::Rating {
                    phase: p,
                    label: label.clone(),
                };
                push(kind, text);
            }
        }
    }
    for carried in &session.carried {
        let kind = PartKind::Carried {
            list: carried.label.clone(),
        };
        push(kind, join_columns(&carried.item.values));
    }
    out
}

fn join_columns(values: &[String]) -> String {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(COLUMN_SEPARATOR);
        }
        out.push_str(v);
    }
    out
}

/// Whether `text`, a part of the kind with `code`, contains `needle_lower`
/// (lower case) as [`Session::mentions`] compares: case-insensitively, a
/// list item's columns each on its own.
pub(super) fn mentions(code: i64, text: &str, needle_lower: &str) -> bool {
    let columns = code == 4 || code == 6;
    if columns {
        text.split(COLUMN_SEPARATOR)
            .any(|t| t.to_lowercase().contains(needle_lower))
    } else {
        text.to_lowercase().contains(needle_lower)
    }
}
