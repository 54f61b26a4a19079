//! The README's screens: each main screen of the real binary at 100x30,
//! from one flow with the clock held still, so a capture is the same in
//! every run. The test fails when a capture in the README is not what the
//! app shows; `scripts/readme-screens.sh` writes them into the README
//! (`LEIDRAAD_WRITE_README=1`).

mod common;

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use common::tmux::Tmux;

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);
const SCHOOL: &str = "OBS De Vlinder";
const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The screen once `text` is on it and nothing has changed for a moment
/// (the status line's messages, a list filled in by a worker).
fn settled(t: &Tmux, text: &str) -> String {
    t.wait_for(text, S10);
    let mut last = t.screen();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(150));
        let now = t.screen();
        if now == last {
            break;
        }
        last = now;
    }
    last.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

/// From the preparation to the conversation: the form filled in.
fn fill_form(t: &Tmux, participants: &str) -> String {
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    // School (filled in), date (today), participants, consultant.
    t.send_key("Enter");
    t.send_key("Enter");
    t.send_text(participants);
    t.send_key("Enter");
    t.send_text("Anne Jansen");
    settled(t, "Anne Jansen")
}

/// Go to phase `n` (nav mode) and wait for the header to name it (the
/// phase list names every phase all the time).
fn phase(t: &Tmux, n: &str, title: &str) {
    t.send_key("Escape");
    t.send_key(n);
    t.wait_for(&format!("Fase {n}/7 {title}"), S5);
}

fn agreement(t: &Tmux, what: &str, who: &str, when: &str) {
    t.send_key("Escape");
    t.send_key("a");
    t.wait_for("Nieuw: Afspraken", S5);
    t.send_text(what);
    t.send_key("Tab");
    t.send_text(who);
    t.send_key("Tab");
    t.send_text(when);
    t.wait_for(when, S5);
    t.send_key("Enter");
    t.wait_for(what, S5);
}

/// The home screen's first row.
fn top(t: &Tmux) {
    for _ in 0..12 {
        t.send_key("Up");
    }
}

fn finish(t: &Tmux) -> String {
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("j");
    settled(t, "Samenvatting")
}

/// Every screen the README shows, by name, in the order of the flow.
fn captures() -> Option<Vec<(&'static str, String)>> {
    let mut t = Tmux::new()?;
    let mut out = Vec::new();
    t.hold_clock(at("2026-11-16T08:30:00+01:00"));
    let plan = t.run_cli(&[
        "plan",
        "verbetertraject",
        "--client",
        "Juf Sanne de Vries",
        "--start",
        "16-11-2026",
    ]);
    assert!(plan.status.success(), "{plan:?}");

    // Its first talk held from the timeline; the optional nu-meting skipped.
    t.hold_clock(at("2026-11-16T10:00:00+01:00"));
    t.start(&[]);
    t.resize(100, 30);
    t.wait_for("Juf Sanne de Vries · Verbetertraject", S10);
    // Gesprekken: two; then the plan.
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("Klikgesprek  volgende", S5);
    t.send_key("Enter");
    t.wait_for("Voorbereiding · Klikgesprek", S5);
    t.send_key("Enter");
    t.wait_for("Gegevens · Klikgesprek", S5);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_text("Kennismaking; de leerkracht wil werken aan klassenmanagement.");
    t.hold_clock(at("2026-11-16T10:55:00+01:00"));
    finish(&t);
    t.send_key("Enter");
    t.wait_for("Recent", S5);
    top(&t);
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Klikgesprek  gehouden", S5);
    // The timeline opens on the first open step, the nu-meting.
    t.send_key("x");
    t.wait_for("Nu-meting (optioneel)  overgeslagen", S5);
    t.send_key("Escape");
    t.wait_for("Recent", S5);
    t.send_key("q");
    t.wait_exit(S5);

    // An earlier voortgangsgesprek with the school, with two agreements.
    t.hold_clock(at("2026-11-16T13:30:00+01:00"));
    t.respawn(&["start", "voortgangsgesprek", "--client", SCHOOL]);
    t.resize(100, 30);
    t.wait_for("Voorbereiding", S10);
    fill_form(&t, "Ilse (directeur), Mark (IB)");
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    t.send_text("Team wil meer eigenaarschap bij leerlingen.");
    t.hold_clock(at("2026-11-16T14:50:00+01:00"));
    phase(&t, "6", "Concretiseren");
    agreement(&t, "Leerlingenraad voorbereiden", "Mark", "vóór de kerst");
    agreement(&t, "Lesbezoeken plannen", "Ilse", "januari");
    finish(&t);
    t.send_key("Enter");
    t.wait_for("Recent", S5);
    t.send_key("q");
    t.wait_exit(S5);

    // Today's follow-up: preparation, form, conversation, summary.
    t.hold_clock(at("2026-12-01T14:00:00+01:00"));
    t.respawn(&["start", "voortgangsgesprek", "--client", SCHOOL]);
    t.resize(100, 30);
    out.push((
        "preparation",
        settled(&t, "uit Voortgangsgesprek van 16-11-2026"),
    ));
    out.push(("form", fill_form(&t, "Ilse (directeur), Mark (IB), team")));
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    t.send_text("Afgesproken: 90 minuten, tot 15:30. Verslag gaat naar de directie.");
    t.hold_clock(at("2026-12-01T14:09:00+01:00"));
    phase(&t, "2", "Focus aanbrengen");
    t.send_key("Enter");
    t.send_text(
        "Leerlingenraad is gestart. Lesbezoeken: drie van de vijf gedaan. \
         Focus dit jaar: feedback in de klas.",
    );
    t.hold_clock(at("2026-12-01T14:21:00+01:00"));
    out.push(("conversation", settled(&t, "0:21:00")));
    for (time, n, title) in [
        ("14:35", "3", "In perspectief zetten"),
        ("14:58", "4", "Ideeën genereren"),
        ("15:10", "5", "Inventariseren"),
        ("15:18", "6", "Concretiseren"),
    ] {
        t.hold_clock(at(&format!("2026-12-01T{time}:00+01:00")));
        phase(&t, n, title);
    }
    agreement(&t, "Feedbackronde in alle groepen", "team", "maart");
    t.hold_clock(at("2026-12-01T15:27:00+01:00"));
    phase(&t, "7", "Afronden");
    t.hold_clock(at("2026-12-01T15:30:00+01:00"));
    out.push(("summary", finish(&t)));
    t.send_key("Enter");
    out.push(("home", settled(&t, "Juf Sanne de Vries")));
    t.send_key("h");
    out.push(("history", settled(&t, "Geschiedenis · 3 gesprekken")));
    t.send_key("Escape");
    t.wait_for("Gesprekken", S5);
    // Recent: three talks; Gesprekken: two; then the plan.
    top(&t);
    t.keys(&["Down", "Down", "Down", "Down", "Down", "Enter"]);
    out.push(("timeline", settled(&t, "Klikgesprek  gehouden")));
    Some(out)
}

/// `readme` with the block of each capture replaced: the lines between
/// `<!-- screen: NAME -->` and `<!-- /screen -->`.
fn with_captures(readme: &str, captures: &[(&str, String)]) -> Result<String, String> {
    let mut out = readme.to_string();
    for (name, screen) in captures {
        let open = format!("<!-- screen: {name} -->\n");
        let close = "<!-- /screen -->";
        let start = out
            .find(&open)
            .ok_or_else(|| format!("README.md has no `{}`", open.trim()))?
            + open.len();
        let end = start
            + out[start..]
                .find(close)
                .ok_or_else(|| format!("README.md: `{}` is not closed", open.trim()))?;
        out.replace_range(start..end, &format!("```text\n{screen}\n```\n"));
    }
    Ok(out)
}

#[test]
fn the_readmes_screens_are_what_the_app_shows() {
    let Some(captures) = captures() else { return };
    let readme = std::fs::read_to_string(README).unwrap();
    let current = with_captures(&readme, &captures).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("LEIDRAAD_WRITE_README").is_some() {
        std::fs::write(README, &current).unwrap();
        return;
    }
    for (name, screen) in &captures {
        assert!(
            readme.contains(&format!(
                "<!-- screen: {name} -->\n```text\n{screen}\n```\n"
            )),
            "the README's {name} screen is not what the app shows; run \
             scripts/readme-screens.sh and look at the change. The app shows:\n{screen}"
        );
    }
    assert_eq!(readme, current);
}
