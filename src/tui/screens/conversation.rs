//! The conversation screen: one phase at a time with its goal, guidance,
//! helper questions, notes, lists and ratings, and the clocks always in
//! view. This file holds the state and the key handling; `conversation/view.rs`
//! draws it.

mod clock;
mod item_form;
mod keys;
mod view;

pub use item_form::ItemForm;

pub use view::{GuideMemo, PhaseCache, carried_origin};

use std::cell::Cell;

use super::Screen;
use super::summary::SummaryState;
use crate::session::{ClosedGap, Item, ItemDraft, Session, Status, Timestamp};
use crate::tui::app::Shell;
use crate::tui::keymap::Mode;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::scroll::Scroll;

/// What has the focus on the conversation screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Notes,
    Private,
    Questions,
    /// The phase's n-th list.
    List(usize),
    /// The phase's n-th rating.
    Rating(usize),
    /// Open items carried in from earlier sessions.
    Carried,
    /// The notes of the earlier phase this phase revisits (read-only).
    Revisit,
}

/// State of the conversation screen.
#[derive(Debug, Clone)]
pub struct ConvState {
    pub session: Session,
    pub focus: Focus,
    pub editing: bool,
    pub notes: TextInput,
    pub private: TextInput,
    /// Selected item in the focused list, rating or carried list.
    pub row: usize,
    pub item_form: Option<ItemForm>,
    /// A reminder on screen, with when it appeared.
    pub banner: Option<(String, Timestamp)>,
    /// How far the revisited phase's notes are scrolled.
    pub revisit: Scroll,
    /// How far the guide pane (goal, guidance, questions) is scrolled with
    /// PgUp/PgDn.
    pub guide: Scroll,
    /// How many rows of them were on screen at the last drawn size.
    pub revisit_page: Cell<u16>,
    /// The session file, once it was created.
    pub file_name: Option<String>,
    /// Every open item of earlier talks on show over the phase (`u`); the
    /// selected one is `row`.
    pub carried_open: bool,
    /// The time the app was down, while the question whether it counts is
    /// open.
    pub pending_gap: Option<ClosedGap>,
    /// The phase's side as last drawn, copied again on a frame where
    /// nothing it shows changed (a tick).
    pub drawn: PhaseCache,
    /// The guide pane as last laid out, laid out again only when what it
    /// shows changed (not while typing).
    pub guide_pane: GuideMemo,
}

impl ConvState {
    /// The conversation screen on a session that has started, with the
    /// notes editor focused (and an item form open again when the session
    /// was saved with one).
    pub fn new(session: Session, file_name: Option<String>) -> ConvState {
        let cur = session.current.min(session.phases.len().saturating_sub(1));
        let mut conv = ConvState {
            notes: TextInput::notes(&session.phases[cur].notes),
            private: TextInput::notes(&session.phases[cur].private_notes),
            session,
            focus: Focus::Notes,
            editing: true,
            row: 0,
            item_form: None,
            banner: None,
            revisit: Scroll::default(),
            guide: Scroll::default(),
            revisit_page: Cell::new(10),
            file_name,
            carried_open: false,
            pending_gap: None,
            drawn: PhaseCache::default(),
            guide_pane: GuideMemo::default(),
        };
        conv.notes.set_focused(true);
        conv.item_form = conv.draft_form();
        conv
    }

    /// The item form a saved draft stands for (the form was open when the
    /// session was last saved), if it still fits the guide.
    fn draft_form(&self) -> Option<ItemForm> {
        let draft = self.session.draft.as_ref()?;
        if draft.phase != self.current() {
            return None;
        }
        let list = self.session.guide.phases[draft.phase]
            .lists
            .iter()
            .find(|l| l.id == draft.list)?;
        let count = self.session.phases[draft.phase]
            .lists
            .get(&draft.list)
            .map_or(0, Vec::len);
        if draft.editing.is_some_and(|i| i >= count) {
            return None;
        }
        Some(ItemForm::new(list, draft.editing, &draft.values))
    }

    /// Keep what is typed in the open item form in the session (`draft`),
    /// so that it is saved like the notes.
    pub fn sync_draft(&mut self) {
        let phase = self.current();
        self.session.draft = self.item_form.as_ref().map(|f| ItemDraft {
            phase,
            list: f.list_id.clone(),
            editing: f.editing,
            values: f.inputs.iter().map(TextInput::text).collect(),
        });
    }

    /// The key mode of the conversation screen.
    pub fn mode(&self) -> Mode {
        if self.item_form.is_some() {
            Mode::ItemForm
        } else if self.carried_open {
            Mode::ConvCarried
        } else if self.editing {
            Mode::Editing
        } else {
            self.nav_mode()
        }
    }

    /// The key mode when not typing, by focus.
    pub fn nav_mode(&self) -> Mode {
        match self.focus {
            Focus::Notes | Focus::Private => Mode::ConvNotes,
            // The revisited notes scroll (see `revisit_key`); everything
            // else is as in the notes.
            Focus::Revisit => Mode::ConvRevisit,
            Focus::Questions => Mode::ConvQuestions,
            Focus::List(_) => Mode::ConvList,
            Focus::Carried => Mode::ConvCarried,
            Focus::Rating(_) => Mode::ConvRating,
        }
    }

    /// The index of the phase on screen.
    pub fn current(&self) -> usize {
        self.session.current
    }

    /// The index of the earlier phase whose notes the phase on screen
    /// revisits.
    pub fn revisited(&self) -> Option<usize> {
        let guide = &self.session.guide;
        guide.phases[self.current()]
            .revisit
            .as_deref()
            .and_then(|id| guide.phase_index(id))
            .filter(|&i| i != self.current())
    }

    /// Carried items are shown in the phase holding a list with their list
    /// id, or else in the first phase.
    pub fn carried_here(&self) -> Vec<usize> {
        let guide = &self.session.guide;
        let cur = self.current();
        self.session
            .carried
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let home = guide
                    .lists()
                    .find(|(_, l)| l.id == c.list)
                    .map(|(p, _)| p)
                    .unwrap_or(0);
                home == cur
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The focus stops of the phase on screen, in Tab order.
    pub fn stops(&self) -> Vec<Focus> {
        let phase = &self.session.guide.phases[self.current()];
        // The private note is not a stop: it is reached with `o` only.
        let mut stops = vec![Focus::Notes];
        if self.revisited().is_some() {
            stops.push(Focus::Revisit);
        }
        if !phase.all_questions().is_empty() {
            stops.push(Focus::Questions);
        }
        stops.extend((0..phase.lists.len()).map(Focus::List));
        stops.extend((0..phase.ratings.len()).map(Focus::Rating));
        if !self.carried_here().is_empty() {
            stops.push(Focus::Carried);
        }
        stops
    }

    /// The index (into the session's carried items) of the selected one:
    /// in the list of all of them (`u`), or in the phase's lists pane.
    pub fn selected_carried(&self) -> Option<usize> {
        if self.carried_open {
            return (self.row < self.session.carried.len()).then_some(self.row);
        }
        match self.focus {
            Focus::Carried => self.carried_here().get(self.row).copied(),
            _ => None,
        }
    }

    /// Write the editors' text into the session.
    pub fn sync_editor(&mut self) {
        let cur = self.current();
        let notes = self.notes.text();
        let private = self.private.text();
        let record = &mut self.session.phases[cur];
        record.notes = notes;
        record.private_notes = private;
        self.sync_draft();
    }

    fn load_editors(&mut self) {
        let record = &self.session.phases[self.current()];
        self.notes = TextInput::notes(&record.notes);
        self.private = TextInput::notes(&record.private_notes);
        self.revisit = Scroll::default();
        self.guide = Scroll::default();
        self.set_focus(Focus::Notes);
    }

    /// How many rows the focused pane has (questions, items, rated items).
    fn focus_len(&self) -> usize {
        let cur = self.current();
        let phase = &self.session.guide.phases[cur];
        match self.focus {
            Focus::Notes | Focus::Private | Focus::Revisit => 0,
            Focus::Questions => phase.all_questions().len(),
            Focus::List(l) => phase
                .lists
                .get(l)
                .map_or(0, |list| items(self, &list.id).len()),
            Focus::Rating(r) => phase.ratings.get(r).map_or(0, |r| r.items.len()),
            Focus::Carried => self.carried_here().len(),
        }
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        self.row = 0;
        self.notes
            .set_focused(focus == Focus::Notes && self.editing);
        self.private
            .set_focused(focus == Focus::Private && self.editing);
    }

    fn set_editing(&mut self, editing: bool) {
        self.editing = editing;
        let f = self.focus;
        self.set_focus(f);
    }
}

/// Open the conversation screen on a session that has started.
pub fn open(app: &mut crate::tui::app::App, session: Session) {
    app.screen = Screen::Conversation(Box::new(ConvState::new(session, None)));
    app.shell.dirty = false;
}

/// The screen for a resumed session: the preparation (not started), the
/// summary (finished), or the conversation, with what a crash left open
/// closed or continued. `true`: save at once (the resumed visit).
pub fn resume(
    shell: &mut Shell,
    mut session: Session,
    file_name: String,
    now: Timestamp,
) -> (Screen, bool) {
    shell.dirty = false;
    if session.started.is_none() && session.status == Status::InProgress {
        return (
            super::prepare::reopen(&session, file_name, now, shell),
            false,
        );
    }
    if session.status == Status::Finished {
        let conv = ConvState::new(session, Some(file_name));
        return (
            Screen::Summary(Box::new(SummaryState::new(conv, true))),
            false,
        );
    }
    // The app stopped with the clock running: a short gap counts, a longer
    // one is asked about.
    let gap = session
        .closed_gap(now)
        .filter(|g| g.secs() >= shell.settings.ask_gap.num_seconds());
    session.reopen(now);
    let mut conv = ConvState::new(session, Some(file_name));
    // Reopened: keys navigate (`q` right after resuming is not typed in).
    conv.set_editing(false);
    // While the time away is in question nothing is saved (nothing
    // changed: the visit is still open), so that a second crash asks about
    // all of it, from where the app first stopped.
    let save = gap.is_none();
    if let Some(gap) = gap {
        conv.ask_gap(shell, gap);
    }
    (Screen::Conversation(Box::new(conv)), save)
}

/// The items of a list in the phase on screen (for the view).
pub fn items<'a>(conv: &'a ConvState, list_id: &str) -> &'a [Item] {
    conv.session.items(conv.current(), list_id)
}
