//! The emergency copies (issue 15 point 5): when the session file could not
//! be brought up to date on the way out, a copy goes to another folder
//! (the documents or home folder, the temporary folder) and its message may
//! go to a terminal that is gone. Every such copy is recorded in
//! `copies.toml` in the config folder, so the next start and `leidraad
//! sessions` can say where each is, until it is restored or deleted.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fs::{RealFs, write_atomic};
use crate::session::Timestamp;

/// The file name of the record, in the config folder.
pub const COPIES_NAME: &str = "copies.toml";

/// One emergency copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyCopy {
    /// The copy.
    pub copy: PathBuf,
    /// The session file it is a newer version of, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<PathBuf>,
    /// When it was written.
    pub written: Timestamp,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Record {
    #[serde(default)]
    copy: Vec<EmergencyCopy>,
}

/// The record of emergency copies in one folder.
#[derive(Debug, Clone)]
pub struct CopyLog {
    file: PathBuf,
}

impl CopyLog {
    /// The record in `folder` (the config folder), as `copies.toml`.
    pub fn in_folder(folder: &Path) -> CopyLog {
        CopyLog {
            file: folder.join(COPIES_NAME),
        }
    }

    /// The record in the app's config folder, if there is one.
    pub fn default_location() -> Option<CopyLog> {
        crate::paths::config_dir().map(|d| CopyLog::in_folder(&d))
    }

    /// The record's file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Record a copy written at `written` (of `session`, if known).
    pub fn record(
        &self,
        copy: &Path,
        session: Option<&Path>,
        written: Timestamp,
    ) -> io::Result<()> {
        let mut record = self.read();
        record.copy.retain(|c| c.copy != copy);
        record.copy.push(EmergencyCopy {
            copy: copy.to_path_buf(),
            session: session.map(Path::to_path_buf),
            written,
        });
        self.write(&record)
    }

    /// The recorded copies that still exist, oldest first (a copy deleted
    /// or moved by hand is no longer shown).
    pub fn copies(&self) -> Vec<EmergencyCopy> {
        self.read()
            .copy
            .into_iter()
            .filter(|c| c.copy.is_file())
            .collect()
    }

    /// Forget a copy (restored, or no longer wanted).
    pub fn forget(&self, copy: &Path) -> io::Result<()> {
        let mut record = self.read();
        let before = record.copy.len();
        record.copy.retain(|c| c.copy != copy);
        if record.copy.len() == before {
            return Ok(());
        }
        self.write(&record)
    }

    /// What the file holds; nothing when it is missing or unreadable (an
    /// unreadable record is replaced at the next copy, never a reason to
    /// fail one).
    fn read(&self) -> Record {
        crate::file_read::read_regular(&self.file, 1 << 20)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write(&self, record: &Record) -> io::Result<()> {
        let text = toml::to_string(record).map_err(io::Error::other)?;
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        write_atomic(&RealFs, &self.file, text.as_bytes(), &mut || {}).map_err(|e| e.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::at;

    #[test]
    fn copies_are_recorded_listed_while_they_exist_and_forgotten() {
        let dir = tempfile::TempDir::new().unwrap();
        let log = CopyLog::in_folder(&dir.path().join("cfg"));
        assert_eq!(log.copies(), vec![]);
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        std::fs::write(&a, "a").unwrap();
        std::fs::write(&b, "b").unwrap();
        let session = dir.path().join("data").join("s.toml");
        log.record(&a, Some(&session), at(0)).unwrap();
        log.record(&b, None, at(1)).unwrap();
        log.record(&a, Some(&session), at(2)).unwrap();
        let listed = log.copies();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].copy, b);
        assert_eq!(listed[1].session.as_deref(), Some(session.as_path()));
        assert_eq!(listed[1].written, at(2));
        std::fs::remove_file(&b).unwrap();
        assert_eq!(log.copies().len(), 1, "a copy gone by hand is not shown");
        log.forget(&a).unwrap();
        assert_eq!(log.copies(), vec![]);
    }

    #[test]
    fn a_damaged_record_is_no_reason_to_fail_a_copy() {
        let dir = tempfile::TempDir::new().unwrap();
        let log = CopyLog::in_folder(dir.path());
        std::fs::write(log.file(), "dit is geen toml [[[").unwrap();
        assert_eq!(log.copies(), vec![]);
        let a = dir.path().join("a.toml");
        std::fs::write(&a, "a").unwrap();
        log.record(&a, None, at(0)).unwrap();
        assert_eq!(log.copies().len(), 1);
    }
}
