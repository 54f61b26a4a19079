//! Plans in the app: a trajectory planned for a client from the home
//! screen, its timeline (states on a pinned day, moving a date, skipping,
//! attaching a talk, the calendar), a step's talk started from it and
//! recorded when finished, and the plans on the home screen.

mod ui_support;

use chrono::NaiveDate;
use leidraad::catalog::Catalog;
use leidraad::i18n::Lang;
use leidraad::plan::{MoveScope, OccurrenceKey, Plan, PlanEdit};
use leidraad::store::PlanEntry;
use leidraad::tui::app::{App, Effect, Msg, Overlay};
use leidraad::tui::msg::Attachable;
use leidraad::tui::screens::ScreenId;
use leidraad::tui::screens::home::HomeLists;
use ui_support::{app, at, keys, screen, select_guide, t0};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn key(step: usize, repeat: u32) -> OccurrenceKey {
    OccurrenceKey { step, repeat }
}

/// The verbetertraject planned for Sanne de Vries from Monday 2 November
/// 2026, its Klikgesprek held on the 3rd (t0 is Monday 23 November).
fn entry() -> PlanEntry {
    let catalog = Catalog::bundled();
    let tr = catalog
        .trajectory("verbetertraject")
        .expect("bundled")
        .clone();
    let mut plan = Plan::new(&tr, "Sanne de Vries", date(2026, 11, 2), at(-60 * 24 * 30));
    plan.mark_done(key(0, 0), "2026-11-03_klik.toml", at(-60 * 24 * 20))
        .unwrap();
    PlanEntry {
        path: "/data/plans/2026-11-02_verbetertraject_sanne-de-vries.toml".into(),
        file_name: "2026-11-02_verbetertraject_sanne-de-vries.toml".into(),
        plan,
    }
}

/// The home screen with that plan listed, then its timeline.
fn in_timeline() -> App {
    let mut app = app(Lang::Nl);
    app.update(
        Msg::Sessions(HomeLists {
            plans: vec![entry()],
            ..HomeLists::default()
        }),
        t0(),
    );
    app.update(Msg::Tick, t0());
    let rows = app.home.rows();
    let plan_row = rows
        .iter()
        .position(|r| matches!(r, leidraad::tui::screens::home::Row::Plan(_)))
        .expect("the plan is listed");
    while app.home.selected < plan_row {
        keys(&mut app, "<down>", t0());
    }
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Timeline);
    app
}

fn timeline(app: &App) -> &leidraad::tui::screens::timeline::TimelineState {
    match &app.screen {
        leidraad::tui::screens::Screen::Timeline(t) => t,
        _ => panic!("not the timeline"),
    }
}

#[test]
fn a_trajectory_is_planned_for_a_client_from_the_home_screen() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "verbetertraject");
    keys(&mut app, "<enter><down>", t0());
    let home = screen(&app, 80, 24, t0());
    assert!(home.contains("+ Plannen voor een cliënt…"), "{home}");
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::PlanForm);
    // An empty client is refused, with why.
    keys(&mut app, "<tab><enter>", t0());
    assert!(screen(&app, 80, 24, t0()).contains("Vul de cliënt in"));
    keys(&mut app, "Sanne de Vries<tab>", t0());
    keys(&mut app, &format!("{}2-11-2026", "<bs>".repeat(10)), t0());
    let form = screen(&app, 80, 24, t0());
    assert!(
        form.contains("14 gesprekken, het eerste op ma 02-11-2026"),
        "{form}"
    );
    insta::assert_snapshot!("plan_form_80x24", form);
    let effects = keys(&mut app, "<enter>", t0());
    let [Effect::CreatePlan(plan)] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(plan.client, "Sanne de Vries");
    assert_eq!(plan.start, date(2026, 11, 2));
    // Written: the timeline opens on it.
    let entry = PlanEntry {
        path: "/data/plans/p.toml".into(),
        file_name: "p.toml".into(),
        plan: (**plan).clone(),
    };
    app.update(Msg::PlanSaved(Box::new(entry), None), t0());
    assert_eq!(app.screen_id(), ScreenId::Timeline);
    assert_eq!(app.home.plans.len(), 1, "the home screen lists it");
}

#[test]
fn a_bad_start_date_says_how_to_write_it() {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "verbetertraject");
    keys(&mut app, "<enter><down><enter>Sanne<tab>", t0());
    keys(&mut app, &format!("{}31-02-2026", "<bs>".repeat(10)), t0());
    assert!(keys(&mut app, "<enter>", t0()).is_empty());
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("'31-02-2026' is geen datum"), "{text}");
    // The whole message, wrapped at 80 columns, not cut at the edge.
    assert!(
        text.contains("(07-09-2026) of  ┃") && text.contains("┃      jjjj-mm-dd."),
        "{text}"
    );
    // Enter makes the plan from either field.
    assert!(text.contains("Enter volgende / plan maken"), "{text}");
}

#[test]
fn the_timeline_shows_every_step_with_its_date_and_state() {
    let app = in_timeline();
    let text = screen(&app, 120, 40, t0());
    assert!(
        text.contains("Verbetertraject · Sanne de Vries · vanaf ma 02-11-2026"),
        "{text}"
    );
    assert!(
        text.contains("✓ ma 02-11-2026  Klikgesprek  gehouden di 03-11-2026"),
        "{text}"
    );
    // Planned before today (Monday 23 November) and not held: overdue,
    // marked without colour too.
    assert!(
        text.contains("! ma 09-11-2026  Nu-meting (optioneel)  te laat"),
        "{text}"
    );
    assert!(
        text.contains("▸ ma 30-11-2026  Begeleidingsmoment 2 van 5"),
        "the next one:\n{text}"
    );
    assert!(text.contains("Begeleidingsmoment 5 van 5"), "{text}");
    insta::assert_snapshot!("timeline_120x40", text);
    insta::assert_snapshot!("timeline_80x24", screen(&app, 80, 24, t0()));
    // It opens on the first open step.
    assert_eq!(timeline(&app).selected, 1);
}

#[test]
fn enter_prepares_the_steps_talk_and_finishing_it_records_the_step() {
    let mut app = in_timeline();
    keys(&mut app, "<down>", t0());
    let effects = keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert!(
        matches!(&effects[..], [Effect::LookUpOpenItems(c)] if c == "Sanne de Vries"),
        "{effects:?}"
    );
    let text = screen(&app, 120, 40, t0());
    assert!(
        text.contains("Voorbereiding · Begeleidingsmoment 1 van 5: online co-teaching · Verbetertraject · Sanne de Vries"),
        "{text}"
    );
    // To the conversation: the client is filled in, the session records
    // the step.
    keys(&mut app, "<enter>", t0());
    for _ in 0..8 {
        if app.conv().is_some() {
            break;
        }
        keys(&mut app, "<enter>", t0());
    }
    let s = app.session().expect("the conversation started");
    let reference = s.plan.as_ref().expect("the step it fulfils");
    assert_eq!(
        reference.plan,
        "2026-11-02_verbetertraject_sanne-de-vries.toml"
    );
    assert_eq!((reference.step, reference.repeat), (2, 0));
    let text = screen(&app, 120, 40, at(1));
    assert!(
        text.lines().next().unwrap().contains(
            "Begeleidingsmoment 1 van 5: online co-teaching · Verbetertraject · Sanne de Vries"
        ),
        "{text}"
    );
    let effects = keys(&mut app, "<esc>fj", at(30));
    assert!(
        matches!(&effects[..], [Effect::Save(_), Effect::RecordPlan(s)] if s.plan.is_some()),
        "{effects:?}"
    );
    // The plan answers: the step is done, the status line says so.
    let mut done = entry();
    done.plan.mark_done(key(2, 0), "s.toml", at(0)).unwrap();
    app.update(Msg::PlanRecorded(Box::new(done), key(2, 0)), at(30));
    assert!(
        app.shell
            .status
            .clone()
            .unwrap()
            .0
            .contains("In het plan afgevinkt: Begeleidingsmoment 1 van 5"),
        "{:?}",
        app.shell.status
    );
    assert_eq!(app.home.plans[0].plan.overview(app.home.today).done, 2);
}

#[test]
fn a_date_is_moved_alone_or_with_every_later_step() {
    let mut app = in_timeline();
    keys(&mut app, "<down>m", t0());
    assert!(matches!(app.shell.overlay, Some(Overlay::Prompt(..))));
    let prompt = screen(&app, 80, 24, t0());
    assert!(
        prompt.contains("De nieuwe datum van Begeleidingsmoment 1 van 5"),
        "{prompt}"
    );
    keys(
        &mut app,
        &format!("{}30-11-2026<enter>", "<bs>".repeat(10)),
        t0(),
    );
    assert!(screen(&app, 80, 24, t0()).contains("Deze en alle latere stappen"));
    let effects = keys(&mut app, "<down><enter>", t0());
    let [Effect::ChangePlan(path, PlanEdit::Move { key: k, to, scope })] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert!(path.ends_with("2026-11-02_verbetertraject_sanne-de-vries.toml"));
    assert_eq!(
        (*k, *to, *scope),
        (key(2, 0), date(2026, 11, 30), MoveScope::ThisAndLater)
    );
    // A date that is none is asked again.
    keys(&mut app, "m<bs><bs>xx<enter>", t0());
    assert!(matches!(app.shell.overlay, Some(Overlay::Prompt(..))));
    assert!(app.shell.status.clone().unwrap().0.contains("geen datum"));
}

#[test]
fn optional_steps_are_skipped_and_a_held_talk_is_attached() {
    let mut app = in_timeline();
    // Nu-meting is optional.
    let effects = keys(&mut app, "x", t0());
    assert!(
        matches!(&effects[..], [Effect::ChangePlan(_, PlanEdit::Skip { key: k, skipped: true })] if *k == key(1, 0)),
        "{effects:?}"
    );
    // A coaching moment is not.
    keys(&mut app, "<down>", t0());
    assert!(keys(&mut app, "x", t0()).is_empty());
    assert!(
        app.shell
            .status
            .clone()
            .unwrap()
            .0
            .contains("optionele stap")
    );
    // Attach a talk held outside the plan.
    let effects = keys(&mut app, "g", t0());
    assert!(
        matches!(&effects[..], [Effect::ListAttachable(c)] if c == "Sanne de Vries"),
        "{effects:?}"
    );
    app.update(
        Msg::Attachable(vec![Attachable {
            file_name: "2026-11-17_co-teaching.toml".into(),
            guide_id: "verbetertraject-co-teaching".into(),
            guide_title: "Begeleidingsmoment: online co-teaching".into(),
            held: at(-60 * 24 * 6),
        }]),
        t0(),
    );
    let text = screen(&app, 80, 24, t0());
    assert!(
        text.contains("di 17-11-2026 · Begeleidingsmoment: online co-teaching"),
        "{text}"
    );
    let effects = keys(&mut app, "<enter>", t0());
    assert!(
        matches!(&effects[..], [Effect::ChangePlan(_, PlanEdit::Attach { key: k, session, .. })] if *k == key(2, 0) && session == "2026-11-17_co-teaching.toml"),
        "{effects:?}"
    );
    // No talks: it says so.
    keys(&mut app, "g", t0());
    app.update(Msg::Attachable(vec![]), t0());
    assert!(
        app.shell
            .status
            .clone()
            .unwrap()
            .0
            .contains("geen afgerond gesprek met Sanne de Vries")
    );
}

#[test]
fn the_calendar_and_archiving_from_the_timeline() {
    let mut app = in_timeline();
    let effects = keys(&mut app, "c", t0());
    let [Effect::PlanCalendar(written, minutes)] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(
        written.file_name,
        "2026-11-02_verbetertraject_sanne-de-vries.toml"
    );
    assert!(
        minutes
            .iter()
            .any(|(id, m)| id == "verbetertraject-klikgesprek" && *m > 0),
        "{minutes:?}"
    );
    app.update(Msg::CalendarWritten("/docs/p.ics".into(), 13), t0());
    assert!(app.shell.status.clone().unwrap().0.contains("/docs/p.ics"));
    // An unfinished plan is not archived.
    assert!(keys(&mut app, "a", t0()).is_empty());
    assert!(app.shell.overlay.is_none());
    // A held step opens read-only; Esc from there comes back here.
    keys(&mut app, "<up>", t0());
    let effects = keys(&mut app, "<enter>", t0());
    assert!(
        matches!(&effects[..], [Effect::ViewNamed(n)] if n == "2026-11-03_klik.toml"),
        "{effects:?}"
    );
    let entry = entry();
    let s = leidraad::session::Session::new(
        Catalog::bundled()
            .guides
            .iter()
            .find_map(|g| {
                g.guide
                    .as_conversation()
                    .filter(|c| c.id == "verbetertraject-klikgesprek")
            })
            .unwrap(),
        at(-60),
    );
    app.update(
        Msg::Viewing {
            session: Box::new(s),
            path: "/data/2026-11-03_klik.toml".into(),
            file_name: "2026-11-03_klik.toml".into(),
            locked: false,
        },
        t0(),
    );
    assert_eq!(app.screen_id(), ScreenId::View);
    keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Timeline);
    assert_eq!(timeline(&app).entry.path, entry.path);
}

#[test]
fn the_home_screen_lists_active_plans_overdue_first() {
    let mut app = app(Lang::Nl);
    let mut later = entry();
    later.path = "/data/plans/later.toml".into();
    later.plan.client = "OBS De Linde".into();
    // Nothing overdue: every open step moved after today.
    later.plan.set_skipped(key(1, 0), true).unwrap();
    later
        .plan
        .move_date(key(2, 0), date(2026, 12, 7), MoveScope::ThisAndLater)
        .unwrap();
    app.update(
        Msg::Sessions(HomeLists {
            plans: vec![later, entry()],
            damaged_plans: 1,
            ..HomeLists::default()
        }),
        t0(),
    );
    app.update(Msg::Tick, t0());
    let text = screen(&app, 100, 30, t0());
    let overdue = text
        .find("! Sanne de Vries · Verbetertraject")
        .expect(&text);
    let fine = text.find("▸ OBS De Linde · Verbetertraject").expect(&text);
    assert!(overdue < fine, "overdue first:\n{text}");
    assert!(
        text.contains("Nu-meting (optioneel)") || text.contains("Nu-meting"),
        "{text}"
    );
    insta::assert_snapshot!("home_plans_100x30", text);
}

#[test]
fn a_talk_already_in_the_plan_is_not_offered_again_and_the_steps_guide_comes_first() {
    let mut app = in_timeline();
    // On the first coaching moment (the nu-meting is selected first).
    keys(&mut app, "<down>g", t0());
    let talk = |file: &str, guide: &str, title: &str| Attachable {
        file_name: file.into(),
        guide_id: guide.into(),
        guide_title: title.into(),
        held: at(-60 * 24 * 6),
    };
    app.update(
        Msg::Attachable(vec![
            // The klikgesprek fulfils step 1 already.
            talk(
                "2026-11-03_klik.toml",
                "verbetertraject-klikgesprek",
                "Klikgesprek",
            ),
            talk(
                "2026-11-16_vg.toml",
                "voortgangsgesprek",
                "Voortgangsgesprek",
            ),
            talk(
                "2026-11-17_co-teaching.toml",
                "verbetertraject-co-teaching",
                "Begeleidingsmoment: online co-teaching",
            ),
        ]),
        t0(),
    );
    let text = screen(&app, 100, 30, t0());
    assert!(
        !text.contains("Klikgesprek ·") && !text.contains("· Klikgesprek"),
        "{text}"
    );
    let co = text
        .find("· Begeleidingsmoment: online co-teaching")
        .expect(&text);
    let vg = text.find("· Voortgangsgesprek").expect(&text);
    assert!(co < vg, "the step's own guide first:\n{text}");
}

#[test]
fn a_message_about_the_timeline_does_not_follow_to_the_home_screen() {
    let mut app = in_timeline();
    keys(&mut app, "<down>x", t0());
    assert!(app.shell.status.is_some(), "not optional: said");
    keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Home);
    assert!(app.shell.status.is_none(), "{:?}", app.shell.status);
}

#[test]
fn the_timelines_footer_offers_what_the_selected_step_allows() {
    let mut app = in_timeline();
    // The nu-meting: optional and open.
    let text = screen(&app, 120, 40, t0());
    assert!(
        text.contains("x overslaan") && text.contains("m datum"),
        "{text}"
    );
    assert!(
        !text.contains("u ontkoppelen") && !text.contains("a archiveren"),
        "{text}"
    );
    // The klikgesprek, held: only detaching (and viewing) it.
    keys(&mut app, "<up>", t0());
    let text = screen(&app, 120, 40, t0());
    assert!(text.contains("u ontkoppelen"), "{text}");
    assert!(
        !text.contains("x overslaan") && !text.contains("m datum"),
        "{text}"
    );
}

#[test]
fn a_second_plan_of_a_trajectory_for_the_same_client_is_asked_about_once() {
    let mut app = app(Lang::Nl);
    app.update(
        Msg::Sessions(HomeLists {
            plans: vec![entry()],
            ..HomeLists::default()
        }),
        t0(),
    );
    select_guide(&mut app, "verbetertraject");
    keys(&mut app, "<enter><down><enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::PlanForm);
    // Typed nearly as the planned one.
    let effects = keys(&mut app, "sanne de vries<tab><enter>", t0());
    assert!(effects.is_empty(), "{effects:?}");
    let text = screen(&app, 80, 24, t0());
    assert!(
        text.contains("Voor Sanne de Vries loopt dit traject al (vanaf ma 02-11-2026)"),
        "{text}"
    );
    let effects = keys(&mut app, "<enter>", t0());
    assert!(
        matches!(&effects[..], [Effect::CreatePlan(_)]),
        "{effects:?}"
    );
}

#[test]
fn a_repeated_steps_talk_has_its_number_chosen_in_the_form() {
    let mut app = in_timeline();
    // The second online co-teaching moment.
    for _ in 0..20 {
        if timeline(&app).occurrence().map(|o| o.key()) == Some(key(2, 1)) {
            break;
        }
        keys(&mut app, "<down>", t0());
    }
    assert_eq!(
        timeline(&app).occurrence().map(|o| o.key()),
        Some(key(2, 1))
    );
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    let text = screen(&app, 100, 30, t0());
    assert!(text.contains("(•) 2"), "{text}");
}

#[test]
fn a_talk_from_the_plan_takes_the_school_and_consultant_of_the_clients_last_talk() {
    let mut app = in_timeline();
    // The nu-meting, the first open step.
    let effects = keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    assert!(
        matches!(&effects[..], [Effect::LookUpOpenItems(c)] if c == "Sanne de Vries"),
        "{effects:?}"
    );
    let catalog = Catalog::bundled();
    let klik = catalog
        .conversation("verbetertraject-klikgesprek")
        .expect("bundled");
    let mut last = leidraad::session::Session::new(klik, at(-60 * 24 * 20));
    last.set_field("leerkracht", "Sanne de Vries").unwrap();
    last.set_field("school", "OBS De Vlinder").unwrap();
    last.set_field("begeleider", "Marieke Jansen").unwrap();
    app.update(
        Msg::OpenItems {
            client: "Sanne de Vries".into(),
            items: Vec::new(),
            last: Some(Box::new(last)),
        },
        t0(),
    );
    keys(&mut app, "<enter>", t0());
    assert_eq!(app.screen_id(), ScreenId::Form);
    let text = screen(&app, 100, 30, t0());
    assert!(
        text.contains("OBS De Vlinder") && text.contains("Marieke Jansen"),
        "{text}"
    );
}
