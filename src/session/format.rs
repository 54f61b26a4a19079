//! The session file: a session as TOML text and back, refusing damaged
//! files and files written by a newer leidraad.

use serde::Deserialize;

use super::{SESSION_FORMAT, Session};
use crate::file_fault::{Fault, FaultKind};

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionFileError {
    /// Not valid TOML or not a session: where and what.
    Damaged(Fault),
    /// Written by a newer leidraad with a format this build does not know.
    UnknownFormat(u32),
}

impl std::fmt::Display for SessionFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionFileError::Damaged(why) => write!(f, "damaged session file: {why}"),
            SessionFileError::UnknownFormat(v) => write!(
                f,
                "session format {v} is newer than this leidraad knows ({SESSION_FORMAT}): update leidraad"
            ),
        }
    }
}

impl std::error::Error for SessionFileError {}

impl Session {
    /// The session as the text of a session file.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    /// Read a session file's text. Never panics, whatever the input.
    pub fn from_toml(text: &str) -> Result<Session, SessionFileError> {
        #[derive(Deserialize)]
        struct Version {
            format: Option<u32>,
        }
        // One full parse in the usual case; the version is looked at apart
        // only when the file is newer or does not parse.
        let newer = |text: &str| match toml::from_str::<Version>(text) {
            Ok(Version { format: Some(v) }) if v > SESSION_FORMAT => Some(v),
            _ => None,
        };
        let session: Session = match toml::from_str(text) {
            Ok(s) => s,
            Err(e) => {
                return Err(match newer(text) {
                    Some(v) => SessionFileError::UnknownFormat(v),
                    None => SessionFileError::Damaged(Fault::of_toml(text, &e)),
                });
            }
        };
        if session.format > SESSION_FORMAT {
            return Err(SessionFileError::UnknownFormat(session.format));
        }
        session
            .check()
            .map_err(|kind| SessionFileError::Damaged(Fault::whole(kind)))?;
        Ok(session)
    }

    /// The invariants every other operation relies on: one record per phase
    /// of the embedded guide, with the same ids, and a current phase that
    /// exists.
    pub(crate) fn check(&self) -> Result<(), FaultKind> {
        if self.phases.len() != self.guide.phases.len() {
            return Err(FaultKind::PhaseCount {
                records: self.phases.len(),
                phases: self.guide.phases.len(),
            });
        }
        if let Some((r, g)) = self
            .phases
            .iter()
            .zip(&self.guide.phases)
            .find(|(r, g)| r.id != g.id)
        {
            return Err(FaultKind::PhaseMismatch {
                record: r.id.clone(),
                guide: g.id.clone(),
            });
        }
        if self.current >= self.phases.len() {
            return Err(FaultKind::NoSuchPhase(self.current));
        }
        Ok(())
    }
}
