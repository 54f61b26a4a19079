//! A session shown read-only: for a session that is open for writing in
//! another window (its lock is taken). The text is the same as
//! `leidraad show --private` gives; `r` tries to open it again (for writing
//! once the other window has let go, otherwise the view is refreshed).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Screen;
use crate::i18n::Texts;
use crate::report;
use crate::session::Session;
use crate::tui::app::{Effect, Go, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::widgets::scroll::Scroll;

/// State of the read-only view.
#[derive(Debug, Clone)]
pub struct ViewState {
    pub path: PathBuf,
    pub file_name: String,
    pub title: String,
    /// The session as text, made once when it was read.
    pub text: String,
    pub scroll: Scroll,
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
        ViewState {
            text: report::plain(session, texts, report::PrivateNotes::Include),
            path,
            title,
            scroll: place.unwrap_or_default(),
            file_name,
        }
    }

    /// Handle a key in the read-only view.
    pub fn on_action(&mut self, shell: &mut Shell, action: Option<Action>) -> Update {
        if self.scroll.on_action(action, 10) {
            return Update::stay();
        }
        match action {
            Some(Action::Reload) => Update::effects(vec![Effect::Resume(self.path.clone())]),
            Some(Action::Back) => {
                shell.status = None;
                Update::then(vec![Effect::RefreshSessions], Go::To(Screen::Home))
            }
            _ => Update::stay(),
        }
    }

    /// Draw the read-only view.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let title = format!(" {} · {} ", self.title, shell.texts().shell.view_title);
        super::render_scrolling(shell, frame, area, title, self.text.as_str(), &self.scroll);
    }
}
