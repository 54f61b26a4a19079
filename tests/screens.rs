//! Every screen rendered at 80x24 and 120x40 with a pinned clock, and flows
//! driven by key strings through the app model.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::session::{Session, Status};
use leidraad::tui::app::{Effect, Msg, Overlay};
use leidraad::tui::screens::ScreenId;
use ui_support::{app, at, in_conversation, keys, screen, select_guide, t0};

fn both_sizes(
    name: &str,
    app: &leidraad::tui::app::App,
    now: chrono::DateTime<chrono::FixedOffset>,
) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24, now));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40, now));
}

#[test]
fn home_screen() {
    let app = app(Lang::Nl);
    both_sizes("home", &app, t0());
}

#[test]
fn home_screen_in_english() {
    let app = app(Lang::En);
    insta::assert_snapshot!(screen(&app, 80, 24, t0()));
}

#[test]
fn preparation_screen() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><down><space>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert!(app.prepare().unwrap().prep.checklist[1]);
    both_sizes("prepare", &app, t0());
    // At 80x24 the purpose, whom to invite and what to bring do not all
    // fit: PgDn brings the rest into view, and stops at the end.
    let first = screen(&app, 80, 24, t0());
    assert!(first.contains("meer: PgDn") && !first.contains("Meenemen"));
    // Long checklist items wrap instead of being cut off.
    assert!(first.contains("papier, stiften/pennen en kleine plaknotities"));
    let mut seen_invite = false;
    for _ in 0..20 {
        keys(&mut app, "<pgdn>", t0());
        seen_invite |= screen(&app, 80, 24, t0()).contains("Uitnodigen");
    }
    let end = screen(&app, 80, 24, t0());
    assert!(seen_invite && end.contains("Meenemen"), "{end}");
    assert!(!end.contains("meer: PgDn"));
    keys(&mut app, "<pgup>", t0());
    assert_ne!(screen(&app, 80, 24, t0()), end, "PgUp scrolls back at once");
}

#[test]
fn header_form_enforces_required_fields_and_dates() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    // Enter on the empty, required school field: a message at the field.
    keys(&mut app, "<enter>", t0());
    let form = app.form().unwrap();
    assert_eq!(form.focused, 0);
    assert!(form.errors[0].is_some());
    // A bad date is refused with a message, a good one accepted.
    keys(&mut app, "De Regenboog<enter>", t0());
    for _ in 0..10 {
        keys(&mut app, "<bs>", t0());
    }
    keys(&mut app, "31-02-2026<enter>", t0());
    assert_eq!(app.form().unwrap().focused, 1);
    assert!(app.form().unwrap().errors[1].is_some());
    both_sizes("form_errors", &app, t0());
    for _ in 0..10 {
        keys(&mut app, "<bs>", t0());
    }
    keys(&mut app, "24-11-2026<enter>Anna, Bert<enter><enter>", t0());
    let conv = app.conv().expect("the conversation started");
    assert_eq!(conv.session.field("datum"), "2026-11-24");
    assert_eq!(conv.session.field("deelnemers"), "Anna\nBert");
    assert_eq!(conv.session.client, "De Regenboog");
}

#[test]
fn a_long_text_field_takes_several_lines() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "ambitiegesprek");
    // The school, then Shift-Tab wraps round to the last field: Opmerkingen.
    keys(
        &mut app,
        "<enter><enter>Het Kompas<backtab>Eerste regel<alt+enter>tweede regel",
        t0(),
    );
    let form = app.form().unwrap();
    assert_eq!(
        form.prep.guide.fields[form.focused].kind,
        leidraad::guide::FieldKind::Longtext
    );
    assert_eq!(app.mode(), leidraad::tui::keymap::Mode::FormText);
    app.update(Msg::Paste(" en verder\r\nderde regel".into()), t0());
    both_sizes("form_longtext", &app, t0());
    // Alt-Enter is a line break only in a long-text field.
    keys(&mut app, "<tab>", t0());
    assert_eq!(app.mode(), leidraad::tui::keymap::Mode::Form);
    keys(&mut app, "<alt+enter><backtab><enter>", t0());
    let s = app.session().expect("Enter on the last field starts");
    assert_eq!(
        s.field("opmerkingen"),
        "Eerste regel\ntweede regel en verder\nderde regel"
    );
    assert_eq!(s.client, "Het Kompas");
}

#[test]
fn starting_the_conversation_creates_the_session() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    let effects = keys(
        &mut app,
        "<enter><enter>School<enter><enter><enter><enter>",
        t0(),
    );
    assert!(matches!(effects.last(), Some(Effect::Create(_))));
    assert_eq!(app.screen_id(), ScreenId::Conversation);
}

#[test]
fn conversation_screen_at_the_start() {
    let app = in_conversation(Lang::Nl);
    both_sizes("conversation_start", &app, at(2));
}

#[test]
fn conversation_screen_over_budget_with_proposed_budgets() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "Notities over de rolverdeling.<esc>", at(1));
    // Contracteren has 5 minutes; at 12 minutes it is over budget.
    let now = at(12);
    let view = leidraad::timer::snapshot(app.session().unwrap(), now);
    assert_eq!(view.phases[0].state, leidraad::timer::PhaseState::Over);
    both_sizes("conversation_over_budget", &app, now);
}

#[test]
fn conversation_screen_without_colour_still_marks_overrun() {
    let app = in_conversation(Lang::Nl);
    let text = screen(&app, 120, 40, at(7));
    assert!(text.contains("OVER +2:00"), "{text}");
}

#[test]
fn typing_goes_into_the_notes_of_the_phase_on_screen() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "één café<enter>ĳs 🧑‍🏫<esc>n", at(1));
    // After `n` the keys navigate; `i` (or Enter) starts typing.
    assert_eq!(app.mode(), leidraad::tui::keymap::Mode::ConvNotes);
    keys(&mut app, "itweede<esc>p", at(2));
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "één café\nĳs 🧑‍🏫");
    assert_eq!(s.phases[1].notes, "tweede");
    assert_eq!(s.current, 0);
}

#[test]
fn questions_are_marked_asked_with_space() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc><tab><down><space>", at(1));
    assert_eq!(app.session().unwrap().phases[0].asked, vec![1]);
    keys(&mut app, "<space>", at(1));
    assert!(app.session().unwrap().phases[0].asked.is_empty());
}

#[test]
fn agreements_are_added_edited_and_removed() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>6<esc>a", at(1));
    both_sizes("item_form", &app, at(1));
    keys(
        &mut app,
        "Ouders uitnodigen<tab>Anna<tab>vrijdag<enter>",
        at(1),
    );
    let items = app.session().unwrap().items(5, "afspraken").to_vec();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].values[..3],
        ["Ouders uitnodigen", "Anna", "vrijdag"]
    );
    // Edit: Enter on the selected item.
    keys(&mut app, "<enter><tab><bs><bs><bs><bs>Bert<enter>", at(2));
    assert_eq!(
        app.session().unwrap().items(5, "afspraken")[0].values[1],
        "Bert"
    );
    // Remove asks first; n keeps it, y removes it.
    keys(&mut app, "dn", at(2));
    assert_eq!(app.session().unwrap().items(5, "afspraken").len(), 1);
    keys(&mut app, "d", at(2));
    both_sizes("confirm_remove", &app, at(2));
    let item = &app.session().unwrap().items(5, "afspraken")[0].values[0];
    assert!(
        screen(&app, 80, 24, at(2)).contains(item.as_str()),
        "the question names the item"
    );
    keys(&mut app, "y", at(2));
    assert!(app.session().unwrap().items(5, "afspraken").is_empty());
}

#[test]
fn pause_stops_the_clock_and_says_so() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>t", at(3));
    assert!(app.session().unwrap().is_paused());
    let text = screen(&app, 80, 24, at(10));
    assert!(text.contains("PAUZE"), "{text}");
    let view = leidraad::timer::snapshot(app.session().unwrap(), at(10));
    assert_eq!(view.total_elapsed, 180);
    both_sizes("conversation_paused", &app, at(10));
    keys(&mut app, "t", at(10));
    let view = leidraad::timer::snapshot(app.session().unwrap(), at(11));
    assert_eq!(view.total_elapsed, 240);
}

#[test]
fn plus_and_minus_correct_the_phase_clock() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>+++-", at(1));
    let view = leidraad::timer::snapshot(app.session().unwrap(), at(1));
    assert_eq!(view.phases[0].elapsed, 60 + 120);
    assert_eq!(app.session().unwrap().phases[0].corrections.len(), 4);
}

#[test]
fn the_reminder_appears_once_five_minutes_before_the_end() {
    let mut app = in_conversation(Lang::Nl);
    assert!(
        app.update(Msg::Tick, at(84))
            .iter()
            .all(|e| !matches!(e, Effect::Bell))
    );
    let effects = app.update(Msg::Tick, at(85));
    assert!(effects.iter().any(|e| matches!(e, Effect::Bell)));
    let text = screen(&app, 120, 40, at(85));
    assert!(text.contains("contractvragen"), "{text}");
    both_sizes("reminder_banner", &app, at(85));
    let again = app.update(Msg::Tick, at(86));
    assert!(again.iter().all(|e| !matches!(e, Effect::Bell)));
    assert_eq!(app.session().unwrap().reminders_shown, vec![0]);
}

#[test]
fn afronden_shows_the_contracteren_notes() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "We hebben anderhalf uur.<esc>7", at(5));
    let text = screen(&app, 120, 40, at(6));
    assert!(text.contains("We hebben anderhalf uur."), "{text}");
    assert!(text.contains("Notities uit Contracteren"), "{text}");
}

#[test]
fn finishing_shows_the_summary_and_then_goes_home() {
    let mut app = in_conversation(Lang::Nl);
    keys(
        &mut app,
        "<esc>6<esc>aOuders uitnodigen<tab>Anna<enter>",
        at(20),
    );
    keys(&mut app, "f", at(30));
    assert!(matches!(app.shell.overlay, Some(Overlay::Confirm(_))));
    both_sizes("confirm_finish", &app, at(30));
    let effects = keys(&mut app, "y", at(30));
    assert!(matches!(effects.last(), Some(Effect::Save(s)) if s.status == Status::Finished));
    assert_eq!(app.screen_id(), ScreenId::Summary);
    both_sizes("summary", &app, at(30));
    // It scrolls (by wrapped rows) to the last question not asked, and no
    // further.
    let last_question = app
        .session()
        .unwrap()
        .guide
        .phases
        .iter()
        .flat_map(|p| p.all_questions())
        .map(|(_, q)| q.to_string())
        .next_back()
        .unwrap();
    let tail: String = last_question
        .chars()
        .skip(last_question.chars().count().saturating_sub(20))
        .collect();
    let mut end = screen(&app, 80, 24, at(30));
    for _ in 0..100 {
        keys(&mut app, "<pgdn>", at(30));
        end = screen(&app, 80, 24, at(30));
    }
    assert!(end.contains(tail.trim()), "{tail} not at the end:\n{end}");
    keys(&mut app, "<up>", at(30));
    assert_ne!(screen(&app, 80, 24, at(30)), end, "↑ scrolls back at once");
    let effects = keys(&mut app, "<enter>", at(31));
    assert!(effects.iter().any(|e| matches!(e, Effect::Close)));
    assert_eq!(app.screen_id(), ScreenId::Home);
}

#[test]
fn q_saves_and_leaves_the_session_resumable() {
    let mut app = in_conversation(Lang::Nl);
    let effects = keys(&mut app, "notitie<esc>q", at(3));
    let saved = effects
        .iter()
        .find_map(|e| match e {
            Effect::Save(s) => Some(s),
            _ => None,
        })
        .expect("q saves");
    assert_eq!(saved.status, Status::InProgress);
    assert_eq!(saved.phases[0].notes, "notitie");
    assert!(saved.phases[0].visits.iter().all(|v| v.end.is_some()));
    assert_eq!(app.screen_id(), ScreenId::Home);
}

#[test]
fn ctrl_c_saves_and_quits_even_while_typing() {
    let mut app = in_conversation(Lang::Nl);
    let effects = keys(&mut app, "half getypt<ctrl+c>", at(3));
    assert!(matches!(effects.first(), Some(Effect::Save(s)) if s.phases[0].notes == "half getypt"));
    assert!(matches!(effects.last(), Some(Effect::Quit)));
}

#[test]
fn typing_is_saved_within_a_second() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "abc", at(1));
    assert!(app.shell.dirty);
    let effects = app.update(Msg::Tick, at(1) + chrono::TimeDelta::seconds(1));
    assert!(matches!(effects.last(), Some(Effect::Save(s)) if s.phases[0].notes == "abc"));
    assert!(!app.shell.dirty);
}

#[test]
fn ratings_are_chosen_with_the_arrow_keys() {
    let mut app = ui_support::in_ambitiegesprek();
    let (phase, rating) = app
        .session()
        .unwrap()
        .guide
        .phases
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.ratings.first().map(|r| (i, r.clone())))
        .expect("the ambitiegesprek has a rating");
    keys(&mut app, &format!("<esc>{}<esc>", phase + 1), at(1));
    // Tab to the rating: notes → private → questions → lists → rating.
    for _ in 0..8 {
        if matches!(
            app.conv().unwrap().focus,
            leidraad::tui::screens::conversation::Focus::Rating(_)
        ) {
            break;
        }
        keys(&mut app, "<tab>", at(1));
    }
    keys(&mut app, "<right><right><down><left>", at(1));
    let s = app.session().unwrap();
    let chosen = &s.phases[phase].ratings[&rating.id];
    assert_eq!(chosen[0], rating.scale[1]);
    assert_eq!(chosen[1], rating.scale[rating.scale.len() - 1]);
    both_sizes("rating", &app, at(1));
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>?", at(1));
    let text = screen(&app, 120, 40, at(1));
    for word in [
        "volgende fase",
        "punt toevoegen",
        "pauze",
        "afronden",
        "samenvatting",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    both_sizes("help", &app, at(1));
    // At 80x24 it does not fit: scrolling shows every key and the note on
    // saving at the end; it stops there.
    let mut seen = screen(&app, 80, 24, at(1));
    assert!(seen.contains("meer: ↓"));
    for _ in 0..40 {
        keys(&mut app, "<down>", at(1));
        seen.push_str(&screen(&app, 80, 24, at(1)));
    }
    let end = screen(&app, 80, 24, at(1));
    assert!(!end.contains("meer: ↓"), "{end}");
    for word in [
        "Ctrl-O",
        "punt bewaren",
        "Alles wordt automatisch bewaard",
        "notities typen",
    ] {
        assert!(seen.contains(word), "{word} never shown at 80x24");
    }
    keys(&mut app, "<up>", at(1));
    assert_ne!(screen(&app, 80, 24, at(1)), end, "↑ scrolls back at once");
    keys(&mut app, "<esc>", at(1));
    assert!(!matches!(app.shell.overlay, Some(Overlay::Help(_))));
}

#[test]
fn a_tiny_window_asks_to_be_made_larger_and_loses_nothing() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "bewaard", at(1));
    for (w, h) in [(1, 1), (20, 5), (59, 24), (80, 15)] {
        let text = screen(&app, w, h, at(1));
        if w >= 20 {
            assert!(text.contains("Maak"), "{w}x{h}: {text}");
        }
    }
    insta::assert_snapshot!("too_small_40x10", screen(&app, 40, 10, at(1)));
    let text = screen(&app, 60, 16, at(1));
    assert!(text.contains("bewaard"), "{text}");
    assert_eq!(app.session().unwrap().phases[0].notes, "bewaard");
    // While the window is too small, typing in the notes goes on (nothing
    // typed is lost), but commands do nothing unseen: no `f` `y` finishing,
    // no `n`; Ctrl-S still saves.
    app.update(Msg::Resize(50, 12), at(1));
    app.update(Msg::Typed(" klein".into()), at(1));
    keys(&mut app, "<esc>nfy", at(1));
    app.update(Msg::Typed("abc".into()), at(1));
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "bewaard klein");
    assert_eq!((s.current, s.status), (0, Status::InProgress));
    assert!(app.shell.overlay.is_none());
    let effects = keys(&mut app, "<ctrl+s>", at(1));
    assert!(matches!(effects.last(), Some(Effect::Save(_))));
    // Large again: the keys work as before.
    app.update(Msg::Resize(80, 24), at(1));
    keys(&mut app, "n", at(1));
    assert_eq!(app.session().unwrap().current, 1);
}

#[test]
fn paste_arrives_whole_in_the_notes() {
    let mut app = in_conversation(Lang::Nl);
    let text = "regel één\r\nregel twee 🧑‍🏫\nregel drie";
    app.update(Msg::Paste(text.to_string()), at(1));
    assert_eq!(
        app.session().unwrap().phases[0].notes,
        "regel één\nregel twee 🧑‍🏫\nregel drie"
    );
}

#[test]
fn optional_phases_can_be_skipped() {
    let mut app = ui_support::in_ambitiegesprek();
    let optional = app
        .session()
        .unwrap()
        .guide
        .phases
        .iter()
        .position(|p| p.optional)
        .expect("part A is optional");
    keys(&mut app, &format!("<esc>{}<esc>x", optional + 1), at(1));
    let s = app.session().unwrap();
    assert!(s.phases[optional].skipped);
    assert_eq!(s.current, optional + 1, "skipping moves on");
    // A phase that is not optional cannot be skipped.
    keys(&mut app, "<esc>x", at(1));
    assert!(!app.session().unwrap().phases[optional + 1].skipped);
}

#[test]
fn a_trajectory_opens_on_the_home_screen_and_its_steps_start_conversations() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "plg");
    let idx = app
        .home
        .guides
        .iter()
        .position(|g| g.guide.id() == "plg")
        .unwrap();
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.home.expanded, Some(idx));
    both_sizes("home_trajectory_open", &app, t0());
    // Under "Plannen voor een cliënt…", the second step is the first
    // training half-day.
    keys(&mut app, "<down><down><down><enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert_eq!(app.prepare().unwrap().prep.guide.id, "plg-dagdeel-1");
}

#[test]
fn ctrl_o_saves_a_copy_elsewhere() {
    let mut app = in_conversation(Lang::Nl);
    app.shell.settings.elsewhere = std::path::PathBuf::from("/media/usb");
    keys(&mut app, "notities<ctrl+o>", at(1));
    assert!(matches!(app.shell.overlay, Some(Overlay::Prompt(..))));
    both_sizes("save_elsewhere", &app, at(1));
    let effects = keys(&mut app, "/backup<enter>", at(1));
    match effects.as_slice() {
        [Effect::SaveElsewhere(dir, session)] => {
            assert_eq!(dir, &std::path::PathBuf::from("/media/usb/backup"));
            assert_eq!(session.phases[0].notes, "notities");
        }
        other => panic!("expected one SaveElsewhere, got {other:?}"),
    }
    assert!(app.shell.overlay.is_none());
    app.update(
        Msg::SavedElsewhere("/media/usb/backup/x.toml".into()),
        at(1),
    );
    assert!(screen(&app, 120, 40, at(1)).contains("/media/usb/backup/x.toml"));
}

#[test]
fn a_failing_save_is_shown_and_typing_goes_on() {
    let mut app = in_conversation(Lang::Nl);
    app.update(Msg::SaveFailed("schijf vol".into()), at(1));
    keys(&mut app, "verder typen", at(1));
    let text = screen(&app, 120, 40, at(1));
    assert!(text.contains("schijf vol"), "{text}");
    assert_eq!(app.session().unwrap().phases[0].notes, "verder typen");
    app.update(Msg::Saved, at(2));
    assert!(screen(&app, 120, 40, at(2)).contains("Weer opgeslagen"));
}

#[test]
fn open_items_from_an_earlier_session_show_in_their_phase_and_can_be_ticked() {
    use leidraad::session::{CarriedItem, Item};
    let mut app = in_conversation(Lang::Nl);
    let carried = vec![CarriedItem {
        from_session: "2026-10-01-0900-basisschool-de-regenboog-voortgangsgesprek".into(),
        list: "afspraken".into(),
        label: "Afspraken".into(),
        columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
        item: Item {
            values: vec![
                "Leerlingenraad betrekken".into(),
                "Bert".into(),
                "december".into(),
            ],
            done: false,
        },
        done: false,
        dropped: false,
        from_title: "Voortgangsgesprek".into(),
        from_date: None,
    }];
    app.update(
        Msg::Opened {
            file_name: "x.toml".into(),
        },
        t0(),
    );
    let created = app.session().unwrap().created;
    let effects = app.update(
        Msg::Carried {
            created,
            items: carried,
        },
        t0(),
    );
    assert!(
        matches!(effects.as_slice(), [Effect::Save(s)] if s.carried.len() == 1),
        "the carried items are saved at once: {effects:?}"
    );
    // Shown in Concretiseren, where the agreements list lives.
    keys(&mut app, "<esc>6<esc>", at(1));
    let text = screen(&app, 120, 40, at(1));
    assert!(
        text.contains("Open punten uit eerdere gesprekken"),
        "{text}"
    );
    assert!(text.contains("Leerlingenraad betrekken"), "{text}");
    // Tab to the carried items (notes, private, questions, agreements, carried).
    for _ in 0..6 {
        if app.conv().unwrap().focus == leidraad::tui::screens::conversation::Focus::Carried {
            break;
        }
        keys(&mut app, "<tab>", at(1));
    }
    keys(&mut app, "<space>", at(1));
    assert!(app.session().unwrap().carried[0].done);
    both_sizes("carried_items", &app, at(1));
}

#[test]
fn a_burst_of_typed_characters_is_the_same_as_typing_them_one_by_one() {
    let mut by_keys = in_conversation(Lang::Nl);
    keys(&mut by_keys, "één café ĳs 🧑‍🏫", at(1));
    let mut burst = in_conversation(Lang::Nl);
    burst.update(Msg::Typed("één café ĳs 🧑‍🏫".into()), at(1));
    assert_eq!(
        burst.session().unwrap().phases[0].notes,
        by_keys.session().unwrap().phases[0].notes
    );
    assert!(burst.shell.dirty);
    // Not typing: characters that come one per read are commands ("n"
    // twice: a phase change leaves the keys navigating). Two in one read
    // would be text for the notes (tests/screens_typed.rs).
    keys(&mut burst, "<esc>", at(1));
    for _ in 0..2 {
        burst.update(Msg::Typed("n".into()), at(1));
    }
    assert_eq!(burst.session().unwrap().current, 2, "n twice");
    assert_eq!(burst.session().unwrap().phases[1].notes, "");
}

#[test]
fn a_session_open_elsewhere_is_shown_read_only() {
    let mut held = in_conversation(Lang::Nl);
    keys(&mut held, "Wat we afspraken in het eerste venster", at(1));
    held.update(Msg::Tick, at(3));
    let session = held.session().unwrap().clone();

    let mut app = app(Lang::Nl);
    let path = std::path::PathBuf::from("/data/2026-11-23_0900_voortgangsgesprek.toml");
    app.update(
        Msg::Viewing {
            session: Box::new(session),
            path: path.clone(),
            file_name: "2026-11-23_0900_voortgangsgesprek.toml".into(),
            locked: true,
        },
        at(3),
    );
    assert_eq!(app.screen_id(), ScreenId::View);
    assert!(app.session().is_none(), "nothing is open for writing");
    both_sizes("view_read_only", &app, at(3));
    // Typing changes nothing and saves nothing.
    let effects = keys(&mut app, "xyz<enter><space>", at(3));
    assert!(effects.is_empty(), "{effects:?}");
    // It scrolls, but not past the end.
    screen(&app, 80, 24, at(3));
    for _ in 0..200 {
        keys(&mut app, "<down>", at(3));
    }
    let end = app.view().unwrap().scroll.offset();
    assert!(end > 0 && end < 200, "scrolled to {end}");
    keys(&mut app, "<up>", at(3));
    assert_eq!(app.view().unwrap().scroll.offset(), end - 1);
    // r tries to open it again.
    let effects = keys(&mut app, "r", at(3));
    assert!(matches!(&effects[..], [Effect::Resume(p)] if *p == path));
    // Esc goes home.
    let effects = keys(&mut app, "<esc>", at(3));
    assert_eq!(app.screen_id(), ScreenId::Home);
    assert!(matches!(&effects[..], [Effect::RefreshSessions]));
}

#[test]
fn a_guide_without_header_fields_still_creates_its_session_file() {
    let mut app = ui_support::app_with_guide(
        Lang::Nl,
        &std::fs::read_to_string("tests/fixtures/guides/valid/short-conversation.toml").unwrap(),
    );
    // As `leidraad start kort --client "De Linde"` opens it.
    let guide = app.home.guides[0].guide.as_conversation().unwrap().clone();
    leidraad::tui::screens::prepare::open(&mut app, &guide, Some("De Linde".into()), Vec::new());
    let effects = keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Conversation);
    let Some(Effect::Create(session)) = effects.last() else {
        panic!("no session file is created: {effects:?}");
    };
    assert_eq!(
        session.client, "De Linde",
        "--client is kept without a client field"
    );
}

const PICKS: &str = r#"
format = 1
id = "keuzes"
title = "Keuzes"

[[fields]]
id = "school"
label = "School"
client = true
required = true

[[fields]]
id = "eerder"
label = "Eerder begeleid"
kind = "yesno"
required = true

[[fields]]
id = "vorm"
label = "Vorm"
kind = "choice"
choices = ["online", "op school", "elders"]

[[fields]]
id = "datum"
label = "Datum"
kind = "date"
default = "today"

[[phases]]
id = "gesprek"
title = "Gesprek"
minutes = 15
"#;

#[test]
fn yes_no_and_choice_fields_are_picked_with_arrows_and_space() {
    let mut app = ui_support::app_with_guide(Lang::En, PICKS);
    keys(&mut app, "<enter><enter>Het Kompas<enter>", t0());
    // An unanswered required yes/no is refused at the field.
    keys(&mut app, "<enter>", t0());
    let form = app.form().unwrap();
    assert_eq!(form.focused, 1);
    assert!(form.errors[1].is_some());
    // → picks the first, → again the second, ← back to the first.
    keys(&mut app, "<right><right><left><enter>", t0());
    // Space steps through the choices: online, op school.
    keys(&mut app, "<space><space>", t0());
    both_sizes("form_picks", &app, t0());
    keys(&mut app, "<enter><enter>", t0());
    let s = app.session().expect("the conversation started");
    // Yes/no is stored in the guide's language, whatever the UI language.
    assert_eq!(s.field("eerder"), "ja");
    assert_eq!(s.field("vorm"), "op school");
    assert_eq!(s.field("datum"), "2026-11-23");
}

#[test]
fn the_form_is_kept_when_going_back_to_the_preparation() {
    let mut app = ui_support::app_with_guide(Lang::Nl, PICKS);
    keys(&mut app, "<enter><enter>Het Kompas<tab><right>", t0());
    // Esc to the preparation and Enter again: nothing typed is gone.
    keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    let form = app.form().unwrap();
    assert_eq!(form.focused, 1);
    keys(&mut app, "<enter><enter><enter>", t0());
    let s = app.session().expect("the conversation started");
    assert_eq!(s.client, "Het Kompas");
    assert_eq!(s.field("eerder"), "ja");
    // Esc twice goes home and forgets it: a new start is empty.
    let mut app = ui_support::app_with_guide(Lang::Nl, PICKS);
    keys(&mut app, "<enter><enter>Het Kompas<esc><esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Home);
    keys(&mut app, "<enter><enter>", t0());
    assert_eq!(app.form().unwrap().focused, 0);
    keys(&mut app, "<enter>", t0());
    assert!(
        app.form().unwrap().errors[0].is_some(),
        "the school is empty again"
    );
}

#[test]
fn tab_past_a_bad_date_says_so_at_once() {
    let mut app = ui_support::app_with_guide(Lang::Nl, PICKS);
    keys(&mut app, "<enter><enter><backtab>", t0());
    let form = app.form().unwrap();
    assert_eq!(form.focused, 3, "Shift-Tab wraps to the date");
    keys(&mut app, &"<bs>".repeat(10), t0());
    keys(&mut app, "31-02-2026<tab>", t0());
    let form = app.form().unwrap();
    assert_eq!(form.focused, 0, "Tab moves on");
    assert!(form.errors[3].is_some(), "the bad date is flagged");
    // An empty required field is not nagged about on Tab.
    keys(&mut app, "<tab>", t0());
    assert!(app.form().unwrap().errors[0].is_none());
}

/// A phase change, a pause, `+`/`-`, Ctrl-S and finishing hand the snapshot to the
/// saver in the same turn (no waiting for the next second), with what was
/// typed just before.
#[test]
fn phase_changes_pauses_and_corrections_are_saved_at_once() {
    let mut app = in_conversation(Lang::Nl);
    let saved_now = |app: &mut leidraad::tui::app::App, keys_: &str, check: &dyn Fn(&Session)| {
        let effects = keys(app, keys_, at(1));
        let Some(Effect::Save(s)) = effects.last() else {
            panic!("{keys_:?} saves at once: {effects:?}");
        };
        check(s);
        assert!(!app.shell.dirty, "{keys_:?}: nothing left for the tick");
    };
    keys(&mut app, "eerste", at(1));
    saved_now(&mut app, "<esc>n", &|s| {
        assert_eq!(s.current, 1);
        assert_eq!(s.phases[0].notes, "eerste");
    });
    saved_now(&mut app, "<esc>p", &|s| assert_eq!(s.current, 0));
    saved_now(&mut app, "<esc>3", &|s| assert_eq!(s.current, 2));
    saved_now(&mut app, "<esc>t", &|s| assert!(s.is_paused()));
    saved_now(&mut app, "t", &|s| assert!(!s.is_paused()));
    saved_now(&mut app, "+", &|s| {
        assert_eq!(s.phases[2].corrections.len(), 1)
    });
    saved_now(&mut app, "-", &|s| {
        assert_eq!(s.phases[2].corrections.len(), 2)
    });
    keys(&mut app, "<esc>1i", at(1));
    saved_now(&mut app, "nog iets<ctrl+s>", &|s| {
        assert!(s.phases[0].notes.ends_with("nog iets"))
    });
    saved_now(&mut app, "<esc>fy", &|s| {
        assert_eq!(s.status, Status::Finished)
    });
}

/// A failed save shows on the status line at once, in the user's language,
/// and stays until a save succeeds.
#[test]
fn a_failed_save_is_shown_at_once_until_saving_works_again() {
    let mut app = in_conversation(Lang::Nl);
    app.update(
        Msg::SaveFailed("de gegevensmap is alleen-lezen".into()),
        at(1),
    );
    assert!(app.shell.save_failing);
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("alleen-lezen"), "{text}");
    app.update(Msg::Tick, at(2));
    assert!(screen(&app, 80, 24, at(2)).contains("alleen-lezen"));
    app.update(Msg::Saved, at(3));
    assert!(!app.shell.save_failing);
    let text = screen(&app, 80, 24, at(3));
    assert!(!text.contains("alleen-lezen"), "{text}");
}

/// When another program changed the session file, the app says it saved
/// to a new name and goes on in that file.
#[test]
fn a_conflict_copy_is_named_on_the_status_line() {
    let mut app = in_conversation(Lang::Nl);
    let name = "2026-11-23_0900_voortgangsgesprek_de-regenboog-conflict.toml";
    app.update(Msg::SavedAs(name.into()), at(1));
    assert_eq!(app.file_name(), Some(name));
    // The new name comes first, so that it shows in a narrow window too.
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("conflict.toml"), "{text}");
}

/// A status message longer than the window wraps (up to three rows) instead
/// of being cut off: the end of a long path and its hint stay readable.
#[test]
fn a_long_status_message_wraps() {
    let mut app = app(Lang::Nl);
    let dir = "/home/consultant/.local/share/leidraad-met-een-lange-naam";
    app.say(
        (app.texts().store.folder_readable)(dir, 0o755),
        leidraad::tui::app::Severity::Warning,
    );
    let text = screen(&app, 80, 24, t0());
    let flat = text
        .lines()
        .map(|l| l.trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&format!("chmod 700 {dir}")), "{text}");
    assert!(
        text.contains("Gesprekken"),
        "the home screen is still there"
    );
}

/// Key names are in the UI language too: the space bar is "Spatie" in
/// Dutch and "Space" in English.
#[test]
fn the_space_bar_is_named_in_the_ui_language() {
    for (lang, name, other) in [(Lang::Nl, "Spatie", "Space"), (Lang::En, "Space", "Spatie")] {
        let mut app = app(lang);
        select_guide(&mut app, "voortgangsgesprek");
        keys(&mut app, "<enter>", t0());
        let text = screen(&app, 120, 40, t0());
        let footer = text.lines().last().unwrap();
        assert!(footer.contains(name), "{footer}");
        assert!(!footer.contains(other), "{footer}");
    }
}
