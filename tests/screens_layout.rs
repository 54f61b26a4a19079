//! Readable at the default terminal size (80x24): every bundled phase shows
//! its helper questions without scrolling, list items are readable whole,
//! a reminder is shown whole, the phase list keeps the phase on screen in
//! view, and whatever is cut ends in "…".

mod ui_support;

use leidraad::catalog::Catalog;
use leidraad::guide::Conversation;
use leidraad::i18n::Lang;
use leidraad::session::Session;
use leidraad::tui::app::{App, Msg};
use leidraad::tui::screens::conversation::Focus;
use ui_support::{app, at, in_conversation, keys, screen, select_guide, t0};

/// The bundled conversation guides.
fn bundled() -> Vec<Conversation> {
    Catalog::bundled()
        .guides
        .iter()
        .filter_map(|g| g.guide.as_conversation().cloned())
        .collect()
}

/// A conversation with `guide` started at `t0`, on its first phase, not
/// typing.
fn started(guide: &Conversation) -> App {
    let mut app = app(Lang::Nl);
    let mut session = Session::new(guide, t0());
    session.client = "Basisschool De Regenboog".to_string();
    session.start(t0());
    leidraad::tui::screens::conversation::open(&mut app, session);
    keys(&mut app, "<esc>", t0());
    app
}

/// Go to phase `index` (0-based) with `n` and `p`, not typing.
fn go_to(app: &mut App, index: usize) {
    while app.session().unwrap().current < index {
        keys(app, "n<esc>", t0());
    }
    while app.session().unwrap().current > index {
        keys(app, "p<esc>", t0());
    }
}

/// The screen's rows from under the clocks to the panes' bottom border
/// (the header and the footer have tests of their own).
fn body(text: &str) -> String {
    let rows: Vec<&str> = text.lines().collect();
    let end = rows
        .iter()
        .rposition(|r| r.contains('┘') || r.contains('┛'))
        .map_or(rows.len(), |i| i + 1);
    rows[3..end].join("\n")
}

/// What can be read on the right of the phase list: its rows without the
/// borders and the hanging indents, joined with spaces.
fn right_side(text: &str, left_width: usize) -> String {
    text.lines()
        .map(|row| {
            let row = row.split('"').nth(1).unwrap_or("");
            let right: String = row.chars().skip(left_width + 1).collect();
            right
                .trim_matches(|c: char| "│┃".contains(c))
                .trim()
                .to_string()
        })
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a question can be read in `seen`: whole, or (a long one cut
/// to what fits) at least its first 15 characters followed by "…".
fn readable(seen: &str, question: &str) -> bool {
    let whole = question.split_whitespace().collect::<Vec<_>>().join(" ");
    if seen.contains(&whole) {
        return true;
    }
    whole
        .char_indices()
        .skip(15)
        .any(|(at, _)| seen.contains(&format!("{}…", &whole[..at])))
}

#[test]
fn every_bundled_phase_shows_its_questions_at_80x24() {
    for guide in bundled() {
        let mut app = started(&guide);
        let mut combined = String::new();
        for (i, phase) in guide.phases.iter().enumerate() {
            go_to(&mut app, i);
            let text = screen(&app, 80, 24, t0());
            combined.push_str(&format!("── {} {}\n{}\n", i + 1, phase.title, body(&text)));
            let questions = phase.all_questions();
            let seen = right_side(&text, 26);
            if questions.len() <= 5 {
                for (_, q) in &questions {
                    assert!(
                        readable(&seen, q),
                        "{} phase {}: “{q}” not on screen\n{text}",
                        guide.id,
                        i + 1
                    );
                }
            } else {
                // As many as fit, and a marker for the rest.
                let shown = questions.iter().filter(|(_, q)| readable(&seen, q)).count();
                assert!(shown >= 3, "{} phase {}\n{text}", guide.id, i + 1);
                assert!(text.contains("meer: PgDn"), "{}\n{text}", guide.id);
            }
        }
        insta::assert_snapshot!(format!("phases_80x24_{}", guide.id), combined);
    }
}

#[test]
fn the_grouped_questions_of_in_perspectief_zetten_fit_at_120x40() {
    let guide = bundled()
        .into_iter()
        .find(|g| g.id == "voortgangsgesprek")
        .unwrap();
    let mut app = started(&guide);
    go_to(&mut app, 2);
    let text = screen(&app, 120, 40, t0());
    let seen = right_side(&text, 34);
    for (_, q) in guide.phases[2].all_questions() {
        assert!(readable(&seen, q), "“{q}”\n{text}");
    }
    // At 80x24 the rest is below, and PgDn brings every question into view.
    let first = screen(&app, 80, 24, t0());
    assert!(first.contains(" vragen · meer: PgDn ┘"), "{first}");
    let mut seen = right_side(&first, 26);
    for _ in 0..10 {
        keys(&mut app, "<pgdn>", t0());
        seen.push_str(&right_side(&screen(&app, 80, 24, t0()), 26));
    }
    for (_, q) in guide.phases[2].all_questions() {
        assert!(readable(&seen, q), "“{q}” never came into view");
    }
}

/// The voortgangsgesprek on Concretiseren with three agreements whose
/// columns are long.
fn three_long_agreements() -> App {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>6<esc>", at(1));
    for (what, who, when, how) in [
        (
            "Leerlingenraad cultuur oprichten (2 leerlingen per bouw)",
            "Jan Bakker",
            "voor de kerstvakantie",
            "in de teamvergadering van maart",
        ),
        (
            "Aanvraag CmK-subsidie voor samenwerking met het Cultuurhuis (erfgoedproject groep 5/6)",
            "Marieke (directeur)",
            "1 februari",
            "bij het voortgangsgesprek",
        ),
        (
            "Voorbeeldlessen creatief proces delen met onderbouw",
            "Anouk (begeleider)",
            "na de voorjaarsvakantie",
            "",
        ),
    ] {
        keys(
            &mut app,
            &format!("a{what}<tab>{who}<tab>{when}<tab>{how}<enter>"),
            at(2),
        );
    }
    assert_eq!(app.session().unwrap().phases[5].lists["afspraken"].len(), 3);
    app
}

#[test]
fn who_does_what_and_when_is_readable_in_the_lists_pane_at_80x24() {
    let mut app = three_long_agreements();
    // After adding, the list has the focus and the newest item is selected;
    // going up, each selected item is whole on screen, its columns too.
    assert!(matches!(app.conv().unwrap().focus, Focus::List(0)));
    insta::assert_snapshot!("long_agreements_80x24", screen(&app, 80, 24, at(2)));
    for (i, part) in [
        "Voorbeeldlessen creatief proces delen met onderbouw · Wie: Anouk (begeleider) · Wanneer: na de voorjaarsvakantie",
        "Aanvraag CmK-subsidie voor samenwerking met het Cultuurhuis (erfgoedproject groep 5/6) · Wie: Marieke (directeur) · Wanneer: 1 februari · Evaluatie (hoe en wanneer): bij het voortgangsgesprek",
        "Leerlingenraad cultuur oprichten (2 leerlingen per bouw) · Wie: Jan Bakker · Wanneer: voor de kerstvakantie · Evaluatie (hoe en wanneer): in de teamvergadering van maart",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            keys(&mut app, "<up>", at(2));
        }
        let text = screen(&app, 80, 24, at(2));
        assert!(right_side(&text, 26).contains(part), "“{part}”\n{text}");
        // Nothing is cut at the right edge without "…".
        for row in text.lines() {
            assert!(!row.contains("· Wan┃") && !row.contains("· W┃"), "{row}");
        }
    }
    // At 120x40 all three are whole at once.
    let seen = right_side(&screen(&app, 120, 40, at(2)), 34);
    for when in [
        "voor de kerstvakantie",
        "1 februari",
        "na de voorjaarsvakantie",
    ] {
        assert!(seen.contains(&format!("Wanneer: {when}")), "{seen}");
    }
}

#[test]
fn the_reminder_banner_wraps_at_80_columns() {
    let mut app = in_conversation(Lang::Nl);
    app.update(Msg::Tick, at(85));
    let reminder = &app.session().unwrap().guide.reminders[0].text;
    let text = screen(&app, 80, 24, at(85));
    let rows: Vec<&str> = text.lines().collect();
    // The banner's rows, under the clocks, until the panes begin.
    let banner: Vec<String> = rows[3..]
        .iter()
        .map(|r| r.split('"').nth(1).unwrap_or("").to_string())
        .take_while(|r| !r.starts_with('┌'))
        .collect();
    assert!(banner.len() >= 2, "{text}");
    let joined = banner
        .iter()
        .map(|r| r.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains(reminder.trim()), "{reminder}\n{text}");
    // The rows after the first go on under the start of the text.
    assert!(
        banner[1].starts_with("    ") && !banner[1].starts_with("     "),
        "{text}"
    );
}

/// A guide with `n` phases of a few minutes each.
fn many_phases(n: usize) -> Conversation {
    let mut toml = String::from("format = 1\nid = \"lang\"\ntitle = \"Dertig fasen\"\n");
    for i in 1..=n {
        toml.push_str(&format!(
            "\n[[phases]]\nid = \"f{i}\"\ntitle = \"Stap {i}\"\nminutes = 3\nquestions = [\"Vraag {i}?\"]\n"
        ));
    }
    let parsed = leidraad::guide::parse::parse_guide("lang.toml", &toml).expect("a valid guide");
    parsed.guide.as_conversation().unwrap().clone()
}

#[test]
fn the_phase_list_scrolls_to_the_phase_on_screen() {
    let guide = many_phases(30);
    let mut app = started(&guide);
    let first = screen(&app, 80, 24, t0());
    assert!(
        first.contains("│▸1 Stap 1 ") && !first.contains("│ 30 Stap"),
        "{first}"
    );
    go_to(&mut app, 29);
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("│▸30 Stap 30 "), "{text}");
    // Phase 1 has scrolled away; the border says there is more above.
    assert!(!text.contains("│·1 Stap 1 "), "{text}");
    assert!(text.contains(" ↑ ┘"), "{text}");
    insta::assert_snapshot!("thirty_phases_on_the_last_80x24", text);
    // In the middle: the phase on screen and the next one in view.
    go_to(&mut app, 19);
    let text = screen(&app, 80, 24, t0());
    assert!(
        text.contains("│▸20 Stap") && text.contains("│·21 Stap"),
        "{text}"
    );
    assert!(text.contains(" ↑↓ ┘"), "{text}");
}

#[test]
fn a_phase_only_visited_is_not_marked_done() {
    let mut app = in_conversation(Lang::Nl);
    // Through Contracteren without doing anything in it.
    keys(&mut app, "<esc>2<esc>", at(1));
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("│·1 Contracteren"), "{text}");
    assert!(
        text.contains("0:00/5 · 0/4") || text.contains("/5 · 0/4"),
        "{text}"
    );
    assert!(
        text.contains("│ 3 In perspectief"),
        "not visited: no mark\n{text}"
    );
    // Back, a question marked asked: done once left.
    keys(&mut app, "1<esc>", at(2));
    for _ in 0..6 {
        if app.conv().unwrap().focus == Focus::Questions {
            break;
        }
        keys(&mut app, "<tab>", at(2));
    }
    keys(&mut app, "<space>", at(2));
    keys(&mut app, "2<esc>", at(3));
    let text = screen(&app, 80, 24, at(3));
    assert!(text.contains("│✓1 Contracteren"), "{text}");
    assert!(text.contains("· 1/4"), "{text}");
    // Notes count too.
    keys(&mut app, "3<esc>iEerste indruk<esc>4<esc>", at(4));
    let text = screen(&app, 80, 24, at(4));
    assert!(text.contains("│✓3 In perspectief"), "{text}");
    assert!(text.contains("│·2 Focus"), "{text}");
}

#[test]
fn a_pane_with_only_a_rating_is_titled_as_a_rating() {
    let mut app = ui_support::in_ambitiegesprek();
    keys(&mut app, "<esc>3<esc>", at(1));
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("┌ Beoordeling "), "{text}");
    assert!(!text.contains(" Lijsten "), "{text}");
    // A phase with a list keeps "Lijsten".
    keys(&mut app, "5<esc>", at(1));
    assert!(screen(&app, 80, 24, at(1)).contains("┌ Lijsten "));
}

#[test]
fn the_preparation_offers_ticking_only_with_a_checklist_and_says_when_it_is_cut() {
    let mut app = app(Lang::Nl);
    let without = bundled()
        .into_iter()
        .find(|g| g.preparation.is_empty())
        .expect("a bundled guide without a checklist");
    leidraad::tui::screens::prepare::open(&mut app, &without, None, Vec::new());
    let text = screen(&app, 80, 24, t0());
    let footer = text.lines().last().unwrap();
    assert!(
        !footer.contains("afvinken") && !footer.contains("kiezen"),
        "{footer}"
    );
    // The ambitiegesprek's ten items do not all fit at 80x24.
    let mut app = ui_support::app(Lang::Nl);
    select_guide(&mut app, "ambitiegesprek");
    keys(&mut app, "<enter>", t0());
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("Spatie afvinken"), "{text}");
    assert!(text.contains("meer: ↑↓ ┛"), "{text}");
    for _ in 0..10 {
        keys(&mut app, "<down>", t0());
    }
    let end = screen(&app, 80, 24, t0());
    let last = app
        .prepare()
        .unwrap()
        .prep
        .guide
        .preparation
        .last()
        .unwrap()
        .clone();
    let start: String = last.chars().take(20).collect();
    assert!(end.contains(&start), "{end}");
}

#[test]
fn long_names_on_the_home_screen_end_in_an_ellipsis() {
    let toml = r#"
format = 1
id = "lang"
title = "Een gespreksleidraad met een heel erg lange titel die niet past"

[[phases]]
id = "een"
title = "Een"
minutes = 15
"#;
    let app = ui_support::app_with_guide(Lang::Nl, toml);
    let text = screen(&app, 80, 24, t0());
    assert!(
        text.contains("  Een gespreksleidraad …  (15 min)┃"),
        "{text}"
    );
    // The repeated steps of a trajectory keep their "×5".
    let mut app = app_home_with_trajectory_open("verbetertraject");
    let text = screen(&app, 80, 24, t0());
    assert!(text.contains("×5┃"), "{text}");
    assert!(text.contains("…"), "{text}");
    keys(&mut app, "<esc>", t0());
}

/// The home screen with a bundled trajectory's steps shown.
fn app_home_with_trajectory_open(id: &str) -> App {
    let mut app = app(Lang::Nl);
    select_guide(&mut app, id);
    keys(&mut app, "<enter>", t0());
    assert!(app.home.expanded.is_some());
    app
}

#[test]
fn summary_items_wrap_under_the_start_of_their_text() {
    let mut app = three_long_agreements();
    keys(&mut app, "<esc>s", at(3));
    let text = screen(&app, 80, 24, at(3));
    let rows: Vec<&str> = text
        .lines()
        .map(|r| r.split('"').nth(1).unwrap_or(""))
        .collect();
    let first = rows
        .iter()
        .position(|r| r.contains("• Leerlingenraad cultuur oprichten"))
        .unwrap_or_else(|| panic!("{text}"));
    // "┃  • " then the text: the next row goes on four columns in.
    assert!(
        rows[first + 1].starts_with("┃    ") && !rows[first + 1].starts_with("┃     "),
        "{text}"
    );
    // Further down, the questions not asked go on under their text too.
    for _ in 0..6 {
        keys(&mut app, "<pgdn>", at(3));
    }
    let text = screen(&app, 80, 24, at(3));
    assert!(
        text.contains("┃  Ideeën genereren · Als tijd en geld geen belemmering"),
        "{text}"
    );
    assert!(text.contains("┃                     zie je?  "), "{text}");
}
