//! The timer: elapsed and remaining time per phase and overall, pace and
//! proposed budgets, reminders. Pure maths over a [`Session`]'s wall-clock
//! timestamps and a `now` given by the caller; nothing here reads a clock.
//!
//! One clock, one end time. Definitions (all durations in whole seconds):
//!
//! - A phase's **elapsed** time is the sum of its visits (an open visit runs
//!   up to `now`; a visit whose end lies before its start, after the clock
//!   was set back, counts 0) plus its corrections, never below 0.
//! - A **correction** (`+`/`-`) says the phase, and so the conversation,
//!   started that much earlier or later: the conversation's **anchor** is
//!   `started` moved back by the sum of all corrections.
//! - The **end** is the end agreed at the table when one was set
//!   ([`Session::agreed_end`]), else `anchor + planned total`; before the
//!   start it is `now + planned total`. Every figure on screen follows it:
//!   the time left, the pace, the proposed budgets, the reminders.
//! - **Stopped** time is the time since the start during which no visit ran:
//!   explicit pauses and the time the session was left (`q`) or the app was
//!   down and that was not counted. It does not move the end: it comes out
//!   of the time left. So, with the clock running forward, `total elapsed +
//!   stopped + time left = end − anchor` (the conversation's **duration**).
//! - A phase is **done** when it was skipped, or when it was visited and is
//!   not the current phase, unless it comes after the current phase and had
//!   less than a minute ([`LOOKED_AT_SECS`]): then it was only looked at
//!   (`n n p p` to see what comes) and is still to come. In a finished
//!   session every phase is done.
//! - The **projected end** (the end at the current pace) is `now` plus the
//!   budget still left on the current phase (0 when over) plus what is left
//!   of the budgets of the phases not done. In a finished session it is the finish time.
//! - **Behind by** is `projected end − end` (negative: ahead).
//! - When behind, or when an agreed end leaves a minute or more to spare,
//!   every phase not done and not current gets a **proposed** budget: the time left until the end, minus what the current phase still
//!   has, shared in proportion to the original budgets, in whole minutes, at
//!   least one minute each (only when even one minute each does not fit does
//!   the sum exceed the time left). When the time left does not even hold
//!   what the current phase still has plus a minute for each phase after
//!   it (an end agreed far earlier than planned), the current phase shares
//!   too: the time left is shared over what it still has and the others'
//!   budgets (the others at least a minute each), and its proposal is its
//!   elapsed time plus its share (0 when the others' minutes take all the
//!   time: then it is over).
//! - With an agreed end, the projected end follows the proposed budgets
//!   where there are any (the agreed end when they fit).
//! - A **reminder** is due at its moment on the same clock: `anchor + m` for
//!   "minutes after the start", `end − m` for "minutes before the end", and
//!   never once the end has passed.
//!
//! A session file may hold any number (a correction of `i64::MAX`
//! seconds, a visit in the year 9999): elapsed times and the sum of the
//! corrections are held within ±[`MAX_SECS`] and every sum saturates, so
//! no figure here, and no sum a screen or a report makes of them, can
//! overflow.

use crate::session::{Session, Status, Timestamp};

mod agreed;
mod propose;
#[cfg(test)]
mod props;

pub use agreed::{EndError, parse_end};
#[cfg(test)]
mod tests;

/// The largest elapsed time, and the largest sum of corrections either
/// way, the timer counts with: 2^40 seconds (about 34,800 years).
pub const MAX_SECS: i64 = 1 << 40;

/// How a phase's clock stands against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseState {
    /// Below 80% of the budget.
    Normal,
    /// At least 80% of the budget used, not over.
    Near,
    /// Over the budget.
    Over,
}

/// One phase's clock, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseTime {
    /// Seconds counted to this phase.
    pub elapsed: i64,
    /// The phase's budget in seconds (scaled to the guide's total).
    pub budget: i64,
    /// A budget in seconds (whole minutes) that fits the planned end, when
    /// the conversation runs behind and this phase is still to come.
    pub proposed: Option<i64>,
    pub state: PhaseState,
    pub done: bool,
    pub skipped: bool,
    /// This is the phase on screen.
    pub current: bool,
}

/// Everything the timer shows, computed at one `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimerView {
    pub phases: Vec<PhaseTime>,
    /// Seconds counted to all phases together.
    pub total_elapsed: i64,
    /// The planned total in seconds (the guide's minutes).
    pub planned: i64,
    /// The conversation's length in seconds, from its anchor to its end
    /// (the planned total until another end is agreed).
    pub duration: i64,
    /// The clock time the conversation ends at: agreed, or planned.
    pub planned_end: Timestamp,
    /// The end was agreed at the table ("Hoeveel tijd hebben we?").
    pub agreed: bool,
    /// The clock time at which it will end at the current pace.
    pub projected_end: Timestamp,
    /// Seconds left until the end, for the current phase's rest and the
    /// phases not done (negative: past the end).
    pub remaining_for_rest: i64,
    /// Seconds the projected end lies after the end (negative: ahead).
    pub behind_by: i64,
    /// The timer is paused.
    pub paused: bool,
    /// Stopped seconds since the start (pauses and time away).
    pub paused_secs: i64,
    /// The conversation has started.
    pub started: bool,
}

/// The moment the timer is computed at: `now`, or the finish time of a
/// finished session (so a finished session's figures never change).
fn effective_now(session: &Session, now: Timestamp) -> Timestamp {
    match (session.status, session.finished) {
        (Status::Finished, Some(f)) => f,
        _ => now,
    }
}

fn secs(from: Timestamp, to: Timestamp) -> i64 {
    (to - from).num_seconds().max(0)
}

/// `secs` seconds as a duration, held to the range chrono can represent
/// (a session file may hold any number; `TimeDelta::seconds` panics
/// outside about ±292 million years).
fn delta(secs: i64) -> chrono::TimeDelta {
    let max = chrono::TimeDelta::MAX.num_seconds();
    chrono::TimeDelta::try_seconds(secs.clamp(-max, max)).unwrap_or(chrono::TimeDelta::MAX)
}

/// The sum of `values`, saturating at the ends of `i64`.
fn saturating_sum(values: impl Iterator<Item = i64>) -> i64 {
    values.fold(0i64, i64::saturating_add)
}

/// Seconds counted to phase `phase` at `now` (0 for an unknown phase, at
/// most [`MAX_SECS`]).
pub fn phase_elapsed(session: &Session, phase: usize, now: Timestamp) -> i64 {
    let now = effective_now(session, now);
    let Some(record) = session.phases.get(phase) else {
        return 0;
    };
    let visits = saturating_sum(
        record
            .visits
            .iter()
            .map(|v| secs(v.start, v.end.unwrap_or(now))),
    );
    let corrections = saturating_sum(record.corrections.iter().map(|c| c.seconds));
    visits.saturating_add(corrections).clamp(0, MAX_SECS)
}

/// Seconds counted to all phases at `now` (at most [`MAX_SECS`]).
pub fn total_elapsed(session: &Session, now: Timestamp) -> i64 {
    saturating_sum((0..session.phases.len()).map(|p| phase_elapsed(session, p, now))).min(MAX_SECS)
}

/// The sum of every phase's corrections: how much earlier (positive) the
/// conversation started than `started` says.
pub fn correction_secs(session: &Session) -> i64 {
    saturating_sum(
        session
            .phases
            .iter()
            .flat_map(|p| p.corrections.iter())
            .map(|c| c.seconds),
    )
    .clamp(-MAX_SECS, MAX_SECS)
}

/// The moment the conversation counts from: `started` moved by the
/// corrections (None before the start).
pub fn anchor(session: &Session) -> Option<Timestamp> {
    let started = session.started?;
    started.checked_sub_signed(delta(correction_secs(session)))
}

/// The end of the conversation (see the module documentation).
pub fn end_at(session: &Session, now: Timestamp) -> Timestamp {
    let planned = delta(i64::from(session.guide.minutes) * 60);
    if let Some(end) = session.agreed_end {
        return end;
    }
    match anchor(session) {
        Some(anchor) => anchor.checked_add_signed(planned).unwrap_or(anchor),
        None => now.checked_add_signed(planned).unwrap_or(now),
    }
}

/// Stopped seconds between the start and `now`: the time no visit ran
/// (pauses, time away). 0 before the start.
pub fn paused_secs(session: &Session, now: Timestamp) -> i64 {
    let now = effective_now(session, now);
    let Some(started) = session.started else {
        return 0;
    };
    let wall = secs(started, now);
    // The union of all visits, clipped to [started, now].
    let mut spans: Vec<(Timestamp, Timestamp)> = session
        .phases
        .iter()
        .flat_map(|p| p.visits.iter())
        .map(|v| (v.start.max(started), v.end.unwrap_or(now).min(now)))
        .filter(|(s, e)| s < e)
        .collect();
    spans.sort();
    let mut running = 0;
    let mut reach: Option<Timestamp> = None;
    for (s, e) in spans {
        let s = reach.map_or(s, |r| s.max(r));
        if e > s {
            running += secs(s, e);
            reach = Some(e);
        }
    }
    (wall - running).max(0)
}

/// The state of a clock with `elapsed` seconds against `budget` seconds.
pub fn phase_state(elapsed: i64, budget: i64) -> PhaseState {
    if elapsed > budget {
        PhaseState::Over
    } else if i128::from(elapsed) * 5 >= i128::from(budget) * 4 {
        PhaseState::Near
    } else {
        PhaseState::Normal
    }
}

/// A phase after the current one that had less than this was only looked
/// at (`n n p p` to see what comes), not done.
pub const LOOKED_AT_SECS: i64 = 60;

/// Whether phase `phase`, with `elapsed` on its clock, is done (see the
/// module documentation).
pub fn is_done(session: &Session, phase: usize, elapsed: i64) -> bool {
    let Some(record) = session.phases.get(phase) else {
        return false;
    };
    let looked_at = phase > session.current && elapsed < LOOKED_AT_SECS;
    session.status == Status::Finished
        || record.skipped
        || (!record.visits.is_empty() && phase != session.current && !looked_at)
}

/// The indexes of the guide's reminders that are due at `now`: their moment
/// (see the module documentation) has come and the end has not passed,
/// and they are not in `reminders_shown`. Nothing is due before the start
/// or after the finish. The caller records the ones it shows in
/// `reminders_shown`, so each fires once.
pub fn due_reminders(session: &Session, now: Timestamp) -> Vec<usize> {
    if session.status == Status::Finished {
        return Vec::new();
    }
    let Some(anchor) = anchor(session) else {
        return Vec::new();
    };
    let end = end_at(session, now);
    if now > end {
        return Vec::new();
    }
    session
        .guide
        .reminders
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            !session.reminders_shown.contains(i) && reminder_at(r.at, anchor, end) <= now
        })
        .map(|(i, _)| i)
        .collect()
}

/// The clock time a reminder is due at.
pub fn reminder_at(at: crate::guide::ReminderAt, anchor: Timestamp, end: Timestamp) -> Timestamp {
    use crate::guide::ReminderAt;
    let minutes = |m: u32| delta(i64::from(m) * 60);
    match at {
        ReminderAt::MinutesAfterStart(m) => anchor.checked_add_signed(minutes(m)).unwrap_or(anchor),
        ReminderAt::MinutesBeforeEnd(m) => end.checked_sub_signed(minutes(m)).unwrap_or(end),
    }
}

/// Everything the timer shows at `now`.
pub fn snapshot(session: &Session, now: Timestamp) -> TimerView {
    let now = effective_now(session, now);
    let budgets = session.guide.scaled_budgets_secs();
    let planned = session.guide.minutes as i64 * 60;
    let mut phases: Vec<PhaseTime> = session
        .phases
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let elapsed = phase_elapsed(session, i, now);
            let budget = budgets.get(i).copied().unwrap_or(0);
            PhaseTime {
                elapsed,
                budget,
                proposed: None,
                state: phase_state(elapsed, budget),
                done: is_done(session, i, elapsed),
                skipped: record.skipped,
                current: i == session.current,
            }
        })
        .collect();
    let total_elapsed = saturating_sum(phases.iter().map(|p| p.elapsed)).min(MAX_SECS);
    let paused_secs = paused_secs(session, now);
    let planned_end = end_at(session, now);
    let duration = match anchor(session) {
        Some(anchor) => (planned_end - anchor).num_seconds(),
        None => planned,
    };
    let current_left = phases
        .iter()
        .find(|p| p.current && !p.done)
        .map_or(0, |p| p.budget.saturating_sub(p.elapsed).max(0));
    let rest: Vec<usize> = (0..phases.len())
        .filter(|&i| !phases[i].done && !phases[i].current)
        .collect();
    // What is left of each (a phase only looked at has had a little).
    let rest_budget = saturating_sum(
        rest.iter()
            .map(|&i| phases[i].budget.saturating_sub(phases[i].elapsed).max(0)),
    );
    let projected_end = if session.status == Status::Finished {
        now
    } else {
        now.checked_add_signed(delta(current_left.saturating_add(rest_budget)))
            .unwrap_or(now)
    };
    let remaining_for_rest = (planned_end - now).num_seconds();
    let behind_by = (projected_end - planned_end).num_seconds();
    if rescales(session, behind_by) {
        propose::budgets(&mut phases, current_left, remaining_for_rest);
    }
    // With an end agreed at the table the proposals are the plan: "at this
    // pace" is where they end (the agreed end when they fit, later when
    // even a minute each does not), not where the original budgets would.
    let projected_end = match session.agreed_end {
        Some(_) if session.status != Status::Finished => {
            propose::end(&phases, now).unwrap_or(projected_end)
        }
        _ => projected_end,
    };
    TimerView {
        phases,
        total_elapsed,
        planned,
        duration,
        planned_end,
        agreed: session.agreed_end.is_some(),
        projected_end,
        remaining_for_rest,
        behind_by,
        paused: session.is_paused(),
        paused_secs,
        started: session.started.is_some(),
    }
}

/// Whether the phases still to come get proposed budgets: when the
/// conversation runs behind, or when an agreed end leaves at least a minute
/// more than their budgets need (the budgets then grow to fit it).
pub fn rescales(session: &Session, behind_by: i64) -> bool {
    behind_by > 0 || (session.agreed_end.is_some() && behind_by <= -60)
}

/// Share `minutes` over parts in proportion to `weights` (largest remainder),
/// at least one minute each. The shares add up to `minutes` whenever
/// `minutes` is at least the number of parts.
fn share_minutes(weights: &[i64], minutes: i64) -> Vec<i64> {
    let n = weights.len() as i64;
    if n == 0 {
        return Vec::new();
    }
    if minutes <= n {
        return vec![1; weights.len()];
    }
    // In i128: a weight times the minutes cannot overflow it.
    let total: i128 = weights.iter().map(|w| i128::from(*w.max(&0))).sum();
    let weights: Vec<i128> = if total == 0 {
        vec![1; weights.len()]
    } else {
        weights.iter().map(|w| i128::from((*w).max(0))).collect()
    };
    let total: i128 = weights.iter().sum();
    let wide = i128::from(minutes);
    let mut shares: Vec<i64> = weights
        .iter()
        .map(|w| i64::try_from(w * wide / total).unwrap_or(minutes))
        .collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((weights[i] * wide) % total));
    let mut left = minutes - saturating_sum(shares.iter().copied());
    for &i in order.iter().cycle() {
        if left <= 0 {
            break;
        }
        shares[i] += 1;
        left -= 1;
    }
    // Lift any zero share to one minute, taken from the largest share.
    while let Some(z) = shares.iter().position(|&s| s < 1) {
        let Some(big) = (0..shares.len()).max_by_key(|&i| shares[i]) else {
            break;
        };
        if shares[big] <= 1 {
            break;
        }
        shares[big] -= 1;
        shares[z] += 1;
    }
    shares
}
