//! Driving the real `leidraad` binary in a private tmux server.
//!
//! Every [`Tmux`] has its own server socket (`tmux -L <unique>`, no config
//! file), its own temporary data and config folders, and kills its server
//! when dropped, also when the test fails. Waits poll the screen every
//! 50 ms; a timeout panics with the screen content.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use leidraad::session::Session;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_leidraad");

/// The main pane.
pub const MAIN: &str = "t:0";

/// Whether tmux can be used. Without tmux the test is skipped with a note,
/// except under CI (`CI` set), where that is a failure.
pub fn available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is not installed, but CI is set: CI must install tmux"
        );
        eprintln!("note: tmux is not installed; skipping this end-to-end test");
    }
    ok
}

/// Whether the tests run as root (file permissions do not stop root).
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server with temporary leidraad folders.
pub struct Tmux {
    socket: String,
    root: tempfile::TempDir,
    started: bool,
    /// `LEIDRAAD_TEST_TYPING_GAP_MS` for the app: 0 (a letter typed right
    /// after another never takes it back) unless a test sets it with
    /// [`typing_gap`](Self::typing_gap): the tests press keys one after
    /// another faster than a person reads the screen.
    typing_gap_ms: u64,
    /// Held while this test's app may run (see [`timing_alone`]); dropped
    /// after the server is killed.
    _shared: Option<std::sync::RwLockReadGuard<'static, ()>>,
}

/// The kill -9 test checks the app's timing (typing on disk within a
/// second) under its own load, not under that of every other end-to-end
/// test of the binary running beside it on two cores: it holds this for
/// writing, every other test's [`Tmux`] for reading.
static TIMING: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Wait until no other end-to-end test of this binary runs an app, and keep
/// them from starting one until the guard is dropped. The timing test's own
/// servers come from [`Tmux::for_timing`].
pub fn timing_alone() -> std::sync::RwLockWriteGuard<'static, ()> {
    TIMING.write().unwrap_or_else(|e| e.into_inner())
}

impl Drop for Tmux {
    fn drop(&mut self) {
        if self.started {
            let _ = self.raw(&["kill-server"]);
        }
    }
}

impl Tmux {
    /// A new, not yet started server; None when tmux is missing (skip).
    pub fn new() -> Option<Tmux> {
        let shared = TIMING.read().unwrap_or_else(|e| e.into_inner());
        let mut t = Tmux::for_timing()?;
        t._shared = Some(shared);
        Some(t)
    }

    /// A server for the timing test, which holds [`timing_alone`] itself.
    pub fn for_timing() -> Option<Tmux> {
        if !available() {
            return None;
        }
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let socket = format!("leidraad-e2e-{}-{n}", std::process::id());
        let root = tempfile::Builder::new()
            .prefix("leidraad-e2e-")
            .tempdir()
            .expect("temp dir");
        Some(Tmux {
            socket,
            root,
            started: false,
            typing_gap_ms: 0,
            _shared: None,
        })
    }

    /// The data folder (`LEIDRAAD_DATA_DIR`); created by the app.
    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// The config folder (`LEIDRAAD_CONFIG_DIR`).
    pub fn cfg_dir(&self) -> PathBuf {
        self.root.path().join("cfg")
    }

    /// The home folder the app sees (`HOME`): where a last-resort copy
    /// goes when the data folder cannot be written on the way out.
    pub fn home_dir(&self) -> PathBuf {
        let home = self.root.path().join("home");
        let _ = std::fs::create_dir_all(&home);
        home
    }

    /// A scratch path inside the temporary folder.
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// Let the app take a letter back as typing when the next comes within
    /// `ms` (the app's own gap is 300 ms); before `start`.
    pub fn typing_gap(&mut self, ms: u64) {
        self.typing_gap_ms = ms;
    }

    fn env(&self) -> Vec<(String, String)> {
        vec![
            (
                "LEIDRAAD_TEST_TYPING_GAP_MS".into(),
                self.typing_gap_ms.to_string(),
            ),
            (
                "LEIDRAAD_DATA_DIR".into(),
                self.data_dir().display().to_string(),
            ),
            (
                "LEIDRAAD_CONFIG_DIR".into(),
                self.cfg_dir().display().to_string(),
            ),
            ("LEIDRAAD_LANG".into(), "nl".into()),
            ("HOME".into(), self.home_dir().display().to_string()),
            ("TMPDIR".into(), self.home_dir().display().to_string()),
            ("TERM".into(), "xterm-256color".into()),
            // The app's clock is the real one until `pin_clock` writes
            // this file (test builds only, see `leidraad::clock::from_env`).
            (
                "LEIDRAAD_TEST_NOW_FILE".into(),
                self.clock_file().display().to_string(),
            ),
        ]
    }

    fn clock_file(&self) -> PathBuf {
        self.root.path().join("now")
    }

    /// Pin the running app's clock at `at` (it reads it at every tick).
    pub fn pin_clock(&self, at: chrono::DateTime<chrono::FixedOffset>) {
        let tmp = self.root.path().join("now.tmp");
        std::fs::write(&tmp, at.to_rfc3339()).expect("writing the clock");
        std::fs::rename(&tmp, self.clock_file()).expect("setting the clock");
    }

    /// Stop the running app's clock at `at`: pinned as by
    /// [`pin_clock`](Self::pin_clock), with the file dated a day ahead, so
    /// no time passes from it until the clock is set again (captures that
    /// must not change from run to run).
    pub fn hold_clock(&self, at: chrono::DateTime<chrono::FixedOffset>) {
        let tmp = self.root.path().join("now.tmp");
        std::fs::write(&tmp, at.to_rfc3339()).expect("writing the clock");
        let ahead = std::time::SystemTime::now() + Duration::from_secs(86_400);
        std::fs::File::options()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.set_modified(ahead))
            .expect("dating the clock ahead");
        std::fs::rename(&tmp, self.clock_file()).expect("setting the clock");
    }

    /// `leidraad ARGS` as a plain command (CLI tests), same folders.
    pub fn cli(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args);
        for (k, v) in self.env() {
            c.env(k, v);
        }
        c.env_remove("LEIDRAAD_GUIDES_DIR");
        c
    }

    /// Run `leidraad ARGS` and return its output.
    pub fn run_cli(&self, args: &[&str]) -> Output {
        self.cli(args).output().expect("running leidraad")
    }

    fn raw(&self, args: &[&str]) -> Output {
        let mut c = Command::new("tmux");
        c.arg("-L").arg(&self.socket).arg("-f").arg("/dev/null");
        c.args(args);
        c.env_remove("TMUX").env_remove("TMUX_PANE");
        for (k, v) in self.env() {
            c.env(k, v);
        }
        c.output().expect("running tmux")
    }

    /// Run a tmux command; panic when it fails.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.raw(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn env_flags(&self) -> Vec<String> {
        self.env()
            .into_iter()
            .flat_map(|(k, v)| ["-e".to_string(), format!("{k}={v}")])
            .collect()
    }

    /// The command line of the app: always several words, so tmux runs the
    /// binary itself (no shell in between: the pane pid is the app's).
    fn app_words(args: &[&str]) -> Vec<String> {
        Self::app_words_in("nl", args)
    }

    fn app_words_in(lang: &str, args: &[&str]) -> Vec<String> {
        let mut words = vec![BIN.to_string()];
        words.extend(args.iter().map(|s| s.to_string()));
        words.extend(["--lang".to_string(), lang.to_string()]);
        words
    }

    /// Start the server with the app in interface language `lang`
    /// (`leidraad ARGS --lang LANG`) in a 120x40 window.
    pub fn start_in(&mut self, lang: &str, args: &[&str]) {
        self.start_with(Self::app_words_in(lang, args));
    }

    fn start_with(&mut self, words: Vec<String>) {
        assert!(!self.started, "the server is already running");
        let mut args: Vec<String> = [
            "start-server",
            ";",
            "set-option",
            "-g",
            "default-terminal",
            "xterm-256color",
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "set-option",
            "-s",
            "escape-time",
            "0",
            ";",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(self.env_flags());
        args.extend(words);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        self.started = true;
        self.tmux(&refs);
    }

    /// Start the server with the app (`leidraad ARGS --lang nl`) in a
    /// 120x40 window.
    pub fn start(&mut self, args: &[&str]) {
        self.start_with(Self::app_words(args));
    }

    /// Start the server with a shell (`bash`, no rc files) in a 120x40 window.
    pub fn start_shell(&mut self) {
        self.start_with(vec![
            "bash".into(),
            "--norc".into(),
            "--noprofile".into(),
            "-i".into(),
        ]);
    }

    /// Run the app again in the main pane, as a fresh window. (Not
    /// `respawn-pane`: after a kill the old pane is left in the alternate
    /// screen, and the pane's reset can wipe the new app's first frame.)
    pub fn respawn(&self, args: &[&str]) {
        self.new_app_window("t:9", args);
        self.tmux(&["kill-window", "-t", MAIN]);
        self.tmux(&["move-window", "-s", "t:9", "-t", MAIN]);
        let size = self.display(MAIN, "#{window_width}x#{window_height}");
        assert_eq!(size, "120x40", "the new window's size");
    }

    /// Open a second window running the app; returns its target.
    pub fn open_window(&self, args: &[&str]) -> String {
        self.new_app_window("t:1", args);
        "t:1".to_string()
    }

    /// A detached window `target` running the app with the test's folders.
    fn new_app_window(&self, target: &str, args: &[&str]) {
        let mut a: Vec<String> = vec!["new-window".into(), "-d".into(), "-t".into(), target.into()];
        a.extend(self.env_flags());
        a.extend(Self::app_words(args));
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        self.tmux(&refs);
    }

    // -- keys ---------------------------------------------------------------

    /// Type literal text into the main pane.
    pub fn send_text(&self, text: &str) {
        self.send_text_to(MAIN, text);
    }

    /// Type literal text into a pane.
    pub fn send_text_to(&self, target: &str, text: &str) {
        // tmux reads a `;` at the end of an argument as a command
        // separator; `\;` is a literal semicolon.
        let text = match text.strip_suffix(';') {
            Some(rest) => format!("{rest}\\;"),
            None => text.to_string(),
        };
        self.tmux(&["send-keys", "-t", target, "-l", "--", &text]);
    }

    /// Press a key by name (Enter, Escape, Tab, Space, C-s, C-c, a…). After
    /// Escape this waits 100 ms, as a typist would, so the terminal does not
    /// merge it with the next key into an Alt chord.
    pub fn send_key(&self, key: &str) {
        self.send_key_to(MAIN, key);
    }

    /// Press a key in a pane.
    pub fn send_key_to(&self, target: &str, key: &str) {
        self.tmux(&["send-keys", "-t", target, key]);
        if key == "Escape" {
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Press a key on its own and wait until the main pane shows `shows`
    /// (what the key did). On the conversation screen two characters that
    /// reach the app in one read are text for the notes, not keys (a paste
    /// without bracketed paste): a key sent right after another could
    /// arrive with it, so each key waits for its effect first.
    pub fn press(&self, key: &str, shows: &str) -> String {
        self.send_key(key);
        self.wait_for(shows, Duration::from_secs(5))
    }

    /// Press several keys one after the other (each via [`send_key`]).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.send_key(k);
        }
    }

    // -- screen -------------------------------------------------------------

    /// The main pane's text.
    pub fn screen(&self) -> String {
        self.screen_of(MAIN)
    }

    /// A pane's text.
    pub fn screen_of(&self, target: &str) -> String {
        self.tmux(&["capture-pane", "-p", "-t", target])
    }

    /// Wait until the main pane shows `text`; returns the screen.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_for_in(MAIN, text, timeout)
    }

    /// Wait until a pane shows `text`; panic with the screen on timeout.
    pub fn wait_for_in(&self, target: &str, text: &str, timeout: Duration) -> String {
        self.wait_until_in(target, timeout, &format!("{text:?} on screen"), |s| {
            s.contains(text)
        })
    }

    /// Wait until `pred(screen)` holds in a pane.
    pub fn wait_until_in(
        &self,
        target: &str,
        timeout: Duration,
        what: &str,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let end = Instant::now() + timeout;
        loop {
            let s = self.screen_of(target);
            if pred(&s) {
                return s;
            }
            if Instant::now() > end {
                panic!(
                    "timeout after {timeout:?} waiting for {what}; the screen of {target} was:\n{s}\n-- end of screen --"
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `tmux display -p FORMAT` for a pane.
    pub fn display(&self, target: &str, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", target, format])
            .trim()
            .to_string()
    }

    /// The main pane's process id.
    pub fn pane_pid(&self) -> u32 {
        self.display(MAIN, "#{pane_pid}").parse().expect("pane pid")
    }

    /// The exit status of the main pane's process once it died.
    pub fn exit_status(&self) -> Option<i32> {
        self.exit_status_of(MAIN)
    }

    /// The exit status of a pane's process once it died.
    pub fn exit_status_of(&self, target: &str) -> Option<i32> {
        // tmux may show the pane dead before it has the status; tmux 3.3a
        // sometimes never reaps the process at all. Then the zombie's wait
        // status is read from /proc (its last field).
        for _ in 0..100 {
            let d = self.display(target, "#{pane_dead} #{pane_dead_status} #{pane_pid}");
            let parts: Vec<&str> = d.split_whitespace().collect();
            match parts.as_slice() {
                ["1", status, _pid] => return status.parse().ok(),
                ["1", pid] => {
                    if let Some(code) = zombie_status(pid.parse().unwrap_or(0)) {
                        return Some(code);
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                _ => return None,
            }
        }
        Some(-1)
    }

    /// Wait until a pane's process has exited; returns its status.
    pub fn wait_exit_of(&self, target: &str, timeout: Duration) -> i32 {
        let end = Instant::now() + timeout;
        loop {
            if let Some(s) = self.exit_status_of(target) {
                return s;
            }
            if Instant::now() > end {
                panic!(
                    "the app in {target} did not exit within {timeout:?}; the screen was:\n{}",
                    self.screen_of(target)
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the main pane's process has exited; returns its status.
    pub fn wait_exit(&self, timeout: Duration) -> i32 {
        self.wait_exit_of(MAIN, timeout)
    }

    /// Resize the window.
    pub fn resize(&self, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    // -- files --------------------------------------------------------------

    /// The session files in the data folder (`*.toml`, not hidden), sorted.
    pub fn session_files(&self) -> Vec<PathBuf> {
        session_files(&self.data_dir())
    }

    /// The one session file; panics unless there is exactly one.
    pub fn only_session_file(&self) -> PathBuf {
        let files = self.session_files();
        assert_eq!(files.len(), 1, "expected one session file: {files:?}");
        files[0].clone()
    }

    /// Wait until the one session file parses and `pred` holds for it.
    pub fn wait_session(&self, timeout: Duration, pred: impl Fn(&Session) -> bool) -> Session {
        let end = Instant::now() + timeout;
        let mut last = String::from("(no session file)");
        loop {
            let files = self.session_files();
            if files.len() == 1 {
                match std::fs::read_to_string(&files[0]) {
                    Ok(text) => match Session::from_toml(&text) {
                        Ok(s) if pred(&s) => return s,
                        Ok(s) => last = format!("{s:#?}"),
                        Err(e) => last = format!("unparsable: {e}"),
                    },
                    Err(e) => last = format!("unreadable: {e}"),
                }
            } else if files.len() > 1 {
                last = format!("several session files: {files:?}");
            }
            if Instant::now() > end {
                panic!(
                    "timeout after {timeout:?} waiting for the session file; last seen:\n{}\nscreen:\n{}",
                    truncate(&last, 4000),
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Walk the voortgangsgesprek from `leidraad start` to the conversation
    /// screen (phase 1, typing in the notes). `school` is typed unless the
    /// form has it already (`--client`).
    pub fn start_conversation(&mut self, school: Option<&str>, extra: &[&str]) {
        let mut args = vec!["start", "voortgangsgesprek"];
        args.extend_from_slice(extra);
        self.start(&args);
        self.walk_to_conversation(school);
    }

    /// From the preparation screen that `leidraad start voortgangsgesprek`
    /// opens to the conversation screen (phase 1, typing in the notes);
    /// `school` is typed unless the form has it already (`--client`).
    pub fn walk_to_conversation(&self, school: Option<&str>) {
        self.wait_for("Voorbereiding", Duration::from_secs(10));
        self.send_key("Enter");
        self.wait_for("Gegevens", Duration::from_secs(5));
        if let Some(school) = school {
            self.send_text(school);
        }
        // school, date (pre-filled), participants, facilitator
        self.keys(&["Enter", "Enter", "Enter", "Enter"]);
        self.wait_for("Totaal", Duration::from_secs(5));
        self.wait_for("Contracteren", Duration::from_secs(5));
    }

    /// A shell in the pane runs `ENV leidraad start voortgangsgesprek
    /// --client Regenboog` (`env`: assignments before the command, or "");
    /// walks to the conversation and returns the shell's and the app's pid.
    pub fn app_in_shell(&mut self, env: &str) -> (u32, u32) {
        self.start_shell();
        let shell = self.pane_pid();
        self.send_text(&format!(
            "{env} {BIN} start voortgangsgesprek --client Regenboog --lang nl"
        ));
        self.send_key("Enter");
        self.walk_to_conversation(None);
        let kids = children(shell);
        assert_eq!(kids.len(), 1, "expected the app under the shell: {kids:?}");
        (shell, kids[0])
    }
}

/// The session files in a folder (`*.toml`, not hidden), sorted.
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    name.ends_with(".toml") && !name.starts_with('.')
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Read and parse a session file; panics with the reason.
pub fn load(path: &Path) -> Session {
    let text = std::fs::read_to_string(path).expect("reading the session file");
    Session::from_toml(&text).unwrap_or_else(|e| {
        panic!(
            "{} does not parse: {e}\n{}",
            path.display(),
            truncate(&text, 4000)
        )
    })
}

/// The start of a long text, for messages.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &s[..end], s.len())
}

/// The total clock on the conversation screen ("Totaal M:SS / …"), in
/// seconds.
pub fn total_seconds(screen: &str) -> Option<i64> {
    let at = screen.find("Totaal ")?;
    let rest = &screen[at + "Totaal ".len()..];
    let clock: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let parts: Vec<i64> = clock.split(':').filter_map(|p| p.parse().ok()).collect();
    Some(match parts.as_slice() {
        [m, s] => m * 60 + s,
        [h, m, s] => h * 3600 + m * 60 + s,
        _ => return None,
    })
}

/// A pseudo-random generator (xorshift), seeded from the time unless
/// `LEIDRAAD_E2E_SEED` is set; the seed is printed so a run can be repeated.
pub struct Rng(u64);

impl Rng {
    pub fn from_time(what: &str) -> Rng {
        let seed = std::env::var("LEIDRAAD_E2E_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{what}: seed {seed} (repeat with LEIDRAAD_E2E_SEED={seed})");
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }
}

/// Send a signal to a process (`kill -SIG PID`).
pub fn signal(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .expect("kill");
    assert!(st.success(), "kill -{sig} {pid} failed");
}

/// The exit status of a zombie process (`128 + signal` when a signal
/// ended it), from the last field of `/proc/PID/stat`.
pub fn zombie_status(pid: u32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit(')').next()?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    if fields.first() != Some(&"Z") {
        return None;
    }
    let wait: i32 = fields.last()?.parse().ok()?;
    Some(if wait & 0x7f == 0 {
        (wait >> 8) & 0xff
    } else {
        128 + (wait & 0x7f)
    })
}

/// Wait until process `pid` is gone; fail if it still runs `within` after
/// `since` (`what` happened then). Returns how long it took.
pub fn wait_gone(pid: u32, since: Instant, within: Duration, what: &str) -> Duration {
    while alive(pid) {
        assert!(
            since.elapsed() <= within,
            "the app (pid {pid}) still runs {:?} after {what}",
            since.elapsed()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    since.elapsed()
}

/// The hidden files (`.~…`: temp, lock, rescue) in a folder, sorted.
pub fn hidden_files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Whether a process exists (and is not a zombie).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            // pid (comm) STATE ...
            let state = stat
                .rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().next());
            !matches!(state, Some("Z") | Some("X") | None)
        }
        Err(_) => false,
    }
}

/// The child processes of a process.
pub fn children(pid: u32) -> Vec<u32> {
    let out = Command::new("ps")
        .args(["-o", "pid=", "--ppid", &pid.to_string()])
        .output()
        .expect("ps");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect()
}

// -- helpers for tests/e2e_terminal.rs ----------------------------------------

impl Tmux {
    /// Start the server with any command in the main pane, in a 120x40
    /// window. Give several words: tmux then runs them without a shell.
    pub fn start_command(&mut self, words: &[&str]) {
        self.start_with(words.iter().map(|w| w.to_string()).collect());
    }

    /// A pane's text with wrapped lines joined (`capture-pane -J`), so a
    /// long line (a path) reads as one.
    pub fn screen_joined(&self, target: &str) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-t", target])
    }
}

/// The CPU time a process has used so far, user and system, from
/// `/proc/PID/stat` (in clock ticks, usually 10 ms).
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After "pid (comm) ": state is field 3, utime 14, stime 15.
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_secs_f64(
        (utime + stime) as f64 / clock_ticks_per_second() as f64,
    ))
}

/// `getconf CLK_TCK` (100 when it cannot be asked).
fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(100)
}

/// The first process called `name` (its `comm`) among the descendants of
/// `pid`, searched breadth first.
pub fn descendant_named(pid: u32, name: &str) -> Option<u32> {
    let mut queue = children(pid);
    while !queue.is_empty() {
        let pid = queue.remove(0);
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if comm.trim() == name {
            return Some(pid);
        }
        queue.extend(children(pid));
    }
    None
}

/// The CPU time of the children a shell has waited for, from the output
/// of bash's `times` (its second line: `0m1.234s 0m0.050s`, user and
/// system).
pub fn children_cpu_from_times(times: &str) -> Option<Duration> {
    let line = times.lines().nth(1)?;
    let mut total = Duration::ZERO;
    for word in line.split_whitespace() {
        let (min, sec) = word.strip_suffix('s')?.split_once('m')?;
        let min: u64 = min.parse().ok()?;
        let sec: f64 = sec.parse().ok()?;
        total += Duration::from_secs(min * 60) + Duration::from_secs_f64(sec);
    }
    Some(total)
}

/// Wait for a file to appear (written by the shell in the pane).
pub fn wait_file(path: &Path, timeout: Duration) -> String {
    let end = Instant::now() + timeout;
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            Instant::now() < end,
            "{} did not appear within {timeout:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The modes a cooked terminal has and raw mode turns off.
pub const COOKED_MODES: [&str; 5] = ["icanon", "echo", "isig", "icrnl", "opost"];

impl Tmux {
    /// `stty -a` run by the shell in the pane once the app is gone (bash's
    /// line editor puts back the modes it found before running a command,
    /// so stty sees the ones the app left): the output, and the words of
    /// [`COOKED_MODES`] that are missing from it.
    pub fn pane_modes(&self) -> (String, Vec<&'static str>) {
        let stty = self.scratch("stty.txt");
        self.send_text(&format!(
            "stty -a > '{}.tmp' && mv '{0}.tmp' '{0}'",
            stty.display()
        ));
        self.send_key("Enter");
        let modes = wait_file(&stty, Duration::from_secs(5));
        let words: Vec<&str> = modes
            .split(|c: char| c.is_whitespace() || c == ';')
            .collect();
        let missing = COOKED_MODES
            .into_iter()
            .filter(|m| !words.contains(m))
            .collect();
        (modes, missing)
    }
}
