//! The store's errors and warnings in the user's language (the `Display`
//! impls are English, for logs and `{:#}` chains).

use std::io;

use super::{
    DamageReason, DeleteError, LoadError, LockError, ResolveError, SaveError, SaveStep,
    StoreWarning,
};
use crate::file_fault::{Fault, FaultKind};
use crate::file_read::{self, FileKind};
use crate::i18n::Texts;

/// Why an I/O operation failed, as the user should read it.
pub fn io_reason(kind: Option<io::ErrorKind>, detail: &str, t: &Texts) -> String {
    match kind.and_then(|k| known_reason(k, t)) {
        Some(reason) => reason.into(),
        None => detail.to_string(),
    }
}

/// The user's words for the I/O failures a save meets; `None` for the
/// rest (the system's own words are shown then).
fn known_reason(kind: io::ErrorKind, t: &Texts) -> Option<&'static str> {
    match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Some(t.store.disk_full),
        io::ErrorKind::PermissionDenied => Some(t.store.no_permission),
        io::ErrorKind::ReadOnlyFilesystem => Some(t.store.read_only),
        io::ErrorKind::NotFound => Some(t.store.folder_missing),
        io::ErrorKind::IsADirectory => Some(t.store.is_a_folder),
        io::ErrorKind::NotADirectory => Some(t.store.not_a_folder),
        _ => None,
    }
}

/// A step of a save, in the user's language.
fn step_words(step: SaveStep, t: &Texts) -> &'static str {
    match step {
        SaveStep::Check => t.store.step_check,
        SaveStep::CreateTemp => t.store.step_create_temp,
        SaveStep::Write => t.store.step_write,
        SaveStep::SyncFile => t.store.step_sync_file,
        SaveStep::Rename => t.store.step_rename,
        SaveStep::SyncFolder => t.store.step_sync_folder,
    }
}

impl SaveError {
    /// Why saving failed, in the user's language where the system says
    /// (disk full, no permission...).
    pub fn reason(&self, t: &Texts) -> String {
        match self {
            // A folder that is there but takes no new file (`/proc/1`, a
            // mount point of another kind) is not a missing folder.
            SaveError::Io { step, path, error }
                if error.kind() == io::ErrorKind::NotFound
                    && *step == SaveStep::CreateTemp
                    && path.parent().is_some_and(std::path::Path::is_dir) =>
            {
                t.store.cannot_create_here.into()
            }
            SaveError::Io { step, error, .. } => match known_reason(error.kind(), t) {
                Some(reason) => reason.into(),
                None => (t.store.step_failed)(step_words(*step, t), &error.to_string()),
            },
            SaveError::Serialize(why) => (t.store.cannot_serialize)(why),
            SaveError::Verify(why) => (t.store.not_read_back)(why),
        }
    }

    /// The full "saving failed, still in memory, retried" message.
    pub fn message(&self, t: &Texts) -> String {
        (t.store.save_failed)(&self.reason(t))
    }
}

impl DamageReason {
    /// Why the file is damaged, in the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            DamageReason::Empty => t.store.damage_empty.into(),
            DamageReason::NotText => t.store.damage_not_text.into(),
            DamageReason::Truncated => t.store.damage_truncated.into(),
            DamageReason::UnknownFormat(v) => (t.store.damage_unknown_format)(*v),
            DamageReason::Invalid(fault) if fault.at.is_some() => fault.message(t),
            DamageReason::Invalid(fault) => (t.store.damage_invalid)(&fault.what(t)),
            DamageReason::Unreadable(why) => (t.store.damage_unreadable)(why),
            DamageReason::NotASession => t.store.damage_not_a_session.into(),
            DamageReason::LineEnds => t.store.damage_line_ends.into(),
            DamageReason::NotAFile(kind) => (t.store.damage_not_a_file)(kind_name(*kind, t)),
            DamageReason::TooLarge(len) => (t.store.damage_too_large)(
                file_read::megabytes(*len),
                file_read::megabytes(file_read::SESSION_LIMIT),
            ),
        }
    }
}

impl DamageReason {
    /// Why `file` is damaged, in the user's language, with the place in
    /// it as `FILE:LINE:COLUMN: …` when the parser gave one (as `leidraad
    /// check` names a place in a guide).
    pub fn message_in(&self, file: &str, t: &Texts) -> String {
        if let DamageReason::Invalid(fault @ Fault { at: Some(at), .. }) = self {
            return format!("{file}:{}:{}: {}", at.line, at.column, fault.what(t));
        }
        self.message(t)
    }
}

impl Fault {
    /// What is wrong and where, in the user's language: "regel 12, kolom
    /// 5: een regel die niet af is of te veel bevat".
    pub fn message(&self, t: &Texts) -> String {
        match self.at {
            Some(at) => (t.store.fault.at)(at.line, at.column, &self.what(t)),
            None => self.what(t),
        }
    }

    /// What is wrong, in the user's language, without where.
    pub fn what(&self, t: &Texts) -> String {
        let f = &t.store.fault;
        let keyed = |words: &str, key: &Option<String>| match key {
            Some(key) => format!("{words}{}", (f.for_key)(key)),
            None => words.to_string(),
        };
        match &self.kind {
            FaultKind::Syntax => f.syntax.into(),
            FaultKind::BrokenLine => f.broken_line.into(),
            FaultKind::UnclosedText => f.unclosed_text.into(),
            FaultKind::UnclosedHeader => f.unclosed_header.into(),
            FaultKind::UnclosedList => f.unclosed_list.into(),
            FaultKind::MissingValue => f.missing_value.into(),
            FaultKind::UnquotedValue => f.unquoted_value.into(),
            FaultKind::BadNumber => f.bad_number.into(),
            FaultKind::BadDate => f.bad_date.into(),
            FaultKind::DuplicateKey(key) => (f.duplicate_key)(key.as_deref()),
            FaultKind::WrongType(key) => keyed(f.wrong_type, key),
            FaultKind::BadValue(key) => keyed(f.bad_value, key),
            FaultKind::MissingField(name) => (f.missing_field)(name),
            FaultKind::UnknownField(name) => (f.unknown_field)(name),
            FaultKind::PhaseCount { records, phases } => (f.phase_count)(*records, *phases),
            FaultKind::PhaseMismatch { record, guide } => (f.phase_mismatch)(record, guide),
            FaultKind::NoSuchPhase(n) => (f.no_such_phase)(n + 1),
            FaultKind::GuideRules(rules) => (f.guide_rules)(rules.len()),
            FaultKind::PlanSteps(_) => f.plan_steps.into(),
        }
    }
}

impl LoadError {
    /// In the user's language; a place in the file as `FILE:LINE:COLUMN`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            LoadError::Damaged {
                path,
                reason: reason @ DamageReason::Invalid(Fault { at: Some(_), .. }),
            } => (t.store.damaged_at)(&reason.message_in(&path.display().to_string(), t)),
            LoadError::Damaged { path, reason } => {
                (t.store.damaged)(&path.display().to_string(), &reason.message(t))
            }
            LoadError::Io { path, error } => (t.store.cannot_read)(
                &path.display().to_string(),
                &io_reason(Some(error.kind()), &error.to_string(), t),
            ),
        }
    }
}

/// What a path that is not a regular file names, in the user's language.
pub fn kind_name(kind: FileKind, t: &Texts) -> &'static str {
    match kind {
        FileKind::Folder => t.store.kind_folder,
        FileKind::Fifo => t.store.kind_fifo,
        FileKind::Socket => t.store.kind_socket,
        FileKind::Device => t.store.kind_device,
        FileKind::Other => t.store.kind_other,
    }
}

impl LockError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            LockError::Busy { session } => (t.store.locked)(&session.display().to_string()),
            LockError::Io { .. } => self.to_string(),
        }
    }
}

impl ResolveError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ResolveError::NotFound { arg, dir } => {
                (t.store.resolve_none)(arg, &dir.display().to_string())
            }
            ResolveError::Ambiguous { arg, candidates } => {
                (t.store.resolve_ambiguous)(arg, &candidates.join(", "))
            }
            ResolveError::Io { dir, error } => (t.store.resolve_io)(
                &dir.display().to_string(),
                &io_reason(Some(error.kind()), &error.to_string(), t),
            ),
        }
    }
}

impl DeleteError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            DeleteError::Locked(e) => e.message(t),
            DeleteError::Damaged { path, .. } => {
                (t.store.delete_damaged)(&path.display().to_string())
            }
            DeleteError::Io { .. } => self.to_string(),
        }
    }
}

impl StoreWarning {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            StoreWarning::FolderReadable { dir, mode } => {
                (t.store.folder_readable)(&dir.display().to_string(), *mode)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::SaveStep;

    #[test]
    fn a_vanished_folder_is_said_in_the_users_language() {
        let gone = SaveError::Io {
            step: SaveStep::CreateTemp,
            path: "/data/x.toml".into(),
            error: io::Error::from(io::ErrorKind::NotFound),
        };
        let nl = gone.message(Lang::Nl.texts());
        assert!(nl.contains("de map bestaat niet"), "{nl}");
        assert!(!nl.contains("failed while"), "no English store text: {nl}");
        let en = gone.message(Lang::En.texts());
        assert!(en.contains("the folder is not there"), "{en}");
        let saver = io_reason(
            Some(io::ErrorKind::NotFound),
            "creating …",
            Lang::Nl.texts(),
        );
        assert!(saver.starts_with("de map bestaat niet"), "{saver}");
    }
}
