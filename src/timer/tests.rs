//! Tests of the timer maths, and the check that the domain knows nothing
//! of the terminal.

use std::path::{Path, PathBuf};

use chrono::TimeDelta;

use super::*;
use crate::session::fixture::{at, guide};

fn started() -> Session {
    let mut s = Session::new(&guide(), at(0));
    s.start(at(0));
    s
}

#[test]
fn pauses_are_never_counted_and_keep_the_end() {
    let mut s = started();
    s.pause(at(5));
    s.resume(at(8));
    let v = snapshot(&s, at(10));
    assert_eq!(v.phases[0].elapsed, 7 * 60);
    assert_eq!(v.total_elapsed, 7 * 60);
    assert_eq!(v.paused_secs, 3 * 60);
    assert_eq!(v.planned, 60 * 60);
    assert_eq!(v.planned_end, at(60), "a pause does not move the end");
    assert_eq!(
        v.remaining_for_rest,
        50 * 60,
        "it comes out of the time left"
    );
    assert!(!v.paused);
    s.pause(at(12));
    let v = snapshot(&s, at(20));
    assert!(v.paused);
    assert_eq!(v.phases[0].elapsed, 9 * 60, "the clock stands still");
    assert_eq!(v.paused_secs, 11 * 60);
    assert_eq!(v.planned_end, at(60));
    assert_eq!(
        v.total_elapsed + v.paused_secs + v.remaining_for_rest,
        v.duration
    );
}

#[test]
fn a_correction_moves_the_start_and_so_every_figure() {
    let mut s = started();
    // "We have really been talking for five minutes more."
    for _ in 0..5 {
        s.adjust_current(60, at(2));
    }
    let v = snapshot(&s, at(10));
    assert_eq!(v.phases[0].elapsed, 15 * 60);
    assert_eq!(v.planned_end, at(55), "the conversation started at -5");
    assert_eq!(v.remaining_for_rest, 45 * 60);
    assert_eq!(v.duration, 60 * 60);
    assert_eq!(v.total_elapsed + v.remaining_for_rest, v.duration);
    // The end reminder (5 before the end) comes 5 minutes earlier too.
    s.reminders_shown.push(0);
    assert!(due_reminders(&s, at(49)).is_empty());
    assert_eq!(due_reminders(&s, at(50)), vec![1]);
}

#[test]
fn an_agreed_end_is_the_end_of_every_figure() {
    let mut s = started();
    s.agreed_end = Some(at(45));
    let v = snapshot(&s, at(10));
    assert!(v.agreed);
    assert_eq!(v.planned_end, at(45));
    assert_eq!(v.duration, 45 * 60);
    assert_eq!(v.remaining_for_rest, 35 * 60);
    // 10 of phase 1's 10 minutes used: the rest (20 + 30 planned) must fit
    // in 35 minutes.
    let proposed: i64 = v.phases.iter().filter_map(|p| p.proposed).sum();
    assert_eq!(proposed, 35 * 60);
    // A correction no longer moves an end agreed at the table.
    s.adjust_current(120, at(10));
    assert_eq!(snapshot(&s, at(10)).planned_end, at(45));
    s.reminders_shown.push(0);
    assert_eq!(due_reminders(&s, at(40)), vec![1]);
}

#[test]
fn a_later_agreed_end_grows_the_budgets_to_come() {
    let mut s = started();
    // Planned 60 minutes; at the table: "we have until 80".
    s.agreed_end = Some(at(80));
    let v = snapshot(&s, at(2));
    assert!(v.behind_by < 0);
    let proposed: Vec<_> = v.phases.iter().map(|p| p.proposed).collect();
    // 78 minutes left, 8 of them for phase 1: 70 shared 20 : 30.
    assert_eq!(proposed, vec![None, Some(28 * 60), Some(42 * 60)]);
    // Without an agreed end, being ahead proposes nothing.
    s.agreed_end = None;
    s.go_to(1, at(2));
    assert!(
        snapshot(&s, at(3))
            .phases
            .iter()
            .all(|p| p.proposed.is_none())
    );
}

#[test]
fn revisits_add_up_and_visited_phases_are_done() {
    let mut s = started();
    s.go_to(1, at(5));
    s.go_to(0, at(8));
    let v = snapshot(&s, at(10));
    assert_eq!(v.phases[0].elapsed, 7 * 60);
    assert_eq!(v.phases[1].elapsed, 3 * 60);
    assert_eq!(v.phases[2].elapsed, 0);
    assert_eq!(
        v.phases.iter().map(|p| p.done).collect::<Vec<_>>(),
        vec![false, true, false]
    );
    assert!(v.phases[0].current);
    assert_eq!(v.paused_secs, 0);
}

#[test]
fn near_at_eighty_percent_and_over_past_the_budget() {
    let s = started();
    assert_eq!(snapshot(&s, at(7)).phases[0].state, PhaseState::Normal);
    assert_eq!(snapshot(&s, at(8)).phases[0].state, PhaseState::Near);
    assert_eq!(snapshot(&s, at(10)).phases[0].state, PhaseState::Near);
    let v = snapshot(&s, at(10) + TimeDelta::seconds(1));
    assert_eq!(v.phases[0].state, PhaseState::Over);
    assert_eq!(phase_state(0, 0), PhaseState::Near);
}

#[test]
fn on_time_means_no_proposals() {
    let s = started();
    let v = snapshot(&s, at(5));
    assert_eq!(v.projected_end, at(60));
    assert_eq!(v.planned_end, at(60));
    assert_eq!(v.behind_by, 0);
    assert_eq!(v.remaining_for_rest, 55 * 60);
    assert!(v.phases.iter().all(|p| p.proposed.is_none()));
}

#[test]
fn overrun_projects_a_later_end_and_proposes_smaller_budgets() {
    let s = started();
    let v = snapshot(&s, at(15));
    assert_eq!(v.phases[0].state, PhaseState::Over);
    assert_eq!(v.projected_end, at(65));
    assert_eq!(v.behind_by, 5 * 60);
    assert_eq!(v.remaining_for_rest, 45 * 60);
    assert_eq!(v.phases[0].proposed, None, "the current phase gets none");
    assert_eq!(v.phases[1].proposed, Some(18 * 60));
    assert_eq!(v.phases[2].proposed, Some(27 * 60));
}

#[test]
fn proposals_skip_done_phases_and_keep_the_current_phase_rest() {
    let mut s = started();
    s.go_to(1, at(20));
    // Phase 0 done (took 20 of 10); phase 1 has used 2 of 20 minutes.
    let v = snapshot(&s, at(22));
    assert_eq!(v.projected_end, at(22 + 18 + 30));
    assert_eq!(v.behind_by, 10 * 60);
    assert_eq!(v.phases[0].proposed, None);
    assert_eq!(v.phases[1].proposed, None);
    assert_eq!(v.phases[2].proposed, Some(20 * 60), "60 - 22 - 18 minutes");
}

#[test]
fn proposals_are_at_least_a_minute_even_when_nothing_fits() {
    let s = started();
    let v = snapshot(&s, at(59));
    assert_eq!(v.phases[1].proposed, Some(60));
    assert_eq!(v.phases[2].proposed, Some(60));
    let v = snapshot(&s, at(90));
    assert_eq!(v.remaining_for_rest, -30 * 60);
    assert_eq!(v.phases[2].proposed, Some(60));
}

#[test]
fn an_end_agreed_far_earlier_shortens_the_current_phase_too() {
    // The last phase (30 minutes) has just begun and the table agrees to
    // stop in 20 minutes: it alone no longer fits, so it is proposed the
    // 20 minutes (it kept its 30 while the others got one each).
    let mut s = started();
    s.go_to(1, at(10));
    s.go_to(2, at(30));
    s.agreed_end = Some(at(51));
    let v = snapshot(&s, at(31));
    assert_eq!(
        v.phases[2].proposed,
        Some(21 * 60),
        "1 minute had + 20 left"
    );
    // Phase 0 current with 9 of its 10 minutes left, 5 minutes to go:
    // the five are shared over it and the two phases after it.
    let mut s = started();
    s.agreed_end = Some(at(6));
    let v = snapshot(&s, at(1));
    let shares: Vec<i64> = v
        .phases
        .iter()
        .map(|p| p.proposed.unwrap_or(0) - p.elapsed)
        .collect();
    assert_eq!(shares.iter().sum::<i64>(), 5 * 60, "{shares:?}");
    assert!(shares.iter().all(|&m| m >= 60), "{shares:?}");
    assert!(v.phases[0].proposed.unwrap() < v.phases[0].budget);
    // Its proposal stands still while its clock runs (it crept up with it).
    let a = snapshot(&s, at(1) + TimeDelta::seconds(10));
    let b = snapshot(&s, at(1) + TimeDelta::seconds(40));
    assert_eq!(a.phases[0].proposed, b.phases[0].proposed);
    // With time enough for the current phase's rest, it keeps it.
    let mut s = started();
    s.agreed_end = Some(at(40));
    let v = snapshot(&s, at(1));
    assert_eq!(v.phases[0].proposed, None);
}

#[test]
fn shares_are_proportional_whole_and_fit() {
    assert_eq!(share_minutes(&[1200, 1800], 45), vec![18, 27]);
    assert_eq!(share_minutes(&[60, 60, 60], 10), vec![4, 3, 3]);
    assert_eq!(share_minutes(&[6000, 60], 5), vec![4, 1]);
    assert_eq!(share_minutes(&[60, 60], 1), vec![1, 1]);
    assert_eq!(share_minutes(&[], 10), Vec::<i64>::new());
    for minutes in 3..200 {
        let shares = share_minutes(&[600, 1200, 60], minutes);
        assert_eq!(shares.iter().sum::<i64>(), minutes);
        assert!(shares.iter().all(|&m| m >= 1));
    }
}

#[test]
fn skipped_phases_are_done_and_not_budgeted() {
    let mut s = started();
    s.toggle_skipped(1).unwrap();
    let v = snapshot(&s, at(5));
    assert!(v.phases[1].done && v.phases[1].skipped);
    assert_eq!(v.projected_end, at(5 + 5 + 30));
    assert_eq!(v.behind_by, -20 * 60, "ahead by the skipped phase");
}

#[test]
fn reminders_fire_once_at_their_moment_on_the_one_clock() {
    let mut s = started();
    assert!(due_reminders(&s, at(9)).is_empty());
    assert_eq!(due_reminders(&s, at(10)), vec![0]);
    s.reminders_shown.push(0);
    assert!(due_reminders(&s, at(11)).is_empty());
    // A pause does not move the end, nor the reminder before it.
    s.pause(at(20));
    s.resume(at(40));
    assert!(due_reminders(&s, at(54)).is_empty());
    assert_eq!(due_reminders(&s, at(55)), vec![1]);
    // Never after the end it refers to.
    assert!(due_reminders(&s, at(61)).is_empty());
    s.reminders_shown.push(1);
    // A clock set far forward and back again fires nothing twice.
    assert!(due_reminders(&s, at(10_000)).is_empty());
    assert!(due_reminders(&s, at(-50)).is_empty());
    assert!(due_reminders(&Session::new(&guide(), at(0)), at(100)).is_empty());
}

#[test]
fn a_clock_set_back_never_gives_negative_durations() {
    let mut s = started();
    s.go_to(1, at(-5));
    let v = snapshot(&s, at(-3));
    assert_eq!(v.phases[0].elapsed, 0);
    assert_eq!(v.phases[1].elapsed, 2 * 60);
    assert!(v.paused_secs >= 0);
    let v = snapshot(&s, at(-30));
    assert!(v.phases.iter().all(|p| p.elapsed >= 0));
    assert_eq!(v.total_elapsed, 0);
    assert_eq!(v.paused_secs, 0);
}

#[test]
fn corrections_move_the_phase_clock() {
    let mut s = started();
    s.adjust_current(60, at(3));
    s.adjust_current(60, at(3));
    assert_eq!(phase_elapsed(&s, 0, at(4)), 6 * 60);
    s.adjust_current(-60, at(4));
    assert_eq!(phase_elapsed(&s, 0, at(4)), 5 * 60);
    assert_eq!(total_elapsed(&s, at(4)), 5 * 60);
    assert_eq!(phase_elapsed(&s, 9, at(4)), 0);
}

#[test]
fn a_finished_session_stands_still() {
    let mut s = started();
    s.go_to(2, at(30));
    s.finish(at(50));
    let v = snapshot(&s, at(500));
    assert_eq!(v, snapshot(&s, at(50)));
    assert_eq!(v.total_elapsed, 50 * 60);
    assert_eq!(v.projected_end, at(50));
    assert!(v.phases.iter().all(|p| p.done && p.proposed.is_none()));
    assert!(due_reminders(&s, at(500)).is_empty());
}

#[test]
fn the_domain_knows_nothing_of_the_terminal() {
    let sources = domain_sources();
    for known in [
        "guide/parse/validate/trajectory.rs",
        "report/build/phase.rs",
        "session/carry.rs",
        "store/fs.rs",
        "timer/tests.rs",
    ] {
        assert!(
            sources.iter().any(|p| p.ends_with(known)),
            "{known} is not among the domain sources"
        );
    }
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        for word in [concat!("rata", "tui"), concat!("cross", "term")] {
            assert!(!text.contains(word), "{} mentions {word}", path.display());
        }
    }
}

/// Every source file of the domain modules: `src/M.rs` and everything
/// under `src/M/` for each of them.
fn domain_sources() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in ["guide", "session", "timer", "store", "report"] {
        files.push(src.join(format!("{module}.rs")));
        rust_files_under(&src.join(module), &mut files);
    }
    files
}

/// The `.rs` files under `dir`, at any depth, added to `files`.
fn rust_files_under(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files_under(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn before_the_start_the_plan_starts_now() {
    let s = Session::new(&guide(), at(0));
    let v = snapshot(&s, at(3));
    assert!(!v.started);
    assert_eq!(v.planned_end, at(63));
    assert_eq!(v.projected_end, at(63));
    assert_eq!(v.total_elapsed, 0);
}

#[test]
fn huge_corrections_and_far_moments_saturate_instead_of_panicking() {
    // Corrections a session file may hold: beyond what chrono can add to a
    // date (`TimeDelta::seconds` panics there), and sums past `i64`.
    for seconds in [
        [i64::MAX, i64::MAX],
        [i64::MIN, i64::MIN],
        [-9_223_372_036_854_776, 0],
        [i64::MAX / 2, i64::MAX / 2 + 2],
    ] {
        let mut s = started();
        for seconds in seconds {
            for phase in 0..2 {
                s.phases[phase]
                    .corrections
                    .push(crate::session::Correction { at: at(0), seconds });
            }
        }
        s.agreed_end = Some(at(0) + TimeDelta::days(365 * 7000));
        let v = snapshot(&s, at(10));
        assert!(v.total_elapsed <= MAX_SECS, "{seconds:?}: {v:?}");
        assert!(v.phases.iter().all(|p| (0..=MAX_SECS).contains(&p.elapsed)));
        assert!(correction_secs(&s).abs() <= MAX_SECS);
        let _ = due_reminders(&s, at(10));
        let _ = end_at(&s, at(10));
        let _ = total_elapsed(&s, at(10));
        // The summary's bars multiply these by a width: no overflow.
        for p in &v.phases {
            assert!(p.elapsed.checked_mul(1_000).is_some());
        }
    }
}

#[test]
fn a_phase_state_of_extreme_figures_does_not_overflow() {
    assert_eq!(phase_state(i64::MAX, i64::MAX), PhaseState::Near);
    assert_eq!(phase_state(0, i64::MAX), PhaseState::Normal);
    assert_eq!(share_minutes(&[i64::MAX, i64::MAX], i64::MAX / 2).len(), 2);
}

/// `t0` plus seconds.
fn secs(n: i64) -> Timestamp {
    at(0) + TimeDelta::seconds(n)
}

#[test]
fn a_phase_after_the_current_one_only_looked_at_is_still_to_come() {
    // Phases of 10, 20 and 30 minutes; a glance at the two after the first
    // (n n p p within seconds), then on in the first.
    let mut glanced = started();
    glanced.go_to(1, secs(10));
    glanced.go_to(2, secs(11));
    glanced.go_to(1, secs(12));
    glanced.go_to(0, secs(13));
    let plain = started();
    let (g, p) = (snapshot(&glanced, at(5)), snapshot(&plain, at(5)));
    assert!(!g.phases[1].done && !g.phases[2].done, "only looked at");
    // At this pace: what the first phase has left and what is left of the
    // others' budgets, the same end as without the glance (before: 09:10,
    // as if both were done).
    assert_eq!(p.projected_end, at(60));
    assert_eq!(g.projected_end, p.projected_end);
    // Behind, they get proposals like phases never opened.
    let g = snapshot(&glanced, at(20));
    assert!(g.phases[1].proposed.is_some() && g.phases[2].proposed.is_some());
}

#[test]
fn a_phase_gone_past_or_worked_in_is_done() {
    // Past: 1 → 3 in seconds; phase 2 lies before the current one.
    let mut past = started();
    past.go_to(1, secs(10));
    past.go_to(2, secs(11));
    let v = snapshot(&past, at(5));
    assert!(v.phases[0].done && v.phases[1].done);
    // Worked in: a minute or more in phase 2, then back to phase 1 (the
    // reminder "kom terug op de contractvragen").
    let mut back = started();
    back.go_to(1, at(10));
    back.go_to(0, at(11));
    let v = snapshot(&back, at(12));
    assert!(v.phases[1].done, "a minute in it");
    assert!(!v.phases[2].done, "never opened");
    // Less than a minute after the current phase: looked at.
    let mut brief = started();
    brief.go_to(1, at(10));
    brief.go_to(0, at(10) + TimeDelta::seconds(59));
    assert!(!snapshot(&brief, at(12)).phases[1].done);
}
