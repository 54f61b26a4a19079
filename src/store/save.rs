//! Saving a session: the verified atomic write, the look for a change by
//! another program before it and again right before the rename, conflict
//! copies, and a copy into another folder.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::fs::{self, SaveStep};
use super::{
    END_MARKER, Fingerprint, SaveError, Saved, SessionStore, ensure_private_dir, file_identity,
    list, names,
};
use crate::file_read;
use crate::session::Session;
use verify::verify;

mod verify;

impl SessionStore {
    /// Save `session` to `path` atomically. If another program changed the
    /// file since this store last wrote or loaded it (or it exists and this
    /// store never saw it), it is left alone and the session goes to a new
    /// `<name>-conflict.toml` ([`Saved::Conflict`]).
    pub fn save(&self, path: &Path, session: &Session) -> Result<Saved, SaveError> {
        let text = session_text(session)?;
        let asked = path.to_path_buf();
        let path = self
            .memory()
            .redirects
            .get(&asked)
            .cloned()
            .unwrap_or(asked.clone());
        let seen = file_identity(&path);
        let mut target = match self.changed_outside(&path)? {
            false => path.clone(),
            true => self.conflict_path(&path),
        };
        // That look came before the slow part (writing and flushing the
        // temporary file: seconds on a USB stick or a network share). Right
        // before the rename the file is looked at again: when it is no
        // longer the one looked at (another program renamed or wrote over
        // it), its content is compared again, and a foreign version stays
        // where it is while this one goes to a conflict copy.
        let mut last_check = || -> io::Result<PathBuf> {
            if target == path && file_identity(&path) != seen && self.changed_outside_io(&path)? {
                target = self.conflict_path(&path);
            }
            Ok(target.clone())
        };
        let target = self.write_checked(&path, &text, &mut last_check)?;
        let mut mem = self.memory();
        mem.reserved.remove(&target);
        if target == path {
            Ok(Saved::Written(target))
        } else {
            mem.redirects.insert(asked.clone(), target.clone());
            Ok(Saved::Conflict {
                original: path,
                new_path: target,
            })
        }
    }

    /// Save `session` into another folder (when the data folder cannot be
    /// written): the same verified atomic write, under a free name there.
    /// The folder is created 0700 if missing. A copy renamed into place
    /// counts as written even when the folder fsync then fails.
    pub fn save_to(&self, dir: &Path, session: &Session) -> Result<PathBuf, SaveError> {
        let text = session_text(session)?;
        ensure_private_dir(dir).map_err(|error| SaveError::Io {
            step: SaveStep::CreateTemp,
            path: dir.to_path_buf(),
            error,
        })?;
        let name = names::first_free(&names::session_stem(session), |n| dir.join(n).exists());
        let target = dir.join(name);
        match self.write(&target, &text) {
            // Renamed into place already: the copy is there, complete, so
            // it is reported as written (never "saved nowhere").
            Ok(())
            | Err(SaveError::Io {
                step: SaveStep::SyncFolder,
                ..
            }) => Ok(target),
            Err(e) => Err(e),
        }
    }

    /// Whether the file at `path` differs from what this store last wrote
    /// or loaded there. A missing file is no change (nothing to lose).
    ///
    /// Something that is not a regular file there (a folder, a FIFO), or a
    /// file too large to be a session, is someone else's: it counts as a
    /// change, so it is left alone and never read or waited for.
    fn changed_outside(&self, path: &Path) -> Result<bool, SaveError> {
        self.changed_outside_io(path)
            .map_err(|error| SaveError::Io {
                step: SaveStep::Check,
                path: path.to_path_buf(),
                error,
            })
    }

    /// [`Self::changed_outside`] with the bare I/O error.
    fn changed_outside_io(&self, path: &Path) -> io::Result<bool> {
        let on_disk = match list::read_session_file(path) {
            Ok(bytes) => bytes,
            Err(file_read::ReadError::NotAFile(_) | file_read::ReadError::TooLarge { .. }) => {
                return Ok(true);
            }
            Err(file_read::ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(false);
            }
            Err(file_read::ReadError::Io(error)) => return Err(error),
        };
        Ok(match self.memory().known.get(path) {
            Some(fp) => !fp.matches(&on_disk),
            None => true,
        })
    }

    /// `<stem>-conflict.toml`, `<stem>-conflict-2.toml`… whichever is free.
    fn conflict_path(&self, path: &Path) -> PathBuf {
        let name = list::file_name(path);
        let stem = name.strip_suffix(".toml").unwrap_or(&name);
        let dir = names::parent_dir(path);
        let mem = self.memory();
        let free = names::first_free(&format!("{stem}-conflict"), |n| {
            let p = dir.join(n);
            p.exists() || mem.reserved.contains(&p)
        });
        dir.join(free)
    }

    /// The one write path: atomic write, remembering what was written.
    fn write(&self, target: &Path, text: &str) -> Result<(), SaveError> {
        self.write_checked(target, text, &mut || Ok(target.to_path_buf()))
            .map(drop)
    }

    /// [`Self::write`] with a last look before the rename that names the
    /// file written (`target` or a conflict copy beside it); returns it.
    fn write_checked(
        &self,
        target: &Path,
        text: &str,
        last_check: &mut dyn FnMut() -> io::Result<PathBuf>,
    ) -> Result<PathBuf, SaveError> {
        let bytes = text.as_bytes();
        let mut renamed = None;
        let mut remember = |written: &Path| {
            let modified = std::fs::metadata(written).and_then(|m| m.modified()).ok();
            let mut mem = self.memory();
            mem.known
                .insert(written.to_path_buf(), Fingerprint::of(bytes, modified));
            renamed = Some(written.to_path_buf());
        };
        let result =
            fs::write_atomic_checked(&*self.inner.fs, target, bytes, last_check, &mut remember);
        match (result, renamed) {
            (Ok(written), _) => Ok(written),
            // Some network and FUSE file systems refuse fsync on a folder
            // (EINVAL, EBADF; PostgreSQL tolerates these too): the file is
            // in place, complete, as durable as that file system makes it.
            (Err(e), Some(written))
                if e.step == SaveStep::SyncFolder && folder_sync_unsupported(&e.error) =>
            {
                self.inner
                    .folder_sync_refused
                    .store(true, Ordering::Relaxed);
                Ok(written)
            }
            (Err(e), _) => Err(SaveError::Io {
                step: e.step,
                path: target.to_path_buf(),
                error: e.error,
            }),
        }
    }
}

/// A folder fsync error that means "not supported here", not "failed".
fn folder_sync_unsupported(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EINVAL | libc::EBADF))
}

/// The text of a session file: the session's TOML and the end marker,
/// checked by parsing it back: if it does not read back as the same session,
/// it is an error (writing it would lose something). The embedded guide is
/// parsed back once per guide and thread (see `save/verify.rs`).
pub fn session_text(session: &Session) -> Result<String, SaveError> {
    let mut text = session
        .to_toml()
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(END_MARKER);
    verify(session, &text)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{at, guide};

    #[test]
    fn a_text_that_does_not_read_back_as_the_session_stops_the_save() {
        let mut session = Session::new(&guide(), at(0));
        session.phases[0].notes = "wat gezegd is".into();
        let text = session_text(&session).expect("a faithful text");
        verify(&session, &text).expect("it reads back");
        // As if the serialiser had dropped a word, or cut the file short.
        let lossy = text.replace("wat gezegd is", "wat gezegd");
        assert!(matches!(
            verify(&session, &lossy),
            Err(SaveError::Verify(_))
        ));
        let cut = &text[..text.len() / 2];
        assert!(matches!(verify(&session, cut), Err(SaveError::Verify(_))));
    }
}
