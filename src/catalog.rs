//! The catalog: every guide the app can offer, bundled and the user's own.
//!
//! Load order: the bundled guides (`crate::bundled::BUNDLED`), then each
//! user guide folder in the order given (see [`crate::paths::guide_dirs`]),
//! each folder's `*.toml` files sorted by name. A user guide with the id of
//! a bundled one replaces it (and says so). When two user files share an id,
//! the one loaded later wins and carries a warning naming the other. Two
//! bundled guides with one id: the second is an error. A broken file is
//! reported in [`Catalog::errors`] and the other guides load. Trajectories
//! are resolved last, against the final set of conversations; a trajectory
//! with an unresolved step is reported and left out.
//!
//! Display order of [`Catalog::guides`]: conversations first, then
//! trajectories; within each, by title (case-insensitive), then by id.

use std::path::{Path, PathBuf};

use crate::file_read::{self, ReadError};
use crate::guide::parse::{Diagnostic, Parsed, Position, parse_guide, parse_guide_bytes};
use crate::guide::{Conversation, Guide, Trajectory};
use crate::trajectory::resolve_steps;

/// Where a loaded guide came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuideSource {
    /// Compiled into the binary; the file name in `guides/`.
    Bundled(String),
    /// A user's guide file.
    File(PathBuf),
}

impl GuideSource {
    /// The name used in diagnostics: `guides/NAME` or the path.
    pub fn display_name(&self) -> String {
        match self {
            GuideSource::Bundled(name) => format!("guides/{name}"),
            GuideSource::File(path) => path.display().to_string(),
        }
    }
}

/// A guide ready for use, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedGuide {
    /// The validated guide (a trajectory's step titles filled in).
    pub guide: Guide,
    /// Bundled or a user file.
    pub source: GuideSource,
    /// A user guide that took the place of a bundled guide with the same id.
    pub replaces_bundled: bool,
    /// Warnings about the guide's file (and about ids it shadows).
    pub warnings: Vec<Diagnostic>,
}

/// Every loaded guide and every error met while loading.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// The guides in display order.
    pub guides: Vec<LoadedGuide>,
    /// Broken, unreadable or unresolvable guide files.
    pub errors: Vec<Diagnostic>,
}

/// A parsed guide waiting for trajectory resolution.
struct Pending {
    loaded: LoadedGuide,
    step_at: Vec<Position>,
}

impl Catalog {
    /// The bundled guides, then the user's guides from `user_dirs`.
    pub fn load(user_dirs: &[PathBuf]) -> Catalog {
        Catalog::load_with(crate::bundled::BUNDLED, user_dirs)
    }

    /// Only the bundled guides.
    pub fn bundled() -> Catalog {
        Catalog::load_with(crate::bundled::BUNDLED, &[])
    }

    /// Like [`Catalog::load`] with a given list of bundled guides
    /// (file name, text); for tests and tools.
    pub fn load_with(bundled: &[(&str, &str)], user_dirs: &[PathBuf]) -> Catalog {
        let mut pending: Vec<Pending> = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in bundled {
            let source = GuideSource::Bundled((*name).to_string());
            match parse_guide(&source.display_name(), text) {
                Ok(parsed) => add(&mut pending, &mut errors, parsed, source),
                Err(mut e) => errors.append(&mut e),
            }
        }
        for dir in user_dirs {
            for path in guide_files(dir, &mut errors) {
                let source = GuideSource::File(path.clone());
                let name = source.display_name();
                match read_guide_file(&name, &path) {
                    Ok(bytes) => match parse_guide_bytes(&name, &bytes) {
                        Ok(parsed) => add(&mut pending, &mut errors, parsed, source),
                        Err(mut e) => errors.append(&mut e),
                    },
                    Err(e) => errors.push(e),
                }
            }
        }
        let mut guides = resolve_all(pending, &mut errors);
        guides.sort_by_cached_key(|g| {
            (
                g.guide.as_trajectory().is_some(),
                g.guide.title().to_lowercase(),
                g.guide.id().to_string(),
            )
        });
        Catalog { guides, errors }
    }

    /// The guide with this id.
    pub fn get(&self, id: &str) -> Option<&LoadedGuide> {
        self.guides.iter().find(|g| g.guide.id() == id)
    }

    /// The conversation guide with this id.
    pub fn conversation(&self, id: &str) -> Option<&Conversation> {
        self.get(id).and_then(|g| g.guide.as_conversation())
    }

    /// The trajectory with this id.
    pub fn trajectory(&self, id: &str) -> Option<&Trajectory> {
        self.get(id).and_then(|g| g.guide.as_trajectory())
    }

    /// Every warning of every loaded guide.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.guides.iter().flat_map(|g| g.warnings.iter())
    }
}

/// The bytes of a guide file: a regular file of at most
/// [`file_read::GUIDE_LIMIT`] bytes (a FIFO named `*.toml` would hang every
/// start); anything else is a diagnostic about the whole file.
pub fn read_guide_file(name: &str, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    file_read::read_regular(path, file_read::GUIDE_LIMIT).map_err(|e| {
        Diagnostic::whole_file(
            name,
            match e {
                ReadError::Io(e) => format!("cannot read the guide file: {e}"),
                ReadError::NotAFile(_) | ReadError::TooLarge { .. } => {
                    format!("not read as a guide file: {e}")
                }
            },
        )
    })
}

/// The `*.toml` files of a folder, sorted by name. A missing folder has none.
fn guide_files(dir: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            errors.push(Diagnostic::whole_file(
                &dir.display().to_string(),
                format!("cannot read the guide folder: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
        .collect();
    files.sort();
    files
}

/// Add a parsed guide, applying the replacement rules on equal ids.
fn add(
    pending: &mut Vec<Pending>,
    errors: &mut Vec<Diagnostic>,
    parsed: Parsed,
    source: GuideSource,
) {
    let name = source.display_name();
    let is_user = matches!(source, GuideSource::File(_));
    let mut loaded = LoadedGuide {
        guide: parsed.guide,
        source,
        replaces_bundled: false,
        warnings: parsed.warnings,
    };
    let earlier = pending
        .iter()
        .position(|p| p.loaded.guide.id() == loaded.guide.id());
    if let Some(i) = earlier {
        let old = &pending[i].loaded;
        let id = loaded.guide.id();
        match (&old.source, is_user) {
            (GuideSource::Bundled(_), false) => {
                errors.push(Diagnostic::at(
                    &name,
                    parsed.id_at,
                    format!(
                        "duplicate guide id `{id}`; {} already uses it",
                        old.source.display_name()
                    ),
                ));
                return;
            }
            (GuideSource::Bundled(_), true) => loaded.replaces_bundled = true,
            (GuideSource::File(_), _) => {
                loaded.replaces_bundled = old.replaces_bundled;
                loaded.warnings.push(Diagnostic::at(
                    &name,
                    parsed.id_at,
                    format!(
                        "guide id `{id}` is also used by {}; this file is loaded later and wins",
                        old.source.display_name()
                    ),
                ));
            }
        }
        pending.remove(i);
    }
    pending.push(Pending {
        loaded,
        step_at: parsed.step_at,
    });
}

/// Resolve every trajectory against the final set of guides; drop the ones
/// with unresolved steps.
fn resolve_all(mut pending: Vec<Pending>, errors: &mut Vec<Diagnostic>) -> Vec<LoadedGuide> {
    let snapshot: Vec<Guide> = pending.iter().map(|p| p.loaded.guide.clone()).collect();
    pending.retain_mut(|p| {
        let name = p.loaded.source.display_name();
        let Guide::Trajectory(t) = &mut p.loaded.guide else {
            return true;
        };
        let mut step_errors = resolve_steps(t, &name, &p.step_at, |id| {
            snapshot.iter().find(|g| g.id() == id)
        });
        let ok = step_errors.is_empty();
        errors.append(&mut step_errors);
        ok
    });
    pending.into_iter().map(|p| p.loaded).collect()
}
