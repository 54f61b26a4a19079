//! The terminal app: the event loop and the effects it runs.
//!
//! Map of the TUI:
//!
//! ```text
//!   crossterm events ──► keymap (mode, key) → Action ──► App::update(msg, now)
//!   wait timeout (≤1 s) ─► Msg::Tick ───────────────────►      │ returns
//!   saver results ───────► Msg::Saved / SaveFailed ─────►      ▼
//!                                                        Vec<Effect>
//!   run_effect: Create / Save / Resume / Close / Bell / Quit ◄─┘
//!        │ Save → saver thread (newest snapshot only, atomic write)
//!        └ Create / Resume → store (lock, load, carried items) → Msg back
//!   screens::render(&App, frame, now): only when something changed
//! ```
//!
//! `app` (the model) never touches the disk or the clock; `screens` draw it;
//! `widgets` hold the text inputs; `wait` sleeps until input, a signal, a
//! hangup or the next second. Only this file calls `clock.now()`.

pub mod app;
pub mod keymap;
pub mod screens;
pub mod theme;
pub mod wait;
pub mod widgets;

use std::io::Write;
use std::mem::ManuallyDrop;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::Timelike;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::execute;

use crate::clock::Clock;
use crate::guide::Conversation;
use crate::i18n::Lang;
use crate::saver::{SaveOutcome, Saver};
use crate::session::{self, Session, Status};
use crate::store::{Listed, LockError, SessionLock, SessionStore};
use app::{App, Effect, GuideEntry, Msg, ResumeEntry, Severity};
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
    pub lang: Lang,
    pub colors: bool,
    pub bell: bool,
    pub guides: Vec<GuideEntry>,
    pub broken_guides: usize,
    pub store: SessionStore,
    pub clock: Box<dyn Clock>,
    pub start: Start,
}

/// What the panic hook may write as a rescue copy: the newest snapshot.
type Rescue = Arc<Mutex<Option<(PathBuf, Session)>>>;

/// Run the app until the user leaves. The terminal is restored on every way
/// out, including a panic (our hook) and SIGTERM/SIGHUP.
pub fn run(ctx: TuiContext) -> Result<()> {
    let hangup = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&hangup))
            .context("installing signal handlers")?;
    }
    // After the flag: a signal sets the flag before it wakes the loop.
    let waiter = Waiter::new().context("opening the terminal for input")?;
    let saver = Saver::spawn(ctx.store.clone()).context("starting the saver thread")?;
    let rescue: Rescue = Arc::new(Mutex::new(None));
    // Never dropped while unwinding: ratatui's drop shows the cursor and
    // reports a failure with `eprintln!`, which panics on a closed terminal
    // (see `drop_terminal`).
    let mut terminal = ManuallyDrop::new(init_terminal());
    install_rescue_hook(ctx.store.clone(), Arc::clone(&rescue), ctx.lang.texts());
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    // Create crossterm's event reader now, so its own SIGWINCH pipe is in
    // place before the loop first waits (a zero timeout reads nothing).
    let _ = event::poll(Duration::ZERO);
    let mut runtime = Runtime {
        store: ctx.store,
        saver,
        lock: None,
        path: None,
        rescue,
        bell: ctx.bell,
        newest: None,
        fallback: Vec::new(),
        exit_note: None,
        elsewhere: std::sync::mpsc::channel(),
    };
    let result = event_loop(
        &mut terminal,
        &mut runtime,
        ctx.clock.as_ref(),
        ctx.lang,
        ctx.colors,
        ctx.guides,
        ctx.broken_guides,
        ctx.start,
        &hangup,
        &waiter,
    );
    // Leaving on an error (the terminal is gone, say): secure the newest
    // snapshot too.
    if result.is_err()
        && let Some(outcome) = runtime.secure(ctx.lang.texts())
    {
        runtime.exit_note = Some(exit_note(ctx.lang.texts(), outcome));
    }
    runtime.saver.flush(Duration::from_millis(200));
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    // Never panic here: the terminal may be gone.
    let _ = ratatui::try_restore();
    drop_terminal(ManuallyDrop::into_inner(terminal));
    match (result, runtime.exit_note.take()) {
        (Err(e), Some(note)) => Err(e.context(note)),
        (Err(e), None) => Err(e),
        (Ok(()), Some(note)) => Err(anyhow::anyhow!(note)),
        (Ok(()), None) => Ok(()),
    }
}

/// What to tell the user when the session file could not be brought up to
/// date on the way out.
fn exit_note(t: &crate::i18n::Texts, outcome: Result<PathBuf, String>) -> String {
    match outcome {
        Ok(path) => (t.exit_saved_elsewhere)(&path.display().to_string()),
        Err(why) => (t.exit_not_saved)(&why),
    }
}

struct Runtime {
    store: SessionStore,
    saver: Saver,
    lock: Option<SessionLock>,
    path: Option<PathBuf>,
    rescue: Rescue,
    bell: bool,
    /// The newest snapshot of the open session, whether or not it reached
    /// the disk: what a last-resort copy is made of.
    newest: Option<Session>,
    /// Folders for a last-resort copy when the data folder cannot be
    /// written on the way out (Documents or home, then the temp folder).
    fallback: Vec<PathBuf>,
    /// Said on the way out, after the terminal is restored.
    exit_note: Option<String>,
    /// Copies being saved elsewhere (`Ctrl-O`), each on a thread of its
    /// own so that a slow target never blocks typing: their answers.
    elsewhere: (Sender<Msg>, Receiver<Msg>),
}

/// How long leaving waits for the last save before it makes a copy
/// elsewhere (SIGTERM/SIGHUP must be done within 2 seconds).
const LEAVE_FLUSH: Duration = Duration::from_millis(1200);

impl Runtime {
    /// What the saver and the copies elsewhere have finished since the
    /// last turn, as messages for the model.
    fn outcomes(&mut self, texts: &'static crate::i18n::Texts) -> Vec<Msg> {
        let mut msgs = Vec::new();
        while let Some(outcome) = self.saver.try_recv() {
            msgs.push(saved_msg(outcome, texts));
        }
        msgs.extend(self.elsewhere.1.try_iter());
        msgs
    }

    /// Save a copy of `session` into `dir` on a thread of its own; the
    /// answer comes back through [`Runtime::outcomes`].
    fn save_elsewhere(&self, dir: PathBuf, session: Session, texts: &'static crate::i18n::Texts) {
        let store = self.store.clone();
        let answer = self.elsewhere.0.clone();
        let spawned = std::thread::Builder::new()
            .name("leidraad-elsewhere".into())
            .spawn(move || {
                let _ = answer.send(match store.save_to(&dir, &session) {
                    Ok(path) => Msg::SavedElsewhere(path),
                    Err(e) => Msg::SaveFailed(e.message(texts)),
                });
            });
        if let Err(e) = spawned {
            let _ = self.elsewhere.0.send(Msg::SaveFailed(e.to_string()));
        }
    }

    /// Make sure the newest snapshot is on disk before the session is let
    /// go: wait briefly for the saver; if the data folder still cannot be
    /// written, save a copy into a fallback folder. Returns where the copy
    /// went (`Ok`) or why none could be made (`Err`); `None` when the
    /// session file itself is up to date.
    fn secure(&mut self, texts: &crate::i18n::Texts) -> Option<Result<PathBuf, String>> {
        let on_disk = self.saver.flush(LEAVE_FLUSH);
        let newest = self.newest.take()?;
        if on_disk && self.path.is_some() {
            return None;
        }
        let mut why = String::new();
        for dir in &self.fallback {
            match self.store.save_to(dir, &newest) {
                Ok(path) => {
                    self.saver.forget();
                    return Some(Ok(path));
                }
                Err(e) => why = e.message(texts),
            }
        }
        self.newest = Some(newest);
        Some(Err(why))
    }
}

#[allow(clippy::too_many_arguments)]
fn event_loop(
    terminal: &mut DefaultTerminal,
    rt: &mut Runtime,
    clock: &dyn Clock,
    lang: Lang,
    colors: bool,
    guides: Vec<GuideEntry>,
    broken: usize,
    start: Start,
    hangup: &AtomicBool,
    waiter: &Waiter,
) -> Result<()> {
    let mut app = App::new(lang, colors, guides, broken);
    app.elsewhere_default = directories::UserDirs::new()
        .map(|d| d.document_dir().unwrap_or(d.home_dir()).to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    rt.fallback = vec![app.elsewhere_default.clone(), std::env::temp_dir()];
    let now = clock.now();
    if let Ok(size) = terminal.size() {
        app.size = Some((size.width, size.height));
    }
    let mut pending: Vec<Msg> = Vec::new();
    for w in rt.store.warnings() {
        app.say(w.message(app.texts), Severity::Warning);
    }
    match start {
        Start::Home => {}
        Start::Guide { guide, client } => {
            screens::prepare::open(&mut app, &guide, client, Vec::new());
        }
        Start::Resume(path) => {
            let effects = vec![Effect::Resume(path)];
            run_effects(&mut app, rt, effects, &mut pending, now);
        }
    }
    let turns = std::panic::catch_unwind(AssertUnwindSafe(|| {
        turns(terminal, rt, clock, &mut app, pending, hangup, waiter)
    }));
    match turns {
        Ok(result) => result,
        Err(panic) => {
            // The hook has written the snapshot last handed to the saver;
            // the model may hold text typed since then.
            rescue_model(&mut app, rt, clock);
            std::panic::resume_unwind(panic)
        }
    }
}

/// The turns of the event loop, until the app quits or the terminal is gone.
fn turns(
    terminal: &mut DefaultTerminal,
    rt: &mut Runtime,
    clock: &dyn Clock,
    app: &mut App,
    mut pending: Vec<Msg>,
    hangup: &AtomicBool,
    waiter: &Waiter,
) -> Result<()> {
    let panic_key = test_panic_key();
    let now = clock.now();
    // The list of unfinished sessions reads every session file: it comes
    // after the first frame, so the app shows at once.
    let mut sessions_listed = false;
    let mut dirty_screen = true;
    let mut last_tick = now;
    let mut last_minute = now.minute();
    // crossterm may still hold events that the last burst left (it was cut
    // at 8 ms): then the next wait does not sleep.
    let mut more_waiting = false;
    loop {
        let now = clock.now();
        // One tick per wall-clock second, also while keys keep arriving, so
        // typing is saved within a second even when the wait never times out.
        if now != last_tick {
            last_tick = now;
            pending.push(Msg::Tick);
            // A paused clock changes nothing on screen but the minute.
            let paused = app.session().is_some_and(|s| s.is_paused());
            let ticking = match app.screen {
                app::Screen::Conversation | app::Screen::Summary => {
                    !paused || now.minute() != last_minute
                }
                _ => false,
            };
            if ticking || app.save_failing {
                dirty_screen = true;
            }
            last_minute = now.minute();
        }
        pending.extend(rt.outcomes(app.texts));
        while !pending.is_empty() {
            for msg in std::mem::take(&mut pending) {
                if !matches!(msg, Msg::Tick) {
                    dirty_screen = true;
                }
                if let (Msg::Key(key), Some(code)) = (&msg, panic_key)
                    && key.code == code
                {
                    panic!("test panic: LEIDRAAD_TEST_PANIC_KEY was pressed");
                }
                let effects = app.update(msg, now);
                run_effects(app, rt, effects, &mut pending, now);
            }
        }
        if app.quitting {
            return Ok(());
        }
        if dirty_screen && !hangup.load(Ordering::Relaxed) {
            // A terminal that cannot be drawn on is gone: save and leave
            // the way a hangup does.
            if terminal.draw(|f| screens::render(app, f, now)).is_err() {
                hangup.store(true, Ordering::Relaxed);
            }
            dirty_screen = false;
        }
        if !sessions_listed {
            sessions_listed = true;
            pending.push(Msg::Sessions(resumable(&rt.store)));
            continue;
        }
        if hangup.load(Ordering::Relaxed) {
            let effects = app.update(
                Msg::Key(event::KeyEvent::new(
                    KeyCode::Char('c'),
                    KeyModifiers::CONTROL,
                )),
                clock.now(),
            );
            run_effects(app, rt, effects, &mut pending, now);
            return Ok(());
        }
        // Sleep until the next whole second (the clocks tick), a key, a
        // resize, a signal, or the terminal going away.
        let millis = 1000
            - (std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_millis())
                .unwrap_or(0) as u64);
        let timeout = Duration::from_millis(millis.clamp(10, 1000) + 5);
        let wake = if more_waiting {
            match waiter.wait(Duration::ZERO) {
                Wake::Timeout => Wake::Input,
                other => other,
            }
        } else {
            waiter.wait(timeout)
        };
        more_waiting = false;
        match wake {
            // A timeout: the next turn of the loop ticks.
            Wake::Timeout => {}
            // The terminal is gone (closed window): save and leave.
            Wake::Hangup => hangup.store(true, Ordering::Relaxed),
            Wake::Input => {
                // Take everything that is waiting (a paste, fast typing),
                // then draw once. Only now is crossterm asked, and only
                // briefly: on a hung-up terminal its own wait spins.
                let burst = Instant::now();
                loop {
                    match event::poll(wait::PEEK) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(_) => {
                            hangup.store(true, Ordering::Relaxed);
                            break;
                        }
                    }
                    match event::read() {
                        Ok(ev) => {
                            match (to_msg(ev, app, rt, terminal), pending.last_mut()) {
                                // A run of plain characters is typed as one
                                // piece: the editor re-wraps once, not per key.
                                (Some(Msg::Typed(more)), Some(Msg::Typed(text))) => {
                                    text.push_str(&more)
                                }
                                (Some(msg), _) => pending.push(msg),
                                (None, _) => {}
                            }
                            dirty_screen = true;
                        }
                        Err(_) => {
                            hangup.store(true, Ordering::Relaxed);
                            break;
                        }
                    }
                    if burst.elapsed() > Duration::from_millis(8) {
                        more_waiting = true;
                        break;
                    }
                }
            }
        }
    }
}

/// After a panic in the loop: write what the model holds now (also what
/// was typed since the last save) as the rescue copy, over the one the
/// hook wrote from the last snapshot. Nothing here may panic again.
fn rescue_model(app: &mut App, rt: &Runtime, clock: &dyn Clock) {
    let Some(path) = rt.path.clone() else {
        return;
    };
    let newest = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // The notes editors hand their text to the session only now and
        // then (as Ctrl-C does): take it first.
        if let Some(conv) = app.conv.as_mut() {
            conv.sync_editor();
        }
        let mut session = app.save_now().into_iter().find_map(|e| match e {
            Effect::Save(session) | Effect::Create(session) => Some(*session),
            _ => None,
        })?;
        session.mark_saved(clock.now());
        let text = crate::store::session_text(&session).ok()?;
        Some((session, text))
    }));
    let Ok(Some((session, text))) = newest else {
        return;
    };
    let Some(written) = rt.store.write_rescue(&path, &text) else {
        return;
    };
    // A later panic (while unwinding) writes this one again, not an older one.
    if let Ok(mut slot) = rt.rescue.try_lock() {
        *slot = Some((path, session));
    }
    if !RESCUE_REPORTED.swap(true, Ordering::SeqCst) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            (app.texts.exit_rescued)(&written.display().to_string())
        );
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

fn to_msg(
    ev: Event,
    app: &mut App,
    rt: &mut Runtime,
    terminal: &mut DefaultTerminal,
) -> Option<Msg> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                suspend(app, rt, terminal);
                return None;
            }
            match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                        && !c.is_control() =>
                {
                    Some(Msg::Typed(c.to_string()))
                }
                _ => Some(Msg::Key(key)),
            }
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => {
            let _ = terminal.autoresize();
            Some(Msg::Resize(w, h))
        }
        _ => None,
    }
}

/// Ctrl-Z: save, give the terminal back, stop; on `fg`, take it again.
fn suspend(app: &mut App, rt: &mut Runtime, terminal: &mut DefaultTerminal) {
    for effect in app.save_now() {
        if let Effect::Save(session) = effect {
            save(rt, *session);
        }
    }
    rt.saver.flush(Duration::from_secs(2));
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    let _ = terminal.show_cursor();
    let _ = ratatui::try_restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    // After `fg` (SIGCONT): take the terminal again. The caller marks the
    // screen dirty, and the cleared terminal is drawn in full.
    drop_terminal(std::mem::replace(terminal, init_terminal()));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let _ = terminal.clear();
}

fn saved_msg(outcome: SaveOutcome, t: &crate::i18n::Texts) -> Msg {
    match outcome {
        SaveOutcome::Saved { .. } => Msg::Saved,
        SaveOutcome::SavedAs { new_path, .. } => Msg::SavedAs(file_name(&new_path)),
        SaveOutcome::Failed { error, kind, .. } => {
            Msg::SaveFailed(crate::store::io_reason(kind, &error, t))
        }
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn save(rt: &mut Runtime, session: Session) {
    rt.newest = Some(session.clone());
    let Some(path) = rt.path.clone() else {
        return;
    };
    // The folder could not be written when the session began: the lock is
    // taken as soon as it can be.
    if rt.lock.is_none()
        && let Ok(lock) = rt.store.lock(&path)
    {
        rt.lock = Some(lock);
    }
    if let Ok(mut slot) = rt.rescue.lock() {
        *slot = Some((path.clone(), session.clone()));
    }
    rt.saver.save(path, session);
}

fn run_effects(
    app: &mut App,
    rt: &mut Runtime,
    effects: Vec<Effect>,
    pending: &mut Vec<Msg>,
    now: session::Timestamp,
) {
    for effect in effects {
        match effect {
            Effect::Create(session) => pending.extend(create(rt, *session, now)),
            Effect::Save(mut session) => {
                session.mark_saved(now);
                save(rt, *session);
            }
            Effect::Resume(path) => pending.push(open_existing(rt, path)),
            Effect::Close => {
                // Back home: the session leaves memory, so it must be
                // safe somewhere first.
                if let Some(outcome) = rt.secure(app.texts) {
                    pending.push(match outcome {
                        Ok(path) => Msg::SavedElsewhere(path),
                        Err(why) => Msg::SaveFailed(why),
                    });
                }
                rt.newest = None;
                rt.lock = None;
                rt.path = None;
                if let Ok(mut slot) = rt.rescue.lock() {
                    *slot = None;
                }
            }
            Effect::RefreshSessions => pending.push(Msg::Sessions(resumable(&rt.store))),
            Effect::SaveElsewhere(dir, mut session) => {
                session.mark_saved(now);
                rt.save_elsewhere(dir, *session, app.texts);
            }
            Effect::Bell => {
                if rt.bell {
                    let mut out = std::io::stdout();
                    let _ = out.write_all(b"\x07");
                    let _ = out.flush();
                }
            }
            Effect::Quit => {
                if let Some(outcome) = rt.secure(app.texts) {
                    rt.exit_note = Some(exit_note(app.texts, outcome));
                }
            }
        }
    }
}

/// A new session: pick its file name, lock it, bring in the open items of
/// earlier sessions with the same client, save it. A preparation that was
/// saved already keeps its file; when its conversation starts, the file
/// moves to a name with the start time and the client (see `rename`).
fn create(rt: &mut Runtime, mut session: Session, now: session::Timestamp) -> Vec<Msg> {
    let mut msgs = Vec::new();
    let path = match rt.path.clone() {
        Some(old) => rename(rt, &session, old, now),
        None => {
            let path = rt.store.path_for_new(&session);
            // A folder that cannot be written does not stop the
            // conversation: the notes stay in memory, saving is retried
            // (and shown failing), Ctrl-O saves elsewhere, and leaving
            // makes a copy elsewhere.
            match rt.store.lock(&path) {
                Ok(lock) => rt.lock = Some(lock),
                Err(e) => msgs.push(Msg::OpenFailed(e.to_string())),
            }
            path
        }
    };
    let client = session.client_value().to_string();
    // Open items come along when the conversation starts (the client is
    // known by then), not into a preparation.
    let carried = if client.trim().is_empty() || session.started.is_none() {
        Vec::new()
    } else {
        let earlier: Vec<Session> = rt
            .store
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|l| match l {
                Listed::Session(h)
                    if h.client.trim().to_lowercase() == client.trim().to_lowercase() =>
                {
                    rt.store.load(&h.path).ok()
                }
                _ => None,
            })
            .collect();
        session::open_carried_items(&earlier, &client)
    };
    session.carried = carried.clone();
    session.mark_saved(now);
    rt.path = Some(path.clone());
    save(rt, session);
    msgs.insert(
        0,
        Msg::Opened {
            file_name: file_name(&path),
            carried,
        },
    );
    msgs
}

/// The file a saved preparation goes on in, now that its conversation
/// starts: the same one if its name already says when and with whom,
/// else a new one. The new file is written and synced before the old one
/// is deleted, so a crash in between leaves two copies, never none; if
/// the new one cannot be written, the session stays in the old file.
fn rename(rt: &mut Runtime, session: &Session, old: PathBuf, now: session::Timestamp) -> PathBuf {
    if crate::store::is_named_for(&file_name(&old), session) {
        return old;
    }
    // Nothing for the old name may still be on its way to the disk.
    rt.saver.flush(LEAVE_FLUSH);
    let new = rt.store.path_for_new(session);
    let Ok(lock) = rt.store.lock(&new) else {
        return old;
    };
    let mut first = session.clone();
    first.mark_saved(now);
    if rt.store.save(&new, &first).is_err() {
        return old;
    }
    rt.lock = Some(lock);
    let _ = rt.store.delete(&old);
    new
}

fn open_existing(rt: &mut Runtime, path: PathBuf) -> Msg {
    let lock = match rt.store.lock(&path) {
        Ok(lock) => lock,
        // Open for writing in another window: show it read-only.
        Err(LockError::Busy { .. }) => {
            return match rt.store.load(&path) {
                Ok(session) => Msg::Viewing {
                    session: Box::new(session),
                    file_name: file_name(&path),
                    path,
                },
                Err(e) => Msg::OpenFailed(e.to_string()),
            };
        }
        Err(e) => return Msg::OpenFailed(e.to_string()),
    };
    let rescue = rt.store.rescues().into_iter().find(|r| r.session == path);
    let loaded = match (rt.store.load(&path), &rescue) {
        // A rescue copy from a crash: take whichever of the two is newer,
        // write it as the session, and only then let go of the copy.
        (Ok(session), Some(r)) => match rt.store.load_rescue(r) {
            // The copy is written at the crash, after every save of that
            // run: on the same second it is the newer one.
            Ok(rescued) if rescued.saved >= session.saved => Ok(rescued),
            _ => Ok(session),
        },
        (Err(_), Some(r)) => rt.store.load_rescue(r),
        (result, None) => result,
    };
    if let (Ok(session), Some(r)) = (&loaded, &rescue)
        && rt.store.save(&path, session).is_ok()
    {
        let _ = rt.store.discard_rescue(r);
    }
    match loaded {
        Ok(session) => {
            rt.lock = Some(lock);
            rt.path = Some(path.clone());
            Msg::Resumed {
                session: Box::new(session),
                file_name: file_name(&path),
            }
        }
        Err(e) => Msg::OpenFailed(e.to_string()),
    }
}

/// The unfinished sessions, newest first.
fn resumable(store: &SessionStore) -> Vec<ResumeEntry> {
    let rescues = store.rescues();
    store
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| match l {
            Listed::Session(h) if h.status == Status::InProgress => Some(ResumeEntry {
                path: h.path.clone(),
                file_name: h.file_name.clone(),
                title: h.guide_title.clone(),
                client: h.client.clone(),
                created: h.created,
                rescued: rescues.iter().any(|r| r.session == h.path),
                preparing: h.started.is_none(),
            }),
            _ => None,
        })
        .collect()
}

/// Raw mode and the alternate screen, without ratatui's panic hook (ours
/// restores the terminal itself, after the rescue copy is safe, and never
/// panics on a terminal that is gone).
fn init_terminal() -> DefaultTerminal {
    let ours = std::panic::take_hook();
    let terminal = ratatui::init();
    let _ = std::panic::take_hook();
    std::panic::set_hook(ours);
    terminal
}

/// Drop the terminal. ratatui's drop shows the cursor and, when that
/// fails (the terminal is gone), reports it with `eprintln!`, which panics
/// on a closed stderr: then the terminal is forgotten instead.
fn drop_terminal(mut terminal: DefaultTerminal) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// Whether the rescue message has been printed (by the hook, or after the
/// loop wrote a newer copy).
static RESCUE_REPORTED: AtomicBool = AtomicBool::new(false);

/// On a panic: first write the newest snapshot as a rescue copy beside the
/// session, then restore the terminal, then say what happened and where
/// the copy is. Nothing here may panic again (stderr may be gone).
fn install_rescue_hook(store: SessionStore, rescue: Rescue, texts: &'static crate::i18n::Texts) {
    let previous = std::panic::take_hook();
    let ui = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        let written = rescue.try_lock().ok().and_then(|slot| {
            let (path, session) = slot.as_ref()?;
            let text = crate::store::session_text(session).ok()?;
            store.write_rescue(path, &text)
        });
        // On another thread (the saver, which catches it and retries) the
        // app goes on: the terminal stays as it is and nothing is printed
        // over the screen.
        if std::thread::current().id() != ui {
            return;
        }
        let _ = execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            ratatui::crossterm::cursor::Show
        );
        let _ = ratatui::try_restore();
        previous(info);
        if let Some(written) = written
            && !RESCUE_REPORTED.swap(true, Ordering::SeqCst)
        {
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                (texts.exit_rescued)(&written.display().to_string())
            );
        }
    }));
}
