//! One clock, one end time, on the conversation screen: the end time
//! agreed at the table (`E`), what a pause says, a correction and the
//! reminder on the same clock, and the question after the app was down.

mod ui_support;

use chrono::TimeDelta;
use leidraad::i18n::Lang;
use leidraad::timer;
use leidraad::tui::app::Severity;
use leidraad::tui::app::{Confirm, Effect, Msg, Overlay};
use ui_support::{at, in_conversation, keys, screen, t0};

/// Backspace `n` times.
fn rub(n: usize) -> String {
    "<bs>".repeat(n)
}

#[test]
fn e_agrees_the_end_time_and_the_phases_to_come_fit_it() {
    let mut app = in_conversation(Lang::Nl);
    // Planned: 90 minutes from 09:00. "We hebben tot 10:00."
    keys(&mut app, "<esc>E", at(2));
    assert!(matches!(app.shell.overlay, Some(Overlay::Prompt(..))));
    let prompt = screen(&app, 80, 24, at(2));
    assert!(prompt.contains("Hoeveel tijd hebben we?"), "{prompt}");
    insta::assert_snapshot!("end_time_prompt_80x24", prompt);
    let effects = keys(&mut app, "10:00<enter>", at(2));
    assert!(app.shell.overlay.is_none());
    assert!(matches!(effects.last(), Some(Effect::Save(s)) if s.agreed_end == Some(at(60))));
    let view = timer::snapshot(app.session().unwrap(), at(2));
    assert_eq!(view.planned_end, at(60));
    assert_eq!(view.duration, 60 * 60);
    // 58 minutes left, 3 of them for Contracteren: 55 for the six to come.
    let proposed: i64 = view.phases.iter().filter_map(|p| p.proposed).sum();
    assert_eq!(proposed, 55 * 60);
    let text = screen(&app, 80, 24, at(2));
    assert!(
        text.contains("Totaal 0:02:00 / 1:00:00 · eindtijd 10:00"),
        "{text}"
    );
    assert!(
        text.contains("Eindtijd 10:00"),
        "the status line says so:\n{text}"
    );
    insta::assert_snapshot!("end_time_agreed_80x24", text);

    // Minutes left work too; an empty line is the planned end again.
    keys(&mut app, &format!("E{}45<enter>", rub(5)), at(10));
    assert_eq!(app.session().unwrap().agreed_end, Some(at(55)));
    keys(&mut app, &format!("E{}<enter>", rub(5)), at(10));
    assert_eq!(app.session().unwrap().agreed_end, None);
    assert_eq!(
        timer::snapshot(app.session().unwrap(), at(10)).planned_end,
        at(90)
    );
}

#[test]
fn an_end_time_that_is_not_a_time_or_has_passed_is_asked_again() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>Ehalf vier<enter>", at(2));
    assert!(
        matches!(app.shell.overlay, Some(Overlay::Prompt(..))),
        "the prompt stays, with what was typed"
    );
    let (said, severity) = app.shell.status.clone().unwrap();
    assert!(said.contains("“half vier” is geen tijd"), "{said}");
    assert_eq!(severity, Severity::Warning);
    assert!(screen(&app, 80, 24, at(2)).contains("half vier"));
    keys(&mut app, &format!("{}08:30<enter>", rub(9)), at(2));
    assert!(
        app.shell
            .status
            .clone()
            .unwrap()
            .0
            .contains("08:30 is al voorbij")
    );
    assert_eq!(app.session().unwrap().agreed_end, None);
    // Esc leaves it as it was.
    keys(&mut app, "<esc>", at(2));
    assert!(app.shell.overlay.is_none());
    assert_eq!(app.session().unwrap().agreed_end, None);
}

#[test]
fn a_pause_keeps_the_end_and_says_so() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>t", at(10));
    let text = screen(&app, 80, 24, at(14));
    assert!(text.contains("PAUZE · eindtijd blijft 10:30"), "{text}");
    assert!(
        text.contains("t verder"),
        "the footer says t goes on:\n{text}"
    );
    keys(&mut app, "t", at(14));
    let view = timer::snapshot(app.session().unwrap(), at(14));
    assert_eq!(view.planned_end, at(90), "the pause did not move the end");
    assert_eq!(view.remaining_for_rest, 76 * 60);
    assert!(screen(&app, 80, 24, at(14)).contains("t pauze"));
}

#[test]
fn a_correction_moves_the_end_and_the_reminder_with_it() {
    let mut app = in_conversation(Lang::Nl);
    // The talk began five minutes before the timer was started.
    keys(&mut app, "<esc>+++++", at(0));
    let view = timer::snapshot(app.session().unwrap(), at(1));
    assert_eq!(view.planned_end, at(85));
    assert_eq!(
        view.total_elapsed + view.paused_secs + view.remaining_for_rest,
        view.duration
    );
    // "5 minutes before the end": at 10:20 now, not at 10:25.
    let bells = |effects: Vec<Effect>| effects.iter().filter(|e| matches!(e, Effect::Bell)).count();
    assert_eq!(bells(app.update(Msg::Tick, at(79))), 0);
    assert_eq!(bells(app.update(Msg::Tick, at(80))), 1);
    let text = screen(&app, 80, 24, at(80));
    assert!(text.contains("rest 5 min"), "{text}");
    assert_eq!(bells(app.update(Msg::Tick, at(85))), 0, "once");
}

/// A session as the file holds it after the app was killed at 09:12 with
/// the clock running on phase 1, the last save at 09:12.
fn killed_at_twelve() -> leidraad::session::Session {
    let app = in_conversation(Lang::Nl);
    let mut s = app.session().unwrap().clone();
    s.mark_saved(at(12));
    s
}

#[test]
fn after_the_app_was_down_it_asks_whether_that_time_counts() {
    let mut app = ui_support::app(Lang::Nl);
    app.update(
        Msg::Resumed {
            session: Box::new(killed_at_twelve()),
            file_name: "s.toml".into(),
        },
        at(24),
    );
    assert!(matches!(
        app.shell.overlay,
        Some(Overlay::Confirm(Confirm::CountGap))
    ));
    let text = screen(&app, 80, 24, at(24));
    assert!(
        text.contains("De app was 12 minuten dicht. Meetellen voor")
            && text.contains("Contracteren?"),
        "{text}"
    );
    assert!(text.contains("j of Enter: ja · n of Esc: nee"), "{text}");
    insta::assert_snapshot!("gap_question_80x24", text);
    // Letters it does not offer wait, the English `y` of "getypt" too.
    keys(&mut app, "Half getypt", at(24));
    assert!(
        matches!(app.shell.overlay, Some(Overlay::Confirm(Confirm::CountGap))),
        "the question waits for j or n"
    );
    // No: the twelve minutes are taken out of Contracteren's clock.
    let effects = keys(&mut app, "n", at(24));
    assert!(matches!(effects.last(), Some(Effect::Save(_))));
    let s = app.session().unwrap();
    assert_eq!(timer::phase_elapsed(s, 0, at(25)), 13 * 60);
    assert!(
        app.shell
            .status
            .clone()
            .unwrap()
            .0
            .contains("Niet meegeteld")
    );
}

#[test]
fn yes_counts_the_time_the_app_was_down() {
    let mut app = ui_support::app(Lang::Nl);
    app.update(
        Msg::Resumed {
            session: Box::new(killed_at_twelve()),
            file_name: "s.toml".into(),
        },
        at(24),
    );
    keys(&mut app, "j", at(24));
    assert!(app.shell.overlay.is_none());
    assert_eq!(
        timer::phase_elapsed(app.session().unwrap(), 0, at(25)),
        25 * 60
    );
}

#[test]
fn a_gap_under_a_minute_counts_without_a_question() {
    let mut app = ui_support::app(Lang::Nl);
    app.update(
        Msg::Resumed {
            session: Box::new(killed_at_twelve()),
            file_name: "s.toml".into(),
        },
        at(12) + TimeDelta::seconds(40),
    );
    assert!(app.shell.overlay.is_none());
    assert_eq!(
        timer::phase_elapsed(app.session().unwrap(), 0, at(13)),
        13 * 60
    );
    let _ = t0();
}

/// Whether the session handed to the saver still has its clock running.
fn saved_running(effects: &[Effect], now: chrono::DateTime<chrono::FixedOffset>) -> Option<bool> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Save(s) => Some(s.closed_gap(now + TimeDelta::minutes(1)).is_some()),
        _ => None,
    })
}

#[test]
fn a_closed_window_saves_with_the_clock_running_and_ctrl_c_stops_it() {
    // SIGHUP, SIGTERM: the talk at the table goes on, so the next resume
    // asks whether the time away counts.
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "Notities", at(3));
    let effects = app.hang_up(at(4));
    assert_eq!(saved_running(&effects, at(4)), Some(true), "{effects:?}");
    assert!(matches!(effects.last(), Some(Effect::Quit)));
    // Ctrl-C is the facilitator's own choice: the clock stops.
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "Notities", at(3));
    let effects = keys(&mut app, "<ctrl+c>", at(4));
    assert_eq!(saved_running(&effects, at(4)), Some(false), "{effects:?}");
}

/// How many of `effects` are saves, and how many say the clock still runs.
fn saves_and_beats(effects: &[Effect]) -> (usize, usize) {
    let saves = effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(_)))
        .count();
    let beats = effects
        .iter()
        .filter(|e| matches!(e, Effect::StillRunning(_)))
        .count();
    (saves, beats)
}

#[test]
fn while_the_clock_runs_without_typing_it_says_so_once_a_minute_and_saves_nothing() {
    let mut app = in_conversation(Lang::Nl);
    let tick = |app: &mut leidraad::tui::app::App, seconds: i64| {
        saves_and_beats(&app.update(Msg::Tick, t0() + TimeDelta::seconds(seconds)))
    };
    // Whatever the first tick hands over, nothing then for 59 seconds
    // (nothing is typed), then the clock is said to run, without a save.
    tick(&mut app, 1);
    for s in 2..61 {
        assert_eq!(tick(&mut app, s), (0, 0), "second {s}");
    }
    assert_eq!(tick(&mut app, 61), (0, 1));
    for s in 62..121 {
        assert_eq!(tick(&mut app, s), (0, 0), "second {s}");
    }
    assert_eq!(tick(&mut app, 121), (0, 1));
    // Something typed is saved at the next tick, and the minute starts
    // again from that save.
    keys(&mut app, "Nog iets", t0() + TimeDelta::seconds(130));
    assert_eq!(tick(&mut app, 131), (1, 0));
    for s in 132..191 {
        assert_eq!(tick(&mut app, s), (0, 0), "second {s}");
    }
    assert_eq!(tick(&mut app, 191), (0, 1));
    // Paused: the clock stands, so nothing at all.
    keys(&mut app, "<esc>t", t0() + TimeDelta::seconds(192));
    tick(&mut app, 193);
    for s in 194..400 {
        assert_eq!(tick(&mut app, s), (0, 0), "paused, second {s}");
    }
}

#[test]
fn typing_in_the_end_time_prompt_replaces_the_time_it_offers() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>E", at(2));
    let effects = keys(&mut app, "10:15<enter>", at(2));
    assert!(app.shell.overlay.is_none(), "taken: {:?}", app.shell.status);
    assert!(matches!(effects.last(), Some(Effect::Save(s)) if s.agreed_end == Some(at(75))));
    // An arrow keeps the offered value to edit: End, Backspace, "0".
    keys(&mut app, "E<right><bs>0<enter>", at(3));
    assert_eq!(app.session().unwrap().agreed_end, Some(at(70)));
}

/// An end agreed far earlier than the current phase's budget: the current
/// phase is proposed less too (it kept its whole budget while every other
/// phase got one minute).
#[test]
fn an_end_agreed_far_earlier_proposes_less_for_the_current_phase_too() {
    let mut app = in_conversation(Lang::Nl);
    // Contracteren has 5 minutes; two are gone, 8 minutes left in all:
    // not enough for its 3 and a minute for each of the six after it.
    keys(&mut app, "<esc>E8<enter>", at(2));
    let view = timer::snapshot(app.session().unwrap(), at(2));
    let own = view.phases[0].proposed.expect("a proposal") - 2 * 60;
    assert!((60..3 * 60).contains(&own), "{own}");
    let text = screen(&app, 80, 24, at(2));
    let shown = format!("2:00/5 →{}", 2 + own / 60);
    assert!(text.contains(&shown), "{shown}:\n{text}");
    // The phase's clock runs against the proposal; "bij dit tempo" is
    // where the proposals end: the agreed end when they fit.
    assert!(
        text.contains(&format!("2:00 / {}:00", 2 + own / 60)),
        "{text}"
    );
    assert!(
        text.contains("eindtijd 09:10 · bij dit tempo 09:10"),
        "{text}"
    );
    // Five minutes left for seven phases: the six after it get a minute
    // each, nothing is left for this one: it is over, and says so.
    keys(&mut app, "E5<enter>", at(2));
    let view = timer::snapshot(app.session().unwrap(), at(3));
    assert_eq!(view.phases[0].proposed, Some(0), "no time left for it");
    let text = screen(&app, 80, 24, at(3));
    assert!(text.contains("OVER"), "{text}");
    assert!(
        text.contains("eindtijd 09:07 · bij dit tempo 09:09"),
        "six minutes of proposals after 09:03:\n{text}"
    );
}

#[test]
fn the_total_keeps_its_form_and_the_summary_its_agreed_end() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>E", at(2));
    keys(&mut app, "09:40<enter>", at(2));
    // Agreed within the hour: still h:mm:ss (it was "3:00 / 40:00", after
    // "0:02:00 / 1:30:00" a minute before).
    let text = screen(&app, 120, 40, at(3));
    assert!(text.contains("Totaal 0:03:00 / 0:40:00"), "{text}");
    // The summary adds up to the same end (it said "/ 1:30:00").
    keys(&mut app, "s", at(3));
    let summary = screen(&app, 120, 40, at(3));
    assert!(summary.contains("Totaal 0:03:00 / 0:40:00"), "{summary}");
}

/// Past the end, the total says by how much, where it said "0 min" left:
/// in minutes as the clocks on screen read (10:35 with the end at 10:30 is
/// 5), the phase's clock and its mark whole even at 80 columns.
#[test]
fn past_the_end_the_total_says_by_how_much() {
    for (lang, width, before, after) in [
        (Lang::Nl, 120, "over voor de rest 1 min", "5 min over tijd"),
        (Lang::Nl, 80, "rest 1 min", "+5 min"),
        (
            Lang::En,
            120,
            "left for the rest 1 min",
            "5 min past the end",
        ),
    ] {
        let mut app = in_conversation(lang);
        keys(&mut app, "<esc>", at(1));
        let near = screen(&app, width, 30, at(89));
        assert!(near.contains(before), "{near}");
        let past = screen(&app, width, 30, at(95) + TimeDelta::seconds(30));
        assert!(past.contains(after), "{past}");
        assert!(past.contains("10:35"), "the wall clock: {past}");
        assert!(past.contains("+1:30:30"), "the phase's mark whole: {past}");
    }
    let app = in_conversation(Lang::Nl);
    let just = screen(&app, 120, 30, at(90) + TimeDelta::seconds(1));
    assert!(just.contains("0 min over tijd"), "{just}");
    // A long phase title is cut, not the clock and its mark.
    let mut app = ui_support::in_ambitiegesprek();
    keys(&mut app, "<esc>5", at(1));
    let text = screen(&app, 80, 24, at(300));
    let line = text.lines().nth(2).unwrap_or_default();
    assert!(line.contains("OVER +4:"), "{text}");
    assert!(line.contains('…'), "{line}");
}

/// While "De app was … dicht" waits for its answer nothing says the clock
/// ran on (no heartbeat, no save): a second crash then asks about all the
/// time since the app first stopped.
#[test]
fn while_the_time_away_is_in_question_nothing_moves_where_it_began() {
    let mut app = ui_support::app(Lang::Nl);
    let resumed = app.update(
        Msg::Resumed {
            session: Box::new(killed_at_twelve()),
            file_name: "s.toml".into(),
        },
        at(24),
    );
    let moves = |effects: &[Effect]| {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Save(_) | Effect::StillRunning(_)))
            .count()
    };
    assert_eq!(moves(&resumed), 0, "{resumed:?}");
    for s in 1..600 {
        let effects = app.update(Msg::Tick, at(24) + TimeDelta::seconds(s));
        assert_eq!(moves(&effects), 0, "second {s}: {effects:?}");
    }
    // Answered: the heartbeat comes back.
    keys(&mut app, "j", at(34));
    let beats: usize = (1..=61)
        .map(|s| moves(&app.update(Msg::Tick, at(34) + TimeDelta::seconds(s))))
        .sum();
    assert!(beats >= 1, "the clock is said to run again");
}

/// The summary (`s`) of a running conversation keeps its clock said to
/// run, once a minute, as the conversation screen does.
#[test]
fn over_the_summary_the_running_clock_is_said_to_run_once_a_minute() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>s", at(1));
    assert_eq!(app.screen_id(), leidraad::tui::screens::ScreenId::Summary);
    // Whatever the first tick hands over, then once a minute.
    app.update(Msg::Tick, at(1) + TimeDelta::seconds(1));
    let beats: usize = (2..=130)
        .map(|s| {
            app.update(Msg::Tick, at(1) + TimeDelta::seconds(s))
                .iter()
                .filter(|e| matches!(e, Effect::StillRunning(_)))
                .count()
        })
        .sum();
    assert_eq!(beats, 2);
}
