//! The "never lose a typed word" promises, end to end: kill -9, SIGTERM,
//! SIGHUP, a closed terminal, Ctrl-Z/fg, damaged files, a read-only folder.
//! The real binary runs in private tmux servers (see `common/tmux.rs`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::privs::{self, AppUser};
use common::tmux::{self, MAIN, Rng, Tmux};
use leidraad::session::Session;

const S2: Duration = Duration::from_secs(2);
const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

/// The promise: at most the last second of typing is lost; 0.2 s slack for
/// the harness.
const MAY_LOSE: Duration = Duration::from_millis(1200);

/// Chunks typed so far, each with the moment `send-keys` returned.
struct Typed {
    chunks: Vec<(String, Instant)>,
}

impl Typed {
    fn new() -> Typed {
        Typed { chunks: Vec::new() }
    }

    /// Type the next chunk `<n>;`.
    fn type_next(&mut self, t: &Tmux, target: &str) {
        let chunk = format!("{};", self.chunks.len());
        t.send_text_to(target, &chunk);
        self.chunks.push((chunk, Instant::now()));
    }

    /// Type a chunk every 100 ms for `duration`.
    fn type_for(&mut self, t: &Tmux, target: &str, duration: Duration) {
        let end = Instant::now() + duration;
        while Instant::now() < end {
            let next = Instant::now() + Duration::from_millis(100);
            self.type_next(t, target);
            if let Some(wait) = next.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
        }
    }

    /// Type like a person: a second of typing (a chunk every 100 ms), then
    /// a pause of 1.1 s to think, and so on, for `duration`.
    fn type_with_pauses(&mut self, t: &Tmux, target: &str, duration: Duration) {
        let end = Instant::now() + duration;
        while Instant::now() < end {
            let burst = (end - Instant::now()).min(Duration::from_secs(1));
            self.type_for(t, target, burst);
            let pause =
                (end.saturating_duration_since(Instant::now())).min(Duration::from_millis(1100));
            std::thread::sleep(pause);
        }
    }

    fn all(&self) -> String {
        self.chunks.iter().map(|(c, _)| c.as_str()).collect()
    }

    /// Everything sent at least `margin` before `at`.
    fn sent_before(&self, at: Instant, margin: Duration) -> String {
        self.chunks
            .iter()
            .filter(|(_, sent)| *sent + margin <= at)
            .map(|(c, _)| c.as_str())
            .collect()
    }

    fn last(&self) -> &str {
        self.chunks.last().map(|(c, _)| c.as_str()).unwrap_or("")
    }
}

fn session_at(path: &Path) -> Session {
    tmux::load(path)
}

/// One kill -9 run; returns a description of what went wrong, if anything.
fn kill_run(run: usize, kill_after: Duration, pauses: bool) -> Result<(), String> {
    let Some(mut t) = Tmux::for_timing() else {
        return Ok(());
    };
    t.start_conversation(None, &["--client", "De Regenboog"]);
    let conv_seen = Instant::now();
    let pid = t.pane_pid();
    let mut typed = Typed::new();
    if pauses {
        typed.type_with_pauses(&t, MAIN, kill_after);
    } else {
        typed.type_for(&t, MAIN, kill_after);
    }
    tmux::signal(pid, "KILL");
    let killed = Instant::now();
    let before_kill = killed - conv_seen;
    t.wait_exit(S5);

    let path = t.only_session_file();
    let s = session_at(&path);
    let notes = &s.phases[0].notes;
    let must = typed.sent_before(killed, MAY_LOSE);
    let all = typed.all();
    let what = format!(
        "run {run}: killed after {kill_after:?} of typing ({} chunks); file notes {notes:?}; \
         sent ≥1.2 s before the kill: {must:?}",
        typed.chunks.len()
    );
    if !notes.starts_with(&must) {
        return Err(format!("LOST TEXT: {what}"));
    }
    if !all.starts_with(notes.as_str()) {
        return Err(format!("notes that were never typed: {what}"));
    }

    // Resume: the notes are back and the clock went on.
    t.respawn(&["resume"]);
    t.wait_for("Totaal", S10);
    let first = typed.chunks.first().map(|(c, _)| c.as_str()).unwrap_or("");
    let last_saved = notes
        .split_terminator(';')
        .next_back()
        .map(|n| format!("{n};"))
        .unwrap_or_default();
    // The notes have no spaces, so the editor breaks them anywhere: compare
    // the right of the phase list (34 columns at 120x40) without the box
    // lines and white space.
    let flat = |s: &str| -> String {
        s.lines()
            .flat_map(|row| row.chars().skip(34))
            .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '┃'))
            .collect()
    };
    let _ = (first, &last_saved);
    let shown = |s: &str| flat(s).contains(notes.as_str());
    let end = Instant::now() + S5;
    let mut screen = t.screen();
    while !shown(&screen) {
        if Instant::now() > end {
            return Err(format!(
                "run {run}: after resume the notes {notes:?} are not on screen:\n{screen}"
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
        screen = t.screen();
    }
    let total = tmux::total_seconds(&screen).unwrap_or(-1);
    if total < before_kill.as_secs() as i64 {
        return Err(format!(
            "run {run}: the clock shows {total} s after resume, but {before_kill:?} had passed before the kill:\n{screen}"
        ));
    }
    t.send_key("C-c");
    t.wait_exit(S5);
    Ok(())
}

/// kill -9 while typing, `LEIDRAAD_KILL_RUNS` runs (20), 4 at a time, each
/// killed after a random 0.5–4 s: the file parses, holds everything typed
/// at least 1.2 s before the kill, and `leidraad resume` shows it with the
/// clock gone on. Even runs type without a pause (a chunk every 100 ms),
/// odd runs like a person (a second of typing, a 1.1 s pause, …).
#[test]
fn kill_9_while_typing_loses_at_most_the_last_second() {
    if !tmux::available() {
        return;
    }
    let runs: usize = std::env::var("LEIDRAAD_KILL_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let parallel = 4;
    let _alone = tmux::timing_alone();
    let mut rng = Rng::from_time("kill -9");
    let plan: Vec<Duration> = (0..runs)
        .map(|_| Duration::from_millis(rng.range(500, 4000)))
        .collect();
    let started = Instant::now();
    let mut failures = Vec::new();
    for batch in plan.chunks(parallel).enumerate() {
        let (b, kills) = batch;
        let handles: Vec<_> = kills
            .iter()
            .enumerate()
            .map(|(i, kill)| {
                let run = b * parallel + i;
                let kill = *kill;
                std::thread::spawn(move || kill_run(run, kill, run % 2 == 1))
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failures.push(e),
                Err(panic) => failures.push(format!("a run panicked: {panic:?}")),
            }
        }
    }
    eprintln!("{runs} kill -9 runs in {:?}", started.elapsed());
    assert!(
        failures.is_empty(),
        "{} of {runs} runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// While a typist keeps typing (a chunk every 50 ms, so the event loop
/// never idles), what was typed more than 1.2 s ago is on disk (the
/// autosave once ran only when no key came for a moment).
#[test]
fn continuous_typing_is_saved_within_a_second() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", "De Regenboog"]);
    let mut typed = Typed::new();
    let end = Instant::now() + Duration::from_secs(4);
    while Instant::now() < end {
        typed.type_next(&t, MAIN);
        std::thread::sleep(Duration::from_millis(50));
    }
    let now = Instant::now();
    let s = session_at(&t.only_session_file());
    let must = typed.sent_before(now, MAY_LOSE);
    assert!(
        s.phases[0].notes.starts_with(&must),
        "after 4 s of continuous typing the file holds {:?}; typed ≥1.2 s ago: {must:?}",
        s.phases[0].notes
    );
}

/// A conversation in the app, 1.5 s of timestamped typing in its notes,
/// all of it on screen: (tmux, the app's pid, what was typed).
fn typing_for_a_while() -> Option<(Tmux, u32, Typed)> {
    let mut t = Tmux::new()?;
    t.start_conversation(None, &["--client", "De Regenboog"]);
    let pid = t.pane_pid();
    let mut typed = Typed::new();
    typed.type_for(&t, MAIN, Duration::from_millis(1500));
    t.wait_for(typed.last(), S5);
    Some((t, pid, typed))
}

#[test]
fn sighup_saves_everything_and_exits_quickly() {
    let Some((t, pid, typed)) = typing_for_a_while() else {
        return;
    };
    tmux::signal(pid, "HUP");
    let sent = Instant::now();
    t.wait_exit(S2);
    assert!(sent.elapsed() <= S2, "exit took {:?}", sent.elapsed());
    let s = session_at(&t.only_session_file());
    assert_eq!(s.phases[0].notes, typed.all());
}

/// A shell pane running `leidraad start voortgangsgesprek`; returns the
/// app's pid once the conversation is on screen.
fn app_in_shell(t: &mut Tmux) -> u32 {
    t.app_in_shell("").1
}

/// The shell in the pane works: a typed command is echoed and runs.
fn shell_is_usable(t: &Tmux) {
    t.send_text("echo ok-$((40+2))");
    t.send_key("Enter");
    t.wait_for("echo ok-$((40+2))", S5);
    t.wait_for("ok-42", S5);
}

#[test]
fn sigterm_saves_everything_and_gives_the_terminal_back() {
    let Some(mut t) = Tmux::new() else { return };
    let pid = app_in_shell(&mut t);
    let mut typed = Typed::new();
    typed.type_for(&t, MAIN, Duration::from_millis(1500));
    t.wait_for(typed.last(), S5);
    tmux::signal(pid, "TERM");
    let sent = Instant::now();
    tmux::wait_gone(pid, sent, S2, "SIGTERM");
    t.send_text("echo EXIT=$?");
    t.send_key("Enter");
    t.wait_for("EXIT=0", S5);
    assert_eq!(
        t.display(MAIN, "#{alternate_on}"),
        "0",
        "the alternate screen is still on"
    );
    let screen = t.screen();
    assert!(
        !screen.contains("Totaal"),
        "the app's screen is still visible:\n{screen}"
    );
    shell_is_usable(&t);
    let s = session_at(&t.only_session_file());
    assert_eq!(s.phases[0].notes, typed.all());
}

#[test]
fn a_closed_terminal_saves_everything_and_the_process_ends() {
    let Some((t, pid, typed)) = typing_for_a_while() else {
        return;
    };
    // Keep the server alive when the app's pane goes.
    t.tmux(&["new-window", "-d", "-t", "t:5", "sleep", "600"]);
    t.tmux(&["kill-pane", "-t", MAIN]);
    let closed = Instant::now();
    tmux::wait_gone(pid, closed, S2, "its terminal closed");
    let s = session_at(&t.only_session_file());
    assert_eq!(s.phases[0].notes, typed.all());
}

#[test]
fn ctrl_z_and_fg_give_the_shell_back_and_redraw() {
    let Some(mut t) = Tmux::new() else { return };
    let pid = app_in_shell(&mut t);
    let started = Instant::now();
    t.send_text("Voor de pauze");
    t.wait_for("Voor de pauze", S5);
    t.send_key("C-z");
    t.wait_until_in(MAIN, S5, "the shell to report the stopped job", |s| {
        s.contains("Stopped") || s.contains("stopped")
    });
    // Ctrl-Z saved first.
    let s = session_at(&t.only_session_file());
    assert_eq!(s.phases[0].notes, "Voor de pauze");
    shell_is_usable(&t);
    assert!(tmux::alive(pid), "the app is gone after Ctrl-Z");
    // Stopped for a while: the conversation's clock goes on meanwhile.
    std::thread::sleep(Duration::from_secs(2));
    let before_fg = started.elapsed();
    t.send_text("fg");
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    let screen = t.wait_for("Voor de pauze", S5);
    let total = tmux::total_seconds(&screen).unwrap_or(-1);
    assert!(
        total >= before_fg.as_secs() as i64,
        "after fg the clock shows {total} s, but {before_fg:?} passed:\n{screen}"
    );
    t.send_text(" en erna");
    t.wait_for("Voor de pauze en erna", S5);
    t.send_key("C-c");
    let end = Instant::now() + S5;
    while tmux::alive(pid) {
        assert!(Instant::now() < end, "the app did not leave on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.send_text("echo EXIT=$?");
    t.send_key("Enter");
    t.wait_for("EXIT=0", S5);
    let s = session_at(&t.only_session_file());
    assert_eq!(s.phases[0].notes, "Voor de pauze en erna");
}

#[test]
fn damaged_files_are_listed_and_left_alone() {
    let Some(mut t) = Tmux::new() else { return };
    let data = t.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    let catalog = leidraad::catalog::Catalog::bundled();
    let guide = catalog
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut session = Session::new(&guide, now);
    session.client = "De Regenboog".into();
    let text = leidraad::store::session_text(&session).unwrap();
    let truncated = data.join("2026-11-23_0900_voortgangsgesprek_de-regenboog.toml");
    std::fs::write(&truncated, &text.as_bytes()[..text.len() * 2 / 3]).unwrap();
    let garbage = data.join("x.toml");
    let garbage_bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&garbage, &garbage_bytes).unwrap();
    let before = [
        std::fs::read(&truncated).unwrap(),
        std::fs::read(&garbage).unwrap(),
    ];

    let out = t.run_cli(&["sessions"]);
    assert!(out.status.success(), "{out:?}");
    let table = String::from_utf8_lossy(&out.stdout);
    for f in [&truncated, &garbage] {
        let name = f.file_name().unwrap().to_string_lossy();
        let line = table
            .lines()
            .find(|l| l.contains(name.as_ref()))
            .unwrap_or_else(|| panic!("{name} not listed:\n{table}"));
        assert!(line.contains("BESCHADIGD"), "{line}");
    }

    t.start(&[]);
    let home = t.wait_for("Gesprekken", S10);
    assert!(!home.contains("Verder met"), "{home}");
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    // resume refuses them with a message, and leaves them alone too.
    let out = t.run_cli(&["show", "x.toml"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = t.run_cli(&["delete", "--yes", "x.toml"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let after = [
        std::fs::read(&truncated).unwrap(),
        std::fs::read(&garbage).unwrap(),
    ];
    assert!(before == after, "a damaged file was changed");
}

#[test]
fn resume_of_a_session_broken_inside_says_where_and_what_and_leaves_it_alone() {
    let Some(mut t) = Tmux::new() else { return };
    let data = t.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    let catalog = leidraad::catalog::Catalog::bundled();
    let guide = catalog
        .get("voortgangsgesprek")
        .and_then(|g| g.guide.as_conversation())
        .expect("bundled voortgangsgesprek")
        .clone();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let mut session = Session::new(&guide, now);
    session.client = "De Regenboog".into();
    let text = leidraad::store::session_text(&session).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("client = "))
        .unwrap()
        + 1;
    // A line cut inside its quotes; the end marker is still there.
    let broken = data.join("kapot.toml");
    let cut = text.replacen("client = \"De Regenboog\"", "client = \"De Regen", 1);
    std::fs::write(&broken, &cut).unwrap();
    let mtime = std::fs::metadata(&broken).unwrap().modified().unwrap();

    t.start(&["resume", "kapot.toml"]);
    let screen = t.wait_for(&format!("kapot.toml:{line}:19: een tekst tussen"), S10);
    for english in ["expected", "unexpected", "invalid", "string"] {
        assert!(!screen.contains(english), "{english}:\n{screen}");
    }
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        cut.as_bytes(),
        "the file was changed"
    );
    assert_eq!(
        std::fs::metadata(&broken).unwrap().modified().unwrap(),
        mtime
    );
}

/// Start `leidraad ARGS --lang nl` in the main pane as `user` (as root:
/// `nobody`, see `common/privs.rs`): everything under the test's temporary
/// folder is handed to that user, and a shell `exec`s the app, so the
/// pane's pid is the app's. Returns that pid once the app runs.
fn start_as(t: &mut Tmux, user: &AppUser, args: &[&str]) -> u32 {
    let root = t.data_dir().parent().unwrap().to_path_buf();
    t.home_dir();
    user.hand_over(&root);
    t.start_shell();
    let shell = t.pane_pid();
    let mut words = args.to_vec();
    words.extend(["--lang", "nl"]);
    t.send_text(&user.exec_line(tmux::BIN, &words));
    t.send_key("Enter");
    let end = Instant::now() + S5;
    loop {
        let exe = std::fs::read_link(format!("/proc/{shell}/exe")).unwrap_or_default();
        if exe == Path::new(tmux::BIN) {
            break;
        }
        assert!(
            Instant::now() < end,
            "the app did not start: {exe:?}\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    if user.is_switched() {
        let status = std::fs::read_to_string(format!("/proc/{shell}/status")).unwrap();
        let uid = status.lines().find(|l| l.starts_with("Uid:")).unwrap_or("");
        assert!(
            uid.split_whitespace()
                .skip(1)
                .all(|u| u == privs::NOBODY.to_string()),
            "the app does not run as nobody: {uid}"
        );
    }
    shell
}

/// From the preparation screen to typing in the conversation.
fn walk_to_the_conversation(t: &Tmux) {
    t.wait_for("Voorbereiding", S10);
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
}

fn set_mode(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Hidden files in a folder (temporary, lock and rescue files).
fn hidden_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    v.sort();
    v
}

/// A data folder that is read-only from the start (the session file cannot
/// be created, nor its lock): a warning, typing goes on, and once the
/// folder can be written the notes land by themselves. As root the app
/// runs as `nobody`.
#[test]
fn a_read_only_data_folder_warns_and_keeps_the_notes() {
    let Some(user) = AppUser::get() else { return };
    let Some(mut t) = Tmux::new() else { return };
    let data = t.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    set_mode(&data, 0o500);
    start_as(
        &mut t,
        &user,
        &["start", "voortgangsgesprek", "--client", "De Regenboog"],
    );
    assert!(!user.can_write(&data), "the folder must not be writable");
    walk_to_the_conversation(&t);
    t.send_text("Niet kwijtraken");
    t.wait_until_in(MAIN, S5, "a warning that saving fails", |s| {
        s.contains("! ") && s.to_lowercase().contains("opslaan")
    });
    let screen = t.wait_for("Niet kwijtraken", S5);
    assert!(screen.contains("Totaal"), "{screen}");
    assert!(t.session_files().is_empty(), "a file in a read-only folder");
    set_mode(&data, 0o700);
    // Writable again: the retry brings the notes to disk by itself.
    t.wait_session(S10, |s| s.phases[0].notes == "Niet kwijtraken");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}

/// The folder becomes read-only during a conversation: the warning comes
/// within 2 s, typing goes on, the file stays byte for byte the last good
/// version with no temporary file beside it, and once the folder can be
/// written again everything typed lands. As root the app runs as `nobody`.
#[test]
fn a_data_folder_made_read_only_during_a_conversation_keeps_the_last_good_file() {
    let Some(user) = AppUser::get() else { return };
    let Some(mut t) = Tmux::new() else { return };
    let data = t.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    set_mode(&data, 0o700);
    start_as(
        &mut t,
        &user,
        &["start", "voortgangsgesprek", "--client", "De Regenboog"],
    );
    walk_to_the_conversation(&t);
    t.send_text("Eerste regel");
    t.send_key("C-s");
    t.wait_session(S5, |s| s.phases[0].notes == "Eerste regel");
    let path = t.only_session_file();
    let good = std::fs::read(&path).unwrap();
    let hidden = hidden_files(&data);

    set_mode(&data, 0o500);
    assert!(!user.can_write(&data), "the folder must not be writable");
    t.send_text(" en meer");
    t.wait_for("Eerste regel en meer", S5);
    let typed = Instant::now();
    t.wait_until_in(MAIN, S5, "a warning that saving fails", |s| {
        s.contains("Opslaan mislukt")
    });
    let warned = typed.elapsed();
    eprintln!("read-only folder: warning {warned:?} after the text was on screen");
    assert!(
        warned <= Duration::from_millis(2500),
        "the warning took {warned:?} (promise: 2 s; 0.5 s for the harness)"
    );
    // Typing goes on, and the file stays the last good version through
    // at least one retry (every 2 s).
    t.send_text(" nog meer");
    t.wait_for("Eerste regel en meer nog meer", S5);
    let end = Instant::now() + Duration::from_millis(2500);
    while Instant::now() < end {
        assert_eq!(std::fs::read(&path).unwrap(), good, "the file changed");
        assert_eq!(hidden_files(&data), hidden, "files appeared beside it");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(t.screen().contains("Totaal"), "{}", t.screen());

    set_mode(&data, 0o700);
    t.wait_session(S10, |s| {
        s.phases[0].notes == "Eerste regel en meer nog meer"
    });
    t.wait_for("Weer opgeslagen", S5);
    t.send_text(" tot slot");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    assert_eq!(
        tmux::load(&path).phases[0].notes,
        "Eerste regel en meer nog meer tot slot"
    );
}

/// Walk to the conversation while the data folder is gone (removed after
/// the app started; unlike a read-only folder this stops root too).
fn converse_without_data_folder(t: &mut Tmux, text: &str) {
    t.start(&["start", "voortgangsgesprek", "--client", "De Linde"]);
    t.wait_for("Voorbereiding", S10);
    std::fs::remove_dir_all(t.data_dir()).unwrap();
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_text(text);
    t.wait_for(text, S5);
    t.wait_until_in(MAIN, S5, "a warning that saving fails", |s| {
        s.contains("! ")
    });
}

#[test]
fn a_data_folder_that_comes_back_gets_the_notes() {
    let Some(mut t) = Tmux::new() else { return };
    converse_without_data_folder(&mut t, "Map weg en terug");
    std::fs::create_dir_all(t.data_dir()).unwrap();
    let s = t.wait_session(S10, |s| s.phases[0].notes == "Map weg en terug");
    assert_eq!(s.client, "De Linde");
    t.send_text(" en verder");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    let s = tmux::load(&t.only_session_file());
    assert_eq!(s.phases[0].notes, "Map weg en terug en verder");
}

#[test]
fn leaving_while_the_data_folder_is_gone_saves_a_copy_elsewhere() {
    let Some(mut t) = Tmux::new() else { return };
    converse_without_data_folder(&mut t, "Nergens anders opgeschreven");
    t.send_key("C-c");
    assert_eq!(
        t.wait_exit(S5),
        1,
        "leaving without the session file is not a success"
    );
    let copies = tmux::session_files(&t.home_dir());
    assert_eq!(copies.len(), 1, "one copy in the home folder: {copies:?}");
    let s = tmux::load(&copies[0]);
    assert_eq!(s.phases[0].notes, "Nergens anders opgeschreven");
    assert!(!t.data_dir().exists(), "the data folder is not made up");
}

#[test]
fn sigterm_while_the_data_folder_is_gone_saves_a_copy_elsewhere() {
    let Some(mut t) = Tmux::new() else { return };
    converse_without_data_folder(&mut t, "Ook bij SIGTERM");
    let pid = t.pane_pid();
    tmux::signal(pid, "TERM");
    assert_eq!(t.wait_exit(S5), 1);
    let copies = tmux::session_files(&t.home_dir());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(tmux::load(&copies[0]).phases[0].notes, "Ook bij SIGTERM");
}

/// Whether `strace` can trace a program here. Without strace the test is
/// skipped with a note, except under CI (`.ci/run` installs it); when
/// ptrace is not permitted (a container's seccomp profile, Yama) it is
/// skipped with a note.
fn strace_works() -> bool {
    match std::process::Command::new("strace")
        .args(["-f", "-e", "trace=network", "-o", "/dev/null", "true"])
        .output()
    {
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "strace is not installed, but CI is set: CI must install strace"
            );
            eprintln!("note: strace is not installed; skipping the network test");
            false
        }
        Ok(out) if !out.status.success() => {
            eprintln!(
                "note: strace cannot trace here (ptrace not permitted?): {}; skipping",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            false
        }
        Ok(_) => true,
    }
}

/// What in an `strace -e trace=network` log is network access: any
/// address family but AF_UNIX (`socket(AF_INET…`, `sa_family=AF_INET6`,
/// `AF_NETLINK`…), and `connect`, `bind`, `sendto`, `sendmsg` with an
/// address that is not a Unix socket's. Returns the offending lines.
fn network_calls(trace: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for line in trace.lines() {
        let families: Vec<&str> = line
            .match_indices("AF_")
            .map(|(at, _)| {
                let rest = &line[at..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            .collect();
        let foreign_family = families
            .iter()
            .any(|f| !matches!(*f, "AF_UNIX" | "AF_LOCAL"));
        // A call with an address names its family; one without (NULL) is
        // on a socket that already exists, which the rule above covers.
        let call = line
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.split('(').next())
            .unwrap_or("");
        let addressed = matches!(call, "connect" | "bind" | "sendto" | "sendmsg" | "sendmmsg")
            && line.contains("sa_family=")
            && !line.contains("sa_family=AF_UNIX");
        let socket_not_unix = matches!(call, "socket" | "socketpair")
            && !line.contains("(AF_UNIX,")
            && !line.contains("(AF_LOCAL,");
        if foreign_family || addressed || socket_not_unix {
            bad.push(line.to_string());
        }
    }
    bad
}

#[test]
fn network_calls_are_recognised_in_an_strace_log() {
    let log = "\
101 socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) = 0
101 sendto(4, \"\", 0, MSG_DONTWAIT, NULL, 0) = 0
101 connect(5, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT
102 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 5
102 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP) = 6
102 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 7
102 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0
102 sendto(6, \"x\", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443)}, 28) = 1
102 socket(PF_PACKET, SOCK_RAW, 768) = 8
101 +++ exited with 0 +++
";
    let bad = network_calls(log);
    assert_eq!(bad.len(), 6, "{bad:#?}");
    assert!(bad.iter().all(|l| l.starts_with("102 ")), "{bad:#?}");
}

/// The real binary under `strace -f -e trace=network`: from the home
/// screen, open a guide, start a conversation, type, leave with `q`
/// twice. No socket but a Unix socket pair (crossterm's wake-up pipe),
/// no address but a Unix socket's.
#[test]
fn the_app_makes_no_network_calls() {
    if !strace_works() {
        return;
    }
    let Some(mut t) = Tmux::new() else { return };
    let trace = t.scratch("network.strace");
    t.start_shell();
    let trace_arg = trace.display().to_string();
    t.send_text(&privs::exec_line(&[
        "strace",
        "-f",
        "-e",
        "trace=network",
        "-o",
        &trace_arg,
        tmux::BIN,
        "--lang",
        "nl",
    ]));
    t.send_key("Enter");
    t.wait_for("Gesprekken", S10);
    t.wait_for("Voortgangsgesprek", S5);
    t.send_key("Down");
    t.send_key("Enter");
    t.wait_for("Voorbereiding · Voortgangsgesprek", S5);
    t.send_key("Enter");
    t.wait_for("Gegevens", S5);
    t.send_text("De Regenboog");
    t.wait_for("De Regenboog", S5);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_text("Zonder netwerk");
    t.wait_session(S5, |s| s.phases[0].notes == "Zonder netwerk");
    t.send_key("Escape");
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S10), 0, "strace's exit status is the app's");
    assert_eq!(
        tmux::load(&t.only_session_file()).phases[0].notes,
        "Zonder netwerk"
    );
    let log = std::fs::read_to_string(&trace).expect("the strace log");
    // Traced to the end: strace saw the app exit.
    assert!(
        log.lines().any(|l| l.ends_with("+++ exited with 0 +++")),
        "the trace does not reach the app's exit:\n{log}"
    );
    let bad = network_calls(&log);
    assert!(
        bad.is_empty(),
        "network calls:\n{}\nwhole log:\n{log}",
        bad.join("\n")
    );
    eprintln!(
        "network calls traced: {} lines, all on Unix sockets",
        log.lines().filter(|l| !l.contains("+++")).count()
    );
}

/// The words that run a program without a network: `unshare -n` as root,
/// `unshare -rn` (a user namespace) otherwise; None (with a note) when
/// neither works here.
fn without_network() -> Option<Vec<&'static str>> {
    let words: &[&str] = if privs::is_root() {
        &["unshare", "-n"]
    } else {
        &["unshare", "-rn"]
    };
    let ok = std::process::Command::new(words[0])
        .args(&words[1..])
        .args([
            "sh",
            "-c",
            "! test -e /proc/net/route || ! grep -qv Iface /proc/net/route",
        ])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("note: `{}` does not work here; skipping", words.join(" "));
        return None;
    }
    Some(words.to_vec())
}

/// A conversation in a network namespace of its own (no interface but a
/// loopback that is down): the app starts, saves and leaves as usual.
#[test]
fn the_app_works_without_a_network() {
    let Some(prefix) = without_network() else {
        return;
    };
    let Some(mut t) = Tmux::new() else { return };
    t.start_shell();
    let mut words = prefix;
    words.extend([
        tmux::BIN,
        "start",
        "voortgangsgesprek",
        "--client",
        "De Regenboog",
        "--lang",
        "nl",
    ]);
    t.send_text(&privs::exec_line(&words));
    t.send_key("Enter");
    walk_to_the_conversation(&t);
    t.send_text("Offline");
    t.wait_session(S5, |s| s.phases[0].notes == "Offline");
    t.send_text(" en klaar");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    assert_eq!(
        tmux::load(&t.only_session_file()).phases[0].notes,
        "Offline en klaar"
    );
}

/// `leidraad show` and `delete` on the command line while the session is
/// open in the app: show prints the last saved version and says on stderr
/// that it is open elsewhere and nothing is changed; delete is refused
/// with a message; the data folder is untouched and the app goes on.
#[test]
fn show_and_delete_while_the_session_is_open_in_the_app() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", "De Regenboog"]);
    t.send_text("Opgeslagen versie");
    t.send_key("C-s");
    t.wait_session(S5, |s| s.phases[0].notes == "Opgeslagen versie");
    // Typed after the save: on screen, not yet on disk (saved within 1 s).
    t.send_text(" plus");
    t.wait_for("Opgeslagen versie plus", S5);
    let path = t.only_session_file();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    t.wait_session(S5, |s| s.phases[0].notes == "Opgeslagen versie plus");
    let before = common::folder_state(&t.data_dir());
    assert!(
        before
            .iter()
            .any(|(n, _, _, _)| n == &format!(".~{name}.lock")),
        "the app holds no lock: {before:?}"
    );

    let out = t.run_cli(&["show", &name]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Opgeslagen versie plus"), "{shown}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "{name} is open in een ander venster; dit is de laatst opgeslagen versie. \
             Er wordt niets veranderd.\n"
        )
    );
    let out = t.run_cli(&["delete", "--yes", &name]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "leidraad: {name} is open in een ander venster en wordt niet verwijderd. \
             Sluit het daar eerst.\n"
        )
    );
    assert_eq!(
        common::folder_state(&t.data_dir()),
        before,
        "the folder changed"
    );

    // The app goes on and leaves; then show has nothing to add.
    t.send_text(" en verder");
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
    let out = t.run_cli(&["show", &name]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Opgeslagen versie plus en verder"));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// A data folder that others can read (0755) is left as it is, and the
/// app says so on its status line when it starts, with the `chmod 700`
/// that fixes it. The status line is one row and does not wrap: at 120
/// columns the end of the hint is cut off (see docs/reliability.md), so
/// the app runs in a window 240 columns wide here.
#[test]
fn a_data_folder_others_can_read_is_reported_at_start() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut t) = Tmux::new() else { return };
    let data = t.data_dir();
    std::fs::create_dir_all(&data).unwrap();
    set_mode(&data, 0o755);
    let dir = data.display().to_string();
    t.start_shell();
    t.send_text(&privs::exec_line(&[tmux::BIN, "--lang", "nl"]));
    t.send_key("Enter");
    let warning = format!(
        "! Andere gebruikers kunnen de gegevensmap lezen (rechten 755). \
         Maak hem privé met: chmod 700 {dir}"
    );
    // The status line wraps a long message (120 columns here): the whole
    // of it is on screen, the hint at its end too.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let screen = t.wait_until_in(MAIN, S10, "the whole warning", |s| {
        flat(s).contains(&flat(&warning))
    });
    assert!(
        screen.contains("Gesprekken"),
        "not the home screen:\n{screen}"
    );
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);
    let mode = std::fs::metadata(&data).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "the folder's mode was changed");
}
