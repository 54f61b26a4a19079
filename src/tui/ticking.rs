//! Frames where only the clocks moved (issue 17 point 3: true idle).
//!
//! While the clock runs and nobody types, a frame a second would lay out
//! the whole screen, draw it and let ratatui compare its cells (4,800 at
//! 120x40) with the last frame's, for a handful of digits. So after a whole
//! frame that a tick asked for, the parts that move with the clock alone
//! ([`screens::ticking_areas`]: on the conversation screen its clocks and
//! the rows of its phase list) are kept as drawn, and the next ticks draw only those
//! parts and write only the cells that differ, straight to the terminal.
//!
//! ratatui does not see those cells: its last frame still has what was
//! there before the ticks. So the next whole frame is put right after
//! ratatui wrote it ([`Ticking::settle`]): where a tick changed a cell and
//! ratatui's diff left it (the new frame has what ratatui last drew
//! there), the frame's cell is written. The terminal's cursor is hidden
//! on every screen (the notes editor draws its own), so writing elsewhere
//! moves nothing the user sees.
//!
//! A debug build (every test) draws the whole frame after each such tick
//! all the same and checks that it is the screen the tick made
//! ([`Ticking::screen`]), so a part that depends on the time but is not
//! among the parts fails the tests instead of showing a stale figure.

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};

use super::app::App;
use super::screens;
use crate::session::Timestamp;

/// The parts that move with the clock alone, kept between ticks.
pub struct Ticking {
    /// The frame's area the parts were kept from.
    frame: Rect,
    /// The frame's body then (see `screens::ticking_body`).
    body: Rect,
    areas: [Rect; 2],
    /// Each part as ratatui's last frame has it.
    base: [Buffer; 2],
    /// Each part as it is on the terminal now.
    shown: [Buffer; 2],
    /// Each part as this tick draws it.
    next: [Buffer; 2],
    /// The whole screen as the ticks left it (debug builds: the check).
    #[cfg(debug_assertions)]
    screen: Buffer,
}

impl Ticking {
    /// Keep the parts that move with the clock alone of the frame just
    /// drawn, `drawn`; `None` when the screen on show has none.
    pub fn keep(app: &App, drawn: &Buffer) -> Option<Ticking> {
        let body = screens::ticking_body(app, drawn.area)?;
        let areas = screens::ticking_areas(app, body)?;
        let part = |area: Rect| {
            let mut part = Buffer::empty(area);
            copy_into(drawn, &mut part);
            part
        };
        Some(Ticking {
            frame: drawn.area,
            body,
            areas,
            base: areas.map(part),
            shown: areas.map(part),
            next: areas.map(Buffer::empty),
            #[cfg(debug_assertions)]
            screen: drawn.clone(),
        })
    }

    /// Draw a tick by its parts alone and write the cells that changed.
    /// `false`, with nothing written, when the parts are no longer where
    /// they were kept (another screen, something drawn over them, a banner
    /// that came or went, another window size): then the whole frame must
    /// be drawn.
    pub fn draw<B: Backend>(
        &mut self,
        app: &App,
        now: Timestamp,
        backend: &mut B,
    ) -> Result<bool, B::Error> {
        if screens::ticking_areas(app, self.body) != Some(self.areas) {
            return Ok(false);
        }
        for part in &mut self.next {
            part.reset();
        }
        screens::render_ticking(app, &mut self.next, now);
        let changes = self
            .shown
            .iter()
            .zip(&self.next)
            .flat_map(|(shown, next)| shown.diff(next));
        backend.draw(changes)?;
        backend.flush()?;
        std::mem::swap(&mut self.shown, &mut self.next);
        #[cfg(debug_assertions)]
        for part in &self.shown {
            copy_into(part, &mut self.screen);
        }
        Ok(true)
    }

    /// After the whole frame `drawn` was written by ratatui: the cells
    /// to write so that the terminal shows `drawn` where the ticks wrote
    /// what ratatui did not know of.
    pub fn settle(&mut self, drawn: &Buffer) -> Vec<(u16, u16, Cell)> {
        if drawn.area != self.frame {
            // ratatui drew a new size from scratch.
            return Vec::new();
        }
        let mut fixes = Vec::new();
        for ((base, shown), on_screen) in self.base.iter().zip(&self.shown).zip(&mut self.next) {
            // The terminal now: ratatui's cell where it wrote one (the new
            // frame differs from its last there), else the tick's.
            on_screen.clone_from(shown);
            let area = base.area;
            for y in area.top()..area.bottom() {
                for x in area.left()..area.right() {
                    let at = Position { x, y };
                    if let (Some(was), Some(now)) = (base.cell(at), drawn.cell(at))
                        && was != now
                        && let Some(cell) = on_screen.cell_mut(at)
                    {
                        *cell = now.clone();
                    }
                }
            }
            let mut part = Buffer::empty(area);
            copy_into(drawn, &mut part);
            fixes.extend(
                on_screen
                    .diff(&part)
                    .into_iter()
                    .map(|(x, y, cell)| (x, y, cell.clone())),
            );
        }
        fixes
    }

    /// The whole screen as the ticks left it: the last whole frame with
    /// the parts as the ticks drew them.
    #[cfg(debug_assertions)]
    pub fn screen(&self) -> &Buffer {
        &self.screen
    }
}

/// Copy the cells of `from` that lie in `to`'s area.
fn copy_into(from: &Buffer, to: &mut Buffer) {
    let area = from.area.intersection(to.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let at = Position { x, y };
            if let (Some(cell), Some(into)) = (from.cell(at), to.cell_mut(at)) {
                into.clone_from(cell);
            }
        }
    }
}

/// Write `cells` to the terminal.
pub fn write<B: Backend>(backend: &mut B, cells: Vec<(u16, u16, Cell)>) -> Result<(), B::Error> {
    if cells.is_empty() {
        return Ok(());
    }
    backend.draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))?;
    backend.flush()
}
