//! The app model: the screen on show (which owns its state), the overlay
//! on top of it, and `update(msg, now) -> Vec<Effect>`.
//!
//! The model never touches the disk or the clock: it returns effects as data
//! and the runtime (`tui/runtime.rs`) runs them and reports back with
//! messages. Each screen module offers the same shape: its key mode, an
//! update that returns an [`Update`] (effects, and whether to stay or go to
//! another screen), and a render from its state; `screens.rs` dispatches to
//! them.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Texts;
use crate::session::{Session, Timestamp};
use crate::settings::Settings;

pub use super::msg::{Effect, Msg};
use super::overlay::{Answer, PickFor};
pub use super::overlay::{Confirm, Overlay};
use super::screens::history;
pub use super::screens::home::{GuideEntry, ResumeEntry};

use super::keymap::{self, Action, Mode};
use super::screens::conversation::ConvState;
use super::screens::form::FormState;
use super::screens::home::HomeState;
use super::screens::prepare::PrepareState;
use super::screens::summary::SummaryState;
use super::screens::view::ViewState;
use super::screens::{self, Screen, ScreenId};

/// How serious a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Where the model goes after a screen handled a message.
#[derive(Debug)]
pub enum Go {
    /// The screen stays.
    Stay,
    /// Back to the home screen: the open session is let go (flushed,
    /// unlocked) and the home list read again.
    Home,
    /// To another screen, made afresh.
    To(Screen),
    /// From the conversation to its summary; `finished`: leaving the
    /// summary goes home.
    Summary { finished: bool },
    /// From the summary back to its conversation.
    Conversation,
}

/// What a screen's update returns: the effects for the runtime and where
/// to go.
#[must_use]
#[derive(Debug)]
pub struct Update {
    pub effects: Vec<Effect>,
    pub go: Go,
}

impl Update {
    /// Nothing to do; the screen stays.
    pub fn stay() -> Update {
        Update::effects(Vec::new())
    }

    /// These effects; the screen stays.
    pub fn effects(effects: Vec<Effect>) -> Update {
        Update {
            effects,
            go: Go::Stay,
        }
    }

    /// Go somewhere, with no effects of the screen's own.
    pub fn go(go: Go) -> Update {
        Update {
            effects: Vec::new(),
            go,
        }
    }

    /// Go somewhere after these effects.
    pub fn then(effects: Vec<Effect>, go: Go) -> Update {
        Update { effects, go }
    }
}

/// What every screen may read and change beside its own state: the
/// settings, the status line, the overlay, whether the open session has
/// changes not yet handed to the saver.
pub struct Shell {
    pub settings: Settings,
    pub status: Option<(String, Severity)>,
    pub overlay: Option<Overlay>,
    /// Changes not yet handed to the saver.
    pub dirty: bool,
    /// The last save failed and has not succeeded since.
    pub save_failing: bool,
    /// The terminal's size, once known.
    pub size: Option<(u16, u16)>,
}

impl Shell {
    /// The interface's strings.
    pub fn texts(&self) -> &'static Texts {
        self.settings.texts()
    }

    /// Tell the user something on the status line.
    pub fn say(&mut self, text: impl Into<String>, severity: Severity) {
        self.status = Some((text.into(), severity));
    }
}

/// The whole model. The home screen is the root: its state (the guides,
/// the resumable sessions, the selection) stays while another screen is on
/// show, so going back lands where the user left it.
pub struct App {
    pub shell: Shell,
    pub home: HomeState,
    pub screen: Screen,
}

impl App {
    /// A new model on the home screen.
    pub fn new(settings: Settings, guides: Vec<GuideEntry>, broken_guides: usize) -> App {
        App {
            shell: Shell {
                settings,
                status: None,
                overlay: None,
                dirty: false,
                save_failing: false,
                size: None,
            },
            home: HomeState::new(guides, broken_guides),
            screen: Screen::Home,
        }
    }

    /// The interface's strings.
    pub fn texts(&self) -> &'static Texts {
        self.shell.texts()
    }

    /// Which screen is on show.
    pub fn screen_id(&self) -> ScreenId {
        self.screen.id()
    }

    /// The key mode for the current state.
    pub fn mode(&self) -> Mode {
        match &self.shell.overlay {
            Some(overlay) => overlay.mode(),
            None => self.screen.mode(),
        }
    }

    /// The window is below the minimum size and the screen only asks to
    /// make it larger: typing in the notes goes on (nothing typed is lost),
    /// but commands that would act unseen (`f` `y` finishing) are ignored.
    pub fn blind(&self) -> bool {
        let small = self
            .shell
            .size
            .is_some_and(|(w, h)| w < screens::MIN_WIDTH || h < screens::MIN_HEIGHT);
        small && self.mode() != Mode::Editing
    }

    /// The open session, if any (in the conversation or its summary).
    pub fn session(&self) -> Option<&Session> {
        self.conv().map(|c| &c.session)
    }

    /// The conversation's state, in the conversation or its summary.
    pub fn conv(&self) -> Option<&ConvState> {
        match &self.screen {
            Screen::Conversation(c) => Some(c),
            Screen::Summary(s) => Some(&s.conv),
            _ => None,
        }
    }

    /// The preparation screen's state, when it is on show.
    pub fn prepare(&self) -> Option<&PrepareState> {
        match &self.screen {
            Screen::Prepare(p) => Some(p),
            _ => None,
        }
    }

    /// The header form's state, when it is on show.
    pub fn form(&self) -> Option<&FormState> {
        match &self.screen {
            Screen::Form(f) => Some(f),
            _ => None,
        }
    }

    /// The summary's state, when it is on show.
    pub fn summary(&self) -> Option<&SummaryState> {
        match &self.screen {
            Screen::Summary(s) => Some(s),
            _ => None,
        }
    }

    /// The read-only view's state, when it is on show.
    pub fn view(&self) -> Option<&ViewState> {
        match &self.screen {
            Screen::View(v) => Some(v),
            _ => None,
        }
    }

    /// The open session's file name, once it has a file.
    pub fn file_name(&self) -> Option<&str> {
        self.screen.file_name()
    }

    /// Tell the user something on the status line.
    pub fn say(&mut self, text: impl Into<String>, severity: Severity) {
        self.shell.say(text, severity);
    }

    /// Handle one message; return what the runtime must do.
    pub fn update(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
        match msg {
            Msg::Key(ev) if ev.kind == KeyEventKind::Release => Vec::new(),
            Msg::Key(ev) => self.on_key(ev, now),
            Msg::Paste(text) => self.on_paste(&text, now),
            Msg::Typed(_) if self.blind() => Vec::new(),
            Msg::Typed(text) if self.mode() == Mode::Editing => {
                self.screen.on_typed(&mut self.shell, &text);
                Vec::new()
            }
            Msg::Typed(text) => {
                let mut effects = Vec::new();
                for c in text.chars() {
                    let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    effects.extend(self.on_key(ev, now));
                }
                effects
            }
            Msg::Resize(w, h) => {
                self.shell.size = Some((w, h));
                Vec::new()
            }
            Msg::Tick => self.on_tick(now),
            other => self.on_answer(other, now),
        }
    }

    /// The runtime's answers to effects.
    fn on_answer(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
        let t = self.texts();
        match msg {
            // Only while a session is open: a preparation saved on its way
            // home has been let go already.
            Msg::Opened { file_name } => self.screen.set_file_name(file_name),
            Msg::Carried { created, items } => {
                if let Some(conv) = self.screen.conv_mut()
                    && conv.session.created == created
                {
                    crate::session::merge_carried(&mut conv.session.carried, items);
                    return self.save_now();
                }
            }
            Msg::Clients(clients) => {
                if let Screen::Form(f) = &mut self.screen {
                    f.known_clients = clients;
                }
            }
            Msg::OpenItems { client, items } => {
                let prep = match &mut self.screen {
                    Screen::Prepare(p) => Some(&mut p.prep),
                    Screen::Form(f) => Some(&mut f.prep),
                    _ => None,
                };
                if let Some(prep) = prep.filter(|p| p.client.as_deref() == Some(client.as_str())) {
                    prep.carried = items;
                }
            }
            Msg::OpenFailed(why) => {
                let open = matches!(
                    self.screen.id(),
                    ScreenId::Prepare | ScreenId::Form | ScreenId::Conversation | ScreenId::Summary
                );
                if open {
                    self.say((t.shell.open_failed)(&why), Severity::Error);
                    self.shell.save_failing = true;
                } else {
                    self.say(why, Severity::Error);
                }
            }
            Msg::Viewing {
                session,
                path,
                file_name,
                locked,
            } => self.view_session(*session, path, file_name, locked),
            Msg::Resumed { session, file_name } => {
                // Open for writing now: the read-only message is no longer true.
                if self
                    .shell
                    .status
                    .as_ref()
                    .is_some_and(|(text, _)| text == t.shell.view_read_only)
                {
                    self.shell.status = None;
                }
                let (screen, save) =
                    screens::conversation::resume(&mut self.shell, *session, file_name, now);
                self.screen = screen;
                if save {
                    return self.save_now();
                }
                let mut effects = self.look_up_open_items();
                if self.screen.id() == ScreenId::Form {
                    effects.push(Effect::ListClients);
                }
                return effects;
            }
            Msg::Saved => {
                if self.shell.save_failing {
                    self.shell.save_failing = false;
                    self.say(t.shell.saved_again, Severity::Info);
                }
            }
            Msg::SavedAs(name) => {
                self.say((t.shell.saved_as)(&name), Severity::Warning);
                self.screen.set_file_name(name);
            }
            Msg::SaveFailed(why) => {
                self.shell.save_failing = true;
                self.say((t.store.save_failed)(&why), Severity::Error);
            }
            Msg::SavedElsewhere(path) => {
                self.say(
                    (t.shell.saved_elsewhere)(&path.display().to_string()),
                    Severity::Info,
                );
            }
            Msg::Sessions(lists) => self.home.set_lists(lists),
            Msg::History(entries) => {
                if let Screen::History(h) = &mut self.screen {
                    h.set_entries(entries);
                }
            }
            Msg::Found(found) => {
                if let Screen::History(h) = &mut self.screen {
                    h.set_found(found);
                }
            }
            Msg::FollowUp(session) => {
                let picker = history::follow_up_picker(*session, &self.home.guides, t);
                self.shell.overlay = Some(picker);
            }
            Msg::Deleted(name) => return self.deleted(&name),
            Msg::DeleteFailed(why) => self.say(why, Severity::Error),
            Msg::Exported(path) => self.say(
                (t.shell.exported)(&path.display().to_string()),
                Severity::Info,
            ),
            Msg::ExportFailed(why) => self.say(why, Severity::Error),
            Msg::WorkFailed(why) => self.say((t.shell.work_failed)(&why), Severity::Error),
            Msg::Key(_) | Msg::Paste(_) | Msg::Typed(_) | Msg::Tick | Msg::Resize(..) => {}
        }
        Vec::new()
    }

    fn on_key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let action = keymap::lookup(self.mode(), &ev);
        match action {
            Some(Action::SaveAndLeave) => return self.leave_everything(now),
            Some(Action::Save) => return self.save_now(),
            _ if self.blind() => return Vec::new(),
            _ => {}
        }
        let prompting = matches!(self.shell.overlay, Some(Overlay::Prompt(_)));
        if action == Some(Action::SaveElsewhere) && !prompting && self.session().is_some() {
            // Over the help or a question too: the copy matters more.
            self.shell.overlay = Some(Overlay::prompt(&self.shell.settings.elsewhere));
            return Vec::new();
        }
        if let Some(overlay) = &mut self.shell.overlay {
            let answer = overlay.on_key(action, ev);
            if answer != Answer::Kept {
                self.shell.overlay = None;
            }
            return match answer {
                Answer::Kept | Answer::Closed => Vec::new(),
                Answer::Yes(confirm) => {
                    let update = self.screen.on_confirm(&mut self.shell, confirm, now);
                    self.apply(update)
                }
                Answer::No(confirm) => {
                    if let Screen::Form(f) = &mut self.screen {
                        f.on_decline(&mut self.shell, confirm, now);
                    }
                    Vec::new()
                }
                Answer::SaveIn(dir) => self.save_elsewhere(&dir),
                Answer::Picked(purpose, value) => self.picked(purpose, value),
                Answer::Export(request) => vec![Effect::Export(request)],
            };
        }
        if action == Some(Action::Help) {
            self.shell.overlay = Some(Overlay::help());
            return Vec::new();
        }
        let update = match &mut self.screen {
            Screen::Home => self.home.on_action(&mut self.shell, action, now),
            screen => screen.on_key(&mut self.shell, action, ev, now),
        };
        self.apply(update)
    }

    fn on_paste(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        if let Some(overlay) = &mut self.shell.overlay {
            overlay.on_paste(text);
            return Vec::new();
        }
        let update = self.screen.on_paste(&mut self.shell, text, now);
        self.apply(update)
    }

    /// A session to show read-only: from the history (which it goes back
    /// to), the home screen, or because another window has it open.
    fn view_session(&mut self, session: Session, path: PathBuf, name: String, locked: bool) {
        let t = self.texts();
        let place = self
            .view()
            .filter(|v| v.path == path)
            .map(|v| v.scroll.clone());
        let back = match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::History(h) => Some(h),
            Screen::View(v) => v.back,
            other => {
                self.screen = other;
                None
            }
        };
        let mut view = ViewState::new(&session, path, name, place, t);
        view.back = back;
        self.screen = Screen::View(Box::new(view));
        if locked {
            self.say(t.shell.view_read_only, Severity::Warning);
        }
    }

    /// A preparation whose client is known looks up the open items of its
    /// earlier sessions, to show them before the conversation starts.
    pub fn look_up_open_items(&self) -> Vec<Effect> {
        let client = match &self.screen {
            Screen::Prepare(p) => p.prep.client.as_ref(),
            Screen::Form(f) => f.prep.client.as_ref(),
            _ => None,
        };
        client
            .filter(|c| !c.trim().is_empty())
            .map(|c| vec![Effect::LookUpOpenItems(c.clone())])
            .unwrap_or_default()
    }

    /// A session was deleted: say so, and list again what was listed.
    fn deleted(&mut self, name: &str) -> Vec<Effect> {
        self.say((self.texts().history.deleted)(name), Severity::Info);
        match &mut self.screen {
            Screen::History(_) => vec![Effect::ListHistory],
            Screen::View(v) => {
                let back = v.back.take();
                match back {
                    Some(h) => {
                        self.screen = Screen::History(h);
                        vec![Effect::ListHistory]
                    }
                    None => {
                        self.screen = Screen::Home;
                        vec![Effect::RefreshSessions]
                    }
                }
            }
            _ => vec![Effect::RefreshSessions],
        }
    }

    /// A value was chosen in a picker.
    fn picked(&mut self, purpose: PickFor, value: Option<String>) -> Vec<Effect> {
        match purpose {
            PickFor::FollowUp(session) => {
                let Some(id) = value else {
                    return Vec::new();
                };
                self.shell.status = None;
                let guide = self
                    .home
                    .guides
                    .iter()
                    .find_map(|g| g.guide.as_conversation().filter(|c| c.id == id))
                    .cloned()
                    .unwrap_or_else(|| session.guide.clone());
                let prep = PrepareState::follow_up(&guide, &session);
                self.screen = Screen::Prepare(Box::new(prep));
                self.look_up_open_items()
            }
            other => {
                if let Screen::History(h) = &mut self.screen {
                    h.on_picked(&other, value);
                }
                Vec::new()
            }
        }
    }

    fn on_tick(&mut self, now: Timestamp) -> Vec<Effect> {
        let mut effects = self.screen.on_tick(&mut self.shell, now);
        if self.shell.dirty {
            effects.extend(self.save_now());
        }
        effects
    }

    /// Carry out a screen's update: its effects, then the move it asks for.
    fn apply(&mut self, update: Update) -> Vec<Effect> {
        let Update { mut effects, go } = update;
        match go {
            Go::Stay => {}
            Go::Home => {
                self.screen = Screen::Home;
                self.shell.overlay = None;
                self.shell.dirty = false;
                effects.extend([Effect::Close, Effect::RefreshSessions]);
            }
            Go::To(screen) => self.screen = screen,
            Go::Summary { finished } => {
                self.screen = match std::mem::replace(&mut self.screen, Screen::Home) {
                    Screen::Conversation(conv) => {
                        Screen::Summary(Box::new(SummaryState::new(*conv, finished)))
                    }
                    other => other,
                };
            }
            Go::Conversation => {
                self.screen = match std::mem::replace(&mut self.screen, Screen::Home) {
                    Screen::Summary(summary) => Screen::Conversation(Box::new(summary.conv)),
                    other => other,
                };
            }
        }
        effects
    }

    /// A copy of the open session into `dir` (`Ctrl-O`).
    fn save_elsewhere(&mut self, dir: &str) -> Vec<Effect> {
        if dir.is_empty() {
            return Vec::new();
        }
        let Some(conv) = self.screen.conv_mut() else {
            return Vec::new();
        };
        conv.sync_editor();
        let session = Box::new(conv.session.clone());
        vec![Effect::SaveElsewhere(PathBuf::from(dir), session)]
    }

    /// Hand the newest snapshot of the open session to the saver. A
    /// preparation (checklist, header form) is a session too, once
    /// something in it was changed: its file is created then.
    pub fn save_now(&mut self) -> Vec<Effect> {
        match self.screen.snapshot() {
            Some(snapshot) => {
                self.shell.dirty = false;
                vec![snapshot]
            }
            None => Vec::new(),
        }
    }

    /// Ctrl-C: save whatever is open and leave the app.
    fn leave_everything(&mut self, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(conv) = self.screen.conv_mut() {
            conv.sync_editor();
            if conv.session.status == crate::session::Status::InProgress {
                conv.session.leave(now);
            }
            effects.extend(self.save_now());
        } else if self.shell.dirty {
            // A preparation with changes not yet handed over.
            effects.extend(self.save_now());
        }
        effects.push(Effect::Quit);
        effects
    }
}
