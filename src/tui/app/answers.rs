//! The runtime's answers to effects: a session file created or read, the
//! lists and searches of the archive, a follow-up, a deletion, a report.

use std::path::PathBuf;

use super::{App, Effect, Msg, Severity};
use crate::session::{Session, Timestamp};
use crate::tui::overlay::PickFor;
use crate::tui::screens::history;
use crate::tui::screens::prepare::PrepareState;
use crate::tui::screens::view::ViewState;
use crate::tui::screens::{self, Screen, ScreenId};

impl App {
    /// The runtime's answers to effects.
    pub(super) fn on_answer(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
        match msg {
            Msg::Viewing { .. }
            | Msg::Sessions(_)
            | Msg::History(_)
            | Msg::Found(_)
            | Msg::FollowUp(_)
            | Msg::Deleted(_)
            | Msg::DeleteFailed(_)
            | Msg::Exported(_)
            | Msg::ExportFailed(_) => self.on_archive_answer(msg),
            Msg::Opened { .. }
            | Msg::Carried { .. }
            | Msg::Clients(_)
            | Msg::OpenItems { .. }
            | Msg::OpenFailed(_)
            | Msg::Resumed { .. }
            | Msg::Saved
            | Msg::SavedAs(_)
            | Msg::SaveFailed(_)
            | Msg::SavedElsewhere(_)
            | Msg::WorkFailed(_) => self.on_session_answer(msg, now),
            Msg::PlanSaved(..)
            | Msg::PlanRecorded(..)
            | Msg::PlanFailed(_)
            | Msg::CalendarWritten(..)
            | Msg::Attachable(_) => self.on_plan_answer(msg),
            // Input, handled by `update` itself.
            Msg::Key(_)
            | Msg::Paste(_)
            | Msg::Typed(_)
            | Msg::TypedOn(_)
            | Msg::Tick
            | Msg::Resize(..) => Vec::new(),
        }
    }

    /// The answers about the open session's file.
    fn on_session_answer(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
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
            Msg::OpenItems {
                client,
                items,
                last,
            } => self.open_items(&client, items, last.as_deref()),
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
            Msg::Resumed { session, file_name } => return self.resumed(*session, file_name, now),
            Msg::Saved if self.shell.save_failing => {
                self.shell.save_failing = false;
                self.say(t.shell.saved_again, Severity::Info);
            }
            Msg::Saved if self.shell.confirm_saved => {
                self.shell.confirm_saved = false;
                self.say(t.shell.saved_now, Severity::Info);
            }
            Msg::Saved => {}
            Msg::SavedAs(name) => {
                self.say((t.shell.saved_as)(&name), Severity::Warning);
                self.screen.set_file_name(name);
            }
            Msg::SaveFailed(why) => {
                self.shell.save_failing = true;
                self.shell.confirm_saved = false;
                self.say((t.store.save_failed)(&why), Severity::Error);
            }
            Msg::SavedElsewhere(path) => {
                self.say(
                    (t.shell.saved_elsewhere)(&path.display().to_string()),
                    Severity::Info,
                );
            }
            Msg::WorkFailed(why) => self.say((t.shell.work_failed)(&why), Severity::Error),
            // The others are routed elsewhere by `on_answer`.
            _ => {}
        }
        Vec::new()
    }

    /// The open items of earlier talks, for the preparation of `client`.
    fn open_items(
        &mut self,
        client: &str,
        items: Vec<crate::session::CarriedItem>,
        last: Option<&Session>,
    ) {
        // A talk started from a plan, before its form is filled in: the
        // fields it shares with the client's last talk (the school, the
        // participants) come from there, as a follow-up's do.
        if let Screen::Prepare(p) = &mut self.screen
            && p.form.is_none()
            && p.prep.plan.is_some()
            && p.prep.client.as_deref() == Some(client)
            && let Some(last) = last
        {
            p.prep.prefill_from(last);
        }
        let prep = match &mut self.screen {
            Screen::Prepare(p) => Some(&mut p.prep),
            Screen::Form(f) => Some(&mut f.prep),
            _ => None,
        };
        if let Some(prep) = prep.filter(|p| p.client.as_deref() == Some(client)) {
            prep.carried = items;
        }
    }

    /// A session opened for writing: its preparation, its conversation or
    /// its summary.
    fn resumed(&mut self, session: Session, file_name: String, now: Timestamp) -> Vec<Effect> {
        // Open for writing now: the read-only message is no longer true.
        let read_only = self.texts().shell.view_read_only;
        if self
            .shell
            .status
            .as_ref()
            .is_some_and(|(text, _)| text == read_only)
        {
            self.shell.status = None;
        }
        let (screen, save) =
            screens::conversation::resume(&mut self.shell, session, file_name, now);
        self.screen = screen;
        if save {
            return self.save_now();
        }
        let mut effects = self.look_up_open_items();
        if self.screen.id() == ScreenId::Form {
            effects.push(Effect::ListClients);
        }
        effects
    }

    /// The answers from the archive of past sessions.
    fn on_archive_answer(&mut self, msg: Msg) -> Vec<Effect> {
        let t = self.texts();
        match msg {
            Msg::Viewing {
                session,
                path,
                file_name,
                locked,
            } => self.view_session(*session, path, file_name, locked),
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
            // The others are routed elsewhere by `on_answer`.
            _ => {}
        }
        Vec::new()
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
            Screen::History(h) => Some(Box::new(Screen::History(h))),
            Screen::Timeline(t) => Some(Box::new(Screen::Timeline(t))),
            Screen::View(v) => v.back,
            other => {
                self.screen = other;
                None
            }
        };
        // Another session: what the status line said was about the last
        // one (a damaged file, say), not about this one.
        if place.is_none() {
            self.shell.status = None;
        }
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
                match back.map(|b| *b) {
                    Some(Screen::History(h)) => {
                        self.screen = Screen::History(h);
                        vec![Effect::ListHistory]
                    }
                    Some(other) => {
                        self.screen = other;
                        vec![Effect::RefreshSessions]
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
    pub(super) fn picked(&mut self, purpose: PickFor, value: Option<String>) -> Vec<Effect> {
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
            PickFor::MoveScope => match &mut self.screen {
                Screen::Timeline(t) => t.move_scope(value),
                _ => Vec::new(),
            },
            PickFor::Attach => match &mut self.screen {
                Screen::Timeline(t) => t.attach_chosen(value),
                _ => Vec::new(),
            },
            other => match &mut self.screen {
                Screen::History(h) => h.on_picked(&other, value),
                _ => Vec::new(),
            },
        }
    }
}
