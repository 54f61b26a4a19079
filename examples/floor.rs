//! The floor for the idle measurements (`scripts/perf/idle.sh floor`): the
//! least a ratatui app with a running clock does, with the crates leidraad
//! uses. It draws one line with the time, once a second, and leaves on `q`.
//! What leidraad costs at idle is read against this, on the same machine
//! at the same time.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ratatui::crossterm::event::{self, Event, KeyCode};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = run(&mut terminal);
    ratatui::restore();
    result
}

fn run(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    loop {
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let secs = since.as_secs() % 86_400;
        let line = format!(
            "floor {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        terminal.draw(|f| f.render_widget(line.as_str(), f.area()))?;
        let to_next =
            Duration::from_secs(1) - Duration::from_nanos(u64::from(since.subsec_nanos()));
        if event::poll(to_next)?
            && let Event::Key(key) = event::read()?
            && key.code == KeyCode::Char('q')
        {
            return Ok(());
        }
    }
}
