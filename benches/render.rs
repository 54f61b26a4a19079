//! Render benchmarks: the conversation screen and the home screen, drawn
//! through a real `ratatui::Terminal`.
//!
//! Two backends:
//! - `TestBackend` at 120x40 and 80x24 (what the snapshot tests use);
//! - `CrosstermBackend` over a byte-counting sink at 120x40 (what the app
//!   really does: buffer diff plus escape sequences), which also gives the
//!   bytes each frame sends to the terminal.
//!
//! Frames, at 0, 2, 20 and 100 KB of notes in the phase on screen:
//! - `full`: a first frame into an empty terminal (after a clear);
//! - `tick`: the same state one second later (`Msg::Tick`, then draw);
//! - `tick-parts`: the same, drawn the way the app draws a tick that moves
//!   only the clocks (`leidraad::tui::ticking`: the parts that tick, and
//!   only the cells that changed);
//! - `key`: one key typed into the notes (`Msg::Key`, then draw), `a` and
//!   Backspace alternating so the notes keep their size.
//!
//! Run: `cargo bench --bench render -- --quick`. The byte table is printed
//! first; it is deterministic (same state, same bytes).

use std::cell::Cell;
use std::hint::black_box;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leidraad::catalog::Catalog;
use leidraad::i18n::Lang;
use leidraad::session::{Session, Timestamp};
use leidraad::settings::Settings;
use leidraad::tui::app::{App, GuideEntry, Msg, ResumeEntry};
use leidraad::tui::screens;
use leidraad::tui::ticking::Ticking;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Notes sizes in KB.
const SIZES: [usize; 4] = [0, 2, 20, 100];
/// Terminal sizes for the TestBackend runs.
const AREAS: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// A writer that counts the bytes and drops them.
#[derive(Clone, Default)]
struct Counting(Rc<Cell<u64>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("valid timestamp")
}

fn guides() -> Vec<GuideEntry> {
    Catalog::bundled()
        .guides
        .into_iter()
        .map(|g| GuideEntry {
            guide: g.guide,
            source: "bundled".into(),
            replaces_bundled: false,
        })
        .collect()
}

/// Dutch-looking prose of about `bytes` bytes, in paragraphs of a few
/// sentences separated by blank lines, as a consultant types them.
fn notes(bytes: usize) -> String {
    const SENTENCES: [&str; 6] = [
        "De school wil de leerlingen meer eigenaarschap geven over hun culturele ontwikkeling.",
        "Het kernteam heeft dit jaar drie pilots gedraaid, waarvan twee met een externe partner.",
        "Leerlingen gaven aan dat ze vaker zelf willen kiezen welke discipline ze verdiepen.",
        "De docent van buiten het kernteam merkte op dat de planning nog erg strak is.",
        "Afspraak: voor de kerstvakantie een overzicht maken van de doorgaande leerlijn.",
        "Er is behoefte aan meer tijd voor reflectie na elke activiteit, ook met de ouders.",
    ];
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
        out.push_str(if i.is_multiple_of(4) { "\n\n" } else { " " });
    }
    out.truncate(out.trim_end().len());
    out
}

/// The app on the conversation screen of a started voortgangsgesprek with
/// `kb` KB of notes in the first phase, typing in the notes.
fn conversation_app(kb: usize) -> App {
    let catalog = Catalog::bundled();
    let guide = catalog
        .conversation("voortgangsgesprek")
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = t0();
    let mut session = Session::new(&guide, now);
    session
        .set_field("school", "De Regenboog")
        .expect("school field");
    session.client = "De Regenboog".into();
    session.start(now);
    session.phases[0].notes = notes(kb * 1024);
    let mut app = App::new(Settings::new(Lang::Nl), guides(), 0);
    screens::conversation::open(&mut app, session);
    app
}

/// The app on the home screen with `resumable` unfinished sessions.
fn home_app(resumable: usize) -> App {
    let mut app = App::new(Settings::new(Lang::Nl), guides(), 0);
    app.home.resumable = (0..resumable)
        .map(|i| ResumeEntry {
            path: format!("/data/s{i}.toml").into(),
            file_name: format!(
                "2026-11-{:02}_0900_voortgangsgesprek_school-{i}.toml",
                1 + i % 28
            ),
            title: "Voortgangsgesprek".into(),
            client: format!("School {i}"),
            when: t0() - TimeDelta::days(i as i64),
            rescued: false,
            preparing: false,
        })
        .collect();
    app
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The frame kinds, driven the same way for every backend.
struct Driver {
    app: App,
    now: Timestamp,
    typed: bool,
}

impl Driver {
    fn new(app: App) -> Driver {
        Driver {
            app,
            now: t0(),
            typed: false,
        }
    }

    fn tick(&mut self) {
        self.now += TimeDelta::seconds(1);
        let _ = self.app.update(Msg::Tick, self.now);
    }

    fn key(&mut self) {
        let code = if self.typed {
            KeyCode::Backspace
        } else {
            KeyCode::Char('a')
        };
        self.typed = !self.typed;
        let _ = self.app.update(key(code), self.now);
    }

    /// A whole frame, keeping the parts that tick (as the app does on a
    /// frame a tick asked for).
    fn keep<B: Backend>(&self, terminal: &mut Terminal<B>) -> Ticking {
        let now = self.now;
        let frame = terminal
            .draw(|f| screens::render(&self.app, f, now))
            .unwrap_or_else(|_| panic!("draw failed"));
        Ticking::keep(&self.app, frame.buffer).expect("the conversation has parts that tick")
    }

    /// A tick drawn by its parts.
    fn tick_parts<B: Backend>(&mut self, ticking: &mut Ticking, terminal: &mut Terminal<B>) {
        self.tick();
        let drawn = ticking
            .draw(&self.app, self.now, terminal.backend_mut())
            .unwrap_or_else(|_| panic!("draw failed"));
        assert!(drawn, "only the clocks moved");
    }

    fn draw<B: Backend>(&self, terminal: &mut Terminal<B>) {
        let now = self.now;
        terminal
            .draw(|f| screens::render(&self.app, f, now))
            .map(|_| ())
            .unwrap_or_else(|_| panic!("draw failed"));
    }
}

fn counting_terminal(w: u16, h: u16) -> (Terminal<CrosstermBackend<Counting>>, Rc<Cell<u64>>) {
    let sink = Counting::default();
    let bytes = Rc::clone(&sink.0);
    let terminal = Terminal::with_options(
        CrosstermBackend::new(sink),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("fixed viewport");
    (terminal, bytes)
}

/// Bytes per frame, printed as a table (deterministic).
fn print_bytes() {
    println!("bytes to the terminal per frame (CrosstermBackend, 120x40)");
    println!("| screen | full | tick | tick by parts | key |");
    println!("|---|---|---|---|---|");
    for kb in SIZES {
        let (mut term, bytes) = counting_terminal(120, 40);
        let mut d = Driver::new(conversation_app(kb));
        d.draw(&mut term);
        let full = bytes.replace(0);
        // Settle (first tick may change the minute display etc.).
        d.tick();
        d.draw(&mut term);
        bytes.set(0);
        d.tick();
        d.draw(&mut term);
        let tick = bytes.replace(0);
        let mut ticking = d.keep(&mut term);
        bytes.set(0);
        d.tick_parts(&mut ticking, &mut term);
        let parts = bytes.replace(0);
        d.key();
        d.draw(&mut term);
        let key = bytes.replace(0);
        println!("| conversation, {kb} KB notes | {full} | {tick} | {parts} | {key} |");
    }
    let (mut term, bytes) = counting_terminal(120, 40);
    let d = Driver::new(home_app(5));
    d.draw(&mut term);
    let full = bytes.replace(0);
    d.draw(&mut term);
    let again = bytes.replace(0);
    println!("| home, 5 resumable | {full} | {again} (redraw) | – | – |");
    println!();
}

fn bench_conversation(c: &mut Criterion) {
    print_bytes();
    let mut group = c.benchmark_group("conversation");
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    group.sample_size(20);
    for kb in SIZES {
        // The real path: buffer diff + escape sequences into a sink.
        let (mut term, _) = counting_terminal(120, 40);
        let mut d = Driver::new(conversation_app(kb));
        group.bench_function(format!("crossterm/120x40/{kb}KB/full"), |b| {
            b.iter_batched(
                || counting_terminal(120, 40).0,
                |mut fresh| d.draw(&mut fresh),
                BatchSize::SmallInput,
            )
        });
        group.bench_function(format!("crossterm/120x40/{kb}KB/tick"), |b| {
            b.iter(|| {
                d.tick();
                d.draw(&mut term);
            })
        });
        let mut ticking = d.keep(&mut term);
        group.bench_function(format!("crossterm/120x40/{kb}KB/tick-parts"), |b| {
            b.iter(|| d.tick_parts(&mut ticking, &mut term))
        });
        d.draw(&mut term);
        group.bench_function(format!("crossterm/120x40/{kb}KB/key"), |b| {
            b.iter(|| {
                d.key();
                d.draw(&mut term);
            })
        });
        group.bench_function(format!("update-only/{kb}KB/key"), |b| b.iter(|| d.key()));
        for (w, h) in AREAS {
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
            let mut d = Driver::new(conversation_app(kb));
            group.bench_function(format!("test/{w}x{h}/{kb}KB/full"), |b| {
                b.iter_batched(
                    || Terminal::new(TestBackend::new(w, h)).expect("test backend"),
                    |mut fresh| d.draw(&mut fresh),
                    BatchSize::SmallInput,
                )
            });
            group.bench_function(format!("test/{w}x{h}/{kb}KB/tick"), |b| {
                b.iter(|| {
                    d.tick();
                    d.draw(&mut term);
                })
            });
            group.bench_function(format!("test/{w}x{h}/{kb}KB/key"), |b| {
                b.iter(|| {
                    d.key();
                    d.draw(&mut term);
                })
            });
        }
    }
    group.finish();
}

fn bench_home(c: &mut Criterion) {
    let mut group = c.benchmark_group("home");
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    group.sample_size(20);
    let d = Driver::new(home_app(5));
    group.bench_function("crossterm/120x40/full", |b| {
        b.iter_batched(
            || counting_terminal(120, 40).0,
            |mut fresh| d.draw(&mut fresh),
            BatchSize::SmallInput,
        )
    });
    for (w, h) in AREAS {
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        group.bench_function(format!("test/{w}x{h}/full"), |b| {
            b.iter_batched(
                || Terminal::new(TestBackend::new(w, h)).expect("test backend"),
                |mut fresh| d.draw(&mut fresh),
                BatchSize::SmallInput,
            )
        });
        group.bench_function(format!("test/{w}x{h}/redraw"), |b| {
            b.iter(|| d.draw(black_box(&mut term)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_conversation, bench_home);
criterion_main!(benches);
