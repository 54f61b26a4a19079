//! A damaged file in the history index: its fault is stored as its kind and
//! place (the words are the interface language's, at the time it is shown),
//! and an index that kept words is rebuilt.

use super::index_tests::{age, index_path, session, store};
use super::{Listed, SessionStore};

/// The reason `store` lists for the file `name`.
fn damage_of(store: &SessionStore, name: &str) -> super::DamageReason {
    let listed = store.list().unwrap();
    match listed.into_iter().find(|l| l.file_name() == name) {
        Some(Listed::Damaged(d)) => d.reason,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn an_invalid_files_fault_is_stored_as_its_kind_and_place_not_as_words() {
    use crate::file_fault::{At, Fault, FaultKind};
    let (_dir, store) = store();
    let good = super::session_text(&session(0, "De Linde", "kernteam")).unwrap();
    let path = store.dir().join("kapot.toml");
    std::fs::write(
        &path,
        good.replacen("status = \"finished\"", "status = \"???\"", 1),
    )
    .unwrap();
    age(&path);
    let want = super::DamageReason::Invalid(Fault {
        at: Some(At {
            line: 2,
            column: 10,
        }),
        kind: FaultKind::BadValue(Some("status".into())),
    });
    assert_eq!(damage_of(&store, "kapot.toml"), want, "read from the file");
    let fresh = SessionStore::open(store.dir()).unwrap();
    assert_eq!(damage_of(&fresh, "kapot.toml"), want, "read from the index");
    let db = rusqlite::Connection::open(index_path(&store)).unwrap();
    let stored: String = db
        .query_row(
            "SELECT damage_detail FROM files WHERE name = 'kapot.toml'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        stored.contains("bad_value") && stored.contains("\"line\":2"),
        "{stored}"
    );
    assert!(!stored.contains("expected"), "no parser English: {stored}");

    drop(db);
    // An index of schema 2 kept the parser's English: it is rebuilt, and so
    // is one whose detail is not a fault.
    for (version, detail) in [
        (2, "unknown variant `???`, expected `in_progress`"),
        (3, "{"),
    ] {
        // Opened again: the rebuild before made a new file.
        let db = rusqlite::Connection::open(index_path(&store)).unwrap();
        let changed = db
            .execute(
                "UPDATE files SET damage_detail = ?1 WHERE name = 'kapot.toml'",
                [detail],
            )
            .unwrap();
        assert_eq!(changed, 1, "schema {version}: the row is there to change");
        db.execute_batch(&format!("PRAGMA user_version = {version}"))
            .unwrap();
        let fresh = SessionStore::open(store.dir()).unwrap();
        assert_eq!(
            damage_of(&fresh, "kapot.toml"),
            want,
            "schema {version}: {detail}"
        );
    }
}
