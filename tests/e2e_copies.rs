//! The copy nobody finds (issue 15 point 5), with the real binary: an
//! emergency copy recorded in the config folder's `copies.toml` is named
//! on the home screen at the next start, and resuming the session takes
//! its newer notes in.

mod common;

use std::time::Duration;

use common::tmux::{self, Tmux};
use leidraad::store::CopyLog;

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

#[test]
fn a_recorded_emergency_copy_is_named_at_start_and_taken_in_on_resume() {
    let Some(mut t) = Tmux::new() else { return };
    t.start_conversation(Some("OBS De Vlinder"), &[]);
    t.send_text("Eerste");
    t.wait_session(S5, |s| s.phases[0].notes == "Eerste");
    t.send_key("Escape");
    t.send_key("q");
    t.wait_for("Verder met", S5);
    t.send_key("q");
    assert_eq!(t.wait_exit(S5), 0);

    // What the way out wrote elsewhere when the data folder failed: the
    // same session, later and with more notes.
    let session_file = t.only_session_file();
    let mut copy = tmux::load(&session_file);
    copy.phases[0].notes = "Eerste en wat daarna kwam".into();
    let later = copy.saved.expect("saved") + chrono::TimeDelta::seconds(30);
    copy.mark_saved(later);
    let copy_file = t.home_dir().join("noodkopie.toml");
    let text = leidraad::store::session_text(&copy).expect("a session text");
    std::fs::write(&copy_file, text).unwrap();
    CopyLog::in_folder(&t.cfg_dir())
        .record(&copy_file, Some(&session_file), later)
        .unwrap();

    t.respawn(&[]);
    let home = t.wait_for("noodkopie", S10);
    assert!(home.contains("hervat de sessie"), "{home}");
    // The message comes at once; the list of sessions to resume when the
    // worker has read the folder (under load a moment later).
    t.wait_for("Verder met", S10);
    // Resuming takes the copy in.
    t.send_key("Enter");
    let screen = t.wait_for("Eerste en wat daarna kwam", S10);
    assert!(screen.contains("Contracteren"), "{screen}");
    let s = t.wait_session(S5, |s| s.phases[0].notes == "Eerste en wat daarna kwam");
    assert_eq!(s.phases[0].notes, "Eerste en wat daarna kwam");
    assert!(copy_file.exists(), "the copy itself is kept");
}
