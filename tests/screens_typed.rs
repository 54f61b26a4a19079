//! Text typed while navigating the conversation goes into the notes: a
//! burst of characters in one read (a paste without bracketed paste, as
//! the runtime hands it over: one `Msg::Typed`) and a single character
//! that is no key there. A key typed on its own still does what it says;
//! an overlay or the item form takes what is typed as before.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::session::{CarriedItem, Item};
use leidraad::tui::app::{App, Confirm, Effect, Msg, Overlay};
use leidraad::tui::keymap::Mode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ui_support::{at, in_conversation, keys, screen};

/// What the runtime makes of characters that arrive in one read.
fn typed(app: &mut App, text: &str, minute: i64) -> Vec<Effect> {
    app.update(Msg::Typed(text.to_string()), at(minute))
}

/// The status line's text, if any.
fn status(app: &App) -> Option<&str> {
    app.shell.status.as_ref().map(|(text, _)| text.as_str())
}

/// In the conversation, navigating (after `Esc`), with "Contract. " typed.
fn navigating(lang: Lang) -> App {
    let mut app = in_conversation(lang);
    typed(&mut app, "Contract. ", 1);
    keys(&mut app, "<esc>", at(1));
    assert_eq!(app.mode(), Mode::ConvNotes);
    app
}

#[test]
fn a_burst_while_navigating_goes_into_the_notes_whole() {
    let mut app = navigating(Lang::Nl);
    typed(&mut app, "Half getypt, de tafel", 2);
    assert_eq!(app.mode(), Mode::Editing, "typing now");
    let s = app.session().unwrap();
    assert_eq!(s.current, 0, "no phase key acted");
    assert_eq!(s.phases[0].notes, "Contract. Half getypt, de tafel");
    assert_eq!(
        s.phases[0].private_notes, "",
        "`o` did not open the private note"
    );
    assert!(!s.is_paused(), "`t` did not pause the clock");
    assert!(app.shell.overlay.is_none(), "`f` did not ask to finish");
    assert!(app.shell.dirty, "saved at the next tick");
    // The rest of what is typed goes on in the notes.
    typed(&mut app, " zat vol", 2);
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "Contract. Half getypt, de tafel zat vol");
}

#[test]
fn the_status_line_says_where_the_text_went_in_both_languages() {
    for (lang, said) in [
        (Lang::Nl, "In de notities gezet — Esc om te navigeren"),
        (Lang::En, "Put in the notes — Esc to navigate"),
    ] {
        let mut app = navigating(lang);
        typed(&mut app, "pppp", 2);
        assert_eq!(status(&app), Some(said), "{lang:?}");
        let shown = screen(&app, 80, 24, at(2));
        assert!(shown.contains(said), "{lang:?}:\n{shown}");
        assert_eq!(app.session().unwrap().phases[0].notes, "Contract. pppp");
        // Esc navigates again, and the hint is gone.
        keys(&mut app, "<esc>", at(2));
        assert_eq!(app.mode(), Mode::ConvNotes);
        assert_eq!(status(&app), None, "{lang:?}");
    }
}

#[test]
fn the_text_goes_in_at_the_cursor() {
    let mut app = navigating(Lang::Nl);
    // Back to typing, two places left, and out again.
    keys(&mut app, "i<left><left><esc>", at(1));
    typed(&mut app, "xy", 2);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contractxy. ");
}

#[test]
fn a_single_character_that_is_no_key_starts_typing() {
    let mut app = navigating(Lang::Nl);
    // A sentence with a capital, a human's keys one per read.
    for c in "Half getypt".chars() {
        typed(&mut app, &c.to_string(), 2);
    }
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "Contract. Half getypt");
    assert!(!s.is_paused());
    assert_eq!(app.mode(), Mode::Editing);
    assert_eq!(
        status(&app),
        Some("In de notities gezet — Esc om te navigeren")
    );
    // Other letters and punctuation without a key do the same.
    for c in ['d', 'Z', ',', 'é'] {
        let mut app = navigating(Lang::Nl);
        typed(&mut app, &c.to_string(), 2);
        assert_eq!(app.mode(), Mode::Editing, "{c}");
        assert_eq!(
            app.session().unwrap().phases[0].notes,
            format!("Contract. {c}")
        );
    }
}

#[test]
fn a_space_alone_does_not_start_typing() {
    let mut app = navigating(Lang::Nl);
    typed(&mut app, " ", 2);
    assert_eq!(app.mode(), Mode::ConvNotes);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. ");
    assert_eq!(status(&app), None);
}

#[test]
fn a_key_typed_on_its_own_still_acts() {
    let mut app = navigating(Lang::Nl);
    typed(&mut app, "t", 2);
    assert!(app.session().unwrap().is_paused(), "t pauses");
    typed(&mut app, "t", 3);
    assert!(!app.session().unwrap().is_paused(), "t goes on");
    typed(&mut app, "n", 3);
    assert_eq!(app.session().unwrap().current, 1, "n");
    typed(&mut app, "4", 3);
    assert_eq!(app.session().unwrap().current, 3, "a digit");
    // p p p, one per read: three phases back, nothing typed.
    for _ in 0..3 {
        typed(&mut app, "p", 4);
    }
    let s = app.session().unwrap();
    assert_eq!(s.current, 0, "p");
    assert_eq!(s.phases[0].notes, "Contract. ");
    assert!(s.phases.iter().skip(1).all(|p| p.notes.is_empty()));
    assert_eq!(app.mode(), Mode::ConvNotes);
    assert_eq!(status(&app), None);
    // `E` is a key (the end time), `?` too (the help).
    typed(&mut app, "?", 4);
    assert!(matches!(app.shell.overlay, Some(Overlay::Help(_))));
    keys(&mut app, "<esc>", at(4));
    typed(&mut app, "f", 4);
    assert!(matches!(
        app.shell.overlay,
        Some(Overlay::Confirm(Confirm::Finish))
    ));
}

#[test]
fn in_a_list_its_own_letters_act_and_a_burst_is_text() {
    let mut app = navigating(Lang::Nl);
    // Concretiseren has the list of agreements: add one.
    keys(&mut app, "6a", at(2));
    assert_eq!(app.mode(), Mode::ItemForm);
    // The item form's field takes a burst, as before.
    typed(&mut app, "Ouders uitnodigen", 2);
    assert_eq!(app.mode(), Mode::ItemForm);
    keys(&mut app, "<enter>", at(2));
    assert_eq!(app.mode(), Mode::ConvList, "the list has the focus");
    let items = |app: &App| format!("{:?}", app.session().unwrap().phases[5].lists);
    assert!(items(&app).contains("Ouders uitnodigen"), "{}", items(&app));
    assert_eq!(app.session().unwrap().phases[5].notes, "");
    // `d` alone asks to remove the item.
    typed(&mut app, "d", 3);
    assert!(matches!(
        app.shell.overlay,
        Some(Overlay::Confirm(Confirm::RemoveItem))
    ));
    keys(&mut app, "<esc>", at(3));
    // A burst goes into the phase's notes, not into the list.
    typed(&mut app, "de tafel", 3);
    assert_eq!(app.mode(), Mode::Editing);
    assert_eq!(app.session().unwrap().phases[5].notes, "de tafel");
    assert!(items(&app).contains("Ouders uitnodigen"), "{}", items(&app));
}

#[test]
fn an_open_overlay_takes_a_burst_key_by_key_as_before() {
    let mut app = navigating(Lang::Nl);
    typed(&mut app, "?", 2);
    assert!(matches!(app.shell.overlay, Some(Overlay::Help(_))));
    // `q` closes the help; what follows is typed while navigating.
    typed(&mut app, "qde tafel", 2);
    assert!(app.shell.overlay.is_none());
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. de tafel");
}

#[test]
fn outside_the_conversation_letters_stay_keys() {
    let mut app = ui_support::app(Lang::Nl);
    // On the home screen `jk` moves down and up again, as before.
    let start = app.home.selected;
    typed(&mut app, "jjk", 0);
    assert_eq!(app.home.selected, start + 1);
}

#[test]
fn the_help_says_that_text_typed_while_navigating_goes_into_the_notes() {
    for (lang, said) in [
        (Lang::Nl, "Tekst die je typt terwijl je navigeert"),
        (Lang::En, "Text typed while navigating goes into the notes"),
    ] {
        let mut app = navigating(lang);
        typed(&mut app, "?", 2);
        let mut seen = screen(&app, 120, 40, at(2));
        for _ in 0..40 {
            keys(&mut app, "<down>", at(2));
            seen.push_str(&screen(&app, 120, 40, at(2)));
        }
        assert!(seen.contains(said), "{lang:?}: {seen}");
    }
}

#[test]
fn esc_and_a_letter_that_is_no_key_in_one_read_type_the_letter() {
    let mut app = in_conversation(Lang::Nl);
    typed(&mut app, "Contract. ", 1);
    // Over ssh `Esc H` can arrive as one Alt+H: Esc stops typing, and the
    // `H` (no key) starts typing again instead of being dropped.
    let alt_h = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::ALT);
    app.update(Msg::Key(alt_h), at(1));
    typed(&mut app, "alf", 1);
    assert_eq!(app.mode(), Mode::Editing);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. Half");
}

#[test]
fn a_burst_in_the_list_of_open_items_closes_it_and_goes_into_the_notes() {
    let mut app = in_conversation(Lang::Nl);
    let created = app.session().unwrap().created;
    let item = CarriedItem {
        from_session: "2026-11-12-0900-obs-de-vlinder-x".into(),
        list: "afspraken".into(),
        label: "Afspraken".into(),
        columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
        item: Item {
            values: vec!["Ouders uitnodigen".into(), "Anna".into(), String::new()],
            done: false,
        },
        done: false,
        dropped: false,
        from_title: "Ambitiegesprek".into(),
        from_date: Some(at(-60 * 24 * 11)),
    };
    let items = vec![item];
    app.update(Msg::Carried { created, items }, at(1));
    keys(&mut app, "<esc>u", at(1));
    assert_eq!(app.mode(), Mode::ConvCarried);
    // `x` alone still drops the item (and takes it back).
    typed(&mut app, "x", 2);
    assert!(app.session().unwrap().carried[0].dropped);
    typed(&mut app, "x", 2);
    typed(&mut app, "de tafel x", 2);
    assert_eq!(app.mode(), Mode::Editing);
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "de tafel x");
    assert!(
        !s.carried[0].dropped && !s.carried[0].done,
        "{:?}",
        s.carried
    );
    assert!(!app.conv().unwrap().carried_open, "the list closed");
}

#[test]
fn a_letter_that_closes_the_help_goes_into_the_notes_with_what_follows() {
    let mut app = navigating(Lang::Nl);
    typed(&mut app, "?", 2);
    assert!(matches!(app.shell.overlay, Some(Overlay::Help(_))));
    // Typed by hand, a key a read: "Het team" was lost while the help was open.
    for c in "Het team".chars() {
        typed(&mut app, &c.to_string(), 2);
    }
    assert!(app.shell.overlay.is_none(), "the help made way");
    assert_eq!(app.mode(), Mode::Editing);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. Het team");
    // Its own keys still scroll and close it.
    keys(&mut app, "<esc>", at(2));
    typed(&mut app, "?", 2);
    typed(&mut app, "j", 2);
    assert!(
        matches!(app.shell.overlay, Some(Overlay::Help(_))),
        "j scrolls"
    );
    typed(&mut app, "q", 2);
    assert!(app.shell.overlay.is_none());
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. Het team");
}

#[test]
fn a_letter_that_closes_a_question_goes_into_the_notes_and_the_rest_follows() {
    // Nothing typed is lost: the `f` that asked goes in with the rest.
    for (lang, word, kept) in [
        (Lang::Nl, "fijn dat", "fijn dat"),
        (Lang::En, "fGood point", "fGood point"),
    ] {
        let mut app = navigating(lang);
        let mut chars = word.chars();
        // The `f` asks to finish, as a key typed on its own does.
        typed(&mut app, &chars.next().unwrap().to_string(), 2);
        assert!(matches!(
            app.shell.overlay,
            Some(Overlay::Confirm(Confirm::Finish))
        ));
        for c in chars {
            typed(&mut app, &c.to_string(), 2);
        }
        let s = app.session().unwrap();
        assert!(app.shell.overlay.is_none(), "{lang:?}: the question closed");
        assert!(s.finished.is_none(), "{lang:?}: not finished");
        assert_eq!(s.phases[0].notes, format!("Contract. {kept}"), "{lang:?}");
        assert_eq!(s.phases[0].private_notes, "", "{lang:?}: no private note");
        assert!(!s.is_paused(), "{lang:?}");
    }
    // Its answers still answer it.
    let mut app = navigating(Lang::Nl);
    typed(&mut app, "f", 2);
    typed(&mut app, "n", 2);
    assert!(app.shell.overlay.is_none());
    assert_eq!(
        app.mode(),
        Mode::ConvNotes,
        "no: back to navigating, nothing typed"
    );
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. ");
    // A key between (an arrow) says the `f` was meant as a key: only the
    // letter after it is typed.
    typed(&mut app, "f", 3);
    keys(&mut app, "<down>", at(3));
    typed(&mut app, "x", 3);
    assert!(app.shell.overlay.is_none());
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. x");
}

#[test]
fn outside_the_conversation_a_letter_closes_the_help_and_types_nothing() {
    let mut app = ui_support::app(Lang::Nl);
    typed(&mut app, "?", 0);
    assert!(matches!(app.shell.overlay, Some(Overlay::Help(_))));
    let start = app.home.selected;
    typed(&mut app, "H", 0);
    assert!(app.shell.overlay.is_none());
    assert_eq!(app.home.selected, start);
}
