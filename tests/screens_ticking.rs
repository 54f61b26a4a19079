//! A tick that moves only the clocks draws only the parts that tick
//! (`leidraad::tui::ticking`, issue 17 point 3), and the screen is still
//! exactly the whole frame: after every tick, and after the next whole
//! frame, which ratatui draws against a screen it did not see change.

mod ui_support;

use chrono::{DateTime, FixedOffset, TimeDelta};
use leidraad::i18n::Lang;
use leidraad::tui::app::{App, Effect, Msg};
use leidraad::tui::screens;
use leidraad::tui::ticking::{self, Ticking};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use ui_support::{at, in_conversation, keys, t0};

/// A `TestBackend` that counts the cells it is given to write.
struct Counting {
    inner: TestBackend,
    cells: usize,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<_> = content.collect();
        self.cells += cells.len();
        self.inner.draw(cells.into_iter())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// The terminal as the event loop drives it, and what it keeps.
struct Screen {
    terminal: Terminal<Counting>,
    ticking: Option<Ticking>,
}

impl Screen {
    fn new(width: u16, height: u16) -> Screen {
        let backend = Counting {
            inner: TestBackend::new(width, height),
            cells: 0,
        };
        Screen {
            terminal: Terminal::new(backend).unwrap(),
            ticking: None,
        }
    }

    /// A whole frame as the event loop draws one: what ticks wrote put
    /// right, the parts kept when a tick asked for it. The cells written
    /// to put it right.
    fn whole(&mut self, app: &App, now: DateTime<FixedOffset>, keep: bool) -> usize {
        let mut ticking = self.ticking.take();
        let frame = self
            .terminal
            .draw(|f| screens::render(app, f, now))
            .unwrap();
        let fixes = ticking
            .as_mut()
            .map(|t| t.settle(frame.buffer))
            .unwrap_or_default();
        if keep {
            self.ticking = Ticking::keep(app, frame.buffer);
        }
        let n = fixes.len();
        ticking::write(self.terminal.backend_mut(), fixes).unwrap();
        n
    }

    /// A tick by its parts alone: the cells written, or `None` when the
    /// parts were not where they were kept.
    fn tick(&mut self, app: &App, now: DateTime<FixedOffset>) -> Option<usize> {
        let before = self.terminal.backend().cells;
        let ticking = self.ticking.as_mut().expect("parts kept");
        let drawn = ticking.draw(app, now, self.terminal.backend_mut()).unwrap();
        drawn.then(|| self.terminal.backend().cells - before)
    }

    fn shown(&self) -> &Buffer {
        self.terminal.backend().inner.buffer()
    }
}

/// The whole frame of `app` at `now`, drawn afresh.
fn fresh(app: &App, width: u16, height: u16, now: DateTime<FixedOffset>) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| screens::render(app, f, now))
        .unwrap()
        .buffer
        .clone()
}

/// What a terminal shows of a row: each cell's text and style, the cells
/// a wide character covers left out (a `TestBackend` keeps what was under
/// them, a terminal does not show it).
fn visible_row(buf: &Buffer, y: u16) -> Vec<(String, ratatui::style::Style)> {
    let mut row = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let Some(cell) = buf.cell((x, y)) else { break };
        row.push((cell.symbol().to_string(), cell.style()));
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1)).unwrap();
    }
    row
}

/// Whether the terminal shows `a` as it would show `b`; else the rows
/// that differ, for the failing assertion.
fn same_screen(a: &Buffer, b: &Buffer) -> Result<(), String> {
    let text = |buf: &Buffer, y: u16| -> String {
        visible_row(buf, y).into_iter().map(|(s, _)| s).collect()
    };
    let apart: String = (0..a.area.height)
        .filter(|&y| visible_row(a, y) != visible_row(b, y))
        .map(|y| {
            format!(
                "row {y} (text or style):\n  {}\n  {}\n",
                text(a, y),
                text(b, y)
            )
        })
        .collect();
    if apart.is_empty() { Ok(()) } else { Err(apart) }
}

/// The screen is what a whole frame drawn afresh shows.
#[track_caller]
fn assert_screen(s: &Screen, app: &App, now: DateTime<FixedOffset>, what: &str) {
    let area = s.shown().area;
    let want = fresh(app, area.width, area.height, now);
    if let Err(apart) = same_screen(s.shown(), &want) {
        panic!("{what}: the screen is not the whole frame:\n{apart}");
    }
}

fn secs(n: i64) -> DateTime<FixedOffset> {
    t0() + TimeDelta::seconds(n)
}

/// Tick the model at `now` the way the loop does; the effects.
fn tick(app: &mut App, now: DateTime<FixedOffset>) -> Vec<Effect> {
    app.update(Msg::Tick, now)
}

#[test]
fn ticks_write_only_the_cells_that_moved_and_the_screen_is_the_whole_frame() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = in_conversation(Lang::Nl);
        keys(&mut app, "Wat de school wil bereiken", secs(0));
        let mut s = Screen::new(width, height);
        s.whole(&app, secs(1), true);
        assert!(s.ticking.is_some(), "the conversation has parts that tick");
        for n in 2..=75 {
            tick(&mut app, secs(n));
            let written = s
                .tick(&app, secs(n))
                .expect("a tick that moves only the clocks draws only them");
            // The seconds of the total and of the phase (on top and in the
            // list), and at a minute the minutes too: a handful, never the
            // screen (4,800 cells at 120x40).
            assert!(
                (1..=24).contains(&written),
                "{written} cells at {n} s ({width}x{height})"
            );
            assert_screen(
                &s,
                &app,
                secs(n),
                &format!("tick at {n} s ({width}x{height})"),
            );
        }
    }
}

#[test]
fn the_whole_frame_after_ticks_puts_right_what_ratatui_did_not_see() {
    let mut app = in_conversation(Lang::Nl);
    let mut s = Screen::new(120, 40);
    // Kept with phase 1 at 0:00; the ticks take its clock to 1:05.
    s.whole(&app, secs(0), true);
    for n in 1..=65 {
        tick(&mut app, secs(n));
        assert!(s.tick(&app, secs(n)).is_some());
    }
    // `-`: the phase began a minute later, its clock shows 0:05. Its
    // first figure is what ratatui last drew there (the 0 of the kept
    // 0:00), so ratatui writes nothing there; the terminal shows the 1
    // of the ticks' 1:05.
    keys(&mut app, "<esc>-", secs(65));
    let fixes = s.whole(&app, secs(65), false);
    assert!(fixes > 0, "some cells only the ticks had changed");
    assert_screen(&s, &app, secs(65), "the key's frame");
    // And on: a key's frame keeps nothing, the next tick's frame does.
    assert!(s.ticking.is_none());
    tick(&mut app, secs(66));
    s.whole(&app, secs(66), true);
    tick(&mut app, secs(67));
    assert!(s.tick(&app, secs(67)).is_some());
    assert_screen(&s, &app, secs(67), "the tick after");
}

#[test]
fn a_paused_clock_and_an_overrun_phase_tick_by_their_parts_too() {
    let mut app = in_conversation(Lang::Nl);
    let mut s = Screen::new(100, 30);
    // Phase 1 has 5 minutes: past them it is over, in another colour.
    for n in [290, 299, 300, 301, 330] {
        tick(&mut app, secs(n));
        if s.ticking.is_none() {
            s.whole(&app, secs(n), true);
            continue;
        }
        assert!(s.tick(&app, secs(n)).is_some());
        assert_screen(&s, &app, secs(n), &format!("at {n} s"));
    }
    keys(&mut app, "<esc>t", secs(331));
    s.whole(&app, secs(331), false);
    tick(&mut app, at(6));
    s.whole(&app, at(6), true);
    tick(&mut app, at(7));
    assert!(s.tick(&app, at(7)).is_some());
    assert_screen(&s, &app, at(7), "paused");
}

#[test]
fn nothing_ticks_by_parts_under_a_question_a_form_or_on_another_screen() {
    let mut app = in_conversation(Lang::Nl);
    let mut s = Screen::new(100, 30);
    s.whole(&app, secs(0), true);
    assert!(s.ticking.is_some());
    // A question over the screen: the kept parts are not where they were.
    keys(&mut app, "<esc>f", secs(1));
    assert_eq!(s.tick(&app, secs(1)), None);
    s.whole(&app, secs(1), true);
    assert!(
        s.ticking.is_none(),
        "nothing ticks by parts under a question"
    );
    // The item form (phase 6 has a list).
    keys(&mut app, "n6a", secs(2));
    assert!(app.conv().is_some_and(|c| c.item_form.is_some()));
    s.whole(&app, secs(2), true);
    assert!(s.ticking.is_none(), "nothing ticks by parts under a form");
    keys(&mut app, "<esc><esc>", secs(3));
    s.whole(&app, secs(3), true);
    assert!(s.ticking.is_some());
    // Below the minimum size only a message is drawn.
    let mut small = Screen::new(30, 8);
    small.whole(&app, secs(3), true);
    assert!(small.ticking.is_none());
    // The home screen has no clock.
    let home = ui_support::app(Lang::Nl);
    let mut s = Screen::new(100, 30);
    s.whole(&home, secs(0), true);
    assert!(s.ticking.is_none());
}

#[test]
fn a_reminder_that_comes_or_goes_is_drawn_in_a_whole_frame() {
    let mut app = in_conversation(Lang::Nl);
    let mut s = Screen::new(100, 30);
    s.whole(&app, at(80), true);
    // "5 minutes before the end": a bell, so the loop draws the whole
    // frame; the banner moves the phase list down.
    let effects = tick(&mut app, at(85));
    assert!(effects.iter().any(|e| matches!(e, Effect::Bell)));
    assert_eq!(s.tick(&app, at(85)), None, "the banner moved the parts");
    s.whole(&app, at(85), true);
    assert_screen(&s, &app, at(85), "the banner's frame");
    // The banner goes after a while: the parts move back up.
    let mut gone = None;
    for n in 1..=600 {
        let now = at(85) + TimeDelta::seconds(n);
        let effects = tick(&mut app, now);
        let banner = app.conv().is_some_and(|c| c.banner.is_some());
        if !banner && effects.is_empty() {
            assert_eq!(
                s.tick(&app, now),
                None,
                "the banner's going moved the parts"
            );
        }
        if !banner || !effects.is_empty() {
            // Gone, or a save (the minute's): the loop draws the whole frame.
            s.whole(&app, now, true);
            assert_screen(&s, &app, now, &format!("whole frame, +{n} s"));
        } else {
            assert!(s.tick(&app, now).is_some());
            assert_screen(&s, &app, now, &format!("banner, +{n} s"));
        }
        if !banner {
            gone = Some(n);
            break;
        }
    }
    assert!(gone.is_some(), "the banner went within ten minutes");
}
