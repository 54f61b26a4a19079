//! Where "now" comes from. Only the event loop and the command line ask a
//! clock; everything below them takes `now` as an argument.

use std::sync::Mutex;

use chrono::{DateTime, FixedOffset, Local, TimeDelta, Timelike};

/// A source of the current wall-clock time, truncated to whole seconds.
pub trait Clock: Send + Sync {
    /// The current time with the local UTC offset.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        let now = Local::now().fixed_offset();
        now.with_nanosecond(0).unwrap_or(now)
    }
}

/// The clock the app runs on: the real one. In test builds
/// (`debug_assertions`, as `cargo test` builds the binary) the end-to-end
/// tests may set it: with `LEIDRAAD_TEST_NOW_FILE` set, "now" is the
/// RFC 3339 time written in that file plus the time since the file was
/// written (the real time while the file cannot be read), so a test can
/// move the clock of the running binary. A release
/// build has no such hook. The pinned clock goes on from the written time
/// as real time passes (so the app ticks and saves as it does), like a
/// clock that was set; a file dated in the future holds it still (no time
/// has passed since), for captures that must not change between runs.
pub fn from_env() -> Box<dyn Clock> {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("LEIDRAAD_TEST_NOW_FILE") {
        return Box::new(FileClock(path.into()));
    }
    Box::new(SystemClock)
}

/// Test builds only: the time written in a file (see [`from_env`]).
#[cfg(debug_assertions)]
#[derive(Debug)]
struct FileClock(std::path::PathBuf);

#[cfg(debug_assertions)]
impl Clock for FileClock {
    fn now(&self) -> DateTime<FixedOffset> {
        let set = std::fs::read_to_string(&self.0)
            .ok()
            .and_then(|text| DateTime::parse_from_rfc3339(text.trim()).ok());
        let since = std::fs::metadata(&self.0)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|written| written.elapsed().ok())
            .and_then(|d| TimeDelta::from_std(d).ok())
            .unwrap_or_default();
        match set {
            Some(set) => {
                let now = set + since;
                now.with_nanosecond(0).unwrap_or(now)
            }
            None => SystemClock.now(),
        }
    }
}

/// A clock that stands still until told to move, for tests.
#[derive(Debug)]
pub struct FakeClock {
    now: Mutex<DateTime<FixedOffset>>,
}

impl FakeClock {
    /// A fake clock pinned at `start`.
    pub fn new(start: DateTime<FixedOffset>) -> Self {
        FakeClock {
            now: Mutex::new(start),
        }
    }

    /// Move the clock by `delta` (may be negative, like a clock set back).
    pub fn advance(&self, delta: TimeDelta) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now += delta;
    }

    /// Set the clock to `to`.
    pub fn set(&self, to: DateTime<FixedOffset>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = to;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_clock_moves_only_when_told() {
        let t0 = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        let clock = FakeClock::new(t0);
        assert_eq!(clock.now(), t0);
        clock.advance(TimeDelta::minutes(12));
        assert_eq!(clock.now(), t0 + TimeDelta::minutes(12));
        clock.set(t0);
        assert_eq!(clock.now(), t0);
    }

    #[test]
    fn a_test_build_reads_a_pinned_clock_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("now");
        std::fs::write(&path, "2026-11-23T09:00:00+01:00\n").unwrap();
        let clock = FileClock(path.clone());
        let t0 = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
        // It goes on from the time written (a test run takes seconds).
        let near = |now: DateTime<FixedOffset>, to: DateTime<FixedOffset>| {
            (now - to).num_seconds().abs() <= 5
        };
        assert!(near(clock.now(), t0), "{}", clock.now());
        std::fs::write(&path, "2026-11-23T10:20:05+01:00").unwrap();
        assert!(near(clock.now(), t0 + TimeDelta::seconds(80 * 60 + 5)));
        // Unreadable: the real time.
        std::fs::write(&path, "gisteren").unwrap();
        assert!(clock.now() > t0);
    }

    #[test]
    fn system_clock_has_whole_seconds() {
        assert_eq!(SystemClock.now().nanosecond(), 0);
    }
}
