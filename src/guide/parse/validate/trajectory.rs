//! Checks and conversion for a trajectory's steps.

use std::ops::Range;

use super::Checker;
use crate::guide::parse::{Parsed, raw};
use crate::guide::{Guide, Step, Trajectory};

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
        let mut previous: Option<(u32, Range<usize>)> = None;
        for s in raw_steps {
            let s = s.into_inner();
            step_at.push(self.src.pos(s.guide.span().start));
            let guide = self.id(&s.guide, None);
            let week = match &s.week {
                Some(w) => {
                    let week = *w.get_ref();
                    if week == 0 {
                        self.error(w.span(), "weeks are counted from 1; expected `week` >= 1");
                    }
                    if let Some((prev, prev_span)) = &previous
                        && week < *prev
                    {
                        let line = self.src.pos(prev_span.start).line;
                        self.error(
                            w.span(),
                            format!(
                                "week {week} comes before week {prev} of the previous step \
                                 (line {line}); expected weeks that do not decrease"
                            ),
                        );
                    }
                    previous = Some((week, w.span()));
                    week
                }
                None => {
                    let week = previous.as_ref().map_or(1, |(w, _)| w.saturating_add(1));
                    previous = Some((week, s.guide.span()));
                    week
                }
            };
            let repeat = match &s.repeat {
                None => 1,
                Some(r) => {
                    if *r.get_ref() == 0 {
                        self.error(r.span(), "expected `repeat` >= 1");
                    }
                    *r.get_ref()
                }
            };
            let every_weeks = match &s.every_weeks {
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
            };
            steps.push(Step {
                guide,
                title: s.title.unwrap_or_default(),
                week,
                optional: s.optional,
                repeat,
                every_weeks,
            });
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
}
