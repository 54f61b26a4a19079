//! The plans' effects: a new plan, one change to a plan file, a finished
//! session marking its step done, the calendar file, the sessions that can
//! be attached to a step. Every plan file is written off the UI thread
//! through the plan store (lock, read as it is on disk, change, atomic
//! write); the answers come back as messages.

use std::path::{Path, PathBuf};

use super::{LEAVE_FLUSH, Runtime, archive};
use crate::i18n::Texts;
use crate::plan::PlanEdit;
use crate::session::{Session, Status};
use crate::store::{
    Listed, ListedPlan, PlanEntry, PlanStore, PlanStoreError, SessionQuery, SessionStore, file_name,
};
use crate::tui::app::{Effect, Msg};
use crate::tui::msg::Attachable;
use crate::tui::worker::JobKind;

impl Runtime {
    /// Carry out an effect about plans.
    pub(super) fn plan_effect(&mut self, effect: Effect, pending: &mut Vec<Msg>) {
        let plans = match &self.plans {
            Ok(plans) => plans.clone(),
            Err(why) => {
                pending.push(Msg::PlanFailed((self.texts.timeline.no_plans_folder)(why)));
                return;
            }
        };
        match effect {
            Effect::CreatePlan(plan) => {
                self.job(JobKind::Plan, move |_, texts| match plans.create(&plan) {
                    Ok(path) => entry_msg(&plans, &path, None, texts),
                    Err(e) => Msg::PlanFailed(e.message(texts)),
                })
            }
            Effect::ChangePlan(path, edit) => self.job(JobKind::Plan, move |_, texts| match plans
                .update(&path, |plan| plan.apply(&edit))
            {
                Ok(()) => entry_msg(&plans, &path, Some(edit), texts),
                Err(e) => Msg::PlanFailed(e.message(texts)),
            }),
            Effect::RecordPlan(session) => {
                // The session file first: a plan never names a session that
                // is not on disk.
                self.saver.flush(LEAVE_FLUSH);
                let Some(name) = self.path.as_deref().map(file_name) else {
                    return;
                };
                self.job(JobKind::Plan, move |_, texts| {
                    record(&plans, &name, &session, texts)
                });
            }
            Effect::PlanCalendar(entry, minutes) => {
                let dir = self.export_dir.clone();
                self.job(JobKind::Export, move |_, texts| {
                    calendar(&entry, &minutes, &dir, texts)
                })
            }
            Effect::ListAttachable(client) => self.job(JobKind::Attachable, move |store, _| {
                Msg::Attachable(attachable(store, &client))
            }),
            Effect::ViewNamed(name) => {
                let path = self.store.dir().join(&name);
                pending.push(archive::view(&self.store, path, self.texts));
            }
            _ => {}
        }
    }
}

/// The plan at `path` as it is now, after `edit`.
fn entry_msg(plans: &PlanStore, path: &Path, edit: Option<PlanEdit>, texts: &Texts) -> Msg {
    match plans.load(path) {
        Ok(plan) => Msg::PlanSaved(
            Box::new(PlanEntry {
                path: path.to_path_buf(),
                file_name: file_name(path),
                plan,
            }),
            edit,
        ),
        Err(e) => Msg::PlanFailed(PlanStoreError::Load(e).message(texts)),
    }
}

/// Mark the plan step of a finished session done.
fn record(plans: &PlanStore, name: &str, session: &Session, texts: &Texts) -> Msg {
    let (Some(reference), Status::Finished) = (&session.plan, session.status) else {
        return Msg::PlanFailed((texts.plans.record_failed)(texts.timeline.not_done));
    };
    match plans.record_session(name, session) {
        Ok(Some(path)) => match plans.load(&path) {
            Ok(plan) => Msg::PlanRecorded(
                Box::new(PlanEntry {
                    file_name: file_name(&path),
                    path,
                    plan,
                }),
                reference.key(),
            ),
            Err(e) => Msg::PlanFailed((texts.plans.record_failed)(
                &PlanStoreError::Load(e).message(texts),
            )),
        },
        Ok(None) => Msg::PlanFailed((texts.plans.record_failed)(texts.timeline.not_done)),
        Err(e) => Msg::PlanFailed((texts.plans.record_failed)(&e.message(texts))),
    }
}

/// Write the plan's open steps as a calendar file into `dir`, named after
/// the plan file.
fn calendar(entry: &PlanEntry, minutes: &[(String, u32)], dir: &Path, texts: &Texts) -> Msg {
    let minutes_of = |id: &str| minutes.iter().find(|(g, _)| g == id).map(|(_, m)| *m);
    let (text, events) = crate::calendar::calendar(
        &[(&entry.file_name, &entry.plan)],
        minutes_of,
        texts,
        chrono::Utc::now(),
    );
    let stem = entry.file_name.trim_end_matches(".toml");
    let target: PathBuf = dir.join(format!("{stem}.ics"));
    match crate::calendar::write(&target, &text) {
        Ok(()) => Msg::CalendarWritten(target, events),
        Err(e) => Msg::ExportFailed(e.message(texts)),
    }
}

/// The finished sessions with `client` (the same client, however it was
/// typed), newest first.
fn attachable(store: &SessionStore, client: &str) -> Vec<Attachable> {
    let query = SessionQuery::all().same_client(client).finished();
    store
        .find(&query)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|listed| match listed {
            Listed::Session(h) if h.status == Status::Finished => Some(Attachable {
                held: h.started.unwrap_or(h.created),
                file_name: h.file_name,
                guide_id: h.guide_id,
                guide_title: h.guide_title,
            }),
            _ => None,
        })
        .collect()
}

/// The steps a deleted session `name` fulfilled are open again: each plan
/// that names it is changed (one `Detach` per step) and answered as
/// changed, so the home screen and an open timeline show it.
pub(super) fn release(plans: &PlanStore, name: &str, texts: &Texts) -> Vec<Msg> {
    let Ok(listed) = plans.list() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in listed.into_iter().filter_map(|l| match l {
        ListedPlan::Plan(entry) => Some(entry),
        ListedPlan::Damaged(_) => None,
    }) {
        let keys: Vec<_> = entry
            .plan
            .occurrences()
            .iter()
            .filter(|o| o.done.as_ref().is_some_and(|d| d.session == name))
            .map(|o| o.key())
            .collect();
        for key in keys {
            let edit = PlanEdit::Detach { key };
            let msg = match plans.update(&entry.path, |p| p.apply(&edit)) {
                Ok(()) => entry_msg(plans, &entry.path, Some(edit), texts),
                Err(e) => Msg::PlanFailed(e.message(texts)),
            };
            out.push(msg);
        }
    }
    out
}
