//! `config.toml`: the consultant's own settings, read once at start.
//!
//! [`read_file`] and [`parse`] turn the file into a [`ConfigFile`]: the
//! values that are right, each with where it stands, and a [`Problem`] for
//! every one that is not (a syntax error, an unknown key with "did you
//! mean", a wrong type or value). A wrong key is left out and its default
//! applies; a syntax error leaves the whole file out. Nothing here fails:
//! the app always starts, and says what it could not use.
//!
//! [`resolve`] puts the file beside the flags, the environment and the
//! platform defaults: flag, then environment, then `config.toml`, then the
//! default, with where each value came from (for `leidraad config`).

mod parse;
pub mod resolve;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::guide::parse::{Diagnostic, Position};
use crate::i18n::{Lang, Texts};
use crate::report::Format;

pub use parse::parse;
pub use resolve::{Config, Flags, Origin, Setting};

/// The name of the settings file in the config folder.
pub const FILE_NAME: &str = "config.toml";

/// A `config.toml` larger than this is not read (it is a few lines).
const MAX_BYTES: u64 = 1 << 20;

/// A key of `config.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Lang,
    DataDir,
    Bell,
    Colors,
    Consultant,
    ExportDir,
    ExportFormat,
}

/// The keys of `config.toml` as written, in the order the template and
/// `leidraad config` show them.
pub const KEYS: [(&str, Key); 7] = [
    ("lang", Key::Lang),
    ("data_dir", Key::DataDir),
    ("bell", Key::Bell),
    ("colors", Key::Colors),
    ("consultant", Key::Consultant),
    ("export_dir", Key::ExportDir),
    ("export_format", Key::ExportFormat),
];

/// A value read from `config.toml`, with where it stands in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where the value starts.
    pub at: Position,
}

/// What `config.toml` says, key by key; a key that is missing or wrong is
/// `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigFile {
    /// `lang`: the interface language.
    pub lang: Option<At<Lang>>,
    /// `data_dir`: the folder of the session files.
    pub data_dir: Option<At<PathBuf>>,
    /// `bell`: ring the terminal bell on reminders.
    pub bell: Option<At<bool>>,
    /// `colors`: colours on or off.
    pub colors: Option<At<bool>>,
    /// `consultant`: the consultant's own name, for the guide's consultant
    /// field ("Begeleider", "Schoolbegeleider").
    pub consultant: Option<At<String>>,
    /// `export_dir`: where reports are written when no file is named.
    pub export_dir: Option<At<PathBuf>>,
    /// `export_format`: the report format when none is asked for.
    pub export_format: Option<At<Format>>,
}

/// What kind of value a key takes, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `"nl"` or `"en"`.
    Lang,
    /// `true` or `false`.
    Bool,
    /// A folder: a full path, or one starting with `~/`.
    Folder,
    /// A name (text).
    Name,
    /// `"md"` or `"docx"`.
    Format,
}

impl Expected {
    /// What a key of this kind takes, in the interface language.
    pub fn describe(self, t: &Texts) -> &'static str {
        match self {
            Expected::Lang => t.cli.cfg_expect_lang,
            Expected::Bool => t.cli.cfg_expect_bool,
            Expected::Folder => t.cli.cfg_expect_folder,
            Expected::Name => t.cli.cfg_expect_name,
            Expected::Format => t.cli.cfg_expect_format,
        }
    }
}

/// What is wrong with the settings.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is there but cannot be read (the system's reason).
    Unreadable(String),
    /// The name is taken by a folder, a pipe or a device.
    NotAFile,
    /// Over a megabyte: not a settings file.
    TooLarge,
    /// Not UTF-8 text.
    NotUtf8,
    /// Not TOML (toml's own words).
    Syntax(String),
    /// A key leidraad does not know, with the closest one it does.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The known key it probably means.
        suggestion: Option<&'static str>,
    },
    /// A value of the wrong type ("bell = \"ja\"").
    WrongType {
        /// The key.
        key: &'static str,
        /// The TOML type found ("string", "integer", …).
        found: &'static str,
        /// What the key takes.
        expected: Expected,
    },
    /// A value of the right type that is not allowed ("lang = \"de\"",
    /// a relative folder).
    BadValue {
        /// The key.
        key: &'static str,
        /// The value as written.
        value: String,
        /// What the key takes.
        expected: Expected,
    },
    /// An environment variable with a value that is not allowed.
    BadEnv {
        /// The variable.
        var: &'static str,
        /// Its value.
        value: String,
        /// What it takes.
        expected: Expected,
    },
}

/// A problem with a setting: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The place in the file; `None` for the file as a whole or the
    /// environment.
    pub at: Option<Position>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// The problem as one line in the interface language:
    /// `FILE:LINE:COLUMN: message` (`FILE: message` for the whole file,
    /// `VARIABLE: message` for the environment).
    pub fn message(&self, file: &Path, t: &Texts) -> String {
        let c = &t.cli;
        let text = match &self.kind {
            ProblemKind::Unreadable(why) => (c.cfg_unreadable)(why),
            ProblemKind::NotAFile => c.cfg_not_a_file.to_string(),
            ProblemKind::TooLarge => c.cfg_too_large.to_string(),
            ProblemKind::NotUtf8 => c.cfg_not_utf8.to_string(),
            ProblemKind::Syntax(toml) => (c.cfg_syntax)(toml),
            ProblemKind::UnknownKey { key, suggestion } => {
                let known = KEYS.map(|(k, _)| format!("`{k}`")).join(", ");
                (c.cfg_unknown_key)(key, suggestion.unwrap_or(""), &known)
            }
            ProblemKind::WrongType {
                key,
                found,
                expected,
            } => (c.cfg_wrong_type)(key, type_name(found, t), expected.describe(t)),
            ProblemKind::BadValue {
                key,
                value,
                expected,
            } => (c.cfg_bad_value)(key, value, expected.describe(t)),
            ProblemKind::BadEnv {
                var,
                value,
                expected,
            } => return format!("{var}: {}", (c.cfg_bad_env)(value, expected.describe(t))),
        };
        let name = file.display().to_string();
        match self.at {
            Some(pos) => Diagnostic::at(&name, pos, text).to_string(),
            None => Diagnostic::whole_file(&name, text).to_string(),
        }
    }
}

/// A TOML type's name in the interface language.
fn type_name(found: &str, t: &Texts) -> &'static str {
    let c = &t.cli;
    match found {
        "string" => c.cfg_type_string,
        "integer" | "float" => c.cfg_type_number,
        "boolean" => c.cfg_type_bool,
        "datetime" => c.cfg_type_date,
        "array" => c.cfg_type_array,
        _ => c.cfg_type_table,
    }
}

/// `config.toml` as found on disk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileRead {
    /// Whether there is a file (a missing file means defaults, silently).
    pub exists: bool,
    /// What it says.
    pub values: ConfigFile,
    /// What could not be used.
    pub problems: Vec<Problem>,
}

/// Read and parse `path`. A missing file gives defaults; a folder, pipe or
/// device in its place is reported without waiting on it.
pub fn read_file(path: &Path) -> FileRead {
    let whole = |kind| FileRead {
        exists: true,
        values: ConfigFile::default(),
        problems: vec![Problem { at: None, kind }],
    };
    let text = match read_regular(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return FileRead::default(),
        Err(kind) => return whole(kind),
    };
    let Ok(text) = String::from_utf8(text) else {
        return whole(ProblemKind::NotUtf8);
    };
    let (values, problems) = parse(&text);
    FileRead {
        exists: true,
        values,
        problems,
    }
}

/// The bytes of `path` if it is a regular file of at most [`MAX_BYTES`];
/// `None` when it is not there. Opened without blocking, so a pipe in its
/// place cannot hang the start.
fn read_regular(path: &Path) -> Result<Option<Vec<u8>>, ProblemKind> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ProblemKind::Unreadable(e.to_string())),
    };
    let meta = file
        .metadata()
        .map_err(|e| ProblemKind::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(ProblemKind::NotAFile);
    }
    if meta.len() > MAX_BYTES {
        return Err(ProblemKind::TooLarge);
    }
    let mut bytes = Vec::new();
    file.by_ref()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ProblemKind::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ProblemKind::TooLarge);
    }
    Ok(Some(bytes))
}

/// The path of `config.toml` in the config folder, if there is one.
pub fn file_path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join(FILE_NAME))
}

#[cfg(test)]
mod tests;
