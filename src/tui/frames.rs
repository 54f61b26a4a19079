//! Drawing the event loop's frames: the whole frame, or, when only the
//! clocks moved, the parts that tick (see `ticking`).

use std::sync::atomic::Ordering;

use super::EventLoop;
use super::screens;
use super::ticking::{self, Ticking};
use crate::session::Timestamp;

impl EventLoop<'_> {
    /// Something besides the clocks changed: draw the whole frame.
    pub(super) fn changed(&mut self) {
        self.redraw = true;
        self.whole = true;
    }

    /// Draw when something changed: only the parts that tick when nothing
    /// else did and they are kept, else the whole frame. A terminal that
    /// cannot be drawn on is gone: save and leave the way a hangup does.
    pub(super) fn draw(&mut self, now: Timestamp) {
        if !self.redraw || self.hangup.load(Ordering::Relaxed) {
            return;
        }
        self.redraw = false;
        let whole = std::mem::take(&mut self.whole);
        if !whole && let Some(ticking) = &mut self.ticking {
            match ticking.draw(&self.app, now, self.terminal.backend_mut()) {
                Ok(true) => {
                    // Every test checks the parts against the whole frame.
                    if cfg!(debug_assertions) {
                        self.draw_whole(now, true, true);
                    }
                    return;
                }
                Ok(false) => {}
                Err(_) => {
                    self.hangup.store(true, Ordering::Relaxed);
                    return;
                }
            }
        }
        self.draw_whole(now, !whole, false);
    }

    /// Draw the whole frame, put right what ticks wrote since the last
    /// one, and, on a frame a tick asked for (`keep`), keep the parts that
    /// tick for the next ones. `check` (test builds, right after a tick
    /// drew its parts): the frame must be the screen the ticks made.
    fn draw_whole(&mut self, now: Timestamp, keep: bool, check: bool) {
        let app = &self.app;
        let mut ticking = self.ticking.take();
        let fixes = match self.terminal.draw(|f| screens::render(app, f, now)) {
            Ok(frame) => {
                #[cfg(debug_assertions)]
                if check && let Some(t) = &ticking {
                    check_ticks(t.screen(), frame.buffer);
                }
                #[cfg(not(debug_assertions))]
                let _ = check;
                let fixes = ticking.as_mut().map(|t| t.settle(frame.buffer));
                if keep {
                    self.ticking = Ticking::keep(app, frame.buffer);
                }
                fixes
            }
            Err(_) => {
                self.hangup.store(true, Ordering::Relaxed);
                return;
            }
        };
        if let Some(fixes) = fixes
            && ticking::write(self.terminal.backend_mut(), fixes).is_err()
        {
            self.hangup.store(true, Ordering::Relaxed);
        }
    }
}

/// Test builds only: the screen the ticks made since the last whole frame
/// (`ticks`) must be the whole frame drawn now (`drawn`), or a part that
/// moves with the time is not among the parts that tick.
#[cfg(debug_assertions)]
fn check_ticks(ticks: &ratatui::buffer::Buffer, drawn: &ratatui::buffer::Buffer) {
    if ticks != drawn {
        let rows = |b: &ratatui::buffer::Buffer| -> Vec<String> {
            (b.area.top()..b.area.bottom())
                .map(|y| {
                    (b.area.left()..b.area.right())
                        .filter_map(|x| b.cell((x, y)).map(|c| c.symbol().to_string()))
                        .collect()
                })
                .collect()
        };
        let (t, d) = (rows(ticks), rows(drawn));
        let row = t.iter().zip(&d).position(|(a, b)| a != b);
        panic!(
            "the ticks drew another screen than the whole frame (first row that differs: {row:?}: ticks {:?}, whole frame {:?}; else the styles differ)",
            row.and_then(|r| t.get(r)),
            row.and_then(|r| d.get(r)),
        );
    }
}
