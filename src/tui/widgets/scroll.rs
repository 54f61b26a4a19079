//! The scroll position of a text pane that may be longer than its area
//! (summary, help, read-only view, preparation, guide, earlier notes).
//!
//! How far a pane can scroll depends on the size it was last drawn at, which
//! only drawing knows; drawing takes `&App`, so it records that in a `Cell`
//! and the next key is clamped by it.

use std::cell::Cell;

use ratatui::widgets::Paragraph;

use crate::tui::keymap::Action;

/// A scroll offset in wrapped rows, never past the end.
#[derive(Debug, Clone)]
pub struct Scroll {
    offset: u16,
    /// The furthest offset at the last drawn size (unknown: `u16::MAX`).
    max: Cell<u16>,
}

impl Default for Scroll {
    fn default() -> Scroll {
        Scroll {
            offset: 0,
            max: Cell::new(u16::MAX),
        }
    }
}

impl Scroll {
    /// The offset to draw at.
    pub fn offset(&self) -> u16 {
        self.offset.min(self.max.get())
    }

    /// The offset asked for (before it is clamped) and the furthest offset
    /// at the last drawn size: what drawing the pane depends on.
    pub fn state(&self) -> (u16, u16) {
        (self.offset, self.max.get())
    }

    /// The furthest offset at the last drawn size.
    pub fn max(&self) -> u16 {
        self.max.get()
    }

    /// Move by `rows` (negative: up), within the text.
    pub fn by(&mut self, rows: i32) {
        let moved = i32::from(self.offset()) + rows;
        self.offset = u16::try_from(moved.max(0))
            .unwrap_or(u16::MAX)
            .min(self.max.get());
    }

    /// To the top or the end.
    pub fn to(&mut self, end: bool) {
        self.offset = if end { self.max.get() } else { 0 };
    }

    /// To a row (a found text near the top), within the text.
    pub fn to_row(&mut self, row: u16) {
        self.offset = row.min(self.max.get());
    }

    /// ↑↓ a row, PgUp/PgDn `page` rows; whether the action was one of those.
    pub fn on_action(&mut self, action: Option<Action>, page: u16) -> bool {
        let page = i32::from(page.max(1));
        match action {
            Some(Action::Up) => self.by(-1),
            Some(Action::Down) => self.by(1),
            Some(Action::PageUp) => self.by(-page),
            Some(Action::PageDown) => self.by(page),
            _ => return false,
        }
        true
    }

    /// Record how far a text of `rows` wrapped rows can scroll in `height`
    /// rows; returns the offset to draw at.
    pub fn fit(&self, rows: u16, height: u16) -> u16 {
        self.max.set(rows.saturating_sub(height));
        self.offset()
    }

    /// [`Scroll::fit`] for a wrapped paragraph without a block, drawn
    /// `width` columns wide.
    pub fn fit_paragraph(&self, paragraph: &Paragraph, width: u16, height: u16) -> u16 {
        self.fit(wrapped_rows(paragraph, width), height)
    }
}

/// The rows a paragraph (without a block) takes when wrapped at `width`.
pub fn wrapped_rows(paragraph: &Paragraph, width: u16) -> u16 {
    u16::try_from(paragraph.line_count(width.max(1))).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_both_ends_and_comes_back_at_once() {
        let mut s = Scroll::default();
        assert_eq!(s.fit(30, 10), 0);
        assert_eq!(s.max(), 20);
        for _ in 0..50 {
            s.on_action(Some(Action::PageDown), 10);
        }
        assert_eq!(s.offset(), 20);
        assert!(s.on_action(Some(Action::Up), 10));
        assert_eq!(s.offset(), 19);
        s.by(-100);
        assert_eq!(s.offset(), 0);
        assert!(!s.on_action(Some(Action::Enter), 10));
        // A larger window: the offset shrinks with the text's end.
        s.to(true);
        assert_eq!(s.fit(30, 25), 5);
    }
}
