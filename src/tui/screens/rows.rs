//! Where a frame's rows go (the body, the status line, the footer), and the
//! parts of the body that move with the clock alone (see `tui::ticking`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::chrome::{FooterItem, STATUS_MAX_ROWS, footer_rows, status_paragraph};
use super::{MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::session::Timestamp;
use crate::tui::app::App;
use crate::tui::widgets::scroll::wrapped_rows;

/// The screen's rows: the body, then the status line (a long message
/// wraps onto up to three rows rather than being cut off), then the
/// footer.
pub(super) struct Rows<'a> {
    pub(super) body: Rect,
    pub(super) status: Rect,
    pub(super) footer: Rect,
    pub(super) status_line: Option<Paragraph<'a>>,
    pub(super) footer_rows: Vec<Vec<FooterItem>>,
}

impl<'a> Rows<'a> {
    pub(super) fn of(app: &'a App, area: Rect) -> Rows<'a> {
        let status_line = status_paragraph(&app.shell);
        let status_rows = status_line
            .as_ref()
            .map_or(1, |p| wrapped_rows(p, area.width).clamp(1, STATUS_MAX_ROWS));
        let footer_rows = footer_rows(app, area.width);
        let [body, status, footer] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(status_rows),
            Constraint::Length(footer_rows.len().max(1) as u16),
        ])
        .areas(area);
        Rows {
            body,
            status,
            footer,
            status_line,
            footer_rows,
        }
    }
}

/// Whether the window is below the minimum (then only a message is drawn).
pub(super) fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The body of a frame of `area` when it has parts that move with the
/// clock alone (see `tui::ticking`): the conversation screen with nothing
/// drawn over it. `None` on every other screen, under an overlay, and
/// below the minimum size: there a tick draws the whole frame. The body
/// moves only with the status line and the footer, which a tick does not
/// change.
pub fn ticking_body(app: &App, area: Rect) -> Option<Rect> {
    let ticks = matches!(app.screen, Screen::Conversation(_))
        && !too_small(area)
        && app.shell.overlay.is_none();
    ticks.then(|| Rows::of(app, area).body)
}

/// Where the parts that move with the clock alone are in `body` (from
/// `ticking_body`): the conversation's clocks and its phase list, or
/// `None` when there are none now.
pub fn ticking_areas(app: &App, body: Rect) -> Option<[Rect; 2]> {
    match &app.screen {
        Screen::Conversation(conv) if app.shell.overlay.is_none() => {
            conv.ticking_areas(&app.shell, body)
        }
        _ => None,
    }
}

/// Draw the parts that move with the clock alone into `parts`, whose
/// areas are those `ticking_areas` gave; nothing when there are none.
pub fn render_ticking(app: &App, parts: &mut [Buffer; 2], now: Timestamp) {
    if let Screen::Conversation(conv) = &app.screen {
        conv.render_ticking(&app.shell, parts, now);
    }
}
