//! Nothing a file holds reaches the terminal as an escape sequence (issue
//! 15 point 6): a client name and a note with `ESC ]0;…BEL` (set the
//! window title) and `ESC [2J` (clear the screen), a bidi override, a file
//! name with ESC in it, a guide title and id with escapes, through every
//! command that prints: `sessions`, `show`, `export` (and the report it
//! writes), `delete`, `guides`, `check`, `plan`, `plans`, `plans --json`.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::SessionStore;
use tempfile::TempDir;

const HOSTILE: &str = "ANSI \u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31m \u{202e}keer\u{202c} \u{9b}6n";

fn leidraad(root: &TempDir) -> Command {
    cli_support::leidraad(root, "nl")
}

/// A voortgangsgesprek with the hostile text as client, field and note.
fn hostile_session(root: &TempDir) -> PathBuf {
    let guide = Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, now);
    s.client = HOSTILE.into();
    s.phases[0].notes = format!("Besproken: {HOSTILE}\nen verder");
    s.phases[0].private_notes = HOSTILE.into();
    let store = SessionStore::open(cli_support::data(root)).unwrap();
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    path
}

/// The output of a run, both streams.
fn run(cmd: &mut Command) -> (String, Vec<u8>) {
    let out = cmd.output().unwrap();
    let mut bytes = out.stdout.clone();
    bytes.extend_from_slice(&out.stderr);
    (String::from_utf8_lossy(&bytes).into_owned(), bytes)
}

/// No byte or character a terminal would act on: ESC, BEL, CSI, a bidi
/// override, a carriage return.
fn assert_harmless(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
}

#[test]
fn sessions_show_and_export_show_escapes_as_marks() {
    let root = TempDir::new().unwrap();
    let path = hostile_session(&root);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let (text, bytes) = run(leidraad(&root).arg("sessions"));
    assert_harmless("sessions", &bytes);
    assert!(text.contains("ANSI ␛]0;pwned␇␛[2J"), "{text}");
    let (text, bytes) = run(leidraad(&root).args(["show", "--private", &name]));
    assert_harmless("show", &bytes);
    assert!(text.contains("Besproken: ANSI"), "{text}");
    let (_, bytes) = run(leidraad(&root).args(["export", &name, "--private", "--timing"]));
    assert_harmless("export to stdout", &bytes);
    let report = root.path().join("verslag.md");
    let (_, bytes) = run(leidraad(&root)
        .args(["export", &name, "--private", "-o"])
        .arg(&report));
    assert_harmless("export's message", &bytes);
    assert_harmless("the report", &fs::read(&report).unwrap());
    assert!(fs::read_to_string(&report).unwrap().contains("]0;pwned"));
}

#[test]
fn a_file_name_with_escapes_is_shown_as_marks_when_deleted() {
    let root = TempDir::new().unwrap();
    let path = hostile_session(&root);
    let odd = cli_support::data(&root).join("2026-11-24_0900_\u{1b}]0;x\u{7}.toml");
    fs::rename(&path, &odd).unwrap();
    let (text, bytes) = run(leidraad(&root).arg("sessions"));
    assert_harmless("sessions", &bytes);
    assert!(text.contains("2026-11-24_0900_␛]0;x␇.toml"), "{text}");
    let (text, bytes) = run(leidraad(&root).args(["delete", "--yes", "2026-11-24_0900_"]));
    assert_harmless("delete", &bytes);
    assert!(text.contains("2026-11-24_0900_␛]0;x␇.toml"), "{text}");
    assert!(!odd.exists());
}

/// A guides folder with a guide whose title holds escapes, and a broken
/// one whose invalid id does (the message echoes it).
fn hostile_guides(root: &TempDir) -> PathBuf {
    let dir = root.path().join("guides");
    fs::create_dir_all(&dir).unwrap();
    let guide = |id: &str| {
        format!(
            "format = 1\nid = \"{id}\"\ntitle = \"Gids \\u001b]0;pwned\\u0007\\u001b[2J\"\n\n\
             [[phases]]\nid = \"een\"\ntitle = \"Een \\u202e\"\nminutes = 10\n"
        )
    };
    fs::write(dir.join("a.toml"), guide("gids-a")).unwrap();
    fs::write(dir.join("b.toml"), guide("Gids\\u001b[2J")).unwrap();
    dir
}

#[test]
fn guides_and_check_show_escapes_as_marks() {
    let root = TempDir::new().unwrap();
    let dir = hostile_guides(&root);
    let (text, bytes) = run(leidraad(&root).arg("guides").arg("--guides-dir").arg(&dir));
    assert_harmless("guides", &bytes);
    assert!(text.contains("Gids ␛]0;pwned␇␛[2J"), "{text}");
    let (text, bytes) = run(leidraad(&root).arg("check").arg(dir.join("b.toml")));
    assert_harmless("check", &bytes);
    assert!(text.contains("ongeldige id `Gids␛[2J`"), "{text}");
    let (_, bytes) = run(leidraad(&root).arg("check").arg("--guides-dir").arg(&dir));
    assert_harmless("check of all", &bytes);
}

#[test]
fn plans_show_escapes_as_marks_and_json_keeps_them_as_escapes() {
    let root = TempDir::new().unwrap();
    let client = "Team \u{1b}[2J\u{202e}";
    let args = [
        "plan",
        "verbetertraject",
        "--client",
        client,
        "--start",
        "07-09-2026",
    ];
    let (text, bytes) = run(leidraad(&root).args(args));
    assert_harmless("plan", &bytes);
    assert!(text.contains("Team ␛[2J�"), "{text}");
    let (_, bytes) = run(leidraad(&root).arg("plans"));
    assert_harmless("plans", &bytes);
    let out = leidraad(&root).args(["plans", "--json"]).output().unwrap();
    assert_harmless("plans --json", &out.stdout);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json.to_string().contains("Team \\u001b[2J\u{202e}"),
        "{json}"
    );
}

#[test]
fn reports_leave_bidi_overrides_out() {
    let root = TempDir::new().unwrap();
    let path = hostile_session(&root);
    let report = Path::new(root.path()).join("verslag.docx");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let out = leidraad(&root)
        .args(["export", &name, "--format", "docx", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let md = leidraad(&root).args(["export", &name]).output().unwrap();
    let text = String::from_utf8_lossy(&md.stdout);
    assert!(
        !text.contains('\u{202e}') && text.contains("keer"),
        "{text}"
    );
}
