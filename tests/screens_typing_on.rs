//! A word typed by hand while navigating the conversation, letter by
//! letter, whose first letter is a key: the letters after it come typed on
//! (`Msg::TypedOn`, within the typing gap, as the event loop times them),
//! so the key is taken back and the word goes into the notes. Letters that
//! come later (`Msg::Typed`) stay keys, as do `n n`, `q`, and the keys that
//! open a field to type in (`i`, `o`, `a`, `e`, `E`).

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::tui::app::{App, Msg, Overlay};
use leidraad::tui::keymap::Mode;
use leidraad::tui::screens::ScreenId;
use ui_support::{at, in_conversation, keys};

/// The conversation navigating, with "Contract. " typed in phase 1.
fn navigating() -> App {
    let mut app = in_conversation(Lang::Nl);
    app.update(Msg::Typed("Contract. ".into()), at(1));
    keys(&mut app, "<esc>", at(1));
    assert_eq!(app.mode(), Mode::ConvNotes);
    app
}

/// `word` typed by hand: its first letter alone, each next one typed on.
fn by_hand(app: &mut App, word: &str, minute: i64) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        app.update(Msg::Typed(first.to_string()), at(minute));
    }
    for c in chars {
        app.update(Msg::TypedOn(c.to_string()), at(minute));
    }
}

#[test]
fn a_word_whose_first_letter_is_a_key_goes_into_the_notes_whole() {
    for word in [
        "toch", "nog", "pas", "stap", "fijn", "x-as", "12 jaar", "dus", "?!", "+1",
    ] {
        let mut app = navigating();
        by_hand(&mut app, word, 2);
        let s = app.session().unwrap();
        assert_eq!(app.screen_id(), ScreenId::Conversation, "{word}");
        assert!(
            app.shell.overlay.is_none(),
            "{word}: no question, no prompt"
        );
        assert_eq!(s.phases[0].notes, format!("Contract. {word}"), "{word}");
        assert_eq!(s.current, 0, "{word}: no phase moved");
        assert!(!s.is_paused(), "{word}: the clock runs");
        assert_eq!(s.phases[0].private_notes, "", "{word}");
        assert!(s.agreed_end.is_none(), "{word}");
        assert!(!s.phases.iter().any(|p| p.skipped), "{word}");
        assert_eq!(app.mode(), Mode::Editing, "{word}: typing now");
    }
}

#[test]
fn in_a_list_a_word_starting_with_its_keys_is_text_and_the_items_stay() {
    let mut app = navigating();
    keys(&mut app, "6a", at(2));
    app.update(Msg::Typed("Ouders uitnodigen".into()), at(2));
    keys(&mut app, "<enter>", at(2));
    assert_eq!(app.mode(), Mode::ConvList);
    by_hand(&mut app, "de tafel", 3);
    let s = app.session().unwrap();
    assert_eq!(s.phases[5].notes, "de tafel");
    let items = format!("{:?}", s.phases[5].lists);
    assert!(items.contains("Ouders uitnodigen"), "{items}");
    assert!(app.shell.overlay.is_none());
}

#[test]
fn keys_pressed_one_after_another_stay_keys() {
    // Typed, not typed on: a look at the screen between.
    let mut app = navigating();
    app.update(Msg::Typed("t".into()), at(2));
    app.update(Msg::Typed("o".into()), at(2));
    let s = app.session().unwrap();
    assert!(s.is_paused(), "t paused");
    assert_eq!(app.mode(), Mode::Editing, "o opened the private note");
    assert_eq!(s.phases[0].notes, "Contract. ");

    // A navigation key twice in a row, however quick.
    let mut app = navigating();
    by_hand(&mut app, "nn", 2);
    assert_eq!(app.session().unwrap().current, 2);
    by_hand(&mut app, "pp", 2);
    assert_eq!(app.session().unwrap().current, 0);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. ");

    // q leaves, whatever follows.
    let mut app = navigating();
    by_hand(&mut app, "qa", 2);
    assert_ne!(app.screen_id(), ScreenId::Conversation);

    // i starts typing on purpose: what follows is typed, the i is not.
    let mut app = navigating();
    by_hand(&mut app, "iHet team", 2);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. Het team");

    // A key that opens a field: what follows at once goes there.
    let mut app = navigating();
    keys(&mut app, "6", at(2));
    by_hand(&mut app, "aOuders", 2);
    assert_eq!(app.mode(), Mode::ItemForm, "a new item");
    assert_eq!(app.session().unwrap().phases[5].notes, "");
    let mut app = navigating();
    by_hand(&mut app, "E45", 2);
    assert!(
        matches!(app.shell.overlay, Some(Overlay::Prompt(..))),
        "the end time"
    );
    let mut app = navigating();
    by_hand(&mut app, "oGezien", 2);
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. ");

    // Another key between: the letter was a key.
    let mut app = navigating();
    app.update(Msg::Typed("t".into()), at(2));
    keys(&mut app, "<down>", at(2));
    app.update(Msg::TypedOn("o".into()), at(2));
    assert!(app.session().unwrap().is_paused());

    // An answer between (it may have changed the talk, which going back
    // would lose): the letter was a key too; a tick is no answer.
    let mut app = navigating();
    app.update(Msg::Typed("t".into()), at(2));
    app.update(Msg::Saved, at(2));
    app.update(Msg::TypedOn("o".into()), at(2));
    assert!(app.session().unwrap().is_paused());
    let mut app = navigating();
    app.update(Msg::Typed("t".into()), at(2));
    app.update(Msg::Tick, at(2));
    app.update(Msg::TypedOn("o".into()), at(2));
    assert!(
        !app.session().unwrap().is_paused(),
        "taken back over a tick"
    );
}

#[test]
fn taken_back_the_key_leaves_nothing_behind_but_a_save() {
    // The question an f asked: the n right after it was typing, not no.
    let mut app = navigating();
    app.update(Msg::Typed("f".into()), at(2));
    assert!(matches!(app.shell.overlay, Some(Overlay::Confirm(_))));
    app.update(Msg::TypedOn("n".into()), at(2));
    assert!(app.shell.overlay.is_none(), "fn was typing, not no");
    assert_eq!(app.session().unwrap().phases[0].notes, "Contract. fn");
    // The pause a t made and took back is not in the session.
    let mut app = navigating();
    by_hand(&mut app, "te", 3);
    assert!(app.session().unwrap().pauses.is_empty());
    // The next tick saves the session as it is now.
    let effects = app.update(Msg::Tick, at(3));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, leidraad::tui::app::Effect::Save(s) if s.pauses.is_empty())),
        "{effects:?}"
    );
}

#[test]
fn a_reminder_a_tick_showed_meanwhile_stays_shown() {
    let mut app = navigating();
    // The voortgangsgesprek's reminder is 5 minutes before its 90.
    app.update(Msg::Typed("n".into()), at(85));
    app.update(Msg::Tick, at(85) + chrono::TimeDelta::seconds(1));
    assert_eq!(app.session().unwrap().reminders_shown, vec![0]);
    app.update(
        Msg::TypedOn("o".into()),
        at(85) + chrono::TimeDelta::seconds(1),
    );
    let s = app.session().unwrap();
    assert_eq!(s.current, 0, "n taken back");
    assert_eq!(
        s.reminders_shown,
        vec![0],
        "the reminder is not shown again"
    );
    assert!(app.conv().unwrap().banner.is_some(), "its banner stays");
}
