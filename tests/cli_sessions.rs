//! `leidraad sessions`, `show` and `delete` on the real binary, without a
//! terminal: damaged files' reasons in the interface language, and a
//! session that is open in another window (its lock held by this test).
//! The same with the app itself holding the lock is in
//! `tests/e2e_reliability.rs`.

mod cli_support;

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::{SessionStore, session_text};
use tempfile::TempDir;

const NOTES: &str = "Het team wil de leerlijn rekenen herzien.";

/// The binary with private data and config folders and `LEIDRAAD_LANG`
/// set; the locale variables are removed so only `LEIDRAAD_LANG` and
/// `--lang` choose the language.
fn leidraad(root: &TempDir, lang_env: &str) -> Command {
    cli_support::leidraad(root, lang_env)
}

/// A voortgangsgesprek with notes in its first phase.
fn sample() -> Session {
    let guide = Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, now);
    s.client = "De Regenboog".into();
    s.phases[0].notes = NOTES.into();
    s
}

/// A data folder with one good session (returned) saved by the store.
fn with_session(root: &TempDir) -> PathBuf {
    let store = SessionStore::open(cli_support::data(root)).unwrap();
    let s = sample();
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    path
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The line of the table naming `file`.
fn row<'a>(table: &'a str, file: &str) -> &'a str {
    table
        .lines()
        .find(|l| l.starts_with(file))
        .unwrap_or_else(|| panic!("{file} not listed:\n{table}"))
}

/// Damaged files of every kind the listing tells apart, plus one good one.
fn damaged_folder() -> TempDir {
    let root = TempDir::new().unwrap();
    with_session(&root);
    let dir = cli_support::data(&root);
    let good = session_text(&sample()).unwrap();
    fs::write(dir.join("empty.toml"), b"").unwrap();
    fs::write(
        dir.join("binary.toml"),
        [0xff, 0xfe, 0x00, 0x12, 0x80, b'\n'],
    )
    .unwrap();
    fs::write(dir.join("cut.toml"), &good.as_bytes()[..good.len() / 2]).unwrap();
    fs::write(
        dir.join("newer.toml"),
        good.replacen("format = 1", "format = 99", 1),
    )
    .unwrap();
    fs::write(
        dir.join("invalid.toml"),
        good.replacen("status = \"in_progress\"", "status = \"???\"", 1),
    )
    .unwrap();
    root
}

/// The reason column of `leidraad sessions` for each damaged file.
fn reasons(root: &TempDir, lang_env: &str, flag: Option<&str>) -> Vec<(String, String)> {
    let mut cmd = leidraad(root, lang_env);
    if let Some(lang) = flag {
        cmd.args(["--lang", lang]);
    }
    let out = cmd.arg("sessions").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let table = stdout(&out);
    ["empty", "binary", "cut", "newer", "invalid"]
        .iter()
        .map(|f| {
            let file = format!("{f}.toml");
            let line = row(&table, &file);
            let reason = line[file.len()..].trim().to_string();
            (file, reason)
        })
        .collect()
}

/// Check the damage reasons in one language, chosen by LEIDRAAD_LANG and by
/// `--lang` over the other language's LEIDRAAD_LANG. The fifth file's
/// reason names the place as FILE:LINE:COLUMN and the fault in the
/// interface language, never the TOML parser's English.
fn reasons_are_in(lang: &str, other: &str, want: [&str; 5]) {
    let root = damaged_folder();
    for (env, flag) in [(lang, None), (other, Some(lang))] {
        let got = reasons(&root, env, flag);
        for ((file, reason), want) in got.iter().zip(want) {
            assert_eq!(
                reason, want,
                "{file} (LEIDRAAD_LANG={env}, --lang {flag:?})"
            );
        }
    }
}

#[test]
fn sessions_gives_the_reason_for_damage_in_dutch() {
    reasons_are_in(
        "nl",
        "en",
        [
            "BESCHADIGD: het bestand is leeg",
            "BESCHADIGD: het bestand is geen tekst",
            "BESCHADIGD: het bestand is afgebroken, het einde ontbreekt",
            "BESCHADIGD: gemaakt met een nieuwere leidraad (formaat 99); werk leidraad bij",
            "BESCHADIGD: invalid.toml:2:10: een waarde die hier niet kan bij `status`",
        ],
    );
}

#[test]
fn sessions_gives_the_reason_for_damage_in_english() {
    reasons_are_in(
        "en",
        "nl",
        [
            "DAMAGED: the file is empty",
            "DAMAGED: the file is not text",
            "DAMAGED: the file is cut short, its end is missing",
            "DAMAGED: made by a newer leidraad (format 99); update leidraad",
            "DAMAGED: invalid.toml:2:10: a value that is not allowed here for `status`",
        ],
    );
}

#[test]
fn show_of_a_session_open_elsewhere_reads_it_and_changes_nothing() {
    let root = TempDir::new().unwrap();
    let path = with_session(&root);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    // What show prints when nobody has it open.
    let free = leidraad(&root, "nl")
        .args(["show", &name])
        .output()
        .unwrap();
    assert!(free.status.success(), "{free:?}");
    assert!(stdout(&free).contains(NOTES), "{}", stdout(&free));
    assert_eq!(stderr(&free), "", "nothing to say when it is not open");

    // Another "window" (this process) holds the lock.
    let store = SessionStore::open(cli_support::data(&root)).unwrap();
    let lock = store.lock(&path).unwrap();
    let before = common::folder_state(&cli_support::data(&root));
    for (lang, note) in [
        (
            "nl",
            format!(
                "{name} is open in een ander venster; dit is de laatst opgeslagen versie. Er wordt niets veranderd.\n"
            ),
        ),
        (
            "en",
            format!(
                "{name} is open in another window; this is its last saved version. Nothing is changed.\n"
            ),
        ),
    ] {
        let out = leidraad(&root, lang)
            .args(["show", &name])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(stderr(&out), note);
        if lang == "nl" {
            // stdout is the report alone, the same as without the window.
            assert_eq!(stdout(&out), stdout(&free));
        }
        let out = leidraad(&root, lang)
            .args(["export", "--private", &name])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(stdout(&out).contains(NOTES));
        assert_eq!(stderr(&out), note);
    }
    assert_eq!(
        common::folder_state(&cli_support::data(&root)),
        before,
        "show changed the data folder"
    );
    assert!(store.is_locked(&path), "the lock is still held");
    drop(lock);
}

#[test]
fn delete_of_a_session_open_elsewhere_is_refused_with_a_clear_message() {
    let root = TempDir::new().unwrap();
    let path = with_session(&root);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let store = SessionStore::open(cli_support::data(&root)).unwrap();
    let lock = store.lock(&path).unwrap();
    let before = common::folder_state(&cli_support::data(&root));
    for (lang, message) in [
        (
            "nl",
            format!(
                "leidraad: {name} is open in een ander venster en wordt niet verwijderd. Sluit het daar eerst.\n"
            ),
        ),
        (
            "en",
            format!(
                "leidraad: {name} is open in another window and is not deleted. Close it there first.\n"
            ),
        ),
    ] {
        // With --yes, and without (refused before asking).
        for args in [&["delete", "--yes", name.as_str()][..], &["delete", &name]] {
            let out = leidraad(&root, lang).args(args).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
            assert_eq!(stderr(&out), message, "{args:?}");
            assert_eq!(stdout(&out), "", "{args:?}");
        }
    }
    assert_eq!(
        common::folder_state(&cli_support::data(&root)),
        before,
        "delete changed something"
    );
    drop(lock);
    // Once the window has closed it, delete works.
    let out = leidraad(&root, "en")
        .args(["delete", "--yes", &name])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!path.exists());
}

/// A session whose conversation has not started is listed as in
/// preparation; one that has, as in progress.
#[test]
fn sessions_tells_a_preparation_from_a_conversation() {
    let root = TempDir::new().unwrap();
    let preparing = with_session(&root);
    let store = SessionStore::open(cli_support::data(&root)).unwrap();
    let mut started = sample();
    started.client = "De Linde".into();
    started.start(chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap());
    let started_path = store.path_for_new(&started);
    store.save(&started_path, &started).unwrap();
    for (lang, prep, conv) in [
        ("nl", "in voorbereiding", "onafgerond"),
        ("en", "in preparation", "in progress"),
    ] {
        let out = leidraad(&root, lang).arg("sessions").output().unwrap();
        let table = stdout(&out);
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(row(&table, &name(&preparing)).ends_with(prep), "{table}");
        assert!(row(&table, &name(&started_path)).ends_with(conv), "{table}");
    }
}
