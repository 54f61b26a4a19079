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

mod answers;
mod plan_answers;
mod shell;
mod tick;
mod typed;
pub mod typing_on;

pub use super::msg::{Effect, Msg};
use super::overlay::{Answer, PromptFor};
pub use super::overlay::{Confirm, Overlay};
pub use super::screens::home::{GuideEntry, ResumeEntry};
pub use shell::{Go, Severity, Shell, Update};

use super::keymap::{self, Action, Mode};
use super::screens::conversation::ConvState;
use super::screens::form::FormState;
use super::screens::home::HomeState;
use super::screens::prepare::PrepareState;
use super::screens::summary::SummaryState;
use super::screens::view::ViewState;
use super::screens::{self, Screen, ScreenId};

/// How often the app says the clock still runs while nothing changes.
const HEARTBEAT_SECONDS: i64 = 60;

/// The whole model. The home screen is the root: its state (the guides,
/// the resumable sessions, the selection) stays while another screen is on
/// show, so going back lands where the user left it.
pub struct App {
    pub shell: Shell,
    pub home: HomeState,
    pub screen: Screen,
    /// The conversation before the letter that just acted as a key, while
    /// the next characters may still show it started a word
    /// (`app/typing_on.rs`).
    typed_key: Option<Box<typing_on::TypedKey>>,
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
                confirm_saved: false,
                size: None,
                handed_over: None,
                opened_by: None,
            },
            home: HomeState::new(guides, broken_guides),
            screen: Screen::Home,
            typed_key: None,
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
        // Only characters typed right after a letter can take it back; any
        // other input, or an answer that may have changed the talk (open
        // items carried in, a save's outcome), keeps the letter a key.
        if !matches!(msg, Msg::TypedOn(_) | Msg::Tick | Msg::Resize(..)) {
            self.typed_key = None;
        }
        match msg {
            Msg::Key(ev) if ev.kind == KeyEventKind::Release => Vec::new(),
            Msg::Key(ev) => {
                // Another key came between: the letter that opened the
                // overlay was meant as a key.
                self.shell.opened_by = None;
                let before = (self.screen_id(), self.shell.status.clone());
                let effects = match split_escape(self.mode(), ev) {
                    Some(key) => {
                        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
                        let mut effects = self.on_key(esc, now);
                        // The character after the `Esc` counts as typed
                        // alone: a letter that is no key starts typing.
                        effects.extend(match key.code {
                            KeyCode::Char(c) => self.on_typed(&c.to_string(), now),
                            _ => self.on_key(key, now),
                        });
                        effects
                    }
                    None => self.on_key(ev, now),
                };
                // A message about the screen left does not follow to the
                // next one (one the key itself gave does).
                if self.screen_id() != before.0 && self.shell.status == before.1 {
                    self.shell.status = None;
                }
                effects
            }
            Msg::Paste(text) => {
                self.shell.opened_by = None;
                self.on_paste(&text, now)
            }
            Msg::Typed(_) | Msg::TypedOn(_) if self.blind() => Vec::new(),
            Msg::Typed(text) => self.on_typed(&text, now),
            Msg::TypedOn(text) => self.on_typed_on(&text, now),
            Msg::Resize(w, h) => {
                self.shell.size = Some((w, h));
                Vec::new()
            }
            Msg::Tick => self.on_tick(now),
            other => self.on_answer(other, now),
        }
    }

    fn on_key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let action = keymap::lookup(self.mode(), &ev);
        match action {
            Some(Action::SaveAndLeave) => return self.leave_everything(now, true),
            Some(Action::Save) => {
                let effects = self.save_now();
                // "Bewaard" once the saver says it is on disk.
                self.shell.confirm_saved = !effects.is_empty();
                return effects;
            }
            _ if self.blind() => return Vec::new(),
            _ => {}
        }
        let prompting = matches!(
            self.shell.overlay,
            Some(Overlay::Prompt(PromptFor::Elsewhere, _))
        );
        if action == Some(Action::SaveElsewhere) && !prompting && self.session().is_some() {
            // Over the help or a question too: the copy matters more.
            self.shell.overlay = Some(Overlay::prompt(&self.shell.settings.elsewhere));
            return Vec::new();
        }
        let yes_key = self.shell.texts().keys.yes_key;
        if let Some(overlay) = &mut self.shell.overlay {
            let answer = overlay.on_key(action, ev, yes_key);
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
                    let update = self.screen.on_decline(&mut self.shell, confirm, now);
                    self.apply(update)
                }
                Answer::Typed(PromptFor::Elsewhere, dir) => self.save_elsewhere(&dir),
                Answer::Typed(PromptFor::MoveDate, text) => {
                    if let Screen::Timeline(t) = &mut self.screen {
                        t.typed_date(&mut self.shell, &text);
                    }
                    Vec::new()
                }
                Answer::Typed(PromptFor::EndTime, text) => {
                    if let Screen::Conversation(conv) = &mut self.screen {
                        let update = conv.agree_end(&mut self.shell, &text, now);
                        return self.apply(update);
                    }
                    Vec::new()
                }
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

    fn on_tick(&mut self, now: Timestamp) -> Vec<Effect> {
        self.home.set_today(now.date_naive());
        let mut effects = self.screen.on_tick(&mut self.shell, now);
        if self.shell.dirty {
            effects.extend(self.save_now());
            self.shell.handed_over = Some(now);
        } else if self.heartbeat_due(now) {
            effects.extend(self.still_running());
            self.shell.handed_over = Some(now);
        } else if self.shell.handed_over.is_none() {
            // The minute counts from the first tick, not at once.
            self.shell.handed_over = Some(now);
        }
        effects
    }

    /// While the clock runs and nothing is typed, the app says once a
    /// minute that the clock still runs (the lock file's time, no save:
    /// nothing is written while idle): after a crash the time the app was
    /// down counts from the later of that and the last save, so it is right
    /// to within a minute (not from the last keystroke, minutes before).
    fn heartbeat_due(&self, now: Timestamp) -> bool {
        let Some(conv) = self.talk_on_screen() else {
            return false;
        };
        // While "De app was … dicht" waits for its answer, the time since
        // the app stopped is still in question: a later crash asks again
        // from where it stopped, not from here.
        let running = conv.session.closed_gap(now).is_some() && conv.pending_gap.is_none();
        running
            && self
                .shell
                .handed_over
                .is_none_or(|at| (now - at).num_seconds() >= HEARTBEAT_SECONDS)
    }

    /// The open conversation as [`Effect::StillRunning`], for the heartbeat.
    fn still_running(&self) -> Option<Effect> {
        self.talk_on_screen()
            .map(|conv| Effect::StillRunning(Box::new(conv.session.clone())))
    }

    /// The conversation on screen, or under its summary (`s`: the clock
    /// runs on there).
    fn talk_on_screen(&self) -> Option<&ConvState> {
        match &self.screen {
            Screen::Conversation(conv) => Some(conv),
            Screen::Summary(summary) => Some(&summary.conv),
            _ => None,
        }
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
                self.shell.handed_over = None;
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

    /// The window was closed or the system asks the app to stop (SIGHUP,
    /// SIGTERM, SIGINT from outside, the terminal gone): save whatever is
    /// open and leave, with the clock still running in the file. Unlike
    /// `Ctrl-C` or `q` this is not the facilitator's choice: the
    /// conversation at the table goes on, so the next resume asks whether
    /// the time away counts, as after a crash.
    pub fn hang_up(&mut self, now: Timestamp) -> Vec<Effect> {
        self.leave_everything(now, false)
    }

    /// Ctrl-C (`close_clock`) or a hangup: save whatever is open and leave
    /// the app.
    fn leave_everything(&mut self, now: Timestamp, close_clock: bool) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(conv) = self.screen.conv_mut() {
            conv.sync_editor();
            if close_clock && conv.session.status == crate::session::Status::InProgress {
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

/// A character that came as Alt+character because `Esc` and the next key
/// arrived in one read (over a slow link, from a script): when the mode
/// has no binding for it, it is `Esc` and then that character, so that
/// nothing is dropped. Returns the key without Alt, to follow an `Esc`.
/// Other Alt keys (Alt-Enter, a line break in a long-text field) stay.
fn split_escape(mode: Mode, ev: KeyEvent) -> Option<KeyEvent> {
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let char = matches!(ev.code, KeyCode::Char(_));
    if !alt
        || ctrl
        || !char
        || ev.kind == KeyEventKind::Release
        || keymap::lookup(mode, &ev).is_some()
    {
        return None;
    }
    let mut key = ev;
    key.modifiers.remove(KeyModifiers::ALT);
    Some(key)
}
