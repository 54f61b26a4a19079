//! What is wrong in a file leidraad wrote and reads back (a session, a
//! plan), in terms of our own: where (line and column) and what kind of
//! fault, so every surface can say it in the user's language and the
//! history index can store it apart from any language.
//!
//! toml and serde say what is wrong in English sentences only; [`Fault::of_toml`]
//! maps the common ones onto a [`FaultKind`] and everything else onto
//! [`FaultKind::Syntax`] ("not valid TOML here"), never keeping the English.

use serde::{Deserialize, Serialize};

use crate::guide::parse::position;

/// A place in a file: 1-based line and column (counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct At {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// What is wrong with a file's text, and where when the parser said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// Where in the file (none for a rule that holds for the file as a whole).
    pub at: Option<At>,
    /// What is wrong there.
    pub kind: FaultKind,
}

/// The kinds of fault leidraad names in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum FaultKind {
    /// TOML that cannot be read here, of no kind named below.
    Syntax,
    /// A line that stops before it is whole, or goes on after its value.
    BrokenLine,
    /// A text between quotes that is not closed (or has a bad `\` code).
    UnclosedText,
    /// A `[table]` or `[[table]]` header that is not closed.
    UnclosedHeader,
    /// A list `[…]` or inline table `{…}` that is not closed, or a comma
    /// missing or too many in one.
    UnclosedList,
    /// A key without `=` and a value.
    MissingValue,
    /// A value that is not quoted text, a number, a date or true/false.
    UnquotedValue,
    /// A number that is not a valid number.
    BadNumber,
    /// A date or time that is not a valid one.
    BadDate,
    /// A key (named when it could be read) given twice in one table.
    DuplicateKey(Option<String>),
    /// A value of the wrong type (text where a number belongs…), for the
    /// key when it could be read.
    WrongType(Option<String>),
    /// A value of the right type that is not allowed (an unknown status, a
    /// date that is not one…), for the key when it could be read.
    BadValue(Option<String>),
    /// A required field that is not there.
    MissingField(String),
    /// A field the format does not know.
    UnknownField(String),
    /// A session with a different number of phase records than its guide
    /// has phases.
    PhaseCount {
        /// The phase records in the file.
        records: usize,
        /// The phases of the guide in the file.
        phases: usize,
    },
    /// A phase record whose id is not the id of the guide's phase there.
    PhaseMismatch {
        /// The record's id.
        record: String,
        /// The guide's phase id at that place.
        guide: String,
    },
    /// The current phase (its 0-based number) does not exist.
    NoSuchPhase(usize),
    /// The guide the file embeds breaks the rules of a guide (the rules'
    /// English, for logs only).
    GuideRules(Vec<String>),
    /// A plan whose steps do not match its trajectory (the English, for
    /// logs only).
    PlanSteps(String),
}

impl Fault {
    /// A fault of the file as a whole (no position).
    pub fn whole(kind: FaultKind) -> Fault {
        Fault { at: None, kind }
    }

    /// The fault a toml (or serde) error over `text` names: its position
    /// from the error's byte span, its kind from the error's message.
    pub fn of_toml(text: &str, error: &toml::de::Error) -> Fault {
        let span = error.span();
        let at = span.as_ref().map(|s| {
            let p = position(text, s.start);
            At {
                line: p.line,
                column: p.column,
            }
        });
        let start = span.map_or(0, |s| s.start);
        Fault {
            at,
            kind: kind_of(text, start, error.message()),
        }
    }
}

/// The kind of the toml or serde `message` about the text at byte `start`.
fn kind_of(text: &str, start: usize, message: &str) -> FaultKind {
    let message = message.trim();
    let name = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_string())
    };
    if let Some(field) = name("missing field `") {
        return FaultKind::MissingField(field);
    }
    if let Some(field) = name("unknown field `") {
        return FaultKind::UnknownField(field);
    }
    if let Some(field) = name("duplicate field `") {
        return FaultKind::DuplicateKey(Some(field));
    }
    if message.starts_with("duplicate key") {
        return FaultKind::DuplicateKey(key_at(text, start));
    }
    if message.starts_with("invalid type: ") || message.starts_with("invalid length ") {
        return FaultKind::WrongType(key_of_line(text, start));
    }
    if message.starts_with("invalid value: ") || message.starts_with("unknown variant `") {
        return FaultKind::BadValue(key_of_line(text, start));
    }
    syntax_kind(message).unwrap_or_else(|| {
        if toml::de::DeTable::parse(text).is_ok() {
            // The TOML reads; a value's own parser refused it (a date
            // that is not one, a number too large).
            FaultKind::BadValue(key_of_line(text, start))
        } else {
            FaultKind::Syntax
        }
    })
}

/// The kinds of TOML syntax error toml_parser names, by the start of its
/// description.
fn syntax_kind(message: &str) -> Option<FaultKind> {
    const KINDS: &[(&str, FaultKind)] = &[
        ("invalid multi-line basic string", FaultKind::UnclosedText),
        ("invalid multi-line literal string", FaultKind::UnclosedText),
        ("invalid basic string", FaultKind::UnclosedText),
        ("invalid literal string", FaultKind::UnclosedText),
        ("invalid string", FaultKind::UnclosedText),
        ("missing closing quote", FaultKind::UnclosedText),
        ("unclosed array table", FaultKind::UnclosedHeader),
        ("unclosed table", FaultKind::UnclosedHeader),
        ("unclosed array", FaultKind::UnclosedList),
        ("unclosed inline table", FaultKind::UnclosedList),
        ("missing comma between", FaultKind::UnclosedList),
        ("extra comma in", FaultKind::UnclosedList),
        ("missing value", FaultKind::MissingValue),
        ("key with no value", FaultKind::MissingValue),
        ("string values must be quoted", FaultKind::UnquotedValue),
        ("invalid boolean", FaultKind::UnquotedValue),
        ("invalid integer", FaultKind::BadNumber),
        ("invalid float", FaultKind::BadNumber),
        ("invalid hexadecimal number", FaultKind::BadNumber),
        ("invalid octal number", FaultKind::BadNumber),
        ("invalid binary number", FaultKind::BadNumber),
        ("integer number overflowed", FaultKind::BadNumber),
        ("floating-point number overflowed", FaultKind::BadNumber),
        ("`_` may only go between digits", FaultKind::BadNumber),
        ("invalid date-time", FaultKind::BadDate),
        ("invalid time", FaultKind::BadDate),
        ("invalid date", FaultKind::BadDate),
        ("unexpected key or value", FaultKind::BrokenLine),
        ("extra `=`", FaultKind::BrokenLine),
    ];
    KINDS
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .map(|(_, kind)| kind.clone())
}

/// The longest name shown of a key read from the file.
const KEY_CHARS: usize = 40;

/// A key as the file writes it, when it looks like one (a bare or quoted
/// TOML key, dotted or not, not too long).
fn plain_key(key: &str) -> Option<String> {
    let key = key.trim();
    let fits = !key.is_empty()
        && key.chars().count() <= KEY_CHARS
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '"' | '\''));
    fits.then(|| key.to_string())
}

/// The key that starts at byte `start` (a duplicate key's span is the key):
/// the text up to `=`, `]` or the end of the line.
fn key_at(text: &str, start: usize) -> Option<String> {
    let rest = text.get(start..)?;
    plain_key(rest.split(['=', ']', '\n']).next().unwrap_or(""))
}

/// The key of the `key = value` line holding byte `start` (a value's span
/// is the value).
fn key_of_line(text: &str, start: usize) -> Option<String> {
    let before = text.get(..start)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let (key, _) = line.split_once('=')?;
    plain_key(key)
}

impl std::fmt::Display for Fault {
    /// English, for logs and `{:#}` chains; the user's words are in
    /// `store::messages`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(at) = self.at {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
        let key = |k: &Option<String>| k.as_ref().map(|k| format!(" `{k}`")).unwrap_or_default();
        match &self.kind {
            FaultKind::Syntax => f.write_str("not valid TOML here"),
            FaultKind::BrokenLine => f.write_str("a line that is not whole"),
            FaultKind::UnclosedText => {
                f.write_str("a quoted text that is not closed or holds a character it may not")
            }
            FaultKind::UnclosedHeader => f.write_str("a table header that is not closed"),
            FaultKind::UnclosedList => f.write_str("a list or table that is not closed"),
            FaultKind::MissingValue => f.write_str("a key without a value"),
            FaultKind::UnquotedValue => f.write_str("a value that is not quoted"),
            FaultKind::BadNumber => f.write_str("a number that is not valid"),
            FaultKind::BadDate => f.write_str("a date or time that is not valid"),
            FaultKind::DuplicateKey(k) => write!(f, "a key given twice{}", key(k)),
            FaultKind::WrongType(k) => write!(f, "a value of the wrong type{}", key(k)),
            FaultKind::BadValue(k) => write!(f, "a value that is not allowed{}", key(k)),
            FaultKind::MissingField(k) => write!(f, "the field `{k}` is missing"),
            FaultKind::UnknownField(k) => write!(f, "an unknown field `{k}`"),
            FaultKind::PhaseCount { records, phases } => {
                write!(
                    f,
                    "{records} phase records for {phases} phases in the guide"
                )
            }
            FaultKind::PhaseMismatch { record, guide } => {
                write!(f, "phase record {record:?} where the guide has {guide:?}")
            }
            FaultKind::NoSuchPhase(n) => write!(f, "current phase {n} does not exist"),
            FaultKind::GuideRules(rules) => write!(
                f,
                "the embedded guide breaks the guide rules: {}",
                rules.join("; ")
            ),
            FaultKind::PlanSteps(why) => f.write_str(why),
        }
    }
}

#[cfg(test)]
mod tests;
