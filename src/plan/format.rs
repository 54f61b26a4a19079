//! The plan file: a plan as TOML text and back, refusing damaged files and
//! files written by a newer leidraad (`docs/plan-format.md`).

use std::collections::HashSet;

use serde::Deserialize;

use super::{OccurrenceKey, PLAN_FORMAT, Plan};
use crate::file_fault::{Fault, FaultKind};

/// Why a plan file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFileError {
    /// Not valid TOML or not a plan: where and what.
    Damaged(Fault),
    /// Written by a newer leidraad with a format this build does not know.
    UnknownFormat(u32),
}

impl std::fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanFileError::Damaged(why) => write!(f, "damaged plan file: {why}"),
            PlanFileError::UnknownFormat(v) => write!(
                f,
                "plan format {v} is newer than this leidraad knows ({PLAN_FORMAT}): update leidraad"
            ),
        }
    }
}

impl std::error::Error for PlanFileError {}

impl Plan {
    /// The plan as the text of a plan file (without the end marker).
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    /// Read a plan file's text. Never panics, whatever the input. The
    /// occurrences are put in timeline order.
    pub fn from_toml(text: &str) -> Result<Plan, PlanFileError> {
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        let newer = |text: &str| match toml::from_str::<Version>(text) {
            Ok(Version { format: Some(v) }) if v > PLAN_FORMAT => Some(v),
            _ => None,
        };
        let mut plan: Plan = match toml::from_str(text) {
            Ok(p) => p,
            Err(e) => {
                return Err(match newer(text) {
                    Some(v) => PlanFileError::UnknownFormat(v),
                    None => PlanFileError::Damaged(Fault::of_toml(text, &e)),
                });
            }
        };
        if plan.format > PLAN_FORMAT {
            return Err(PlanFileError::UnknownFormat(plan.format));
        }
        plan.check()
            .map_err(|why| PlanFileError::Damaged(Fault::whole(FaultKind::PlanSteps(why))))?;
        plan.sort();
        Ok(plan)
    }

    /// The invariants every operation relies on: exactly one occurrence
    /// per step and repetition of the embedded trajectory, and only
    /// optional steps skipped.
    fn check(&self) -> Result<(), String> {
        let mut seen = HashSet::new();
        for o in &self.occurrences {
            let Some(step) = self.trajectory.steps.get(o.step) else {
                return Err(format!(
                    "an occurrence names step {}, the trajectory has {}",
                    o.step + 1,
                    self.trajectory.steps.len()
                ));
            };
            if o.repeat >= step.repeat.max(1) {
                return Err(format!(
                    "step {} has {} repetition(s), an occurrence names repetition {}",
                    o.step + 1,
                    step.repeat.max(1),
                    o.repeat + 1
                ));
            }
            if o.skipped && !step.optional {
                return Err(format!("step {} is skipped but not optional", o.step + 1));
            }
            if !seen.insert(o.key()) {
                return Err(format!(
                    "step {} repetition {} is listed twice",
                    o.step + 1,
                    o.repeat + 1
                ));
            }
        }
        let expected: usize = self
            .trajectory
            .steps
            .iter()
            .map(|s| s.repeat.max(1) as usize)
            .sum();
        if seen.len() != expected {
            let missing = self
                .trajectory
                .steps
                .iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    (0..s.repeat.max(1)).map(move |r| OccurrenceKey { step: i, repeat: r })
                })
                .find(|k| !seen.contains(k));
            return Err(match missing {
                Some(k) => format!("step {} repetition {} is missing", k.step + 1, k.repeat + 1),
                None => format!("{} occurrences for {expected} planned", seen.len()),
            });
        }
        Ok(())
    }
}
