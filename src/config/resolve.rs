//! The effective settings: flag, then environment, then `config.toml`,
//! then the default, each with where its value came from.
//!
//! | key | flag | environment | default |
//! |---|---|---|---|
//! | `lang` | `--lang` | `LEIDRAAD_LANG` | the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Dutch |
//! | `data_dir` | `--data-dir` | `LEIDRAAD_DATA_DIR` | the platform's data folder |
//! | `bell` | | `LEIDRAAD_BELL` | off |
//! | `colors` | | `NO_COLOR` (set: off) | on |
//! | `consultant` | | `LEIDRAAD_CONSULTANT` | none |
//! | `export_dir` | `export -o` | `LEIDRAAD_EXPORT_DIR` | none: the current folder (CLI), Documents (TUI) |
//! | `export_format` | `export --format` | `LEIDRAAD_EXPORT_FORMAT` | Markdown |
//!
//! The locale comes after `config.toml`: it is the platform's default, not
//! a choice the consultant made. The `export` flags are the command's own
//! (see `cli::sessions::export`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::parse::{folder, format};
use super::{At, Expected, FileRead, Problem, ProblemKind, read_file};
use crate::guide::parse::Position;
use crate::i18n::{Lang, Texts};
use crate::report::Format;
use crate::settings::Settings;

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag, by its name (`--lang`).
    Flag(&'static str),
    /// An environment variable, by its name.
    Env(&'static str),
    /// `config.toml`, at this place.
    File(Position),
    /// The system's locale, by the variable that gave it (for `lang`).
    Locale(&'static str),
    /// The built-in or platform default.
    Default,
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn new(value: T, origin: Origin) -> Setting<T> {
        Setting { value, origin }
    }

    fn from_file(at: At<T>) -> Setting<T> {
        Setting::new(at.value, Origin::File(at.at))
    }
}

/// The flags that stand for settings (the global ones).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flags {
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
}

/// The settings in force, and what could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where `config.toml` is looked for (`None` without a config folder).
    pub file: Option<PathBuf>,
    /// Whether it is there.
    pub file_exists: bool,
    /// The interface language.
    pub lang: Setting<Lang>,
    /// The folder of the session files (`None`: no home folder, and none
    /// given).
    pub data_dir: Option<Setting<PathBuf>>,
    /// Ring the terminal bell on reminders.
    pub bell: Setting<bool>,
    /// Colours on.
    pub colors: Setting<bool>,
    /// The consultant's own name.
    pub consultant: Setting<Option<String>>,
    /// Where reports are written when no file is named (`None`: not set).
    pub export_dir: Setting<Option<PathBuf>>,
    /// The report format when none is asked for.
    pub export_format: Setting<Format>,
    /// What could not be used, in the order found: the file's, then the
    /// environment's.
    pub problems: Vec<Problem>,
}

impl Default for Config {
    /// Everything at its default, no file: for a `Cli` before [`Config::load`].
    fn default() -> Config {
        Config::resolve(&Flags::default(), &|_| None, None, FileRead::default())
    }
}

impl Config {
    /// The settings from `flags`, the process's environment and the
    /// config folder's `config.toml`.
    pub fn load(flags: &Flags) -> Config {
        let file = super::file_path();
        let read = file.as_deref().map(read_file).unwrap_or_default();
        Config::resolve(flags, &|var| std::env::var_os(var), file, read)
    }

    /// The settings from `flags`, the environment as `env` gives it and
    /// the file as read: flag, then environment, then file, then default.
    pub fn resolve(
        flags: &Flags,
        env: &dyn Fn(&str) -> Option<OsString>,
        file: Option<PathBuf>,
        read: FileRead,
    ) -> Config {
        let env = Env(env);
        let values = read.values;
        let mut problems = read.problems;
        let lang = lang(flags, &env, values.lang);
        let data_dir = data_dir(flags, &env, values.data_dir);
        let bell = env
            .parsed("LEIDRAAD_BELL", Expected::Bool, yes_no, &mut problems)
            .or_else(|| values.bell.map(Setting::from_file))
            .unwrap_or(Setting::new(false, Origin::Default));
        let colors = env
            .text("NO_COLOR")
            .map(|_| Setting::new(false, Origin::Env("NO_COLOR")))
            .or_else(|| values.colors.map(Setting::from_file))
            .unwrap_or(Setting::new(true, Origin::Default));
        let consultant = env
            .parsed(
                "LEIDRAAD_CONSULTANT",
                Expected::Name,
                |s| Some(s.trim().to_string()),
                &mut problems,
            )
            .filter(|s| !s.value.is_empty())
            .or_else(|| values.consultant.map(Setting::from_file))
            .map_or(Setting::new(None, Origin::Default), |s| {
                Setting::new(Some(s.value), s.origin)
            });
        let export_dir = env
            .parsed(
                "LEIDRAAD_EXPORT_DIR",
                Expected::Folder,
                folder,
                &mut problems,
            )
            .or_else(|| values.export_dir.map(Setting::from_file))
            .map_or(Setting::new(None, Origin::Default), |s| {
                Setting::new(Some(s.value), s.origin)
            });
        let export_format = env
            .parsed(
                "LEIDRAAD_EXPORT_FORMAT",
                Expected::Format,
                format,
                &mut problems,
            )
            .or_else(|| values.export_format.map(Setting::from_file))
            .unwrap_or(Setting::new(Format::Markdown, Origin::Default));
        Config {
            file,
            file_exists: read.exists,
            lang,
            data_dir,
            bell,
            colors,
            consultant,
            export_dir,
            export_format,
            problems,
        }
    }

    /// The interface's strings.
    pub fn texts(&self) -> &'static Texts {
        self.lang.value.texts()
    }

    /// Every problem as a line in the interface language
    /// (`config.toml:3:8: …`).
    pub fn problem_lines(&self) -> Vec<String> {
        let file = self.file.as_deref().unwrap_or(Path::new(super::FILE_NAME));
        self.problems
            .iter()
            .map(|p| p.message(file, self.texts()))
            .collect()
    }

    /// The settings the app runs with; a problem becomes a warning the
    /// home screen can show.
    pub fn settings(&self) -> Settings {
        let defaults = Settings::from_env(self.lang.value);
        Settings {
            colors: self.colors.value,
            bell: self.bell.value,
            export_dir: self
                .export_dir
                .value
                .clone()
                .unwrap_or(defaults.export_dir.clone()),
            consultant: self.consultant.value.clone(),
            warnings: self.problem_lines(),
            ..defaults
        }
    }
}

/// `lang`: `--lang`, `LEIDRAAD_LANG`, config.toml, the locale, Dutch.
fn lang(flags: &Flags, env: &Env, file: Option<super::At<Lang>>) -> Setting<Lang> {
    flags
        .lang
        .map(|l| Setting::new(l, Origin::Flag("--lang")))
        .or_else(|| {
            env.lang("LEIDRAAD_LANG")
                .map(|l| Setting::new(l, Origin::Env("LEIDRAAD_LANG")))
        })
        .or_else(|| file.map(Setting::from_file))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|var| env.lang(var).map(|l| Setting::new(l, Origin::Locale(var))))
        })
        .unwrap_or(Setting::new(Lang::default(), Origin::Default))
}

/// `data_dir`: `--data-dir`, `LEIDRAAD_DATA_DIR`, config.toml, the
/// platform's data folder (none without a home).
fn data_dir(
    flags: &Flags,
    env: &Env,
    file: Option<super::At<PathBuf>>,
) -> Option<Setting<PathBuf>> {
    flags
        .data_dir
        .clone()
        .map(|d| Setting::new(d, Origin::Flag("--data-dir")))
        .or_else(|| {
            let var = "LEIDRAAD_DATA_DIR";
            env.text(var)
                .map(|d| Setting::new(PathBuf::from(d), Origin::Env(var)))
        })
        .or_else(|| file.map(Setting::from_file))
        .or_else(|| crate::paths::default_data_dir().map(|d| Setting::new(d, Origin::Default)))
}

/// The environment, read through a function so tests can give their own.
struct Env<'a>(&'a dyn Fn(&str) -> Option<OsString>);

impl Env<'_> {
    /// The variable's value, if set and not empty.
    fn value(&self, var: &str) -> Option<OsString> {
        (self.0)(var).filter(|v| !v.is_empty())
    }

    /// The variable as text, if set, not empty and UTF-8.
    fn text(&self, var: &str) -> Option<String> {
        self.value(var).and_then(|v| v.into_string().ok())
    }

    /// A language code or locale ("en", "nl_BE.UTF-8"); anything else is
    /// passed over, as the locale's "C" is.
    fn lang(&self, var: &str) -> Option<Lang> {
        self.text(var).and_then(|v| Lang::from_code(&v))
    }

    /// The variable read by `read`; a value `read` refuses is a problem
    /// and counts as not set.
    fn parsed<T>(
        &self,
        var: &'static str,
        expected: Expected,
        read: impl Fn(&str) -> Option<T>,
        problems: &mut Vec<Problem>,
    ) -> Option<Setting<T>> {
        let raw = self.value(var)?;
        let text = raw.to_string_lossy();
        match read(&text) {
            Some(v) => Some(Setting::new(v, Origin::Env(var))),
            None => {
                problems.push(Problem {
                    at: None,
                    kind: ProblemKind::BadEnv {
                        var,
                        value: text.into_owned(),
                        expected,
                    },
                });
                None
            }
        }
    }
}

/// A yes or no as people set it in the environment.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "ja" | "on" | "aan" => Some(true),
        "0" | "false" | "no" | "nee" | "off" | "uit" => Some(false),
        _ => None,
    }
}
