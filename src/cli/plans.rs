//! Plan commands: `plan` (a trajectory for a client from a start date) and
//! `plans` (the active plans; `--json`, `--ics FILE`, `--archive PLAN`).

mod json;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::calendar;
use crate::catalog::Catalog;
use crate::clock::{Clock, SystemClock};
use crate::guide::Guide;
use crate::i18n::Texts;
use crate::plan::{Plan, PlanError, format_date, parse_date};
use crate::store::{
    ListedPlan, PlanEntry, PlanStore, PlanStoreError, ResolveError, plan_damage_message,
};

use super::Cli;
use super::sessions::{fail, open_store};

/// What `leidraad plan` plans.
pub struct PlanArgs<'a> {
    pub trajectory: &'a str,
    pub client: &'a str,
    pub start: &'a str,
}

/// What `leidraad plans` does besides the table.
pub enum PlansAction<'a> {
    /// The table of the active plans.
    Table,
    /// Every plan as JSON on stdout.
    Json,
    /// The open steps of the active plans as an iCalendar file.
    Ics(&'a Path),
    /// Archive a finished plan.
    Archive(&'a str),
}

/// The plans folder beside the sessions.
fn open_plans(cli: &Cli, t: &Texts) -> Result<PlanStore, String> {
    let sessions = open_store(cli, t)?;
    PlanStore::beside(&sessions)
        .map_err(|e| (t.cli.data_dir_failed)(&sessions.dir().display().to_string(), &e.to_string()))
}

/// `leidraad plan TRAJECTORY --client NAME --start DATE`: write the plan
/// and print every step with its date.
pub fn plan(cli: &Cli, t: &Texts, args: PlanArgs) -> i32 {
    let catalog = Catalog::load(&cli.guide_dirs());
    let trajectory = match catalog.get(args.trajectory).map(|g| &g.guide) {
        Some(Guide::Trajectory(tr)) => tr,
        Some(Guide::Conversation(_)) => return fail((t.plans.not_a_trajectory)(args.trajectory)),
        None => {
            let ids: Vec<&str> = catalog
                .guides
                .iter()
                .filter(|g| g.guide.as_trajectory().is_some())
                .map(|g| g.guide.id())
                .collect();
            return fail((t.plans.unknown_trajectory)(
                args.trajectory,
                &ids.join(", "),
            ));
        }
    };
    if args.client.trim().is_empty() {
        return fail(t.plans.empty_client);
    }
    let Some(start) = parse_date(args.start) else {
        return fail((t.plans.bad_date)(args.start));
    };
    let store = match open_plans(cli, t) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let plan = Plan::new(trajectory, args.client, start, SystemClock.now());
    let path = match store.create(&plan) {
        Ok(p) => p,
        Err(e) => return fail(e.message(t)),
    };
    super::out::print(&planned_text(&plan, &path, t));
    0
}

/// What `leidraad plan` prints: the heading, each occurrence with its
/// date and weekday, and the plan file.
fn planned_text(plan: &Plan, path: &Path, t: &Texts) -> String {
    let start = format_date(plan.start, t);
    let mut out = format!(
        "{}\n",
        (t.plans.planned)(&plan.trajectory.title, &plan.client, &start)
    );
    let rows: Vec<Vec<String>> = plan
        .occurrences()
        .iter()
        .map(|o| vec![format!("  {}", format_date(o.date, t)), label(plan, o, t)])
        .collect();
    out.push_str(&super::table(&rows));
    out.push_str(&format!(
        "{}\n",
        (t.plans.plan_file)(&path.display().to_string())
    ));
    out
}

/// An occurrence's label, "(optioneel)" after an optional step's.
fn label(plan: &Plan, o: &crate::plan::Occurrence, t: &Texts) -> String {
    let label = plan.label(o.key(), t);
    match plan.trajectory.steps.get(o.step) {
        Some(step) if step.optional => format!("{label} {}", t.plans.optional),
        Some(_) | None => label,
    }
}

/// `leidraad plans` and its options.
pub fn plans(cli: &Cli, t: &Texts, action: PlansAction) -> i32 {
    let store = match open_plans(cli, t) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    match action {
        PlansAction::Archive(arg) => archive(&store, t, arg),
        PlansAction::Table => with_list(&store, |listed, today| {
            super::out::print(&table_text(listed, today, t));
            0
        }),
        PlansAction::Json => with_list(&store, |listed, today| {
            match json::plans_json(listed, today, t) {
                Ok(text) => {
                    super::out::println(&super::out::json_safe(&text));
                    0
                }
                Err(e) => fail(e),
            }
        }),
        PlansAction::Ics(path) => with_list(&store, |listed, _| ics(cli, t, listed, path)),
    }
}

/// Run `then` on every plan file and today's date.
fn with_list(store: &PlanStore, then: impl FnOnce(&[ListedPlan], NaiveDate) -> i32) -> i32 {
    match store.list() {
        Ok(listed) => then(&listed, SystemClock.now().date_naive()),
        Err(e) => fail(e),
    }
}

/// The active plans, overdue first (marked), finished ones last; then the
/// damaged files with their reason.
fn table_text(listed: &[ListedPlan], today: NaiveDate, t: &Texts) -> String {
    let mut active: Vec<&PlanEntry> = active(listed).collect();
    active.sort_by_key(|e| e.plan.overview(today).rank());
    let mut rows = vec![
        [
            "",
            t.plans.col_client,
            t.plans.col_trajectory,
            t.plans.col_next,
            t.plans.col_date,
            t.plans.col_status,
            t.plans.col_plan,
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for entry in &active {
        rows.push(plan_row(entry, today, t));
    }
    for entry in listed {
        if let ListedPlan::Damaged(d) = entry {
            let why = plan_damage_message(&d.reason, t);
            let mut row = vec![String::new(); 5];
            row.extend([(t.cli.damaged)(&why), d.file_name.clone()]);
            rows.push(row);
        }
    }
    if rows.len() == 1 {
        return format!("{}\n", t.plans.no_plans);
    }
    super::table(&rows)
}

/// The readable plans that are not archived, in the store's order.
fn active(listed: &[ListedPlan]) -> impl Iterator<Item = &PlanEntry> {
    listed.iter().filter_map(|l| match l {
        ListedPlan::Plan(e) if !e.plan.is_archived() => Some(&**e),
        ListedPlan::Plan(_) | ListedPlan::Damaged(_) => None,
    })
}

fn plan_row(entry: &PlanEntry, today: NaiveDate, t: &Texts) -> Vec<String> {
    let plan = &entry.plan;
    let overview = plan.overview(today);
    let (next, date) = match plan.next_open() {
        Some(o) => (label(plan, o, t), format_date(o.date, t)),
        None => (String::new(), String::new()),
    };
    let (marker, status) = match (overview.finished, overview.overdue) {
        (true, _) => ("", t.plans.finished_hint.to_string()),
        (false, 0) => ("", (t.plans.progress)(overview.done, overview.total)),
        (false, n) => (t.plans.overdue_marker, (t.plans.overdue_count)(n)),
    };
    vec![
        marker.to_string(),
        plan.client.clone(),
        plan.trajectory.title.clone(),
        next,
        date,
        status,
        entry.file_name.clone(),
    ]
}

/// `leidraad plans --ics FILE`: the calendar of the active plans.
fn ics(cli: &Cli, t: &Texts, listed: &[ListedPlan], path: &Path) -> i32 {
    let catalog = Catalog::load(&cli.guide_dirs());
    let minutes = |id: &str| {
        catalog
            .get(id)
            .and_then(|g| g.guide.as_conversation())
            .map(|c| c.minutes)
    };
    let plans: Vec<(&str, &Plan)> = active(listed)
        .map(|e| (e.file_name.as_str(), &e.plan))
        .collect();
    let (text, events) = calendar::calendar(&plans, minutes, t, SystemClock.now().to_utc());
    match calendar::write(path, &text) {
        Ok(()) => {
            super::out::eprintln(&(t.plans.ics_written)(&path.display().to_string(), events));
            0
        }
        Err(e) => fail(e.message(t)),
    }
}

/// `leidraad plans --archive PLAN`.
fn archive(store: &PlanStore, t: &Texts, arg: &str) -> i32 {
    let path: PathBuf = match store.resolve(arg) {
        Ok(p) => p,
        Err(ResolveError::NotFound { arg, dir }) => {
            return fail((t.plans.resolve_none)(&arg, &dir.display().to_string()));
        }
        Err(ResolveError::Ambiguous { arg, candidates }) => {
            return fail((t.plans.resolve_ambiguous)(&arg, &candidates.join(", ")));
        }
        Err(e @ ResolveError::Io { .. }) => return fail(e),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match store.archive(&path, SystemClock.now()) {
        Ok(()) => {
            super::out::println(&(t.plans.archived_plan)(&name));
            0
        }
        Err(PlanStoreError::Plan(PlanError::NotFinished(open))) => {
            fail((t.plans.not_finished_plan)(&name, open))
        }
        Err(e) => fail(e.message(t)),
    }
}
