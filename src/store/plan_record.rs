//! A session fulfils a plan occurrence: marking it done in the plan file.
//!
//! The session file is never touched here. The caller saves (and flushes)
//! the session first and then records it in the plan: when the plan
//! cannot be written, the error says so and the session is safe as it was
//! saved. Recording the same session twice changes nothing.

use std::path::PathBuf;

use super::PlanStore;
use super::plan_file::PlanStoreError;
use crate::plan::OccurrenceKey;
use crate::session::{Session, Status, Timestamp};

/// When a session's conversation was held: its start (the finish, or the
/// creation, for a session without one).
pub fn held_at(session: &Session) -> Timestamp {
    session
        .started
        .or(session.finished)
        .unwrap_or(session.created)
}

impl PlanStore {
    /// For a finished session started from a plan (its `plan` reference),
    /// mark that occurrence done by the session file `session_file` (its
    /// name in the data folder). Returns the plan file it changed, or None
    /// when the session has no plan reference or is not finished.
    pub fn record_session(
        &self,
        session_file: &str,
        session: &Session,
    ) -> Result<Option<PathBuf>, PlanStoreError> {
        let Some(reference) = &session.plan else {
            return Ok(None);
        };
        match session.status {
            Status::InProgress => return Ok(None),
            Status::Finished => {}
        }
        let path = self
            .path_of(&reference.plan)
            .ok_or_else(|| PlanStoreError::BadReference(reference.plan.clone()))?;
        self.attach(&path, reference.key(), session_file, held_at(session))?;
        Ok(Some(path))
    }

    /// Mark `key` of the plan at `path` done by the session file
    /// `session_file`, held at `held` (see [`held_at`]): for a session
    /// held outside the plan and attached to a step afterwards.
    pub fn attach(
        &self,
        path: &std::path::Path,
        key: OccurrenceKey,
        session_file: &str,
        held: Timestamp,
    ) -> Result<(), PlanStoreError> {
        self.update(path, |plan| plan.mark_done(key, session_file, held))
            .map(|_| ())
    }
}
