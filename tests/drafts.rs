//! What is typed before it is confirmed is saved too: the preparation
//! checklist and header form (a session whose conversation has not started)
//! and an open list-item form (the session's `draft`). Driven through the
//! app model; the effects are what the runtime would write.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::session::{ItemDraft, Session, Status};
use leidraad::tui::app::{App, Confirm, Effect, Msg, Overlay};
use leidraad::tui::screens::ScreenId;
use ui_support::{app, at, in_conversation, keys, select_guide, t0};

/// The session handed to the runtime by these effects (Create or Save).
fn written(effects: &[Effect]) -> Option<&Session> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Create(s) | Effect::Save(s) => Some(&**s),
        _ => None,
    })
}

fn tick(app: &mut App, now: chrono::DateTime<chrono::FixedOffset>) -> Vec<Effect> {
    app.update(Msg::Tick, now)
}

/// What the runtime answers to a created file.
fn opened(app: &mut App, name: &str) {
    app.update(
        Msg::Opened {
            file_name: name.to_string(),
        },
        t0(),
    );
}

#[test]
fn a_preparation_is_not_saved_until_something_changes() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><down><pgdn>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert!(
        tick(&mut app, at(1)).is_empty(),
        "only looking saves nothing"
    );
}

#[test]
fn a_ticked_checklist_item_creates_the_session_in_preparation() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><space>", at(1));
    let effects = tick(&mut app, at(1));
    let Some(Effect::Create(session)) = effects.first() else {
        panic!("the first change creates the file: {effects:?}");
    };
    assert_eq!(session.started, None, "the conversation has not started");
    assert_eq!(session.status, Status::InProgress);
    assert_eq!(session.created, at(1), "created at the first change");
    assert_eq!(session.checklist.first(), Some(&true));
    assert!(
        session.fields.is_empty(),
        "no form values before the form: {:?}",
        session.fields
    );
    // Resumed, a preparation without form values opens on the checklist.
    let mut again = ui_support::app(Lang::Nl);
    again.update(
        Msg::Resumed {
            session: session.clone(),
            file_name: "prep.toml".into(),
        },
        at(3),
    );
    assert_eq!(again.screen_id(), ScreenId::Prepare);
    assert_eq!(again.prepare().unwrap().prep.checklist.first(), Some(&true));
    assert!(
        tick(&mut app, at(2)).is_empty(),
        "nothing new, nothing saved"
    );

    // Once the file exists, changes are saved into it.
    opened(&mut app, "prep.toml");
    keys(&mut app, "<down><space>", at(2));
    let effects = tick(&mut app, at(2));
    assert!(
        matches!(effects.first(), Some(Effect::Save(s)) if s.checklist[..2] == [true, true]),
        "{effects:?}"
    );
}

#[test]
fn the_header_form_is_saved_as_typed_within_a_second() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><enter>De Regenb", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    let effects = tick(&mut app, at(1));
    let session = written(&effects).expect("typing in the form is saved");
    assert_eq!(session.client, "De Regenb");
    assert_eq!(session.started, None);
    opened(&mut app, "prep.toml");
    // A half-typed date is kept as typed.
    keys(
        &mut app,
        "oog<tab><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>23-11",
        at(1),
    );
    let session = written(&tick(&mut app, at(2))).cloned().expect("saved");
    assert_eq!(session.client, "De Regenboog");
    let date = app.form().unwrap().prep.guide.fields[1].id.clone();
    assert_eq!(session.field(&date), "23-11");
}

#[test]
fn ctrl_c_in_the_form_saves_what_was_typed() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><enter>De Linde", t0());
    let effects = keys(&mut app, "<ctrl+c>", t0());
    assert_eq!(
        written(&effects).map(|s| s.client.as_str()),
        Some("De Linde"),
        "{effects:?}"
    );
    assert!(matches!(effects.last(), Some(Effect::Quit)));
}

#[test]
fn going_home_from_a_changed_preparation_saves_it_and_lets_it_go() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><space>", t0());
    let effects = keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Home);
    assert!(
        matches!(effects.first(), Some(Effect::Create(_))),
        "{effects:?}"
    );
    assert!(effects.iter().any(|e| matches!(e, Effect::Close)));
    // The runtime's answer comes after the preparation was let go.
    opened(&mut app, "prep.toml");
    assert_eq!(
        app.file_name(),
        None,
        "no file is left open on the home screen"
    );
}

#[test]
fn a_resumed_preparation_opens_the_form_as_it_was_left() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(
        &mut app,
        &format!(
            "<enter><space><enter>De Regenboog<tab>{}23-1",
            "<bs>".repeat(10)
        ),
        t0(),
    );
    let saved = written(&tick(&mut app, at(1))).cloned().expect("saved");

    let mut again = ui_support::app(Lang::Nl);
    let effects = again.update(
        Msg::Resumed {
            session: Box::new(saved.clone()),
            file_name: "prep.toml".to_string(),
        },
        at(5),
    );
    // Nothing changed yet, so nothing is saved; the open items of earlier
    // talks with the client typed are looked up, and the known clients.
    assert!(
        matches!(&effects[..], [Effect::LookUpOpenItems(c), Effect::ListClients] if c == "De Regenboog"),
        "nothing changed yet: {effects:?}"
    );
    assert_eq!(again.screen_id(), ScreenId::Form);
    let form = again.form().unwrap();
    assert_eq!(form.prep.checklist.first(), Some(&true));
    assert_eq!(form.prep.created, Some(t0()), "the same session");
    let draft = leidraad::tui::screens::form::draft(&again).expect("a preparation");
    assert_eq!(draft.fields, saved.fields, "every value back as typed");
    // Finishing the form starts the conversation in the same session.
    keys(
        &mut again,
        "<tab><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>23-11-2026<enter><enter>Anna<enter>Jan<enter>",
        at(6),
    );
    assert_eq!(
        again.screen_id(),
        ScreenId::Conversation,
        "{}",
        ui_support::screen(&again, 80, 24, at(6))
    );
    let session = again.session().unwrap();
    assert_eq!(session.created, t0());
    assert_eq!(session.started, Some(at(6)));
    assert_eq!(session.checklist.first(), Some(&true));
}

#[test]
fn the_home_screen_marks_a_session_in_preparation() {
    let mut app = app(Lang::Nl);
    app.update(
        Msg::Sessions(leidraad::tui::screens::home::HomeLists {
            resumable: vec![leidraad::tui::app::ResumeEntry {
                path: "x.toml".into(),
                file_name: "x.toml".into(),
                title: "Voortgangsgesprek".into(),
                client: "De Linde".into(),
                when: t0(),
                rescued: false,
                preparing: true,
            }],
            ..Default::default()
        }),
        t0(),
    );
    let screen = ui_support::screen(&app, 80, 24, t0());
    assert!(screen.contains("In voorbereiding"), "{screen}");
    // The mark comes first in the list row, so a narrow pane keeps it.
    let row = screen.lines().find(|l| l.contains('▸')).expect("a row");
    assert!(row.contains("in voorbereiding · Voortg"), "{screen}");
}

#[test]
fn an_open_item_form_is_saved_and_comes_back_on_resume() {
    let mut app = in_conversation(Lang::Nl);
    // Phase 3 of the voortgangsgesprek has a list (mijlpalen).
    keys(&mut app, "<esc>3<esc>", at(1));
    keys(&mut app, "aZorgplan bijwerken<tab>Anna", at(1));
    let session = written(&tick(&mut app, at(2)))
        .cloned()
        .expect("typing is saved");
    let draft = session
        .draft
        .clone()
        .expect("the open form is in the session");
    assert_eq!(draft.phase, session.current);
    assert_eq!(draft.editing, None);
    assert_eq!(draft.values[..2], ["Zorgplan bijwerken", "Anna"]);
    let list = draft.list.clone();
    assert!(
        session.phases[session.current]
            .lists
            .get(&list)
            .is_none_or(Vec::is_empty),
        "not an item until Enter"
    );

    // After a crash: the form is open again with what was typed.
    let mut again = ui_support::app(Lang::Nl);
    again.update(
        Msg::Resumed {
            session: Box::new(session),
            file_name: "s.toml".to_string(),
        },
        at(3),
    );
    // First the question whether the minute the app was down counts.
    assert!(matches!(
        again.shell.overlay,
        Some(Overlay::Confirm(Confirm::CountGap))
    ));
    keys(&mut again, "j", at(3));
    let form = again.conv().unwrap().item_form.as_ref().expect("open");
    assert_eq!(form.inputs[0].text(), "Zorgplan bijwerken");
    assert_eq!(form.inputs[1].text(), "Anna");
    // Enter makes it an item; the draft is gone.
    let effects = keys(&mut again, "<enter>", at(3));
    let saved = written(&effects).expect("saved at once");
    assert_eq!(saved.draft, None);
    assert_eq!(saved.phases[saved.current].lists[&list].len(), 1);
}

#[test]
fn a_cancelled_item_form_leaves_no_draft() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>3<esc>aiets", at(1));
    assert!(written(&tick(&mut app, at(2))).unwrap().draft.is_some());
    // Esc asks first (something was typed); yes throws it away.
    keys(&mut app, "<esc>j", at(2));
    let effects = tick(&mut app, at(3));
    assert_eq!(
        written(&effects).map(|s| s.draft.clone()),
        Some(None::<ItemDraft>)
    );
}

#[test]
fn a_draft_that_no_longer_fits_is_dropped() {
    let mut app = in_conversation(Lang::Nl);
    let mut session = app.session().unwrap().clone();
    session.draft = Some(ItemDraft {
        phase: session.current,
        list: "no-such-list".into(),
        editing: None,
        values: vec!["x".into()],
    });
    app.update(
        Msg::Resumed {
            session: Box::new(session),
            file_name: "s.toml".into(),
        },
        at(1),
    );
    assert!(app.conv().unwrap().item_form.is_none());
}

/// What was typed in the form stays in the preparation's file when a save
/// comes from the preparation screen (a tick, Ctrl-S), not only on the way
/// home.
#[test]
fn a_save_on_the_preparation_screen_keeps_what_was_typed_in_the_form() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "ambitiegesprek");
    keys(
        &mut app,
        "<enter><enter>Basisschool Het Anker<tab>Zwolle",
        t0(),
    );
    let first = written(&tick(&mut app, at(1))).cloned().expect("saved");
    assert_eq!(first.client, "Basisschool Het Anker");
    opened(&mut app, "prep.toml");
    keys(&mut app, "<esc><space>", at(2));
    let ticked = written(&tick(&mut app, at(3))).cloned().expect("saved");
    assert_eq!(ticked.client, "Basisschool Het Anker");
    assert_eq!(
        ticked.fields.get("plaats").map(String::as_str),
        Some("Zwolle")
    );
    let effects = keys(&mut app, "<ctrl+s>", at(4));
    let saved = written(&effects).expect("Ctrl-S saves");
    assert_eq!(
        saved.fields.get("plaats").map(String::as_str),
        Some("Zwolle")
    );
}

/// The home list comes in after the first frame: a row the user moved to
/// stays selected when rows appear above it; untouched, the top row is.
#[test]
fn the_selected_home_row_stays_when_the_lists_come_in() {
    use leidraad::tui::screens::home::HomeLists;
    let lists = || HomeLists {
        resumable: vec![leidraad::tui::app::ResumeEntry {
            path: "x.toml".into(),
            file_name: "x.toml".into(),
            title: "Voortgangsgesprek".into(),
            client: "De Linde".into(),
            when: t0(),
            rescued: false,
            preparing: false,
        }],
        ..Default::default()
    };
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    app.update(Msg::Sessions(lists()), t0());
    let effects = keys(&mut app, "<enter>", t0());
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.prepare().unwrap().prep.guide.id, "voortgangsgesprek");

    let mut app = ui_support::app(Lang::Nl);
    app.update(Msg::Sessions(lists()), t0());
    let effects = keys(&mut app, "<enter>", t0());
    assert!(
        matches!(&effects[..], [Effect::Resume(_)]),
        "the top row: {effects:?}"
    );
}
