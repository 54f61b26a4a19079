//! The runtime at start: opening the app's store reads nothing of the
//! folder; the first listing, on the worker, cleans up after a crash.

use super::tests::held_with;
use super::*;
use crate::i18n::Lang;
use crate::session::fixture::at;

#[test]
fn the_app_opens_its_store_without_reading_the_folder_and_its_first_listing_removes_stale_temps() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = SessionStore::open(&data).unwrap();
    held_with(&store, "OBS De Vlinder", "Ouders uitnodigen", at(-3000));
    let crashed = data.join(".~2026-01-01_0900_x.toml.tmp");
    let plan_crashed = data.join("plans").join(".~p.toml.tmp");
    let busy = data.join("b.toml");
    std::fs::create_dir_all(data.join("plans")).unwrap();
    std::fs::write(&crashed, "half").unwrap();
    std::fs::write(&plan_crashed, "half").unwrap();
    std::fs::write(crate::store::names::temp_path(&busy), "being written").unwrap();
    let _busy_elsewhere = store.lock(&busy).unwrap();

    let store = SessionStore::open_at(&data, None, StaleTemps::Later).unwrap();
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    assert!(
        crashed.exists() && plan_crashed.exists(),
        "nothing read yet"
    );

    rt.list_sessions();
    let answers = rt.worker.settle(Duration::from_secs(10));
    assert!(
        answers
            .iter()
            .any(|m| matches!(m, Msg::Sessions(lists) if lists.recent.len() == 1)),
        "{answers:?}"
    );
    assert!(!crashed.exists() && !plan_crashed.exists());
    assert!(
        crate::store::names::temp_path(&busy).exists(),
        "its session is locked"
    );
}
