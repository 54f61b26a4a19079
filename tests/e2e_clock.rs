//! The real binary in tmux at the table: phase keys that keep navigating,
//! text typed while navigating that goes into the notes, a resume after
//! the app was down for ten minutes (counted from the last save, or from
//! the heartbeat after a quiet spell), and a correction followed by the
//! reminder at its moment, under a clock the test sets.

mod common;

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta};
use common::tmux::{self, Tmux};

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);
const SCHOOL: &str = "Basisschool De Regenboog";

/// Today at 09:00 in the Netherlands (the header form's date is today).
fn nine() -> DateTime<FixedOffset> {
    let today = chrono::Local::now().date_naive();
    DateTime::parse_from_rfc3339(&format!("{today}T09:00:00+01:00")).unwrap()
}

/// Typed by hand while navigating, one letter a read about 60 ms apart:
/// a word whose first letter is a key goes into the notes whole (the app's
/// own typing gap, 300 ms); the same letters with a look at the screen
/// between stay keys.
#[test]
fn a_word_typed_by_hand_while_navigating_goes_into_the_notes_whole() {
    let Some(mut t) = Tmux::new() else { return };
    t.typing_gap(300);
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Contract.");
    t.wait_session(S5, |s| s.phases[0].notes == "Contract.");
    t.send_key("Escape");
    std::thread::sleep(Duration::from_millis(400));
    for c in " toch nog".chars() {
        t.send_text(&c.to_string());
        std::thread::sleep(Duration::from_millis(60));
    }
    let s = t.wait_session(S5, |s| s.phases[0].notes == "Contract. toch nog");
    assert!(!s.is_paused(), "t did not pause");
    assert_eq!(s.current, 0, "n did not move on");
    assert_eq!(s.phases[0].private_notes, "", "o opened no private note");
    let screen = t.wait_for("In de notities gezet", S5);
    assert!(!screen.contains("PAUZE"), "{screen}");
    // Keys with a moment between them: t pauses, a second t goes on.
    t.send_key("Escape");
    std::thread::sleep(Duration::from_millis(400));
    t.send_text("t");
    t.wait_for("PAUZE", S5);
    std::thread::sleep(Duration::from_millis(500));
    t.send_text("t");
    t.wait_session(S5, |s| s.pauses.len() == 1 && !s.is_paused());
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

#[test]
fn p_p_p_goes_back_three_phases_and_types_nothing() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Contract");
    t.send_key("Escape");
    t.send_key("4");
    t.wait_for("Fase 4/7", S5);
    // One key per read, as a hand types them (three letters in one read
    // are text for the notes).
    for phase in ["Fase 3/7", "Fase 2/7", "Fase 1/7"] {
        t.press("p", phase);
    }
    let s = t.wait_session(S5, |s| s.current == 0);
    assert_eq!(s.phases[0].notes, "Contract");
    assert!(
        s.phases.iter().skip(1).all(|p| p.notes.is_empty()),
        "nothing typed: {:?}",
        s.phases.iter().map(|p| &p.notes).collect::<Vec<_>>()
    );
    // `i` starts typing again.
    t.press("i", "stoppen met typen");
    t.send_text(" en meer");
    t.wait_session(S5, |s| s.phases[0].notes == "Contract en meer");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

/// A sentence typed while navigating, in one burst (a paste without
/// bracketed paste), goes into the notes whole: `t` does not pause the
/// clock, `o` does not open the private note, `f` does not ask to finish.
#[test]
fn a_sentence_typed_while_navigating_goes_into_the_notes() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Contract. ");
    t.wait_session(S5, |s| s.phases[0].notes == "Contract. ");
    t.send_key("Escape");
    t.wait_for("Enter typen", S5);
    t.send_text("Half getypt, de tafel");
    let screen = t.wait_for("In de notities gezet — Esc om te navigeren", S5);
    assert!(!screen.contains("PAUZE"), "{screen}");
    assert!(!screen.contains("Zeker weten?"), "{screen}");
    let s = t.wait_session(S5, |s| {
        s.phases[0].notes == "Contract. Half getypt, de tafel"
    });
    assert_eq!(s.current, 0);
    assert!(
        s.pauses.is_empty(),
        "the clock was not paused: {:?}",
        s.pauses
    );
    assert!(s.phases.iter().all(|p| p.private_notes.is_empty()));
    assert_eq!(s.status, leidraad::session::Status::InProgress);
    // Still typing: the rest goes on in the notes.
    t.send_text(" zat vol");
    t.wait_session(S5, |s| {
        s.phases[0].notes == "Contract. Half getypt, de tafel zat vol"
    });
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

/// A capital with no key (`H`) typed alone starts typing; a key typed alone
/// (`t`, `n`, `p`, a digit) still does what it says.
#[test]
fn a_letter_that_is_no_key_starts_typing_and_keys_still_act() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_key("Escape");
    t.wait_for("Enter typen", S5);
    t.press("t", "PAUZE");
    t.send_key("t");
    t.wait_until_in(tmux::MAIN, S5, "the clock going on", |s| {
        !s.contains("PAUZE")
    });
    t.press("n", "Fase 2/7");
    t.press("p", "Fase 1/7");
    t.press("3", "Fase 3/7");
    let s = t.wait_session(S5, |s| s.current == 2);
    assert!(s.phases.iter().all(|p| p.notes.is_empty()), "nothing typed");
    assert_eq!(s.pauses.len(), 1, "one pause, ended: {:?}", s.pauses);
    t.press("H", "In de notities gezet");
    t.send_text("alf getypt");
    let s = t.wait_session(S5, |s| s.phases[2].notes == "Half getypt");
    assert_eq!(s.current, 2);
    assert_eq!(s.pauses.len(), 1);
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

#[test]
fn after_ten_closed_minutes_the_app_asks_whether_they_count() {
    let Some(mut t) = Tmux::new() else { return };
    t.pin_clock(nine());
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Voor de crash");
    let before = t.wait_session(S5, |s| s.phases[0].notes == "Voor de crash");
    assert!((before.started.unwrap() - nine()).num_seconds() < 10);
    tmux::signal(t.pane_pid(), "KILL");

    // Ten minutes later the consultant opens it again.
    t.pin_clock(nine() + TimeDelta::minutes(10));
    t.respawn(&["resume"]);
    let screen = t.wait_for("De app was 10 minuten dicht", S10);
    assert!(screen.contains("Meetellen voor Contracteren?"), "{screen}");
    assert!(
        screen.contains("j of Enter: ja · n of Esc: nee"),
        "{screen}"
    );
    // No: the clock of Contracteren goes on from now, without the gap.
    t.send_key("n");
    t.wait_for("Niet meegeteld", S5);
    let s = t.wait_session(S5, |s| s.phases[0].visits.len() == 2);
    // The first visit ends at the last save before the kill; the second
    // starts when the app was opened again.
    let saved = before.saved.expect("saved");
    assert_eq!(s.phases[0].visits[0].end, Some(saved));
    let reopened = s.phases[0].visits[1].start - nine();
    assert!(
        (600..=610).contains(&reopened.num_seconds()),
        "{reopened:?}"
    );
    assert_eq!(s.phases[0].notes, "Voor de crash");
    // The phase clock holds the seconds before the kill, not the ten minutes.
    let screen = t.wait_for("Totaal 0:00:", S5);
    assert!(screen.contains("Voor de crash"), "{screen}");
    // Reopened: `q` leaves (it is not typed into the notes).
    t.send_key("q");
    t.wait_for("Verder met", S5);
    let s = tmux::load(&t.only_session_file());
    assert_eq!(s.phases[0].notes, "Voor de crash");
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
}

/// While nothing is typed the file is not saved; once a minute the lock
/// file's time says the clock still runs, and after a crash the time away
/// counts from there, not from the last save minutes before.
#[test]
fn after_a_quiet_spell_and_a_crash_the_time_away_counts_from_the_last_heartbeat() {
    let Some(mut t) = Tmux::new() else { return };
    t.pin_clock(nine());
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Voor de stilte");
    let before = t.wait_session(S5, |s| s.phases[0].notes == "Voor de stilte");
    let file = t.only_session_file();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let lock = file.with_file_name(format!(".~{name}.lock"));
    let dated = |at: DateTime<FixedOffset>| {
        std::fs::metadata(&lock)
            .and_then(|m| m.modified())
            .is_ok_and(|m| m == std::time::SystemTime::from(at))
    };
    // Three quiet minutes, the clock held there: the heartbeat dates the
    // lock file and writes nothing.
    let quiet = nine() + TimeDelta::minutes(3);
    t.hold_clock(quiet);
    let deadline = std::time::Instant::now() + S10;
    while !dated(quiet) {
        assert!(
            std::time::Instant::now() < deadline,
            "the lock file was not dated {quiet}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let after = tmux::load(&file);
    assert_eq!(after.saved, before.saved, "no save while nothing changed");
    tmux::signal(t.pane_pid(), "KILL");

    t.pin_clock(nine() + TimeDelta::minutes(10));
    t.respawn(&["resume"]);
    t.wait_for("De app was 7 minuten dicht", S10);
    t.send_key("n");
    t.wait_for("Niet meegeteld", S5);
    let s = t.wait_session(S5, |s| s.phases[0].visits.len() == 2);
    assert_eq!(
        s.phases[0].visits[0].end,
        Some(quiet),
        "counted up to the heartbeat"
    );
    assert_eq!(s.phases[0].notes, "Voor de stilte");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

#[test]
fn a_correction_brings_the_reminder_forward_with_the_end() {
    let Some(mut t) = Tmux::new() else { return };
    t.pin_clock(nine());
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_key("Escape");
    // The talk began five minutes before the timer was started.
    // One key per read (five in one read are text for the notes).
    for n in 1..=5 {
        t.send_text("+");
        t.wait_session(S5, |s| s.phases[0].corrections.len() == n);
    }
    t.wait_for("einde 10:25", S5);

    // 10:18:30: nothing yet (the reminder is 5 minutes before 10:25).
    t.pin_clock(nine() + TimeDelta::seconds(78 * 60 + 30));
    t.wait_for("rest 6 min", S5);
    assert!(!t.screen().contains('⏰'), "{}", t.screen());
    // 10:20: the reminder, at its moment on the header's clock.
    t.pin_clock(nine() + TimeDelta::minutes(80));
    let screen = t.wait_for("⏰", S5);
    assert!(screen.contains("rest 5 min"), "{screen}");
    assert!(
        screen.contains("Kom terug op de contractvragen"),
        "{screen}"
    );
    t.wait_session(S5, |s| s.reminders_shown == vec![0]);
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

/// A closed window (SIGHUP) is not the facilitator leaving: the talk goes
/// on at the table, so resuming asks as after a crash, counted from the
/// save on the way out.
#[test]
fn after_a_closed_window_the_app_asks_whether_the_time_away_counts() {
    let Some(mut t) = Tmux::new() else { return };
    t.pin_clock(nine());
    t.start_conversation(Some(SCHOOL), &[]);
    t.send_text("Voor het sluiten");
    t.wait_session(S5, |s| s.phases[0].notes == "Voor het sluiten");
    tmux::signal(t.pane_pid(), "HUP");
    t.wait_exit(S5);
    let left = tmux::load(&t.only_session_file());
    assert!(
        left.phases[0].visits[0].end.is_none(),
        "the clock still runs"
    );

    t.pin_clock(nine() + TimeDelta::minutes(10));
    t.respawn(&["resume"]);
    let screen = t.wait_for("De app was 10 minuten dicht", S10);
    assert!(screen.contains("Meetellen voor Contracteren?"), "{screen}");
    // Yes: the ten minutes count for Contracteren.
    t.send_key("j");
    let screen = t.wait_for("Totaal 0:10:", S5);
    assert!(screen.contains("Voor het sluiten"), "{screen}");
    t.send_key("Escape");
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
}
