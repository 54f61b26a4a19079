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
mod index_fault_tests;
#[cfg(test)]
mod index_tests;
mod list;
mod lock;
mod messages;
pub mod names;
mod overview;
#[cfg(test)]
mod overview_tests;
mod parts;
mod plan_file;
mod plan_record;
mod plans;
#[cfg(test)]
mod plans_tests;
pub mod query;
#[cfg(test)]
mod query_tests;
mod save;
mod scan;
mod search;
mod words;
#[cfg(test)]
mod words_tests;

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
pub use extra::{Rescue, StaleTemps};
pub use fs::SaveStep;
#[doc(hidden)]
pub use fs::{FaultyFs, Fs, RealFs, Times};
pub use history::{Partial, Progress};
pub use index::INDEX_NAME;
#[cfg(test)]
pub(crate) use list::read_back;
pub use list::{DamageReason, DamagedFile, END_MARKER, Listed, SessionHeader, file_name};
pub use lock::{LockError, SessionLock};
pub use messages::io_reason;
pub use names::{is_named_for, session_file_name};
pub use overview::Overview;
pub use plan_file::{
    ListedPlan, PLAN_END_MARKER, PlanEntry, PlanStoreError, plan_damage_message, plan_text,
};
pub use plan_record::held_at;
pub use plans::{PLANS_FOLDER, PlanLock, PlanStore, plan_file_name};
pub use query::SessionQuery;
pub use save::session_text;
pub use search::{HitKind, MatchedPart, SearchHit};

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
    /// Whether opening removed the stale temporary files (else the owner
    /// does, see [`StaleTemps::Later`]); the plans beside follow it.
    temps: StaleTemps,
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

    /// [`open_with_index`](Self::open_with_index) (`index` `None`: as
    /// [`open`](Self::open), beside the session files), removing the stale
    /// temporary files now or leaving that to the caller (`temps`). With
    /// [`StaleTemps::Later`] opening reads no entry of the folder.
    pub fn open_at(
        dir: impl Into<PathBuf>,
        index: Option<PathBuf>,
        temps: StaleTemps,
    ) -> io::Result<SessionStore> {
        let dir = dir.into();
        let index = index.unwrap_or_else(|| dir.join(INDEX_NAME));
        Self::open_full(dir, Arc::new(RealFs), Some(index), temps)
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
        Self::open_full(dir, fs, index, StaleTemps::Remove)
    }

    fn open_full(
        dir: PathBuf,
        fs: Arc<dyn Fs>,
        index: Option<PathBuf>,
        temps: StaleTemps,
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
                temps,
                folder_sync_refused: AtomicBool::new(false),
                folder_sync_noted: AtomicBool::new(false),
                copy_log: Mutex::new(CopyLog::default_location()),
            }),
        };
        match temps {
            StaleTemps::Remove => store.remove_stale_temps(),
            StaleTemps::Later => {}
        }
        Ok(store)
    }

    /// When this store's stale temporary files go (see [`StaleTemps`]).
    pub fn stale_temps(&self) -> StaleTemps {
        self.inner.temps
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
        let bytes = list::read_session_file(path).map_err(|e| LoadError::of_read(path, e))?;
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
