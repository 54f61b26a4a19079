//! Trajectories: resolving their steps against the loaded guides, and
//! planning the steps' dates from a start date.
//!
//! The model types ([`Trajectory`], [`Step`]) live in [`crate::guide`].

use chrono::{Days, NaiveDate};

use crate::guide::Guide;
use crate::guide::parse::{Diagnostic, Position};

pub use crate::guide::{Step, Trajectory};

/// One planned occurrence of a trajectory step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStep {
    /// Index of the step in the trajectory (0-based).
    pub step: usize,
    /// Which repeat of the step this is (0-based; 0 for a step without repeats).
    pub repeat: u32,
    /// The id of the conversation guide to hold.
    pub guide: String,
    /// The step's title.
    pub title: String,
    /// The 1-based week of this occurrence.
    pub week: u32,
    /// The planned date: start + (week - 1) * 7 days.
    pub date: NaiveDate,
    /// Whether the step may be left out.
    pub optional: bool,
}

/// Every occurrence of every step with its planned date, in date order
/// (ties keep the order of the steps, then of the repeats).
///
/// Repeat `i` (from 0) of a step falls in week `week + i * every_weeks`.
pub fn schedule(t: &Trajectory, start: NaiveDate) -> Vec<PlannedStep> {
    let mut out = Vec::new();
    for (index, step) in t.steps.iter().enumerate() {
        let every = step.every_weeks.unwrap_or(1);
        for repeat in 0..step.repeat.max(1) {
            let week = step
                .week
                .max(1)
                .saturating_add(repeat.saturating_mul(every));
            out.push(PlannedStep {
                step: index,
                repeat,
                guide: step.guide.clone(),
                title: step.title.clone(),
                week,
                date: week_date(start, week),
                optional: step.optional,
            });
        }
    }
    out.sort_by_key(|p| (p.week, p.step, p.repeat));
    out
}

/// The first day of a 1-based week counted from `start` (week 1 is the start
/// date itself); far-away weeks saturate at the last representable date.
pub fn week_date(start: NaiveDate, week: u32) -> NaiveDate {
    let days = u64::from(week.max(1) - 1) * 7;
    start
        .checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// Check that every step of `t` names a conversation guide found by `lookup`,
/// and fill the titles the file left empty with the guide's title.
///
/// `file` and `step_at` (one position per step, from
/// [`crate::guide::parse::Parsed::step_at`]) place the errors. Returns one
/// error per unresolved step; the trajectory should not be offered when
/// there are any.
pub fn resolve_steps<'g>(
    t: &mut Trajectory,
    file: &str,
    step_at: &[Position],
    lookup: impl Fn(&str) -> Option<&'g Guide>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (index, step) in t.steps.iter_mut().enumerate() {
        let pos = step_at.get(index).copied().unwrap_or_default();
        match lookup(&step.guide) {
            Some(Guide::Conversation(c)) => {
                if step.title.is_empty() {
                    step.title = c.title.clone();
                }
            }
            Some(Guide::Trajectory(_)) => errors.push(Diagnostic::at(
                file,
                pos,
                format!(
                    "step {} names `{}`, which is a trajectory; expected the id of a \
                     conversation guide",
                    index + 1,
                    step.guide
                ),
            )),
            None => errors.push(Diagnostic::at(
                file,
                pos,
                format!(
                    "step {} names the guide `{}`, which is not loaded; expected the id of a \
                     conversation guide",
                    index + 1,
                    step.guide
                ),
            )),
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(guide: &str, week: u32, repeat: u32, every: Option<u32>) -> Step {
        Step {
            guide: guide.to_string(),
            title: guide.to_uppercase(),
            week,
            optional: false,
            repeat,
            every_weeks: every,
        }
    }

    fn trajectory(steps: Vec<Step>) -> Trajectory {
        Trajectory {
            id: "t".into(),
            title: "T".into(),
            subtitle: String::new(),
            language: "nl".into(),
            summary: String::new(),
            steps,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn week_one_is_the_start_date() {
        let start = date(2025, 9, 1);
        assert_eq!(week_date(start, 1), start);
        assert_eq!(week_date(start, 2), date(2025, 9, 8));
        assert_eq!(week_date(start, 13), date(2025, 11, 24));
    }

    #[test]
    fn repeats_fall_every_n_weeks_and_interleave_by_date() {
        let t = trajectory(vec![
            step("klik", 1, 1, None),
            step("coach", 2, 3, Some(3)),
            step("eval", 4, 1, None),
        ]);
        let plan = schedule(&t, date(2025, 9, 1));
        let got: Vec<(&str, u32, u32, usize)> = plan
            .iter()
            .map(|p| (p.guide.as_str(), p.repeat, p.week, p.step))
            .collect();
        assert_eq!(
            got,
            vec![
                ("klik", 0, 1, 0),
                ("coach", 0, 2, 1),
                ("eval", 0, 4, 2),
                ("coach", 1, 5, 1),
                ("coach", 2, 8, 1),
            ]
        );
        assert_eq!(plan[4].date, date(2025, 10, 20));
        assert_eq!(plan[1].title, "COACH");
    }

    #[test]
    fn repeat_without_every_weeks_is_weekly() {
        let t = trajectory(vec![step("a", 3, 2, None)]);
        let weeks: Vec<u32> = schedule(&t, date(2025, 1, 6))
            .iter()
            .map(|p| p.week)
            .collect();
        assert_eq!(weeks, vec![3, 4]);
    }

    #[test]
    fn absurd_weeks_do_not_panic() {
        let t = trajectory(vec![step("a", u32::MAX, 3, Some(u32::MAX))]);
        let plan = schedule(&t, date(2025, 1, 6));
        assert_eq!(plan.len(), 3);
        assert_eq!(plan[2].date, NaiveDate::MAX);
    }

    #[test]
    fn resolve_fills_titles_and_reports_unknown_and_trajectory_steps() {
        let conv = crate::guide::parse::parse_guide(
            "c.toml",
            "format = 1\nid = \"c\"\ntitle = \"Gesprek C\"\n[[phases]]\nid = \"p\"\ntitle = \"P\"\nminutes = 5\n",
        )
        .unwrap()
        .guide;
        let other = Guide::Trajectory(trajectory(vec![]));
        let mut t = trajectory(vec![
            step("c", 1, 1, None),
            step("x", 2, 1, None),
            step("t", 3, 1, None),
        ]);
        t.steps[0].title.clear();
        let at = [
            Position { line: 5, column: 9 },
            Position { line: 8, column: 9 },
            Position {
                line: 11,
                column: 9,
            },
        ];
        let errors = resolve_steps(&mut t, "t.toml", &at, |id| match id {
            "c" => Some(&conv),
            "t" => Some(&other),
            _ => None,
        });
        assert_eq!(t.steps[0].title, "Gesprek C");
        assert_eq!(errors.len(), 2);
        assert_eq!(
            errors[0].to_string(),
            "t.toml:8:9: step 2 names the guide `x`, which is not loaded; expected the id of a conversation guide"
        );
        assert!(
            errors[1]
                .to_string()
                .starts_with("t.toml:11:9: step 3 names `t`, which is a trajectory")
        );
    }
}
