//! The heartbeat of a running clock: once a minute the lock file's time
//! (no save), and after a crash the time away counted from the later of
//! that and the last save.

use super::*;
use crate::i18n::Lang;
use crate::session::fixture::{at, guide};
use chrono::{DateTime, Utc};

/// A runtime over a fresh store, with a started conversation created in
/// it at `at(0)`: the folder (kept alive), the runtime, the session.
fn running() -> (tempfile::TempDir, Runtime, Session) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut s = Session::new(&guide(), at(0));
    s.start(at(0));
    rt.run(
        vec![Effect::Create(Box::new(s.clone()))],
        &mut Vec::new(),
        at(0),
    );
    assert!(rt.saver.flush(Duration::from_secs(5)), "created and saved");
    (dir, rt, s)
}

fn modified(path: &Path) -> Timestamp {
    let t = std::fs::metadata(path).unwrap().modified().unwrap();
    DateTime::<Utc>::from(t).with_timezone(at(0).offset())
}

#[test]
fn a_running_clock_with_nothing_changed_sets_the_lock_files_time_and_saves_nothing() {
    let (_dir, mut rt, s) = running();
    let path = rt.path.clone().unwrap();
    let lock = rt.lock.as_ref().unwrap().lock_file().to_path_buf();
    assert_eq!(
        modified(&lock),
        at(0),
        "the lock is dated on the app's clock"
    );
    let file_before = std::fs::read(&path).unwrap();
    let mtime_before = std::fs::metadata(&path).unwrap().modified().unwrap();

    rt.run(
        vec![Effect::StillRunning(Box::new(s.clone()))],
        &mut Vec::new(),
        at(7),
    );
    assert!(!rt.saver.has_unsaved(), "nothing handed to the saver");
    assert_eq!(modified(&lock), at(7));
    assert_eq!(std::fs::read(&path).unwrap(), file_before, "no save");
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        mtime_before
    );
}

#[test]
fn without_a_lock_the_heartbeat_is_a_save() {
    let (_dir, mut rt, s) = running();
    let path = rt.path.clone().unwrap();
    rt.lock = None;
    rt.run(
        vec![Effect::StillRunning(Box::new(s))],
        &mut Vec::new(),
        at(7),
    );
    assert!(rt.saver.flush(Duration::from_secs(5)));
    let saved = rt.store.load(&path).unwrap();
    assert_eq!(saved.saved, Some(at(7)), "saved at the heartbeat");
}

#[test]
fn a_session_file_gone_meanwhile_makes_the_heartbeat_a_save_that_fails() {
    let (_dir, mut rt, s) = running();
    let path = rt.path.clone().unwrap();
    let folder = path.parent().unwrap().to_path_buf();
    std::fs::remove_dir_all(&folder).unwrap();
    rt.run(
        vec![Effect::StillRunning(Box::new(s))],
        &mut Vec::new(),
        at(7),
    );
    assert!(
        !rt.saver.flush(Duration::from_millis(300)),
        "the save was tried and is not on disk"
    );
    assert!(
        rt.saver.has_unsaved(),
        "shown as not saved, copied on the way out"
    );
}

#[test]
fn after_a_crash_the_time_away_counts_from_the_lock_files_time() {
    let (_dir, mut rt, s) = running();
    let path = rt.path.clone().unwrap();
    rt.run(
        vec![Effect::StillRunning(Box::new(s))],
        &mut Vec::new(),
        at(9),
    );
    // A crash: the process is gone, its lock file stays, unlocked, with
    // its time (made here as the crash leaves it: a clean drop removes it).
    let left = rt.lock.as_ref().unwrap().lock_file().to_path_buf();
    let time = std::fs::metadata(&left).unwrap().modified().unwrap();
    drop(rt);
    assert!(!left.exists());
    std::fs::File::create(&left)
        .and_then(|f| f.set_modified(time))
        .unwrap();

    let store = SessionStore::open(path.parent().unwrap()).unwrap();
    let settings = Settings::new(Lang::Nl);
    let mut next = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut pending = Vec::new();
    next.run(vec![Effect::Resume(path.clone())], &mut pending, at(20));
    let Some(Msg::Resumed { session, .. }) = pending.pop() else {
        panic!("resumed: {pending:?}");
    };
    let gap = session.closed_gap(at(20)).expect("a visit was open");
    assert_eq!(gap.from, at(9), "from the heartbeat, not the save at 0");
    // The lock is this window's now, dated on its clock.
    assert_eq!(modified(&left), at(20));
}

#[test]
fn a_new_lock_file_says_nothing_about_the_time_away() {
    let (_dir, mut rt, _s) = running();
    let path = rt.path.clone().unwrap();
    let lock = rt.lock.as_ref().unwrap().lock_file().to_path_buf();
    // Left with q: the lock file is gone with the lock.
    rt.lock = None;
    assert!(!lock.exists());
    let mut pending = Vec::new();
    rt.run(vec![Effect::Resume(path)], &mut pending, at(20));
    let Some(Msg::Resumed { session, .. }) = pending.pop() else {
        panic!("resumed: {pending:?}");
    };
    assert_eq!(session.closed_gap(at(20)).map(|g| g.from), Some(at(0)));
}
