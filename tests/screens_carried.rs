//! The open items of earlier talks: shown in the preparation with where
//! they came from, listed from every phase with `u`, each carried on, done
//! or dropped, and kept when the lookup answers late.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::session::{CarriedItem, CarriedState, Item};
use leidraad::tui::app::{Effect, Msg};
use leidraad::tui::screens::ScreenId;
use ui_support::{app, at, in_conversation, keys, screen, select_guide, t0};

fn item(what: &str, who: &str, from: &str, days_ago: i64) -> CarriedItem {
    CarriedItem {
        from_session: format!("2026-11-{:02}-0900-obs-de-vlinder-x", 23 - days_ago),
        list: "afspraken".into(),
        label: "Afspraken".into(),
        columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
        item: Item {
            values: vec![what.into(), who.into(), String::new()],
            done: false,
        },
        done: false,
        dropped: false,
        from_title: from.into(),
        from_date: Some(at(-60 * 24 * days_ago)),
    }
}

fn items() -> Vec<CarriedItem> {
    vec![
        item("Ouders uitnodigen", "Anna", "Ambitiegesprek", 11),
        item("Cultuurweek plannen", "Bert", "Voortgangsgesprek", 4),
    ]
}

#[test]
fn the_preparation_shows_the_open_items_of_earlier_talks_with_their_origin() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    let guide = app
        .home
        .guides
        .iter()
        .find_map(|g| {
            g.guide
                .as_conversation()
                .filter(|c| c.id == "voortgangsgesprek")
        })
        .unwrap()
        .clone();
    leidraad::tui::screens::prepare::open(
        &mut app,
        &guide,
        Some("OBS De Vlinder".into()),
        Vec::new(),
    );
    let effects = app.look_up_open_items();
    assert!(
        matches!(&effects[..], [Effect::LookUpOpenItems(c)] if c == "OBS De Vlinder"),
        "{effects:?}"
    );
    // An answer for another client is not shown.
    app.update(
        Msg::OpenItems {
            client: "De Linde".into(),
            items: items(),
            last: None,
        },
        t0(),
    );
    assert!(!screen(&app, 120, 40, t0()).contains("Ouders uitnodigen"));
    app.update(
        Msg::OpenItems {
            client: "OBS De Vlinder".into(),
            items: items(),
            last: None,
        },
        t0(),
    );
    let text = screen(&app, 120, 40, t0());
    assert!(
        text.contains("Open punten uit eerdere gesprekken"),
        "{text}"
    );
    assert!(text.contains("Ouders uitnodigen · Anna"), "{text}");
    assert!(text.contains("uit Ambitiegesprek van 12-11-2026"), "{text}");
    // They come first, above the guide's text: at 80x24 without scrolling.
    let small = screen(&app, 80, 24, t0());
    assert!(
        small.contains("uit Ambitiegesprek van 12-11-2026"),
        "{small}"
    );
    insta::assert_snapshot!("preparation_open_items_80x24", small);
    // They come along into the conversation.
    keys(&mut app, "<enter><enter><enter><enter><enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Conversation);
    assert_eq!(app.session().unwrap().carried.len(), 2);
}

#[test]
fn every_open_item_is_listed_from_any_phase_and_carried_on_done_or_dropped() {
    let mut app = in_conversation(Lang::Nl);
    let created = app.session().unwrap().created;
    app.update(
        Msg::Carried {
            created,
            items: items(),
        },
        at(1),
    );
    // From phase 2, which has no list of its own.
    keys(&mut app, "<esc>2<esc>", at(1));
    assert!(screen(&app, 80, 24, at(1)).contains("u open punten"));
    keys(&mut app, "u", at(1));
    insta::assert_snapshot!("carried_list_80x24", screen(&app, 80, 24, at(1)));
    let text = screen(&app, 120, 40, at(1));
    assert!(text.contains("uit Ambitiegesprek van 12-11-2026"), "{text}");
    assert!(
        text.contains("Spatie gedaan aan/uit") && text.contains("x vervalt aan/uit"),
        "{text}"
    );
    keys(&mut app, "<space><down>x", at(1));
    let states: Vec<CarriedState> = app
        .session()
        .unwrap()
        .carried
        .iter()
        .map(|c| c.state())
        .collect();
    assert_eq!(states, vec![CarriedState::Done, CarriedState::Dropped]);
    let text = screen(&app, 80, 24, at(1));
    assert!(
        text.contains("[x] Ouders uitnodigen") && text.contains("[-] Cultuurweek plannen"),
        "{text}"
    );
    // Keys of the phase do nothing while the list is open.
    keys(&mut app, "n", at(1));
    assert_eq!(app.session().unwrap().current, 1);
    // x again: carried on after all.
    keys(&mut app, "x", at(1));
    assert_eq!(
        app.session().unwrap().carried[1].state(),
        CarriedState::CarriedOn
    );
    keys(&mut app, "<esc>", at(1));
    assert!(!screen(&app, 80, 24, at(1)).contains("[x] Ouders"));
    assert!(app.shell.dirty, "the decisions are saved at the next tick");
    let effects = app.update(Msg::Tick, at(2));
    assert!(
        matches!(&effects[..], [Effect::Save(s)] if s.carried[0].state() == CarriedState::Done),
        "{effects:?}"
    );
}

#[test]
fn in_their_own_phase_the_open_items_offer_only_what_works_there() {
    let mut app = in_conversation(Lang::Nl);
    let created = app.session().unwrap().created;
    app.update(
        Msg::Carried {
            created,
            items: items(),
        },
        at(1),
    );
    keys(&mut app, "<esc>6<esc><backtab>", at(1));
    let text = screen(&app, 120, 40, at(1));
    // The footer's two rows.
    let footer: String = text.lines().rev().take(2).collect::<Vec<_>>().join(" ");
    assert!(
        footer.contains("gedaan aan/uit") && footer.contains("vervalt"),
        "{footer}"
    );
    assert!(
        !footer.contains("punt wijzigen") && !footer.contains("punt verwijderen"),
        "{footer}"
    );
    keys(&mut app, "x", at(1));
    assert_eq!(
        app.session().unwrap().carried[0].state(),
        CarriedState::Dropped
    );
    assert_eq!(
        app.session().unwrap().current,
        5,
        "x drops here, it does not skip the phase"
    );
}

#[test]
fn the_form_offers_a_known_client_for_a_name_typed_nearly_so() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    let effects = keys(&mut app, "<enter><enter>", t0());
    assert!(
        effects.iter().any(|e| matches!(e, Effect::ListClients)),
        "{effects:?}"
    );
    app.update(
        Msg::Clients(vec!["OBS De Vlinder".into(), "De Linde".into()]),
        t0(),
    );
    keys(&mut app, "obs de vlinder", t0());
    keys(&mut app, "<enter>", t0());
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("Bedoel je “OBS De Vlinder”?"), "{text}");
    // A letter typed on does not answer it (a no there means the known
    // client's open items stay behind).
    keys(&mut app, "e", t0());
    assert!(
        matches!(
            app.shell.overlay,
            Some(leidraad::tui::app::Overlay::Confirm(
                leidraad::tui::app::Confirm::UseClient
            ))
        ),
        "the question waits"
    );
    keys(&mut app, "y", t0());
    let form = app.form().unwrap();
    assert_eq!(
        form.focused, 0,
        "still on the field, now holding the known name"
    );
    assert!(screen(&app, 80, 24, t0()).contains("OBS De Vlinder"));
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.form().unwrap().focused, 1, "known exactly: no question");

    // Declined once: not asked again for the same name.
    let mut app = ui_support::app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter><enter>", t0());
    app.update(Msg::Clients(vec!["De Linde".into()]), t0());
    keys(&mut app, "de linde<tab>n", t0());
    assert_eq!(app.form().unwrap().focused, 0);
    keys(&mut app, "<tab>", t0());
    assert_eq!(app.form().unwrap().focused, 1);
}

#[test]
fn a_client_typed_in_the_form_brings_its_open_items_into_the_preparation() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "voortgangsgesprek");
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    keys(&mut app, "<enter>OBS De Vlinder", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    // Back to the preparation: the open items of that client are asked for.
    let effects = keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert!(
        matches!(&effects[..], [Effect::LookUpOpenItems(c)] if c == "OBS De Vlinder"),
        "{effects:?}"
    );
    app.update(
        Msg::OpenItems {
            client: "OBS De Vlinder".into(),
            items: items(),
            last: None,
        },
        t0(),
    );
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("uit Ambitiegesprek van 12-11-2026"), "{text}");
    // And into the conversation, the form's client unchanged.
    keys(&mut app, "<enter><enter><enter><enter><enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Conversation);
    assert_eq!(app.session().unwrap().carried.len(), 2);
}
