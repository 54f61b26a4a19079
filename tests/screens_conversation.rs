//! The conversation screen's panes read well at every size: the notes of a
//! revisited phase, and the chosen step of a rating.

mod ui_support;

use leidraad::i18n::Lang;
use leidraad::tui::app::App;
use leidraad::tui::screens::conversation::Focus;
use ui_support::{at, in_conversation, keys, screen};

const FIRST: &str = "Contractvraag 1: hoe houden we de leerlijn vast?";
/// The start of the first line (the rest wraps in a narrow window).
const FIRST_START: &str = "Contractvraag 1:";
/// Short enough not to wrap in the narrowest pane.
const LAST: &str = "Slot: foto gemaakt.";

/// The voortgangsgesprek with 35 lines of notes in Contracteren (some long
/// enough to wrap), then on Afronden, not typing.
fn afronden_with_long_contracteren_notes() -> App {
    let mut app = in_conversation(Lang::Nl);
    let mut typed = String::from(FIRST);
    for i in 2..35 {
        typed.push_str("<enter>");
        if i % 5 == 0 {
            typed.push_str(&format!(
                "Regel {i}: een langere gedachte die over meer dan één schermregel loopt, \
                 zodat het afbreken van woorden meetelt."
            ));
        } else {
            typed.push_str(&format!("Regel {i}: afspraak of vraag"));
        }
    }
    typed.push_str("<enter>");
    typed.push_str(LAST);
    keys(&mut app, &typed, at(3));
    assert_eq!(app.session().unwrap().phases[0].notes.lines().count(), 35);
    keys(&mut app, "<esc>7<esc>", at(5));
    let s = app.session().unwrap();
    assert_eq!(s.guide.phases[s.current].id, "afronden");
    app
}

/// Page down through the earlier notes at this size until the last line
/// shows; the screen then.
fn scroll_to_the_end(app: &mut App, w: u16, h: u16) -> String {
    let mut text = screen(app, w, h, at(6));
    for _ in 0..10 {
        if text.contains(LAST) {
            break;
        }
        keys(app, "<pgdn>", at(6));
        text = screen(app, w, h, at(6));
    }
    text
}

#[test]
fn the_revisited_notes_have_their_own_pane_and_scroll_to_their_end() {
    let mut app = afronden_with_long_contracteren_notes();
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let text = screen(&app, w, h, at(6));
        assert!(
            text.contains("Notities uit Contracteren"),
            "{w}x{h}\n{text}"
        );
        assert!(text.contains(FIRST_START), "{w}x{h}\n{text}");
        // The guide keeps its text: the notes are not appended to it.
        assert!(
            text.contains("Kom terug op de contractvragen"),
            "{w}x{h}\n{text}"
        );
    }
    insta::assert_snapshot!("revisit_top_80x24", screen(&app, 80, 24, at(6)));

    // Tab from the notes: the earlier notes (the private note is `o`).
    keys(&mut app, "<tab>", at(6));
    assert_eq!(app.conv().unwrap().focus, Focus::Revisit);
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        keys(&mut app, &"<pgup>".repeat(20), at(6));
        let top = screen(&app, w, h, at(6));
        assert!(top.contains(FIRST_START), "{w}x{h}\n{top}");
        let text = scroll_to_the_end(&mut app, w, h);
        assert!(text.contains(LAST), "{w}x{h}\n{text}");
        assert!(
            text.contains("Notities uit Contracteren"),
            "{w}x{h}\n{text}"
        );
        // Scrolling stops at the end: one more page changes nothing.
        keys(&mut app, "<pgdn>", at(6));
        assert_eq!(screen(&app, w, h, at(6)), text, "{w}x{h}");
    }
    insta::assert_snapshot!("revisit_end_120x40", scroll_to_the_end(&mut app, 120, 40));
    insta::assert_snapshot!("revisit_end_80x24", scroll_to_the_end(&mut app, 80, 24));

    // ↑ scrolls back a row at a time; Enter edits this phase's own notes,
    // and the earlier notes are left as they were.
    keys(&mut app, "<up>", at(6));
    assert!(!screen(&app, 80, 24, at(6)).contains(LAST));
    keys(&mut app, "<enter>Eigen notitie", at(6));
    let s = app.session().unwrap();
    assert_eq!(s.phases[s.current].notes, "Eigen notitie");
    assert!(s.phases[0].notes.ends_with(LAST));
}

#[test]
fn a_phase_without_revisit_has_no_extra_stop() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc><tab><tab>", at(1));
    assert_ne!(app.conv().unwrap().focus, Focus::Revisit);
    assert!(!screen(&app, 80, 24, at(1)).contains("Notities uit"));
}

#[test]
fn empty_earlier_notes_say_so() {
    let mut app = in_conversation(Lang::Nl);
    keys(&mut app, "<esc>7", at(1));
    let text = screen(&app, 80, 24, at(1));
    assert!(text.contains("Notities uit Contracteren"), "{text}");
    assert!(text.contains("(geen notities)"), "{text}");
}

/// The ambitiegesprek on its rating, focused, with the first item rated
/// "minder sterk ontwikkeld" (2 of 3) and the second "verdient nog
/// aandacht" (3 of 3), the second selected.
fn on_the_rating() -> App {
    let mut app = ui_support::in_ambitiegesprek();
    let phase = app
        .session()
        .unwrap()
        .guide
        .phases
        .iter()
        .position(|p| !p.ratings.is_empty())
        .expect("the ambitiegesprek has a rating");
    keys(&mut app, &format!("<esc>{}<esc>", phase + 1), at(1));
    for _ in 0..8 {
        if matches!(app.conv().unwrap().focus, Focus::Rating(_)) {
            break;
        }
        keys(&mut app, "<tab>", at(1));
    }
    keys(&mut app, "<right><right><down><left>", at(1));
    app
}

#[test]
fn the_chosen_step_and_its_place_on_the_scale_are_readable_at_80x24() {
    let app = on_the_rating();
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let text = screen(&app, w, h, at(1));
        assert!(
            text.contains("[2/3 minder sterk ontwikkeld]"),
            "{w}x{h}\n{text}"
        );
        assert!(
            text.contains("[3/3 verdient nog aandacht]"),
            "{w}x{h}\n{text}"
        );
        // A label too long for its column is cut visibly.
        assert!(text.contains('…'), "{w}x{h}\n{text}");
    }
    let text = screen(&app, 80, 24, at(1));
    // The selected item wraps instead of being cut.
    assert!(text.contains("Inzet deskundigheid"), "{text}");
    assert!(text.contains("leerkrachten"), "{text}");
    insta::assert_snapshot!("rating_80x24", text);
}

#[test]
fn the_footer_offers_adding_an_item_only_where_the_phase_has_a_list() {
    let mut app = in_conversation(Lang::Nl);
    // The footer's two rows.
    let footer = |app: &App| {
        let text = screen(app, 120, 40, at(1));
        let rows: Vec<&str> = text.lines().collect();
        rows[rows.len() - 2..].join("\n")
    };
    // Contracteren has no list; Concretiseren has the agreements.
    keys(&mut app, "<esc>", at(1));
    assert!(!footer(&app).contains("punt toevoegen"), "{}", footer(&app));
    keys(&mut app, "6<esc>", at(1));
    assert!(footer(&app).contains("punt toevoegen"), "{}", footer(&app));
}

#[test]
fn a_long_guidance_scrolls_with_page_down() {
    // The ambitiegesprek's part A has more goal and guidance than its pane
    // holds at 80x24.
    let mut app = ui_support::in_ambitiegesprek();
    keys(&mut app, "<esc>2<esc>", at(1));
    let phase = &app.session().unwrap().guide.phases[1];
    let text = format!("{} {}", phase.goal, phase.guidance);
    let last = text.split_whitespace().last().unwrap().to_string();
    let first = screen(&app, 80, 24, at(1));
    assert!(
        first.contains("meer: PgDn") && !first.contains(&last),
        "{first}"
    );
    let mut end = first.clone();
    for _ in 0..30 {
        keys(&mut app, "<pgdn>", at(1));
        end = screen(&app, 80, 24, at(1));
    }
    assert!(end.contains(&last) && !end.contains("meer: PgDn"), "{end}");
    keys(&mut app, "<pgup>", at(1));
    assert_ne!(screen(&app, 80, 24, at(1)), end);
    // A new phase starts at the top again.
    keys(&mut app, "n<esc>p<esc>", at(1));
    assert_eq!(app.conv().unwrap().guide.offset(), 0);
}

/// Space on a list item marks it done (and again: not done), as the help
/// and the footer say; the list shows a tick for it, and a done item is
/// not carried into the next conversation.
#[test]
fn space_on_a_list_item_marks_it_done() {
    let mut app = in_conversation(Lang::Nl);
    keys(
        &mut app,
        "<esc>6<esc>aOuders uitnodigen<tab>Anna<enter>",
        at(1),
    );
    let effects = keys(&mut app, "<space>", at(2));
    let item = &app.session().unwrap().phases[5].lists["afspraken"][0];
    assert!(item.done, "Space marked the item done");
    assert!(
        effects.is_empty() && app.shell.dirty,
        "saved at the next tick: {effects:?}"
    );
    let text = screen(&app, 80, 24, at(2));
    assert!(text.contains("✓ Ouders uitnodigen"), "{text}");
    keys(&mut app, "<space>", at(3));
    assert!(!app.session().unwrap().phases[5].lists["afspraken"][0].done);
    assert!(screen(&app, 80, 24, at(3)).contains("• Ouders uitnodigen"));
}

/// The summary gathers the agreements first (SPEC step 4): in the
/// ambitiegesprek "Afspraken" (part D) comes before "Resultaten 2028"
/// (part C), which also carries.
#[test]
fn the_summary_shows_the_agreements_first() {
    let mut app = ui_support::in_ambitiegesprek();
    keys(&mut app, "<esc>s", at(1));
    let text = screen(&app, 120, 40, at(1));
    let agreements = text.find("Afspraken (0)").expect("agreements listed");
    let results = text.find("Resultaten 2028 (0)").expect("results listed");
    assert!(agreements < results, "{text}");
}

#[test]
fn esc_in_an_item_form_with_text_asks_before_throwing_it_away() {
    let mut app = ui_support::in_conversation(Lang::Nl);
    // Concretiseren has the agreements.
    ui_support::keys(
        &mut app,
        "<esc>6<esc>aBelangrijke afspraak",
        ui_support::t0(),
    );
    ui_support::keys(&mut app, "<esc>", ui_support::t0());
    let text = ui_support::screen(&app, 80, 24, ui_support::t0());
    assert!(
        text.contains("Wat je in dit punt typte weggooien?"),
        "{text}"
    );
    // No: the form is still there with the text.
    ui_support::keys(&mut app, "n", ui_support::t0());
    let text = ui_support::screen(&app, 80, 24, ui_support::t0());
    assert!(text.contains("Belangrijke afspraak"), "{text}");
    assert!(app.session().unwrap().draft.is_some());
    // Yes: it goes, with its draft.
    ui_support::keys(&mut app, "<esc>j", ui_support::t0());
    let text = ui_support::screen(&app, 80, 24, ui_support::t0());
    assert!(!text.contains("Belangrijke afspraak"), "{text}");
    assert!(app.session().unwrap().draft.is_none());
    // An empty form closes at once.
    ui_support::keys(&mut app, "a<esc>", ui_support::t0());
    assert!(app.shell.overlay.is_none());
}
