//! A session shown read-only: for a session that is open for writing in
//! another window (its lock is taken). The text is the same as
//! `leidraad show --private` gives; `r` tries to open it again (for writing
//! once the other window has let go, otherwise the view is refreshed).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::report;
use crate::session::Session;
use crate::tui::app::{App, Effect, Screen, Severity};
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

/// Show a session read-only (it is locked by another window).
pub fn open(app: &mut App, session: &Session, path: PathBuf, file_name: String) {
    let scroll = match &app.view {
        // A reload of the same file keeps the place.
        Some(v) if v.path == path => v.scroll.clone(),
        _ => Scroll::default(),
    };
    let title = if session.client.is_empty() {
        session.guide.title.clone()
    } else {
        format!("{} · {}", session.guide.title, session.client)
    };
    app.view = Some(ViewState {
        text: report::plain(session, app.texts, report::PrivateNotes::Include),
        path,
        title,
        scroll,
        file_name: file_name.clone(),
    });
    app.screen = Screen::View;
    app.say(app.texts.view_read_only, Severity::Warning);
}

/// Handle a key in the read-only view.
pub fn on_action(app: &mut App, action: Option<Action>) -> Vec<Effect> {
    let Some(view) = app.view.as_mut() else {
        return Vec::new();
    };
    if view.scroll.on_action(action, 10) {
        return Vec::new();
    }
    match action {
        Some(Action::Reload) => return vec![Effect::Resume(view.path.clone())],
        Some(Action::Back) => {
            app.view = None;
            app.status = None;
            app.screen = Screen::Home;
            return vec![Effect::RefreshSessions];
        }
        _ => {}
    }
    Vec::new()
}

/// Draw the read-only view.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(view) = &app.view else {
        return;
    };
    let title = format!(" {} · {} ", view.title, app.texts.view_title);
    super::render_scrolling(app, frame, area, title, view.text.as_str(), &view.scroll);
}
