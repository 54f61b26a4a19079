//! The history: every session in the data folder, newest first by the time
//! the conversation started, filtered by client and guide, searched as you
//! type (`/`), with what can be done with one: view it, continue it, start
//! the next conversation with the same client, delete it. The list and the
//! search come from the store off the UI thread; `history/view.rs` draws it.

mod view;

pub use view::confirm_delete;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::session::Timestamp;
use crate::tui::app::{Confirm, Effect, Go, Overlay, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::overlay::{ExportForm, ExportOf, PickFor, Picker};
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;

/// What state a session in the history is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryStatus {
    /// The conversation has not started.
    Preparing,
    /// Started, not finished.
    InProgress,
    Finished,
    /// The file cannot be read as a session; why, in the user's language.
    Damaged(String),
}

/// One session (or damaged file) as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub path: PathBuf,
    pub file_name: String,
    pub guide_id: String,
    pub guide_title: String,
    pub client: String,
    /// When the conversation started (else when the session was made; for
    /// a damaged file, when it was last written).
    pub when: Option<Timestamp>,
    /// Planned and actual minutes, when known.
    pub minutes: Option<(u32, u32)>,
    pub status: EntryStatus,
}

impl HistoryEntry {
    /// Whether it can be continued (`r`).
    pub fn resumable(&self) -> bool {
        matches!(
            self.status,
            EntryStatus::Preparing | EntryStatus::InProgress
        )
    }

    /// Whether it is a session that can be opened (not damaged).
    pub fn readable(&self) -> bool {
        !matches!(self.status, EntryStatus::Damaged(_))
    }
}

/// Where a search found its text in one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitPart {
    /// What the text is, in the user's language ("Notities · Contracteren").
    pub label: String,
    /// A private note (never in a report unless asked for).
    pub private: bool,
    /// A few words around the first match.
    pub snippet: String,
    /// Where the matches are in the snippet (bytes).
    pub ranges: Vec<Range<usize>>,
}

/// A session the search found, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub path: PathBuf,
    pub parts: Vec<HitPart>,
}

/// What the history searches for: the text in the box, within the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistorySearch {
    pub text: String,
    /// The client filter (as written in the sessions).
    pub client: Option<String>,
    /// The guide filter (its id).
    pub guide: Option<String>,
}

/// The search's newest answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What was searched for.
    pub text: String,
    pub hits: Vec<Hit>,
    /// Only the newest hits came back (there may be more).
    pub more: bool,
}

/// One row of the list: an entry, and the hit that put it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub entry: usize,
    pub hit: Option<usize>,
}

/// State of the history screen.
#[derive(Debug, Default)]
pub struct HistoryState {
    /// Every session, newest first; None until the store has answered.
    pub entries: Option<Vec<HistoryEntry>>,
    /// Only the sessions of this client (as written in them).
    pub client: Option<String>,
    /// Only the sessions held with this guide (its id).
    pub guide: Option<String>,
    /// The search box, once opened.
    pub search: Option<TextInput>,
    /// The search box has the keys.
    pub typing: bool,
    /// The newest answer to the search (for the text now in the box, or an
    /// earlier one while the new answer is on its way).
    pub found: Option<Found>,
    /// The selected row.
    pub selected: usize,
    /// Each entry's index by its path, made with the entries (a search's
    /// hits name their sessions by path).
    by_path: HashMap<PathBuf, usize>,
}

impl HistoryState {
    /// The key mode: typing in the search box, or the list.
    pub fn mode(&self) -> Mode {
        if self.typing {
            Mode::HistorySearch
        } else {
            Mode::History
        }
    }

    /// What is searched for now ("" for no search).
    pub fn query(&self) -> String {
        self.search
            .as_ref()
            .map(|s| s.text().trim().to_string())
            .unwrap_or_default()
    }

    /// The newest list from the store.
    pub fn set_entries(&mut self, entries: Vec<HistoryEntry>) {
        self.by_path = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.path.clone(), i))
            .collect();
        self.entries = Some(entries);
        self.clamp();
    }

    /// The newest answer of the search; an answer to text no longer in the
    /// box is not shown.
    pub fn set_found(&mut self, found: Found) {
        if found.text == self.query() {
            self.found = Some(found);
            self.clamp();
        }
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
    }

    /// The rows on show: with a search, the sessions it found (in its
    /// order); else every session; the filters apply to both.
    pub fn rows(&self) -> Vec<Row> {
        let Some(entries) = &self.entries else {
            return Vec::new();
        };
        let shown = |e: &HistoryEntry| {
            self.client.as_ref().is_none_or(|c| &e.client == c)
                && self.guide.as_ref().is_none_or(|g| &e.guide_id == g)
        };
        let query = self.query();
        match self.found.as_ref().filter(|_| !query.is_empty()) {
            Some(found) => found
                .hits
                .iter()
                .enumerate()
                .filter_map(|(h, hit)| {
                    let entry = *self.by_path.get(&hit.path)?;
                    shown(&entries[entry]).then_some(Row {
                        entry,
                        hit: Some(h),
                    })
                })
                .collect(),
            None => (0..entries.len())
                .filter(|&i| shown(&entries[i]))
                .map(|entry| Row { entry, hit: None })
                .collect(),
        }
    }

    /// The selected entry.
    pub fn selected_entry(&self) -> Option<&HistoryEntry> {
        let row = *self.rows().get(self.selected)?;
        self.entries.as_ref()?.get(row.entry)
    }

    /// Handle a key on the history screen.
    pub fn on_key(&mut self, shell: &mut Shell, action: Option<Action>, ev: KeyEvent) -> Update {
        if self.typing {
            return self.on_search_key(action, ev);
        }
        let rows = self.rows().len();
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(rows.saturating_sub(1)),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(Action::PageDown) => {
                self.selected = (self.selected + 10).min(rows.saturating_sub(1))
            }
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.selected = rows.saturating_sub(1),
            Some(Action::Search) => {
                let mut input = self.search.take().unwrap_or_else(|| TextInput::line(""));
                input.set_focused(true);
                self.search = Some(input);
                self.typing = true;
            }
            Some(Action::FilterClient) => shell.overlay = self.client_picker(shell),
            Some(Action::FilterGuide) => shell.overlay = self.guide_picker(shell),
            Some(Action::Back) => {
                shell.status = None;
                return Update::then(vec![Effect::RefreshSessions], Go::To(Screen::Home));
            }
            Some(action) => return self.on_entry(shell, action),
            None => {}
        }
        Update::stay()
    }

    /// What a key does to the selected session.
    fn on_entry(&mut self, shell: &mut Shell, action: Action) -> Update {
        let Some(entry) = self.selected_entry() else {
            return Update::stay();
        };
        let path = entry.path.clone();
        match action {
            Action::Enter if entry.readable() => Update::effects(vec![Effect::View(path)]),
            Action::Reload if entry.resumable() => {
                shell.status = None;
                Update::effects(vec![Effect::Resume(path)])
            }
            Action::FollowUp if entry.readable() => Update::effects(vec![Effect::FollowUp(path)]),
            Action::Export if entry.readable() => {
                let form = ExportForm::new(ExportOf::File(path), &shell.settings.export_dir);
                shell.overlay = Some(Overlay::Export(Box::new(form)));
                Update::stay()
            }
            // A damaged file cannot be shown, continued, followed up or
            // exported: say why, instead of nothing.
            Action::Enter | Action::Reload | Action::FollowUp | Action::Export
                if !entry.readable() =>
            {
                let why = match &entry.status {
                    EntryStatus::Damaged(why) => why.as_str(),
                    _ => "",
                };
                let text = (shell.texts().store.damaged)(&entry.file_name, why);
                shell.say(text, crate::tui::app::Severity::Warning);
                Update::stay()
            }
            // A damaged file is never touched: no question that cannot be
            // carried out.
            Action::Delete if !entry.readable() => {
                let text = (shell.texts().store.delete_damaged)(&entry.file_name);
                shell.say(text, crate::tui::app::Severity::Warning);
                Update::stay()
            }
            Action::Delete => {
                shell.overlay = Some(Overlay::Confirm(Confirm::DeleteSession));
                Update::stay()
            }
            _ => Update::stay(),
        }
    }

    /// A key while typing in the search box: every change searches again
    /// (off the UI thread; only the newest answer counts).
    fn on_search_key(&mut self, action: Option<Action>, ev: KeyEvent) -> Update {
        let Some(input) = self.search.as_mut() else {
            self.typing = false;
            return Update::stay();
        };
        match action {
            Some(Action::Enter) => {
                input.set_focused(false);
                self.typing = false;
                Update::stay()
            }
            Some(Action::Back) => {
                self.search = None;
                self.found = None;
                self.typing = false;
                self.clamp();
                Update::stay()
            }
            _ => {
                if input.key(ev) {
                    self.selected = 0;
                    return self.searched();
                }
                Update::stay()
            }
        }
    }

    /// Text pasted into the search box.
    pub fn on_paste(&mut self, text: &str) -> Update {
        let one_line = text.replace(['\r', '\n'], " ");
        let pasted = match self.search.as_mut() {
            Some(input) if self.typing => input.paste(&one_line),
            _ => false,
        };
        if !pasted {
            return Update::stay();
        }
        self.selected = 0;
        self.searched()
    }

    /// The search box changed: search for what it says now.
    fn searched(&mut self) -> Update {
        let query = self.query();
        if query.is_empty() {
            self.found = None;
            return Update::stay();
        }
        Update::effects(vec![Effect::SearchHistory(Box::new(HistorySearch {
            text: query,
            client: self.client.clone(),
            guide: self.guide.clone(),
        }))])
    }

    /// The clients present, to filter by.
    fn client_picker(&self, shell: &Shell) -> Option<Overlay> {
        let entries = self.entries.as_ref()?;
        let mut clients: Vec<&str> = entries
            .iter()
            .map(|e| e.client.as_str())
            .filter(|c| !c.trim().is_empty())
            .collect();
        clients.sort_by_key(|c| c.to_lowercase());
        clients.dedup();
        let t = &shell.texts().history;
        let mut options = vec![(t.every_client.to_string(), None)];
        options.extend(
            clients
                .into_iter()
                .map(|c| (c.to_string(), Some(c.to_string()))),
        );
        let picker = Picker::new(t.pick_client, options, self.client.clone(), PickFor::Client);
        Some(Overlay::Pick(Box::new(picker)))
    }

    /// The guides present, to filter by.
    fn guide_picker(&self, shell: &Shell) -> Option<Overlay> {
        let entries = self.entries.as_ref()?;
        let mut guides: Vec<(&str, &str)> = entries
            .iter()
            .filter(|e| e.readable())
            .map(|e| (e.guide_title.as_str(), e.guide_id.as_str()))
            .collect();
        guides.sort_by_key(|(title, id)| (title.to_lowercase(), id.to_string()));
        guides.dedup_by_key(|(_, id)| id.to_string());
        let t = &shell.texts().history;
        let mut options = vec![(t.every_guide.to_string(), None)];
        options.extend(
            guides
                .into_iter()
                .map(|(title, id)| (title.to_string(), Some(id.to_string()))),
        );
        let picker = Picker::new(t.pick_guide, options, self.guide.clone(), PickFor::Guide);
        Some(Overlay::Pick(Box::new(picker)))
    }

    /// A value was chosen in a picker this screen opened: the filter, and
    /// a search again within it when one is open.
    pub fn on_picked(&mut self, purpose: &PickFor, value: Option<String>) -> Vec<Effect> {
        match purpose {
            PickFor::Client => self.client = value,
            PickFor::Guide => self.guide = value,
            PickFor::FollowUp(_) | PickFor::MoveScope | PickFor::Attach => return Vec::new(),
        }
        self.selected = 0;
        self.clamp();
        self.searched().effects
    }

    /// Yes to a question of this screen.
    pub fn on_confirm(&mut self, confirm: Confirm) -> Update {
        match (confirm, self.selected_entry()) {
            (Confirm::DeleteSession, Some(entry)) => {
                Update::effects(vec![Effect::Delete(entry.path.clone())])
            }
            _ => Update::stay(),
        }
    }
}

/// The choice of guide for the next conversation after `session`: every
/// conversation guide, the session's own first chosen (offered as it was
/// held when it is no longer loaded).
pub fn follow_up_picker(
    session: crate::session::Session,
    guides: &[crate::tui::app::GuideEntry],
    texts: &crate::i18n::Texts,
) -> Overlay {
    let own = session.guide.id.clone();
    let mut options: Vec<(String, Option<String>)> = guides
        .iter()
        .filter_map(|g| g.guide.as_conversation())
        .map(|c| (c.title.clone(), Some(c.id.clone())))
        .collect();
    if !options
        .iter()
        .any(|(_, id)| id.as_deref() == Some(own.as_str()))
    {
        let title = (texts.history.guide_as_held)(&session.guide.title);
        options.insert(0, (title, Some(own.clone())));
    }
    let title = texts.history.pick_follow_up;
    let purpose = PickFor::FollowUp(Box::new(session));
    Overlay::Pick(Box::new(Picker::new(title, options, Some(own), purpose)))
}
