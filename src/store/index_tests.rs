//! The history index in a temporary folder: rebuilt when deleted or
//! corrupt, picking up outside changes, bypassed when locked, and answering
//! as the folder scan does.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

use super::{HitKind, INDEX_NAME, Listed, SessionQuery, SessionStore, names};
use crate::session::Session;
use crate::session::fixture::{at, guide};

pub(super) fn store() -> (TempDir, SessionStore) {
    let dir = TempDir::new().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    (dir, store)
}

/// A finished session created `minute` minutes after t0, with notes.
pub(super) fn session(minute: i64, client: &str, notes: &str) -> Session {
    let mut s = Session::new(&guide(), at(minute));
    s.set_field("school", client).unwrap();
    s.start(at(minute + 1));
    s.phases[0].notes = notes.into();
    s.finish(at(minute + 46));
    s
}

pub(super) fn save(store: &SessionStore, s: &Session) -> PathBuf {
    let path = store.path_for_new(s);
    store.save(&path, s).unwrap();
    path
}

pub(super) fn index_path(store: &SessionStore) -> PathBuf {
    store.dir().join(INDEX_NAME)
}

pub(super) fn text(store: &SessionStore, needle: &str) -> Vec<PathBuf> {
    let q = SessionQuery::all().with_text(needle);
    store
        .find(&q)
        .unwrap()
        .iter()
        .map(|l| l.path().to_path_buf())
        .collect()
}

pub(super) fn hits(store: &SessionStore, needle: &str) -> Vec<PathBuf> {
    let q = SessionQuery::all().with_text(needle);
    store
        .search(&q)
        .unwrap()
        .into_iter()
        .map(|h| h.header.path)
        .collect()
}

/// Write `text` over `path` and give it `mtime` (a hand edit, a sync).
fn overwrite(path: &Path, text: &str, mtime: SystemTime) {
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(mtime).unwrap();
}

/// Make `path` an hour old (a file written in the same clock tick as it
/// was indexed is read again on the next query, whatever its size).
pub(super) fn age(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    f.set_modified(old).unwrap();
}

#[test]
fn the_index_is_built_private_and_hidden_from_the_listing() {
    let (_dir, store) = store();
    let a = save(&store, &session(0, "De Linde", "kernteam"));
    assert_eq!(text(&store, "kernteam"), vec![a.clone()]);
    let index = index_path(&store);
    assert!(index.is_file(), "the index is made by the first query");
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(INDEX_NAME) {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name}");
            assert!(!names::is_session_name(&name), "{name}");
            assert!(name.starts_with(".~"), "{name}");
        }
    }
    assert_eq!(store.list().unwrap().len(), 1, "the index is not listed");
    let fresh = SessionStore::open(store.dir()).unwrap();
    assert!(fresh.rescues().is_empty());
    assert_eq!(fresh.list().unwrap().len(), 1);
}

#[test]
fn a_deleted_or_corrupt_index_is_rebuilt_from_the_files() {
    let (_dir, store) = store();
    let a = save(&store, &session(0, "De Linde", "leerlijn rekenen"));
    let b = save(&store, &session(60, "De Vlinder", "leerlijn taal"));
    assert_eq!(text(&store, "leerlijn"), vec![b.clone(), a.clone()]);
    let index = index_path(&store);
    let full = std::fs::read(&index).unwrap();
    let garbage = vec![0x5au8; 8192];
    let truncated = full[..full.len().min(4096) / 2].to_vec();
    let mut wrong_schema = full.clone();
    // The header's user_version (bytes 60..64): a schema of another leidraad.
    wrong_schema[60..64].copy_from_slice(&7u32.to_be_bytes());
    for (what, bytes) in [
        ("deleted", None),
        ("garbage", Some(garbage)),
        ("truncated", Some(truncated)),
        ("wrong schema", Some(wrong_schema)),
    ] {
        for other in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{other}", index.display()));
        }
        let _ = std::fs::remove_file(&index);
        if let Some(bytes) = &bytes {
            std::fs::write(&index, bytes).unwrap();
        }
        for fresh in [false, true] {
            let s = if fresh {
                SessionStore::open(store.dir()).unwrap()
            } else {
                store.clone()
            };
            assert_eq!(text(&s, "leerlijn"), vec![b.clone(), a.clone()], "{what}");
            assert_eq!(hits(&s, "REKENEN"), vec![a.clone()], "{what}");
            assert_eq!(s.list().unwrap().len(), 2, "{what}");
        }
    }
}

#[test]
fn a_file_changed_outside_the_app_is_read_again() {
    let (_dir, store) = store();
    let path = save(&store, &session(0, "De Linde", "eerste versie"));
    assert_eq!(text(&store, "eerste"), vec![path.clone()]);
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text_of = |notes: &str| super::session_text(&session(0, "De Linde", notes)).unwrap();
    // Same size, a new mtime.
    let same_size = text_of("tweede versie");
    assert_eq!(
        same_size.len(),
        std::fs::metadata(&path).unwrap().len() as usize
    );
    overwrite(&path, &same_size, before + Duration::from_secs(10));
    assert!(text(&store, "eerste").is_empty());
    assert_eq!(text(&store, "tweede"), vec![path.clone()]);
    // A new size, the same mtime.
    overwrite(
        &path,
        &text_of("derde, langere versie"),
        before + Duration::from_secs(10),
    );
    assert_eq!(hits(&store, "langere"), vec![path.clone()]);
    // What this store keeps in memory of the index is what the file says.
    let other = SessionStore::open(store.dir()).unwrap();
    assert_eq!(store.list().unwrap(), other.list().unwrap());
    // Gone.
    std::fs::remove_file(&path).unwrap();
    assert!(text(&store, "langere").is_empty());
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn a_file_a_sync_client_adds_is_found_by_the_next_query() {
    let (_dir, store) = store();
    let other_window = SessionStore::open(store.dir()).unwrap();
    let a = save(&store, &session(0, "De Linde", "ideeën"));
    assert_eq!(hits(&store, "ideeen"), vec![a.clone()]);
    let b = save(&other_window, &session(60, "De Vlinder", "meer ideeën"));
    assert_eq!(hits(&store, "ideeen"), vec![b.clone(), a.clone()]);
    // A plain copy, as a sync client makes it.
    let copy = store.dir().join("2026-12-01_0900_voortgang_kopie.toml");
    std::fs::copy(&a, &copy).unwrap();
    assert_eq!(hits(&other_window, "IDEEËN"), vec![copy, b, a]);
}

#[test]
fn a_locked_index_is_not_waited_for_the_scan_answers() {
    let (_dir, store) = store();
    let a = save(&store, &session(0, "De Linde", "kernteam"));
    age(&a);
    assert_eq!(text(&store, "kernteam"), vec![a.clone()]);
    let b = save(&store, &session(60, "De Vlinder", "kernteam"));
    age(&b);
    // Another process in the middle of writing the index.
    let holder = rusqlite::Connection::open(index_path(&store)).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let other = SessionStore::open(store.dir()).unwrap();
    let started = std::time::Instant::now();
    assert_eq!(text(&other, "kernteam"), vec![b.clone(), a.clone()]);
    assert_eq!(hits(&other, "kernteam"), vec![b.clone(), a.clone()]);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // Answered from what the index has and the one new file read, not by
    // a scan of the folder (which fills the store's own cache).
    assert!(other.memory().listed.is_empty());
    assert_eq!(other.list().unwrap(), store.list().unwrap());
    let partial = other.find_indexed(&SessionQuery::all()).unwrap();
    assert_eq!(partial.pending, 1, "b is not in the index yet");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(text(&other, "kernteam"), vec![b, a]);
}

#[test]
fn search_folds_case_and_diacritics_and_marks_private_notes() {
    let (_dir, store) = store();
    let mut s = session(0, "Basisschool Één", "Veel ideeën over de leerlijn");
    s.phases[1].private_notes = "Directeur lijkt gespannen".into();
    s.add_item(2, "afspraken", vec!["Ouders BELLEN".into(), "Anne".into()])
        .unwrap();
    let path = save(&store, &s);
    let found = |n: &str| hits(&store, n);
    assert_eq!(found("een"), vec![path.clone()]);
    assert_eq!(found("ideeen"), vec![path.clone()]);
    assert_eq!(found("IDEEËN"), vec![path.clone()]);
    assert_eq!(found("lijn"), vec![path.clone()], "inside a word");
    assert!(found("klaverblad").is_empty());
    assert!(found("Hoeveel tijd hebben we").is_empty(), "not the guide");
    let hit = &store
        .search(&SessionQuery::all().with_text("gespannen"))
        .unwrap()[0];
    assert!(hit.in_private_notes());
    assert!(matches!(
        &hit.parts[0].kind,
        HitKind::PrivateNote { phase: 1, .. }
    ));
    assert!(
        text(&store, "gespannen").is_empty(),
        "find keeps private notes out"
    );
    let hit = &store
        .search(&SessionQuery::all().with_text("bellen"))
        .unwrap()[0];
    let part = &hit.parts[0];
    assert!(
        matches!(&part.kind, HitKind::Item { phase: 2, .. }),
        "{part:?}"
    );
    assert_eq!(part.snippet, "Ouders BELLEN · Anne");
    assert_eq!(&part.snippet[part.ranges[0].clone()], "BELLEN");
    assert!(!hit.in_private_notes());
    let fields = store.search(&SessionQuery::all().with_text("één")).unwrap();
    assert!(
        fields[0]
            .parts
            .iter()
            .any(|p| matches!(&p.kind, HitKind::Field { .. })),
        "{fields:?}"
    );
}

/// A folder with sessions of every kind and damaged files of every kind.
fn mixed_folder(store: &SessionStore) {
    save(store, &session(0, "De Linde", "kernteam leerlijn"));
    let mut going = session(30, "OBS De Vlinder", "ideeën");
    going.status = crate::session::Status::InProgress;
    going.finished = None;
    save(store, &going);
    save(store, &Session::new(&guide(), at(90)));
    let good = super::session_text(&session(120, "De Regenboog", "kernteam")).unwrap();
    let dir = store.dir();
    std::fs::write(dir.join("leeg.toml"), "").unwrap();
    std::fs::write(dir.join("afval.toml"), [0u8, 0xff, 0x17]).unwrap();
    std::fs::write(dir.join("kort.toml"), &good[..good.len() / 2]).unwrap();
    let inside = good.replace("\ncurrent = 0\n", "\ncurrent = 9\n");
    std::fs::write(dir.join("2026-11-23_1100_binnen.toml"), inside).unwrap();
    let newer = good.replace("format = 1", "format = 99");
    std::fs::write(dir.join("nieuw.toml"), newer).unwrap();
}

#[test]
fn find_answers_the_same_with_and_without_the_index() {
    let (_dir, store) = store();
    mixed_folder(&store);
    let scan = SessionStore::open_without_index(store.dir()).unwrap();
    let queries = [
        SessionQuery::all(),
        SessionQuery::all().finished(),
        SessionQuery::all().unfinished(),
        SessionQuery::all().preparing(),
        SessionQuery::all().client_contains("de"),
        SessionQuery::all().same_client("de linde"),
        SessionQuery::all().guide("voortgang"),
        SessionQuery::all().with_text("kernteam"),
        SessionQuery::all().with_text("KERNTEAM").finished(),
        SessionQuery::all().with_text("ideeën"),
        SessionQuery::all().with_text("ideeen"),
        SessionQuery::all().with_text("e"),
        SessionQuery::all().with_text(""),
        SessionQuery::all().with_text("klaverblad"),
        SessionQuery::all().with_text("kernteam leerlijn"),
        SessionQuery::all()
            .with_text("LEERLIJN  kernteam")
            .finished(),
        SessionQuery::all().with_text("linde kernteam"),
        SessionQuery::all().with_text("de kernteam"),
        SessionQuery::all().with_text("e i"),
        SessionQuery::all().with_text("\"kernteam leerlijn\""),
        SessionQuery::all().with_text("\"leerlijn kernteam\""),
        SessionQuery::all().with_text("kernteam klaverblad"),
        SessionQuery::all().with_text("ideeen vlinder"),
        SessionQuery::all().with_text("  "),
    ];
    for q in &queries {
        let indexed = store.find(q).unwrap();
        assert_eq!(indexed, scan.find(q).unwrap(), "{q:?}");
        assert_eq!(
            store.load_matching(q).unwrap(),
            scan.load_matching(q).unwrap()
        );
        let s: Vec<_> = store.search(q).unwrap();
        assert_eq!(s, scan.search(q).unwrap(), "{q:?}");
    }
    let all = store.list().unwrap();
    assert_eq!(all.len(), 8);
    let damaged = all
        .iter()
        .filter(|l| matches!(l, Listed::Damaged(_)))
        .count();
    assert_eq!(damaged, 4);
    let inside = all.iter().find_map(|l| match l {
        Listed::Session(h) if h.damage.is_some() => Some(h),
        _ => None,
    });
    assert!(inside.is_some(), "damaged past its header: {all:?}");
}

#[test]
fn headers_carry_planned_and_actual_minutes() {
    let (_dir, store) = store();
    save(&store, &session(0, "De Linde", ""));
    let scan = SessionStore::open_without_index(store.dir()).unwrap();
    for s in [&store, &scan] {
        let Listed::Session(h) = &s.list().unwrap()[0] else {
            panic!("a session");
        };
        assert_eq!(h.planned_minutes, guide().minutes);
        assert_eq!(h.actual_minutes, 45);
    }
}

#[test]
fn the_indexed_answer_does_not_read_files_and_counts_what_is_pending() {
    let (_dir, store) = store();
    let a = save(&store, &session(0, "De Linde", "kernteam"));
    age(&a);
    assert_eq!(store.list().unwrap().len(), 1);
    let b = save(&store, &session(60, "De Vlinder", "kernteam"));
    age(&b);
    let partial = store.find_indexed(&SessionQuery::all()).unwrap();
    assert_eq!(partial.pending, 1);
    assert_eq!(partial.answer.len(), 1);
    assert_eq!(partial.answer[0].path(), a);
    let partial = store
        .search_indexed(&SessionQuery::all().with_text("kernteam"))
        .unwrap();
    assert_eq!((partial.answer.len(), partial.pending), (1, 1));
    let mut seen = Vec::new();
    assert!(store.sync(&mut |p| seen.push((p.done, p.total))).unwrap());
    assert_eq!(seen, [(1, 1)]);
    let partial = store.find_indexed(&SessionQuery::all()).unwrap();
    assert_eq!(partial.pending, 0);
    assert_eq!(partial.answer[0].path(), b);
    let other = SessionStore::open(store.dir()).unwrap();
    assert_eq!(partial.answer, other.list().unwrap());
}

#[test]
fn first_limits_every_answer_to_the_newest() {
    let (_dir, store) = store();
    let paths: Vec<PathBuf> = (0..5)
        .map(|i| save(&store, &session(i * 60, "De Linde", "kernteam")))
        .collect();
    let newest: Vec<PathBuf> = paths.iter().rev().take(2).cloned().collect();
    let q = SessionQuery::all().with_text("kernteam").first(2);
    let found: Vec<PathBuf> = store
        .find(&q)
        .unwrap()
        .iter()
        .map(|l| l.path().to_path_buf())
        .collect();
    assert_eq!(found, newest);
    let hits: Vec<PathBuf> = store
        .search(&q)
        .unwrap()
        .into_iter()
        .map(|h| h.header.path)
        .collect();
    assert_eq!(hits, newest);
    assert_eq!(store.load_matching(&q).unwrap().len(), 2);
    let short = SessionQuery::all().with_text("k").first(3);
    assert_eq!(store.search(&short).unwrap().len(), 3);
    assert_eq!(store.list().unwrap().len(), 5);
}

#[test]
fn while_the_index_is_built_the_indexed_answer_grows_newest_first() {
    let (_dir, store) = store();
    let n = super::index::BATCH + 40;
    let scan = SessionStore::open_without_index(store.dir()).unwrap();
    for i in 0..n {
        let s = session(i as i64 * 60, "De Linde", "kernteam");
        let path = save(&scan, &s);
        age(&path);
    }
    let newest = scan.list().unwrap()[0].path().to_path_buf();
    let mut seen = Vec::new();
    let synced = store
        .sync(&mut |p| {
            // Another thread of the UI asks meanwhile: it gets what is done.
            let partial = store.find_indexed(&SessionQuery::all()).unwrap();
            assert_eq!(partial.answer.len(), p.done);
            assert_eq!(partial.pending, p.total - p.done);
            assert_eq!(partial.answer[0].path(), newest, "the newest files first");
            seen.push(p.done);
        })
        .unwrap();
    assert!(synced);
    assert_eq!(seen, [super::index::BATCH, n]);
    assert_eq!(store.list().unwrap(), scan.list().unwrap());
}
