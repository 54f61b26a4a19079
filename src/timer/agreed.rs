//! The end time agreed at the table ("Hoeveel tijd hebben we?"), as the
//! facilitator types it: a clock time (`15:30`, `15.30`) or the minutes
//! left (`45`, `45 min`, `+45`).

use chrono::{NaiveTime, TimeDelta};

use crate::session::Timestamp;

/// Why a typed end time was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndError {
    /// Neither a clock time nor a number of minutes.
    Unreadable,
    /// The time has passed already (or no minutes are left).
    Past,
    /// More than a day away.
    TooFar,
}

/// The most minutes an agreed end may lie ahead.
const MAX_MINUTES: i64 = 24 * 60;

/// The end time for what was typed at `now`: None for an empty text (the
/// planned end counts again), else a moment after `now`, on today's date
/// for a clock time.
pub fn parse_end(text: &str, now: Timestamp) -> Result<Option<Timestamp>, EndError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(time) = clock_time(text) {
        let at = now
            .date_naive()
            .and_time(time)
            .and_local_timezone(*now.offset())
            .single()
            .ok_or(EndError::Unreadable)?;
        return if at <= now {
            Err(EndError::Past)
        } else {
            Ok(Some(at))
        };
    }
    let minutes = minutes(text).ok_or(EndError::Unreadable)?;
    match minutes {
        0 => Err(EndError::Past),
        m if m > MAX_MINUTES => Err(EndError::TooFar),
        m => Ok(Some(now + TimeDelta::minutes(m))),
    }
}

/// `15:30`, `15.30`, `15u30`, `9:05`: hours and minutes of the day.
fn clock_time(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once([':', '.', 'u', 'h'])?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || h.len() > 2 || m.len() != 2 || !all_digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// `45`, `+45`, `45 min`, `45m`, `45 minuten`, `45 minutes`.
fn minutes(text: &str) -> Option<i64> {
    let text = text.strip_prefix('+').unwrap_or(text).trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = text.split_at(digits);
    let unit = unit.trim().to_lowercase();
    if number.is_empty() || number.len() > 6 {
        return None;
    }
    matches!(
        unit.as_str(),
        "" | "m" | "min" | "minuut" | "minuten" | "minute" | "minutes"
    )
    .then(|| number.parse().ok())
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::at;

    #[test]
    fn a_clock_time_is_today_and_ahead() {
        // at(0) is 09:00.
        let nine = at(0);
        assert_eq!(parse_end("15:30", nine), Ok(Some(at(390))));
        assert_eq!(parse_end(" 15.30 ", nine), Ok(Some(at(390))));
        assert_eq!(parse_end("9:05", nine), Ok(Some(at(5))));
        assert_eq!(parse_end("15u30", nine), Ok(Some(at(390))));
        assert_eq!(parse_end("08:30", nine), Err(EndError::Past));
        assert_eq!(parse_end("09:00", nine), Err(EndError::Past));
        assert_eq!(parse_end("25:00", nine), Err(EndError::Unreadable));
        assert_eq!(parse_end("15:3", nine), Err(EndError::Unreadable));
    }

    #[test]
    fn minutes_are_counted_from_now() {
        let nine = at(0);
        assert_eq!(parse_end("45", nine), Ok(Some(at(45))));
        assert_eq!(parse_end("+45", nine), Ok(Some(at(45))));
        assert_eq!(parse_end("45 min", nine), Ok(Some(at(45))));
        assert_eq!(parse_end("45 minuten", nine), Ok(Some(at(45))));
        assert_eq!(parse_end("0", nine), Err(EndError::Past));
        assert_eq!(parse_end("2000", nine), Err(EndError::TooFar));
        assert_eq!(parse_end("99999999999999", nine), Err(EndError::Unreadable));
        assert_eq!(parse_end("-5", nine), Err(EndError::Unreadable));
        assert_eq!(parse_end("half vier", nine), Err(EndError::Unreadable));
        assert_eq!(parse_end("45 uur", nine), Err(EndError::Unreadable));
    }

    #[test]
    fn nothing_typed_is_the_planned_end() {
        assert_eq!(parse_end("  ", at(0)), Ok(None));
    }
}
