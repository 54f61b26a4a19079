//! Parsing and validating guide files (format 1) with `FILE:LINE:COLUMN` errors.
//!
//! A file is read in three passes: the head ([`head`]: `format`, `kind`)
//! decides how the rest is read; serde then reads the raw form ([`raw`]),
//! which catches syntax errors, wrong types, missing and unknown keys (one
//! at a time, as toml stops at the first); finally our own checks
//! ([`validate`]) run over the raw form and report every broken rule at
//! once before building the clean [`crate::guide`] model.

mod head;
mod raw;
mod validate;

use std::fmt;
use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::guide::Guide;
use head::Kind;
pub use validate::check_conversation;

/// A place in a guide file: 1-based line and column (the column counted in
/// characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// An error or warning about a guide file.
///
/// Displayed as `FILE:LINE:COLUMN: message`. A diagnostic about the file as
/// a whole (e.g. it cannot be read) has line 0 and displays as `FILE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as named to the user (a path, or `guides/NAME` for a bundled guide).
    pub file: String,
    /// 1-based line, or 0 when the diagnostic is about the whole file.
    pub line: usize,
    /// 1-based column in characters, or 0 with line 0.
    pub column: usize,
    /// What is wrong and what was expected; English, lower-case start.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at a position.
    pub fn at(file: &str, pos: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
        }
    }

    /// The diagnostic as a warning line: `FILE:LINE:COLUMN: warning: message`.
    pub fn as_warning(&self) -> String {
        let plain = Diagnostic {
            message: format!("warning: {}", self.message),
            ..self.clone()
        };
        plain.to_string()
    }

    /// A diagnostic about the whole file (no position).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// A successfully parsed guide with what later checks need.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The validated guide. A trajectory's step titles are empty where the
    /// file gives none, until [`crate::trajectory::resolve_steps`] fills them.
    pub guide: Guide,
    /// Things that are allowed but probably not meant.
    pub warnings: Vec<Diagnostic>,
    /// Where the guide's `id` value is.
    pub id_at: Position,
    /// For a trajectory: where each step's `guide` value is (empty for a conversation).
    pub step_at: Vec<Position>,
}

/// Parse and validate a guide from bytes, reporting text that is not UTF-8.
pub fn parse_guide_bytes(file: &str, bytes: &[u8]) -> Result<Parsed, Vec<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_guide(file, text),
        Err(e) => {
            // The valid prefix tells where the first bad byte sits.
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let pos = position(&valid, valid.len());
            Err(vec![Diagnostic::at(
                file,
                pos,
                "the file is not valid UTF-8 text; save it as UTF-8",
            )])
        }
    }
}

/// Parse and validate a guide file's text. `file` is the name used in
/// diagnostics. Returns every error found by our own checks at once; toml
/// syntax and type errors come one at a time.
pub fn parse_guide(file: &str, text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    // A byte order mark is invisible in editors: skip it, columns stay right.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let src = Source { file, text };
    let kind = head::read(src).map_err(|d| vec![d])?;
    let mut check = validate::Checker::new(src);
    let parsed = match kind {
        Kind::Conversation => check.conversation(src.read().map_err(|d| vec![d])?),
        Kind::Trajectory => check.trajectory(src.read().map_err(|d| vec![d])?),
    };
    check.finish(parsed)
}

/// The file being read: its name for diagnostics and its text for positions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// The position of a byte offset.
    pub fn pos(&self, offset: usize) -> Position {
        position(self.text, offset)
    }

    /// A diagnostic at the start of a span.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.pos(span.start), message)
    }

    /// The whole text read as `T` by serde, or the first toml error.
    fn read<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        toml::from_str(self.text).map_err(|e| self.toml_error(&e))
    }

    /// A toml/serde error rewritten for guide authors.
    fn toml_error(&self, e: &toml::de::Error) -> Diagnostic {
        let span = e.span().unwrap_or(0..0);
        let mut message = explain(e.message());
        if message.starts_with("duplicate key") {
            // Name the key: the text at the span up to `=` or `]`.
            let key = self.text.get(span.start..).unwrap_or("");
            let key = key.split(['=', ']', '\n']).next().unwrap_or("").trim();
            if !key.is_empty() {
                message =
                    format!("duplicate key `{key}`: each key may appear only once in a table");
            }
        }
        if span.start == 0 && message.ends_with(" in this table") {
            message = message.replace(" in this table", " at the top of the file");
        }
        self.error(span, message)
    }
}

/// The 1-based line and character column of a byte offset in `text`.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

/// " (did you mean `x`?)" for the closest candidate, or "".
pub(crate) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// Rewrite serde's messages in the words of a guide author.
fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        if let Some((key, allowed)) = names.split_first() {
            let allowed: Vec<&str> = allowed
                .iter()
                .copied()
                .filter(|k| *k != "format" && *k != "kind")
                .collect();
            let list = allowed
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return format!(
                "unknown key `{key}`{}; expected one of {list}",
                did_you_mean(key, &allowed)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("missing required key {rest} in this table");
    }
    if message == "duplicate key" {
        return "duplicate key: each key may appear only once in a table".to_string();
    }
    message
        .replace("expected u32", "expected a whole number of 0 or more")
        .replace("expected a sequence", "expected an array")
        .replace("invalid type: sequence", "invalid type: array")
        .replace("invalid type: map", "invalid type: table")
        .replace("expected struct ", "expected a table ")
}

#[cfg(test)]
mod tests;
