//! Shell integration: completions, made from the clap definitions in
//! `cli.rs` (the manual page: `man`).
//!
//! Completions are clap_complete's dynamic ones: the script a shell sources
//! asks `leidraad` itself what fits (`LEIDRAAD_COMPLETE=bash leidraad --
//! leidraad show 2026`), so a SESSION argument completes to the session
//! files in the data folder and GUIDE to the guide ids. The script and the
//! binary belong together: make the script anew on shell start (`source
//! <(leidraad completions bash)`), or again after an upgrade.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use super::sessions::fail;
use crate::catalog::Catalog;
use crate::config::{Config, Flags};

/// The environment variable that turns a run into a completion answer.
const COMPLETE_VAR: &str = "LEIDRAAD_COMPLETE";

/// The shells `leidraad completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShellName {
    /// Bash (4.4 or newer for the best results).
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// Elvish.
    Elvish,
    /// PowerShell.
    Powershell,
}

impl ShellName {
    fn completer(self) -> &'static dyn EnvCompleter {
        match self {
            ShellName::Bash => &Bash,
            ShellName::Zsh => &Zsh,
            ShellName::Fish => &Fish,
            ShellName::Elvish => &Elvish,
            ShellName::Powershell => &Powershell,
        }
    }
}

/// When a shell asks for completions (`LEIDRAAD_COMPLETE` set), answer on
/// stdout and give the exit status; `None` for an ordinary run.
pub fn complete_if_asked() -> Option<i32> {
    std::env::var_os(COMPLETE_VAR)?;
    let cwd = std::env::current_dir().ok();
    // The commands' descriptions (fish, zsh) in the user's language.
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let lang = super::help::language(&words);
    let answered = clap_complete::CompleteEnv::with_factory(move || super::help::command(lang))
        .var(COMPLETE_VAR)
        .bin("leidraad")
        .try_complete(std::env::args_os(), cwd.as_deref());
    match answered {
        Ok(true) => Some(0),
        Ok(false) => None,
        Err(e) => {
            let _ = e.print();
            Some(e.exit_code())
        }
    }
}

/// `leidraad completions SHELL`: the script that hooks the shell up,
/// calling back this binary by the name it was started with.
pub fn completions(shell: ShellName) -> i32 {
    let called = std::env::args_os()
        .next()
        .map_or_else(|| PathBuf::from("leidraad"), PathBuf::from);
    // A relative path with folders ("./target/debug/leidraad") is made
    // absolute, as clap_complete does: completion runs in other folders.
    let completer = match std::env::current_dir() {
        Ok(cwd) if called.components().count() > 1 => cwd.join(&called),
        _ => called,
    };
    let mut script = Vec::new();
    let written = shell.completer().write_registration(
        COMPLETE_VAR,
        "leidraad",
        "leidraad",
        &completer.to_string_lossy(),
        &mut script,
    );
    match written {
        Ok(()) => {
            super::out::print_own(&script);
            0
        }
        Err(e) => fail(e),
    }
}

/// The completer of a SESSION argument: the session files in the data
/// folder (a `--data-dir` already typed counts) whose names start with what
/// is typed.
pub fn sessions() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let typed = current.to_string_lossy();
        let flags = Flags {
            data_dir: typed_data_dir(std::env::args_os()),
            ..Flags::default()
        };
        let Some(dir) = Config::load(&flags).data_dir else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(&dir.value) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            // A name a terminal would act on is not offered (it cannot be
            // typed either): the shell may list the candidates raw.
            .filter(|n| !n.chars().any(crate::report::is_unsafe))
            .filter(|n| crate::store::names::is_session_name(n) && n.starts_with(typed.as_ref()))
            .collect();
        names.sort();
        names.into_iter().map(CompletionCandidate::new).collect()
    })
}

/// The `--data-dir` on the command line being completed (the words after
/// `--` in `leidraad -- leidraad show --data-dir DIR 2026`); the last one
/// when there are more.
fn typed_data_dir(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let words: Vec<OsString> = args.into_iter().skip_while(|a| a != "--").collect();
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let Some(word) = word.to_str() else { continue };
        if word == "--data-dir" {
            found = words.get(i + 1).map(PathBuf::from);
        } else if let Some(dir) = word.strip_prefix("--data-dir=") {
            found = Some(PathBuf::from(dir));
        }
    }
    found.filter(|dir| !dir.as_os_str().is_empty())
}

/// The completer of a GUIDE argument (`conversations`) or a TRAJECTORY
/// argument: the ids of the loaded guides of that kind, with their titles.
pub fn guides(conversations: bool) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &OsStr| {
        let typed = current.to_string_lossy();
        Catalog::load(&crate::paths::guide_dirs(&[]))
            .guides
            .iter()
            .filter(|g| g.guide.as_conversation().is_some() == conversations)
            .filter(|g| g.guide.id().starts_with(typed.as_ref()))
            .map(|g| {
                CompletionCandidate::new(g.guide.id())
                    .help(Some(g.guide.title().to_string().into()))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn a_data_dir_typed_before_the_session_is_where_sessions_complete_from() {
        let dir = |line| typed_data_dir(words(line));
        assert_eq!(dir("leidraad -- leidraad show 2026"), None);
        assert_eq!(
            dir("leidraad -- leidraad --data-dir /a show 2026"),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(
            dir("leidraad -- leidraad show --data-dir=/b --data-dir /c 2026"),
            Some(PathBuf::from("/c"))
        );
        // The flag's value is the word being completed: none yet.
        assert_eq!(dir("leidraad -- leidraad show --data-dir"), None);
        // Words before `--` are the completer's own.
        assert_eq!(dir("leidraad --data-dir /x -- leidraad show"), None);
    }
}
