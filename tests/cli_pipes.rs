//! A reader that goes away (`leidraad sessions | head`) ends every printing
//! command quietly (issue 15 point 10): status 141, as for other tools,
//! no panic and no backtrace, on standard output and on standard error. A
//! write that fails otherwise (a full disk behind `>`) is said, status 1.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use leidraad::catalog::Catalog;
use leidraad::session::Session;
use leidraad::store::SessionStore;
use tempfile::TempDir;

fn leidraad(root: &TempDir) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("leidraad"));
    cmd.env("LEIDRAAD_DATA_DIR", data(root))
        .env("LEIDRAAD_CONFIG_DIR", root.path().join("cfg"))
        .env_remove("LEIDRAAD_GUIDES_DIR")
        .env("LEIDRAAD_LANG", "nl")
        .env("RUST_BACKTRACE", "1");
    cmd
}

fn data(root: &TempDir) -> PathBuf {
    root.path().join("data")
}

/// A session whose notes fill far more than a pipe holds (64 KB).
fn long_session(root: &TempDir) -> String {
    let guide = Catalog::bundled()
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut s = Session::new(&guide, now);
    s.client = "De Regenboog".into();
    s.phases[0].notes = "Het team wil de leerlijn rekenen herzien.\n".repeat(20_000);
    let store = SessionStore::open(data(root)).unwrap();
    let path = store.path_for_new(&s);
    store.save(&path, &s).unwrap();
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Run `cmd`, read a little of the stream it prints on (stdout, or stderr
/// with `on_stderr`), close it, and give the exit status and what the
/// other stream said.
fn read_a_little_then_close(mut cmd: Command, on_stderr: bool) -> (Option<i32>, String) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut read_from, mut other) = if on_stderr {
        (
            Box::new(child.stderr.take().unwrap()) as Box<dyn Read>,
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read>,
        )
    } else {
        (
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read>,
            Box::new(child.stderr.take().unwrap()) as Box<dyn Read>,
        )
    };
    let mut first = [0u8; 100];
    read_from.read_exact(&mut first).unwrap();
    drop(read_from);
    let mut said = String::new();
    other.read_to_string(&mut said).unwrap();
    let status = child.wait().unwrap();
    (status.code(), said)
}

fn assert_quiet(what: &str, (status, said): (Option<i32>, String)) {
    assert_eq!(status, Some(141), "{what}: {said}");
    assert!(!said.contains("panicked"), "{what}: {said}");
    assert!(!said.contains("backtrace"), "{what}: {said}");
}

#[test]
fn show_and_export_end_quietly_when_the_reader_goes() {
    let root = TempDir::new().unwrap();
    let name = long_session(&root);
    let mut show = leidraad(&root);
    show.args(["show", &name]);
    assert_quiet("show", read_a_little_then_close(show, false));
    let mut export = leidraad(&root);
    export.args(["export", &name]);
    assert_quiet("export", read_a_little_then_close(export, false));
}

#[test]
fn sessions_ends_quietly_when_the_reader_goes() {
    let root = TempDir::new().unwrap();
    std::fs::create_dir_all(data(&root)).unwrap();
    // Damaged files are listed too, and are quick to make.
    for i in 0..2_000 {
        let name = format!("2026-01-01_{:04}_kapot-bestand-met-een-lange-naam.toml", i);
        std::fs::write(data(&root).join(name), "this is garbage").unwrap();
    }
    let mut sessions = leidraad(&root);
    sessions.arg("sessions");
    assert_quiet("sessions", read_a_little_then_close(sessions, false));
}

#[test]
fn check_ends_quietly_when_its_stderr_reader_goes() {
    let root = TempDir::new().unwrap();
    let dir = root.path().join("guides");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..1_500 {
        std::fs::write(
            dir.join(format!("kapot-{i:04}.toml")),
            "format = 1\nid = \"Fout Id\"\n",
        )
        .unwrap();
    }
    let mut check = leidraad(&root);
    check.arg("check").arg("--guides-dir").arg(&dir);
    assert_quiet("check", read_a_little_then_close(check, true));
}

#[test]
fn a_full_disk_behind_stdout_is_said_and_fails() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let root = TempDir::new().unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = leidraad(&root).arg("guides").stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("kon niet alles schrijven"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
}
