//! The history of past sessions and the read-only view, driven through the
//! model: the list with a damaged file, filters, the search's hits (private
//! ones marked), the actions (view, continue, follow-up, delete), and
//! finding text in a session.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::session::Session;
use leidraad::tui::app::{App, Effect, Msg, Overlay};
use leidraad::tui::screens::ScreenId;
use leidraad::tui::screens::history::{EntryStatus, Found, HistoryEntry, Hit, HitPart};
use ui_support::{app, at, keys, screen, t0};

fn both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24, at(0)));
    insta::assert_snapshot!(format!("{name}_120x40"), screen(app, 120, 40, at(0)));
}

fn entry(
    name: &str,
    guide: &str,
    client: &str,
    minutes_ago: i64,
    status: EntryStatus,
) -> HistoryEntry {
    HistoryEntry {
        path: format!("/data/{name}.toml").into(),
        file_name: format!("{name}.toml"),
        guide_id: guide.to_lowercase(),
        guide_title: guide.into(),
        client: client.into(),
        when: Some(at(-minutes_ago)),
        minutes: matches!(status, EntryStatus::Finished).then_some((90, 84)),
        status,
    }
}

fn entries() -> Vec<HistoryEntry> {
    vec![
        entry(
            "vlinder-2",
            "Voortgangsgesprek",
            "OBS De Vlinder",
            60,
            EntryStatus::InProgress,
        ),
        entry(
            "linde",
            "Ambitiegesprek",
            "De Linde",
            60 * 24 * 7,
            EntryStatus::Finished,
        ),
        entry(
            "vlinder-1",
            "Ambitiegesprek",
            "OBS De Vlinder",
            60 * 24 * 30,
            EntryStatus::Finished,
        ),
        entry(
            "prep",
            "Voortgangsgesprek",
            "De Regenboog",
            60 * 24 * 40,
            EntryStatus::Preparing,
        ),
        HistoryEntry {
            guide_id: String::new(),
            guide_title: "2026-09-01_0900_kapot.toml".into(),
            client: String::new(),
            minutes: None,
            ..entry(
                "2026-09-01_0900_kapot",
                "",
                "",
                60 * 24 * 90,
                EntryStatus::Damaged("het bestand is afgebroken, het einde ontbreekt".into()),
            )
        },
    ]
}

/// The home screen → h → the history with these entries.
fn in_history() -> App {
    let mut app = app(Lang::Nl);
    let effects = keys(&mut app, "h", t0());
    assert!(
        matches!(effects.as_slice(), [Effect::ListHistory]),
        "{effects:?}"
    );
    assert_eq!(app.screen_id(), ScreenId::History);
    app.update(Msg::History(entries()), t0());
    app
}

#[test]
fn the_history_lists_every_session_with_its_status_and_a_damaged_file() {
    let app = in_history();
    both_sizes("history", &app);
    let text = screen(&app, 120, 40, at(0));
    for word in [
        "in voorbereiding",
        "bezig",
        "afgerond",
        "beschadigd",
        "90/84",
        "23-11-2026",
    ] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
}

#[test]
fn the_history_filters_by_client_and_guide_from_the_values_present() {
    let mut app = in_history();
    keys(&mut app, "c", t0());
    assert!(matches!(app.shell.overlay, Some(Overlay::Pick(_))));
    let picker = screen(&app, 80, 24, at(0));
    assert!(
        picker.contains("OBS De Vlinder") && picker.contains("De Linde"),
        "{picker}"
    );
    // alle, De Linde, De Regenboog, OBS De Vlinder
    keys(&mut app, "<down><down><down><enter>", t0());
    let text = screen(&app, 120, 40, at(0));
    assert!(text.contains("2 van 5"), "{text}");
    assert!(!text.contains("De Linde "), "{text}");
    keys(&mut app, "g<down><enter>", t0());
    let text = screen(&app, 120, 40, at(0));
    assert!(
        text.contains("1 van 5") && text.contains("Ambitiegesprek"),
        "{text}"
    );
    // Back to every client.
    keys(&mut app, "c<up><up><up><up><enter>", t0());
    assert!(screen(&app, 120, 40, at(0)).contains("2 van 5"));
}

#[test]
fn the_search_asks_as_you_type_and_shows_where_it_found_the_text() {
    let mut app = in_history();
    let effects = keys(&mut app, "/ide", t0());
    let searched: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::SearchHistory(q) => Some(q.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(searched, vec!["i", "id", "ide"], "one search per keystroke");
    // An answer for text no longer in the box is not shown.
    app.update(
        Msg::Found(Found {
            text: "id".into(),
            hits: vec![],
            more: false,
        }),
        t0(),
    );
    assert!(screen(&app, 80, 24, at(0)).contains("5 gesprekken"));
    app.update(
        Msg::Found(Found {
            text: "ide".into(),
            hits: vec![
                Hit {
                    path: "/data/vlinder-2.toml".into(),
                    parts: vec![HitPart {
                        label: "Notities · Ideeën genereren".into(),
                        private: false,
                        snippet: "…we hebben veel ideeën over de cultuurweek…".into(),
                        ranges: std::iter::once(19..22).collect(),
                    }],
                },
                Hit {
                    path: "/data/linde.toml".into(),
                    parts: vec![HitPart {
                        label: "Eigen notitie · Contracteren".into(),
                        private: true,
                        snippet: "ideeën van de directeur".into(),
                        ranges: std::iter::once(0..3).collect(),
                    }],
                },
            ],
            more: false,
        }),
        t0(),
    );
    both_sizes("history_search", &app);
    let text = screen(&app, 120, 40, at(0));
    assert!(text.contains("2 van 5"), "{text}");
    assert!(
        text.contains("privé · Eigen notitie"),
        "private hits are marked:\n{text}"
    );
    // Enter leaves the box: the keys move in the list again.
    keys(&mut app, "<enter><down>", t0());
    let effects = keys(&mut app, "<enter>", t0());
    assert!(
        matches!(&effects[..], [Effect::View(p)] if p.ends_with("linde.toml")),
        "{effects:?}"
    );
    // Nothing found says so.
    keys(&mut app, "/x", t0());
    app.update(
        Msg::Found(Found {
            text: "idex".into(),
            hits: vec![],
            more: false,
        }),
        t0(),
    );
    assert!(screen(&app, 80, 24, at(0)).contains("Niets gevonden voor “idex”"));
    // Esc in the box forgets the search.
    keys(&mut app, "<esc>", t0());
    assert!(screen(&app, 80, 24, at(0)).contains("5 gesprekken"));
}

#[test]
fn from_the_history_a_session_is_viewed_continued_or_deleted() {
    let mut app = in_history();
    // The first row is the unfinished one.
    let effects = keys(&mut app, "r", t0());
    assert!(matches!(&effects[..], [Effect::Resume(p)] if p.ends_with("vlinder-2.toml")));
    // A finished one is not continued.
    keys(&mut app, "<down>", t0());
    assert!(keys(&mut app, "r", t0()).is_empty());
    // Delete asks first, naming it.
    assert!(keys(&mut app, "d", t0()).is_empty());
    let text = screen(&app, 80, 24, at(0));
    assert!(
        text.contains("Ambitiegesprek · De Linde verwijderen"),
        "{text}"
    );
    let effects = keys(&mut app, "n", t0());
    assert!(effects.is_empty() && app.shell.overlay.is_none());
    keys(&mut app, "d", t0());
    let effects = keys(&mut app, "y", t0());
    assert!(matches!(&effects[..], [Effect::Delete(p)] if p.ends_with("linde.toml")));
    let effects = app.update(Msg::Deleted("linde.toml".into()), t0());
    assert!(
        matches!(effects.as_slice(), [Effect::ListHistory]),
        "listed again"
    );
    // A damaged file is never touched: no question.
    keys(&mut app, "<down><down><down>", t0());
    assert!(keys(&mut app, "d", t0()).is_empty());
    assert!(app.shell.overlay.is_none());
    let text = screen(&app, 120, 40, at(0));
    assert!(text.contains("beschadigd"), "{text}");
    // Esc goes home.
    let effects = keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::Home);
    assert!(matches!(effects.as_slice(), [Effect::RefreshSessions]));
}

/// A finished voortgangsgesprek with OBS De Vlinder: participants, a
/// consultant, notes with diacritics, a private note.
fn held() -> Session {
    let mut app = ui_support::in_conversation(Lang::Nl);
    keys(
        &mut app,
        "Eén idee: de cultuurweek.<esc>oDirecteur lijkt moe<esc>",
        at(1),
    );
    let mut s = app.session().unwrap().clone();
    s.set_field("school", "OBS De Vlinder").unwrap();
    s.finish(at(80));
    s
}

#[test]
fn a_follow_up_starts_the_next_conversation_with_the_same_client() {
    let mut app = in_history();
    keys(&mut app, "<down><down>", t0());
    let effects = keys(&mut app, "v", t0());
    assert!(matches!(&effects[..], [Effect::FollowUp(p)] if p.ends_with("vlinder-1.toml")));
    app.update(Msg::FollowUp(Box::new(held())), t0());
    let text = screen(&app, 80, 24, at(0));
    assert!(text.contains("Vervolggesprek volgens"), "{text}");
    // The guide held last time is chosen already.
    keys(&mut app, "<enter>", at(60 * 24));
    assert_eq!(app.screen_id(), ScreenId::Prepare);
    keys(&mut app, "<enter>", at(60 * 24));
    let form = app.form().expect("the form");
    let values: Vec<String> = form
        .inputs
        .iter()
        .map(|i| match i {
            leidraad::tui::screens::form::FieldInput::Text(t) => t.text(),
            leidraad::tui::screens::form::FieldInput::Pick(p) => format!("{p:?}"),
        })
        .collect();
    // school, date (today, not the old one), participants, consultant
    assert_eq!(values[0], "OBS De Vlinder");
    assert_eq!(values[1], "24-11-2026");
    assert_eq!(values[2], "Anna, Bert");
    assert_eq!(values[3], "Jan");
}

#[test]
fn the_view_finds_text_whatever_its_case_and_accents_and_hides_private_notes() {
    let mut app = in_history();
    // What the status line said of another file (it could not be opened)
    // goes when a sound one is shown.
    app.update(Msg::OpenFailed("kapot.toml is beschadigd".into()), t0());
    assert!(app.shell.status.is_some());
    app.update(
        Msg::Viewing {
            session: Box::new(held()),
            path: "/data/vlinder-1.toml".into(),
            file_name: "vlinder-1.toml".into(),
            locked: false,
        },
        t0(),
    );
    assert_eq!(app.screen_id(), ScreenId::View);
    assert!(app.shell.status.is_none(), "not open elsewhere: no warning");
    let text = screen(&app, 120, 40, at(0));
    assert!(text.contains("Directeur lijkt moe"), "{text}");
    keys(&mut app, "/een", t0());
    both_sizes("view_find", &app);
    assert!(
        screen(&app, 80, 24, at(0)).contains("1/3"),
        "Eén, and Ideeën twice (ideeen holds een)"
    );
    keys(&mut app, "<enter>o", t0());
    let text = screen(&app, 120, 40, at(0));
    assert!(!text.contains("Directeur lijkt moe"), "{text}");
    assert!(text.contains("eigen notities verborgen"), "{text}");
    // Esc goes back to the history as it was.
    keys(&mut app, "<esc>", t0());
    assert_eq!(app.screen_id(), ScreenId::History);
    assert!(screen(&app, 80, 24, at(0)).contains("5 gesprekken"));
}

#[test]
fn home_lists_recent_sessions_and_counts_damaged_files() {
    use leidraad::tui::screens::home::{HomeLists, RecentEntry};
    let mut app = app(Lang::Nl);
    app.update(
        Msg::Sessions(HomeLists {
            resumable: vec![],
            recent: vec![RecentEntry {
                path: "/data/vlinder-1.toml".into(),
                file_name: "vlinder-1.toml".into(),
                title: "Ambitiegesprek".into(),
                client: "OBS De Vlinder".into(),
                started: at(-60 * 24),
            }],
            damaged: 2,
            ..HomeLists::default()
        }),
        t0(),
    );
    both_sizes("home_recent", &app);
    let text = screen(&app, 80, 24, at(0));
    assert!(text.contains("Recent"), "{text}");
    // Too long for the row: cut with "…".
    assert!(text.contains("22-11  Ambitiegesprek · OBS De …"), "{text}");
    assert!(
        text.contains("2 beschadigde bestanden: h toont ze"),
        "{text}"
    );
    let effects = keys(&mut app, "<enter>", t0());
    assert!(matches!(&effects[..], [Effect::View(p)] if p.ends_with("vlinder-1.toml")));
}

/// Thousands of sessions: the list is drawn around the selection (only the
/// rows that can be on screen are built), the selected one in view.
#[test]
fn a_long_history_is_drawn_around_the_selection() {
    let mut app = app(Lang::Nl);
    keys(&mut app, "h", t0());
    let many: Vec<HistoryEntry> = (0..3_000)
        .map(|i| {
            entry(
                &format!("s{i}"),
                "Voortgangsgesprek",
                &format!("School {i:04}"),
                i,
                EntryStatus::Finished,
            )
        })
        .collect();
    app.update(Msg::History(many), t0());
    keys(&mut app, &"<pgdn>".repeat(150), t0());
    let text = screen(&app, 80, 24, at(0));
    assert!(text.contains("3000 gesprekken"), "{text}");
    assert!(
        text.contains("School 1500"),
        "the selected row is in view:\n{text}"
    );
    assert!(!text.contains("School 0000"), "{text}");
    // The rows before it fill the window up to the selection (17 rows).
    assert!(
        text.contains("School 1484") && !text.contains("School 1483"),
        "{text}"
    );
    // End: the oldest; Home: the newest again.
    keys(&mut app, "<end>", t0());
    assert!(screen(&app, 80, 24, at(0)).contains("School 2999"));
    keys(&mut app, "<home>", t0());
    assert!(screen(&app, 80, 24, at(0)).contains("School 0000"));
}

/// The columns are as wide as the rows need: a talk that overran to 105
/// minutes shows "90/105" whole, and "1 gesprek" is said so.
#[test]
fn the_minutes_of_an_overrun_are_shown_whole() {
    let mut app = app(Lang::Nl);
    keys(&mut app, "h", t0());
    let long = HistoryEntry {
        minutes: Some((90, 105)),
        ..entry(
            "lang",
            "Voortgangsgesprek",
            "Basisschool De Regenboog",
            60,
            EntryStatus::Finished,
        )
    };
    app.update(Msg::History(vec![long]), t0());
    for width in [80, 120] {
        let text = screen(&app, width, 24, at(0));
        assert!(text.contains("90/105"), "{text}");
        assert!(text.contains("Geschiedenis · 1 gesprek "), "{text}");
        // The guide column no wider than its title: the client gets the rest.
        assert!(
            text.contains("Voortgangsgesprek  Basisschool De Regen"),
            "{text}"
        );
    }
    assert!(screen(&app, 120, 24, at(0)).contains("Basisschool De Regenboog "));
}

/// The home screen writes dates as the interface does: "22-11" and
/// "22-11-2026 09:00" in Dutch, "Nov 22" and "2026-11-22 09:00" in English
/// (like the history and the timeline).
#[test]
fn home_dates_are_written_in_the_interface_language() {
    use leidraad::tui::screens::home::{HomeLists, RecentEntry, ResumeEntry};
    for (lang, day, full) in [
        (Lang::Nl, "22-11", "22-11-2026 09:00"),
        (Lang::En, "Nov 22", "2026-11-22 09:00"),
    ] {
        let mut app = app(lang);
        app.update(
            Msg::Sessions(HomeLists {
                resumable: vec![ResumeEntry {
                    path: "/data/open.toml".into(),
                    file_name: "open.toml".into(),
                    title: "Voortgangsgesprek".into(),
                    client: "De Linde".into(),
                    when: at(-60 * 24),
                    rescued: false,
                    preparing: false,
                }],
                recent: vec![RecentEntry {
                    path: "/data/vlinder-1.toml".into(),
                    file_name: "vlinder-1.toml".into(),
                    title: "Ambitiegesprek".into(),
                    client: "OBS De Vlinder".into(),
                    started: at(-60 * 24),
                }],
                ..HomeLists::default()
            }),
            t0(),
        );
        let text = screen(&app, 120, 40, at(0));
        assert!(text.contains(&format!("({day} 09:00)")), "{text}");
        assert!(text.contains(&format!("{day}  Ambitiegesprek")), "{text}");
        assert!(text.contains(full), "the selected row's details:\n{text}");
    }
}

/// The reason the store gives for a session file whose status was edited
/// to one that does not exist, in `lang`'s words, as the history shows it.
fn invalid_status_reason(lang: Lang) -> String {
    let dir = tempfile::TempDir::new().unwrap();
    let store = leidraad::store::SessionStore::open(dir.path().join("data")).unwrap();
    let text = leidraad::store::session_text(&held()).unwrap();
    let path = store.dir().join("2026-09-01_0900_kapot.toml");
    std::fs::write(
        &path,
        text.replacen("status = \"finished\"", "status = \"???\"", 1),
    )
    .unwrap();
    let listed = store.list().unwrap();
    match listed.as_slice() {
        [leidraad::store::Listed::Damaged(d)] => d.reason.message(lang.texts()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_damaged_entry_says_where_and_what_in_the_interface_language() {
    let damaged = |why: String| {
        let mut all = entries();
        if let Some(last) = all.last_mut() {
            last.status = EntryStatus::Damaged(why);
        }
        all
    };
    let nl = invalid_status_reason(Lang::Nl);
    assert_eq!(
        nl,
        "regel 2, kolom 10: een waarde die hier niet kan bij `status`"
    );
    let mut dutch = in_history();
    dutch.update(Msg::History(damaged(nl)), t0());
    both_sizes("history_damaged_place", &dutch);
    let text = screen(&dutch, 120, 40, at(0));
    assert!(
        text.contains("kapot.toml · beschadigd: regel 2, kolom 10: een waarde die hier niet kan"),
        "{text}"
    );
    for english in ["expected", "unknown variant", "in_progress"] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }

    let en = invalid_status_reason(Lang::En);
    assert_eq!(
        en,
        "line 2, column 10: a value that is not allowed here for `status`"
    );
    let mut english = app(Lang::En);
    keys(&mut english, "h", t0());
    english.update(Msg::History(damaged(en)), t0());
    let text = screen(&english, 120, 40, at(0));
    assert!(
        text.contains("kapot.toml · damaged: line 2, column 10: a value that is not allowed"),
        "{text}"
    );
}

#[test]
fn the_selected_damaged_entry_says_all_of_why_on_the_rows_it_needs() {
    let mut dutch = in_history();
    let mut all = entries();
    let why = invalid_status_reason(Lang::Nl);
    if let Some(last) = all.last_mut() {
        last.status = EntryStatus::Damaged(why);
    }
    dutch.update(Msg::History(all), t0());
    let cut = screen(&dutch, 80, 24, at(0));
    assert!(
        !cut.contains("`status`"),
        "not selected, one row: cut\n{cut}"
    );
    keys(&mut dutch, "<end>", t0());
    let text = screen(&dutch, 80, 24, at(0));
    // Wrapped under the start of the text: the words meet across the rows.
    let said: String = text
        .lines()
        .map(|l| l.trim_matches(|c| matches!(c, '"' | '│' | '┃')).trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("beschadigd: regel 2, kolom 10: een waarde die hier niet kan bij `status`"),
        "{text}"
    );
    insta::assert_snapshot!("history_damaged_selected_80x24", text);
    // Enter, r and v on it say why nothing opens, in the status line.
    for key in ["<enter>", "r", "v"] {
        dutch.shell.status = None;
        keys(&mut dutch, key, t0());
        let said = dutch.shell.status.as_ref().map(|(t, _)| t.as_str());
        assert!(
            said.is_some_and(
                |t| t.contains("is beschadigd (regel 2, kolom 10") && t.contains("onaangeroerd")
            ),
            "{key}: {said:?}"
        );
        assert_eq!(dutch.screen_id(), ScreenId::History, "{key}");
        assert!(dutch.shell.overlay.is_none(), "{key}");
    }
}

/// Where a search found its text, labelled as the history labels it.
fn hit_part(part: leidraad::store::MatchedPart) -> HitPart {
    use leidraad::store::HitKind;
    let t = &Lang::Nl.texts().history;
    let (label, private) = match part.kind {
        HitKind::Field { label } => (label, false),
        HitKind::Notes { title, .. } => ((t.part_notes)(&title), false),
        HitKind::PrivateNote { title, .. } => ((t.part_private)(&title), true),
        HitKind::Item { list, .. } | HitKind::Carried { list } => ((t.part_item)(&list), false),
        HitKind::Rating { label, .. } => ((t.part_rating)(&label), false),
    };
    HitPart {
        label,
        private,
        snippet: part.snippet,
        ranges: part.ranges,
    }
}

/// The underlined runs of text on the rows of a drawn screen.
fn underlined(app: &App, width: u16, height: u16) -> Vec<String> {
    use ratatui::style::Modifier;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| leidraad::tui::screens::render(app, f, at(0)))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut runs = Vec::new();
    for y in 0..height {
        let mut run = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

/// A search of several words in a real store, as the history shows it:
/// the session holding every word (in different phases), under it each
/// part holding one, every word marked where it was found; a session with
/// only one of the words is not a hit.
#[test]
fn a_search_of_several_words_shows_each_where_it_was_found() {
    use leidraad::store::{SessionQuery, SessionStore};
    let dir = tempfile::TempDir::new().unwrap();
    let store = SessionStore::open(dir.path().join("data")).unwrap();
    let mut both = held();
    both.phases[0].notes = "Fatima vertelt over de cultuurweek.".into();
    both.phases[1].notes = "Els neemt het over; Fatima helpt.".into();
    let both_path = store.path_for_new(&both);
    store.save(&both_path, &both).unwrap();
    let mut one = held();
    one.created = at(-60 * 24 * 2);
    one.phases[0].notes = "Alleen Fatima.".into();
    let one_path = store.path_for_new(&one);
    store.save(&one_path, &one).unwrap();
    let mut app = in_history();
    let mut listed = entries();
    for (path, minutes_ago) in [(&both_path, 30), (&one_path, 60 * 24 * 2)] {
        listed.push(HistoryEntry {
            path: path.clone(),
            ..entry(
                "echt",
                "Voortgangsgesprek",
                "OBS De Vlinder",
                minutes_ago,
                EntryStatus::Finished,
            )
        });
    }
    app.update(Msg::History(listed), t0());
    let effects = keys(&mut app, "/Fatima<space>Els", t0());
    let Some(Effect::SearchHistory(search)) = effects.last() else {
        panic!("{effects:?}");
    };
    assert_eq!(search.text, "Fatima Els");
    let hits: Vec<Hit> = store
        .search(&SessionQuery::all().with_text(&search.text).first(200))
        .unwrap()
        .into_iter()
        .map(|hit| Hit {
            path: hit.header.path,
            parts: hit.parts.into_iter().map(hit_part).collect(),
        })
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    app.update(
        Msg::Found(Found {
            text: search.text.clone(),
            hits,
            more: false,
        }),
        t0(),
    );
    both_sizes("history_search_words", &app);
    let text = screen(&app, 120, 40, at(0));
    assert!(text.contains("1 van 7"), "{text}");
    assert!(
        text.contains("Fatima vertelt over de cultuurweek."),
        "{text}"
    );
    assert!(text.contains("Els neemt het over; Fatima helpt."), "{text}");
    assert!(!text.contains("Alleen Fatima"), "{text}");
    assert_eq!(underlined(&app, 120, 40), ["Fatima", "Els", "Fatima"]);
}
