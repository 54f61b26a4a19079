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
    fn system_clock_has_whole_seconds() {
        assert_eq!(SystemClock.now().nanosecond(), 0);
    }
}
