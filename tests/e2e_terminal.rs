//! The terminal side of the promises, end to end: a closed terminal costs
//! no CPU and the app leaves at once; a panic gives the terminal back,
//! writes a rescue copy beside the session and the next start restores it.
//! The real binary runs in private tmux servers (see `common/tmux.rs`).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::tmux::{self, MAIN, Tmux};
use leidraad::session::Session;

const S2: Duration = Duration::from_secs(2);
const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

/// The CPU time a closed terminal may cost before the app is gone: saving
/// and leaving take a few milliseconds; the old wait in crossterm spun for
/// up to a second (0.4–0.9 s of CPU).
const CPU_AFTER_CLOSE: Duration = Duration::from_millis(250);

/// Sleep until `from`..`from + 100 ms` past a whole second of the wall
/// clock. The app's wait ends on whole seconds (plus 5 ms), so just after
/// one it has almost a second of waiting ahead.
fn just_after_a_whole_second(from: Duration) {
    loop {
        let sub = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_millis())
            .unwrap_or(0) as u64;
        let from = from.as_millis() as u64;
        if (from..from + 100).contains(&sub) {
            return;
        }
        let wait = (from + 1000 - sub) % 1000;
        std::thread::sleep(Duration::from_millis(wait.max(1)));
    }
}

/// Hidden files left beside the sessions (`.~NAME.rescue`, `.~NAME.lock`, …).
fn hidden_files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".~"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Close the terminal of an app started by `bash -c "trap '' HUP; [PREFIX]
/// leidraad …; times"` and check: the app is gone within 2 s with status
/// 0, it used less than [`CPU_AFTER_CLOSE`] of CPU after the close (the
/// shell's `times` against `/proc` just before), the notes are saved and
/// no rescue copy or lock is left.
fn close_the_terminal(prefix: &str) {
    let Some(mut t) = Tmux::new() else { return };
    let out = t.scratch("after-close.txt");
    // The shell ignores the hangup, so it lives on to report the CPU time
    // of its child; the app gets SIGHUP from the kernel all the same
    // (signal-hook installs its handler over the inherited SIG_IGN).
    let script = format!(
        "trap '' HUP; {prefix} \"$0\" start voortgangsgesprek --client Regenboog --lang nl; \
         st=$?; {{ times; echo \"status $st\"; }} > '{out}.tmp'; mv '{out}.tmp' '{out}'",
        out = out.display()
    );
    t.start_command(&["bash", "-c", &script, tmux::BIN]);
    t.walk_to_conversation(None);
    let typed = "Het venster gaat zo dicht";
    t.send_text(typed);
    t.wait_for(typed, S5);
    let shell = t.pane_pid();
    let pid = tmux::descendant_named(shell, "leidraad").expect("the app under the shell");
    // Keep the server alive when the app's pane goes.
    t.tmux(&["new-window", "-d", "-t", "t:5", "sleep", "600"]);
    // The worst moment for the old wait (it spun until the next second).
    just_after_a_whole_second(Duration::from_millis(30));
    let before = tmux::cpu_time(pid).expect("the app's CPU time");
    t.tmux(&["kill-pane", "-t", MAIN]);
    let closed = Instant::now();
    tmux::wait_gone(pid, closed, S2, "its terminal closed");
    let gone = closed.elapsed();
    let report = tmux::wait_file(&out, S5);
    let total = tmux::children_cpu_from_times(&report)
        .unwrap_or_else(|| panic!("no CPU times in the shell's report:\n{report}"));
    let after_close = total.saturating_sub(before);
    eprintln!("CPU after the close: {after_close:?} (gone after {gone:?})");
    assert!(
        after_close < CPU_AFTER_CLOSE,
        "the app used {after_close:?} of CPU after its terminal closed \
         ({before:?} before, {total:?} in all)"
    );
    assert!(
        report.contains("status 0"),
        "the app did not exit with status 0:\n{report}"
    );
    let session = tmux::load(&t.only_session_file());
    assert_eq!(session.phases[0].notes, typed);
    assert_eq!(
        hidden_files(&t.data_dir()),
        Vec::<String>::new(),
        "files left beside the session"
    );
}

#[test]
fn a_closed_terminal_costs_no_cpu_and_the_app_leaves_at_once() {
    close_the_terminal("");
}

/// In a session of its own the app is not sent SIGHUP when its terminal
/// closes: it must see the hangup on the terminal itself.
#[test]
fn a_closed_terminal_is_seen_without_sighup() {
    close_the_terminal("setsid -w");
}

/// The rescue copy of a session: `.~NAME.rescue` beside it.
fn rescue_path(session: &Path) -> PathBuf {
    session.with_file_name(format!(
        ".~{}.rescue",
        session.file_name().unwrap().to_string_lossy()
    ))
}

#[test]
fn a_panic_gives_the_terminal_back_and_the_rescue_copy_is_restored() {
    if !cfg!(debug_assertions) {
        eprintln!(
            "note: LEIDRAAD_TEST_PANIC_KEY exists only in debug builds; skipping the panic test"
        );
        return;
    }
    let Some(mut t) = Tmux::new() else { return };
    let (shell, _) = t.app_in_shell("LEIDRAAD_TEST_PANIC_KEY=F12");
    let saved = "Eerst dit, bewaard.";
    t.send_text(saved);
    t.wait_session(S5, |s| s.phases[0].notes == saved);
    let session_file = t.only_session_file();
    let rescue = rescue_path(&session_file);
    // Then more text and the panic key at once, early in a second: the
    // next save (on the next whole second) does not come before the panic.
    let unsaved = " En dit nog niet.";
    just_after_a_whole_second(Duration::from_millis(100));
    t.tmux(&[
        "send-keys",
        "-t",
        MAIN,
        "-l",
        "--",
        unsaved,
        ";",
        "send-keys",
        "-t",
        MAIN,
        "F12",
    ]);
    let all = format!("{saved}{unsaved}");

    // The terminal is given back, with the message and the rescue path.
    let end = Instant::now() + S10;
    let message = loop {
        let screen = t.screen_joined(MAIN);
        if let Some(line) = screen.lines().find(|l| l.contains("onverwacht gestopt")) {
            break line.to_string();
        }
        assert!(
            Instant::now() < end,
            "no rescue message after the panic; the screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        message.contains(&format!("gered in {};", rescue.display())),
        "the message does not name {}:\n{message}",
        rescue.display()
    );
    let end = Instant::now() + S5;
    while !tmux::children(shell).is_empty() {
        assert!(Instant::now() < end, "the app still runs after the panic");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        t.display(MAIN, "#{alternate_on}"),
        "0",
        "the alternate screen is still on"
    );
    t.send_text("echo EXIT=$?");
    t.send_key("Enter");
    t.wait_for("EXIT=101", S5);
    // Raw mode is off: the terminal echoes and edits lines again. (bash's
    // line editor sets its own modes while it reads a line and puts back
    // what it found before running a command, so stty sees the app's.)
    let (modes, missing) = t.pane_modes();
    assert!(
        missing.is_empty(),
        "{missing:?} off after the panic:\n{modes}"
    );

    // The rescue copy holds everything typed; the session file was not
    // written over by it (it still has the last save only).
    let rescued = tmux::load(&rescue);
    assert_eq!(rescued.phases[0].notes, all, "the rescue copy");
    let on_disk = tmux::load(&session_file);
    assert_eq!(on_disk.phases[0].notes, saved, "the session file");
    assert_eq!(t.session_files(), vec![session_file.clone()]);

    // The next start offers it, and resuming restores all of it.
    t.send_text(&format!("{} --lang nl", tmux::BIN));
    t.send_key("Enter");
    let home = t.wait_for("Verder met", S10);
    let row = home
        .lines()
        .find(|l| l.contains("Regenboog"))
        .unwrap_or_else(|| panic!("no row for the session:\n{home}"));
    assert!(
        row.contains("reddingskopie"),
        "the session is not marked as rescued:\n{home}"
    );
    t.send_key("Enter");
    t.wait_for("Totaal", S5);
    t.wait_for(&all, S5);
    assert!(
        !rescue.exists(),
        "the rescue copy is still there after resuming"
    );
    let restored: Session = tmux::load(&session_file);
    assert_eq!(
        restored.phases[0].notes, all,
        "the session file after resuming"
    );
    t.send_key("C-c");
    let end = Instant::now() + S5;
    while !tmux::children(shell).is_empty() {
        assert!(Instant::now() < end, "the app did not leave on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.send_text("echo EXIT=$?");
    t.send_key("Enter");
    t.wait_for("EXIT=0", S5);
    assert_eq!(tmux::load(&session_file).phases[0].notes, all);
    assert_eq!(hidden_files(&t.data_dir()), Vec::<String>::new());
}

/// A burst far larger than crossterm's 1 KB read (a paste without
/// bracketed paste), with no key after it: all of it reaches the notes and
/// the file. The loop takes a burst with zero-timeout polls, which hand
/// over what crossterm parsed already only with our patch of crossterm
/// (vendor/crossterm/PATCH.md); without it the loop would sleep with typed
/// text inside crossterm until the next key.
#[test]
fn a_large_burst_with_no_key_after_it_is_taken_whole() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(None, &["--client", "De Regenboog"]);
    let burst: String = (0..300).map(|i| format!("woord{i:03} ")).collect();
    let burst = burst.trim_end().to_string();
    t.send_text(&burst);
    let s = t.wait_session(S5, |s| s.phases[0].notes == burst);
    assert_eq!(s.phases[0].notes.chars().count(), 2_699);
    t.wait_for("woord299", S2);
}
