//! `leidraad guides` and `leidraad check` on the real binary, isolated from
//! the user's config with `LEIDRAAD_CONFIG_DIR` and `--guides-dir`.

mod cli_support;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/guides");

/// The binary with an empty config folder and English output (from the environment).
fn leidraad(config: &TempDir) -> Command {
    cli_support::leidraad_with(&config.path().join("data"), config.path(), "en")
}

fn copy_fixture(from: &str, to: &Path) {
    fs::copy(Path::new(FIXTURES).join(from), to).unwrap();
}

#[test]
fn guides_lists_user_guides_with_their_source() {
    let (config, dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    copy_fixture("valid/full-conversation.toml", &dir.path().join("a.toml"));
    copy_fixture("valid/short-conversation.toml", &dir.path().join("b.toml"));
    copy_fixture("valid/full-trajectory.toml", &dir.path().join("c.toml"));
    copy_fixture("invalid/bad-id.toml", &dir.path().join("d.toml"));
    leidraad(&config)
        .arg("guides")
        .arg("--guides-dir")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("ID"))
        .stdout(predicate::str::contains("SOURCE"))
        .stdout(
            predicate::str::is_match(r"volledig\s+conversation\s+Voortgangsgesprek\s+30\s+2\s+")
                .unwrap(),
        )
        .stdout(
            predicate::str::is_match(r"verbetertraject\s+trajectory\s+Verbetertraject\s+-\s+4\s+")
                .unwrap(),
        )
        .stdout(predicate::str::contains(
            dir.path().join("a.toml").display().to_string(),
        ))
        .stderr(predicate::str::contains(
            "d.toml:2:6: invalid id `Fout Gesprek`",
        ));
}

#[test]
fn guides_headers_follow_the_language() {
    let (config, dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    copy_fixture("valid/short-conversation.toml", &dir.path().join("b.toml"));
    leidraad(&config)
        .args(["--lang", "nl", "guides", "--guides-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("TITEL"))
        .stdout(predicate::str::contains("gesprek"));
}

#[test]
fn check_valid_files_exits_zero() {
    let config = TempDir::new().unwrap();
    leidraad(&config)
        .arg("check")
        .arg(Path::new(FIXTURES).join("valid/full-conversation.toml"))
        .arg(Path::new(FIXTURES).join("valid/short-conversation.toml"))
        .arg(Path::new(FIXTURES).join("valid/full-trajectory.toml"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 guide file(s) ok"));
}

#[test]
fn check_broken_file_exits_one_with_position() {
    let config = TempDir::new().unwrap();
    let file = Path::new(FIXTURES).join("invalid/unknown-key.toml");
    leidraad(&config)
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:8:1: unknown key `minuten` (did you mean `minutes`?)",
            file.display()
        )));
}

#[test]
fn check_prefixes_warnings_and_still_exits_zero() {
    let config = TempDir::new().unwrap();
    let file = Path::new(FIXTURES).join("warn/minutes-differ.toml");
    leidraad(&config)
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "{}:4:11: warning: `minutes` is 90",
            file.display()
        )));
}

#[test]
fn check_trajectory_resolves_against_loaded_guides() {
    let (config, dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let traj = Path::new(FIXTURES).join("valid/full-trajectory.toml");
    // Alone, its steps are unknown.
    leidraad(&config)
        .arg("check")
        .arg(&traj)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "11:9: step 1 names the guide `kort`, which is not loaded",
        ));
    // With the conversations in a guides folder, it resolves.
    copy_fixture("valid/full-conversation.toml", &dir.path().join("a.toml"));
    copy_fixture("valid/short-conversation.toml", &dir.path().join("b.toml"));
    leidraad(&config)
        .arg("check")
        .arg(&traj)
        .arg("--guides-dir")
        .arg(dir.path())
        .assert()
        .code(0);
}

#[test]
fn check_without_files_checks_all_loaded_guides() {
    let (config, dir) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    copy_fixture("valid/short-conversation.toml", &dir.path().join("b.toml"));
    leidraad(&config)
        .arg("check")
        .arg("--guides-dir")
        .arg(dir.path())
        .assert()
        .code(0);
    copy_fixture("invalid/revisit-self.toml", &dir.path().join("c.toml"));
    leidraad(&config)
        .arg("check")
        .arg("--guides-dir")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "c.toml:14:11: `revisit` points to its own phase",
        ));
}

#[test]
fn check_missing_file_exits_one() {
    let config = TempDir::new().unwrap();
    leidraad(&config)
        .args(["check", "/nonexistent/guide.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/nonexistent/guide.toml: cannot read the guide file",
        ));
}

#[test]
fn usage_error_exits_two() {
    let config = TempDir::new().unwrap();
    leidraad(&config).arg("frobnicate").assert().code(2);
    leidraad(&config)
        .args(["guides", "--no-such-flag"])
        .assert()
        .code(2);
}

#[test]
fn version_and_help() {
    let config = TempDir::new().unwrap();
    leidraad(&config)
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    leidraad(&config)
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("FILE"));
}
