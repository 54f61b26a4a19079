//! Checks and conversion for a trajectory's steps.

use std::ops::Range;

use toml::Spanned;

use super::Checker;
use crate::guide::parse::{Parsed, raw};
use crate::guide::{Guide, Step, Trajectory};

/// The week of the step before: its `week`, or the week it was given when
/// it had none, and where that was (the `week` value, else the `guide`).
struct LastWeek {
    week: u32,
    span: Range<usize>,
}

impl Checker<'_> {
    /// Check and convert a trajectory. Step guides are resolved later,
    /// against the loaded guides.
    pub fn trajectory(&mut self, raw: raw::Trajectory) -> Parsed {
        let id_at = self.src.pos(raw.id.span().start);
        let id = self.id(&raw.id, None);
        let steps_span = raw.steps.span();
        let raw_steps = raw.steps.into_inner();
        if raw_steps.is_empty() {
            self.error(steps_span, "expected at least one step in `steps`");
        }
        let mut steps = Vec::new();
        let mut step_at = Vec::new();
        let mut last: Option<LastWeek> = None;
        for s in raw_steps {
            let s = s.into_inner();
            step_at.push(self.src.pos(s.guide.span().start));
            steps.push(self.step(s, &mut last));
        }
        let trajectory = Trajectory {
            id,
            title: raw.title,
            subtitle: raw.subtitle,
            language: raw.language.unwrap_or_else(|| "nl".to_string()),
            summary: raw.summary.trim_end().to_string(),
            steps,
        };
        Parsed {
            guide: Guide::Trajectory(trajectory),
            warnings: Vec::new(),
            id_at,
            step_at,
        }
    }

    /// One step, after the step whose week is `last`.
    fn step(&mut self, s: raw::Step, last: &mut Option<LastWeek>) -> Step {
        let guide = self.id(&s.guide, None);
        let week = self.week(&s, last);
        let repeat = self.repeat(s.repeat.as_ref());
        let every_weeks = self.every_weeks(s.every_weeks.as_ref(), repeat);
        Step {
            guide,
            title: s.title.unwrap_or_default(),
            week,
            optional: s.optional,
            repeat,
            every_weeks,
        }
    }

    /// The step's week: as written (from 1, never before the step before),
    /// or the week after the step before (week 1 for the first step).
    fn week(&mut self, s: &raw::Step, last: &mut Option<LastWeek>) -> u32 {
        let Some(w) = &s.week else {
            let week = last.as_ref().map_or(1, |l| l.week.saturating_add(1));
            *last = Some(LastWeek {
                week,
                span: s.guide.span(),
            });
            return week;
        };
        let week = *w.get_ref();
        if week == 0 {
            self.error(w.span(), "weeks are counted from 1; expected `week` >= 1");
        }
        if let Some(prev) = last.as_ref()
            && week < prev.week
        {
            let line = self.src.pos(prev.span.start).line;
            self.error(
                w.span(),
                format!(
                    "week {week} comes before week {} of the previous step \
                     (line {line}); expected weeks that do not decrease",
                    prev.week
                ),
            );
        }
        *last = Some(LastWeek {
            week,
            span: w.span(),
        });
        week
    }

    /// How often the step is held: 1 unless `repeat` says more.
    fn repeat(&mut self, repeat: Option<&Spanned<u32>>) -> u32 {
        let Some(r) = repeat else {
            return 1;
        };
        if *r.get_ref() == 0 {
            self.error(r.span(), "expected `repeat` >= 1");
        }
        *r.get_ref()
    }

    /// The weeks between repeats: none for a step held once, 1 unless
    /// `every_weeks` says otherwise.
    fn every_weeks(&mut self, every_weeks: Option<&Spanned<u32>>, repeat: u32) -> Option<u32> {
        match every_weeks {
            Some(e) if *e.get_ref() == 0 => {
                self.error(e.span(), "expected `every_weeks` >= 1");
                None
            }
            Some(e) if repeat <= 1 => {
                self.warn(e.span(), "`every_weeks` has no effect without `repeat` > 1");
                None
            }
            Some(e) => Some(*e.get_ref()),
            None if repeat > 1 => Some(1),
            None => None,
        }
    }
}
