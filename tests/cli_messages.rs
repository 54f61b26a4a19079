//! The command line's own messages in the user's language, on the real
//! binary: an unknown or ambiguous session, and `--help`.

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with private folders and `LEIDRAAD_LANG`; the locale
/// variables removed.
fn leidraad(root: &TempDir, lang: &str) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("leidraad");
    cmd.env("LEIDRAAD_DATA_DIR", root.path().join("data"))
        .env("LEIDRAAD_CONFIG_DIR", root.path().join("cfg"))
        .env_remove("LEIDRAAD_GUIDES_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LEIDRAAD_LANG", lang);
    cmd
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
