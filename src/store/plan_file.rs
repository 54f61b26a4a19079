//! The plan file on disk: its text with the end marker, reading it back
//! with the reasons a file is damaged, and the errors of the plan store.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::{DamageReason, DamagedFile, LoadError, LockError, SaveError, io_reason};
use crate::i18n::Texts;
use crate::plan::{Plan, PlanError, PlanFileError};

/// The last line of every plan file the store writes; a file without it
/// was cut short (see `docs/plan-format.md`).
pub const PLAN_END_MARKER: &str = "# end of leidraad plan\n";

/// The text of a plan file: the plan's TOML and the end marker, checked by
/// reading it back: if it does not read back as the same plan, nothing is
/// written.
pub fn plan_text(plan: &Plan) -> Result<String, SaveError> {
    let mut text = plan
        .to_toml()
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(PLAN_END_MARKER);
    match parse_plan_bytes(text.as_bytes()) {
        Ok(back) if back == *plan => Ok(text),
        Ok(_) => Err(SaveError::Verify(
            "the text read back differs from the plan".into(),
        )),
        Err(reason) => Err(SaveError::Verify(reason.to_string())),
    }
}

/// Parse the bytes of a plan file, checking the end marker.
pub(crate) fn parse_plan_bytes(bytes: &[u8]) -> Result<Plan, DamageReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DamageReason::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => return Err(DamageReason::Truncated),
        Err(_) => return Err(DamageReason::NotText),
    };
    if text.contains('\0') {
        return Err(DamageReason::NotText);
    }
    let parsed = Plan::from_toml(text);
    if let Err(PlanFileError::UnknownFormat(v)) = parsed {
        return Err(DamageReason::UnknownFormat(v));
    }
    if !text.ends_with(PLAN_END_MARKER) {
        return Err(DamageReason::Truncated);
    }
    parsed.map_err(|e| match e {
        PlanFileError::Damaged(why) => DamageReason::Invalid(why),
        PlanFileError::UnknownFormat(v) => DamageReason::UnknownFormat(v),
    })
}

/// Why a plan file is damaged, in the user's language.
pub fn plan_damage_message(reason: &DamageReason, t: &Texts) -> String {
    match reason {
        DamageReason::Invalid(fault) => (t.plans.damage_invalid)(&fault.message(t)),
        DamageReason::Empty
        | DamageReason::NotText
        | DamageReason::Truncated
        | DamageReason::UnknownFormat(_)
        | DamageReason::Unreadable(_)
        | DamageReason::NotASession
        | DamageReason::LineEnds => reason.message(t),
        DamageReason::NotAFile(_) | DamageReason::TooLarge(_) => reason.message(t),
    }
}

/// A readable plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEntry {
    /// The plan file.
    pub path: PathBuf,
    /// Its name: what sessions refer to it by.
    pub file_name: String,
    /// The plan.
    pub plan: Plan,
}

/// One entry of [`super::PlanStore::list`].
#[derive(Debug, Clone, PartialEq)]
pub enum ListedPlan {
    /// A readable plan.
    Plan(Box<PlanEntry>),
    /// A damaged file, shown as such; the store never writes over it,
    /// moves or deletes it.
    Damaged(DamagedFile),
}

impl ListedPlan {
    /// The file's name.
    pub fn file_name(&self) -> &str {
        match self {
            ListedPlan::Plan(e) => &e.file_name,
            ListedPlan::Damaged(d) => &d.file_name,
        }
    }
}

/// Why a change to a plan file did not happen; the file is then as it was.
#[derive(Debug)]
pub enum PlanStoreError {
    /// The plan could not be locked: busy (changed in another window at
    /// this moment) or the lock file failed.
    Lock(LockError),
    /// The plan could not be read: missing, unreadable or damaged.
    Load(LoadError),
    /// The change itself was refused.
    Plan(PlanError),
    /// Writing failed.
    Save(SaveError),
    /// A session names a plan by something that is not a plan file name.
    BadReference(String),
}

impl fmt::Display for PlanStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanStoreError::Lock(e) => write!(f, "{e}"),
            PlanStoreError::Load(e) => write!(f, "{e}"),
            PlanStoreError::Plan(e) => write!(f, "{e}"),
            PlanStoreError::Save(e) => write!(f, "{e}"),
            PlanStoreError::BadReference(name) => {
                write!(f, "{name:?} is not the name of a plan file")
            }
        }
    }
}

impl std::error::Error for PlanStoreError {}

impl PlanStoreError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            PlanStoreError::Lock(LockError::Busy { session }) => (t.plans.busy)(&name_of(session)),
            PlanStoreError::Lock(e @ LockError::Io { .. }) => e.to_string(),
            PlanStoreError::Load(LoadError::Io { path, error })
                if error.kind() == io::ErrorKind::NotFound =>
            {
                (t.plans.plan_missing)(&name_of(path))
            }
            PlanStoreError::Load(LoadError::Io { path, error }) => (t.plans.read_failed)(
                &name_of(path),
                &io_reason(Some(error.kind()), &error.to_string(), t),
            ),
            PlanStoreError::Load(LoadError::Damaged { path, reason }) => {
                (t.store.damaged)(&path.display().to_string(), &plan_damage_message(reason, t))
            }
            PlanStoreError::Plan(e) => e.message(t),
            PlanStoreError::Save(e) => (t.plans.save_failed)(&e.reason(t)),
            PlanStoreError::BadReference(name) => (t.plans.plan_missing)(name),
        }
    }
}

/// The file name of a path, for messages.
pub(crate) fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
