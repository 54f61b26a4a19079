//! The terminal app: the event loop.
//!
//! Map of the TUI:
//!
//! ```text
//!   crossterm events ──► keymap (mode, key) → Action ──► App::update(msg, now)
//!   wait timeout ────────► Msg::Tick ───────────────────►   │ the Screen on show
//!   saver results ───────► Msg::Saved / SaveFailed ─────►   │ (and its overlay)
//!   worker answers ──────► Msg::Sessions / Carried / … ─►   ▼ returns
//!                                                       Vec<Effect>
//!   runtime::Runtime::run ◄─────────────────────────────────┘
//!        ├ Save → saver thread (newest snapshot only, atomic write)
//!        ├ Create / Resume / Close → store (lock, one file) → Msg back
//!        └ RefreshSessions / carried items / SaveElsewhere → worker thread
//!   screens::render(&App, frame, now): only when something changed
//! ```
//!
//! `app` (the model) never touches the disk or the clock; `screens` hold
//! each screen's state, keys and drawing; `runtime` carries out the effects
//! and `worker` runs the slow ones; `widgets` hold the text inputs; `wait`
//! sleeps until input, a signal, a worker's answer, a hangup or the
//! model's next tick; `terminal` and `rescue` are the ways out. Only this file asks the
//! clock.

pub mod app;
pub mod keymap;
pub mod keys;
pub mod msg;
pub mod overlay;
pub mod runtime;
pub mod screens;
pub mod theme;
pub mod ticking;
pub mod wait;
pub mod widgets;
pub mod worker;

mod frames;
mod rescue;
mod terminal;

use std::mem::ManuallyDrop;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::Timelike;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::clock::Clock;
use crate::guide::Conversation;
use crate::session::Timestamp;
use crate::settings::Settings;
use crate::store::SessionStore;
use app::{App, Effect, GuideEntry, Msg, Severity};
use runtime::{Rescue, Runtime};
use ticking::Ticking;
use wait::{Waiter, Wake};

/// How the app should open.
#[derive(Debug, Clone)]
pub enum Start {
    /// The home screen.
    Home,
    /// The preparation of a guide, optionally with the client filled in.
    Guide {
        guide: Box<Conversation>,
        client: Option<String>,
    },
    /// Continue a session file.
    Resume(PathBuf),
}

/// Everything the TUI needs from the command line.
pub struct TuiContext {
    pub settings: Settings,
    pub guides: Vec<GuideEntry>,
    pub broken_guides: usize,
    pub store: SessionStore,
    pub clock: Box<dyn Clock>,
    pub start: Start,
}

/// Run the app until the user leaves. The terminal is restored on every way
/// out, including a panic (our hook) and SIGTERM, SIGHUP, SIGINT and
/// SIGQUIT.
pub fn run(ctx: TuiContext) -> Result<()> {
    let hangup = Arc::new(AtomicBool::new(false));
    for sig in wait::LEAVE_SIGNALS {
        signal_hook::flag::register(sig, Arc::clone(&hangup))
            .context("installing signal handlers")?;
    }
    // After the flag: a signal sets the flag before it wakes the loop.
    let waiter = Waiter::new().context("opening the terminal for input")?;
    let rescue: Rescue = Arc::new(Mutex::new(None));
    let texts = ctx.settings.texts();
    let mut rt = Runtime::new(
        ctx.store,
        &ctx.settings,
        Arc::clone(&rescue),
        waiter.waker().ok(),
    )
    .context("starting the saver thread")?;
    // Never dropped while unwinding: ratatui's drop shows the cursor and
    // reports a failure with `eprintln!`, which panics on a closed terminal
    // (see `terminal::drop_terminal`).
    let mut terminal = ManuallyDrop::new(terminal::init());
    rescue::install_hook(rt.store.clone(), rescue, texts);
    // Create crossterm's event reader now, so its own SIGWINCH pipe is in
    // place before the loop first waits (a zero timeout reads nothing).
    let _ = event::poll(Duration::ZERO);
    let mut app = App::new(ctx.settings, ctx.guides, ctx.broken_guides);
    rescue::say_copies(&mut app);
    let mut ui = EventLoop::new(
        &mut terminal,
        &mut rt,
        ctx.clock.as_ref(),
        &hangup,
        &waiter,
        app,
    );
    ui.open(ctx.start);
    let turns = std::panic::catch_unwind(AssertUnwindSafe(|| ui.turns()));
    let result = match turns {
        Ok(result) => result,
        Err(panic) => {
            // The hook has written the snapshot last handed to the saver;
            // the model may hold text typed since then.
            let now = ui.clock.now();
            rescue::rescue_model(&mut ui.app, ui.rt, now);
            std::panic::resume_unwind(panic)
        }
    };
    // Leaving on an error (the terminal is gone, say): secure the newest
    // snapshot too.
    if result.is_err()
        && let Some(outcome) = rt.secure()
    {
        rt.exit_note = Some(runtime::exit_note(texts, outcome));
    }
    rt.finish();
    terminal::restore();
    terminal::drop_terminal(ManuallyDrop::into_inner(terminal));
    match (result, rt.exit_note.take()) {
        (Err(e), Some(note)) => Err(e.context(note)),
        (Err(e), None) => Err(e),
        (Ok(()), Some(note)) => Err(anyhow::anyhow!(note)),
        (Ok(()), None) => Ok(()),
    }
}

/// The event loop's state between turns.
struct EventLoop<'a> {
    terminal: &'a mut DefaultTerminal,
    rt: &'a mut Runtime,
    clock: &'a dyn Clock,
    hangup: &'a AtomicBool,
    waiter: &'a Waiter,
    app: App,
    /// Messages for the model, in order.
    pending: Vec<Msg>,
    /// Something changed on screen since the last draw.
    redraw: bool,
    /// Something besides the clocks changed since the last draw: the
    /// whole frame is drawn (else only the parts that tick, when kept).
    whole: bool,
    /// The parts that move with the clock alone, kept from the last whole
    /// frame a tick drew (see `ticking`).
    ticking: Option<Ticking>,
    last_tick: Timestamp,
    last_minute: u32,
    /// crossterm may still hold events that the last burst left (it was
    /// cut at 8 ms): then the next wait does not sleep.
    more_waiting: bool,
    /// The key that makes a test build panic (see `test_panic_key`).
    panic_key: Option<KeyCode>,
    /// Tick every second whatever the model needs: a test build's clock
    /// that a test moves from outside (`clock::from_env`).
    every_second: bool,
    /// When the last plain characters came, while no other key followed
    /// them: the next within `typing_gap` are typed on (`Msg::TypedOn`).
    last_typed: Option<Instant>,
    typing_gap: Duration,
}

impl<'a> EventLoop<'a> {
    fn new(
        terminal: &'a mut DefaultTerminal,
        rt: &'a mut Runtime,
        clock: &'a dyn Clock,
        hangup: &'a AtomicBool,
        waiter: &'a Waiter,
        mut app: App,
    ) -> EventLoop<'a> {
        let now = clock.now();
        if let Ok(size) = terminal.size() {
            app.shell.size = Some((size.width, size.height));
        }
        EventLoop {
            terminal,
            rt,
            clock,
            hangup,
            waiter,
            app,
            pending: Vec::new(),
            redraw: true,
            whole: true,
            ticking: None,
            last_tick: now,
            last_minute: now.minute(),
            more_waiting: false,
            panic_key: test_panic_key(),
            every_second: cfg!(debug_assertions)
                && std::env::var_os("LEIDRAAD_TEST_NOW_FILE").is_some(),
            last_typed: None,
            typing_gap: app::typing_on::typing_gap(),
        }
    }

    /// The screen the app opens on, and what the store has to say.
    fn open(&mut self, start: Start) {
        for w in self.rt.store.warnings() {
            let text = w.message(self.app.texts());
            self.app.say(text, Severity::Warning);
        }
        match start {
            Start::Home => {}
            Start::Guide { guide, client } => {
                screens::prepare::open(&mut self.app, &guide, client, Vec::new());
                let effects = self.app.look_up_open_items();
                let now = self.clock.now();
                self.rt.run(effects, &mut self.pending, now);
            }
            Start::Resume(path) => {
                let now = self.clock.now();
                self.rt
                    .run(vec![Effect::Resume(path)], &mut self.pending, now);
            }
        }
    }

    /// The turns of the event loop, until the app quits or the terminal is
    /// gone.
    fn turns(&mut self) -> Result<()> {
        // The list of unfinished sessions reads every session file: it is
        // asked for after the first frame, and comes in off the UI thread.
        let mut sessions_asked = false;
        loop {
            let now = self.clock.now();
            self.tick(now);
            let outcomes = self.rt.outcomes();
            self.pending.extend(outcomes);
            self.handle_pending(now);
            if rescue::note_folder_sync(&mut self.app, &self.rt.store) {
                self.changed();
            }
            if self.rt.quit {
                return Ok(());
            }
            self.draw(now);
            if !sessions_asked {
                sessions_asked = true;
                self.rt.list_sessions();
            }
            if self.hangup.load(Ordering::Relaxed) {
                // Save and leave, the clock still running in the file.
                let effects = self.app.hang_up(self.clock.now());
                self.rt.run(effects, &mut self.pending, now);
                return Ok(());
            }
            self.wait_for_input();
        }
    }

    /// One tick per wall-clock second, also while keys keep arriving, so
    /// typing is saved within a second even when the wait never times out.
    fn tick(&mut self, now: Timestamp) {
        if now == self.last_tick {
            return;
        }
        self.last_tick = now;
        self.pending.push(Msg::Tick);
        // A paused clock changes nothing on screen but the minute.
        let paused = self.app.session().is_some_and(|s| s.is_paused());
        let clocks = self.app.session().is_some();
        if clocks && (!paused || now.minute() != self.last_minute) {
            self.redraw = true;
        }
        if self.app.shell.save_failing {
            self.changed();
        }
        self.last_minute = now.minute();
    }

    /// Every message to the model, and every effect it answers with, until
    /// none are left.
    fn handle_pending(&mut self, now: Timestamp) {
        while !self.pending.is_empty() {
            for msg in std::mem::take(&mut self.pending) {
                let tick = matches!(msg, Msg::Tick);
                if !tick {
                    self.changed();
                }
                if let (Msg::Key(key), Some(code)) = (&msg, self.panic_key)
                    && key.code == code
                {
                    panic!("test panic: LEIDRAAD_TEST_PANIC_KEY was pressed");
                }
                let effects = self.app.update(msg, now);
                // A tick that does something (a reminder, a save) may
                // change more than the clocks; one that changes the layout
                // (a banner going) moves the parts, which `Ticking` sees.
                if tick && !effects.is_empty() {
                    self.changed();
                }
                self.rt.run(effects, &mut self.pending, now);
            }
        }
    }

    /// Sleep until the model's next tick (the next whole second while a
    /// clock runs, the next minute while it is paused, none on the home
    /// screen: see `App::next_tick`), a key, a resize, a signal, a
    /// worker's answer, or the terminal going away; then take what the
    /// terminal has.
    fn wait_for_input(&mut self) {
        let now = self.clock.now();
        // A test clock (set from outside) and a save on its way are looked
        // at each second; else only when the model next needs a tick.
        let next = if self.every_second || self.rt.busy() {
            now + chrono::TimeDelta::seconds(1)
        } else {
            self.app.next_tick(now)
        };
        // `now` is a whole second: what is left of it is taken off.
        let subsec = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_millis())
            .unwrap_or(0);
        let millis = (next - now).num_milliseconds() - i64::from(subsec);
        let millis = u64::try_from(millis).unwrap_or(0);
        let timeout = Duration::from_millis(millis.max(10) + 5);
        let wake = if self.more_waiting {
            match self.waiter.wait(Duration::ZERO) {
                Wake::Timeout => Wake::Input,
                other => other,
            }
        } else {
            self.waiter.wait(timeout)
        };
        self.more_waiting = false;
        match wake {
            // A timeout: the next turn of the loop ticks.
            Wake::Timeout => {}
            // The terminal is gone (closed window): save and leave.
            Wake::Hangup => self.hangup.store(true, Ordering::Relaxed),
            Wake::Input => self.read_burst(),
        }
    }

    /// Take everything that is waiting (a paste, fast typing), then draw
    /// once. Only now is crossterm asked, and never to wait: on a hung-up
    /// terminal its own wait spins, and the waiter sleeps for us.
    fn read_burst(&mut self) {
        let burst = Instant::now();
        loop {
            // A zero timeout hands over the events crossterm parsed from its
            // last read (it reads up to 1 KB at a time) and reads what the
            // terminal has now, without waiting: our patch of crossterm
            // (vendor/crossterm/PATCH.md; upstream's zero timeout looked at
            // neither). So nothing typed is left inside crossterm when the
            // loop sleeps in the waiter, which wakes only on new bytes.
            let ready = event::poll(Duration::ZERO);
            match ready {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => {
                    self.hangup.store(true, Ordering::Relaxed);
                    break;
                }
            }
            match event::read() {
                Ok(ev) => {
                    if let Some(msg) = self.message_of(ev) {
                        self.push_input(msg);
                    }
                    self.changed();
                }
                Err(_) => {
                    self.hangup.store(true, Ordering::Relaxed);
                    break;
                }
            }
            if burst.elapsed() > Duration::from_millis(8) {
                self.more_waiting = true;
                break;
            }
        }
    }

    /// A run of plain characters is typed as one piece: the editor
    /// re-wraps once, not per key.
    fn push_input(&mut self, msg: Msg) {
        match (msg, self.pending.last_mut()) {
            (
                Msg::Typed(more) | Msg::TypedOn(more),
                Some(Msg::Typed(text) | Msg::TypedOn(text)),
            ) => text.push_str(&more),
            (msg, _) => self.pending.push(msg),
        }
    }

    /// Plain characters as a message: typed on when they come within the
    /// typing gap after the last ones (see `app/typing_on.rs`).
    fn typed(&mut self, text: String) -> Msg {
        let now = Instant::now();
        let on = app::typing_on::typed_on(self.last_typed, now, self.typing_gap);
        self.last_typed = Some(now);
        if on {
            Msg::TypedOn(text)
        } else {
            Msg::Typed(text)
        }
    }

    /// A terminal event as a message for the model (`Ctrl-Z` is handled
    /// here: it suspends the app).
    fn message_of(&mut self, ev: Event) -> Option<Msg> {
        match ev {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                    let now = self.clock.now();
                    terminal::suspend(
                        &mut self.app,
                        self.rt,
                        self.terminal,
                        &mut self.pending,
                        now,
                    );
                    // A new terminal, drawn in full.
                    self.ticking = None;
                    return None;
                }
                match key.code {
                    KeyCode::Char(c)
                        if !key
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                            && !c.is_control() =>
                    {
                        Some(self.typed(c.to_string()))
                    }
                    _ => {
                        self.last_typed = None;
                        Some(Msg::Key(key))
                    }
                }
            }
            Event::Paste(text) => {
                self.last_typed = None;
                Some(Msg::Paste(text))
            }
            Event::Resize(w, h) => {
                let _ = self.terminal.autoresize();
                Some(Msg::Resize(w, h))
            }
            _ => None,
        }
    }
}

/// Test builds only (`debug_assertions`, as `cargo test` builds): the key
/// named in `LEIDRAAD_TEST_PANIC_KEY` (`F1`…`F12`) makes the loop panic
/// where the model would take it, so the end-to-end tests can check the
/// panic path of the real binary. A release build has no such key.
#[cfg(debug_assertions)]
fn test_panic_key() -> Option<KeyCode> {
    let name = std::env::var("LEIDRAAD_TEST_PANIC_KEY").ok()?;
    let n: u8 = name.strip_prefix('F')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}

#[cfg(not(debug_assertions))]
fn test_panic_key() -> Option<KeyCode> {
    None
}
