//! The language switch with the real binary (issue 16): the same flow
//! (preparation, form, conversation, finish, summary, home) in Dutch and in
//! English, every screen in the language chosen and none of the other's
//! words, and the same session written.

mod common;

use std::time::Duration;

use common::tmux::Tmux;

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

/// What each screen of the flow says in one language, and the yes key.
struct Words {
    lang: &'static str,
    preparation: &'static str,
    form: &'static str,
    total: &'static str,
    sure: &'static str,
    yes: &'static str,
    summary: &'static str,
    home: &'static str,
}

const NL: Words = Words {
    lang: "nl",
    preparation: "Voorbereiding",
    form: "Gegevens",
    total: "Totaal",
    sure: "Zeker weten?",
    yes: "j",
    summary: "Samenvatting",
    home: "Gesprekken",
};

const EN: Words = Words {
    lang: "en",
    preparation: "Preparation",
    form: "Details",
    total: "Total",
    sure: "Are you sure?",
    yes: "y",
    summary: "Summary",
    home: "Conversations",
};

/// The flow in `w`'s language; every screen is checked against `other`'s
/// words. Returns the notes of the session written.
fn flow(w: &Words, other: &Words) -> String {
    let mut t = Tmux::new().expect("tmux");
    t.start_in(
        w.lang,
        &["start", "voortgangsgesprek", "--client", "OBS De Vlinder"],
    );
    let mut screens = vec![t.wait_for(w.preparation, S10)];
    t.send_key("Enter");
    screens.push(t.wait_for(w.form, S5));
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    screens.push(t.wait_for(w.total, S5));
    t.send_text("Zelfde notities");
    t.wait_for("Zelfde notities", S5);
    t.send_key("Escape");
    t.send_key("f");
    screens.push(t.wait_for(w.sure, S5));
    t.send_key(w.yes);
    screens.push(t.wait_for(w.summary, S10));
    t.send_key("Enter");
    screens.push(t.wait_for(w.home, S5));
    for screen in &screens {
        for word in [other.preparation, other.total, other.summary, other.home] {
            assert!(
                !screen.contains(word),
                "{} interface shows {word:?}:\n{screen}",
                w.lang
            );
        }
    }
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let session = t.wait_session(S5, |s| s.status == leidraad::session::Status::Finished);
    session.phases[0].notes.clone()
}

#[test]
fn the_same_flow_speaks_dutch_or_english_as_chosen() {
    if Tmux::new().is_none() {
        return;
    }
    let nl = flow(&NL, &EN);
    let en = flow(&EN, &NL);
    assert_eq!(nl, "Zelfde notities");
    assert_eq!(nl, en);
}
