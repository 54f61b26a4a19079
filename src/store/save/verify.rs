//! The check before every save that the text reads back as the session
//! (docs/reliability.md, "One save, step by step", step 2), without
//! parsing the embedded guide again on every save.
//!
//! A session file is the session's own keys and tables (its head), then
//! the guide it was held with, `[guide]` to the end (its tail). The head
//! holds all that changes while typing; the guide does not change during a
//! conversation, and it is more than half of the text and most of the
//! parse. So the first text of a guide is read back whole, as before; its
//! tail is then remembered with the guide it read back as. A later text
//! that ends with the same tail, for the same guide, has its head read
//! back alone: after an inline `guide = {…}` line, so that the head
//! cannot say anything about `guide` (TOML refuses to add to an inline
//! table: the parse fails), and it must give every other part of the
//! session exactly. Whatever does not fit (another guide, another tail,
//! a head that does not read back) is read back whole.
//!
//! Why that is the same check: the head read back alone is a complete
//! document (no string, array or table left open at its end) that defines
//! nothing under `guide`; the tail starts on a line of its own with
//! `[guide]` and every table header in it is under `guide` (checked once,
//! on its text, when it is remembered), so it defines nothing but `guide`.
//! The two parts of the file then read back independently: the head as
//! the session less its guide, the tail as the guide it read back as when
//! it was read back whole.

use std::cell::RefCell;
use std::sync::OnceLock;

use serde::Deserialize;

use super::super::{END_MARKER, SaveError, list};
use crate::guide::Conversation;
use crate::session::{SESSION_FORMAT, Session};

/// The line put before a head read back alone: a guide that is an inline
/// table (nothing can be added to it) and that no real guide equals.
const STUB: &str =
    "guide = { id = \"\", title = \"\", language = \"\", minutes = 0, phases = [] }\n";

/// Where the guide starts in a session file.
const GUIDE_HEADER: &str = "\n[guide]\n";

/// A guide's tail (`[guide]` to the end marker) that read back as `guide`.
#[derive(Debug)]
struct Tail {
    guide: Conversation,
    text: String,
}

thread_local! {
    /// The tail this thread remembered last: the saver thread writes the
    /// open session (one at a time), so it keeps that session's guide.
    static TAIL: RefCell<Option<Tail>> = const { RefCell::new(None) };
}

/// How the last [`verify`] read its text back (for tests of the work done).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadBack {
    /// Only the head: the guide's tail was the one remembered.
    Head,
    /// The whole text.
    Whole,
}

/// Read `text` back and compare it with `session`: a serialiser or parser
/// that drops or changes anything stops the save. Says how it read back.
pub(crate) fn verify(session: &Session, text: &str) -> Result<ReadBack, SaveError> {
    if head_reads_back(session, text) {
        return Ok(ReadBack::Head);
    }
    match list::read_back(text.as_bytes()) {
        Ok(back) if back == *session => {
            remember(session, text);
            Ok(ReadBack::Whole)
        }
        Ok(_) => Err(SaveError::Verify(
            "the text read back differs from the session".into(),
        )),
        Err(reason) => Err(SaveError::Verify(reason.to_string())),
    }
}

/// Whether `text` is a head that reads back as `session` less its guide,
/// followed by the remembered tail of `session`'s guide, and passes what
/// [`list::read_back`] asks of a whole file besides.
fn head_reads_back(session: &Session, text: &str) -> bool {
    TAIL.with_borrow(|memo| {
        let Some(tail) = memo.as_ref() else {
            return false;
        };
        let Some(head) = text.strip_suffix(tail.text.as_str()) else {
            return false;
        };
        head.ends_with('\n')
            && tail.guide == session.guide
            && !text.contains('\0')
            && session.format <= SESSION_FORMAT
            && session.check().is_ok()
            && head_is_rest_of(head, session)
    })
}

/// Whether `head`, read back after the stub line, gives every part of
/// `session` but its guide, and the stub's guide.
fn head_is_rest_of(head: &str, session: &Session) -> bool {
    let Some(stub) = stub_guide() else {
        return false;
    };
    head_as_session(head).is_some_and(|back| back.guide == *stub && same_but_guide(&back, session))
}

/// The head read back after the stub line (no checks of the guide: it is
/// the stub's).
fn head_as_session(head: &str) -> Option<Session> {
    let mut doc = String::with_capacity(STUB.len() + head.len());
    doc.push_str(STUB);
    doc.push_str(head);
    toml::from_str(&doc).ok()
}

/// The guide the stub line reads back as (None if it did not read back:
/// then every text is read back whole).
fn stub_guide() -> Option<&'static Conversation> {
    static STUB_GUIDE: OnceLock<Option<Conversation>> = OnceLock::new();
    STUB_GUIDE
        .get_or_init(|| {
            #[derive(Deserialize)]
            struct Only {
                guide: Conversation,
            }
            toml::from_str::<Only>(STUB).map(|o| o.guide).ok()
        })
        .as_ref()
}

/// Every part of two sessions but the guide is the same. Named field by
/// field, so that a new field cannot be forgotten (it does not compile).
fn same_but_guide(a: &Session, b: &Session) -> bool {
    let Session {
        format,
        status,
        created,
        started,
        finished,
        saved,
        client,
        current,
        fields,
        checklist,
        pauses,
        agreed_end,
        reminders_shown,
        carried,
        draft,
        plan,
        phases,
        guide: _,
    } = a;
    *format == b.format
        && *status == b.status
        && *created == b.created
        && *started == b.started
        && *finished == b.finished
        && *saved == b.saved
        && *client == b.client
        && *current == b.current
        && *fields == b.fields
        && *checklist == b.checklist
        && *pauses == b.pauses
        && *agreed_end == b.agreed_end
        && *reminders_shown == b.reminders_shown
        && *carried == b.carried
        && *draft == b.draft
        && *plan == b.plan
        && *phases == b.phases
}

/// After a whole text read back as `session`: remember its guide's tail,
/// if the text splits cleanly into a head and that tail (see the module
/// documentation); else keep what was remembered.
fn remember(session: &Session, text: &str) {
    let Some(at) = text.rfind(GUIDE_HEADER) else {
        return;
    };
    let (head, tail) = text.split_at(at + 1);
    if !tail_is_only_guide(tail) || !head_is_rest_of(head, session) {
        return;
    }
    TAIL.set(Some(Tail {
        guide: session.guide.clone(),
        text: tail.to_string(),
    }));
}

/// Whether every line of `tail` that could be a table header (it starts
/// with `[`, after blanks) names a table under `guide`, and it ends with
/// the end marker. A line inside a string that looks like another header
/// makes it fail: the text is then always read back whole.
fn tail_is_only_guide(tail: &str) -> bool {
    tail.ends_with(END_MARKER)
        && tail.lines().all(|line| {
            let line = line.trim_start_matches([' ', '\t']);
            match line.strip_prefix('[') {
                None => true,
                Some(header) => {
                    let name = header
                        .strip_prefix('[')
                        .unwrap_or(header)
                        .trim_start_matches([' ', '\t']);
                    name.starts_with("guide]") || name.starts_with("guide.")
                }
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{at, guide};
    use crate::store::session_text;

    /// The tail this thread remembered, if any.
    fn remembered() -> Option<String> {
        TAIL.with_borrow(|t| t.as_ref().map(|t| t.text.clone()))
    }

    fn session(notes: &str) -> Session {
        let mut s = Session::new(&guide(), at(0));
        s.start(at(0));
        s.phases[0].notes = notes.into();
        s
    }

    #[test]
    fn a_guide_is_read_back_whole_once_then_only_the_head() {
        let s = session("wat gezegd is");
        let text = session_text(&s).expect("a faithful text");
        assert_eq!(verify(&s, &text).expect("reads back"), ReadBack::Head);
        let later = session("wat gezegd is, en meer");
        let text = session_text(&later).expect("a faithful text");
        assert_eq!(verify(&later, &text).expect("reads back"), ReadBack::Head);
        TAIL.set(None);
        assert_eq!(verify(&later, &text).expect("reads back"), ReadBack::Whole);
    }

    #[test]
    fn a_lossy_or_cut_text_fails_with_the_tail_remembered() {
        let s = session("wat gezegd is");
        let text = session_text(&s).expect("a faithful text");
        let tail = remembered().expect("the tail is remembered");
        // As if the serialiser had dropped a word in the head.
        let lossy = text.replace("wat gezegd is", "wat gezegd");
        assert!(lossy.ends_with(&tail));
        assert!(!head_reads_back(&s, &lossy));
        assert!(matches!(verify(&s, &lossy), Err(SaveError::Verify(_))));
        let cut = &text[..text.len() / 2];
        assert!(matches!(verify(&s, cut), Err(SaveError::Verify(_))));
        // Dropped in the guide: the tail is not the one remembered.
        let title = &s.guide.phases[0].title;
        let guide_lossy = text.replacen(&format!("\"{title}\""), "\"\"", 1);
        assert_ne!(guide_lossy, text);
        assert!(!head_reads_back(&s, &guide_lossy));
        assert!(matches!(
            verify(&s, &guide_lossy),
            Err(SaveError::Verify(_))
        ));
    }

    #[test]
    fn a_head_that_says_something_about_the_guide_is_read_back_whole() {
        let s = session("notities");
        let text = session_text(&s).expect("a faithful text");
        let tail = remembered().expect("the tail is remembered");
        let head = text.strip_suffix(&tail).unwrap();
        for extra in [
            "[guide.extra]\nx = 1\n",
            "[ guide . phases ]\n",
            "[\"guide\".extra]\n",
            "[[guide.reminders]]\nat = 1\n",
        ] {
            let forged = format!("{head}{extra}{tail}");
            assert!(!head_reads_back(&s, &forged), "{extra}");
        }
        // Top-level keys go before the first table; these say it there.
        for extra in ["guide.id = \"x\"\n", "\"guide\" = 1\n"] {
            let forged = format!("{extra}{head}{tail}");
            assert!(!head_reads_back(&s, &forged), "{extra}");
        }
    }

    #[test]
    fn notes_that_look_like_the_guide_header_still_read_back() {
        let s = session("eerst\n[guide]\nid = \"nep\"\n\n[[phases]]\nid = \"x\"\n");
        let text = session_text(&s).expect("a faithful text");
        assert_eq!(verify(&s, &text).expect("reads back"), ReadBack::Head);
        let back = list::read_back(text.as_bytes()).expect("reads back whole");
        assert_eq!(back, s);
    }

    #[test]
    fn a_tail_with_another_table_header_is_not_remembered() {
        assert!(tail_is_only_guide(&format!(
            "[guide]\nid = \"a\"\n\n[[guide.phases]]\nid = \"b\"\n\n{END_MARKER}"
        )));
        assert!(!tail_is_only_guide(&format!(
            "[guide]\nid = \"a\"\n\n[[phases]]\nid = \"b\"\n\n{END_MARKER}"
        )));
        assert!(!tail_is_only_guide(&format!(
            "[guide]\n  [ fields ]\n{END_MARKER}"
        )));
        assert!(!tail_is_only_guide("[guide]\nid = \"a\"\n"));
    }
}
