//! `leidraad completions SHELL` and `leidraad man` on the real binary:
//! every shell's script, what the binary answers a shell that asks (the
//! commands, session file names, guide ids), bash running its script for
//! real, and the man pages naming every command.

mod cli_support;

use cli_support::{commands, pages_named, stdout};

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "elvish", "powershell"];

/// The binary with private data and config folders, in Dutch.
fn leidraad(root: &TempDir) -> Command {
    cli_support::leidraad(root, "nl")
}

/// What the binary answers `shell` completing the last of `words` (the
/// words of the command line, `leidraad` first), as the candidates.
fn complete(root: &TempDir, shell: &str, words: &[&str]) -> Vec<String> {
    let out = leidraad(root)
        .env("LEIDRAAD_COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{shell}: {out:?}");
    stdout(&out)
        .split(['\n', '\u{b}'])
        .filter(|l| !l.is_empty())
        // zsh gives `value:help`, fish and PowerShell `value<TAB>help`.
        .map(|l| l.split(['\t', ':']).next().unwrap_or(l).to_string())
        .collect()
}

/// A data folder with two sessions and a file that is not one.
fn with_sessions(root: &TempDir) {
    let data = root.path().join("data");
    fs::create_dir_all(&data).unwrap();
    for name in [
        "2026-12-01_0900_voortgangsgesprek_de-regenboog.toml",
        "2026-12-02_1000_ambitiegesprek_de-vlinder.toml",
        "notities.txt",
        ".~2026-12-01_0900_voortgangsgesprek_de-regenboog.toml.lock",
    ] {
        fs::write(data.join(name), "").unwrap();
    }
}

#[test]
fn every_shell_gets_a_script_that_hooks_up_leidraad() {
    let root = TempDir::new().unwrap();
    for shell in SHELLS {
        let out = leidraad(&root)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = stdout(&out);
        assert!(script.len() > 100, "{shell}: {script}");
        assert!(script.contains("leidraad"), "{shell}: {script}");
        // The script asks the binary, which answers from the same clap
        // definitions (and the data folder).
        assert!(script.contains("LEIDRAAD_COMPLETE"), "{shell}: {script}");
        assert!(out.stderr.is_empty(), "{shell}: {out:?}");
    }
}

#[test]
fn an_unknown_shell_is_refused() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn every_shell_is_offered_every_command() {
    let root = TempDir::new().unwrap();
    let commands = commands();
    assert!(commands.len() >= 13, "{commands:?}");
    for shell in SHELLS {
        let offered = complete(&root, shell, &["leidraad", ""]);
        for command in &commands {
            assert!(offered.contains(command), "{shell}: {command}: {offered:?}");
        }
    }
}

#[test]
fn a_session_argument_completes_to_the_session_files() {
    let root = TempDir::new().unwrap();
    with_sessions(&root);
    let both = vec![
        "2026-12-01_0900_voortgangsgesprek_de-regenboog.toml".to_string(),
        "2026-12-02_1000_ambitiegesprek_de-vlinder.toml".to_string(),
    ];
    for command in ["show", "export", "delete", "resume"] {
        for shell in SHELLS {
            let offered = complete(&root, shell, &["leidraad", command, "2026-12-0"]);
            assert_eq!(offered, both, "{command} in {shell}");
        }
        let offered = complete(&root, "bash", &["leidraad", command, "2026-12-02"]);
        assert_eq!(offered, both[1..], "{command}");
    }
}

#[test]
fn a_data_dir_on_the_line_is_where_session_names_come_from() {
    let root = TempDir::new().unwrap();
    with_sessions(&root);
    let other = root.path().join("elders");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("2026-11-30_0800_klik.toml"), "").unwrap();
    let dir = other.to_str().unwrap();
    let offered = complete(&root, "bash", &["leidraad", "--data-dir", dir, "show", ""]);
    let names: Vec<&String> = offered.iter().filter(|w| !w.starts_with('-')).collect();
    assert_eq!(names, ["2026-11-30_0800_klik.toml"], "{offered:?}");
}

#[test]
fn guide_arguments_complete_to_guide_ids_of_their_kind() {
    let root = TempDir::new().unwrap();
    let start = complete(&root, "fish", &["leidraad", "start", "voort"]);
    assert_eq!(start, ["voortgangsgesprek"]);
    let start = complete(&root, "fish", &["leidraad", "start", "verbetertraject"]);
    assert!(
        start.contains(&"verbetertraject-klikgesprek".to_string()),
        "{start:?}"
    );
    assert!(!start.contains(&"verbetertraject".to_string()), "{start:?}");
    let plan = complete(&root, "fish", &["leidraad", "plan", "verbeter"]);
    assert_eq!(plan, ["verbetertraject"]);
}

#[test]
fn bash_completes_a_session_name_through_its_script() {
    let root = TempDir::new().unwrap();
    with_sessions(&root);
    let bin = assert_cmd::cargo::cargo_bin!("leidraad");
    let script = root.path().join("leidraad.bash");
    let out = leidraad(&root)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    fs::write(&script, &out.stdout).unwrap();
    let program = format!(
        "source {script}\n\
         COMP_WORDS=({bin} show 2026-12-02)\n\
         COMP_CWORD=2\n\
         _clap_complete_leidraad {bin} 2026-12-02 show\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script = script.display(),
        bin = bin.display(),
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(program)
        .env("LEIDRAAD_DATA_DIR", root.path().join("data"))
        .env("LEIDRAAD_CONFIG_DIR", root.path().join("cfg"))
        .env_remove("LEIDRAAD_COMPLETE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        stdout(&out).trim(),
        "2026-12-02_1000_ambitiegesprek_de-vlinder.toml",
        "{out:?}"
    );
}

#[test]
fn the_man_page_lists_every_command() {
    let root = TempDir::new().unwrap();
    let out = leidraad(&root).arg("man").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let page = stdout(&out);
    assert!(page.contains(".TH leidraad 1"), "{page}");
    assert_eq!(pages_named(&page), commands(), "{page}");
    // Dutch (the tests' language): leidraad's own sections in Dutch too.
    for section in [".SH BESTANDEN", ".SH OMGEVING", "LEIDRAAD_DATA_DIR"] {
        assert!(page.contains(section), "{section}: {page}");
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let root = TempDir::new().unwrap();
    let dir = root.path().join("man1");
    fs::create_dir_all(&dir).unwrap();
    let out = leidraad(&root)
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    assert!(
        fs::read_to_string(dir.join("leidraad.1"))
            .unwrap()
            .contains(".SH BESTANDEN")
    );
    for command in commands() {
        let page = fs::read_to_string(dir.join(format!("leidraad-{command}.1")))
            .unwrap_or_else(|e| panic!("{command}: {e}"));
        assert!(
            page.contains(&format!(".TH leidraad-{command} 1")),
            "{page}"
        );
    }
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Geschreven:"), "{said}");
}

#[test]
fn man_dir_that_is_missing_is_said_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    let missing = root.path().join("nergens");
    let out = leidraad(&root)
        .args(["man", "--dir"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("kan de handleiding"), "{said}");
    assert!(!Path::new(&missing).exists());
}

#[test]
fn the_commands_are_described_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    let described = |lang: &str, words: &[&str]| {
        let out = leidraad(&root)
            .env("LEIDRAAD_LANG", lang)
            .env("LEIDRAAD_COMPLETE", "fish")
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        stdout(&out)
    };
    let nl = described("nl", &["leidraad", ""]);
    assert!(nl.contains("check\tControleer gidsbestanden"), "{nl}");
    let en = described("en", &["leidraad", ""]);
    assert!(en.contains("check\tValidate guide files"), "{en}");
    // A --lang typed before counts.
    let typed = described("nl", &["leidraad", "--lang", "en", ""]);
    assert!(typed.contains("check\tValidate guide files"), "{typed}");
}

#[test]
fn the_man_page_is_in_the_interface_language() {
    let root = TempDir::new().unwrap();
    let page = |lang: &str| {
        let out = leidraad(&root)
            .args(["--lang", lang, "man"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        stdout(&out)
    };
    let nl = page("nl");
    assert!(nl.contains("gestructureerde gesprekken"), "{nl}");
    assert!(!nl.contains("structured conversations"), "{nl}");
    assert!(page("en").contains("structured conversations"));
}
