//! When the model next needs a tick: the event loop sleeps until then
//! unless input, a signal or a worker wakes it (issue 17 point 3: a paused
//! clock, the home screen and the history do not wake every second).

use chrono::{DurationRound, TimeDelta};

use super::App;
use crate::session::Timestamp;

impl App {
    /// The time of the next `Msg::Tick` the model needs if nothing else
    /// happens: the next second while a clock runs on screen, typing waits
    /// for its save (made at the next tick), a failing save is shown or a
    /// banner waits to go; the next minute while the clock is paused (the
    /// wall clock on screen shows minutes); else the next midnight (the
    /// home screen's plans are shown for a day). Always after `now`.
    pub fn next_tick(&self, now: Timestamp) -> Timestamp {
        let banner = self.conv().is_some_and(|c| c.banner.is_some());
        let second = self.shell.dirty || self.shell.save_failing || banner;
        match self.session() {
            Some(s) if !s.is_paused() => whole(now, TimeDelta::seconds(1)),
            _ if second => whole(now, TimeDelta::seconds(1)),
            Some(_) => whole(now, TimeDelta::minutes(1)),
            None => {
                let midnight = now
                    .date_naive()
                    .succ_opt()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .and_then(|t| t.and_local_timezone(*now.offset()).single());
                midnight.unwrap_or_else(|| whole(now, TimeDelta::minutes(1)))
            }
        }
    }
}

/// The first whole `step` (a second, a minute) after `now`.
fn whole(now: Timestamp, step: TimeDelta) -> Timestamp {
    now.duration_trunc(step).unwrap_or(now) + step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::session::Session;
    use crate::session::fixture::{at, guide};
    use crate::settings::Settings;
    use crate::tui::app::Msg;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn app() -> App {
        App::new(Settings::new(Lang::Nl), Vec::new(), 0)
    }

    fn later(t: Timestamp, seconds: i64) -> Timestamp {
        t + TimeDelta::milliseconds(seconds * 1000 + 300)
    }

    #[test]
    fn no_timer_is_armed_on_the_home_screen_before_midnight() {
        let app = app();
        let now = later(at(0), 17);
        let next = app.next_tick(now);
        assert!(next >= whole(now, TimeDelta::minutes(1)), "{next}");
        assert_eq!(
            next.time(),
            chrono::NaiveTime::MIN,
            "the next midnight: {next}"
        );
        assert_eq!(next.date_naive(), now.date_naive().succ_opt().unwrap());
    }

    #[test]
    fn a_running_clock_ticks_each_second_and_a_paused_one_each_minute_on_the_minute() {
        let mut app = app();
        let mut session = Session::new(&guide(), at(0));
        session.start(at(0));
        let answer = app.update(
            Msg::Resumed {
                session: Box::new(session),
                file_name: "x.toml".into(),
            },
            at(0),
        );
        drop(answer);
        assert!(app.session().is_some(), "in the conversation");
        let now = later(at(3), 17);
        assert_eq!(app.next_tick(now), whole(now, TimeDelta::seconds(1)));
        // Typing is left, then the clock is paused (saved at once).
        for key in [KeyCode::Esc, KeyCode::Char('t')] {
            app.update(Msg::Key(KeyEvent::new(key, KeyModifiers::NONE)), now);
        }
        assert!(app.session().is_some_and(|s| s.is_paused()), "paused");
        assert!(!app.shell.dirty, "the pause was saved at once");
        let next = app.next_tick(now);
        assert_eq!(next, whole(now, TimeDelta::minutes(1)));
        assert_eq!(next.timestamp() % 60, 0, "on the minute");
        // A failing save is shown each second until it works again.
        app.shell.save_failing = true;
        assert_eq!(app.next_tick(now), whole(now, TimeDelta::seconds(1)));
    }
}
