//! Helpers for the command-line tests (`tests/cli_*.rs`): the real binary
//! with private folders in a fixed language, whatever the machine running
//! the tests has set. (The end-to-end helpers live in `tests/common`, the
//! in-process ones in `tests/ui_support`.)

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with `data` and `config` as its folders, speaking `lang`:
/// the machine's locale, its own guides folder and a shell's completion
/// request are left out.
pub fn leidraad_with(data: &Path, config: &Path, lang: &str) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("leidraad");
    cmd.env("LEIDRAAD_DATA_DIR", data)
        .env("LEIDRAAD_CONFIG_DIR", config)
        .env_remove("LEIDRAAD_GUIDES_DIR")
        .env_remove("LEIDRAAD_COMPLETE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LEIDRAAD_LANG", lang);
    cmd
}

/// The binary with the folders `ROOT/data` and `ROOT/cfg`, speaking `lang`.
pub fn leidraad(root: &TempDir, lang: &str) -> Command {
    leidraad_with(&data(root), &root.path().join("cfg"), lang)
}

/// The data folder of [`leidraad`].
pub fn data(root: &TempDir) -> PathBuf {
    root.path().join("data")
}

/// The names of the commands, as clap knows them (`help` aside).
pub fn commands() -> Vec<String> {
    use clap::CommandFactory;
    leidraad::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

/// What a run printed on standard output.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The commands a man page refers to: `leidraad-NAME(1)` in its text.
pub fn pages_named(page: &str) -> Vec<String> {
    commands()
        .into_iter()
        .filter(|c| page.contains(&format!("leidraad\\-{c}(1)")))
        .collect()
}
