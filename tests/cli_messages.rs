//! The command line's own messages in the user's language, on the real
//! binary: an unknown or ambiguous session, and `--help`.

mod cli_support;

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with private folders and `LEIDRAAD_LANG`; the locale
/// variables removed.
fn leidraad(root: &TempDir, lang: &str) -> Command {
    cli_support::leidraad(root, lang)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A data folder with three sessions of one morning (empty files: the
/// lookup goes by name).
fn with_sessions(root: &TempDir) {
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    for name in [
        "2026-12-01_0900_a.toml",
        "2026-12-01_0930_b.toml",
        "2026-12-02_1000_c.toml",
    ] {
        std::fs::write(data.join(name), "").unwrap();
    }
}

#[test]
fn an_unknown_session_is_said_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    with_sessions(&root);
    for command in ["show", "export", "delete", "resume"] {
        let out = leidraad(&root, "nl")
            .args([command, "nergens"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command}: {out:?}");
        let said = stderr(&out);
        assert!(said.contains("Geen gesprek 'nergens'"), "{command}: {said}");
        assert!(!said.contains("no session"), "{command}: {said}");
        let out = leidraad(&root, "nl")
            .args(["--lang", "en", command, "nergens"])
            .output()
            .unwrap();
        assert!(stderr(&out).contains("No session 'nergens'"), "{out:?}");
    }
}

#[test]
fn an_ambiguous_prefix_is_said_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    with_sessions(&root);
    let out = leidraad(&root, "nl")
        .args(["show", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = stderr(&out);
    assert!(said.contains("past bij meer gesprekken"), "{said}");
    assert!(
        said.contains("2026-12-01_0900_a.toml, 2026-12-01_0930_b.toml"),
        "{said}"
    );
    let out = leidraad(&root, "en")
        .args(["delete", "2026-12-01"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("matches more than one session"),
        "{out:?}"
    );
}

#[test]
fn help_is_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root, "nl").arg("--help").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let help = stdout(&out);
    for words in [
        "Gebruik:",
        "Opdrachten:",
        "Opties:",
        "Toon deze hulp",
        "Controleer gidsbestanden",
    ] {
        assert!(help.contains(words), "{words}: {help}");
    }
    assert!(!help.contains("Print help"), "{help}");
    let out = leidraad(&root, "nl")
        .args(["export", "--help"])
        .output()
        .unwrap();
    let help = stdout(&out);
    assert!(help.contains("Met de privénotities"), "{help}");
    assert!(help.contains("Argumenten:"), "{help}");
    // --lang counts before clap has read it, anywhere on the line.
    let out = leidraad(&root, "nl")
        .args(["export", "--help", "--lang", "en"])
        .output()
        .unwrap();
    let help = stdout(&out);
    assert!(
        help.contains("Usage:") && help.contains("Include the private notes"),
        "{help}"
    );
    // And config.toml's language.
    std::fs::create_dir_all(root.path().join("cfg")).unwrap();
    std::fs::write(root.path().join("cfg/config.toml"), "lang = \"en\"\n").unwrap();
    let mut cmd = leidraad(&root, "nl");
    let out = cmd
        .env_remove("LEIDRAAD_LANG")
        .arg("--help")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Print help"), "{out:?}");
}

/// A voortgangsgesprek as the store writes it.
fn session() -> leidraad::session::Session {
    let guide = leidraad::catalog::Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = leidraad::session::Session::new(&guide, now);
    s.client = "De Regenboog".into();
    s
}

#[test]
fn garbage_and_crlf_files_are_not_said_to_be_cut_short() {
    let root = TempDir::new().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let text = leidraad::store::session_text(&session()).unwrap();
    std::fs::write(
        data.join("2026-11-23_0900_crlf.toml"),
        text.replace('\n', "\r\n"),
    )
    .unwrap();
    std::fs::write(
        data.join("2026-11-23_0901_rommel.toml"),
        "this is garbage\n",
    )
    .unwrap();
    std::fs::write(
        data.join("2026-11-23_0902_half.toml"),
        &text[..text.len() / 2],
    )
    .unwrap();
    let row = |table: &str, name: &str| -> String {
        table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    for (lang, crlf, garbage, cut) in [
        (
            "nl",
            "regeleinden veranderd in CRLF",
            "geen gespreksbestand van leidraad",
            "afgebroken",
        ),
        (
            "en",
            "line ends to CRLF",
            "not a leidraad session file",
            "cut short",
        ),
    ] {
        // Twice: the second answer comes from the history index.
        for _ in 0..2 {
            let out = leidraad(&root, lang).arg("sessions").output().unwrap();
            let table = stdout(&out);
            assert!(
                row(&table, "2026-11-23_0900_crlf").contains(crlf),
                "{table}"
            );
            assert!(
                row(&table, "2026-11-23_0901_rommel").contains(garbage),
                "{table}"
            );
            assert!(row(&table, "2026-11-23_0902_half").contains(cut), "{table}");
            assert!(
                !row(&table, "2026-11-23_0901_rommel").contains(cut),
                "{table}"
            );
        }
    }
    let out = leidraad(&root, "nl")
        .args(["show", "2026-11-23_0901"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("geen gespreksbestand van leidraad"),
        "{out:?}"
    );
}

#[test]
fn save_failures_are_said_in_dutch_with_the_real_reason_once() {
    use leidraad::store::{SaveError, SaveStep};
    let t = leidraad::i18n::Lang::Nl.texts();
    let io = |step, kind| SaveError::Io {
        step,
        path: "/gegevens/a.toml".into(),
        error: std::io::Error::from(kind),
    };
    let folder = io(SaveStep::Check, std::io::ErrorKind::IsADirectory).message(t);
    assert!(
        folder.contains("er staat een map waar het bestand hoort"),
        "{folder}"
    );
    let odd = io(SaveStep::Rename, std::io::ErrorKind::Other).message(t);
    assert!(
        odd.contains("het hernoemen van het tijdelijke bestand lukte niet"),
        "{odd}"
    );
    for said in [&folder, &odd] {
        assert!(
            !said.contains("failed while") && !said.contains("saving"),
            "{said}"
        );
        assert_eq!(said.matches("Opslaan mislukt").count(), 1, "{said}");
    }
    // The saver's answer says the same.
    let failed = leidraad::saver::SaveOutcome::Failed {
        path: "/gegevens/a.toml".into(),
        error: "saving /gegevens/a.toml failed while checking the file on disk: Is a directory"
            .into(),
        kind: Some(std::io::ErrorKind::IsADirectory),
    };
    let said = failed.message(t);
    assert!(
        said.contains("er staat een map waar het bestand hoort"),
        "{said}"
    );
    assert!(!said.contains("Is a directory"), "{said}");
}

#[test]
fn a_folder_that_takes_no_file_is_not_said_to_be_missing() {
    let proc1 = std::path::Path::new("/proc/1");
    if !proc1.is_dir() {
        return;
    }
    let root = TempDir::new().unwrap();
    let store = leidraad::store::SessionStore::open(root.path().join("data")).unwrap();
    let Err(e) = store.save_to(proc1, &session()) else {
        panic!("a session was saved into /proc/1");
    };
    let said = e.reason(leidraad::i18n::Lang::Nl.texts());
    assert!(!said.contains("bestaat niet"), "{said}");
    assert!(!said.contains("failed"), "{said}");
}

#[test]
fn usage_errors_are_said_in_the_interface_language_with_status_2() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root, "nl")
        .args(["sessions", "--clien", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let said = stderr(&out);
    assert!(
        said.contains("onbekende optie `--clien` (bedoel je `--client`?)"),
        "{said}"
    );
    assert!(said.contains("Gebruik: leidraad sessions"), "{said}");
    assert!(!said.contains("error:"), "{said}");
    let out = leidraad(&root, "en")
        .args(["sessions", "--clien", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        stderr(&out).contains("unexpected argument '--clien' found"),
        "{out:?}"
    );
}
