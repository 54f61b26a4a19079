//! The runtime's questions to the archive of past sessions: what the home
//! screen and the history list, the search, and reading, following up and
//! deleting one session. Everything here that grows with the archive runs
//! in a worker (see `Runtime::run`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use crate::i18n::Texts;
use crate::report;
use crate::session::Status;
use crate::store::{
    DeleteError, HitKind, Listed, ListedPlan, LoadError, MatchedPart, PlanStore, SessionQuery,
    SessionStore, file_name,
};
use crate::tui::app::Msg;
use crate::tui::overlay::{ExportOf, ExportRequest};
use crate::tui::screens::history::{EntryStatus, Found, HistoryEntry, HistorySearch, Hit, HitPart};
use crate::tui::screens::home::{HomeLists, RECENT, RecentEntry, ResumeEntry};

/// The unfinished sessions (newest first), the newest finished ones, and
/// how many files are damaged: one look at the folder, holding no more
/// headers than the home screen shows ([`SessionStore::overview`]).
pub fn home_lists(store: &SessionStore, plans: Option<&PlanStore>) -> HomeLists {
    let rescues = store.rescues();
    let mut lists = HomeLists::default();
    // The plans that are not archived (damaged ones counted).
    for listed in plans.and_then(|p| p.list().ok()).unwrap_or_default() {
        match listed {
            ListedPlan::Plan(entry) if !entry.plan.is_archived() => lists.plans.push(*entry),
            ListedPlan::Plan(_) => {}
            ListedPlan::Damaged(_) => lists.damaged_plans += 1,
        }
    }
    let overview = store.overview(RECENT).unwrap_or_default();
    lists.damaged = overview.damaged;
    lists.resumable = overview
        .unfinished
        .into_iter()
        .map(|h| ResumeEntry {
            rescued: rescues.iter().any(|r| r.session == h.path),
            preparing: h.started.is_none(),
            path: h.path,
            file_name: h.file_name,
            title: h.guide_title,
            client: h.client,
            // As the history and Recent date it: a talk by its start.
            when: h.started.unwrap_or(h.created),
        })
        .collect();
    lists.recent = overview
        .finished
        .into_iter()
        .map(|h| RecentEntry {
            started: h.started.unwrap_or(h.created),
            path: h.path,
            file_name: h.file_name,
            title: h.guide_title,
            client: h.client,
        })
        .collect();
    lists
}

/// The clients of the sessions, as written there (each once, sorted).
pub fn clients(store: &SessionStore) -> Vec<String> {
    let mut clients: Vec<String> = store
        .find(&SessionQuery::all())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| match l {
            Listed::Session(h) if !h.client.trim().is_empty() => Some(h.client.trim().to_string()),
            _ => None,
        })
        .collect();
    clients.sort();
    clients.dedup();
    clients
}

/// Every session and damaged file, newest first by the time the
/// conversation started.
pub fn history(store: &SessionStore, texts: &Texts) -> Vec<HistoryEntry> {
    let mut entries: Vec<HistoryEntry> = store
        .find(&SessionQuery::all())
        .unwrap_or_default()
        .into_iter()
        .map(|l| entry(l, texts))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.when));
    entries
}

/// One listed file as the history shows it.
fn entry(listed: Listed, texts: &Texts) -> HistoryEntry {
    match listed {
        Listed::Session(h) => HistoryEntry {
            status: match (&h.damage, h.status, h.started) {
                // The header reads, the rest does not: damaged all the
                // same (it cannot be opened), with its date and names.
                (Some(reason), ..) => EntryStatus::Damaged(reason.message(texts)),
                (None, Status::Finished, _) => EntryStatus::Finished,
                (None, Status::InProgress, Some(_)) => EntryStatus::InProgress,
                (None, Status::InProgress, None) => EntryStatus::Preparing,
            },
            when: Some(h.started.unwrap_or(h.created)),
            minutes: Some((h.planned_minutes, h.actual_minutes)),
            path: h.path,
            file_name: h.file_name,
            guide_id: h.guide_id,
            guide_title: h.guide_title,
            client: h.client,
        },
        Listed::Damaged(d) => HistoryEntry {
            status: EntryStatus::Damaged(d.reason.message(texts)),
            when: Some(DateTime::<Local>::from(d.modified).fixed_offset()),
            minutes: None,
            path: d.path,
            file_name: d.file_name.clone(),
            guide_id: String::new(),
            guide_title: d.file_name,
            client: String::new(),
        },
    }
}

/// The most sessions a search answers with, newest first: enough for a
/// screen and more, and fast at every keystroke (see docs/performance.md).
pub const SEARCH_FIRST: usize = 200;

/// The sessions that mention the text (case and accents aside), newest
/// first, within the filters, each with where it was found.
pub fn search(store: &SessionStore, search: &HistorySearch, texts: &Texts) -> Found {
    let mut query = SessionQuery::all().with_text(&search.text);
    if let Some(client) = &search.client {
        query = query.same_client(client);
    }
    if let Some(guide) = &search.guide {
        query = query.guide(guide);
    }
    let found = store.search(&query.first(SEARCH_FIRST)).unwrap_or_default();
    let more = found.len() >= SEARCH_FIRST;
    let hits = found
        .into_iter()
        .map(|hit| Hit {
            path: hit.header.path.clone(),
            parts: hit.parts.into_iter().map(|p| part(p, texts)).collect(),
        })
        .collect();
    Found {
        text: search.text.clone(),
        hits,
        more,
    }
}

/// Where a search found its text, as the history labels it.
fn part(part: MatchedPart, texts: &Texts) -> HitPart {
    let t = &texts.history;
    let (label, private) = match part.kind {
        HitKind::Field { label } => (label, false),
        HitKind::Notes { title, .. } => ((t.part_notes)(&title), false),
        HitKind::PrivateNote { title, .. } => ((t.part_private)(&title), true),
        HitKind::Item { list, .. } | HitKind::Carried { list } => ((t.part_item)(&list), false),
        HitKind::Rating { label, .. } => ((t.part_rating)(&label), false),
    };
    HitPart {
        label,
        private,
        snippet: part.snippet,
        ranges: part.ranges,
    }
}

/// Read a session to show it (one file).
pub fn view(store: &SessionStore, path: PathBuf, texts: &Texts) -> Msg {
    match store.load(&path) {
        Ok(session) => Msg::Viewing {
            session: Box::new(session),
            file_name: file_name(&path),
            locked: store.is_locked(&path),
            path,
        },
        Err(e) => Msg::OpenFailed(load_error(&e, texts)),
    }
}

/// Read a session to start the next conversation with its client.
pub fn follow_up(store: &SessionStore, path: &Path, texts: &Texts) -> Msg {
    match store.load(path) {
        Ok(session) => Msg::FollowUp(Box::new(session)),
        Err(e) => Msg::OpenFailed(load_error(&e, texts)),
    }
}

/// Delete a session with its companion files.
pub fn delete(store: &SessionStore, path: &Path, texts: &Texts) -> Msg {
    let name = file_name(path);
    match store.delete(path) {
        Ok(()) => Msg::Deleted(name),
        Err(DeleteError::Locked(_)) => Msg::DeleteFailed((texts.cli.delete_open_elsewhere)(&name)),
        Err(e) => Msg::DeleteFailed(e.message(texts)),
    }
}

/// The open items of earlier sessions with `client`, for a preparation.
pub fn open_items(store: &SessionStore, client: String) -> Msg {
    let query = SessionQuery::all().same_client(&client);
    let earlier = store.load_matching(&query).unwrap_or_default();
    let last = earlier
        .iter()
        .max_by_key(|s| s.started.unwrap_or(s.created))
        .cloned()
        .map(Box::new);
    Msg::OpenItems {
        items: crate::session::open_carried_items(&earlier, &client),
        client,
        last,
    }
}

/// Write a report: of the session in memory, or read from its file.
pub fn export(store: &SessionStore, request: ExportRequest, texts: &Texts) -> Msg {
    let session = match request.of {
        ExportOf::Session(session) => *session,
        ExportOf::File(path) => match store.load(&path) {
            Ok(session) => session,
            Err(e) => return Msg::ExportFailed(load_error(&e, texts)),
        },
    };
    let target = report::Target::Folder(request.folder);
    match report::write(&session, texts, &request.options, request.format, &target) {
        Ok(path) => Msg::Exported(path),
        Err(e) => Msg::ExportFailed(e.message(texts)),
    }
}

/// Why a session could not be read, in the user's language.
fn load_error(e: &LoadError, texts: &Texts) -> String {
    match e {
        LoadError::Damaged { path, reason } => {
            (texts.store.damaged)(&file_name(path), &reason.message(texts))
        }
        other => other.message(texts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;
    use crate::session::Session;
    use crate::session::fixture::{at, guide};

    #[test]
    fn the_open_items_come_with_the_clients_newest_talk() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path().join("data")).unwrap();
        for (minutes, who) in [(-300, "eerst"), (-100, "laatst"), (-200, "tussen")] {
            let mut s = Session::new(&guide(), at(minutes));
            s.set_field("school", "OBS De Vlinder").unwrap();
            s.phases[0].notes = who.into();
            s.start(at(minutes));
            store.save(&store.path_for_new(&s), &s).unwrap();
        }
        let Msg::OpenItems { last, .. } = open_items(&store, "OBS De Vlinder".into()) else {
            panic!("the open items");
        };
        assert_eq!(last.expect("a last talk").phases[0].notes, "laatst");
    }

    #[test]
    fn a_session_that_is_gone_is_said_so_in_the_interface_language() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path().join("data")).unwrap();
        let gone = store.dir().join("2026-12-03_0901_weg.toml");
        let Msg::OpenFailed(why) = view(&store, gone, &NL) else {
            panic!("not opened");
        };
        assert!(why.contains("2026-12-03_0901_weg.toml"), "{why}");
        assert!(
            !why.contains("Cannot") && !why.contains("No such file"),
            "{why}"
        );
    }

    #[test]
    fn the_history_is_newest_first_by_start_with_damaged_files_and_their_reason() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path().join("data")).unwrap();
        // Made earlier, started later: it comes first.
        let mut late = Session::new(&guide(), at(-600));
        late.set_field("school", "Laat").unwrap();
        late.start(at(-10));
        store.save(&store.path_for_new(&late), &late).unwrap();
        let mut early = Session::new(&guide(), at(-300));
        early.set_field("school", "Vroeg").unwrap();
        early.start(at(-300));
        early.finish(at(-200));
        store.save(&store.path_for_new(&early), &early).unwrap();
        std::fs::write(store.dir().join("2026-01-01_0900_kapot.toml"), "niet af").unwrap();
        let entries = history(&store, &NL);
        let sessions: Vec<&HistoryEntry> = entries.iter().filter(|e| e.readable()).collect();
        let clients: Vec<&str> = sessions.iter().map(|e| e.client.as_str()).collect();
        assert_eq!(clients, ["Laat", "Vroeg"]);
        assert_eq!(sessions[0].status, EntryStatus::InProgress);
        assert_eq!(sessions[1].status, EntryStatus::Finished);
        let damaged = entries
            .iter()
            .find(|e| !e.readable())
            .expect("the damaged file is listed");
        assert!(
            matches!(&damaged.status, EntryStatus::Damaged(why) if !why.is_empty()),
            "{damaged:?}"
        );
        let lists = home_lists(&store, None);
        assert_eq!(lists.damaged, 1);
        assert_eq!(lists.recent.len(), 1);
        assert_eq!(lists.resumable.len(), 1);
    }

    #[test]
    fn a_session_broken_below_its_header_is_damaged_in_the_history_and_on_home() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path().join("data")).unwrap();
        let mut s = Session::new(&guide(), at(-300));
        s.set_field("school", "Diep").unwrap();
        s.start(at(-300));
        s.finish(at(-200));
        let text = crate::store::session_text(&s).unwrap();
        assert!(text.contains("current = 0"));
        let path = store.dir().join("2026-01-01_0900_diep.toml");
        std::fs::write(&path, text.replacen("current = 0", "current = \"twee\"", 1)).unwrap();
        let entries = history(&store, &NL);
        let [entry] = entries.as_slice() else {
            panic!("{entries:?}")
        };
        // It was listed as finished: only opening it said otherwise.
        assert!(!entry.readable());
        assert!(
            matches!(&entry.status, EntryStatus::Damaged(why) if why.contains("regel")),
            "{entry:?}"
        );
        assert_eq!(entry.client, "Diep", "its header still names it");
        let lists = home_lists(&store, None);
        assert_eq!(lists.damaged, 1);
        assert!(lists.recent.is_empty() && lists.resumable.is_empty());
    }
}
