//! A session shown read-only: from the history or the home screen's
//! "Recent", or because another window has it open for writing. Every phase
//! with its timing, notes, lists, ratings and the questions asked; the
//! private notes marked, and hidden with `o`; `/` finds text in it (`n`:
//! the next place). From here the session can be continued (`r`; for one
//! open elsewhere: once that window let go), followed up (`v`) or deleted
//! (`d`). `Esc` goes back to where it was opened from.

mod doc;
mod find;

use std::cell::Cell;
use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Screen;
use super::history::HistoryEntry;
use crate::i18n::Texts;
use crate::report::{self, PrivateNotes, ReportOptions};
use crate::session::{Session, Status};
use crate::tui::app::{Confirm, Effect, Go, Overlay, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::overlay::{ExportForm, ExportOf};
use crate::tui::theme::{Role, style};
use crate::tui::widgets::scroll::{Scroll, wrapped_rows};
use find::Find;

/// State of the read-only view.
#[derive(Debug)]
pub struct ViewState {
    pub path: PathBuf,
    pub file_name: String,
    pub title: String,
    pub session: Session,
    /// The private notes are on show (`o` hides them).
    pub private: bool,
    /// The session as lines of text, made when it was read (and again when
    /// the private notes are shown or hidden).
    pub lines: Vec<String>,
    /// How each line looks.
    roles: Vec<Option<Role>>,
    pub scroll: Scroll,
    /// Finding text in it (`/`).
    pub find: Find,
    /// Open for writing in another window.
    pub locked: bool,
    /// The screen it was opened from (the history, a plan's timeline), to
    /// go back to.
    pub back: Option<Box<Screen>>,
    /// The text's width at the last draw (to find a line's row).
    width: Cell<u16>,
}

impl ViewState {
    /// A session shown read-only; `place` is where an earlier view of the
    /// same file was scrolled to (a reload keeps it).
    pub fn new(
        session: &Session,
        path: PathBuf,
        file_name: String,
        place: Option<Scroll>,
        texts: &Texts,
    ) -> ViewState {
        let title = if session.client.is_empty() {
            session.guide.title.clone()
        } else {
            format!("{} · {}", session.guide.title, session.client)
        };
        let mut view = ViewState {
            lines: Vec::new(),
            roles: Vec::new(),
            path,
            title,
            session: session.clone(),
            private: true,
            scroll: place.unwrap_or_default(),
            find: Find::default(),
            file_name,
            locked: false,
            back: None,
            width: Cell::new(78),
        };
        view.lay_out(texts);
        view
    }

    /// The session as text, with or without its private notes.
    fn lay_out(&mut self, texts: &Texts) {
        let private = if self.private {
            PrivateNotes::Include
        } else {
            PrivateNotes::Omit
        };
        let options = ReportOptions {
            private,
            ..ReportOptions::complete()
        };
        let document = report::build(&self.session, texts, &options);
        let (lines, roles) = doc::lines(&document)
            .into_iter()
            .map(|l| (l.text, l.role))
            .unzip();
        self.lines = lines;
        self.roles = roles;
        self.find.search(&self.lines);
    }

    /// The key mode: typing what to find, or reading.
    pub fn mode(&self) -> Mode {
        if self.find.typing {
            Mode::ViewFind
        } else {
            Mode::View
        }
    }

    /// The session as the history lists it (for the question before it is
    /// deleted).
    fn entry(&self) -> HistoryEntry {
        HistoryEntry {
            path: self.path.clone(),
            file_name: self.file_name.clone(),
            guide_id: self.session.guide.id.clone(),
            guide_title: self.session.guide.title.clone(),
            client: self.session.client.clone(),
            when: Some(self.session.started.unwrap_or(self.session.created)),
            minutes: None,
            status: super::history::EntryStatus::Finished,
        }
    }

    /// Handle a key in the read-only view.
    pub fn on_key(&mut self, shell: &mut Shell, action: Option<Action>, ev: KeyEvent) -> Update {
        if self.find.typing {
            if self.find.on_key(action, ev, &self.lines) {
                self.show_match();
            }
            return Update::stay();
        }
        if self.scroll.on_action(action, 10) {
            return Update::stay();
        }
        match action {
            Some(Action::Search) => self.find.open(),
            Some(Action::FindNext) => {
                self.find.next();
                self.show_match();
            }
            Some(Action::TogglePrivate) => {
                self.private = !self.private;
                self.lay_out(shell.texts());
            }
            Some(Action::Reload) if self.locked || self.session.status != Status::Finished => {
                return Update::effects(vec![Effect::Resume(self.path.clone())]);
            }
            Some(Action::FollowUp) => {
                return Update::effects(vec![Effect::FollowUp(self.path.clone())]);
            }
            Some(Action::Export) => {
                let of = ExportOf::File(self.path.clone());
                let form = ExportForm::new(of, &shell.settings.export_dir);
                shell.overlay = Some(Overlay::Export(Box::new(form)));
            }
            Some(Action::Delete) if self.locked => {
                let text = (shell.texts().cli.delete_open_elsewhere)(&self.file_name);
                shell.say(text, crate::tui::app::Severity::Warning);
            }
            Some(Action::Delete) => shell.overlay = Some(Overlay::Confirm(Confirm::DeleteSession)),
            Some(Action::Back) => {
                shell.status = None;
                return match self.back.take() {
                    Some(screen) => Update::go(Go::To(*screen)),
                    None => Update::then(vec![Effect::RefreshSessions], Go::To(Screen::Home)),
                };
            }
            _ => {}
        }
        Update::stay()
    }

    /// Scroll the current match into view, near the top.
    fn show_match(&mut self) {
        let Some(line) = self.find.current_line() else {
            return;
        };
        let width = self.width.get();
        let above: u16 = self.lines[..line.min(self.lines.len())]
            .iter()
            .map(|l| {
                wrapped_rows(
                    &Paragraph::new(l.as_str()).wrap(Wrap { trim: false }),
                    width,
                )
            })
            .fold(0u16, u16::saturating_add);
        self.scroll.to_row(above.saturating_sub(2));
    }

    /// A paste into the find box.
    pub fn on_paste(&mut self, text: &str) {
        if self.find.paste(text, &self.lines) {
            self.show_match();
        }
    }

    /// Yes to a question of this screen.
    pub fn on_confirm(&mut self, confirm: Confirm) -> Update {
        match confirm {
            Confirm::DeleteSession => Update::effects(vec![Effect::Delete(self.path.clone())]),
            Confirm::Finish
            | Confirm::RemoveItem
            | Confirm::UseClient
            | Confirm::CountGap
            | Confirm::QuitApp
            | Confirm::ArchivePlan
            | Confirm::DiscardItem => Update::stay(),
        }
    }

    /// Draw a question of this screen over it.
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        if confirm == Confirm::DeleteSession {
            super::history::confirm_delete(shell, &self.entry(), frame, area);
        }
    }

    /// Draw the read-only view: the session, and the find box when open.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let find_rows = u16::from(self.find.input.is_some());
        let [text_area, find_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(find_rows)]).areas(area);
        let mut title = format!(" {} · {} ", self.title, t.shell.view_title);
        if !self.private {
            title.push_str(&format!("· {} ", t.shell.view_private_hidden));
        }
        self.width.set(text_area.width.saturating_sub(2));
        let lines: Vec<Line> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let line = self.find.mark(shell, i, l);
                match self.roles.get(i).copied().flatten() {
                    Some(role) => line.style(style(shell, role)),
                    None => line,
                }
            })
            .collect();
        super::render_scrolling(shell, frame, text_area, title, lines, &self.scroll);
        if let Some(input) = &self.find.input {
            let label = format!("{}: ", t.shell.view_find);
            let count = self.find.count_text(t);
            let [l, i, c] = Layout::horizontal([
                Constraint::Length(label.chars().count() as u16),
                Constraint::Min(5),
                Constraint::Length(count.chars().count() as u16 + 1),
            ])
            .areas(find_area);
            let role = if self.find.typing {
                Role::Focus
            } else {
                Role::Dim
            };
            frame.render_widget(Paragraph::new(Span::styled(label, style(shell, role))), l);
            input.render(frame, i);
            frame.render_widget(
                Paragraph::new(Span::styled(count, style(shell, Role::Dim)))
                    .wrap(Wrap { trim: true }),
                c,
            );
        }
    }
}
