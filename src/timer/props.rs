//! Property tests of the one clock: random sequences of phase changes,
//! pauses, corrections, agreed ends and clock jumps, and what must hold
//! after every step.

use chrono::TimeDelta;
use proptest::prelude::*;

use super::*;
use crate::session::fixture::{at, guide};

#[derive(Debug, Clone)]
enum Op {
    /// Time passes (seconds).
    Wait(i64),
    /// The wall clock is set back (seconds).
    Back(i64),
    GoTo(usize),
    Pause,
    Resume,
    Plus,
    Minus,
    /// "We have N more minutes": the end is agreed at now + N.
    AgreeEnd(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (1i64..900).prop_map(Op::Wait),
        1 => (1i64..300).prop_map(Op::Back),
        3 => (0usize..3).prop_map(Op::GoTo),
        1 => Just(Op::Pause),
        1 => Just(Op::Resume),
        2 => Just(Op::Plus),
        2 => Just(Op::Minus),
        1 => (1i64..120).prop_map(Op::AgreeEnd),
    ]
}

/// What must hold at `now` whatever happened before.
fn always(s: &Session, now: Timestamp) -> Result<(), TestCaseError> {
    let v = snapshot(s, now);
    prop_assert!(v.phases.iter().all(|p| p.elapsed >= 0));
    prop_assert!(v.paused_secs >= 0);
    let end = end_at(s, now);
    prop_assert_eq!(v.planned_end, end);
    prop_assert_eq!(v.remaining_for_rest, (end - now).num_seconds());
    if let Some(agreed) = s.agreed_end {
        prop_assert_eq!(end, agreed);
    } else {
        let anchor = anchor(s).expect("started");
        prop_assert_eq!(end, anchor + TimeDelta::seconds(v.planned));
    }
    // The proposed budgets share the time left after the current phase.
    let current_left = v
        .phases
        .iter()
        .find(|p| p.current && !p.done)
        .map_or(0, |p| (p.budget - p.elapsed).max(0));
    let rest = v.phases.iter().filter(|p| !p.done && !p.current).count() as i64;
    let minutes = (v.remaining_for_rest - current_left).max(0) / 60;
    if rescales(s, v.behind_by) && rest > 0 && minutes >= rest {
        let proposed: i64 = v.phases.iter().filter_map(|p| p.proposed).sum();
        prop_assert_eq!(proposed, minutes * 60, "the proposals fit the time left");
    }
    // When the current phase shares too, it and the rest fit the time left,
    // and it is never given more than it still had (plus the rounding).
    if let Some(cur) = v
        .phases
        .iter()
        .find(|p| p.current && !p.done && p.proposed.is_some())
    {
        let left = v.remaining_for_rest.max(0) / 60;
        prop_assert!(v.remaining_for_rest < current_left + 60 * rest);
        let proposed = cur.proposed.unwrap_or(0);
        let share = if proposed == 0 {
            0
        } else {
            proposed - cur.elapsed
        };
        prop_assert!(share >= 0 && share <= current_left + 60, "share {share}");
        if left > rest {
            let others: i64 = v
                .phases
                .iter()
                .filter(|p| !p.current)
                .filter_map(|p| p.proposed)
                .sum();
            prop_assert_eq!(
                share + others,
                v.remaining_for_rest,
                "the proposals fit the time left"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn one_clock_one_end(ops in prop::collection::vec(op(), 1..60)) {
        let mut s = Session::new(&guide(), at(0));
        s.start(at(0));
        let mut now = at(0);
        let mut forward = true;
        let mut shown_at: Vec<(usize, Timestamp, Timestamp)> = Vec::new();
        for op in ops {
            match op {
                Op::Wait(secs) => now += TimeDelta::seconds(secs),
                Op::Back(secs) => {
                    now -= TimeDelta::seconds(secs);
                    forward = false;
                }
                Op::GoTo(p) => s.go_to(p, now),
                Op::Pause => s.pause(now),
                Op::Resume => s.resume(now),
                Op::Plus => s.adjust_current(60, now),
                Op::Minus => s.adjust_current(-60, now),
                Op::AgreeEnd(m) => s.agreed_end = Some(now + TimeDelta::minutes(m)),
            }
            // The app's tick: each due reminder is shown and recorded.
            for i in due_reminders(&s, now) {
                s.reminders_shown.push(i);
                shown_at.push((i, now, end_at(&s, now)));
            }
            always(&s, now)?;
            let v = snapshot(&s, now);
            if forward {
                // Conversation time, stopped time and the time left make
                // up the conversation's length.
                prop_assert_eq!(
                    v.total_elapsed + v.paused_secs + v.remaining_for_rest,
                    v.duration
                );
            }
            // A reminder whose moment has come is shown, while its end has
            // not passed.
            let anchor = anchor(&s).expect("started");
            let end = end_at(&s, now);
            for (i, r) in s.guide.reminders.iter().enumerate() {
                if reminder_at(r.at, anchor, end) <= now && now <= end {
                    prop_assert!(s.reminders_shown.contains(&i), "reminder {i} is due");
                }
            }
        }
        // Each reminder once, never after its end.
        for (i, _, _) in &shown_at {
            prop_assert_eq!(shown_at.iter().filter(|(j, _, _)| j == i).count(), 1);
        }
        for (_, when, end) in &shown_at {
            prop_assert!(when <= end, "shown after the end it refers to");
        }
    }
}
