//! Driving the app model like a user: a key string, a pinned clock, a
//! rendered screen.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, TimeDelta};
use leidraad::catalog::Catalog;
use leidraad::i18n::Lang;
use leidraad::settings::Settings;
use leidraad::tui::app::{App, Effect, GuideEntry, Msg};
use leidraad::tui::screens;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

/// 23 November 2026, 09:00 in the Netherlands.
pub fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap()
}

/// `t0` plus whole minutes.
pub fn at(minutes: i64) -> DateTime<FixedOffset> {
    t0() + TimeDelta::minutes(minutes)
}

/// A model on the home screen with the bundled guides.
pub fn app(lang: Lang) -> App {
    let catalog = Catalog::bundled();
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let guides = catalog
        .guides
        .iter()
        .map(|g| GuideEntry::from_loaded(g, "meegeleverd"))
        .collect();
    App::new(settings(lang), guides, 0)
}

/// The settings the tests run with: colours off, so snapshots are text.
pub fn settings(lang: Lang) -> Settings {
    Settings {
        colors: false,
        ..Settings::new(lang)
    }
}

/// Parse a key string (see `leidraad::tui::keys`).
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    leidraad::tui::keys::parse_keys(keys).unwrap_or_else(|e| panic!("{e}"))
}

/// Feed a key string at `now`; returns every effect.
pub fn keys(app: &mut App, keys: &str, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ev in parse_keys(keys) {
        effects.extend(app.update(Msg::Key(ev), now));
    }
    effects
}

/// Render the app at a size and return the screen as text (one quoted line
/// per row, as `TestBackend` prints it).
pub fn screen(app: &App, width: u16, height: u16, now: DateTime<FixedOffset>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| screens::render(app, f, now))
        .expect("drawing never fails on a TestBackend");
    terminal.backend().to_string()
}

/// Move the home screen's selection to the guide with this id.
pub fn select_guide(app: &mut App, id: &str) {
    let rows = app.home.rows();
    let target = rows
        .iter()
        .position(|r| matches!(r, leidraad::tui::screens::home::Row::Guide(g) if app.home.guides[*g].guide.id() == id))
        .unwrap_or_else(|| panic!("{id} is on the home screen"));
    while app.home.selected > target {
        keys(app, "<up>", t0());
    }
    while app.home.selected < target {
        keys(app, "<down>", t0());
    }
}

/// The home screen → voortgangsgesprek → form filled → conversation at `t0`.
pub fn in_conversation(lang: Lang) -> App {
    let mut app = app(lang);
    select_guide(&mut app, "voortgangsgesprek");
    keys(
        &mut app,
        "<enter><space><enter>Basisschool De Regenboog<enter><enter>Anna, Bert<enter>Jan<enter>",
        t0(),
    );
    assert!(app.conv().is_some(), "the conversation started");
    app
}

/// A model on the home screen with just this guide (TOML text).
pub fn app_with_guide(lang: Lang, toml: &str) -> App {
    let parsed = leidraad::guide::parse::parse_guide("test.toml", toml).expect("a valid guide");
    let entry = GuideEntry {
        guide: parsed.guide,
        source: "test.toml".to_string(),
        replaces_bundled: false,
    };
    App::new(settings(lang), vec![entry], 0)
}

/// The home screen → ambitiegesprek → form (school "School", the rest as
/// it comes) → conversation at `t0`.
pub fn in_ambitiegesprek() -> App {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, "ambitiegesprek");
    keys(&mut app, "<enter><enter>School<enter>", t0());
    for _ in 0..10 {
        if app.conv().is_some() {
            break;
        }
        keys(&mut app, "<enter>", t0());
    }
    assert!(app.conv().is_some(), "the conversation started");
    app
}
