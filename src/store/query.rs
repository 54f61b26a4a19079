//! A question about past sessions, and the rules for answering it.
//!
//! A [`SessionQuery`] says which sessions a caller wants, not how to find
//! them; [`SessionStore::find`](super::SessionStore::find) answers it with
//! headers, [`SessionStore::load_matching`](super::SessionStore::load_matching)
//! with whole sessions. Callers build one from [`SessionQuery::all`]:
//!
//! ```
//! # use leidraad::store::SessionQuery;
//! // `leidraad sessions --client vlinder --search leerlijn`
//! let q = SessionQuery::all().client_contains("vlinder").with_text("leerlijn");
//! // the home screen's "Verder met", and `leidraad resume` without a name
//! let q = SessionQuery::all().unfinished();
//! // the sessions whose open agreements come along into a new one
//! let q = SessionQuery::all().same_client("OBS De Vlinder");
//! ```
//!
//! The conditions, all of which must hold (one of each kind; a later call
//! of the same kind replaces the earlier one):
//!
//! - **client**, compared with the client in the file's header (the name as
//!   typed). [`client_contains`](SessionQuery::client_contains): the name
//!   contains the part, case-insensitively ("vlinder" finds
//!   "OBS De Vlinder"). [`same_client`](SessionQuery::same_client): the same
//!   client, i.e. equal once both are trimmed and case-folded
//!   ("OBS De Vlinder " is "obs de vlinder", "De Vlinder" is not).
//! - **guide**, [`guide`](SessionQuery::guide): the embedded guide's id,
//!   exactly.
//! - **text**, [`with_text`](SessionQuery::with_text): what was said
//!   mentions every word of it, case-insensitively, each anywhere: the
//!   client, the header fields, the notes and every list item, carried
//!   ones too ([`Session::mentions`]); "Fatima Els" finds the notes that
//!   name Fatima in one phase and Els in another. A part in double quotes
//!   is one phrase (`"Els en"` is not found in "Els, Fatima en Anne").
//!   Text without words (empty, spaces only) asks for no word. The
//!   embedded guide's text and the private notes are not searched.
//! - **status**: [`preparing`](SessionQuery::preparing) (in progress, the
//!   conversation not started yet), [`in_progress`](SessionQuery::in_progress)
//!   (started, not finished), [`unfinished`](SessionQuery::unfinished) (either
//!   of those), [`finished`](SessionQuery::finished).
//!
//! The answer is newest first, in the order of
//! [`SessionStore::list`](super::SessionStore::list). Damaged files have no
//! client, guide, text or status to match, so they are part of the answer
//! only when the query has no condition at all ([`SessionQuery::all`]
//! itself): then they are listed, as damaged, for the user to see. A file
//! whose header reads but whose body is damaged matches on its header;
//! with a text condition it does not match (its text cannot be read), and
//! `load_matching` leaves it out.
//!
//! [`first`](SessionQuery::first) limits any answer to the newest `n`.
//! [`SessionStore::search`](super::SessionStore::search) answers a query
//! for the history: every word of its text, case- and
//! diacritics-insensitively, private notes and ratings too, with the parts
//! that matched.
//!
//! The store answers from its history index (`history.rs`, `index.rs`),
//! or, when that cannot be used, by scanning the folder (`scan.rs`); the
//! answers are the same.

use crate::session::{Session, Status};

use super::SessionHeader;
use super::fold::fold;
use super::words::words;

/// Which sessions a caller wants (see the [module documentation](self)).
/// Starts as [`SessionQuery::all`]; each builder adds one condition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionQuery {
    client: Option<ClientMatch>,
    guide: Option<String>,
    /// The words of the text condition, case-folded, each once (see
    /// [`words`]).
    text: Option<Vec<String>>,
    status: Option<StatusMatch>,
    /// At most this many answers (the newest); not a condition.
    first: Option<usize>,
}

/// How the client is compared; the name is stored folded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ClientMatch {
    /// The header's client, case-folded, contains this.
    Contains(String),
    /// The header's client, trimmed and case-folded, is this.
    Same(String),
}

/// Which statuses match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusMatch {
    /// In progress, not started.
    Preparing,
    /// In progress, started.
    InProgress,
    /// In progress, started or not.
    Unfinished,
    /// Finished.
    Finished,
}

impl SessionQuery {
    /// Every session, and every damaged file.
    pub fn all() -> SessionQuery {
        SessionQuery::default()
    }

    /// Sessions whose client contains `part`, case-insensitively (what
    /// `leidraad sessions --client` asks).
    pub fn client_contains(mut self, part: &str) -> SessionQuery {
        self.client = Some(ClientMatch::Contains(part.to_lowercase()));
        self
    }

    /// Sessions with the same client as `name`: equal once both are
    /// trimmed and case-folded (whose open items carry into a new session).
    /// An empty or blank `name` matches the sessions without a client.
    pub fn same_client(mut self, name: &str) -> SessionQuery {
        self.client = Some(ClientMatch::Same(fold_name(name)));
        self
    }

    /// Sessions held with the guide whose id is `id` (exactly).
    pub fn guide(mut self, id: &str) -> SessionQuery {
        self.guide = Some(id.to_string());
        self
    }

    /// Sessions in which what was said mentions every word of `text`,
    /// case-insensitively, each anywhere (what `leidraad sessions
    /// --search` asks; see [`Session::mentions`]); a part in double quotes
    /// is one phrase. Text without words matches every readable session.
    pub fn with_text(mut self, text: &str) -> SessionQuery {
        let mut out: Vec<String> = Vec::new();
        for word in words(text) {
            let word = word.to_lowercase();
            if !out.contains(&word) {
                out.push(word);
            }
        }
        self.text = Some(out);
        self
    }

    /// Preparations: in progress, the conversation not started yet.
    pub fn preparing(self) -> SessionQuery {
        self.with_status(StatusMatch::Preparing)
    }

    /// Conversations started and not finished.
    pub fn in_progress(self) -> SessionQuery {
        self.with_status(StatusMatch::InProgress)
    }

    /// Sessions that can be resumed: preparations and conversations in
    /// progress.
    pub fn unfinished(self) -> SessionQuery {
        self.with_status(StatusMatch::Unfinished)
    }

    /// Finished conversations.
    pub fn finished(self) -> SessionQuery {
        self.with_status(StatusMatch::Finished)
    }

    /// Only the newest `n` answers (for a first screen of hits: the
    /// history asks `first(50)`, then the whole answer). Not a condition:
    /// damaged files still come with [`SessionQuery::all`].
    pub fn first(mut self, n: usize) -> SessionQuery {
        self.first = Some(n);
        self
    }

    /// How many answers at most, if limited.
    pub(super) fn limit(&self) -> Option<usize> {
        self.first
    }

    fn with_status(mut self, status: StatusMatch) -> SessionQuery {
        self.status = Some(status);
        self
    }

    /// Whether the query has any condition. Only a query without one
    /// lists damaged files.
    pub fn is_filtered(&self) -> bool {
        let SessionQuery {
            client,
            guide,
            text,
            status,
            first: _,
        } = self;
        client.is_some() || guide.is_some() || text.is_some() || status.is_some()
    }

    /// Whether the header meets every condition but the text one.
    pub(super) fn matches_header(&self, h: &SessionHeader) -> bool {
        let client = match &self.client {
            None => true,
            Some(ClientMatch::Contains(part)) => h.client.to_lowercase().contains(part.as_str()),
            Some(ClientMatch::Same(name)) => fold_name(&h.client) == *name,
        };
        let guide = self.guide.as_ref().is_none_or(|id| h.guide_id == *id);
        let status = self
            .status
            .is_none_or(|s| s.admits(h.status, h.started.is_some()));
        client && guide && status
    }

    /// The same query without its text condition (and unlimited).
    pub(super) fn without_text(&self) -> SessionQuery {
        SessionQuery {
            text: None,
            first: None,
            ..self.clone()
        }
    }

    /// The text condition's words, case-folded, if there is one (it may
    /// have none: then every readable session meets it).
    pub(super) fn words(&self) -> Option<&[String]> {
        self.text.as_deref()
    }

    /// The text condition's words as the history's search looks for them:
    /// folded (case and diacritics off, [`fold`]), each once, those that
    /// fold to nothing left out.
    pub(super) fn folded_words(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for word in self.words().unwrap_or_default() {
            let folded = fold(word);
            if !folded.is_empty() && !out.contains(&folded) {
                out.push(folded);
            }
        }
        out
    }

    /// Whether a whole session meets the text condition (true without
    /// one): it mentions every word.
    pub(super) fn matches_text(&self, session: &Session) -> bool {
        self.text
            .as_ref()
            .is_none_or(|words| words.iter().all(|w| session.mentions(w)))
    }
}

impl StatusMatch {
    fn admits(self, status: Status, started: bool) -> bool {
        match (self, status) {
            (StatusMatch::Preparing, Status::InProgress) => !started,
            (StatusMatch::InProgress, Status::InProgress) => started,
            (StatusMatch::Unfinished, Status::InProgress) => true,
            (StatusMatch::Finished, Status::Finished) => true,
            (
                StatusMatch::Preparing | StatusMatch::InProgress | StatusMatch::Unfinished,
                Status::Finished,
            )
            | (StatusMatch::Finished, Status::InProgress) => false,
        }
    }
}

/// A client's name as carrying compares it: trimmed, case-folded.
fn fold_name(name: &str) -> String {
    name.trim().to_lowercase()
}
