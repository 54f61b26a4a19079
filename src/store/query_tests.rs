//! [`SessionQuery`] answered by [`SessionStore::find`] and
//! [`SessionStore::load_matching`], in a temporary folder.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::{Listed, SessionQuery, SessionStore, session_text};
use crate::session::Session;
use crate::session::fixture::{at, guide};

fn store() -> (TempDir, SessionStore) {
    let dir = TempDir::new().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    (dir, store)
}

/// A preparation created `minute` minutes after t0 for `client`.
fn preparation(minute: i64, client: &str) -> Session {
    let mut s = Session::new(&guide(), at(minute));
    s.set_field("school", client).unwrap();
    s
}

/// The same, its conversation started a minute later.
fn started(minute: i64, client: &str) -> Session {
    let mut s = preparation(minute, client);
    s.start(at(minute + 1));
    s
}

/// The same, finished an hour after it started.
fn finished(minute: i64, client: &str) -> Session {
    let mut s = started(minute, client);
    s.finish(at(minute + 61));
    s
}

fn save(store: &SessionStore, s: &Session) -> PathBuf {
    let path = store.path_for_new(s);
    store.save(&path, s).unwrap();
    path
}

/// A file that is no session at all (empty).
fn damaged(store: &SessionStore) -> PathBuf {
    let path = store.dir().join("kapot.toml");
    std::fs::write(&path, b"").unwrap();
    path
}

/// The paths `find` answers, in its order.
fn found(store: &SessionStore, query: &SessionQuery) -> Vec<PathBuf> {
    store
        .find(query)
        .unwrap()
        .iter()
        .map(|l| l.path().to_path_buf())
        .collect()
}

fn paths(list: &[&Path]) -> Vec<PathBuf> {
    list.iter().map(|p| p.to_path_buf()).collect()
}

#[test]
fn all_is_the_whole_list_damaged_files_included_newest_first() {
    let (_dir, store) = store();
    let middle = save(&store, &started(10, "De Linde"));
    let newest = save(&store, &finished(20, "OBS De Vlinder"));
    let oldest = save(&store, &preparation(0, "De Regenboog"));
    let broken = damaged(&store);
    let all = store.find(&SessionQuery::all()).unwrap();
    assert_eq!(all, store.list().unwrap());
    assert_eq!(
        found(&store, &SessionQuery::all()),
        paths(&[&newest, &middle, &oldest, &broken])
    );
    assert!(matches!(all[3], Listed::Damaged(_)));
    assert!(!SessionQuery::all().is_filtered());
}

#[test]
fn client_contains_a_part_case_insensitively() {
    let (_dir, store) = store();
    let vlinder = save(&store, &started(0, "OBS De Vlinder"));
    let linde = save(&store, &started(10, "De Linde"));
    save(&store, &started(20, "De Regenboog"));
    assert_eq!(
        found(&store, &SessionQuery::all().client_contains("vlinder")),
        paths(&[&vlinder])
    );
    assert_eq!(
        found(&store, &SessionQuery::all().client_contains("DE LIN")),
        paths(&[&linde])
    );
    assert!(found(&store, &SessionQuery::all().client_contains("Klaverblad")).is_empty());
}

#[test]
fn same_client_is_equal_once_trimmed_and_case_folded() {
    let (_dir, store) = store();
    let mut spaced = started(0, "OBS De Vlinder");
    // As an older file or a hand edit may have it: the header untrimmed.
    spaced.client = "OBS De Vlinder ".into();
    let spaced = save(&store, &spaced);
    let lower = save(&store, &finished(10, "obs de vlinder"));
    save(&store, &started(20, "De Vlinder"));
    let same = SessionQuery::all().same_client("obs de vlinder");
    assert_eq!(found(&store, &same), paths(&[&lower, &spaced]));
    assert_eq!(
        found(&store, &SessionQuery::all().same_client("  OBS DE VLINDER")),
        paths(&[&lower, &spaced])
    );
    assert_eq!(
        found(&store, &SessionQuery::all().same_client("De Vlinder")).len(),
        1,
        "only the session with exactly that client"
    );
    assert_eq!(
        found(&store, &SessionQuery::all().client_contains("De Vlinder")).len(),
        3,
        "a part is found in all three"
    );
}

#[test]
fn guide_is_matched_by_its_exact_id() {
    let (_dir, store) = store();
    let mut intake = guide();
    intake.id = "intake".into();
    let mut other = Session::new(&intake, at(30));
    other.set_field("school", "De Linde").unwrap();
    let other = save(&store, &other);
    let voortgang = save(&store, &started(0, "De Linde"));
    assert_eq!(
        found(&store, &SessionQuery::all().guide("voortgang")),
        paths(&[&voortgang])
    );
    assert_eq!(
        found(&store, &SessionQuery::all().guide("intake")),
        paths(&[&other])
    );
    assert!(found(&store, &SessionQuery::all().guide("voortgan")).is_empty());
    assert!(found(&store, &SessionQuery::all().guide("Intake")).is_empty());
}

#[test]
fn status_tells_preparations_conversations_in_progress_and_finished_apart() {
    let (_dir, store) = store();
    let preparing = save(&store, &preparation(0, "De Linde"));
    let going = save(&store, &started(10, "De Linde"));
    let done = save(&store, &finished(20, "De Linde"));
    save(&store, &finished(30, "De Regenboog"));
    let q = || SessionQuery::all().same_client("de linde");
    assert_eq!(found(&store, &q().preparing()), paths(&[&preparing]));
    assert_eq!(found(&store, &q().in_progress()), paths(&[&going]));
    assert_eq!(
        found(&store, &q().unfinished()),
        paths(&[&going, &preparing])
    );
    assert_eq!(found(&store, &q().finished()), paths(&[&done]));
    assert_eq!(
        found(&store, &SessionQuery::all().finished()).len(),
        2,
        "status alone"
    );
}

#[test]
fn text_is_searched_in_what_was_said_only() {
    let (_dir, store) = store();
    let mut noted = started(0, "De Linde");
    noted.phases[0].notes = "Het Kernteam was er".into();
    noted.phases[0].private_notes = "geheim".into();
    let noted = save(&store, &noted);
    let mut agreed = started(10, "De Regenboog");
    agreed
        .add_item(2, "afspraken", vec!["Ouders bellen".into()])
        .unwrap();
    let agreed = save(&store, &agreed);
    let text = |t: &str| found(&store, &SessionQuery::all().with_text(t));
    assert_eq!(text("kernteam"), paths(&[&noted]));
    assert_eq!(text("OUDERS"), paths(&[&agreed]));
    assert_eq!(text("regenboog"), paths(&[&agreed]), "the client is said");
    assert!(text("geheim").is_empty(), "private notes are not searched");
    assert!(
        text("Hoeveel tijd hebben we").is_empty(),
        "the embedded guide is not searched"
    );
    assert!(text("klaverblad").is_empty());
}

#[test]
fn conditions_combine() {
    let (_dir, store) = store();
    let mut hit = finished(0, "OBS De Vlinder");
    hit.phases[0].notes = "leerlijn rekenen".into();
    let hit = save(&store, &hit);
    let mut unfinished = started(10, "OBS De Vlinder");
    unfinished.phases[0].notes = "leerlijn rekenen".into();
    save(&store, &unfinished);
    let mut elsewhere = finished(20, "De Linde");
    elsewhere.phases[0].notes = "leerlijn rekenen".into();
    save(&store, &elsewhere);
    let mut other_words = finished(30, "OBS De Vlinder");
    other_words.phases[0].notes = "taal".into();
    save(&store, &other_words);
    let q = SessionQuery::all()
        .client_contains("vlinder")
        .guide("voortgang")
        .with_text("Leerlijn")
        .finished();
    assert_eq!(found(&store, &q), paths(&[&hit]));
    assert!(found(&store, &q.guide("intake")).is_empty());
}

#[test]
fn damaged_files_are_part_of_the_answer_only_without_a_condition() {
    let (_dir, store) = store();
    save(&store, &started(0, "De Linde"));
    let broken = damaged(&store);
    let listed = |q: SessionQuery| {
        assert!(q.is_filtered(), "{q:?}");
        found(&store, &q)
    };
    assert!(found(&store, &SessionQuery::all()).contains(&broken));
    for q in [
        SessionQuery::all().client_contains(""),
        SessionQuery::all().same_client("De Linde"),
        SessionQuery::all().guide("voortgang"),
        SessionQuery::all().with_text(""),
        SessionQuery::all().unfinished(),
        SessionQuery::all().finished(),
    ] {
        let answer = listed(q);
        assert!(!answer.contains(&broken), "{answer:?}");
    }
    assert_eq!(
        found(&store, &SessionQuery::all().with_text("")).len(),
        1,
        "an empty text is in every session"
    );
}

#[test]
fn load_matching_gives_whole_sessions_newest_first() {
    let (_dir, store) = store();
    let mut old = finished(0, "De Linde");
    old.phases[0].notes = "eerste keer".into();
    save(&store, &old);
    let new = started(60, "de linde ");
    save(&store, &new);
    save(&store, &started(30, "De Regenboog"));
    damaged(&store);
    let same = store
        .load_matching(&SessionQuery::all().same_client("De Linde"))
        .unwrap();
    assert_eq!(same, vec![new, old.clone()]);
    let said = store
        .load_matching(&SessionQuery::all().with_text("EERSTE"))
        .unwrap();
    assert_eq!(said, vec![old]);
    assert_eq!(
        store.load_matching(&SessionQuery::all()).unwrap().len(),
        3,
        "the damaged file is left out"
    );
}

#[test]
fn a_file_damaged_past_its_header_matches_on_the_header_but_never_loads() {
    let (_dir, store) = store();
    let mut s = started(0, "De Linde");
    s.phases[0].notes = "kernteam".into();
    let good = session_text(&s).unwrap();
    assert!(good.contains("\ncurrent = 0\n"), "{good}");
    let path = store.dir().join("2026-11-23-0900-de-linde-voortgang.toml");
    std::fs::write(&path, good.replace("\ncurrent = 0\n", "\ncurrent = 9\n")).unwrap();
    assert!(store.load(&path).is_err(), "damaged inside");
    let q = SessionQuery::all().same_client("de linde");
    assert_eq!(found(&store, &q), vec![path]);
    assert!(store.load_matching(&q).unwrap().is_empty());
    assert!(
        found(&store, &SessionQuery::all().with_text("kernteam")).is_empty(),
        "its text cannot be read"
    );
}

#[test]
fn a_later_condition_of_the_same_kind_replaces_the_earlier_one() {
    let (_dir, store) = store();
    let linde = save(&store, &preparation(0, "De Linde"));
    save(&store, &finished(10, "OBS De Vlinder"));
    let q = SessionQuery::all()
        .same_client("OBS De Vlinder")
        .client_contains("linde")
        .finished()
        .preparing();
    assert_eq!(found(&store, &q), paths(&[&linde]));
}
