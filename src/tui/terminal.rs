//! Taking the terminal and giving it back: raw mode and the alternate
//! screen without ratatui's panic hook (ours restores the terminal itself,
//! after the rescue copy is safe), `Ctrl-Z`, and a terminal that is gone.

use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use super::app::{App, Msg};
use super::runtime::Runtime;
use crate::session::Timestamp;

/// Raw mode and the alternate screen, without ratatui's panic hook (ours
/// restores the terminal itself, after the rescue copy is safe, and never
/// panics on a terminal that is gone).
pub fn init() -> DefaultTerminal {
    let ours = std::panic::take_hook();
    let terminal = ratatui::init();
    let _ = std::panic::take_hook();
    std::panic::set_hook(ours);
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    terminal
}

/// Give the terminal back (never panics: the terminal may be gone).
pub fn restore() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// Drop the terminal. ratatui's drop shows the cursor and, when that
/// fails (the terminal is gone), reports it with `eprintln!`, which panics
/// on a closed stderr: then the terminal is forgotten instead.
pub fn drop_terminal(mut terminal: DefaultTerminal) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// Ctrl-Z: save, give the terminal back, stop; on `fg`, take it again.
/// The answers to the save (a file created) go into `pending`.
pub fn suspend(
    app: &mut App,
    rt: &mut Runtime,
    terminal: &mut DefaultTerminal,
    pending: &mut Vec<Msg>,
    now: Timestamp,
) {
    rt.run(app.save_now(), pending, now);
    rt.saver.flush(Duration::from_secs(2));
    let _ = terminal.show_cursor();
    restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    // After `fg` (SIGCONT): take the terminal again. The caller marks the
    // screen dirty, and the cleared terminal is drawn in full.
    drop_terminal(std::mem::replace(terminal, init()));
    let _ = terminal.clear();
}
