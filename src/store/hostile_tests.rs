//! The store against files it did not write: FIFOs, devices, folders and
//! huge files named `*.toml` are listed as damaged with their reason, never
//! read, never waited for, and never written over (issue 15 point 2).

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::TempDir;

use super::{DamageReason, Listed, LoadError, SessionStore};
use crate::file_read::{FileKind, mkfifo};
use crate::i18n::Lang;
use crate::session::Session;
use crate::session::fixture::{at, guide};

fn stores() -> (TempDir, [SessionStore; 2]) {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let indexed = SessionStore::open(&data).unwrap();
    let scanning = SessionStore::open_without_index(&data).unwrap();
    (dir, [indexed, scanning])
}

fn save_one(store: &SessionStore) -> PathBuf {
    let s = Session::new(&guide(), at(0));
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    path
}

/// The damage reason `list` gives the file named `name`.
fn listed_reason(store: &SessionStore, name: &str) -> Option<DamageReason> {
    store.list().unwrap().into_iter().find_map(|l| match l {
        Listed::Damaged(d) if d.file_name == name => Some(d.reason),
        Listed::Session(h) if h.file_name == name => h.damage,
        Listed::Damaged(_) | Listed::Session(_) => None,
    })
}

/// Run `f` on a thread of its own and fail if it takes longer than a few
/// seconds: a read that waits for a FIFO's writer would take for ever, and
/// the test must fail rather than hang.
fn quickly<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .unwrap_or_else(|e| panic!("{what} did not return in 5 s ({e})"))
}

#[test]
fn a_fifo_in_the_data_folder_is_listed_as_damaged_without_blocking() {
    let (_dir, stores) = stores();
    save_one(&stores[0]);
    let fifo = stores[0].dir().join("2026-02-02_0900_fifo.toml");
    mkfifo(&fifo);
    for store in &stores {
        let s = store.clone();
        let reason = quickly("list", move || {
            listed_reason(&s, "2026-02-02_0900_fifo.toml")
        });
        assert_eq!(reason, Some(DamageReason::NotAFile(FileKind::Fifo)));
        assert_eq!(store.list().unwrap().len(), 2);
        let (s, f) = (store.clone(), fifo.clone());
        let loaded = quickly("load", move || s.load(&f));
        assert!(matches!(
            loaded,
            Err(LoadError::Damaged {
                reason: DamageReason::NotAFile(FileKind::Fifo),
                ..
            })
        ));
        let (s, f) = (store.clone(), fifo.clone());
        let deleted = quickly("delete", move || s.delete(&f));
        assert!(deleted.is_err(), "a FIFO is not deleted as a session");
    }
    assert!(std::fs::symlink_metadata(&fifo).is_ok(), "the FIFO stays");
    let said = DamageReason::NotAFile(FileKind::Fifo).message(Lang::Nl.texts());
    assert_eq!(
        said,
        "geen gewoon bestand maar een FIFO (named pipe); het wordt niet gelezen"
    );
}

#[test]
fn a_link_to_a_device_and_a_huge_sparse_file_are_not_read() {
    let (_dir, stores) = stores();
    let dir = stores[0].dir().to_path_buf();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    let sparse = std::fs::File::create(dir.join("sparse.toml")).unwrap();
    sparse.set_len(4 << 30).unwrap();
    for store in &stores {
        let s = store.clone();
        let (zero, sparse) = quickly("list", move || {
            (
                listed_reason(&s, "zero.toml"),
                listed_reason(&s, "sparse.toml"),
            )
        });
        assert_eq!(zero, Some(DamageReason::NotAFile(FileKind::Device)));
        assert_eq!(sparse, Some(DamageReason::TooLarge(4 << 30)));
    }
    let said = DamageReason::TooLarge(4 << 30).message(Lang::En.texts());
    assert_eq!(
        said,
        "the file is too large (4096 MB; at most 64 MB is read)"
    );
}

#[test]
fn the_damage_of_a_file_that_is_no_file_survives_the_index() {
    let (_dir, stores) = stores();
    let fifo = stores[0].dir().join("fifo.toml");
    mkfifo(&fifo);
    // Once read into the index, then answered from it.
    for _ in 0..2 {
        assert_eq!(
            listed_reason(&stores[0], "fifo.toml"),
            Some(DamageReason::NotAFile(FileKind::Fifo))
        );
    }
    let reopened = SessionStore::open(stores[0].dir()).unwrap();
    assert_eq!(
        listed_reason(&reopened, "fifo.toml"),
        Some(DamageReason::NotAFile(FileKind::Fifo))
    );
}

/// Replace the session file at `path` by `thing` (as another program
/// might), save again, and return where the save went.
fn save_over(store: &SessionStore, path: &Path, thing: impl FnOnce(&Path)) -> PathBuf {
    std::fs::remove_file(path).unwrap();
    thing(path);
    let mut s = Session::new(&guide(), at(0));
    s.phases[0].notes = "na de vervanging".into();
    let (store, path) = (store.clone(), path.to_path_buf());
    let saved = quickly("save", move || store.save(&path, &s)).unwrap();
    saved.path().to_path_buf()
}

#[test]
fn a_save_over_something_that_is_no_file_goes_to_a_conflict_copy() {
    let (_dir, stores) = stores();
    let store = &stores[0];
    let path = save_one(store);
    let went = save_over(store, &path, mkfifo);
    assert_ne!(went, path);
    assert!(
        went.to_string_lossy().ends_with("-conflict.toml"),
        "{went:?}"
    );
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let again = save_over(store, &went, |p| std::fs::create_dir(p).unwrap());
    assert_ne!(again, went);
    assert!(
        std::fs::metadata(&went).unwrap().is_dir(),
        "the folder stays"
    );
    let text = std::fs::read_to_string(&again).unwrap();
    assert!(text.contains("na de vervanging"));
}

/// A session file whose embedded guide was edited: `from` replaced by `to`
/// once in the text the store writes.
fn edited_guide(store: &SessionStore, name: &str, from: &str, to: &str) -> PathBuf {
    let mut s = Session::new(&guide(), at(0));
    s.start(at(1));
    let text = super::session_text(&s).unwrap();
    assert!(text.contains(from), "{from} in the session text");
    let path = store.dir().join(name);
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn a_session_whose_embedded_guide_breaks_the_guide_rules_is_damaged_and_left_alone() {
    let (_dir, stores) = stores();
    let store = &stores[0];
    let cases = [
        (
            "columns.toml",
            "columns = [\"Wat\", \"Wie\", \"Wanneer\"]",
            "columns = []",
            "expected 1 to 6 `columns`, found 0",
        ),
        (
            "minutes.toml",
            "minutes = 20",
            "minutes = 4294967295",
            "phase minutes must be between 1 and 600, found 4294967295",
        ),
        (
            "scale.toml",
            "scale = [\"sterk\", \"redelijk\", \"minder sterk\"]",
            "scale = []",
            "expected a `scale` of 2 to 7 steps, found 0",
        ),
    ];
    for (name, from, to, why) in cases {
        let path = edited_guide(store, name, from, to);
        let before = std::fs::read(&path).unwrap();
        match store.load(&path) {
            Err(LoadError::Damaged {
                reason: DamageReason::Invalid(said),
                ..
            }) => assert!(said.to_string().contains(why), "{name}: {said}"),
            other => panic!("{name}: {other:?}"),
        }
        for store in &stores {
            let listed = listed_reason(store, name);
            assert!(
                matches!(&listed, Some(DamageReason::Invalid(said)) if said.to_string().contains(why)),
                "{name}: {listed:?}"
            );
        }
        let rescue = super::Rescue {
            path: path.clone(),
            session: path.clone(),
            modified: std::time::SystemTime::UNIX_EPOCH,
        };
        assert!(
            store.load_rescue(&rescue).is_err(),
            "{name} as a rescue copy"
        );
        assert!(store.delete(&path).is_err(), "{name} is not deleted");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name} untouched");
    }
}

/// A file outside the data folder that a planted link points at, with its
/// mode.
fn victim(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "niet van leidraad").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    victim
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_link_planted_as_the_lock_file_is_not_followed() {
    // Issue 15 point 7: the lock file was opened through a link and then
    // chmodded, so the link's target became 0600.
    let (dir, stores) = stores();
    let store = &stores[0];
    let path = save_one(store);
    let victim = victim(dir.path());
    let lock = super::names::lock_path(&path);
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    assert!(store.lock(&path).is_err(), "a link is no lock file");
    assert_eq!(mode(&victim), 0o644, "the target is not chmodded");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "niet van leidraad"
    );
    assert!(!store.is_locked(&path));
    // Without the link the lock is taken as before, and made 0600.
    std::fs::remove_file(&lock).unwrap();
    let held = store.lock(&path).unwrap();
    assert_eq!(mode(held.lock_file()), 0o600);
    assert!(stores[1].lock(&path).is_err(), "held");
}

#[test]
fn links_planted_as_the_temporary_or_rescue_file_are_not_followed() {
    let (dir, stores) = stores();
    let store = &stores[0];
    let path = save_one(store);
    let victim = victim(dir.path());
    let temp = super::names::temp_path(&path);
    let rescue = super::names::rescue_path(&path);
    std::os::unix::fs::symlink(&victim, &temp).unwrap();
    std::os::unix::fs::symlink(&victim, &rescue).unwrap();
    let mut s = Session::new(&guide(), at(0));
    s.phases[0].notes = "na de link".into();
    store.save(&path, &s).unwrap();
    let text = super::session_text(&s).unwrap();
    assert_eq!(store.write_rescue(&path, &text), Some(rescue.clone()));
    assert!(!rescue.is_symlink(), "the rescue copy replaced the link");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "niet van leidraad"
    );
    assert_eq!(mode(&victim), 0o644);
    assert_eq!(store.load(&path).unwrap(), s);
}

#[test]
fn a_recorded_emergency_copy_is_offered_like_a_rescue_and_kept_when_let_go() {
    // Issue 15 point 5: the copy the way out wrote elsewhere was found by
    // nobody; now the home screen marks its session as rescued and resuming
    // takes the newer version in.
    let (dir, stores) = stores();
    let store = &stores[0];
    let log = super::CopyLog::in_folder(&dir.path().join("cfg"));
    store.set_copy_log(Some(log.clone()));
    let mut s = Session::new(&guide(), at(0));
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    assert_eq!(store.rescue_for(&path), None);
    s.phases[0].notes = "alleen in de kopie".into();
    s.mark_saved(at(5));
    let copy = store.save_to(&dir.path().join("Documenten"), &s).unwrap();
    log.record(&copy, Some(&path), at(5)).unwrap();

    let offered = store.rescue_for(&path).expect("the copy is offered");
    assert_eq!(offered.path, copy);
    assert!(
        store
            .rescues()
            .iter()
            .any(|r| r.session == path && r.path == copy)
    );
    assert_eq!(store.load_rescue(&offered).unwrap(), s);
    store.discard_rescue(&offered).unwrap();
    assert!(copy.exists(), "the user's copy stays");
    assert_eq!(store.rescue_for(&path), None, "and is no longer offered");
    // A copy of a session in another folder is not this store's to offer.
    log.record(&copy, Some(&dir.path().join("elders/x.toml")), at(6))
        .unwrap();
    assert!(store.rescues().iter().all(|r| r.path != copy));
}
