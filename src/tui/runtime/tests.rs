//! The runtime with a real store in a temporary folder: the slow jobs
//! answer from a worker, nothing is read on the UI thread.

use super::*;
use crate::i18n::Lang;
use crate::session::fixture::{at, guide};

/// A finished session with `client` and one agreement, saved in `store`.
pub(super) fn held_with(store: &SessionStore, client: &str, agreement: &str, start: Timestamp) {
    let mut s = Session::new(&guide(), start);
    s.set_field("school", client).unwrap();
    s.start(start);
    s.add_item(2, "afspraken", vec![agreement.into(), "Anna".into()])
        .unwrap();
    s.finish(start + chrono::TimeDelta::minutes(60));
    store.save(&store.path_for_new(&s), &s).unwrap();
}

#[test]
fn a_conversation_that_starts_gets_its_clients_open_items_from_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    held_with(&store, "OBS De Vlinder", "Ouders uitnodigen", at(-3000));
    held_with(&store, "De Linde", "Niet van ons", at(-2000));
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();

    let mut new = Session::new(&guide(), at(0));
    new.set_field("school", "obs de vlinder ").unwrap();
    new.start(at(0));
    let mut pending = Vec::new();
    rt.run(vec![Effect::Create(Box::new(new))], &mut pending, at(0));
    assert!(
        matches!(pending.as_slice(), [Msg::Opened { .. }]),
        "the file is there at once, the open items come later: {pending:?}"
    );
    let answers = rt.worker.settle(Duration::from_secs(10));
    let items = answers
        .into_iter()
        .find_map(|m| match m {
            Msg::Carried { created, items } if created == at(0) => Some(items),
            _ => None,
        })
        .expect("the worker answered with the open items");
    let values: Vec<&str> = items.iter().map(|c| c.item.values[0].as_str()).collect();
    assert_eq!(values, vec!["Ouders uitnodigen"]);
}

#[test]
fn an_earlier_session_of_the_same_minute_carries_but_the_session_itself_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    let second = |n| at(0) + chrono::TimeDelta::seconds(n);
    held_with(&store, "OBS De Vlinder", "Eerder", second(1));
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store.clone(), &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut new = Session::new(&guide(), second(30));
    new.set_field("school", "OBS De Vlinder").unwrap();
    new.start(second(30));
    // Saved meanwhile with an agreement of its own (the job is slow).
    let mut own = new.clone();
    own.add_item(2, "afspraken", vec!["Eigen".into()]).unwrap();
    store.save(&store.path_for_new(&own), &own).unwrap();
    let mut pending = Vec::new();
    rt.run(
        vec![Effect::Create(Box::new(new))],
        &mut pending,
        second(30),
    );
    let answers = rt.worker.settle(Duration::from_secs(10));
    let items = answers
        .into_iter()
        .find_map(|m| match m {
            Msg::Carried { items, .. } => Some(items),
            _ => None,
        })
        .expect("the worker answered");
    let values: Vec<&str> = items.iter().map(|c| c.item.values[0].as_str()).collect();
    assert_eq!(values, vec!["Eerder"]);
}

#[test]
fn a_resumed_conversation_looks_up_the_open_items_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    held_with(&store, "OBS De Vlinder", "Eerder", at(-3000));
    // Left before the lookup answered: no open items in the file.
    let mut left = Session::new(&guide(), at(-10));
    left.set_field("school", "OBS De Vlinder").unwrap();
    left.start(at(-10));
    let path = store.path_for_new(&left);
    store.save(&path, &left).unwrap();
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut pending = Vec::new();
    rt.run(vec![Effect::Resume(path)], &mut pending, at(0));
    assert!(
        matches!(pending.as_slice(), [Msg::Resumed { .. }]),
        "{pending:?}"
    );
    let answers = rt.worker.settle(Duration::from_secs(10));
    let found = answers.into_iter().find_map(|m| match m {
        Msg::Carried { created, items } if created == at(-10) => Some(items),
        _ => None,
    });
    let values: Vec<String> = found
        .expect("looked up again")
        .iter()
        .map(|c| c.item.values[0].clone())
        .collect();
    assert_eq!(values, vec!["Eerder"]);
}

#[test]
fn a_preparation_brings_no_open_items() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    held_with(&store, "OBS De Vlinder", "Ouders uitnodigen", at(-3000));
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut prep = Session::new(&guide(), at(0));
    prep.set_field("school", "OBS De Vlinder").unwrap();
    let mut pending = Vec::new();
    rt.run(vec![Effect::Create(Box::new(prep))], &mut pending, at(0));
    let answers = rt.worker.settle(Duration::from_secs(2));
    assert!(
        !answers.iter().any(|m| matches!(m, Msg::Carried { .. })),
        "{answers:?}"
    );
}

#[test]
fn the_list_of_unfinished_sessions_comes_from_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    held_with(&store, "OBS De Vlinder", "Klaar", at(-3000));
    // Prepared a day before it started: listed by its start.
    let mut open = Session::new(&guide(), at(-10 - 24 * 60));
    open.set_field("school", "De Linde").unwrap();
    open.start(at(-10));
    store.save(&store.path_for_new(&open), &open).unwrap();
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut pending = Vec::new();
    rt.run(vec![Effect::RefreshSessions], &mut pending, at(0));
    assert!(pending.is_empty(), "nothing is read on the UI thread");
    let answers = rt.worker.settle(Duration::from_secs(10));
    let Some(Msg::Sessions(lists)) = answers.into_iter().next() else {
        panic!("the worker answered with the lists");
    };
    let clients: Vec<&str> = lists.resumable.iter().map(|e| e.client.as_str()).collect();
    assert_eq!(
        clients,
        vec!["De Linde"],
        "the finished one is not resumable"
    );
    assert_eq!(lists.resumable[0].when, at(-10), "dated by its start");
    let recent: Vec<&str> = lists.recent.iter().map(|e| e.client.as_str()).collect();
    assert_eq!(recent, vec!["OBS De Vlinder"], "the finished one is recent");
}

#[test]
fn the_history_and_its_search_answer_from_the_index_with_minutes_and_parts() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    held_with(
        &store,
        "OBS De Vlinder",
        "Ideeën ophalen bij ouders",
        at(-3000),
    );
    held_with(&store, "De Linde", "Iets anders", at(-2000));
    let settings = Settings::new(Lang::Nl);
    let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let mut pending = Vec::new();
    rt.run(vec![Effect::ListHistory], &mut pending, at(0));
    let search = crate::tui::screens::history::HistorySearch {
        text: "IDEEEN".into(),
        client: None,
        guide: None,
    };
    rt.run(
        vec![Effect::SearchHistory(Box::new(search))],
        &mut pending,
        at(0),
    );
    let answers = rt.worker.settle(Duration::from_secs(10));
    let entries = answers
        .iter()
        .find_map(|m| match m {
            Msg::History(entries) => Some(entries),
            _ => None,
        })
        .expect("the history answered");
    // Planned 60 (the fixture guide), held 60.
    assert_eq!(entries[0].minutes, Some((60, 60)));
    let found = answers
        .iter()
        .find_map(|m| match m {
            Msg::Found(found) => Some(found),
            _ => None,
        })
        .expect("the search answered");
    assert_eq!(found.hits.len(), 1, "case and accents aside: {found:?}");
    assert!(found.hits[0].path.to_string_lossy().contains("vlinder"));
    let part = &found.hits[0].parts[0];
    assert_eq!(part.label, "Afspraken");
    assert!(part.snippet.contains("Ideeën"), "{part:?}");
    assert!(!found.more);
}

/// A small trajectory for the plan tests: the fixture guide's talk twice,
/// the second optional.
fn trajectory() -> crate::guide::Trajectory {
    let step = |week, optional| crate::guide::Step {
        guide: guide().id,
        title: format!("Gesprek {week}"),
        week,
        optional,
        repeat: 1,
        every_weeks: None,
    };
    crate::guide::Trajectory {
        id: "tr".into(),
        title: "Traject".into(),
        subtitle: String::new(),
        language: "nl".into(),
        summary: String::new(),
        steps: vec![step(1, false), step(3, true)],
    }
}

/// A runtime with a plan for OBS De Vlinder written by its worker: the
/// folder (kept alive), the store, the settings, the runtime, the plan.
fn planned() -> (
    tempfile::TempDir,
    SessionStore,
    Settings,
    Runtime,
    crate::store::PlanEntry,
) {
    use crate::plan::Plan;
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    let mut settings = Settings::new(Lang::Nl);
    settings.export_dir = dir.path().join("docs");
    std::fs::create_dir_all(&settings.export_dir).unwrap();
    let mut rt = Runtime::new(store.clone(), &settings, Arc::new(Mutex::new(None)), None).unwrap();
    let plan = Plan::new(&trajectory(), "OBS De Vlinder", at(0).date_naive(), at(0));
    rt.run(
        vec![Effect::CreatePlan(Box::new(plan))],
        &mut Vec::new(),
        at(0),
    );
    let Msg::PlanSaved(entry, None) = answer(&mut rt) else {
        panic!("the plan was written");
    };
    (dir, store, settings, rt, *entry)
}

/// The worker's next answer.
fn answer(rt: &mut Runtime) -> Msg {
    rt.worker
        .settle(Duration::from_secs(10))
        .into_iter()
        .next()
        .expect("an answer")
}

#[test]
fn a_plan_is_written_private_and_changed_one_edit_at_a_time_by_a_worker() {
    use crate::plan::{OccurrenceKey, PlanEdit};
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store, _settings, mut rt, entry) = planned();
    assert!(
        entry
            .path
            .starts_with(dir.path().join("data").join("plans"))
    );
    let mode = std::fs::metadata(&entry.path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // One change, read back from the file.
    let second = OccurrenceKey { step: 1, repeat: 0 };
    let skip = PlanEdit::Skip {
        key: second,
        skipped: true,
    };
    let change = Effect::ChangePlan(entry.path.clone(), skip.clone());
    rt.run(vec![change], &mut Vec::new(), at(1));
    let Msg::PlanSaved(changed, Some(edit)) = answer(&mut rt) else {
        panic!("the change was written");
    };
    assert_eq!(edit, skip);
    assert!(changed.plan.occurrence(second).unwrap().skipped);
    // A refused change says why, in Dutch.
    let wrong = PlanEdit::Skip {
        key: OccurrenceKey { step: 0, repeat: 0 },
        skipped: true,
    };
    rt.run(
        vec![Effect::ChangePlan(entry.path.clone(), wrong)],
        &mut Vec::new(),
        at(1),
    );
    let Msg::PlanFailed(why) = answer(&mut rt) else {
        panic!("refused");
    };
    assert!(why.contains("optionele"), "{why}");
}

#[test]
fn a_finished_talk_is_recorded_in_its_plan_after_it_is_on_disk() {
    use crate::plan::{OccurrenceKey, Plan};
    let (_dir, store, _settings, mut rt, entry) = planned();
    let mut pending = Vec::new();
    let mut s = Session::new(&guide(), at(2));
    s.set_field("school", "OBS De Vlinder").unwrap();
    let first = OccurrenceKey { step: 0, repeat: 0 };
    s.plan = Some(Plan::reference(&entry.file_name, first));
    s.start(at(2));
    rt.run(
        vec![Effect::Create(Box::new(s.clone()))],
        &mut pending,
        at(2),
    );
    s.finish(at(40));
    let effects = vec![
        Effect::Save(Box::new(s.clone())),
        Effect::RecordPlan(Box::new(s)),
    ];
    rt.run(effects, &mut pending, at(40));
    let (recorded, key) = rt
        .worker
        .settle(Duration::from_secs(10))
        .into_iter()
        .find_map(|m| match m {
            Msg::PlanRecorded(entry, key) => Some((entry, key)),
            _ => None,
        })
        .expect("the step was recorded");
    assert_eq!(key, first);
    let done = recorded
        .plan
        .occurrence(first)
        .unwrap()
        .done
        .clone()
        .unwrap();
    assert!(
        store.dir().join(&done.session).exists(),
        "the session is on disk first"
    );

    // The finished talks with the client, to attach.
    let list = Effect::ListAttachable("obs de vlinder".into());
    rt.run(vec![list], &mut pending, at(41));
    let Msg::Attachable(talks) = answer(&mut rt) else {
        panic!("the talks were listed");
    };
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0].file_name, done.session);

    // The home screen lists the plan.
    let lists = archive::home_lists(&store, rt.plans.as_ref().ok());
    assert_eq!(lists.plans.len(), 1);
}

#[test]
fn a_plans_calendar_is_written_private_into_the_export_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, _store, settings, mut rt, entry) = planned();
    let calendar = Effect::PlanCalendar(Box::new(entry), vec![(guide().id, 60)]);
    rt.run(vec![calendar], &mut Vec::new(), at(1));
    let Msg::CalendarWritten(path, events) = answer(&mut rt) else {
        panic!("the calendar was written");
    };
    // The open steps: the first talk and the optional second.
    assert_eq!(events, 2);
    assert!(path.starts_with(&settings.export_dir));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("BEGIN:VCALENDAR"), "{text}");
}

#[test]
fn deleting_a_talk_opens_the_plan_step_it_fulfilled_again() {
    use crate::plan::{OccurrenceKey, PlanEdit};
    let (_dir, store, _settings, mut rt, entry) = planned();
    let first = OccurrenceKey { step: 0, repeat: 0 };
    let mut s = Session::new(&guide(), at(2));
    s.set_field("school", "OBS De Vlinder").unwrap();
    s.start(at(2));
    s.finish(at(40));
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    let name = crate::store::file_name(&path);
    rt.plans
        .as_ref()
        .unwrap()
        .update(&entry.path, |p| p.mark_done(first, &name, at(41)))
        .unwrap();

    let mut pending = Vec::new();
    rt.run(vec![Effect::Delete(path.clone())], &mut pending, at(42));
    assert!(
        matches!(&pending[0], Msg::Deleted(n) if *n == name),
        "{pending:?}"
    );
    let Some(Msg::PlanSaved(changed, Some(PlanEdit::Detach { key }))) = pending.get(1) else {
        panic!("the plan was changed: {pending:?}");
    };
    assert_eq!(*key, first);
    assert!(changed.plan.occurrence(first).unwrap().done.is_none());
    assert!(!path.exists());
}

/// The first turn of the event loop with a folder whose session files
/// cannot be read at all (FIFOs: opening one waits for a writer): the
/// home screen is drawn, the lists are asked for, and a key is answered,
/// without the UI thread reading a single session file. It would hang
/// on the first one it opened; a helper thread reports instead.
#[test]
fn a_key_at_the_first_frame_is_answered_before_any_session_file_is_read() {
    use crate::catalog::Catalog;
    use crate::tui::app::{App, GuideEntry};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let fifos: Vec<PathBuf> = (1..=3)
        .map(|d| data.join(format!("2026-01-0{d}_0900_voortgangsgesprek_x.toml")))
        .collect();
    for fifo in &fifos {
        let name = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }
    let store = SessionStore::open_with_index(&data, dir.path().join("index.sqlite")).unwrap();
    let (done, report) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let settings = Settings::new(Lang::Nl);
        let mut rt = Runtime::new(store, &settings, Arc::new(Mutex::new(None)), None).unwrap();
        let guides = Catalog::bundled()
            .guides
            .iter()
            .map(|g| GuideEntry::from_loaded(g, "meegeleverd"))
            .collect();
        let mut app = App::new(settings, guides, 0);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| crate::tui::screens::render(&app, f, at(0)))
            .unwrap();
        rt.list_sessions();
        let key = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE);
        let effects = app.update(Msg::Key(key), at(0));
        let mut pending = Vec::new();
        rt.run(effects, &mut pending, at(0));
        terminal
            .draw(|f| crate::tui::screens::render(&app, f, at(0)))
            .unwrap();
        let shown = terminal.backend().to_string();
        let _ = done.send(shown.contains(crate::i18n::NL.keys.help_title));
        // The worker may still wait on a FIFO: it is let go below.
        std::mem::forget(rt);
    });
    let answered = report.recv_timeout(Duration::from_secs(60));
    // Let go whatever waits on the FIFOs (the worker): a writer that opens
    // and closes gives it an empty file.
    for fifo in &fifos {
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo);
    }
    assert_eq!(
        answered,
        Ok(true),
        "the key was answered (the help is shown) without waiting for a session file"
    );
}
