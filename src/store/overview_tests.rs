//! The overview a start screen lists: the same from the index, from a
//! folder scan and from the whole list, and built without every header.

use std::path::PathBuf;

use chrono::FixedOffset;
use tempfile::TempDir;

use super::{Overview, SessionHeader, SessionStore};
use crate::session::Session;
use crate::session::fixture::{at, guide};

fn save(store: &SessionStore, s: &Session) -> PathBuf {
    let path = store.path_for_new(s);
    store.save(&path, s).unwrap();
    path
}

/// Created at `created`, started at `started` (minutes after t0), finished
/// or not.
fn session(client: &str, created: i64, started: Option<i64>, finished: bool) -> Session {
    let mut s = Session::new(&guide(), at(created));
    s.set_field("school", client).unwrap();
    if let Some(m) = started {
        s.start(at(m));
        if finished {
            s.finish(at(m + 45));
        }
    }
    s
}

fn clients(headers: &[SessionHeader]) -> Vec<&str> {
    headers.iter().map(|h| h.client.as_str()).collect()
}

/// A folder with every kind of entry: preparations, conversations in
/// progress, finished ones whose start order differs from the list's
/// order (one started long after it was created, one in another time
/// zone, two at the same moment), and a damaged file.
fn archive() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let store = SessionStore::open_without_index(&data).unwrap();
    save(&store, &session("Preparing", 500, None, false));
    save(&store, &session("Running", 400, Some(401), false));
    save(&store, &session("Old", 0, Some(1), true));
    save(&store, &session("Late start", 10, Some(900), true));
    save(&store, &session("Tie A", 20, Some(300), true));
    save(&store, &session("Tie B", 30, Some(300), true));
    let mut east = session("East", 40, Some(200), true);
    let east_offset = FixedOffset::east_opt(5 * 3600).unwrap();
    east.started = east.started.map(|t| t.with_timezone(&east_offset));
    save(&store, &east);
    for m in 50..56 {
        save(
            &store,
            &session(&format!("Filler {m}"), m, Some(m + 1), true),
        );
    }
    std::fs::write(data.join("2026-01-01_0900_broken.toml"), "garbage = [").unwrap();
    (dir, data)
}

#[test]
fn the_overview_is_the_list_narrowed_whether_from_the_index_or_a_scan() {
    let (_dir, data) = archive();
    let indexed = SessionStore::open(&data).unwrap();
    let scanned = SessionStore::open_without_index(&data).unwrap();
    for keep in [0, 1, 3, 5, 100] {
        let from_list = Overview::of(indexed.list().unwrap(), keep);
        let from_index = indexed.overview(keep).unwrap();
        assert_eq!(from_index, from_list, "keep {keep}");
        assert_eq!(scanned.overview(keep).unwrap(), from_list, "keep {keep}");
    }
    let five = indexed.overview(5).unwrap();
    assert_eq!(clients(&five.unfinished), ["Preparing", "Running"]);
    // By when they started: the late start first, then the two that
    // started together in the order of the list, then East (200 minutes
    // after t0 in its own zone is the same moment anywhere).
    assert_eq!(
        clients(&five.finished),
        ["Late start", "Tie B", "Tie A", "East", "Filler 55"]
    );
    assert_eq!(five.damaged, 1);
}

#[test]
fn the_overview_from_the_index_builds_no_header_it_does_not_keep() {
    let (_dir, data) = archive();
    let store = SessionStore::open(&data).unwrap();
    let overview = store.overview(2).unwrap();
    assert_eq!(overview.unfinished.len() + overview.finished.len(), 4);
    assert_eq!(
        store.entries_in_memory(),
        Some(0),
        "no header of every file"
    );
    // The history's question does hold them all, and keeps them.
    store.list().unwrap();
    assert_eq!(store.entries_in_memory(), Some(14));
    assert_eq!(store.overview(2).unwrap(), overview);
}

#[test]
fn a_session_broken_below_its_header_counts_as_damaged_even_when_not_kept() {
    let (_dir, data) = archive();
    // The oldest finished one: past the five kept, and damaged below its
    // header.
    let old = session("Broken below", -500, Some(-500), true);
    let text = super::session_text(&old).unwrap();
    assert!(text.contains("current = 0"));
    std::fs::write(
        data.join("2026-01-01_0800_old.toml"),
        text.replacen("current = 0", "current = \"twee\"", 1),
    )
    .unwrap();
    let indexed = SessionStore::open(&data).unwrap();
    let scanned = SessionStore::open_without_index(&data).unwrap();
    for keep in [0, 5, 100] {
        let from_list = Overview::of(indexed.list().unwrap(), keep);
        assert_eq!(from_list.damaged, 2, "keep {keep}");
        assert!(!clients(&from_list.finished).contains(&"Broken below"));
        assert_eq!(indexed.overview(keep).unwrap(), from_list, "keep {keep}");
        assert_eq!(scanned.overview(keep).unwrap(), from_list, "keep {keep}");
    }
}
