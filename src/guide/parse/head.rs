//! The first pass: the head of a guide file (`format`, `kind`), which
//! decides how the rest is read.

use toml::{Spanned, Value};

use super::{Diagnostic, Source, did_you_mean, raw};
use crate::guide::FORMAT;

/// What the file holds, as its `kind` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `kind = "conversation"`, or no `kind` at all.
    Conversation,
    /// `kind = "trajectory"`.
    Trajectory,
}

/// Read the head: the file is not empty, says `format = 1`, and has a
/// known `kind`. The first problem found is the only one reported.
pub(super) fn read(src: Source<'_>) -> Result<Kind, Diagnostic> {
    if src.text.trim().is_empty() {
        return Err(src.error(
            0..0,
            "the file is empty; expected a guide starting with `format = 1`",
        ));
    }
    let head: raw::Head = src.read()?;
    check_format(src, head.format)?;
    kind(src, head.kind)
}

/// `format` must be there and be the format this build reads.
fn check_format(src: Source<'_>, format: Option<Spanned<Value>>) -> Result<(), Diagnostic> {
    let Some(format) = format else {
        return Err(src.error(
            0..0,
            "missing key `format`; expected `format = 1` at the top of the file",
        ));
    };
    let span = format.span();
    match format.into_inner() {
        Value::Integer(n) if n == i64::from(FORMAT) => Ok(()),
        Value::Integer(n) => Err(src.error(
            span,
            format!("unknown format {n}; this version of leidraad reads format {FORMAT}"),
        )),
        other => Err(src.error(
            span,
            format!(
                "expected `format = {FORMAT}` (a whole number), found {}",
                other.type_str()
            ),
        )),
    }
}

/// The kind named by `kind`; a conversation when there is none.
fn kind(src: Source<'_>, kind: Option<Spanned<Value>>) -> Result<Kind, Diagnostic> {
    let Some(kind) = kind else {
        return Ok(Kind::Conversation);
    };
    let span = kind.span();
    match kind.into_inner() {
        Value::String(s) if s == "conversation" => Ok(Kind::Conversation),
        Value::String(s) if s == "trajectory" => Ok(Kind::Trajectory),
        Value::String(s) => Err(src.error(
            span,
            format!(
                "unknown kind `{s}`{}; expected `conversation` or `trajectory`",
                did_you_mean(&s, &["conversation", "trajectory"])
            ),
        )),
        other => Err(src.error(
            span,
            format!(
                "expected `kind` to be the string \"conversation\" or \"trajectory\", found {}",
                other.type_str()
            ),
        )),
    }
}
