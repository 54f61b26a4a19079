//! `leidraad plans --json`: every plan, archived ones too, with every step
//! and repetition, its planned date and its state on the day asked; the
//! damaged plan files apart. Keys are English and stable for scripts;
//! labels are in the interface language.

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::Texts;
use crate::plan::Plan;
use crate::store::{ListedPlan, plan_damage_message};

/// The whole answer.
#[derive(Serialize)]
struct Answer {
    /// The day the states are for (ISO).
    today: String,
    plans: Vec<JsonPlan>,
    damaged: Vec<JsonDamaged>,
}

#[derive(Serialize)]
struct JsonPlan {
    /// The plan file's name.
    file: String,
    client: String,
    trajectory: JsonTrajectory,
    start: String,
    created: String,
    archived: Option<String>,
    finished: bool,
    overdue: usize,
    steps: Vec<JsonStep>,
}

#[derive(Serialize)]
struct JsonTrajectory {
    id: String,
    title: String,
}

#[derive(Serialize)]
struct JsonStep {
    /// Index of the step in the trajectory, from 0.
    step: usize,
    /// The repetition, from 0.
    repeat: u32,
    /// How many repetitions the step has.
    repeats: u32,
    guide: String,
    label: String,
    optional: bool,
    /// The planned date (ISO).
    date: String,
    /// done, next, overdue, skipped or later.
    state: &'static str,
    /// The session file that fulfilled it.
    session: Option<String>,
    /// When that conversation was held (RFC 3339).
    held: Option<String>,
}

#[derive(Serialize)]
struct JsonDamaged {
    file: String,
    reason: String,
}

/// The JSON text of `leidraad plans --json`.
pub(super) fn plans_json(
    listed: &[ListedPlan],
    today: NaiveDate,
    t: &Texts,
) -> Result<String, serde_json::Error> {
    let mut answer = Answer {
        today: today.to_string(),
        plans: Vec::new(),
        damaged: Vec::new(),
    };
    for entry in listed {
        match entry {
            ListedPlan::Plan(e) => answer.plans.push(plan(&e.file_name, &e.plan, today, t)),
            ListedPlan::Damaged(d) => answer.damaged.push(JsonDamaged {
                file: d.file_name.clone(),
                reason: plan_damage_message(&d.reason, t),
            }),
        }
    }
    serde_json::to_string_pretty(&answer)
}

fn plan(file: &str, p: &Plan, today: NaiveDate, t: &Texts) -> JsonPlan {
    let steps = p
        .timeline(today)
        .into_iter()
        .map(|(o, state)| {
            let step = p.trajectory.steps.get(o.step);
            JsonStep {
                step: o.step,
                repeat: o.repeat,
                repeats: step.map_or(1, |s| s.repeat.max(1)),
                guide: step.map(|s| s.guide.clone()).unwrap_or_default(),
                label: p.label(o.key(), t),
                optional: step.is_some_and(|s| s.optional),
                date: o.date.to_string(),
                state: state.id(),
                session: o.done.as_ref().map(|f| f.session.clone()),
                held: o.done.as_ref().map(|f| f.held.to_rfc3339()),
            }
        })
        .collect();
    let overview = p.overview(today);
    JsonPlan {
        file: file.to_string(),
        client: p.client.clone(),
        trajectory: JsonTrajectory {
            id: p.trajectory.id.clone(),
            title: p.trajectory.title.clone(),
        },
        start: p.start.to_string(),
        created: p.created.to_rfc3339(),
        archived: p.archived.map(|a| a.to_rfc3339()),
        finished: overview.finished,
        overdue: overview.overdue,
        steps,
    }
}
