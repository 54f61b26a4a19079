//! The plan store in a temporary folder: round trip, damaged files listed
//! and never written, changes under the lock, and a finished session
//! marking its step done.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use tempfile::TempDir;

use super::*;
use crate::catalog::Catalog;
use crate::guide::Trajectory;
use crate::i18n::Lang;
use crate::plan::{MoveScope, OccurrenceKey, OccurrenceState, Plan, PlanError};
use crate::session::fixture::{at, guide};
use crate::session::{Session, Timestamp};

fn trajectory() -> Trajectory {
    Catalog::bundled()
        .get("verbetertraject")
        .and_then(|g| g.guide.as_trajectory())
        .expect("bundled verbetertraject")
        .clone()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 7).unwrap()
}

fn plan_for(client: &str, made: Timestamp) -> Plan {
    Plan::new(&trajectory(), client, start(), made)
}

fn key(step: usize, repeat: u32) -> OccurrenceKey {
    OccurrenceKey { step, repeat }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_plan_is_created_private_beside_the_sessions_and_reads_back() {
    let root = TempDir::new().unwrap();
    let data = root.path().join("data");
    let sessions = SessionStore::open(&data).unwrap();
    let plans = PlanStore::beside(&sessions).unwrap();
    assert_eq!(plans.dir(), data.join("plans"));
    // No folder until the first plan: a data folder without plans holds
    // no empty `plans/`, and the list is empty.
    assert!(!plans.dir().exists());
    assert!(plans.list().unwrap().is_empty());

    let plan = plan_for("Sanne de Vries", at(0));
    let path = plans.create(&plan).unwrap();
    assert_eq!(mode(plans.dir()), 0o700);
    assert_eq!(
        path.file_name().unwrap(),
        "2026-09-07_verbetertraject_sanne-de-vries.toml"
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(plans.load(&path).unwrap(), plan);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("format = 1\n"), "{text}");
    assert!(text.ends_with(PLAN_END_MARKER));

    // The same plan again gets a name of its own; nothing is overwritten.
    let second = plans.create(&plan).unwrap();
    assert!(second.ends_with("2026-09-07_verbetertraject_sanne-de-vries-2.toml"));
    // The session listing does not see the plans folder.
    assert!(sessions.list().unwrap().is_empty());
    assert_eq!(plans.list().unwrap().len(), 2);
    assert_eq!(
        plans
            .resolve("2026-09-07_verbetertraject_sanne-de-vries")
            .unwrap(),
        path
    );
    assert!(matches!(
        plans.resolve("2026-09-07"),
        Err(ResolveError::Ambiguous { .. })
    ));
}

/// Two good plans (Anna made before Bram) and a damaged file of every
/// kind, a hidden file and a folder; returns the store and its folder.
fn damaged_folder() -> (TempDir, PlanStore) {
    let root = TempDir::new().unwrap();
    let plans = PlanStore::open(root.path()).unwrap();
    plans.create(&plan_for("Anna", at(0))).unwrap();
    let newer = plans.create(&plan_for("Bram", at(60))).unwrap();
    let good = std::fs::read_to_string(&newer).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(plans.dir().join(name), bytes).unwrap();
    write("cut.toml", &good.as_bytes()[..good.len() / 2]);
    write(
        "no-marker.toml",
        good.replace(PLAN_END_MARKER, "").as_bytes(),
    );
    write("empty.toml", b"");
    write("garbage.toml", b"\x00\xff\xfe");
    write(
        "newer.toml",
        good.replacen("format = 1", "format = 3", 1).as_bytes(),
    );
    write(
        "invalid.toml",
        good.replacen("step = 5", "step = 42", 1).as_bytes(),
    );
    write(".~hidden.toml.lock", b"");
    std::fs::create_dir(plans.dir().join("folder.toml")).unwrap();
    (root, plans)
}

#[test]
fn the_list_is_newest_first_with_damaged_files_and_their_reasons() {
    let (_root, plans) = damaged_folder();
    let listed = plans.list().unwrap();
    assert_eq!(listed.len(), 8);
    let reasons: Vec<(String, Option<DamageReason>)> = listed
        .iter()
        .map(|l| match l {
            ListedPlan::Plan(e) => (e.file_name.clone(), None),
            ListedPlan::Damaged(d) => (d.file_name.clone(), Some(d.reason.clone())),
        })
        .collect();
    let plans_only: Vec<&str> = reasons
        .iter()
        .filter(|(_, r)| r.is_none())
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        plans_only,
        vec![
            "2026-09-07_verbetertraject_bram.toml",
            "2026-09-07_verbetertraject_anna.toml"
        ]
    );
    let reason = |name: &str| {
        reasons
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, r)| r.clone())
    };
    assert_eq!(reason("cut.toml"), Some(DamageReason::Truncated));
    assert_eq!(reason("no-marker.toml"), Some(DamageReason::Truncated));
    assert_eq!(reason("empty.toml"), Some(DamageReason::Empty));
    assert_eq!(reason("garbage.toml"), Some(DamageReason::NotText));
    assert_eq!(reason("newer.toml"), Some(DamageReason::UnknownFormat(3)));
    let invalid = reason("invalid.toml");
    assert!(matches!(invalid, Some(DamageReason::Invalid(_))));
    let msg = plan_damage_message(&invalid.unwrap(), Lang::Nl.texts());
    assert!(msg.starts_with("geen geldig planbestand"), "{msg}");
}

#[test]
fn damaged_plan_files_are_never_written_moved_or_deleted() {
    let (_root, plans) = damaged_folder();
    for name in ["cut.toml", "no-marker.toml", "newer.toml", "invalid.toml"] {
        let damaged = plans.dir().join(name);
        let before = std::fs::read(&damaged).unwrap();
        let moved = plans.update(&damaged, |p| {
            p.move_date(key(0, 0), start(), MoveScope::This)
        });
        assert!(matches!(
            moved,
            Err(PlanStoreError::Load(LoadError::Damaged { .. }))
        ));
        let lock = plans.lock(&damaged).unwrap();
        assert!(plans.save(&lock, &plan_for("X", at(0))).is_err());
        drop(lock);
        assert!(plans.archive(&damaged, at(0)).is_err());
        assert!(matches!(
            plans.delete(&damaged),
            Err(DeleteError::Damaged { .. })
        ));
        assert_eq!(std::fs::read(&damaged).unwrap(), before, "{name}");
    }
}

#[test]
fn an_update_reads_the_file_as_it_is_and_a_refused_change_writes_nothing() {
    let root = TempDir::new().unwrap();
    let plans = PlanStore::open(root.path()).unwrap();
    let path = plans.create(&plan_for("Sanne", at(0))).unwrap();
    let moved_to = NaiveDate::from_ymd_opt(2026, 9, 9).unwrap();
    plans
        .update(&path, |p| {
            p.move_date(key(0, 0), moved_to, MoveScope::ThisAndLater)
        })
        .unwrap();
    // A second store (another window) sees the change and adds its own.
    let other = PlanStore::open(root.path()).unwrap();
    other
        .update(&path, |p| p.set_skipped(key(1, 0), true))
        .unwrap();
    let plan = plans.load(&path).unwrap();
    assert_eq!(plan.occurrence(key(0, 0)).unwrap().date, moved_to);
    assert!(plan.occurrence(key(1, 0)).unwrap().skipped);

    let before = std::fs::read(&path).unwrap();
    let refused = plans.update(&path, |p| p.set_skipped(key(0, 0), true));
    assert!(matches!(
        refused,
        Err(PlanStoreError::Plan(PlanError::NotOptional(_)))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let msg = refused.unwrap_err().message(Lang::En.texts());
    assert_eq!(msg, "only an optional step can be skipped");

    // While another window writes it, an update waits a moment, then says so.
    let held = plans.lock(&path).unwrap();
    let busy = other.update(&path, |p| p.set_skipped(key(1, 0), false));
    assert!(matches!(
        busy,
        Err(PlanStoreError::Lock(LockError::Busy { .. }))
    ));
    assert!(
        busy.unwrap_err()
            .message(Lang::Nl.texts())
            .contains("ander venster")
    );
    drop(held);

    // Archiving waits for the plan to be finished.
    let archived = plans.archive(&path, at(9000));
    assert!(matches!(
        archived,
        Err(PlanStoreError::Plan(PlanError::NotFinished(_)))
    ));
    plans.delete(&path).unwrap();
    assert!(!path.exists());
    assert!(plans.list().unwrap().is_empty());
}

/// A conversation held with the bundled Klikgesprek for a plan's first
/// step, saved in the data folder; returns the session and its file name.
fn held_session(sessions: &SessionStore, plan_file: &str) -> (Session, String) {
    let klik = Catalog::bundled()
        .get("verbetertraject-klikgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled klikgesprek")
        .clone();
    let mut s = Session::new(&klik, at(0));
    s.client = "Sanne".into();
    s.plan = Some(Plan::reference(plan_file, key(0, 0)));
    s.start(at(2));
    let path = sessions.path_for_new(&s);
    sessions.save(&path, &s).unwrap();
    (s, super::list::file_name(&path))
}

#[test]
fn a_finished_session_marks_its_step_done_in_the_plan() {
    let root = TempDir::new().unwrap();
    let sessions = SessionStore::open(root.path()).unwrap();
    let plans = PlanStore::beside(&sessions).unwrap();
    let path = plans.create(&plan_for("Sanne", at(-10_000))).unwrap();
    let plan_file = super::list::file_name(&path);
    let (mut s, file) = held_session(&sessions, &plan_file);

    // Not finished yet: nothing happens.
    assert_eq!(plans.record_session(&file, &s).unwrap(), None);
    s.finish(at(60));
    sessions.save(&sessions.dir().join(&file), &s).unwrap();
    assert_eq!(plans.record_session(&file, &s).unwrap(), Some(path.clone()));
    // Once more changes nothing.
    let bytes = std::fs::read(&path).unwrap();
    plans.record_session(&file, &s).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    let plan = plans.load(&path).unwrap();
    let done = plan.occurrence(key(0, 0)).unwrap().done.clone().unwrap();
    assert_eq!(done.session, file);
    assert_eq!(done.held, at(2));
    let today = at(0).date_naive();
    assert_eq!(
        plan.state(key(0, 0), today),
        Some(OccurrenceState::Done(today))
    );
    // The session file reads back with its reference.
    let back = sessions.load(&sessions.dir().join(&file)).unwrap();
    assert_eq!(back.plan, s.plan);

    // Without a reference, nothing; a reference that is no file name, an error.
    let mut plain = Session::new(&guide(), at(0));
    plain.finish(at(1));
    assert_eq!(plans.record_session("x.toml", &plain).unwrap(), None);
    plain.plan = Some(Plan::reference("../elsewhere.toml", key(0, 0)));
    assert!(matches!(
        plans.record_session("x.toml", &plain),
        Err(PlanStoreError::BadReference(_))
    ));
    plain.plan = Some(Plan::reference("gone.toml", key(0, 0)));
    let gone = plans.record_session("x.toml", &plain).unwrap_err();
    assert!(gone.message(Lang::Nl.texts()).contains("gone.toml"));
}

#[test]
fn a_plan_that_cannot_be_written_loses_nothing_of_the_session() {
    let root = TempDir::new().unwrap();
    let sessions = SessionStore::open(root.path()).unwrap();
    let faulty = Arc::new(FaultyFs::new());
    let plans = PlanStore::open_with(root.path(), faulty.clone()).unwrap();
    let path = plans.create(&plan_for("Sanne", at(-10_000))).unwrap();
    let plan_bytes = std::fs::read(&path).unwrap();
    let (mut s, file) = held_session(&sessions, &super::list::file_name(&path));
    s.finish(at(60));
    let session_path = sessions.dir().join(&file);
    sessions.save(&session_path, &s).unwrap();
    let session_bytes = std::fs::read(&session_path).unwrap();

    faulty.fail(SaveStep::Write, Times::Always, 28);
    let failed = plans.record_session(&file, &s).unwrap_err();
    let msg = failed.message(Lang::Nl.texts());
    assert!(msg.contains("de schijf is vol"), "{msg}");
    assert_eq!(std::fs::read(&path).unwrap(), plan_bytes);
    assert_eq!(std::fs::read(&session_path).unwrap(), session_bytes);
    let leftovers: Vec<_> = std::fs::read_dir(plans.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temp or lock file left: {leftovers:?}"
    );

    // The disk has room again: recording it now works.
    faulty.clear();
    plans.record_session(&file, &s).unwrap();
    assert!(
        plans
            .load(&path)
            .unwrap()
            .occurrence(key(0, 0))
            .unwrap()
            .done
            .is_some()
    );
}

#[test]
fn stale_temp_files_of_a_crash_are_removed_on_open() {
    let root = TempDir::new().unwrap();
    let plans = PlanStore::open(root.path()).unwrap();
    std::fs::create_dir(plans.dir()).unwrap();
    let stale = plans.dir().join(".~x.toml.tmp");
    std::fs::write(&stale, b"half").unwrap();
    PlanStore::open(root.path()).unwrap();
    assert!(!stale.exists());
}

/// The example of `docs/plan-format.md`: a small trajectory planned for a
/// teacher, its first talk held, the optional step skipped, the last
/// coaching moment moved two days.
fn doc_example() -> Plan {
    let ts = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let step = |guide: &str, title: &str, week, optional, repeat, every| crate::guide::Step {
        guide: guide.into(),
        title: title.into(),
        week,
        optional,
        repeat,
        every_weeks: every,
    };
    let trajectory = Trajectory {
        id: "verbetertraject".into(),
        title: "Verbetertraject".into(),
        subtitle: "Voor de Groep".into(),
        language: "nl".into(),
        summary: String::new(),
        steps: vec![
            step(
                "verbetertraject-klikgesprek",
                "Klikgesprek",
                1,
                false,
                1,
                None,
            ),
            step("verbetertraject-nu-meting", "Nu-meting", 2, true, 1, None),
            step(
                "verbetertraject-co-teaching",
                "Begeleidingsmoment: online co-teaching",
                3,
                false,
                2,
                Some(2),
            ),
        ],
    };
    let mut plan = Plan::new(
        &trajectory,
        "Sanne de Vries",
        start(),
        ts("2026-09-01T10:00:00+02:00"),
    );
    plan.mark_done(
        key(0, 0),
        "2026-09-07_0900_verbetertraject-klikgesprek_sanne-de-vries.toml",
        ts("2026-09-07T09:00:00+02:00"),
    )
    .unwrap();
    plan.set_skipped(key(1, 0), true).unwrap();
    let moved = NaiveDate::from_ymd_opt(2026, 10, 7).unwrap();
    plan.move_date(key(2, 1), moved, MoveScope::This).unwrap();
    plan
}

/// The first ```toml block of the plan format page.
fn doc_block() -> &'static str {
    let doc = include_str!("../../docs/plan-format.md");
    let start = doc.find("```toml\n").map(|i| i + 8).unwrap_or(doc.len());
    let len = doc[start..].find("```").unwrap_or(0);
    &doc[start..start + len]
}

#[test]
fn the_documented_example_is_what_leidraad_writes() {
    let written = plan_text(&doc_example()).unwrap();
    assert_eq!(
        doc_block(),
        written,
        "docs/plan-format.md is out of date; its example should be:\n{written}"
    );
    assert_eq!(
        super::plan_file::parse_plan_bytes(doc_block().as_bytes()),
        Ok(doc_example())
    );
}

#[test]
fn a_session_held_outside_the_plan_is_attached_to_a_step_afterwards() {
    let root = TempDir::new().unwrap();
    let sessions = SessionStore::open(root.path()).unwrap();
    let plans = PlanStore::beside(&sessions).unwrap();
    let path = plans.create(&plan_for("Sanne", at(-10_000))).unwrap();
    let (mut s, file) = held_session(&sessions, "");
    s.plan = None;
    s.finish(at(50));
    let coaching = key(2, 1);
    plans.attach(&path, coaching, &file, held_at(&s)).unwrap();
    let plan = plans.load(&path).unwrap();
    assert_eq!(plan.fulfilled_by(&file), Some(coaching));
    assert_eq!(
        plan.state(coaching, at(0).date_naive()),
        Some(OccurrenceState::Done(at(2).date_naive()))
    );
    // And undone again.
    plans.update(&path, |p| p.undo_done(coaching)).unwrap();
    assert!(
        plans
            .load(&path)
            .unwrap()
            .occurrence(coaching)
            .unwrap()
            .is_open()
    );
    let missing = plans.attach(&path, key(2, 9), &file, held_at(&s));
    assert!(matches!(
        missing,
        Err(PlanStoreError::Plan(PlanError::NoSuchOccurrence(_)))
    ));
}
