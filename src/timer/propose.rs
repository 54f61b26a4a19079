//! The proposed budgets of the phases still to come (see the module
//! documentation of [`crate::timer`]), and where they end.

use super::{PhaseTime, delta, saturating_sum, share_minutes};
use crate::session::Timestamp;

/// Give the phases not done their proposed budgets: `current_left` is what
/// the current phase still has of its budget, `remaining` the seconds
/// until the end. Called only when the timer rescales.
pub(super) fn budgets(phases: &mut [PhaseTime], current_left: i64, remaining: i64) {
    let rest: Vec<usize> = (0..phases.len())
        .filter(|&i| !phases[i].done && !phases[i].current)
        .collect();
    let current = phases.iter().position(|p| p.current && !p.done);
    let rest_minimum = 60 * rest.len() as i64;
    match current {
        // The time left does not hold what the current phase still has and
        // a minute for each phase after it (an end agreed far earlier, a
        // long overrun): the current phase gives up its share too.
        Some(cur) if current_left > 0 && remaining < current_left.saturating_add(rest_minimum) => {
            let weights: Vec<i64> = std::iter::once(current_left)
                .chain(rest.iter().map(|&i| phases[i].budget))
                .collect();
            let minutes = remaining.max(0) / 60;
            let shares = share_minutes(&weights, minutes);
            // The phases after it keep their shares (a minute each at
            // least); the current one has the rest of the time, to the
            // second, so its proposal (what it had plus that) stands still
            // while its clock runs. None left when even those minutes do
            // not fit: then it is nothing, so the phase is over and says so
            // (what it had so far would grow with its clock).
            let after: i64 = shares[1..].iter().sum();
            let own = remaining.saturating_sub(after * 60).max(0);
            let elapsed = phases[cur].elapsed;
            phases[cur].proposed = Some(match own {
                0 => 0,
                own => elapsed.saturating_add(own),
            });
            for (&i, m) in rest.iter().zip(&shares[1..]) {
                phases[i].proposed = Some(m * 60);
            }
        }
        _ if !rest.is_empty() => {
            let weights: Vec<i64> = rest.iter().map(|&i| phases[i].budget).collect();
            let minutes = remaining.saturating_sub(current_left).max(0) / 60;
            for (&i, m) in rest.iter().zip(share_minutes(&weights, minutes)) {
                phases[i].proposed = Some(m * 60);
            }
        }
        _ => {}
    }
}

/// Where the proposed budgets end, from `now`: None when there are none.
pub(super) fn end(phases: &[PhaseTime], now: Timestamp) -> Option<Timestamp> {
    if phases.iter().all(|p| p.proposed.is_none()) {
        return None;
    }
    let left = saturating_sum(phases.iter().filter(|p| !p.done).map(|p| {
        let budget = p.proposed.unwrap_or(p.budget);
        if p.current {
            budget.saturating_sub(p.elapsed).max(0)
        } else {
            budget
        }
    }));
    Some(now.checked_add_signed(delta(left)).unwrap_or(now))
}
