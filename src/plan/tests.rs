use chrono::NaiveDate;

use super::*;
use crate::guide::{Step, Trajectory};
use crate::i18n::Lang;
use crate::session::Timestamp;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ts(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn step(guide: &str, title: &str, week: u32, repeat: u32, every: Option<u32>) -> Step {
    Step {
        guide: guide.into(),
        title: title.into(),
        week,
        optional: false,
        repeat,
        every_weeks: every,
    }
}

/// A small verbetertraject: klik (1), optional nu-meting (2), coaching
/// ×3 every 2 weeks from week 3, evaluation in week 7.
fn trajectory() -> Trajectory {
    let mut nu = step("nu", "Nu-meting", 2, 1, None);
    nu.optional = true;
    Trajectory {
        id: "vt".into(),
        title: "Verbetertraject".into(),
        subtitle: String::new(),
        language: "nl".into(),
        summary: String::new(),
        steps: vec![
            step("klik", "Klikgesprek", 1, 1, None),
            nu,
            step("coach", "Begeleidingsmoment: co-teaching", 3, 3, Some(2)),
            step("eval", "Tussenevaluatie", 7, 1, None),
        ],
    }
}

/// Start on Monday 7 September 2026.
fn plan() -> Plan {
    Plan::new(
        &trajectory(),
        "  Sanne de Vries ",
        date(2026, 9, 7),
        ts("2026-09-01T10:00:00+02:00"),
    )
}

fn key(step: usize, repeat: u32) -> OccurrenceKey {
    OccurrenceKey { step, repeat }
}

fn dates(p: &Plan) -> Vec<(usize, u32, NaiveDate)> {
    p.occurrences()
        .iter()
        .map(|o| (o.step, o.repeat, o.date))
        .collect()
}

#[test]
fn a_new_plan_has_every_occurrence_on_its_scheduled_date() {
    let p = plan();
    assert_eq!(p.client, "Sanne de Vries");
    assert_eq!(
        dates(&p),
        vec![
            (0, 0, date(2026, 9, 7)),
            (1, 0, date(2026, 9, 14)),
            (2, 0, date(2026, 9, 21)),
            (2, 1, date(2026, 10, 5)),
            (2, 2, date(2026, 10, 19)),
            (3, 0, date(2026, 10, 19)),
        ]
    );
    assert!(p.occurrences().iter().all(Occurrence::is_open));
    assert!(!p.is_finished());
}

#[test]
fn moving_one_date_leaves_the_others_and_keeps_date_order() {
    let mut p = plan();
    p.move_date(key(2, 0), date(2026, 10, 6), MoveScope::This)
        .unwrap();
    assert_eq!(
        dates(&p)[2..4],
        [(2, 1, date(2026, 10, 5)), (2, 0, date(2026, 10, 6))]
    );
    assert_eq!(p.occurrence(key(3, 0)).unwrap().date, date(2026, 10, 19));
}

#[test]
fn moving_a_date_and_all_later_ones_shifts_them_by_the_same_days() {
    let mut p = plan();
    p.mark_done(
        key(2, 2),
        "held-early.toml",
        ts("2026-09-22T09:00:00+02:00"),
    )
    .unwrap();
    // Two days later from the second coaching moment on.
    p.move_date(key(2, 1), date(2026, 10, 7), MoveScope::ThisAndLater)
        .unwrap();
    assert_eq!(p.occurrence(key(0, 0)).unwrap().date, date(2026, 9, 7));
    assert_eq!(p.occurrence(key(2, 0)).unwrap().date, date(2026, 9, 21));
    assert_eq!(p.occurrence(key(2, 1)).unwrap().date, date(2026, 10, 7));
    assert_eq!(p.occurrence(key(3, 0)).unwrap().date, date(2026, 10, 21));
    // A held occurrence keeps its date, and cannot be moved itself.
    assert_eq!(p.occurrence(key(2, 2)).unwrap().date, date(2026, 10, 19));
    assert_eq!(
        p.move_date(key(2, 2), date(2026, 11, 2), MoveScope::This),
        Err(PlanError::AlreadyDone(key(2, 2)))
    );
    // Earlier works too: back a week from the start.
    p.move_date(key(0, 0), date(2026, 8, 31), MoveScope::ThisAndLater)
        .unwrap();
    assert_eq!(p.occurrence(key(1, 0)).unwrap().date, date(2026, 9, 7));
    assert_eq!(
        p.move_date(key(0, 0), NaiveDate::MAX, MoveScope::ThisAndLater),
        Err(PlanError::DateOutOfRange)
    );
    assert_eq!(p.occurrence(key(0, 0)).unwrap().date, date(2026, 8, 31));
}

#[test]
fn states_on_a_pinned_day_overdue_next_later_skipped_done() {
    let mut p = plan();
    p.mark_done(key(0, 0), "klik.toml", ts("2026-09-08T14:00:00+02:00"))
        .unwrap();
    p.set_skipped(key(1, 0), true).unwrap();
    let today = date(2026, 10, 1);
    let states: Vec<OccurrenceState> = p.timeline(today).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        states,
        vec![
            OccurrenceState::Done(date(2026, 9, 8)),
            OccurrenceState::Skipped,
            OccurrenceState::Overdue,
            OccurrenceState::Next,
            OccurrenceState::Later,
            OccurrenceState::Later,
        ]
    );
    let o = p.overview(today);
    assert_eq!(o.next, Some(key(2, 0)), "the first open one, overdue");
    assert_eq!(o.next_date, Some(date(2026, 9, 21)));
    assert_eq!((o.overdue, o.done, o.total), (1, 1, 6));
    assert_eq!(o.rank().0, 0, "overdue plans come first");
    // On its planned day an occurrence is not yet overdue.
    assert_eq!(
        p.state(key(2, 0), date(2026, 9, 21)),
        Some(OccurrenceState::Next)
    );
    assert_eq!(OccurrenceState::Overdue.id(), "overdue");
}

#[test]
fn only_optional_steps_can_be_skipped() {
    let mut p = plan();
    assert_eq!(
        p.set_skipped(key(0, 0), true),
        Err(PlanError::NotOptional(key(0, 0)))
    );
    p.set_skipped(key(1, 0), true).unwrap();
    assert!(p.occurrence(key(1, 0)).unwrap().skipped);
    p.set_skipped(key(1, 0), false).unwrap();
    assert!(p.occurrence(key(1, 0)).unwrap().is_open());
    assert_eq!(
        p.set_skipped(key(9, 0), true),
        Err(PlanError::NoSuchOccurrence(key(9, 0)))
    );
}

#[test]
fn marking_done_and_undoing_it_and_finishing_and_archiving() {
    let mut p = plan();
    let now = ts("2026-11-01T12:00:00+01:00");
    assert_eq!(p.archive(now), Err(PlanError::NotFinished(6)));
    p.set_skipped(key(1, 0), true).unwrap();
    let keys: Vec<OccurrenceKey> = p.occurrences().iter().map(Occurrence::key).collect();
    for (i, k) in keys.iter().enumerate().filter(|(_, k)| k.step != 1) {
        let held = ts("2026-10-20T09:00:00+02:00") + chrono::Duration::days(i as i64);
        assert_eq!(p.mark_done(*k, &format!("s{i}.toml"), held), Ok(None));
    }
    assert!(p.is_finished());
    assert_eq!(p.fulfilled_by("s0.toml"), Some(key(0, 0)));
    // Another session replaces the first; the first is returned.
    let before = p
        .mark_done(key(0, 0), "again.toml", ts("2026-10-30T09:00:00+01:00"))
        .unwrap();
    assert_eq!(before.map(|f| f.session), Some("s0.toml".to_string()));
    let undone = p.undo_done(key(0, 0)).unwrap();
    assert_eq!(undone.map(|f| f.session), Some("again.toml".into()));
    assert!(!p.is_finished());
    assert_eq!(p.next_open().map(Occurrence::key), Some(key(0, 0)));
    p.mark_done(key(0, 0), "s0.toml", ts("2026-09-07T09:00:00+02:00"))
        .unwrap();
    p.archive(now).unwrap();
    assert!(p.is_archived());
    assert_eq!(p.overview(date(2027, 1, 1)).rank().0, 2);
    p.unarchive();
    assert!(!p.is_archived());
}

#[test]
fn a_skipped_step_done_by_a_session_is_taken_up_again() {
    let mut p = plan();
    p.set_skipped(key(1, 0), true).unwrap();
    p.mark_done(key(1, 0), "nu.toml", ts("2026-09-15T09:00:00+02:00"))
        .unwrap();
    let o = p.occurrence(key(1, 0)).unwrap();
    assert!(!o.skipped && o.done.is_some());
    assert_eq!(
        p.set_skipped(key(1, 0), true),
        Err(PlanError::AlreadyDone(key(1, 0)))
    );
}

#[test]
fn labels_number_the_repetitions() {
    let p = plan();
    let nl = Lang::Nl.texts();
    assert_eq!(p.label(key(0, 0), nl), "Klikgesprek");
    assert_eq!(
        p.label(key(2, 2), nl),
        "Begeleidingsmoment 3 van 3: co-teaching"
    );
    assert_eq!(
        p.label(key(2, 0), Lang::En.texts()),
        "Begeleidingsmoment 1 of 3: co-teaching"
    );
    assert_eq!(
        p.heading(key(2, 1), nl),
        "Begeleidingsmoment 2 van 3: co-teaching · Verbetertraject · Sanne de Vries"
    );
    let mut t = trajectory();
    t.steps[2].title = "Intervisie".into();
    let p = Plan::new(&t, "", date(2026, 9, 7), ts("2026-09-01T10:00:00+02:00"));
    assert_eq!(p.label(key(2, 1), nl), "Intervisie 2 van 3");
    assert_eq!(p.heading(key(0, 0), nl), "Klikgesprek · Verbetertraject");
    assert_eq!(p.label(key(7, 0), nl), "");
}

#[test]
fn dates_are_read_in_iso_and_dutch_and_written_with_the_weekday() {
    assert_eq!(parse_date("2026-09-07"), Some(date(2026, 9, 7)));
    assert_eq!(parse_date(" 07-09-2026 "), Some(date(2026, 9, 7)));
    assert_eq!(parse_date("7-9-2026"), Some(date(2026, 9, 7)));
    assert_eq!(parse_date("7/9/2026"), Some(date(2026, 9, 7)));
    for bad in [
        "",
        "31-02-2026",
        "2026-9",
        "26-09-07",
        "07-09-2026x",
        "maandag",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    let d = date(2026, 9, 7);
    assert_eq!(format_date(d, Lang::Nl.texts()), "ma 07-09-2026");
    assert_eq!(format_date(d, Lang::En.texts()), "Mon 2026-09-07");
}

#[test]
fn the_plan_file_round_trips_and_refuses_what_breaks_the_rules() {
    let mut p = plan();
    p.mark_done(key(0, 0), "klik.toml", ts("2026-09-08T14:00:00+02:00"))
        .unwrap();
    p.set_skipped(key(1, 0), true).unwrap();
    p.move_date(key(2, 0), date(2026, 9, 23), MoveScope::This)
        .unwrap();
    let text = p.to_toml().unwrap();
    assert_eq!(Plan::from_toml(&text), Ok(p.clone()));

    let newer = text.replacen("format = 1", "format = 2", 1);
    assert_eq!(
        Plan::from_toml(&newer),
        Err(PlanFileError::UnknownFormat(2))
    );
    assert_eq!(
        Plan::from_toml("format = 7\n"),
        Err(PlanFileError::UnknownFormat(7))
    );
    let damaged = |text: &str| matches!(Plan::from_toml(text), Err(PlanFileError::Damaged(_)));
    assert!(damaged("format = 1\n"));
    assert!(damaged(&text.replacen("step = 3", "step = 9", 1)));
    assert!(damaged(&text.replacen("repeat = 2", "repeat = 5", 1)));
    assert!(damaged(&text.replacen("repeat = 2", "repeat = 1", 1)));
    let klik_skipped = text.replacen("skipped = false", "skipped = true", 1);
    assert!(damaged(&klik_skipped), "a step that is not optional");
}

#[test]
fn plans_know_nothing_of_the_terminal_nor_of_files() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("plan.rs"), src.join("calendar.rs")];
    for dir in ["plan", "calendar"] {
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for word in [concat!("rata", "tui"), concat!("cross", "term")] {
            assert!(!text.contains(word), "{} mentions {word}", path.display());
        }
        let pure = path.starts_with(src.join("plan")) || path.ends_with("plan.rs");
        if pure && !path.ends_with("tests.rs") {
            assert!(
                !text.contains(concat!("std", "::fs")),
                "{} touches the disk",
                path.display()
            );
        }
    }
}

#[test]
fn the_timelines_edits_apply_as_one_change_each() {
    let mut p = plan();
    let held = ts("2026-09-07T14:00:00+02:00");
    p.apply(&PlanEdit::Attach {
        key: key(0, 0),
        session: "klik.toml".into(),
        held,
    })
    .unwrap();
    assert_eq!(p.fulfilled_by("klik.toml"), Some(key(0, 0)));
    p.apply(&PlanEdit::Skip {
        key: key(1, 0),
        skipped: true,
    })
    .unwrap();
    p.apply(&PlanEdit::Move {
        key: key(2, 1),
        to: date(2026, 10, 12),
        scope: MoveScope::This,
    })
    .unwrap();
    assert_eq!(p.occurrence(key(2, 1)).unwrap().date, date(2026, 10, 12));
    // Refused changes leave the plan as it was.
    let before = p.clone();
    assert_eq!(
        p.apply(&PlanEdit::Skip {
            key: key(3, 0),
            skipped: true
        }),
        Err(PlanError::NotOptional(key(3, 0)))
    );
    assert_eq!(
        p.apply(&PlanEdit::Detach { key: key(2, 0) }),
        Err(PlanError::NotDone(key(2, 0)))
    );
    assert!(matches!(
        p.apply(&PlanEdit::Archive { now: held }),
        Err(PlanError::NotFinished(4))
    ));
    assert_eq!(p, before);
    p.apply(&PlanEdit::Detach { key: key(0, 0) }).unwrap();
    assert!(p.occurrence(key(0, 0)).unwrap().is_open());
    assert_eq!(PlanEdit::Archive { now: held }.key(), None);
}
