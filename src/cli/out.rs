//! Everything the command line prints goes through here: text from files
//! (a client's name, a note, a guide's title, a file name) may hold
//! characters a terminal acts on (`ESC ]0;…BEL` sets the window title,
//! `ESC [2J` clears the screen) or that turn the text around them (bidi
//! overrides). They are shown as visible marks instead: a control
//! character as its symbol (␛, ␇, ␍), a C1 control or a bidi override as
//! �. What counts is [`crate::report::is_unsafe`], which reports use too.
//!
//! A reader that goes away (`leidraad sessions | head`) ends the command
//! quietly with status 141, as it ends other tools: no panic, no trace.

use std::borrow::Cow;
use std::io::Write;
use std::sync::OnceLock;

use crate::report::is_unsafe;

/// `text` with every unsafe character shown as a mark; line feeds and
/// tabs stay (for text of several lines: a report, a table).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { mark(c) } else { c })
            .collect(),
    )
}

/// `text` on one line (a table's cell, a name in a message): line feeds
/// and tabs shown as marks too, so a name cannot make a row of its own.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    let unsafe_here = |c: char| is_unsafe(c) || c == '\n' || c == '\t';
    if !text.chars().any(unsafe_here) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_here(c) { mark(c) } else { c })
            .collect(),
    )
}

/// JSON text with every unsafe character (serde_json escapes only the C0
/// controls) written as a `\uXXXX` escape: the same data, nothing a
/// terminal acts on. Such a character can only stand inside a string.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The mark shown for an unsafe character: the Control Pictures symbol of
/// a C0 control or DEL, else the replacement character.
fn mark(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// The exit status when a reader went away (a closed pipe: `leidraad
/// sessions | head`): what a shell reports for a tool ended by SIGPIPE.
pub const PIPE_CLOSED: i32 = 141;

/// The first write that failed for another reason (a full disk behind
/// `> file`): the system's words, for [`write_failure`].
static FAILED: OnceLock<String> = OnceLock::new();

/// Where a text goes.
#[derive(Clone, Copy)]
enum Stream {
    Out,
    Err,
}

/// Write `bytes` whole and flush. A closed pipe ends the program at once,
/// quietly, with [`PIPE_CLOSED`] (nothing more can be read, and a message
/// would go nowhere or spoil the reader's output); another failure is kept
/// for [`write_failure`] and the command goes on.
fn write(stream: Stream, bytes: &[u8]) {
    let written = match stream {
        Stream::Out => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Stream::Err => std::io::stderr().lock().write_all(bytes),
    };
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(PIPE_CLOSED),
        Err(e) => {
            let _ = FAILED.set(e.to_string());
        }
    }
}

/// Why standard output or standard error could not be written, if a write
/// failed (other than a closed pipe): the command did not say everything.
pub fn write_failure() -> Option<&'static str> {
    FAILED.get().map(String::as_str)
}

/// Print `text` on standard output, made [`visible`].
pub fn print(text: &str) {
    write(Stream::Out, visible(text).as_bytes());
}

/// Print `text` and a line end on standard output, made [`visible`].
pub fn println(text: &str) {
    print(&format!("{text}\n"));
}

/// Print bytes made by leidraad itself (a completion script, a manual
/// page) on standard output as they are.
pub fn print_own(bytes: &[u8]) {
    write(Stream::Out, bytes);
}

/// Print `text` on standard error, made [`visible`].
pub fn eprint(text: &str) {
    write(Stream::Err, visible(text).as_bytes());
}

/// Print `text` and a line end on standard error, made [`visible`].
pub fn eprintln(text: &str) {
    eprint(&format!("{text}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_shown_not_sent() {
        assert_eq!(
            visible("ANSI \u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "ANSI ␛]0;pwned␇␛[2J"
        );
        assert_eq!(
            visible("a\r\nb\tc\u{7f}\u{9b}d\u{202e}e\u{2066}"),
            "a␍\nb\tc␡�d�e�"
        );
        assert_eq!(visible_line("De\nRegenboog\tx"), "De␊Regenboog␉x");
        assert!(matches!(
            visible("Basisschool De Regenboog — één"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn json_keeps_its_data_as_escapes() {
        let json = "{\"client\":\"a\u{9b}b\u{202e}c\u{7f}\"}";
        let safe = json_safe(json);
        assert_eq!(safe, "{\"client\":\"a\\u009bb\\u202ec\\u007f\"}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        let original: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, original);
    }
}
