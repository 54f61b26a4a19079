//! The store's errors and warnings in the user's language (the `Display`
//! impls are English, for logs and `{:#}` chains).

use std::io;

use super::{DamageReason, DeleteError, LockError, ResolveError, SaveError, StoreWarning};
use crate::file_read::{self, FileKind};
use crate::i18n::Texts;

/// Why an I/O operation failed, as the user should read it.
pub fn io_reason(kind: Option<io::ErrorKind>, detail: &str, t: &Texts) -> String {
    match kind {
        Some(io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded) => t.store.disk_full.into(),
        Some(io::ErrorKind::PermissionDenied) => t.store.no_permission.into(),
        Some(io::ErrorKind::ReadOnlyFilesystem) => t.store.read_only.into(),
        Some(io::ErrorKind::NotFound) => t.store.folder_missing.into(),
        _ => detail.to_string(),
    }
}

impl SaveError {
    /// Why saving failed, in the user's language where the system says
    /// (disk full, no permission...).
    pub fn reason(&self, t: &Texts) -> String {
        match self {
            SaveError::Io { error, .. } => io_reason(Some(error.kind()), &self.to_string(), t),
            SaveError::Serialize(_) | SaveError::Verify(_) => self.to_string(),
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
            DamageReason::Invalid(why) => (t.store.damage_invalid)(why),
            DamageReason::Unreadable(why) => (t.store.damage_unreadable)(why),
            DamageReason::NotAFile(kind) => (t.store.damage_not_a_file)(kind_name(*kind, t)),
            DamageReason::TooLarge(len) => (t.store.damage_too_large)(
                file_read::megabytes(*len),
                file_read::megabytes(file_read::SESSION_LIMIT),
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
            ResolveError::Io { .. } => self.to_string(),
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
