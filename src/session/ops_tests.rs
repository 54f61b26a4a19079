//! Tests of the session operations, carried items and the slug.

use super::fixture::{at, guide, t0};
use super::*;

fn started() -> Session {
    let mut s = Session::new(&guide(), at(0));
    s.set_field("school", "De Regenboog").unwrap();
    s.start(at(0));
    s
}

#[test]
fn new_session_fills_defaults() {
    let s = Session::new(&guide(), at(0));
    assert_eq!(s.status, Status::InProgress);
    assert_eq!(s.started, None);
    assert_eq!(s.phases.len(), 3);
    assert_eq!(s.phases[2].id, "afronden");
    assert_eq!(s.checklist, vec![false, false]);
    assert_eq!(s.field("datum"), "2026-11-23");
    assert_eq!(s.field("school"), "");
    assert_eq!(
        s.phases[1].ratings["doelen"],
        vec![String::new(), String::new()]
    );
    assert!(
        s.phases
            .iter()
            .all(|p| p.lists.is_empty() && p.visits.is_empty())
    );
}

#[test]
fn start_opens_one_visit_and_go_to_moves_it() {
    let mut s = started();
    assert_eq!(s.started, Some(at(0)));
    assert!(s.is_running());
    s.start(at(1));
    assert_eq!(s.phases[0].visits.len(), 1);
    s.go_to(2, at(5));
    s.go_to(0, at(7));
    s.go_to(99, at(8));
    assert_eq!(s.current, 0);
    assert_eq!(s.phases[0].visits[0].end, Some(at(5)));
    assert_eq!(s.phases[2].visits[0].start, at(5));
    assert_eq!(s.phases[2].visits[0].end, Some(at(7)));
    assert_eq!(s.phases[0].visits[1].end, None);
}

#[test]
fn pause_and_resume_alternate_with_visits() {
    let mut s = started();
    s.pause(at(5));
    assert!(s.is_paused());
    assert!(!s.is_running());
    s.pause(at(6));
    assert_eq!(s.pauses.len(), 1);
    s.go_to(1, at(7));
    assert!(s.phases[1].visits.is_empty(), "no visit while paused");
    s.resume(at(9));
    assert!(!s.is_paused());
    assert_eq!(s.pauses[0].end, Some(at(9)));
    assert_eq!(s.phases[1].visits[0].start, at(9));
}

#[test]
fn leave_stops_the_clock_and_finish_closes_everything() {
    let mut s = started();
    s.leave(at(5));
    assert!(!s.is_running());
    assert_eq!(s.status, Status::InProgress);
    let mut f = started();
    f.pause(at(3));
    f.finish(at(4));
    assert_eq!(f.status, Status::Finished);
    assert_eq!(f.finished, Some(at(4)));
    assert!(!f.is_paused());
    f.go_to(1, at(5));
    assert!(
        f.phases[1].visits.is_empty(),
        "a finished session's clock stays still"
    );
}

#[test]
fn lists_check_their_indexes() {
    let mut s = started();
    s.add_item(2, "afspraken", vec!["Bellen".into()]).unwrap();
    assert_eq!(s.items(2, "afspraken")[0].values, vec!["Bellen", "", ""]);
    s.update_item(2, "afspraken", 0, vec!["Mailen".into(), "Anna".into()])
        .unwrap();
    assert_eq!(s.items(2, "afspraken")[0].values[1], "Anna");
    s.toggle_item_done(2, "afspraken", 0).unwrap();
    assert!(s.items(2, "afspraken")[0].done);
    assert_eq!(
        s.add_item(1, "afspraken", vec![]),
        Err(SessionError::NoSuchList("afspraken".into()))
    );
    assert_eq!(
        s.add_item(7, "afspraken", vec![]),
        Err(SessionError::NoSuchPhase(7))
    );
    assert_eq!(
        s.update_item(2, "afspraken", 3, vec![]),
        Err(SessionError::NoSuchItem(3))
    );
    assert_eq!(
        s.remove_item(1, "mijlpalen", 0),
        Err(SessionError::NoSuchItem(0))
    );
    let removed = s.remove_item(2, "afspraken", 0).unwrap();
    assert_eq!(removed.values[0], "Mailen");
    assert!(s.items(2, "afspraken").is_empty());
}

#[test]
fn questions_ratings_skips_checks_and_fields() {
    let mut s = started();
    s.toggle_asked(0, 2).unwrap();
    s.toggle_asked(0, 0).unwrap();
    assert_eq!(s.phases[0].asked, vec![0, 2]);
    s.toggle_asked(0, 2).unwrap();
    assert_eq!(s.phases[0].asked, vec![0]);
    assert_eq!(s.toggle_asked(0, 3), Err(SessionError::NoSuchQuestion(3)));

    s.set_rating(1, "doelen", 1, Some(2)).unwrap();
    assert_eq!(s.phases[1].ratings["doelen"][1], "minder sterk");
    assert_eq!(s.rating_step(1, "doelen", 1), Some(2));
    s.set_rating(1, "doelen", 1, None).unwrap();
    assert_eq!(s.rating_step(1, "doelen", 1), None);
    assert_eq!(
        s.set_rating(1, "doelen", 1, Some(3)),
        Err(SessionError::NoSuchStep(3))
    );
    assert_eq!(
        s.set_rating(1, "doelen", 2, Some(0)),
        Err(SessionError::NoSuchRatingItem(2))
    );

    assert_eq!(s.toggle_skipped(0), Err(SessionError::NotOptional(0)));
    s.toggle_skipped(1).unwrap();
    assert!(s.phases[1].skipped);

    s.toggle_check(1).unwrap();
    assert_eq!(s.checklist, vec![false, true]);
    assert_eq!(s.toggle_check(2), Err(SessionError::NoSuchCheck(2)));

    s.set_field("school", "  Het Anker ").unwrap();
    assert_eq!(s.client, "Het Anker");
    assert_eq!(s.client_value(), "  Het Anker ");
    assert!(s.set_field("nope", "x").is_err());
}

#[test]
fn corrections_never_take_a_phase_below_zero() {
    let mut s = started();
    s.adjust_current(-60, at(0));
    assert!(s.phases[0].corrections.is_empty());
    s.adjust_current(60, at(1));
    s.adjust_current(-60, at(1));
    s.adjust_current(-60, at(1));
    assert_eq!(crate::timer::phase_elapsed(&s, 0, at(1)), 0);
    // One more minute ran, one was added: the earlier removals stay.
    s.adjust_current(60, at(2));
    assert_eq!(crate::timer::phase_elapsed(&s, 0, at(2)), 2 * 60);
}

#[test]
fn reopening_after_a_crash_keeps_the_clock_running_through_the_gap() {
    let mut s = started();
    s.mark_saved(at(10));
    let gap = s.closed_gap(at(20)).expect("a visit was open");
    assert_eq!((gap.phase, gap.from, gap.to), (0, at(10), at(20)));
    assert_eq!(gap.secs(), 10 * 60);
    s.reopen(at(20));
    assert_eq!(s.phases[0].visits.len(), 1);
    assert_eq!(crate::timer::phase_elapsed(&s, 0, at(20)), 20 * 60);
}

#[test]
fn a_gap_not_counted_is_cut_out_of_the_phase() {
    let mut s = started();
    s.mark_saved(at(10));
    let gap = s.closed_gap(at(40)).expect("a visit was open");
    s.reopen(at(40));
    assert!(s.uncount(&gap));
    assert_eq!(s.phases[0].visits[0].end, Some(at(10)));
    assert_eq!(s.phases[0].visits[1].start, at(40));
    assert!(s.is_running());
    assert_eq!(crate::timer::phase_elapsed(&s, 0, at(45)), 15 * 60);
    assert_eq!(crate::timer::paused_secs(&s, at(45)), 30 * 60);
    // Once cut, there is nothing more to cut.
    assert!(s.closed_gap(at(45)).is_some_and(|g| g.from == at(40)));
}

#[test]
fn the_gap_starts_at_the_last_moment_the_clock_was_seen_running() {
    let mut s = started();
    s.mark_saved(at(10));
    // The lock file's time, after the save: the gap starts there.
    s.seen_running(at(25), at(40));
    assert_eq!(s.closed_gap(at(40)).map(|g| g.from), Some(at(25)));
    // Never earlier than what is known, never after now.
    s.seen_running(at(15), at(40));
    assert_eq!(s.saved, Some(at(25)));
    s.seen_running(at(90), at(40));
    assert_eq!(s.saved, Some(at(40)));
    assert_eq!(s.closed_gap(at(40)), None);
    // A time before the open visit says nothing about it.
    let mut moved = started();
    moved.go_to(1, at(30));
    moved.seen_running(at(20), at(40));
    assert_eq!(moved.saved, None);
    assert_eq!(moved.closed_gap(at(40)).map(|g| g.from), Some(at(30)));
    // Nothing open (left with q), nothing taken in.
    let mut left = started();
    left.leave(at(5));
    left.seen_running(at(8), at(40));
    assert_eq!(left.saved, None);
}

#[test]
fn without_a_save_the_gap_starts_at_the_visit() {
    let mut s = started();
    s.go_to(1, at(3));
    let gap = s.closed_gap(at(50)).expect("a visit was open");
    assert_eq!((gap.phase, gap.from), (1, at(3)));
    s.reopen(at(50));
    s.uncount(&gap);
    assert_eq!(crate::timer::phase_elapsed(&s, 1, at(50)), 0);
    assert!(s.is_running());
}

#[test]
fn reopening_after_leave_or_pause_asks_nothing() {
    let mut s = started();
    s.leave(at(5));
    assert_eq!(s.closed_gap(at(60)), None);
    s.reopen(at(60));
    assert!(s.is_running());
    assert_eq!(s.phases[0].visits[1].start, at(60));

    let mut p = started();
    p.pause(at(5));
    p.mark_saved(at(5));
    assert_eq!(p.closed_gap(at(90)), None);
    p.reopen(at(90));
    assert!(p.is_paused(), "a paused session reopens paused");
    assert!(!p.is_running());

    let mut n = Session::new(&guide(), at(0));
    assert_eq!(n.closed_gap(at(5)), None);
    n.reopen(at(5));
    assert!(!n.is_running(), "a session not started does not start");
}

fn with_agreements(created: i64, client: &str, items: &[(&str, bool)]) -> Session {
    let mut s = Session::new(&guide(), at(created));
    s.set_field("school", client).unwrap();
    for (n, (what, done)) in items.iter().enumerate() {
        s.add_item(2, "afspraken", vec![what.to_string()]).unwrap();
        if *done {
            s.toggle_item_done(2, "afspraken", n).unwrap();
        }
        s.add_item(1, "mijlpalen", vec![format!("mijlpaal {what}")])
            .unwrap();
    }
    s
}

#[test]
fn carried_items_come_from_the_same_client_only_and_open_only() {
    let first = with_agreements(
        -20_000,
        "De Regenboog",
        &[("A", false), ("B", false), ("X", true)],
    );
    let other = with_agreements(-15_000, "Het Anker", &[("Z", false)]);
    let mut second = with_agreements(-10_000, " de regenboog ", &[("C", false)]);
    second.carried = open_carried_items(&[first.clone(), other.clone()], "De Regenboog");
    let texts: Vec<&str> = second
        .carried
        .iter()
        .map(|c| c.item.values[0].as_str())
        .collect();
    assert_eq!(texts, vec!["A", "B"]);
    assert_eq!(second.carried[0].from_session, first.file_stem());
    assert_eq!(second.carried[0].label, "Afspraken");
    second.toggle_carried_done(0).unwrap();
    assert!(second.toggle_carried_done(5).is_err());

    let next = open_carried_items(&[first, second.clone(), other], "DE REGENBOOG");
    let texts: Vec<&str> = next.iter().map(|c| c.item.values[0].as_str()).collect();
    assert_eq!(texts, vec!["B", "C"], "A was done in the second session");
    assert!(next.iter().all(|c| !c.done));
    assert_eq!(next[0].from_session, next[0].from_session.trim());
    assert_ne!(next[0].from_session, second.file_stem(), "keeps its origin");
    assert!(open_carried_items(&[second], "  ").is_empty());
}

#[test]
fn carried_items_are_done_carried_on_or_dropped_across_three_sessions() {
    let first = with_agreements(
        -30_000,
        "OBS De Vlinder",
        &[("A", false), ("B", false), ("C", false)],
    );
    let mut second = with_agreements(-20_000, "OBS De Vlinder", &[("D", false)]);
    second.carried = open_carried_items(std::slice::from_ref(&first), "OBS De Vlinder");
    assert_eq!(second.carried.len(), 3);
    // Where each came from, for "uit Voortgangsgesprek van …".
    assert_eq!(second.carried[0].from_title, first.guide.title);
    assert_eq!(
        second.carried[0].from_date,
        Some(first.started.unwrap_or(first.created))
    );
    second.set_carried_state(0, CarriedState::Done).unwrap();
    second.set_carried_state(1, CarriedState::Dropped).unwrap();
    assert_eq!(second.carried[2].state(), CarriedState::CarriedOn);
    assert!(second.set_carried_state(3, CarriedState::Done).is_err());
    // Done and dropped items do not come back; carried on and new ones do,
    // each with its own origin.
    let third = open_carried_items(&[first.clone(), second.clone()], "obs de vlinder");
    let texts: Vec<&str> = third.iter().map(|c| c.item.values[0].as_str()).collect();
    assert_eq!(texts, vec!["C", "D"]);
    assert_eq!(third[0].from_session, first.file_stem());
    assert_eq!(third[1].from_session, second.file_stem());
    assert!(third.iter().all(|c| c.state() == CarriedState::CarriedOn));
    // Taken up again: it comes back.
    second
        .set_carried_state(1, CarriedState::CarriedOn)
        .unwrap();
    let again = open_carried_items(&[first, second], "OBS De Vlinder");
    let texts: Vec<&str> = again.iter().map(|c| c.item.values[0].as_str()).collect();
    assert_eq!(texts, vec!["B", "C", "D"]);
}

#[test]
fn a_lookup_that_answers_late_keeps_what_was_decided_meanwhile() {
    let first = with_agreements(-30_000, "OBS De Vlinder", &[("A", false), ("B", false)]);
    let found = open_carried_items(std::slice::from_ref(&first), "OBS De Vlinder");
    let mut now = vec![found[0].clone()];
    now[0].set_state(CarriedState::Done);
    merge_carried(&mut now, found);
    let states: Vec<(&str, CarriedState)> = now
        .iter()
        .map(|c| (c.item.values[0].as_str(), c.state()))
        .collect();
    assert_eq!(
        states,
        vec![("A", CarriedState::Done), ("B", CarriedState::CarriedOn)]
    );
}

#[test]
fn slug_folds_diacritics_and_punctuation() {
    assert_eq!(
        slug("Basisschool De Regenboog (Utrecht)"),
        "basisschool-de-regenboog-utrecht"
    );
    assert_eq!(slug(""), "");
    assert_eq!(slug("  ---  "), "");
    assert_eq!(slug("Cbs 't Zwaluwnest"), "cbs-t-zwaluwnest");
    assert_eq!(
        slug("Ĳsselschool Hénk-Çelik Straße"),
        "ijsselschool-henk-celik-strasse"
    );
    assert_eq!(slug("Cafe\u{301} 42"), "cafe-42");
    assert_eq!(slug("日本 school"), "school");
}

#[test]
fn file_stem_names_date_client_and_guide() {
    let s = started();
    assert_eq!(s.file_stem(), "2026-11-23-0900-de-regenboog-voortgang");
    let anon = Session::new(&guide(), t0());
    assert_eq!(anon.file_stem(), "2026-11-23-0900-voortgang");
}

#[test]
fn damaged_structure_is_refused() {
    let mut s = started();
    s.phases.pop();
    let text = s.to_toml().unwrap();
    assert!(matches!(
        Session::from_toml(&text),
        Err(SessionFileError::Damaged(_))
    ));
    let mut s = started();
    s.current = 9;
    let text = s.to_toml().unwrap();
    assert!(matches!(
        Session::from_toml(&text),
        Err(SessionFileError::Damaged(_))
    ));
}

#[test]
fn search_looks_at_what_was_said_not_at_the_guide_or_private_notes() {
    let g = guide();
    let mut s = Session::new(&g, t0());
    s.phases[0].notes = "Het Kernteam was er".into();
    s.phases[0].private_notes = "geheim".into();
    assert!(s.mentions("kernteam"));
    assert!(!s.mentions("geheim"));
    assert!(
        !s.mentions("Hoeveel tijd hebben we"),
        "guide text is not searched"
    );
    s.add_item(2, "afspraken", vec!["Ouders bellen".into()])
        .unwrap();
    assert!(s.mentions("OUDERS"));
}
