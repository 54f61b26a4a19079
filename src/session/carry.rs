//! Carried items: open agreements that come along from earlier sessions with
//! the same client, and the client slug used in file names.

use std::collections::HashSet;

use super::{CarriedItem, Item, Session};
use crate::guide::List;

/// The open items that come along into a new session with `client`, from
/// the `earlier` sessions (in any order; other clients are ignored).
///
/// Sessions with the same client (compared trimmed and case-insensitively)
/// are read newest first (by `created`). From each come, in order: its
/// carried items neither marked done nor dropped (carried on again, keeping
/// the session they first came from), then the items not marked done of its
/// lists with `carry = true`. An item is identified by the session it came from, its
/// list and its values; the newest session that mentions an item decides
/// its state, so an item marked done later never comes back, and no item
/// appears twice. An empty client carries nothing.
pub fn open_carried_items(earlier: &[Session], client: &str) -> Vec<CarriedItem> {
    let client = normalise_client(client);
    if client.is_empty() {
        return Vec::new();
    }
    let mut same: Vec<&Session> = earlier
        .iter()
        .filter(|s| normalise_client(s.client_value()) == client)
        .collect();
    same.sort_by_key(|s| std::cmp::Reverse(s.created));

    let mut seen = HashSet::new();
    same.into_iter()
        .flat_map(candidates)
        .filter(|c| seen.insert(c.key()) && c.open)
        .map(|c| c.item)
        .collect()
}

/// Add the `found` open items to the ones a session has (`into`), keeping
/// what was decided about those already there: an item the user marked
/// before the lookup answered keeps its mark.
pub fn merge_carried(into: &mut Vec<CarriedItem>, found: Vec<CarriedItem>) {
    for item in found {
        if !into.iter().any(|c| c.key() == item.key()) {
            into.push(item);
        }
    }
}

/// An item as one session has it: what would come along, and whether it
/// is still open there.
struct Candidate {
    /// The item as it comes along (not marked done).
    item: CarriedItem,
    /// Not marked done in that session.
    open: bool,
}

impl Candidate {
    /// What identifies the item: the session it first came from, its list
    /// and its values.
    fn key(&self) -> (String, String, Vec<String>) {
        (
            self.item.from_session.clone(),
            self.item.list.clone(),
            self.item.item.values.clone(),
        )
    }
}

/// The items `session` has, in order: the items carried into it, then the
/// items of its lists with `carry = true`.
fn candidates(session: &Session) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = session
        .carried
        .iter()
        .map(|c| Candidate {
            item: CarriedItem {
                done: false,
                dropped: false,
                ..c.clone()
            },
            open: c.is_open(),
        })
        .collect();
    let origin = Origin {
        stem: session.file_stem(),
        title: session.guide.title.clone(),
        date: Some(session.started.unwrap_or(session.created)),
    };
    for (phase, list) in session.guide.lists().filter(|(_, l)| l.carry) {
        out.extend(session.items(phase, &list.id).iter().map(|item| Candidate {
            item: carried_from(&origin, list, item),
            open: !item.done,
        }));
    }
    out
}

/// The session an item comes from.
struct Origin {
    /// Its file stem (see [`Session::file_stem`]).
    stem: String,
    /// Its guide's title.
    title: String,
    /// When it was held.
    date: Option<super::Timestamp>,
}

/// Item `item` of list `list` of the session `origin`, as it comes along.
fn carried_from(origin: &Origin, list: &List, item: &Item) -> CarriedItem {
    CarriedItem {
        from_session: origin.stem.clone(),
        list: list.id.clone(),
        label: list.label.clone(),
        columns: list.columns.clone(),
        item: Item {
            values: item.values.clone(),
            done: false,
        },
        done: false,
        dropped: false,
        from_title: origin.title.clone(),
        from_date: origin.date,
    }
}

fn normalise_client(client: &str) -> String {
    client.trim().to_lowercase()
}

/// A file-name-friendly form of a client's name: ASCII letters and digits in
/// lower case, diacritics folded ("é" → "e", "ß" → "ss"), every other run of
/// characters one "-", none at either end.
/// "Basisschool De Regenboog (Utrecht)" → "basisschool-de-regenboog-utrecht";
/// "" → "".
pub fn slug(name: &str) -> String {
    crate::slug::slug(name, usize::MAX)
}
