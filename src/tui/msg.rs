//! The messages between the model and the runtime: the effects the model
//! asks for, and what happened (keys, ticks, the answers to effects).
//! `App::update(msg, now) -> Vec<Effect>`; each effect's doc says which
//! message answers it.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::overlay::ExportRequest;
use super::screens::history::{Found, HistoryEntry};
use super::screens::home::HomeLists;
use crate::plan::{OccurrenceKey, Plan, PlanEdit};
use crate::session::{CarriedItem, Session, Timestamp};
use crate::store::PlanEntry;

/// Something the runtime must do for the model.
#[derive(Debug)]
pub enum Effect {
    /// Create the session file for a new session (a preparation at its
    /// first change, or a conversation that starts), lock it and save it;
    /// answer with [`Msg::Opened`] or [`Msg::OpenFailed`], and, for a
    /// conversation with a client, with [`Msg::Carried`] once the open
    /// items of earlier sessions are known.
    Create(Box<Session>),
    /// Save the open session (atomically, off the UI thread).
    Save(Box<Session>),
    /// Nothing changed, but the open session's clock still runs: say so
    /// where a crash leaves it (the lock file's time, no save). When that
    /// cannot be said, or an earlier save is not on disk yet, save the
    /// session instead.
    StillRunning(Box<Session>),
    /// Open an existing session for writing; answer with [`Msg::Resumed`],
    /// [`Msg::Viewing`] (open elsewhere) or [`Msg::OpenFailed`].
    Resume(PathBuf),
    /// Flush and release the open session (back to the home screen).
    Close,
    /// Re-read what the home screen lists of the data folder (off the UI
    /// thread); answer with [`Msg::Sessions`].
    RefreshSessions,
    /// List every session for the history (off the UI thread); answer with
    /// [`Msg::History`].
    ListHistory,
    /// Search the sessions for this text (off the UI thread; a newer
    /// search makes this one's answer stale); answer with [`Msg::Found`].
    SearchHistory(Box<crate::tui::screens::history::HistorySearch>),
    /// Read a session to show it read-only; answer with [`Msg::Viewing`] or
    /// [`Msg::OpenFailed`].
    View(PathBuf),
    /// Read a session to start the next conversation with its client;
    /// answer with [`Msg::FollowUp`] or [`Msg::OpenFailed`].
    FollowUp(PathBuf),
    /// The clients of earlier sessions (off the UI thread), for the header
    /// form to offer a known one; answer with [`Msg::Clients`].
    ListClients,
    /// Write a report (off the UI thread); answer with [`Msg::Exported`] or
    /// [`Msg::ExportFailed`].
    Export(Box<ExportRequest>),
    /// Look up the open items of earlier sessions with this client (off
    /// the UI thread), for the preparation; answer with [`Msg::OpenItems`].
    LookUpOpenItems(String),
    /// Delete a session and its companion files (refused while it is open
    /// elsewhere, and for a damaged file); answer with [`Msg::Deleted`] or
    /// [`Msg::DeleteFailed`].
    Delete(PathBuf),
    /// Save a copy of the session into another folder (when the data
    /// folder cannot be written), off the UI thread; answer with
    /// [`Msg::SavedElsewhere`] or [`Msg::SaveFailed`].
    SaveElsewhere(PathBuf, Box<Session>),
    /// Write a new plan file (off the UI thread); answer with
    /// [`Msg::PlanSaved`] or [`Msg::PlanFailed`].
    CreatePlan(Box<Plan>),
    /// Make one change to the plan file at this path, as it is on disk
    /// (off the UI thread); answer with [`Msg::PlanSaved`] or
    /// [`Msg::PlanFailed`].
    ChangePlan(PathBuf, PlanEdit),
    /// The finished session fulfils its plan step: once the session is on
    /// disk, mark the step done in the plan file; answer with
    /// [`Msg::PlanRecorded`] or [`Msg::PlanFailed`].
    RecordPlan(Box<Session>),
    /// Write a plan's calendar file into the export folder, with each
    /// step guide's minutes (by guide id); answer with
    /// [`Msg::CalendarWritten`] or [`Msg::ExportFailed`].
    PlanCalendar(Box<PlanEntry>, Vec<(String, u32)>),
    /// The finished sessions with this client, to attach one to a plan
    /// step; answer with [`Msg::Attachable`].
    ListAttachable(String),
    /// Read the session file of this name (in the data folder) to show it
    /// read-only; answer as [`Effect::View`] does.
    ViewNamed(String),
    /// Ring the terminal bell (when the settings want it).
    Bell,
    /// Leave the app (after flushing).
    Quit,
}

/// What happened, for the model.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// Plain characters typed in one burst (no Ctrl/Alt): text while typing
    /// in the notes and, on the conversation screen while navigating, when
    /// there are two or more or the one is no key (`app/typed.rs`);
    /// otherwise one key each.
    Typed(String),
    /// Plain characters typed within the typing gap after other plain
    /// characters, no other key between (the event loop times them): a
    /// hand typing on. As [`Msg::Typed`], except that a letter that acted
    /// as a key just before turns out to have started the text
    /// (`app/typing_on.rs`).
    TypedOn(String),
    /// A second passed (or the loop woke for another reason).
    Tick,
    /// The terminal has this size (columns, rows).
    Resize(u16, u16),
    /// The session's file was created (or moved to a name with its start
    /// time and client).
    Opened {
        file_name: String,
    },
    /// The open items carried in from earlier sessions with the client of
    /// the session created at `created`.
    Carried {
        created: Timestamp,
        items: Vec<CarriedItem>,
    },
    /// The open items of earlier sessions with `client`, for a
    /// preparation (answering [`Effect::LookUpOpenItems`]).
    OpenItems {
        client: String,
        items: Vec<CarriedItem>,
        /// The newest earlier session with the client, if any (a talk
        /// started from a plan takes its shared fields).
        last: Option<Box<Session>>,
    },
    /// The clients of earlier sessions, as written there.
    Clients(Vec<String>),
    /// A session could not be created or opened.
    OpenFailed(String),
    /// A session to show read-only; `locked`: it is open for writing in
    /// another window.
    Viewing {
        session: Box<Session>,
        path: PathBuf,
        file_name: String,
        locked: bool,
    },
    /// An existing session was opened for writing.
    Resumed {
        session: Box<Session>,
        file_name: String,
    },
    /// The newest snapshot is on disk.
    Saved,
    /// The session was changed by someone else and saved under a new name.
    SavedAs(String),
    /// Saving failed, for this reason (in the user's language); the saver
    /// retries. The notes stay in memory.
    SaveFailed(String),
    /// A copy was written to this file in another folder.
    SavedElsewhere(PathBuf),
    /// What the home screen lists of the data folder.
    Sessions(HomeLists),
    /// Every session, for the history.
    History(Vec<HistoryEntry>),
    /// The answer to a search.
    Found(Found),
    /// The session to start the next conversation after.
    FollowUp(Box<Session>),
    /// This session file was deleted.
    Deleted(String),
    /// Deleting failed: why, in the user's language.
    DeleteFailed(String),
    /// The report was written here.
    Exported(PathBuf),
    /// Writing the report failed: why, in the user's language.
    ExportFailed(String),
    /// Work off the UI thread failed unexpectedly (it panicked); why.
    WorkFailed(String),
    /// A plan file was written: the plan as it is now, and the change
    /// made (None: the plan is new).
    PlanSaved(Box<PlanEntry>, Option<PlanEdit>),
    /// A finished session marked this step of the plan done.
    PlanRecorded(Box<PlanEntry>, OccurrenceKey),
    /// A plan could not be written or read: why, in the user's language.
    PlanFailed(String),
    /// The calendar file was written with this many events.
    CalendarWritten(PathBuf, usize),
    /// The finished sessions that could be attached to a plan step.
    Attachable(Vec<Attachable>),
}

/// A finished session that can be attached to a plan step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachable {
    pub file_name: String,
    /// The guide it was held with (its id; the step's own guide first).
    pub guide_id: String,
    pub guide_title: String,
    /// When it was held.
    pub held: Timestamp,
}
