//! The history index where it cannot be written: a read-only data folder
//! is answered from the session files, with no index and no error.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use leidraad::catalog::Catalog;
use leidraad::session::{Session, Timestamp};
use leidraad::store::{INDEX_NAME, SessionQuery, SessionStore, session_text};

#[path = "common/privs.rs"]
mod privs;

/// Set in the child that runs the test as `nobody`.
const AS_NOBODY: &str = "LEIDRAAD_TEST_AS_NOBODY";

fn ts(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn session(created: &str, client: &str, notes: &str) -> Session {
    let guide = Catalog::bundled()
        .conversation("voortgangsgesprek")
        .expect("the bundled voortgangsgesprek")
        .clone();
    let mut s = Session::new(&guide, ts(created));
    s.set_field("school", client).unwrap();
    s.client = client.into();
    s.start(ts(created));
    s.phases[0].notes = notes.into();
    s
}

fn index_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(INDEX_NAME))
        .collect()
}

/// How many sessions `find` and `search` give for `needle` (find compares
/// case only, search diacritics too).
fn texts(store: &SessionStore, needle: &str) -> (usize, usize) {
    let q = SessionQuery::all().with_text(needle);
    (
        store.find(&q).unwrap().len(),
        store.search(&q).unwrap().len(),
    )
}

#[test]
fn a_read_only_folder_is_answered_from_the_files() {
    const TEST: &str = "a_read_only_folder_is_answered_from_the_files";
    // Root writes into a 0500 folder anyway: run this test again as
    // `nobody` (setpriv), with a temporary folder of its own.
    if privs::is_root() {
        let Some(user) = privs::AppUser::get() else {
            return;
        };
        let tmp = tempfile::tempdir().unwrap();
        let marker = "read-only index checked as uid 65534";
        privs::rerun_as_nobody(&user, TEST, tmp.path(), AS_NOBODY, marker);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = SessionStore::open(&data).unwrap();
    let first = session("2026-11-23T09:00:00+01:00", "De Linde", "ideeën");
    let path = store.path_for_new(&first);
    store.save(&path, &first).unwrap();
    let second = session("2026-11-24T09:00:00+01:00", "De Vlinder", "kernteam");
    store.save(&store.path_for_new(&second), &second).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap();
    if fs::write(data.join("probe"), "x").is_ok() {
        let _ = fs::remove_file(data.join("probe"));
        fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
        assert!(
            std::env::var_os(AS_NOBODY).is_none(),
            "0500 did not stop nobody"
        );
        println!("note: chmod 0500 does not stop writes for this user; skipped");
        return;
    }
    // No index can be made: the files answer.
    let fresh = SessionStore::open(&data).unwrap();
    assert_eq!(fresh.list().unwrap().len(), 2);
    assert_eq!(texts(&fresh, "ideeen"), (0, 1), "search folds diacritics");
    assert_eq!(texts(&fresh, "IDEEËN"), (1, 1));
    assert_eq!(texts(&fresh, "kernteam"), (1, 1));
    assert!(!fresh.sync(&mut |_| {}).unwrap(), "the index is not in use");
    assert_eq!(fresh.find_indexed(&SessionQuery::all()).unwrap().pending, 0);
    assert!(index_files(&data).is_empty(), "{:?}", index_files(&data));
    // An index made while the folder could be written, then left read-only
    // (and a session edited in place meanwhile): still the files answer.
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(texts(&store, "kernteam"), (1, 1));
    assert!(index_files(&data).contains(&INDEX_NAME.to_string()));
    drop(store);
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap();
    let mut edited = first.clone();
    edited.phases[0].notes = "kernteam erbij".into();
    fs::write(&path, session_text(&edited).unwrap()).unwrap();
    let later = SessionStore::open(&data).unwrap();
    assert_eq!(texts(&later, "kernteam"), (2, 2));
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    let uid = fs::metadata(&data).map(|m| m.uid()).unwrap_or(u32::MAX);
    println!("read-only index checked as uid {uid}");
}
