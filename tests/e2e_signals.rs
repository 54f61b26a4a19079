//! SIGINT and SIGQUIT from outside (`kill -INT`, `timeout -s INT`, a
//! process manager) end the app like SIGTERM (issue 15 point 4): the last
//! text is saved, the terminal is given back in its modes (checked with
//! `stty` in the pane), and the lock is gone. Without a handler their
//! default action left the shell raw on the alternate screen.

mod common;

use std::time::{Duration, Instant};

use common::tmux::{self, MAIN, Tmux};

const S5: Duration = Duration::from_secs(5);

/// Type, send `sig` to the app at once, and check the end state.
fn leaves_like_sigterm(sig: &str) {
    let Some(mut t) = Tmux::new() else { return };
    let (_shell, pid) = t.app_in_shell("");
    let text = format!("net voor sig{}", sig.to_lowercase());
    t.send_text(&text);
    t.wait_for(&text, S5);
    tmux::signal(pid, sig);
    let sent = Instant::now();
    tmux::wait_gone(pid, sent, Duration::from_secs(3), &format!("SIG{sig}"));

    t.send_text("echo EXIT=$?");
    t.send_key("Enter");
    t.wait_for("EXIT=0", S5);
    assert_eq!(
        t.display(MAIN, "#{alternate_on}"),
        "0",
        "SIG{sig}: the alternate screen is still on"
    );
    // bash's line editor puts back the modes it found before running a
    // command, so stty sees the ones the app left.
    let (modes, missing) = t.pane_modes();
    assert!(
        missing.is_empty(),
        "SIG{sig}: {missing:?} off afterwards:\n{modes}"
    );
    let s = tmux::load(&t.only_session_file());
    assert_eq!(s.phases[0].notes, text, "SIG{sig}: the last text is saved");
    let left: Vec<String> = tmux::hidden_files(&t.data_dir())
        .into_iter()
        .filter(|n| n.ends_with(".lock") || n.ends_with(".tmp"))
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "SIG{sig}: lock or temp file left"
    );
}

#[test]
fn sigint_from_outside_saves_gives_the_terminal_back_and_unlocks() {
    leaves_like_sigterm("INT");
}

#[test]
fn sigquit_from_outside_saves_gives_the_terminal_back_and_unlocks() {
    leaves_like_sigterm("QUIT");
}
