//! Running leidraad without root's power over file permissions.
//!
//! CI runs the tests as root, and root writes into a folder whatever its
//! mode, so a `chmod 0500` data folder stops nothing. Tests that need file
//! permissions to bite therefore run the app (or a child test process) as
//! `nobody` (uid and gid 65534) with
//! `setpriv --reuid=65534 --regid=65534 --clear-groups` (util-linux) when
//! they run as root, after handing their temporary folders to that user. As
//! any other user the app runs as it is and nothing is handed over.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The user and group the app runs as when the tests run as root.
pub const NOBODY: u32 = 65534;

/// Who the app runs as in a test that needs permissions to bite.
pub struct AppUser {
    /// The words in front of the program (`setpriv …`), empty when the
    /// tests do not run as root.
    prefix: Vec<String>,
}

impl AppUser {
    /// The tests' own user, or `nobody` through `setpriv` as root. `None`
    /// (the test is skipped with a note) as root when `setpriv` cannot
    /// switch users; under CI (`CI` set) that is a failure instead.
    pub fn get() -> Option<AppUser> {
        if !is_root() {
            return Some(AppUser { prefix: Vec::new() });
        }
        let prefix: Vec<String> = [
            "setpriv".to_string(),
            format!("--reuid={NOBODY}"),
            format!("--regid={NOBODY}"),
            "--clear-groups".to_string(),
        ]
        .to_vec();
        let works = Command::new(&prefix[0])
            .args(&prefix[1..])
            .args(["sh", "-c", "test \"$(id -u)\" = 65534"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !works {
            assert!(
                std::env::var_os("CI").is_none(),
                "running as root, but `setpriv --reuid={NOBODY}` does not work; CI needs util-linux's setpriv"
            );
            eprintln!(
                "note: running as root without a working setpriv, so a read-only folder \
                 does not stop writes; skipped"
            );
            return None;
        }
        Some(AppUser { prefix })
    }

    /// Whether the app runs as another user than the tests (as root).
    pub fn is_switched(&self) -> bool {
        !self.prefix.is_empty()
    }

    /// `program` as a command run by this user.
    pub fn command(&self, program: &Path) -> Command {
        match self.prefix.split_first() {
            None => Command::new(program),
            Some((setpriv, rest)) => {
                let mut c = Command::new(setpriv);
                c.args(rest).arg(program);
                c
            }
        }
    }

    /// Give `dir` and everything in it to this user (as root: `chown` to
    /// 65534; otherwise nothing), and check that the user can write in it,
    /// which needs every folder above it to be open to them.
    pub fn hand_over(&self, dir: &Path) {
        if self.is_switched() {
            chown_tree(dir);
        }
        assert!(
            self.can_write(dir),
            "{} cannot be written by the user the app runs as (uid {}); \
             are the folders above it open to that user? (TMPDIR)",
            dir.display(),
            if self.is_switched() { NOBODY } else { 0 }
        );
    }

    /// Whether this user can create files in `dir` (`test -w` as them).
    pub fn can_write(&self, dir: &Path) -> bool {
        let mut c = self.command(Path::new("sh"));
        c.arg("-c")
            .arg("test -d \"$1\" && test -w \"$1\" && test -x \"$1\"")
            .arg("sh")
            .arg(dir);
        c.output().map(|o| o.status.success()).unwrap_or(false)
    }

    /// A shell command line that replaces the shell with `program ARGS`
    /// run by this user (`exec`, so the pane's pid becomes the app's).
    pub fn exec_line(&self, program: &str, args: &[&str]) -> String {
        let mut words: Vec<&str> = self.prefix.iter().map(String::as_str).collect();
        words.push(program);
        words.extend_from_slice(args);
        exec_line(&words)
    }
}

/// A shell command line that replaces the shell with `words` (`exec`, so
/// the pane's pid becomes the program's), each word quoted.
pub fn exec_line(words: &[&str]) -> String {
    std::iter::once("exec")
        .chain(words.iter().copied())
        .map(shell_quote)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the tests run as root.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `chown -R 65534:65534 dir` (symbolic links themselves, not their targets).
fn chown_tree(dir: &Path) {
    std::os::unix::fs::lchown(dir, Some(NOBODY), Some(NOBODY))
        .unwrap_or_else(|e| panic!("chown {}: {e}", dir.display()));
    if dir.is_dir() && !dir.is_symlink() {
        for entry in std::fs::read_dir(dir).expect("reading a folder to hand over") {
            chown_tree(&entry.expect("a folder entry").path());
        }
    }
}

/// `word` quoted for a POSIX shell.
fn shell_quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@".contains(c))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Run the test `test` of this test binary again as `nobody`, with `tmp`
/// (handed over) as its temporary folder and `flag` set in its
/// environment, and assert that it passed and printed `marker`. For a test
/// that needs file permissions to bite when the tests run as root.
pub fn rerun_as_nobody(user: &AppUser, test: &str, tmp: &Path, flag: &str, marker: &str) {
    user.hand_over(tmp);
    let out = user
        .command(&std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env("TMPDIR", tmp)
        .env(flag, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains(marker),
        "the test as nobody: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}
