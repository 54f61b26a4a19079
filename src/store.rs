//! SessionStore: the data folder with the session files.
//!
//! - Saving is atomic and verified ([`SessionStore::save`]): the text is
//!   parsed back and compared before anything touches the disk, then
//!   written by `fs::write_atomic` (temp file, fsync, rename, fsync the
//!   folder). Files are 0600, the folder 0700.
//! - A file changed by another program since this store last wrote or read
//!   it is never overwritten: the save goes to `<name>-conflict.toml`.
//! - Damaged files are listed as such and never overwritten, moved or deleted.
//! - Questions about past sessions are a [`SessionQuery`], answered by
//!   [`SessionStore::find`] and [`SessionStore::load_matching`]: see
//!   [`query`].
//! - Companion files start with `.~` (sync clients ignore them): see
//!   [`names`]. No terminal code here.

mod copies;
mod errors;
mod extra;
mod fold;
pub mod fs;
mod history;
#[cfg(test)]
mod hostile_tests;
mod index;
#[cfg(test)]
mod index_tests;
mod list;
mod lock;
mod messages;
pub mod names;
mod parts;
mod plan_file;
mod plan_record;
mod plans;
#[cfg(test)]
mod plans_tests;
pub mod query;
#[cfg(test)]
mod query_tests;
mod scan;
mod search;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

pub use copies::{COPIES_NAME, CopyLog, EmergencyCopy};
pub use errors::{DeleteError, LoadError, ResolveError, SaveError, Saved, StoreWarning};
pub use extra::Rescue;
pub use fs::SaveStep;
#[doc(hidden)]
pub use fs::{FaultyFs, Fs, RealFs, Times};
pub use history::{Partial, Progress};
pub use index::INDEX_NAME;
pub use list::{DamageReason, DamagedFile, END_MARKER, Listed, SessionHeader, file_name};
pub use lock::{LockError, SessionLock};
pub use messages::io_reason;
pub use names::{is_named_for, session_file_name};
pub use plan_file::{
    ListedPlan, PLAN_END_MARKER, PlanEntry, PlanStoreError, plan_damage_message, plan_text,
};
pub use plan_record::held_at;
pub use plans::{PLANS_FOLDER, PlanLock, PlanStore, plan_file_name};
pub use query::SessionQuery;
pub use search::{HitKind, MatchedPart, SearchHit};

use crate::file_read;
use crate::session::Session;

/// What the store last wrote or read at a path, to notice outside changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    hash: u64,
    modified: Option<SystemTime>,
}

impl Fingerprint {
    fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Fingerprint {
            len: bytes.len() as u64,
            hash: content_hash(bytes),
            modified,
        }
    }

    /// Same content (a rewrite with identical bytes is no change).
    fn matches(&self, bytes: &[u8]) -> bool {
        self.len == bytes.len() as u64 && self.hash == content_hash(bytes)
    }
}

/// A folder fsync error that means "not supported here", not "failed".
fn folder_sync_unsupported(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EINVAL | libc::EBADF))
}

/// Which file is at `path` now: its device, inode, modification time and
/// length (an atomic save puts a new inode there).
fn file_identity(path: &Path) -> Option<(u64, u64, SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.dev(), m.ino(), m.modified().ok()?, m.len()))
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

#[derive(Debug, Default)]
struct Memory {
    /// Per path, what we last wrote or loaded there.
    known: HashMap<PathBuf, Fingerprint>,
    /// Saves of a path that went to a conflict copy go there from then on.
    redirects: HashMap<PathBuf, PathBuf>,
    /// Names handed out by `path_for_new` and not yet written.
    reserved: HashSet<PathBuf>,
    /// Parsed entries of the last scan of the folder, by path, with size
    /// and mtime.
    listed: HashMap<PathBuf, (u64, SystemTime, Listed)>,
}

#[derive(Debug)]
struct Inner {
    dir: PathBuf,
    fs: Arc<dyn Fs>,
    warnings: Vec<StoreWarning>,
    memory: Mutex<Memory>,
    /// Whether queries go through the history index (else: folder scans).
    use_index: bool,
    /// The history index's database file.
    index_file: PathBuf,
    /// The open history index, if opened yet.
    index: Mutex<Option<index::Index>>,
    /// A second connection to it, for the answers that do not wait.
    reader: Mutex<Option<index::Index>>,
    /// Held while the index is brought up to date (one sync at a time).
    syncing: Mutex<()>,
    /// A save found that folders cannot be fsynced here (and counted).
    folder_sync_refused: AtomicBool,
    /// [`SessionStore::take_folder_sync_note`] said so once.
    folder_sync_noted: AtomicBool,
    /// Where emergency copies are recorded (the config folder's).
    copy_log: Mutex<Option<CopyLog>>,
}

/// The data folder with the session files. Cheap to clone (shared state),
/// so the saver thread and the UI can hold the same store.
#[derive(Debug, Clone)]
pub struct SessionStore {
    inner: Arc<Inner>,
}

impl SessionStore {
    /// Open the data folder, creating it (and its parents) with mode 0700 if
    /// missing, with the history index beside the session files
    /// ([`INDEX_NAME`]). An existing folder readable by others is left alone and
    /// reported in [`warnings`](Self::warnings). Stale temporary files of
    /// earlier crashes are removed.
    pub fn open(dir: impl Into<PathBuf>) -> io::Result<SessionStore> {
        Self::open_with(dir, Arc::new(RealFs))
    }

    /// [`open`](Self::open) with another file system (fault injection).
    #[doc(hidden)]
    pub fn open_with(dir: impl Into<PathBuf>, fs: Arc<dyn Fs>) -> io::Result<SessionStore> {
        let dir = dir.into();
        let index = dir.join(INDEX_NAME);
        Self::open_inner(dir, fs, Some(index))
    }

    /// [`open`](Self::open) with the history index in the file `index`
    /// (the app keeps it in its cache folder, see
    /// [`paths::index_file`](crate::paths::index_file)) instead of beside
    /// the session files as [`INDEX_NAME`].
    pub fn open_with_index(dir: impl Into<PathBuf>, index: PathBuf) -> io::Result<SessionStore> {
        Self::open_inner(dir.into(), Arc::new(RealFs), Some(index))
    }

    /// [`open`](Self::open) without the history index: every query is
    /// answered by scanning the folder (to compare, in tests and
    /// benchmarks).
    #[doc(hidden)]
    pub fn open_without_index(dir: impl Into<PathBuf>) -> io::Result<SessionStore> {
        Self::open_inner(dir.into(), Arc::new(RealFs), None)
    }

    fn open_inner(
        dir: PathBuf,
        fs: Arc<dyn Fs>,
        index: Option<PathBuf>,
    ) -> io::Result<SessionStore> {
        let warnings = ensure_private_dir(&dir)?;
        let store = SessionStore {
            inner: Arc::new(Inner {
                dir,
                fs,
                warnings,
                memory: Mutex::new(Memory::default()),
                use_index: index.is_some(),
                index_file: index.unwrap_or_default(),
                index: Mutex::new(None),
                reader: Mutex::new(None),
                syncing: Mutex::new(()),
                folder_sync_refused: AtomicBool::new(false),
                folder_sync_noted: AtomicBool::new(false),
                copy_log: Mutex::new(CopyLog::default_location()),
            }),
        };
        store.remove_stale_temps();
        Ok(store)
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// Warnings found when opening (e.g. a folder others can read).
    pub fn warnings(&self) -> &[StoreWarning] {
        &self.inner.warnings
    }

    fn memory(&self) -> MutexGuard<'_, Memory> {
        self.inner.memory.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A free path for a new session ([`session_file_name`], with `-2`,
    /// `-3`… if taken). The name is reserved in this store until written.
    pub fn path_for_new(&self, session: &Session) -> PathBuf {
        let mut mem = self.memory();
        let dir = &self.inner.dir;
        let name = names::first_free(&names::session_stem(session), |n| {
            let p = dir.join(n);
            mem.reserved.contains(&p) || p.exists() || names::lock_path(&p).exists()
        });
        let path = dir.join(name);
        mem.reserved.insert(path.clone());
        path
    }

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

    /// Record emergency copies in `log` instead of the config folder's
    /// (`None`: nowhere); for tests.
    #[doc(hidden)]
    pub fn set_copy_log(&self, log: Option<CopyLog>) {
        *self
            .inner
            .copy_log
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = log;
    }

    /// Where this store finds the recorded emergency copies.
    pub(crate) fn copy_log(&self) -> Option<CopyLog> {
        self.inner
            .copy_log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// True once, after a save found that this file system does not fsync
    /// folders (the save counted as done): for a one-time note that a
    /// power cut right after a save might undo it.
    pub fn take_folder_sync_note(&self) -> bool {
        self.inner.folder_sync_refused.load(Ordering::Relaxed)
            && !self.inner.folder_sync_noted.swap(true, Ordering::Relaxed)
    }

    /// Read a session file. A damaged file is reported, never changed.
    ///
    /// What was read is remembered (to notice outside changes on the next
    /// save) only when the file is still the one that was read: a worker
    /// reading the open session while this store's saver replaces it must
    /// not put the older bytes over the ones the saver just wrote, or the
    /// next save would take its own write for someone else's.
    pub fn load(&self, path: &Path) -> Result<Session, LoadError> {
        let before = file_identity(path);
        let bytes = list::read_session_file(path).map_err(|e| match DamageReason::of_read(e) {
            Ok(reason) => LoadError::Damaged {
                path: path.to_path_buf(),
                reason,
            },
            Err(error) => LoadError::Io {
                path: path.to_path_buf(),
                error,
            },
        })?;
        let session = list::parse_bytes(&bytes).map_err(|reason| LoadError::Damaged {
            path: path.to_path_buf(),
            reason,
        })?;
        let mut mem = self.memory();
        let now = file_identity(path);
        if before.is_some() && now == before {
            let modified = now.map(|(_, _, modified, _)| modified);
            mem.known
                .insert(path.to_path_buf(), Fingerprint::of(&bytes, modified));
        }
        Ok(session)
    }

    /// Every session file in the folder (`*.toml`, not hidden), newest
    /// first (created stamp in the name, then modification time, then
    /// name), damaged ones included: [`find`](Self::find) with
    /// [`SessionQuery::all`]. Answered from the history index (see
    /// `history.rs`): only files whose size or mtime changed since it read
    /// them are read again. The header is what `list::parse_head` reads
    /// (truncated, garbage and unknown-format files are found); a complete
    /// file damaged deep inside lists as a session with
    /// [`SessionHeader::damage`] set, and fails on `load`.
    pub fn list(&self) -> io::Result<Vec<Listed>> {
        self.find(&SessionQuery::all())
    }

    /// The sessions meeting `query`, newest first (the order of
    /// [`list`](Self::list)). Damaged files are included only when the
    /// query has no condition (see [`query`] for the rules). Fails only
    /// when the folder cannot be read.
    pub fn find(&self, query: &SessionQuery) -> io::Result<Vec<Listed>> {
        self.find_entries(query)
    }

    /// The whole sessions meeting `query`, newest first, each loaded as by
    /// [`load`](Self::load); files that cannot be loaded (damaged, or gone
    /// since the folder was read) are left out. For callers that need
    /// more than the header, such as carrying open items.
    pub fn load_matching(&self, query: &SessionQuery) -> io::Result<Vec<Session>> {
        Ok(self
            .find_entries(query)?
            .into_iter()
            .filter_map(|listed| match listed {
                Listed::Session(h) => self.load(&h.path).ok(),
                Listed::Damaged(_) => None,
            })
            .collect())
    }

    /// The session a command-line SESSION argument names: an existing file,
    /// or the one session file in the folder whose name starts with `arg`.
    pub fn resolve(&self, arg: &str) -> Result<PathBuf, ResolveError> {
        let as_path = Path::new(arg);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        let dir = &self.inner.dir;
        let io_err = |error| ResolveError::Io {
            dir: dir.clone(),
            error,
        };
        // Each name as shown (a name that is not UTF-8 shows with U+FFFD,
        // as `sessions` prints it) with the name itself, so such a file is
        // found by the prefix printed and opened by its real name.
        let mut candidates: Vec<(String, std::ffi::OsString)> = std::fs::read_dir(dir)
            .map_err(io_err)?
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.file_name()))
            .filter(|(n, _)| names::is_session_name(n) && n.starts_with(arg))
            .collect();
        candidates.sort();
        if let Some((_, exact)) = candidates
            .iter()
            .find(|(n, _)| *n == arg || n.strip_suffix(".toml") == Some(arg))
        {
            return Ok(dir.join(exact));
        }
        match candidates.len() {
            0 => Err(ResolveError::NotFound {
                arg: arg.to_string(),
                dir: dir.clone(),
            }),
            1 => Ok(dir.join(&candidates[0].1)),
            _ => Err(ResolveError::Ambiguous {
                arg: arg.to_string(),
                candidates: candidates.into_iter().map(|(n, _)| n).collect(),
            }),
        }
    }

    /// A path for a new session, locked for this window (issue 15 point
    /// 11): two windows starting the same client in the same second both
    /// found the same name free, and the second then took the first's file
    /// for another program's change. The name is taken by creating its lock
    /// file (`O_EXCL`): a name whose lock file another window just made, or
    /// whose session file appeared meanwhile, is passed over for the next
    /// (`-2`, `-3`…). When the folder cannot be written, the first name
    /// comes back with the error (saving then fails visibly and is retried).
    pub fn claim_new(&self, session: &Session) -> (PathBuf, Result<SessionLock, LockError>) {
        let first = self.path_for_new(session);
        let mut path = first.clone();
        for _ in 0..100 {
            match lock::lock_new(&path) {
                Ok(held) if !path.exists() => return (path, Ok(held)),
                Ok(_) | Err(LockError::Busy { .. }) => {}
                Err(e) => return (path, Err(e)),
            }
            path = self.path_for_new(session);
        }
        let busy = lock::lock_new(&first);
        (first, busy)
    }

    /// Lock a session against a second window: [`LockError::Busy`] if it is
    /// open elsewhere. Released on drop, and by the OS when the process dies.
    pub fn lock(&self, path: &Path) -> Result<SessionLock, LockError> {
        lock::lock(path)
    }

    /// Whether the session is locked right now (open in a window), without
    /// taking or creating the lock; for "open elsewhere" in the history.
    pub fn is_locked(&self, path: &Path) -> bool {
        lock::is_locked(path)
    }
}

/// The text of a session file: the session's TOML and the end marker,
/// checked by parsing it back: if it does not read back as the same session,
/// it is an error (writing it would lose something).
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

/// Read `text` back and compare it with `session`: a serialiser or parser
/// that drops or changes anything stops the save.
fn verify(session: &Session, text: &str) -> Result<(), SaveError> {
    match list::read_back(text.as_bytes()) {
        Ok(back) if back == *session => Ok(()),
        Ok(_) => Err(SaveError::Verify(
            "the text read back differs from the session".into(),
        )),
        Err(reason) => Err(SaveError::Verify(reason.to_string())),
    }
}

/// Create `dir` (and parents) 0700 if missing; warn if an existing one is
/// readable by others.
fn ensure_private_dir(dir: &Path) -> io::Result<Vec<StoreWarning>> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mode = meta.permissions().mode() & 0o777;
            Ok(if mode & 0o077 != 0 {
                vec![StoreWarning::FolderReadable {
                    dir: dir.to_path_buf(),
                    mode,
                }]
            } else {
                Vec::new()
            })
        }
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a folder", dir.display()),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
            // The umask may have removed bits from 0700; set it exactly.
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
            Ok(Vec::new())
        }
        Err(e) => Err(e),
    }
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
