//! `leidraad plan` and `leidraad plans` (the table, `--json`, `--ics`,
//! `--archive`) on the real binary, in Dutch and English. Dates that
//! depend on today are made relative to it: a plan that started long ago
//! is overdue, one that starts next week is not.

mod cli_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Days, Local, NaiveDate};
use icalendar::{Calendar, Component};
use leidraad::catalog::Catalog;
use leidraad::plan::Plan;
use leidraad::store::PlanStore;
use tempfile::TempDir;

/// The binary with private data and config folders and `LEIDRAAD_LANG`.
fn leidraad(root: &TempDir, lang: &str) -> Command {
    cli_support::leidraad(root, lang)
}

fn plans_dir(root: &TempDir) -> PathBuf {
    cli_support::data(root).join("plans")
}

fn run(root: &TempDir, lang: &str, args: &[&str]) -> (bool, String, String) {
    let out = leidraad(root, lang).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The line of `text` that contains `needle`.
fn line<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

#[test]
fn plan_prints_every_step_with_its_date_and_weekday_and_writes_a_private_file() {
    let root = TempDir::new().unwrap();
    let args = [
        "plan",
        "verbetertraject",
        "--client",
        "Sanne de Vries",
        "--start",
        "07-09-2026",
    ];
    let (ok, out, err) = run(&root, "nl", &args);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Verbetertraject gepland voor Sanne de Vries, vanaf ma 07-09-2026:"
    );
    assert_eq!(lines[1], "  ma 07-09-2026  Klikgesprek");
    assert_eq!(lines[2], "  ma 14-09-2026  Nu-meting (optioneel)");
    assert_eq!(
        lines[7],
        "  ma 19-10-2026  Begeleidingsmoment 3 van 5: online co-teaching"
    );
    assert_eq!(lines[14], "  ma 30-11-2026  Driegesprek en eindrapportage");
    let file = plans_dir(&root).join("2026-09-07_verbetertraject_sanne-de-vries.toml");
    assert_eq!(lines[15], format!("Planbestand: {}", file.display()));
    let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // The session listing does not take the plan for a session.
    let (ok, out, _) = run(&root, "nl", &["sessions"]);
    assert!(ok);
    assert_eq!(out, "Geen sessies.\n");

    let (ok, out, err) = run(
        &root,
        "en",
        &[
            "plan",
            "plg",
            "--client",
            "De Regenboog",
            "--start",
            "2026-08-31",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.starts_with(
        "Professionele leergemeenschap planned for De Regenboog, from Mon 2026-08-31:\n"
    ));
    assert!(
        out.contains("  Mon 2026-09-21  Training, dagdeel 2\n"),
        "{out}"
    );
    assert!(out.contains("Plan file: "), "{out}");
}

#[test]
fn plan_refuses_what_it_cannot_plan_in_either_language() {
    let root = TempDir::new().unwrap();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &[
                "plan",
                "vrtraject",
                "--client",
                "X",
                "--start",
                "2026-09-07",
            ],
            "geen traject met id vrtraject. Beschikbaar: plg, strategietraject, verbetertraject",
            "no trajectory with id vrtraject. Available: plg, strategietraject, verbetertraject",
        ),
        (
            &[
                "plan",
                "voortgangsgesprek",
                "--client",
                "X",
                "--start",
                "2026-09-07",
            ],
            "voortgangsgesprek is een gesprek, geen traject",
            "voortgangsgesprek is a conversation, not a trajectory",
        ),
        (
            &["plan", "plg", "--client", "X", "--start", "31-02-2026"],
            "'31-02-2026' is geen datum: schrijf hem als dd-mm-jjjj",
            "'31-02-2026' is not a date: write it as yyyy-mm-dd",
        ),
        (
            &["plan", "plg", "--client", "  ", "--start", "2026-09-07"],
            "geef de cliënt met --client",
            "give the client with --client",
        ),
    ];
    for (args, nl, en) in cases {
        for (lang, want) in [("nl", nl), ("en", en)] {
            let (ok, out, err) = run(&root, lang, args);
            assert!(!ok, "{args:?} should fail");
            assert!(out.is_empty(), "{out}");
            assert!(err.contains(want), "{lang} {args:?}: {err}");
        }
    }
    let plans = plans_dir(&root);
    let files = fs::read_dir(&plans).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "nothing written");
}

/// A data folder with an overdue plan (started 400 days ago), one that
/// starts next week, a finished one (every step done through the store)
/// and a damaged file.
fn three_plans(root: &TempDir) {
    let long_ago = iso(today() - Days::new(400));
    let next_week = iso(today() + Days::new(7));
    for (id, client, start) in [
        ("verbetertraject", "Sanne de Vries", long_ago.as_str()),
        ("strategietraject", "OBS De Vlinder", next_week.as_str()),
    ] {
        let args = ["plan", id, "--client", client, "--start", start];
        let (ok, _, err) = run(root, "nl", &args);
        assert!(ok, "{err}");
    }
    let plg = Catalog::bundled()
        .get("plg")
        .and_then(|g| g.guide.as_trajectory())
        .unwrap()
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+01:00").unwrap();
    let mut done = Plan::new(&plg, "De Regenboog", now.date_naive(), now);
    let keys: Vec<_> = done.occurrences().iter().map(|o| o.key()).collect();
    for k in keys {
        done.mark_done(k, "held.toml", now).unwrap();
    }
    PlanStore::open(&cli_support::data(root))
        .unwrap()
        .create(&done)
        .unwrap();
    fs::write(plans_dir(root).join("cut.toml"), "format = 1\nclient = \"A").unwrap();
}

#[test]
fn plans_shows_overdue_first_and_marked_and_a_finished_plan_as_finished() {
    let root = TempDir::new().unwrap();
    three_plans(&root);
    let (ok, out, err) = run(&root, "nl", &["plans"]);
    assert!(ok, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert!(
        rows[0].contains("CLIËNT") && rows[0].contains("VOLGENDE STAP"),
        "{out}"
    );
    assert!(rows[1].starts_with("!  Sanne de Vries"), "{out}");
    assert!(rows[1].contains("Klikgesprek") && rows[1].contains("te laat: 14 stappen"));
    assert!(rows[2].starts_with("   OBS De Vlinder"), "{out}");
    assert!(rows[2].contains("Voorgesprek met de directie"));
    assert!(rows[2].contains("0 van 5 gehouden"));
    let next_week = (today() + Days::new(7)).format("%d-%m-%Y").to_string();
    assert!(rows[2].contains(&next_week), "{out}");
    assert!(rows[3].starts_with("   De Regenboog"), "{out}");
    assert!(rows[3].contains("afgerond; archiveer met `leidraad plans --archive PLAN`"));
    assert!(line(&out, "cut.toml").contains("BESCHADIGD: het bestand is afgebroken"));

    let (ok, out, _) = run(&root, "en", &["plans"]);
    assert!(ok);
    assert!(line(&out, "Sanne").starts_with("!  "));
    assert!(line(&out, "Sanne").contains("overdue: 14 steps"));
    assert!(line(&out, "Vlinder").contains("0 of 5 held"));
    assert!(line(&out, "Regenboog").contains("finished; archive it with"));
    assert!(line(&out, "cut.toml").contains("DAMAGED: the file is cut short"));

    let empty = TempDir::new().unwrap();
    let (ok, out, _) = run(&empty, "en", &["plans"]);
    assert!(ok);
    assert!(out.starts_with("No plans. Plan a trajectory with `leidraad plan"));
}

#[test]
fn plans_json_gives_every_step_with_its_iso_date_and_state() {
    let root = TempDir::new().unwrap();
    three_plans(&root);
    let (ok, out, err) = run(&root, "en", &["plans", "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["today"], iso(today()));
    let plans = json["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 3);
    let by_client = |c: &str| {
        plans
            .iter()
            .find(|p| p["client"] == c)
            .unwrap_or_else(|| panic!("{c} in {out}"))
    };
    let vt = by_client("Sanne de Vries");
    assert_eq!(vt["trajectory"]["id"], "verbetertraject");
    assert_eq!(vt["overdue"], 14);
    let steps = vt["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 14);
    assert!(steps.iter().all(|s| s["state"] == "overdue"));
    assert_eq!(steps[0]["date"], iso(today() - Days::new(400)));
    assert_eq!(
        steps[3]["label"],
        "Begeleidingsmoment 1 of 5: groepsbezoek en nabespreking"
    );
    assert_eq!(steps[3]["repeats"], 5);
    assert_eq!(steps[1]["optional"], true);

    let st = by_client("OBS De Vlinder");
    let states: Vec<&str> = st["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["next", "later", "later", "later", "later"]);

    let plg = by_client("De Regenboog");
    assert_eq!(plg["finished"], true);
    assert_eq!(plg["steps"][0]["state"], "done");
    assert_eq!(plg["steps"][0]["session"], "held.toml");
    assert_eq!(json["damaged"][0]["file"], "cut.toml");
}

fn parse_ics(path: &Path) -> Calendar {
    fs::read_to_string(path)
        .unwrap()
        .parse::<Calendar>()
        .expect("the export parses")
}

fn uids(cal: &Calendar) -> Vec<String> {
    let mut v: Vec<String> = cal
        .events()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn plans_ics_writes_every_open_step_once_with_stable_uids() {
    let root = TempDir::new().unwrap();
    three_plans(&root);
    let ics = root.path().join("plannen.ics");
    let path = ics.to_str().unwrap();
    let (ok, _, err) = run(&root, "nl", &["plans", "--ics", path]);
    assert!(ok, "{err}");
    assert!(err.contains("(19 afspraken)"), "{err}");
    let mode = fs::metadata(&ics).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let first = parse_ics(&ics);
    // 14 steps of the verbetertraject, 5 of the strategietraject; the
    // finished plan has none open.
    assert_eq!(first.events().count(), 19);
    let first_uids = uids(&first);
    let mut unique = first_uids.clone();
    unique.dedup();
    assert_eq!(unique.len(), 19, "every open step once");
    let klik = first
        .events()
        .find(|e| e.get_summary() == Some("Klikgesprek · Sanne de Vries"))
        .expect("the Klikgesprek");
    assert_eq!(klik.get_description(), Some("Verbetertraject\n60 minuten"));

    // Again, in English: the same events, the file replaced.
    let (ok, _, err) = run(&root, "en", &["plans", "--ics", path]);
    assert!(ok, "{err}");
    assert!(err.contains("(19 events)"), "{err}");
    assert_eq!(uids(&parse_ics(&ics)), first_uids);

    // Never over a file that is not a calendar.
    let notes = root.path().join("notes.txt");
    fs::write(&notes, "notities").unwrap();
    let (ok, _, err) = run(&root, "nl", &["plans", "--ics", notes.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("is geen agendabestand"), "{err}");
    assert_eq!(fs::read_to_string(&notes).unwrap(), "notities");
}

#[test]
fn plans_archive_takes_a_finished_plan_off_the_list_and_refuses_an_open_one() {
    let root = TempDir::new().unwrap();
    three_plans(&root);
    let (ok, _, err) = run(&root, "nl", &["plans", "--archive", "2026-01-05_plg"]);
    assert!(ok, "{err}");
    let (ok, out, _) = run(&root, "nl", &["plans"]);
    assert!(ok);
    assert!(!out.contains("De Regenboog"), "{out}");
    let (_, json, _) = run(&root, "nl", &["plans", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let archived = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["client"] == "De Regenboog")
        .unwrap();
    assert!(archived["archived"].is_string());

    let sanne = fs::read_dir(plans_dir(&root))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("sanne"))
        .unwrap();
    let before = fs::read(plans_dir(&root).join(&sanne)).unwrap();
    for (lang, want) in [
        ("nl", "is nog niet afgerond (14 stap(pen) open)"),
        ("en", "is not finished (14 step(s) open)"),
    ] {
        let (ok, _, err) = run(&root, lang, &["plans", "--archive", &sanne]);
        assert!(!ok);
        assert!(err.contains(want), "{err}");
    }
    assert_eq!(fs::read(plans_dir(&root).join(&sanne)).unwrap(), before);
    let (ok, _, err) = run(&root, "en", &["plans", "--archive", "nope"]);
    assert!(!ok);
    assert!(err.contains("no plan 'nope'"), "{err}");
}
