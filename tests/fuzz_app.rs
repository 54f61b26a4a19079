//! Property tests of the app model (reliability.md test #11 and #12):
//! random keys, pastes, resizes and passing time, driven through
//! `App::update` from a conversation in progress and rendered after every
//! step into a `TestBackend` of the current size.
//!
//! Properties:
//! 1. update and render never panic;
//! 2. what the notes editor shows is always what the session holds, and
//!    text-only typing gives exactly the notes a simple reference model
//!    predicts;
//! 3. the session survives `to_toml` → `from_toml`, and no content is ever
//!    left unsaved once the model says it is clean or leaves the session;
//! 4. below the minimum size only the "make the window larger" message is
//!    drawn (as far as it fits).
//!
//! `LEIDRAAD_FUZZ_CASES=N` raises the number of cases for long runs.

mod ui_support;

use chrono::{DateTime, FixedOffset, TimeDelta};
use leidraad::i18n::Lang;
use leidraad::session::Session;
use leidraad::tui::app::{App, Effect, Msg};
use leidraad::tui::screens::{self, MIN_HEIGHT, MIN_WIDTH};
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ui_support::{in_conversation, t0};

/// Cases per property: `LEIDRAAD_FUZZ_CASES` or the default.
fn cases(default: u32) -> u32 {
    std::env::var("LEIDRAAD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default_cases),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Inputs

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

/// A piece of text: Dutch, decomposed marks, ZWJ emoji, CJK, right-to-left,
/// control characters, line ends of every kind, anything at all.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 .,;:!?'\"()-]{1,12}",
        3 => select(vec![
            "ë", "e\u{308}", "ĳ", "Ĳ", "é", "ï", "ö", "ü", "è", "à", "ç", "café",
            "één", "coördinatie", "zeeën", "ĳsje", "IJsselmeer", "cafe\u{301}",
            "o\u{308}\u{301}", "\u{308}",
        ])
        .prop_map(String::from),
        2 => select(vec![
            "🧑‍🏫", "👨‍👩‍👧‍👦", "👍🏽", "🇳🇱", "❤️", "😀", "\u{200d}", "\u{fe0f}", "🧑\u{200d}",
        ])
        .prop_map(String::from),
        1 => "[\u{4E00}-\u{9FFF}\u{3040}-\u{30FF}\u{AC00}-\u{D7A3}]{1,6}",
        2 => select(vec![
            "مرحبا بالعالم", "שלום עולם", "\u{200f}", "\u{202e}abc\u{202c}", "\u{202b}",
            "عربي 123 English", "\u{2067}",
        ])
        .prop_map(String::from),
        3 => select(vec![
            "\r\n", "\r", "\n", "\0", "\t", "\u{1b}", "\u{1b}[31m", "\u{1b}[2J", "\u{7f}",
            "\u{8}", "\u{7}", "\u{85}", "\u{9b}", "\u{2028}", "\u{2029}", "\u{feff}",
            "\u{ad}", "\u{200b}", "\n\n\n", "\r\r\n",
        ])
        .prop_map(String::from),
        1 => "[\u{0}-\u{1f}\u{7f}-\u{9f}]{1,4}",
        2 => any::<char>().prop_map(String::from),
    ]
}

fn text(max_fragments: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..max_fragments).prop_map(|v| v.concat())
}

/// Keys the app binds somewhere, and a few editing chords.
fn app_key() -> impl Strategy<Value = KeyEvent> {
    let codes = vec![
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(1),
    ];
    let chars: Vec<char> = "npadytsfq?+-=ioxej 123456789".chars().collect();
    prop_oneof![
        8 => select(codes).prop_map(key),
        1 => Just(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        8 => select(chars).prop_map(|c| key(KeyCode::Char(c))),
        2 => Just(ctrl('s')),
        1 => select("uwkjhaebfvzrynpm".chars().collect::<Vec<_>>()).prop_map(ctrl),
        1 => select("bfdhx".chars().collect::<Vec<_>>()).prop_map(alt),
        1 => Just(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT)),
        // Windows also reports releases; they must be ignored.
        1 => select("nqfa".chars().collect::<Vec<_>>()).prop_map(|c| {
            let mut ev = key(KeyCode::Char(c));
            ev.kind = KeyEventKind::Release;
            ev
        }),
    ]
}

/// A terminal size: mostly ordinary, often around the minimum, sometimes
/// anything from 1x1 to 300x120.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        8 => (40u16..=120, 10u16..=40),
        4 => (MIN_WIDTH - 2..=MIN_WIDTH + 2, MIN_HEIGHT - 2..=MIN_HEIGHT + 2),
        2 => (1u16..=300, 1u16..=120),
        1 => Just((300, 120)),
        2 => (1u16..=8, 1u16..=4),
    ]
}

#[derive(Debug, Clone)]
enum Ev {
    Key(KeyEvent),
    /// Characters typed one key at a time (as a terminal reports them).
    Type(String),
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// Minutes pass without input (reminders, overruns); negative: the
    /// wall clock jumps back.
    Wait(i64),
    /// Ctrl-C: save and leave the app (rare, it ends the run).
    CtrlC,
}

fn event() -> impl Strategy<Value = Ev> {
    prop_oneof![
        120 => app_key().prop_map(Ev::Key),
        80 => text(4).prop_map(Ev::Type),
        30 => text(30).prop_map(Ev::Paste),
        5 => (fragment(), 50usize..1_000).prop_map(|(f, n)| Ev::Paste(f.repeat(n))),
        30 => size().prop_map(|(w, h)| Ev::Resize(w, h)),
        30 => Just(Ev::Tick),
        10 => (1i64..=20).prop_map(Ev::Wait),
        // The wall clock jumps back (NTP, a changed time zone setting).
        2 => (-90i64..=-1).prop_map(Ev::Wait),
        1 => Just(Ev::CtrlC),
    ]
}

// ---------------------------------------------------------------------------
// The harness

/// What of a session is content (everything typed or chosen, not the clock).
#[derive(Debug, Clone, PartialEq)]
struct Content {
    phases: Vec<(String, String, Vec<usize>, String, String, bool)>,
    carried_done: Vec<bool>,
}

fn content(s: &Session) -> Content {
    Content {
        phases: s
            .phases
            .iter()
            .map(|p| {
                (
                    p.notes.clone(),
                    p.private_notes.clone(),
                    p.asked.clone(),
                    format!("{:?}", p.lists),
                    format!("{:?}", p.ratings),
                    p.skipped,
                )
            })
            .collect(),
        carried_done: s.carried.iter().map(|c| c.done).collect(),
    }
}

/// An app in a conversation, a terminal, a clock, and the newest snapshot
/// handed to the saver.
struct Rig {
    app: App,
    terminal: Terminal<TestBackend>,
    now: DateTime<FixedOffset>,
    saved: Option<Session>,
    /// The model asked to leave.
    quit: bool,
}

impl Rig {
    fn new(width: u16, height: u16) -> Rig {
        let app = in_conversation(Lang::Nl);
        let saved = app.session().cloned();
        assert!(!app.shell.dirty);
        Rig {
            app,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            now: t0() + TimeDelta::seconds(30),
            saved,
            quit: false,
        }
    }

    fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let effects = self.app.update(msg, self.now);
        for e in &effects {
            match e {
                Effect::Create(s) | Effect::Save(s) => self.saved = Some((**s).clone()),
                Effect::Quit => self.quit = true,
                _ => {}
            }
        }
        effects
    }

    fn apply(&mut self, ev: &Ev) {
        match ev {
            Ev::Key(k) => {
                self.update(Msg::Key(*k));
            }
            Ev::Type(s) => {
                for c in s.chars() {
                    self.update(Msg::Key(key(KeyCode::Char(c))));
                    if self.quit {
                        return;
                    }
                }
            }
            Ev::Paste(s) => {
                self.update(Msg::Paste(s.clone()));
            }
            Ev::Resize(w, h) => self.terminal.backend_mut().resize(*w, *h),
            Ev::Tick => {
                self.update(Msg::Tick);
            }
            Ev::Wait(min) => {
                self.now += TimeDelta::minutes(*min);
                self.update(Msg::Tick);
            }
            Ev::CtrlC => {
                self.update(Msg::Key(ctrl('c')));
            }
        }
    }

    fn render(&mut self) -> String {
        let (app, now) = (&self.app, self.now);
        let frame = self
            .terminal
            .draw(|f| screens::render(app, f, now))
            .expect("drawing never fails on a TestBackend");
        let area = frame.area;
        let buf = frame.buffer;
        let mut rows = String::new();
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                rows.push_str(buf[(x, y)].symbol());
            }
            rows.push('\n');
        }
        rows
    }

    /// Property 2 and 3 after every step.
    fn check(&self, before: Option<&Content>) -> Result<(), TestCaseError> {
        if let Some(conv) = self.app.conv() {
            let cur = conv.session.current;
            prop_assert!(cur < conv.session.phases.len());
            let record = &conv.session.phases[cur];
            prop_assert_eq!(
                &conv.notes.text(),
                &record.notes,
                "the notes editor and the session differ"
            );
            prop_assert_eq!(
                &conv.private.text(),
                &record.private_notes,
                "the private notes editor and the session differ"
            );
            if !self.app.shell.dirty {
                let saved = self.saved.as_ref().expect("something was saved");
                prop_assert_eq!(
                    content(saved),
                    content(&conv.session),
                    "the model is clean but the newest snapshot lacks content"
                );
            }
        } else if let Some(before) = before {
            // The session was just closed: its content went to the saver.
            let saved = self.saved.as_ref().expect("something was saved");
            prop_assert_eq!(
                &content(saved),
                before,
                "the session was closed without saving its content"
            );
        }
        Ok(())
    }
}

/// Property 4: below the minimum only the "make larger" message (as far as
/// it fits); at or above it, never that message.
fn check_small(app: &App, rows: &str, width: u16, height: u16) -> Result<(), TestCaseError> {
    let message = (app.texts().common.window_too_small)(width, height, MIN_WIDTH, MIN_HEIGHT);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        let drawn: String = rows.chars().filter(|c| !c.is_whitespace()).collect();
        let wanted: String = message.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert!(
            wanted.starts_with(&drawn),
            "{width}x{height}: {rows:?} is not (part of) {message:?}"
        );
        if width > 0 && height > 0 {
            prop_assert!(!drawn.is_empty(), "{width}x{height}: nothing drawn");
        }
        if width >= 24 {
            prop_assert!(
                rows.starts_with("Maak het venster groter"),
                "{width}x{height}: {rows:?}"
            );
        }
        if width as usize >= message.chars().count() {
            prop_assert_eq!(rows.lines().next().unwrap_or("").trim_end(), message);
        }
    } else {
        prop_assert!(
            !rows.contains("Maak het venster groter"),
            "{width}x{height}"
        );
    }
    Ok(())
}

fn round_trip(session: &Session) -> Result<(), TestCaseError> {
    let text = session
        .to_toml()
        .map_err(|e| TestCaseError::fail(format!("to_toml: {e}")))?;
    let back =
        Session::from_toml(&text).map_err(|e| TestCaseError::fail(format!("from_toml: {e}")))?;
    prop_assert!(back == *session, "the session changed in a round trip");
    Ok(())
}

fn run(start: (u16, u16), steps: &[(Ev, u8)]) -> Result<(), TestCaseError> {
    let mut rig = Rig::new(start.0, start.1);
    let rows = rig.render();
    check_small(&rig.app, &rows, start.0, start.1)?;
    for (ev, secs) in steps {
        rig.now += TimeDelta::seconds(i64::from(*secs));
        let before = rig.app.session().map(content);
        rig.apply(ev);
        rig.check(before.as_ref())?;
        if rig.quit {
            break;
        }
        let rows = rig.render();
        let size = rig.terminal.size().unwrap();
        check_small(&rig.app, &rows, size.width, size.height)?;
    }
    if let Some(s) = rig.app.session() {
        round_trip(s)?;
    }
    if let Some(s) = &rig.saved {
        round_trip(s)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    /// Properties 1–4 over random use of the whole app from a conversation.
    #[test]
    fn random_use_never_panics_or_loses_text(
        start in size(),
        steps in prop::collection::vec((event(), 0u8..=5), 0..200),
    ) {
        run(start, &steps)?;
    }
}

// ---------------------------------------------------------------------------
// Property 2: typing only, against a reference model

#[derive(Debug, Clone)]
enum TypeEv {
    Type(String),
    Enter,
    Backspace,
    /// Delete with the cursor at the end: nothing happens.
    Delete,
    /// Tab, Shift-Tab: not text, nothing happens while typing.
    Tab,
    Paste(String),
    Tick,
    CtrlS,
    Resize(u16, u16),
}

fn type_event() -> impl Strategy<Value = TypeEv> {
    prop_oneof![
        10 => text(4).prop_map(TypeEv::Type),
        3 => Just(TypeEv::Enter),
        5 => Just(TypeEv::Backspace),
        1 => Just(TypeEv::Delete),
        1 => Just(TypeEv::Tab),
        4 => text(30).prop_map(TypeEv::Paste),
        2 => Just(TypeEv::Tick),
        1 => Just(TypeEv::CtrlS),
        2 => size().prop_map(|(w, h)| TypeEv::Resize(w, h)),
    ]
}

/// What the notes editor does with pasted text (`TextInput::paste`): CRLF
/// and lone CR become a line break, other control characters than line
/// break and tab are dropped.
fn clean_paste(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// The reference: the notes as a plain string, edited at the end.
fn model(notes: &mut String, ev: &TypeEv) {
    match ev {
        // A typed CR or LF is a line break; every other character, even a
        // control character, is inserted as it is.
        TypeEv::Type(s) => {
            for c in s.chars() {
                notes.push(if c == '\r' { '\n' } else { c });
            }
        }
        TypeEv::Enter => notes.push('\n'),
        // One `char` (not a grapheme): ratatui-textarea's `delete_char`.
        TypeEv::Backspace => {
            notes.pop();
        }
        TypeEv::Paste(s) => notes.push_str(&clean_paste(s)),
        TypeEv::Delete | TypeEv::Tab | TypeEv::Tick | TypeEv::CtrlS | TypeEv::Resize(..) => {}
    }
}

fn run_typing(start: (u16, u16), steps: &[(TypeEv, u8)]) -> Result<(), TestCaseError> {
    let mut rig = Rig::new(start.0, start.1);
    prop_assert_eq!(rig.app.mode(), leidraad::tui::keymap::Mode::Editing);
    let mut reference = rig.app.session().unwrap().phases[0].notes.clone();
    prop_assert_eq!(&reference, "");
    for (ev, secs) in steps {
        rig.now += TimeDelta::seconds(i64::from(*secs));
        match ev {
            TypeEv::Type(s) => rig.apply(&Ev::Type(s.clone())),
            TypeEv::Enter => rig.apply(&Ev::Key(key(KeyCode::Enter))),
            TypeEv::Backspace => rig.apply(&Ev::Key(key(KeyCode::Backspace))),
            TypeEv::Delete => rig.apply(&Ev::Key(key(KeyCode::Delete))),
            TypeEv::Tab => {
                rig.apply(&Ev::Key(key(KeyCode::Tab)));
                rig.apply(&Ev::Key(KeyEvent::new(
                    KeyCode::BackTab,
                    KeyModifiers::SHIFT,
                )));
            }
            TypeEv::Paste(s) => rig.apply(&Ev::Paste(s.clone())),
            TypeEv::Tick => rig.apply(&Ev::Tick),
            TypeEv::CtrlS => rig.apply(&Ev::Key(ctrl('s'))),
            TypeEv::Resize(w, h) => rig.apply(&Ev::Resize(*w, *h)),
        }
        model(&mut reference, ev);
        rig.check(None)?;
        let session = rig.app.session().unwrap();
        prop_assert_eq!(session.current, 0);
        prop_assert_eq!(&session.phases[0].notes, &reference, "after {:?}", ev);
        rig.render();
    }
    // Ctrl-S hands over exactly what was typed, and it survives the file.
    rig.apply(&Ev::Key(ctrl('s')));
    let saved = rig.saved.clone().unwrap();
    prop_assert_eq!(&saved.phases[0].notes, &reference);
    round_trip(&saved)?;
    Ok(())
}

proptest! {
    #![proptest_config(config(40))]

    /// Property 2: typing, Enter, Backspace and pastes give exactly the
    /// reference model's notes, and Ctrl-S saves them.
    #[test]
    fn typed_notes_equal_the_reference_model(
        start in size(),
        steps in prop::collection::vec((type_event(), 0u8..=5), 0..200),
    ) {
        run_typing(start, &steps)?;
    }
}

// ---------------------------------------------------------------------------
// Fixed cases: large pastes, odd sizes

/// 1 MiB of mixed text in many lines.
fn mib_of_lines() -> String {
    let piece = "één café ĳs e\u{308} 🧑‍🏫 中文 مرحبا שלום\r\n\t\0\u{1b}[31m\rregel\n";
    let mut text = String::with_capacity(1 << 20);
    while text.len() + piece.len() <= 1 << 20 {
        text.push_str(piece);
    }
    text
}

fn paste_mib(text: &str) {
    let mut rig = Rig::new(80, 24);
    rig.apply(&Ev::Type("vooraf ".into()));
    rig.apply(&Ev::Paste(text.to_string()));
    rig.apply(&Ev::Type("achteraf".into()));
    let expected = format!("vooraf {}achteraf", clean_paste(text));
    assert!(
        rig.app.session().unwrap().phases[0].notes == expected,
        "the notes differ from the pasted text"
    );
    rig.check(None).unwrap();
    for (w, h) in [(80, 24), (300, 120), (1, 1), (MIN_WIDTH, MIN_HEIGHT)] {
        rig.apply(&Ev::Resize(w, h));
        let rows = rig.render();
        check_small(&rig.app, &rows, w, h).unwrap();
    }
    rig.now += TimeDelta::seconds(1);
    rig.apply(&Ev::Tick);
    let saved = rig.saved.clone().unwrap();
    assert!(saved.phases[0].notes == expected, "the saved notes differ");
    round_trip(&saved).unwrap();
    // Leaving typing mode and coming back keeps everything.
    rig.apply(&Ev::Key(key(KeyCode::Esc)));
    rig.apply(&Ev::Key(key(KeyCode::Char('n'))));
    rig.apply(&Ev::Key(key(KeyCode::Esc)));
    rig.apply(&Ev::Key(key(KeyCode::Char('p'))));
    assert!(rig.app.session().unwrap().phases[0].notes == expected);
    rig.render();
}

#[test]
fn a_mebibyte_paste_of_many_lines_is_kept_whole() {
    paste_mib(&mib_of_lines());
}

#[test]
fn a_mebibyte_paste_without_line_breaks_is_kept_whole() {
    let piece = "één café ĳs e\u{308} 🧑‍🏫 中文 مرحبا שלום ";
    let text = piece.repeat((1 << 20) / piece.len());
    paste_mib(&text);
}

#[test]
fn an_empty_paste_changes_nothing() {
    let mut rig = Rig::new(80, 24);
    rig.apply(&Ev::Paste(String::new()));
    rig.apply(&Ev::Paste("\0\u{1b}\u{7f}".into()));
    assert_eq!(rig.app.session().unwrap().phases[0].notes, "");
    assert!(!rig.app.shell.dirty);
}

/// Every screen the conversation can show, at odd sizes (including zero).
#[test]
fn every_screen_renders_at_odd_sizes() {
    let flows: &[&str] = &[
        "",                                     // typing
        "<esc>",                                // notes focus
        "<esc>?",                               // help
        "<esc>f",                               // confirm finish
        "<esc>a",                               // item form
        "<esc><tab><tab>",                      // questions
        "<esc>s",                               // summary
        "<esc>fy",                              // finished summary
        "<esc>q",                               // home
        "<esc>n<esc>n<esc>n<esc>n<esc>n<esc>n", // the last phases
    ];
    let sizes = [
        (0, 0),
        (0, 10),
        (10, 0),
        (1, 1),
        (20, 5),
        (MIN_WIDTH - 1, MIN_HEIGHT),
        (MIN_WIDTH, MIN_HEIGHT - 1),
        (MIN_WIDTH, MIN_HEIGHT),
        (80, 24),
        (200, 60),
        (300, 120),
    ];
    for flow in flows {
        let mut rig = Rig::new(80, 24);
        ui_support::keys(&mut rig.app, "één e\u{308} ĳ 🧑‍🏫 中文 שלום", rig.now);
        ui_support::keys(&mut rig.app, flow, rig.now);
        for (w, h) in sizes {
            rig.apply(&Ev::Resize(w, h));
            let rows = rig.render();
            check_small(&rig.app, &rows, w, h)
                .unwrap_or_else(|e| panic!("flow {flow:?} at {w}x{h}: {e}"));
        }
    }
}
