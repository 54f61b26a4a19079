//! The phase's side of the conversation screen (guide pane, notes, lists)
//! kept as drawn between frames (issue 17 point 3): it does not depend on
//! the time, so a tick that moves only the clocks copies its cells instead
//! of laying it out (wrapping, the layout of the panes) and drawing it
//! again. It is drawn anew whenever anything it is drawn from changed
//! ([`Inputs`]); its cells are taken the second time it is drawn from the
//! same, so that typing (every key a change) does not pay for them.
//!
//! A debug build (every test) draws it anew on every frame all the same
//! and checks that the cells kept are the cells drawn, so a change that
//! [`Inputs`] misses fails the tests instead of showing stale text.

use std::cell::{Cell, RefCell};
use std::fmt;

use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell as BufferCell};
use ratatui::layout::Rect;

use crate::guide::Conversation;
use crate::i18n::Lang;
use crate::session::{CarriedItem, PhaseRecord};
use crate::tui::app::Shell;
use crate::tui::screens::conversation::{ConvState, Focus};

/// Everything the phase's side is drawn from, as it was when its cells
/// were kept.
#[derive(Debug, Clone, PartialEq)]
struct Inputs {
    area: Rect,
    lang: Lang,
    colors: bool,
    current: usize,
    focus: Focus,
    editing: bool,
    row: usize,
    guide_scroll: (u16, u16),
    revisit_scroll: (u16, u16),
    notes: u64,
    private: u64,
    guide: Conversation,
    record: PhaseRecord,
    revisited: Option<PhaseRecord>,
    carried: Vec<CarriedItem>,
}

impl Inputs {
    /// What the side is drawn from now, with `guide` (a copy of the
    /// session's guide).
    fn of(shell: &Shell, conv: &ConvState, area: Rect, guide: Conversation) -> Inputs {
        let s = &conv.session;
        Inputs {
            area,
            lang: shell.settings.lang,
            colors: shell.settings.colors,
            current: conv.current(),
            focus: conv.focus,
            editing: conv.editing,
            row: conv.row,
            guide_scroll: conv.guide.state(),
            revisit_scroll: conv.revisit.state(),
            notes: conv.notes.revision(),
            private: conv.private.revision(),
            guide,
            record: s.phases[conv.current()].clone(),
            revisited: conv.revisited().map(|ri| s.phases[ri].clone()),
            carried: s.carried.clone(),
        }
    }

    /// Whether the side would be drawn from the same inputs now. Field by
    /// field without building them (no copies of the notes on a tick);
    /// every field is named, so a new one cannot be left out.
    fn same(&self, shell: &Shell, conv: &ConvState, area: Rect) -> bool {
        let Inputs {
            area: was_area,
            lang,
            colors,
            current,
            focus,
            editing,
            row,
            guide_scroll,
            revisit_scroll,
            notes,
            private,
            guide,
            record,
            revisited,
            carried,
        } = self;
        let s = &conv.session;
        *was_area == area
            && *lang == shell.settings.lang
            && *colors == shell.settings.colors
            && *current == conv.current()
            && *focus == conv.focus
            && *editing == conv.editing
            && *row == conv.row
            && *guide_scroll == conv.guide.state()
            && *revisit_scroll == conv.revisit.state()
            && *notes == conv.notes.revision()
            && *private == conv.private.revision()
            && s.phases.get(*current) == Some(record)
            && conv.revisited().map(|ri| &s.phases[ri]) == revisited.as_ref()
            && *carried == s.carried
            && *guide == s.guide
    }
}

/// The cells of an area, row after row.
fn cells_of(buffer: &Buffer, area: Rect) -> Vec<BufferCell> {
    let mut cells = Vec::with_capacity(usize::from(area.width) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let start = buffer.index_of(area.x, y);
        cells.extend_from_slice(&buffer.content[start..start + usize::from(area.width)]);
    }
    cells
}

/// Put `cells` (from [`cells_of`] for `area`) back into `buffer`.
fn put_cells(buffer: &mut Buffer, area: Rect, cells: &[BufferCell]) {
    let width = usize::from(area.width);
    for (row, y) in (area.top()..area.bottom()).enumerate() {
        let start = buffer.index_of(area.x, y);
        buffer.content[start..start + width]
            .clone_from_slice(&cells[row * width..(row + 1) * width]);
    }
}

/// What the side was last drawn from, and its cells once it was drawn
/// twice from the same.
#[derive(Default, Clone)]
struct Kept {
    inputs: Option<Inputs>,
    cells: Option<Vec<BufferCell>>,
}

impl Kept {
    /// Keep what the side is drawn from now; its cells are not known yet.
    /// The guide is copied only when it changed (it does not while a
    /// conversation goes on).
    fn update(&mut self, shell: &Shell, conv: &ConvState, area: Rect) {
        let guide = match self.inputs.take() {
            Some(was) if was.guide == conv.session.guide => was.guide,
            _ => conv.session.guide.clone(),
        };
        self.inputs = Some(Inputs::of(shell, conv, area, guide));
        self.cells = None;
    }
}

/// The side as last drawn, and how often it was drawn and copied.
#[derive(Default, Clone)]
pub struct PhaseCache {
    kept: RefCell<Kept>,
    drawn: Cell<usize>,
    copied: Cell<usize>,
}

impl fmt::Debug for PhaseCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PhaseCache")
            .field("cells", &self.kept.borrow().cells.is_some())
            .field("drawn", &self.drawn.get())
            .field("copied", &self.copied.get())
            .finish()
    }
}

impl PhaseCache {
    /// Draw the side into `area` with `draw`, or copy the cells kept when
    /// nothing it is drawn from changed.
    pub(super) fn render(
        &self,
        shell: &Shell,
        conv: &ConvState,
        frame: &mut Frame,
        area: Rect,
        draw: impl FnOnce(&mut Frame),
    ) {
        let area = area.intersection(frame.area());
        let mut kept = self.kept.borrow_mut();
        let same = kept
            .inputs
            .as_ref()
            .is_some_and(|inputs| inputs.same(shell, conv, area));
        if same
            && !cfg!(debug_assertions)
            && let Some(cells) = &kept.cells
        {
            put_cells(frame.buffer_mut(), area, cells);
            self.copied.set(self.copied.get() + 1);
            return;
        }
        draw(frame);
        if !same {
            // Changed (a key typed): only what it is drawn from is kept;
            // its cells are taken on the next frame that draws the same
            // (so typing does not pay for copying them out).
            self.drawn.set(self.drawn.get() + 1);
            kept.update(shell, conv, area);
            return;
        }
        let cells = cells_of(frame.buffer_mut(), area);
        match &kept.cells {
            Some(kept_cells) => {
                assert!(
                    *kept_cells == cells,
                    "the phase's side kept differs from the side drawn from the same inputs"
                );
                self.copied.set(self.copied.get() + 1);
            }
            None => {
                self.drawn.set(self.drawn.get() + 1);
                kept.cells = Some(cells);
            }
        }
    }

    /// How often the side was laid out and drawn, and how often its cells
    /// were copied instead (in a debug build: drawn and checked), since the
    /// screen was opened (for tests of the work a tick costs).
    pub fn work(&self) -> (usize, usize) {
        (self.drawn.get(), self.copied.get())
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::i18n::Lang;
    use crate::session::fixture::{at, guide};
    use crate::session::{Session, Timestamp};
    use crate::settings::Settings;
    use crate::tui::app::{App, Msg};
    use crate::tui::screens::{self, Screen};

    /// The conversation screen with 20 KB of notes in the phase on show.
    fn app() -> App {
        let mut app = App::new(Settings::new(Lang::Nl), Vec::new(), 0);
        let mut session = Session::new(&guide(), at(0));
        session.start(at(0));
        let sentence = "De school wil de leerlingen meer eigenaarschap geven. ";
        session.phases[0].notes = sentence.repeat(20 * 1024 / sentence.len());
        drop(app.update(
            Msg::Resumed {
                session: Box::new(session),
                file_name: "x.toml".into(),
            },
            at(0),
        ));
        app
    }

    fn work(app: &App) -> ((usize, usize), (usize, usize)) {
        match &app.screen {
            Screen::Conversation(c) => (c.drawn.work(), c.notes.wrap_work()),
            _ => panic!("not on the conversation screen"),
        }
    }

    fn draw(terminal: &mut Terminal<TestBackend>, app: &App, now: Timestamp) {
        terminal
            .draw(|f| screens::render(app, f, now))
            .expect("a test backend draws");
    }

    #[test]
    fn a_tick_that_moves_only_the_clock_lays_out_nothing_of_the_phase() {
        let mut app = app();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        let mut now = at(0) + TimeDelta::seconds(5);
        // The first frames learn how far the panes scroll.
        for _ in 0..3 {
            draw(&mut terminal, &app, now);
        }
        let ((drawn, copied), wraps) = work(&app);
        for _ in 0..5 {
            now += TimeDelta::seconds(1);
            drop(app.update(Msg::Tick, now));
            let before = terminal.backend().buffer().clone();
            draw(&mut terminal, &app, now);
            let after = terminal.backend().buffer();
            // The phase's side (right of the phase list, below the
            // clocks) stays as it was.
            let side: Vec<(u16, u16)> = before
                .diff(after)
                .iter()
                .map(|(x, y, _)| (*x, *y))
                .filter(|&(x, y)| x >= 34 && (3..34).contains(&y))
                .collect();
            assert!(side.is_empty(), "the phase's side changed: {side:?}");
        }
        let ((drawn_after, copied_after), wraps_after) = work(&app);
        assert_eq!(
            drawn_after, drawn,
            "no layout of the phase's side on a tick"
        );
        assert_eq!(copied_after, copied + 5);
        assert_eq!(wraps_after, wraps, "no wrap of the notes on a tick");
        // Text typed into the notes draws it anew, once.
        match &mut app.screen {
            Screen::Conversation(c) => assert!(c.notes.type_text("x")),
            _ => panic!("not on the conversation screen"),
        }
        draw(&mut terminal, &app, now);
        assert_eq!(work(&app).0.0, drawn + 1);
    }
}
