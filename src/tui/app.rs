//! The app model: every screen's state and `update(msg, now) -> Vec<Effect>`.
//!
//! The model never touches the disk or the clock: it returns effects as data
//! and the event loop (`tui.rs`) runs them and reports back with messages.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::guide::{Conversation, Guide};
use crate::i18n::{Lang, Texts};
use crate::session::{Session, Timestamp};

use super::keymap::{self, Action, Mode};
use super::screens::conversation::ConvState;
use super::screens::form::FormState;
use super::screens::prepare::PrepareState;
use super::screens::summary::SummaryState;
use super::screens::view::ViewState;
use super::screens::{conversation, form, home, prepare, summary, view};
use super::widgets::input::TextInput;
use super::widgets::scroll::Scroll;

/// A guide as the home screen lists it.
#[derive(Debug, Clone)]
pub struct GuideEntry {
    pub guide: Guide,
    /// "bundled" or the file's path.
    pub source: String,
    pub replaces_bundled: bool,
}

impl GuideEntry {
    /// The home screen's entry for a loaded guide; bundled guides show
    /// `bundled` (in the UI language) as their source.
    pub fn from_loaded(g: &crate::catalog::LoadedGuide, bundled: &str) -> GuideEntry {
        GuideEntry {
            guide: g.guide.clone(),
            source: match &g.source {
                crate::catalog::GuideSource::Bundled(_) => bundled.to_string(),
                crate::catalog::GuideSource::File(p) => p.display().to_string(),
            },
            replaces_bundled: g.replaces_bundled,
        }
    }
}

/// An unfinished session that can be resumed, as the home screen lists it.
#[derive(Debug, Clone)]
pub struct ResumeEntry {
    pub path: PathBuf,
    pub file_name: String,
    pub title: String,
    pub client: String,
    pub created: Timestamp,
    /// A rescue copy from a crash exists; resuming restores it.
    pub rescued: bool,
    /// The conversation has not started: resuming opens the preparation.
    pub preparing: bool,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Prepare,
    Form,
    Conversation,
    Summary,
    /// A session shown read-only (open for writing in another window).
    View,
}

/// How serious a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something the event loop must do for the model.
#[derive(Debug)]
pub enum Effect {
    /// Create the session file for a new conversation, lock it and save it;
    /// answer with [`Msg::Opened`] or [`Msg::OpenFailed`].
    Create(Box<Session>),
    /// Save the open session (atomically, off the UI thread).
    Save(Box<Session>),
    /// Open an existing session for writing; answer with [`Msg::Resumed`]
    /// or [`Msg::OpenFailed`].
    Resume(PathBuf),
    /// Flush and release the open session (back to the home screen).
    Close,
    /// Re-read the list of resumable sessions; answer with [`Msg::Sessions`].
    RefreshSessions,
    /// Save a copy of the session into another folder (when the data
    /// folder cannot be written); answer with [`Msg::SavedElsewhere`] or
    /// [`Msg::SaveFailed`].
    SaveElsewhere(PathBuf, Box<Session>),
    /// Ring the terminal bell.
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
    /// in the notes, otherwise one key each.
    Typed(String),
    /// A second passed (or the loop woke for another reason).
    Tick,
    /// The terminal has this size (columns, rows).
    Resize(u16, u16),
    /// The new session's file was created, with the open items carried in
    /// from earlier sessions with the same client.
    Opened {
        file_name: String,
        carried: Vec<crate::session::CarriedItem>,
    },
    /// A session could not be created or opened.
    OpenFailed(String),
    /// A session is open for writing in another window: it is shown
    /// read-only.
    Viewing {
        session: Box<Session>,
        path: PathBuf,
        file_name: String,
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
    /// Saving failed; the loop retries. The notes stay in memory.
    SaveFailed(String),
    /// A copy was written to this file in another folder.
    SavedElsewhere(PathBuf),
    /// The resumable sessions, newest first.
    Sessions(Vec<ResumeEntry>),
}

/// A yes/no question on top of the conversation screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Finish,
    RemoveItem,
}

/// The whole model.
pub struct App {
    pub texts: &'static Texts,
    pub lang: Lang,
    /// Colours on (off with `NO_COLOR`).
    pub colors: bool,
    pub guides: Vec<GuideEntry>,
    /// Guide files that failed to load (see `leidraad check`).
    pub broken_guides: usize,
    pub resumable: Vec<ResumeEntry>,
    pub screen: Screen,
    /// Selected row on the home screen (resumable sessions, then guides).
    pub home_selected: usize,
    /// The trajectory whose steps are shown on the home screen.
    pub home_expanded: Option<usize>,
    pub prepare: Option<PrepareState>,
    pub form: Option<FormState>,
    pub conv: Option<ConvState>,
    pub summary: SummaryState,
    /// The read-only view of a session locked by another window.
    pub view: Option<ViewState>,
    pub help: bool,
    /// How far the help overlay is scrolled.
    pub help_scroll: Scroll,
    pub confirm: Option<Confirm>,
    /// The "save elsewhere" prompt, with the folder typed so far.
    pub prompt: Option<TextInput>,
    /// The folder the "save elsewhere" prompt suggests.
    pub elsewhere_default: PathBuf,
    pub status: Option<(String, Severity)>,
    /// The open session's file name, once created.
    pub file_name: Option<String>,
    /// Changes not yet handed to the saver.
    pub dirty: bool,
    /// The last save failed and has not succeeded since.
    pub save_failing: bool,
    pub quitting: bool,
    /// The terminal's size, once known.
    pub size: Option<(u16, u16)>,
}

impl App {
    /// A new model on the home screen.
    pub fn new(lang: Lang, colors: bool, guides: Vec<GuideEntry>, broken_guides: usize) -> App {
        App {
            texts: lang.texts(),
            lang,
            colors,
            guides,
            broken_guides,
            resumable: Vec::new(),
            screen: Screen::Home,
            home_selected: 0,
            home_expanded: None,
            prepare: None,
            form: None,
            conv: None,
            summary: SummaryState::default(),
            view: None,
            help: false,
            help_scroll: Scroll::default(),
            confirm: None,
            prompt: None,
            elsewhere_default: PathBuf::new(),
            status: None,
            file_name: None,
            dirty: false,
            save_failing: false,
            quitting: false,
            size: None,
        }
    }

    /// The conversation guide with this id, if loaded.
    pub fn conversation_guide(&self, id: &str) -> Option<&Conversation> {
        self.guides
            .iter()
            .find_map(|g| g.guide.as_conversation().filter(|c| c.id == id))
    }

    /// The key mode for the current state.
    pub fn mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        if self.prompt.is_some() {
            return Mode::Prompt;
        }
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        match self.screen {
            Screen::Home => Mode::Home,
            Screen::Prepare => Mode::Prepare,
            Screen::Form => self.form.as_ref().map_or(Mode::Form, FormState::mode),
            Screen::Summary => Mode::Summary,
            Screen::View => Mode::View,
            Screen::Conversation => self
                .conv
                .as_ref()
                .map(ConvState::mode)
                .unwrap_or(Mode::ConvNotes),
        }
    }

    /// The window is below the minimum size and the screen only asks to
    /// make it larger: typing in the notes goes on (nothing typed is lost),
    /// but commands that would act unseen (`f` `y` finishing) are ignored.
    pub fn blind(&self) -> bool {
        let small = self
            .size
            .is_some_and(|(w, h)| w < super::screens::MIN_WIDTH || h < super::screens::MIN_HEIGHT);
        small && self.mode() != Mode::Editing
    }

    /// The open session, if any.
    pub fn session(&self) -> Option<&Session> {
        self.conv.as_ref().map(|c| &c.session)
    }

    /// Tell the user something on the status line.
    pub fn say(&mut self, text: impl Into<String>, severity: Severity) {
        self.status = Some((text.into(), severity));
    }

    /// Handle one message; return what the loop must do.
    pub fn update(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
        match msg {
            Msg::Key(ev) => {
                if ev.kind == KeyEventKind::Release {
                    return Vec::new();
                }
                self.on_key(ev, now)
            }
            Msg::Paste(text) => self.on_paste(&text, now),
            Msg::Typed(_) if self.blind() => Vec::new(),
            Msg::Resize(w, h) => {
                self.size = Some((w, h));
                Vec::new()
            }
            Msg::Typed(text) => {
                if self.mode() == Mode::Editing {
                    conversation::on_typed(self, &text)
                } else {
                    let mut effects = Vec::new();
                    for c in text.chars() {
                        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                        effects.extend(self.on_key(ev, now));
                    }
                    effects
                }
            }
            Msg::Tick => self.on_tick(now),
            Msg::Opened { file_name, carried } => {
                // Only while something is open: a preparation saved on its
                // way home has been let go already.
                if self.conv.is_some() || self.prepare.is_some() || self.form.is_some() {
                    self.file_name = Some(file_name);
                }
                if let Some(conv) = &mut self.conv {
                    conv.session.carried = carried;
                }
                Vec::new()
            }
            Msg::OpenFailed(why) => {
                if self.screen == Screen::Home {
                    self.say(why, Severity::Error);
                } else {
                    let text = (self.texts.open_failed)(&why);
                    self.say(text, Severity::Error);
                    self.save_failing = true;
                }
                Vec::new()
            }
            Msg::Viewing {
                session,
                path,
                file_name,
            } => {
                view::open(self, &session, path, file_name);
                Vec::new()
            }
            Msg::Resumed { session, file_name } => {
                self.view = None;
                self.file_name = Some(file_name);
                conversation::resume(self, *session, now)
            }
            Msg::Saved => {
                if self.save_failing {
                    self.save_failing = false;
                    self.say(self.texts.saved_again, Severity::Info);
                }
                Vec::new()
            }
            Msg::SavedAs(name) => {
                let text = (self.texts.saved_as)(&name);
                self.file_name = Some(name);
                self.say(text, Severity::Warning);
                Vec::new()
            }
            Msg::SaveFailed(why) => {
                self.save_failing = true;
                let text = (self.texts.save_failed)(&why);
                self.say(text, Severity::Error);
                Vec::new()
            }
            Msg::SavedElsewhere(path) => {
                let text = (self.texts.saved_elsewhere)(&path.display().to_string());
                self.say(text, Severity::Info);
                Vec::new()
            }
            Msg::Sessions(list) => {
                self.resumable = list;
                let rows = home::rows(self).len();
                self.home_selected = self.home_selected.min(rows.saturating_sub(1));
                Vec::new()
            }
        }
    }

    fn on_key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let mode = self.mode();
        let action = keymap::lookup(mode, &ev);
        if let Some(Action::SaveAndLeave) = action {
            return self.leave_everything(now);
        }
        if let Some(Action::Save) = action {
            return self.save_now();
        }
        if self.blind() {
            return Vec::new();
        }
        if self.prompt.is_some() {
            return self.on_prompt(action, ev);
        }
        if action == Some(Action::SaveElsewhere) && self.conv.is_some() {
            let mut input = TextInput::line(&self.elsewhere_default.display().to_string());
            input.set_focused(true);
            self.prompt = Some(input);
            return Vec::new();
        }
        if self.help {
            if action == Some(Action::Back) {
                self.help = false;
            }
            self.help_scroll.on_action(action, 10);
            return Vec::new();
        }
        if action == Some(Action::Help) {
            self.help = true;
            self.help_scroll = Scroll::default();
            return Vec::new();
        }
        match self.screen {
            Screen::Home => home::on_action(self, action),
            Screen::Prepare => prepare::on_action(self, action, now),
            Screen::Form => form::on_key(self, action, ev, now),
            Screen::Conversation => conversation::on_key(self, action, ev, now),
            Screen::Summary => summary::on_action(self, action),
            Screen::View => view::on_action(self, action),
        }
    }

    fn on_paste(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        if let Some(p) = &mut self.prompt {
            p.paste(text);
            return Vec::new();
        }
        match self.screen {
            Screen::Form => form::on_paste(self, text, now),
            Screen::Conversation => conversation::on_paste(self, text, now),
            Screen::Home | Screen::Prepare | Screen::Summary | Screen::View => Vec::new(),
        }
    }

    fn on_tick(&mut self, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.screen == Screen::Conversation || self.screen == Screen::Summary {
            effects.extend(conversation::on_tick(self, now));
        }
        if self.dirty {
            effects.extend(self.save_now());
        }
        effects
    }

    fn on_prompt(&mut self, action: Option<Action>, ev: KeyEvent) -> Vec<Effect> {
        match action {
            Some(Action::Back) => self.prompt = None,
            Some(Action::Enter) => {
                let dir = self.prompt.take().map(|p| p.text()).unwrap_or_default();
                let dir = dir.trim();
                if let (false, Some(conv)) = (dir.is_empty(), &mut self.conv) {
                    conv.sync_editor();
                    let session = Box::new(conv.session.clone());
                    return vec![Effect::SaveElsewhere(PathBuf::from(dir), session)];
                }
            }
            _ => {
                if let Some(p) = &mut self.prompt {
                    p.key(ev);
                }
            }
        }
        Vec::new()
    }

    /// Hand the newest snapshot of the open session to the saver. A
    /// preparation (checklist, header form) is a session too, once
    /// something in it was changed: its file is created then.
    pub fn save_now(&mut self) -> Vec<Effect> {
        if let Some(conv) = &self.conv {
            self.dirty = false;
            return vec![Effect::Save(Box::new(conv.session.clone()))];
        }
        match form::draft(self) {
            Some(session) => {
                self.dirty = false;
                let session = Box::new(session);
                vec![match self.file_name {
                    Some(_) => Effect::Save(session),
                    None => Effect::Create(session),
                }]
            }
            None => Vec::new(),
        }
    }

    /// Ctrl-C: save whatever is open and leave the app.
    fn leave_everything(&mut self, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(conv) = &mut self.conv {
            conv.sync_editor();
            if conv.session.status == crate::session::Status::InProgress {
                conv.session.leave(now);
            }
            effects.extend(self.save_now());
        } else if self.dirty {
            // A preparation with changes not yet handed over.
            effects.extend(self.save_now());
        }
        self.quitting = true;
        effects.push(Effect::Quit);
        effects
    }
}
