//! Keys that do what they say on the conversation screen and around it:
//! navigation stays navigation, the private note only with `o`, the footer
//! names the keys that matter at the table, Esc on the home screen asks,
//! `Ctrl-S` says it saved, and `Esc` with a key in one read is both.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::tui::app::{Confirm, Effect, Msg, Overlay};
use leidraad::tui::keymap::Mode;
use leidraad::tui::screens::ScreenId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ui_support::{app, at, in_conversation, keys, screen, select_guide, t0};

/// The footer: the screen's last two rows.
fn footer(app: &leidraad::tui::app::App, width: u16) -> String {
    let text = screen(app, width, 24, at(1));
    let rows: Vec<&str> = text.lines().collect();
    rows[rows.len() - 2..].join("\n")
}

#[test]
fn after_a_phase_key_the_keys_keep_navigating() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>4", at(1));
    assert_eq!(app.mode(), Mode::ConvNotes);
    // p p p: three phases back, nothing typed.
    keys(&mut app, "ppp", at(2));
    let s = app.session().unwrap();
    assert_eq!(s.current, 0);
    assert!(
        s.phases.iter().all(|p| p.notes.is_empty()),
        "{:?}",
        s.phases
    );
    // Enter (or i) starts typing.
    keys(&mut app, "<enter>hier", at(2));
    assert_eq!(app.mode(), Mode::Editing);
    assert_eq!(app.session().unwrap().phases[0].notes, "hier");
}

#[test]
fn the_conversation_opens_typing_and_a_resumed_one_navigating() {
    let app = in_conversation(Lang::Nl);
    assert_eq!(app.mode(), Mode::Editing, "typing from the first second");
    let mut s = app.session().unwrap().clone();
    s.leave(at(3));
    let mut again = app_resumed(s, at(4));
    assert_eq!(again.mode(), Mode::ConvNotes);
    // `q` right after resuming leaves; it is not typed in.
    let effects = keys(&mut again, "q", at(4));
    assert_eq!(again.screen_id(), ScreenId::Home);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Save(s) if s.phases[0].notes.is_empty()))
    );
}

fn app_resumed(
    session: leidraad::session::Session,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> leidraad::tui::app::App {
    let mut app = app(Lang::Nl);
    app.update(
        Msg::Resumed {
            session: Box::new(session),
            file_name: "s.toml".into(),
        },
        now,
    );
    app
}

#[test]
fn the_private_note_is_reached_with_o_only() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "voor de school<esc><tab>", at(1));
    let conv = app.conv().unwrap();
    assert_eq!(
        conv.focus,
        leidraad::tui::screens::conversation::Focus::Questions
    );
    let text = screen(&app, 120, 40, at(1));
    assert!(
        text.contains("voor de school"),
        "the notes stay on screen:\n{text}"
    );
    assert!(!text.contains("Eigen notitie"), "{text}");
    // `o` opens the private note to type in; `o` again goes back.
    keys(&mut app, "<esc>oalleen voor mij<esc>", at(1));
    let s = app.session().unwrap();
    assert_eq!(s.phases[0].notes, "voor de school");
    assert_eq!(s.phases[0].private_notes, "alleen voor mij");
    keys(&mut app, "o", at(1));
    assert_eq!(
        app.conv().unwrap().focus,
        leidraad::tui::screens::conversation::Focus::Notes
    );
    assert!(screen(&app, 120, 40, at(1)).contains("voor de school"));
}

#[test]
fn the_footer_names_the_keys_of_the_table() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>", at(1));
    let f = footer(&app, 80);
    for key in [
        "n volgende fase",
        "t pauze",
        "+/- klok",
        "E eindtijd",
        "q later verder",
        "? hulp",
    ] {
        assert!(f.contains(key), "{key:?} in\n{f}");
    }
    assert!(
        !f.contains("x fase overslaan"),
        "the voortgangsgesprek has no optional phase:\n{f}"
    );
    keys(&mut app, "t", at(1));
    assert!(footer(&app, 80).contains("t verder"));
    // In an optional phase of the ambitiegesprek, `x` skips it.
    let mut amb = ui_support::in_ambitiegesprek();
    let optional = amb
        .session()
        .unwrap()
        .guide
        .phases
        .iter()
        .position(|p| p.optional)
        .expect("an optional phase");
    keys(&mut amb, &format!("<esc>{}", optional + 1), at(1));
    assert!(
        footer(&amb, 120).contains("x fase overslaan"),
        "{}",
        footer(&amb, 120)
    );
}

#[test]
fn esc_on_the_home_screen_asks_before_the_app_closes() {
    let mut app = app(Lang::Nl);
    let effects = keys(&mut app, "<esc>", t0());
    assert!(effects.is_empty());
    assert!(matches!(
        app.shell.overlay,
        Some(Overlay::Confirm(Confirm::QuitApp))
    ));
    let text = screen(&app, 80, 24, t0());
    assert!(
        text.contains("leidraad afsluiten?") && text.contains("j of Enter: ja · n of Esc: nee"),
        "{text}"
    );
    assert!(
        text.contains("j ja"),
        "the footer shows the Dutch key:\n{text}"
    );
    assert!(keys(&mut app, "n", t0()).is_empty());
    assert!(app.shell.overlay.is_none());
    keys(&mut app, "<esc>", t0());
    assert!(matches!(&keys(&mut app, "j", t0())[..], [Effect::Quit]));
    // `q` leaves at once, as the footer says.
    let mut other = ui_support::app(Lang::Nl);
    assert!(matches!(&keys(&mut other, "q", t0())[..], [Effect::Quit]));
}

#[test]
fn ctrl_s_says_saved_once_it_is_on_disk() {
    let mut app = in_conversation(Lang::Nl);
    let effects = keys(&mut app, "iets<ctrl+s>", at(1));
    assert!(matches!(effects.last(), Some(Effect::Save(_))));
    app.update(Msg::Saved, at(1));
    let (said, _) = app.shell.status.clone().expect("a message");
    assert_eq!(said, "Bewaard.");
    assert!(screen(&app, 80, 24, at(1)).contains("Bewaard."));
    // An ordinary save later says nothing more.
    app.shell.status = None;
    app.update(Msg::Saved, at(2));
    assert!(app.shell.status.is_none());
}

#[test]
fn esc_and_a_key_in_one_read_are_both_acted_on() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "notitie", at(1));
    // Over ssh `Esc n` can arrive as one Alt+n.
    let alt_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::ALT);
    app.update(Msg::Key(alt_n), at(1));
    let s = app.session().unwrap();
    assert_eq!(s.current, 1, "Esc stopped typing, n moved on");
    assert_eq!(s.phases[0].notes, "notitie");
    assert_eq!(s.phases[1].notes, "");
    // Alt-Enter (a line break in a long-text field) is not split: in a
    // one-line field of the header form it does nothing, as before.
    let mut form = ui_support::app(Lang::Nl);
    select_guide(&mut form, "voortgangsgesprek");
    keys(&mut form, "<enter><space><enter>School", t0());
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    form.update(Msg::Key(alt_enter), t0());
    assert_eq!(
        form.screen_id(),
        ScreenId::Form,
        "Esc would have left the form"
    );
}

#[test]
fn a_one_line_field_that_is_left_shows_its_beginning() {
    let mut app = in_conversation(Lang::Nl);
    let long = "Eerste schoolbrede cultuurweek met presentatie voor ouders in maart en een tentoonstelling";
    keys(&mut app, &format!("<esc>6a{long}"), at(1));
    let typing = screen(&app, 80, 24, at(1));
    assert!(
        !typing.contains("Eerste schoolbrede"),
        "scrolled while typing:\n{typing}"
    );
    keys(&mut app, "<tab>Anna", at(1));
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("Eerste schoolbrede cultuurweek"), "{text}");
    // Back in it, the cursor is at the end: typing adds to the value.
    keys(&mut app, "<backtab>!", at(1));
    let form = app.conv().unwrap().item_form.as_ref().unwrap();
    assert_eq!(form.inputs[0].text(), format!("{long}!"));
}

/// Prose typed while navigating does not finish the talk: "Half getypt"
/// opened "Gesprek afronden?" with its `f` and answered it with its `y`.
/// A letter that answers nothing closes the question; `j`, `y` and Enter
/// still finish.
#[test]
fn a_stray_letter_closes_a_question_instead_of_waiting_for_a_yes() {
    for burst in [true, false] {
        let mut app = in_conversation(Lang::Nl);
        keys(&mut app, "<esc>", at(1));
        assert_eq!(app.mode(), Mode::ConvNotes);
        if burst {
            // A fast typist's letters can come in one read.
            app.update(Msg::Typed("Half getypt".into()), at(1));
        } else {
            keys(&mut app, "Half getypt", at(1));
        }
        assert!(
            app.session().unwrap().finished.is_none(),
            "the talk was finished by typing (burst: {burst})"
        );
        assert_eq!(app.screen_id(), ScreenId::Conversation);
        assert!(
            !matches!(app.shell.overlay, Some(Overlay::Confirm(Confirm::Finish))),
            "the question stays open"
        );
    }
    for yes in ["j", "y", "<enter>"] {
        let mut app = in_conversation(Lang::Nl);
        keys(&mut app, "<esc>f", at(1));
        assert!(matches!(
            app.shell.overlay,
            Some(Overlay::Confirm(Confirm::Finish))
        ));
        let effects = keys(&mut app, yes, at(1));
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Save(s) if s.finished.is_some())),
            "{yes} finishes the talk"
        );
    }
}
