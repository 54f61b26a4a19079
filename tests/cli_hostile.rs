//! The command line against hostile files (issue 15): FIFOs and devices
//! named `*.toml` in the data and guides folders, each command under a
//! timeout so a hang fails the test instead of stalling the suite.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::SessionStore;
use tempfile::TempDir;

/// Long enough for a debug build on a loaded machine, short beside "for
/// ever".
const PATIENCE: Duration = Duration::from_secs(20);

/// The binary with private data and config folders, in `lang`, under a
/// timeout.
fn leidraad(root: &TempDir, lang: &str) -> Command {
    let mut cmd = cli_support::leidraad(root, lang);
    cmd.timeout(PATIENCE);
    cmd
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// A voortgangsgesprek for `client`.
fn sample(client: &str) -> Session {
    let guide = Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, now);
    s.client = client.into();
    s
}

/// Save `session` in the data folder; its path.
fn save(root: &TempDir, session: &Session) -> PathBuf {
    let store = SessionStore::open(cli_support::data(root)).unwrap();
    let path = store.path_for_new(session);
    store.save(&path, session).unwrap();
    path
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_fifo_in_the_data_folder_is_listed_as_damaged_and_hangs_no_command() {
    let root = TempDir::new().unwrap();
    save(&root, &sample("De Regenboog"));
    let fifo = cli_support::data(&root).join("2026-02-02_0900_fifo.toml");
    mkfifo(&fifo);
    let out = leidraad(&root, "nl").arg("sessions").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    let row = table
        .lines()
        .find(|l| l.starts_with("2026-02-02_0900_fifo.toml"))
        .unwrap_or_else(|| panic!("the FIFO is listed:\n{table}"));
    assert!(row.contains("geen gewoon bestand maar een FIFO"), "{row}");
    assert!(table.contains("de-regenboog"), "{table}");
    let says = [
        (vec!["show"], "geen gewoon bestand maar een FIFO"),
        (vec!["export"], "geen gewoon bestand maar een FIFO"),
        (
            vec!["delete", "--yes"],
            "verwijdert geen beschadigde bestanden",
        ),
    ];
    for (command, said) in says {
        let out = leidraad(&root, "nl")
            .args(&command)
            .arg("2026-02-02_0900_fifo")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(said), "{command:?}: {}", stderr(&out));
    }
    assert!(
        fs::symlink_metadata(&fifo).is_ok(),
        "the FIFO is left alone"
    );
    let leftovers: Vec<String> = fs::read_dir(cli_support::data(&root))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "no lock left behind: {leftovers:?}");
}

#[test]
fn a_link_to_dev_zero_is_listed_as_damaged_at_once() {
    let root = TempDir::new().unwrap();
    save(&root, &sample("De Regenboog"));
    std::os::unix::fs::symlink("/dev/zero", cli_support::data(&root).join("zero.toml")).unwrap();
    let out = leidraad(&root, "en").arg("sessions").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("not a regular file but a device"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_fifo_in_a_guides_folder_is_reported_and_hangs_neither_guides_nor_check() {
    let root = TempDir::new().unwrap();
    let guides = root.path().join("guides");
    fs::create_dir(&guides).unwrap();
    let fifo = guides.join("pipe.toml");
    mkfifo(&fifo);
    let out = leidraad(&root, "en")
        .arg("guides")
        .arg("--guides-dir")
        .arg(&guides)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("voortgangsgesprek"),
        "{}",
        stdout(&out)
    );
    let said = stderr(&out);
    assert!(said.contains("pipe.toml"), "{said}");
    assert!(
        said.contains("a FIFO (named pipe), not a regular file"),
        "{said}"
    );
    for args in [vec![], vec![fifo.to_string_lossy().into_owned()]] {
        let out = leidraad(&root, "en")
            .arg("check")
            .arg("--guides-dir")
            .arg(&guides)
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_guides_dir_that_is_missing_or_a_file_is_named_and_nothing_is_created() {
    let root = TempDir::new().unwrap();
    let missing = root.path().join("geen-map");
    let out = leidraad(&root, "nl")
        .arg("--guides-dir")
        .arg(&missing)
        .arg("guides")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("die map bestaat niet"),
        "{}",
        stderr(&out)
    );
    assert!(!missing.exists());
    let file = root.path().join("een-bestand");
    fs::write(&file, "x").unwrap();
    let out = leidraad(&root, "en")
        .arg("--guides-dir")
        .arg(&file)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is a file, not a folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sessions_with_a_missing_data_dir_says_so_and_creates_nothing() {
    let root = TempDir::new().unwrap();
    let missing = root.path().join("missing").join("x");
    for command in [
        &["sessions"][..],
        &["show", "2026"],
        &["delete", "2026", "--yes"],
    ] {
        let out = leidraad(&root, "en")
            .arg("--data-dir")
            .arg(&missing)
            .args(command)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        assert!(
            stderr(&out).contains("does not exist; nothing was created"),
            "{command:?}: {}",
            stderr(&out)
        );
        assert!(
            !root.path().join("missing").exists(),
            "{command:?} created it"
        );
    }
}

#[test]
fn a_file_name_that_is_not_utf8_is_listed_and_deleted_by_its_prefix() {
    use std::os::unix::ffi::OsStrExt;
    let root = TempDir::new().unwrap();
    let saved = save(&root, &sample("Café"));
    let odd = cli_support::data(&root).join(std::ffi::OsStr::from_bytes(
        b"2026-11-23-0900-caf\xe9-x.toml",
    ));
    fs::rename(&saved, &odd).unwrap();
    let out = leidraad(&root, "nl").arg("sessions").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(listed.contains("2026-11-23-0900-caf"), "{listed}");
    let out = leidraad(&root, "nl")
        .args(["show", "2026-11-23-0900-caf"])
        .output()
        .unwrap();
    assert!(out.status.success(), "show: {}", stderr(&out));
    assert!(
        stdout(&out).contains("Voortgangsgesprek"),
        "{}",
        stdout(&out)
    );
    let out = leidraad(&root, "nl")
        .args(["delete", "2026-11-23-0900-caf", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "delete: {}", stderr(&out));
    assert!(!odd.exists(), "deleted");
}

#[test]
fn sessions_lists_the_emergency_copies_recorded_in_the_config_folder() {
    let root = TempDir::new().unwrap();
    save(&root, &sample("De Linde"));
    let copy = root.path().join("2026-11-23-0900-de-linde-kopie.toml");
    fs::write(&copy, "kopie").unwrap();
    let log = leidraad::store::CopyLog::in_folder(&root.path().join("cfg"));
    let when = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:15:00+01:00").unwrap();
    log.record(
        &copy,
        Some(&cli_support::data(&root).join("sessie.toml")),
        when,
    )
    .unwrap();
    let out = leidraad(&root, "nl").arg("sessions").output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("Noodkopieën"), "{err}");
    assert!(err.contains(&copy.display().to_string()), "{err}");
    assert!(err.contains("sessie.toml, 2026-11-23 10:15"), "{err}");
    assert!(!stdout(&out).contains("kopie"), "the table stays as it was");
    // A copy removed by hand is no longer listed.
    fs::remove_file(&copy).unwrap();
    let out = leidraad(&root, "nl").arg("sessions").output().unwrap();
    assert!(!stderr(&out).contains("Noodkopieën"), "{}", stderr(&out));
}

#[test]
fn a_huge_client_name_does_not_widen_the_sessions_table() {
    // Issue 15 point 8: one 20 MB client name made `sessions` print 600 MB
    // (every row padded to its width). 2 MB shows it as well.
    let root = TempDir::new().unwrap();
    save(&root, &sample(&"Basisschool ".repeat(170_000)));
    save(&root, &sample("De Linde"));
    let out = leidraad(&root, "nl").arg("sessions").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.len() < 2_000,
        "{} bytes:\n{}",
        text.len(),
        &text[..2_000.min(text.len())]
    );
    assert!(text.contains("De Linde"), "{text}");
    assert!(text.contains("Basisschool Basisschool"), "{text}");
}
