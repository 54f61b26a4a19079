//! A reminder's banner under the clocks: the whole message, wrapped, its
//! rows going on under the start of the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::Shell;
use crate::tui::screens::conversation::ConvState;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::wrap::{clamp, hanging_text};

/// The most rows a banner takes.
const MAX_ROWS: usize = 4;

/// The banner's rows at a width (none without a reminder on screen).
pub(super) fn lines(shell: &Shell, conv: &ConvState, width: u16) -> Vec<Line<'static>> {
    let Some((text, _)) = &conv.banner else {
        return Vec::new();
    };
    // A column free at the right edge, as before the banner wrapped.
    let width = usize::from(width.saturating_sub(1)).max(1);
    let lines = hanging_text(" ⏰ ", text, style(shell, Role::Banner), width);
    clamp(lines, MAX_ROWS, width)
}

/// Draw the banner.
pub(super) fn render(lines: Vec<Line<'static>>, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(lines), area);
}
