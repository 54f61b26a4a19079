//! `config.toml`'s text into a [`ConfigFile`], every key on its own: a
//! wrong key is reported and left out, the rest still counts.

use std::path::PathBuf;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{At, ConfigFile, Expected, KEYS, Key, Problem, ProblemKind};
use crate::guide::parse::position;
use crate::i18n::Lang;
use crate::report::Format;

/// Parse the text of `config.toml`: the values that are right, and a
/// problem for each that is not. A syntax error gives no values.
pub fn parse(text: &str) -> (ConfigFile, Vec<Problem>) {
    // A byte order mark is invisible in editors: skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let at = position(text, e.span().map_or(0, |s| s.start));
            let problem = Problem {
                at: Some(at),
                kind: ProblemKind::Syntax(e.message().trim().to_string()),
            };
            return (ConfigFile::default(), vec![problem]);
        }
    };
    let mut reader = Reader {
        text,
        file: ConfigFile::default(),
        problems: Vec::new(),
    };
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        reader.entry(key, value);
    }
    (reader.file, reader.problems)
}

/// The file being read: its text for positions, what was found so far.
struct Reader<'a> {
    text: &'a str,
    file: ConfigFile,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// One `key = value` of the top table.
    fn entry(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, value: &Spanned<DeValue<'_>>) {
        let Some(&(name, which)) = KEYS.iter().find(|(k, _)| *k == key.get_ref().as_ref()) else {
            let written = key.get_ref().to_string();
            let suggestion = closest_key(&written);
            self.problem(
                key.span().start,
                ProblemKind::UnknownKey {
                    key: written,
                    suggestion,
                },
            );
            return;
        };
        match which {
            Key::Lang => self.file.lang = self.choice(name, value, Expected::Lang, lang),
            Key::DataDir => self.file.data_dir = self.choice(name, value, Expected::Folder, folder),
            Key::Bell => self.file.bell = self.boolean(name, value),
            Key::Colors => self.file.colors = self.boolean(name, value),
            Key::Consultant => {
                self.file.consultant = self
                    .choice(name, value, Expected::Name, |s| Some(s.trim().to_string()))
                    .filter(|a| !a.value.is_empty());
            }
            Key::ExportDir => {
                self.file.export_dir = self.choice(name, value, Expected::Folder, folder);
            }
            Key::ExportFormat => {
                self.file.export_format = self.choice(name, value, Expected::Format, format);
            }
        }
    }

    /// A string value turned into `T` by `read`; a wrong type or a value
    /// `read` refuses is a problem.
    fn choice<T>(
        &mut self,
        key: &'static str,
        value: &Spanned<DeValue<'_>>,
        expected: Expected,
        read: impl Fn(&str) -> Option<T>,
    ) -> Option<At<T>> {
        let start = value.span().start;
        let DeValue::String(s) = value.get_ref() else {
            self.wrong_type(key, value, expected);
            return None;
        };
        match read(s) {
            Some(v) => Some(At {
                value: v,
                at: position(self.text, start),
            }),
            None => {
                let kind = ProblemKind::BadValue {
                    key,
                    value: s.to_string(),
                    expected,
                };
                self.problem(start, kind);
                None
            }
        }
    }

    /// `true` or `false`.
    fn boolean(&mut self, key: &'static str, value: &Spanned<DeValue<'_>>) -> Option<At<bool>> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(At {
                value: *b,
                at: position(self.text, value.span().start),
            }),
            _ => {
                self.wrong_type(key, value, Expected::Bool);
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &'static str, value: &Spanned<DeValue<'_>>, expected: Expected) {
        let kind = ProblemKind::WrongType {
            key,
            found: value.get_ref().type_str(),
            expected,
        };
        self.problem(value.span().start, kind);
    }

    fn problem(&mut self, offset: usize, kind: ProblemKind) {
        self.problems.push(Problem {
            at: Some(position(self.text, offset)),
            kind,
        });
    }
}

/// The known key closest to a misspelt one, if any is close.
fn closest_key(written: &str) -> Option<&'static str> {
    let lower = written.to_lowercase().replace('-', "_");
    KEYS.iter()
        .map(|(k, _)| (strsim::jaro_winkler(&lower, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// `"nl"` or `"en"`, in any case.
pub fn lang(text: &str) -> Option<Lang> {
    match text.trim().to_ascii_lowercase().as_str() {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// `"md"` or `"docx"`, in any case.
pub fn format(text: &str) -> Option<Format> {
    match text.trim().to_ascii_lowercase().as_str() {
        "md" => Some(Format::Markdown),
        "docx" => Some(Format::Docx),
        _ => None,
    }
}

/// A folder as written: a full path, or `~` / `~/…` for the home folder.
/// A relative path is refused: it would mean another folder in every
/// directory the app is started from.
pub fn folder(text: &str) -> Option<PathBuf> {
    let path = if text == "~" {
        crate::paths::home_dir()?
    } else if let Some(rest) = text.strip_prefix("~/") {
        crate::paths::home_dir()?.join(rest)
    } else {
        PathBuf::from(text)
    };
    path.is_absolute().then_some(path)
}
