//! Carried items: open agreements that come along from earlier sessions with
//! the same client, and the client slug used in file names.

use std::collections::HashSet;

use super::{CarriedItem, Item, Session};

/// The open items that come along into a new session with `client`, from
/// the `earlier` sessions (in any order; other clients are ignored).
///
/// Sessions with the same client (compared trimmed and case-insensitively)
/// are read newest first (by `created`). From each come, in order: its
/// carried items not marked done (carried on again, keeping the session they
/// first came from), then the items not marked done of its lists with
/// `carry = true`. An item is identified by the session it came from, its
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

    let mut seen: HashSet<(String, String, Vec<String>)> = HashSet::new();
    let mut out = Vec::new();
    for session in same {
        for c in &session.carried {
            let key = (
                c.from_session.clone(),
                c.list.clone(),
                c.item.values.clone(),
            );
            if seen.insert(key) && !c.done && !c.item.done {
                out.push(CarriedItem {
                    done: false,
                    ..c.clone()
                });
            }
        }
        let stem = session.file_stem();
        for (phase, list) in session.guide.lists() {
            if !list.carry {
                continue;
            }
            for item in session.items(phase, &list.id) {
                let key = (stem.clone(), list.id.clone(), item.values.clone());
                if seen.insert(key) && !item.done {
                    out.push(CarriedItem {
                        from_session: stem.clone(),
                        list: list.id.clone(),
                        label: list.label.clone(),
                        columns: list.columns.clone(),
                        item: Item {
                            values: item.values.clone(),
                            done: false,
                        },
                        done: false,
                    });
                }
            }
        }
    }
    out
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
