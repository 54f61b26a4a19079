//! The file operations of one atomic save, behind a small trait so tests can
//! make any step fail ([`FaultyFs`]).
//!
//! The save sequence (`write_atomic`) is the only code path that writes a
//! session file: a fresh temporary file `.~<name>.tmp` in the target folder
//! (mode 0600 whatever the umask, created with `O_CREAT | O_EXCL |
//! O_NOFOLLOW`), write, fsync (`fdatasync`: the data and its length),
//! rename over the target, fsync the folder. On any error the temporary file is removed; a failed
//! fsync is never retried on the same file (the caller writes a new one).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The steps of an atomic save, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaveStep {
    /// Reading the file on disk to see whether another program changed it.
    Check,
    /// Creating the temporary file.
    CreateTemp,
    /// Writing the text into it.
    Write,
    /// fsync of the temporary file.
    SyncFile,
    /// Renaming it over the session file.
    Rename,
    /// fsync of the folder, so the rename itself is durable.
    SyncFolder,
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SaveStep::Check => "checking the file on disk",
            SaveStep::CreateTemp => "creating the temporary file",
            SaveStep::Write => "writing",
            SaveStep::SyncFile => "flushing to disk (fsync)",
            SaveStep::Rename => "renaming the temporary file",
            SaveStep::SyncFolder => "flushing the folder (fsync)",
        })
    }
}

/// The file operations a save needs. [`RealFs`] does them; [`FaultyFs`]
/// fails chosen ones for tests.
#[doc(hidden)]
pub trait Fs: Send + Sync + fmt::Debug {
    /// Create a new file at `path` (it must not exist), mode 0600.
    fn create_temp(&self, path: &Path) -> io::Result<File>;
    /// Write all of `data` to `file`.
    fn write(&self, file: &mut File, data: &[u8]) -> io::Result<()>;
    /// Flush the file's data to the disk, with what is needed to read it
    /// back (its length): fdatasync.
    fn sync_file(&self, file: &File) -> io::Result<()>;
    /// Rename `from` over `to` (atomic on one filesystem).
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// fsync a folder, making renames in it durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// The last look before the rename (see [`write_atomic_checked`]):
    /// runs `check`.
    fn last_check(&self, check: &mut dyn FnMut() -> io::Result<PathBuf>) -> io::Result<PathBuf> {
        check()
    }
}

/// The real file system.
#[doc(hidden)]
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn create_temp(&self, path: &Path) -> io::Result<File> {
        // New (`O_CREAT | O_EXCL`) and never through a symbolic link.
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)?;
        // The umask can only remove bits; set exactly 0600 in any case.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }

    fn write(&self, file: &mut File, data: &[u8]) -> io::Result<()> {
        file.write_all(data)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        // fdatasync: the data and the metadata needed to read it (length,
        // blocks), not the times. Enough for a new file that is renamed
        // into place afterwards; its mode is set at creation (0600 or
        // stricter by the umask), so a lost chmod never widens it.
        file.sync_data()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

/// An error while saving: which step failed, and why.
#[derive(Debug)]
pub(crate) struct StepError {
    pub(crate) step: SaveStep,
    pub(crate) error: io::Error,
}

/// Write `data` to `target` atomically: temp file `.~<name>.tmp` beside it,
/// write, fsync, rename, fsync the folder. `after_rename` runs as soon as the
/// rename succeeded (the new content is in place even if the folder fsync
/// then fails). On error the temp file is removed (best effort).
pub(crate) fn write_atomic(
    fs: &dyn Fs,
    target: &Path,
    data: &[u8],
    after_rename: &mut dyn FnMut(),
) -> Result<(), StepError> {
    write_atomic_checked(
        fs,
        target,
        data,
        &mut || Ok(target.to_path_buf()),
        &mut |_| after_rename(),
    )
    .map(drop)
}

/// [`write_atomic`] with a last look before the rename: once the temporary
/// file is written and flushed (the slow part), `last_check` names where
/// it goes, `target` or elsewhere in the same folder (a conflict copy, when
/// another program replaced `target` meanwhile); an error there is a
/// [`SaveStep::Check`] failure. `after_rename` gets the file written;
/// the result is that file.
pub(crate) fn write_atomic_checked(
    fs: &dyn Fs,
    target: &Path,
    data: &[u8],
    last_check: &mut dyn FnMut() -> io::Result<PathBuf>,
    after_rename: &mut dyn FnMut(&Path),
) -> Result<PathBuf, StepError> {
    let fail = |step| move |error| StepError { step, error };
    let dir = super::names::parent_dir(target);
    let tmp = super::names::temp_path(target);
    // A leftover from a crash would make create_new fail: it holds nothing
    // we need (the session file itself is complete), so remove it.
    let _ = std::fs::remove_file(&tmp);
    let mut file = fs.create_temp(&tmp).map_err(fail(SaveStep::CreateTemp))?;
    let written = fs
        .write(&mut file, data)
        .map_err(fail(SaveStep::Write))
        .and_then(|()| fs.sync_file(&file).map_err(fail(SaveStep::SyncFile)));
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let destination = match fs.last_check(&mut *last_check) {
        Ok(d) => d,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(fail(SaveStep::Check)(e));
        }
    };
    if let Err(e) = fs.rename(&tmp, &destination) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(SaveStep::Rename)(e));
    }
    after_rename(&destination);
    fs.sync_dir(&dir).map_err(fail(SaveStep::SyncFolder))?;
    Ok(destination)
}

/// How often a planned fault fires.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Times {
    /// The next time the step runs, then never again.
    Once,
    /// Every time until [`FaultyFs::clear`].
    Always,
    /// Kill the process (abort) just before the step, as a crash or power
    /// cut would; for tests that run the save in a child process.
    Crash,
}

/// Something a test does just before a step (another program's rename).
type Hook = Box<dyn FnMut() + Send>;

#[derive(Default)]
struct Faults {
    planned: Vec<(SaveStep, Times, i32)>,
    delay: Option<Duration>,
    calls: Vec<SaveStep>,
    before: Vec<(SaveStep, Hook)>,
}

impl fmt::Debug for Faults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Faults")
            .field("planned", &self.planned)
            .field("delay", &self.delay)
            .field("calls", &self.calls)
            .field("before", &self.before.len())
            .finish()
    }
}

/// A file system that fails chosen steps with a chosen OS error (ENOSPC,
/// EIO, EACCES...) and can be made slow; otherwise it is [`RealFs`].
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct FaultyFs {
    faults: Mutex<Faults>,
}

impl FaultyFs {
    /// A file system without faults (yet).
    pub fn new() -> Self {
        Self::default()
    }

    fn faults(&self) -> std::sync::MutexGuard<'_, Faults> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Fail `step` with the OS error number `errno` (e.g. 28 for ENOSPC);
    /// with [`Times::Crash`] the process dies there instead.
    pub fn fail(&self, step: SaveStep, times: Times, errno: i32) {
        self.faults().planned.push((step, times, errno));
    }

    /// Remove every planned fault and delay.
    pub fn clear(&self) {
        let mut f = self.faults();
        f.planned.clear();
        f.delay = None;
    }

    /// Run `hook` once, just before the next `step` (what another program
    /// does at that moment: replacing the file during a slow fsync).
    pub fn before(&self, step: SaveStep, hook: impl FnMut() + Send + 'static) {
        self.faults().before.push((step, Box::new(hook)));
    }

    /// Make every write take `delay` (a slow disk).
    pub fn set_delay(&self, delay: Option<Duration>) {
        self.faults().delay = delay;
    }

    /// The steps run so far, in order.
    pub fn calls(&self) -> Vec<SaveStep> {
        self.faults().calls.clone()
    }

    fn check(&self, step: SaveStep) -> io::Result<()> {
        let hook = {
            let mut f = self.faults();
            f.before
                .iter()
                .position(|(s, _)| *s == step)
                .map(|i| f.before.remove(i).1)
        };
        if let Some(mut hook) = hook {
            hook();
        }
        let delay = {
            let mut f = self.faults();
            f.calls.push(step);
            if let Some(i) = f.planned.iter().position(|(s, _, _)| *s == step) {
                let (_, times, errno) = f.planned[i];
                match times {
                    Times::Once => {
                        f.planned.remove(i);
                    }
                    Times::Always => {}
                    Times::Crash => std::process::abort(),
                }
                return Err(io::Error::from_raw_os_error(errno));
            }
            f.delay.filter(|_| step == SaveStep::Write)
        };
        if let Some(d) = delay {
            std::thread::sleep(d);
        }
        Ok(())
    }
}

impl Fs for FaultyFs {
    fn create_temp(&self, path: &Path) -> io::Result<File> {
        self.check(SaveStep::CreateTemp)?;
        RealFs.create_temp(path)
    }

    fn write(&self, file: &mut File, data: &[u8]) -> io::Result<()> {
        // A failing write still writes half, as a full disk would; a crash
        // during the write leaves half a temp file behind.
        let crash = self
            .faults()
            .planned
            .iter()
            .any(|(s, t, _)| *s == SaveStep::Write && *t == Times::Crash);
        if crash {
            let _ = file.write_all(&data[..data.len() / 2]);
            let _ = file.sync_all();
            std::process::abort();
        }
        if let Err(e) = self.check(SaveStep::Write) {
            let _ = file.write_all(&data[..data.len() / 2]);
            return Err(e);
        }
        RealFs.write(file, data)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.check(SaveStep::SyncFile)?;
        RealFs.sync_file(file)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(SaveStep::Rename)?;
        RealFs.rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check(SaveStep::SyncFolder)?;
        RealFs.sync_dir(dir)
    }

    fn last_check(&self, check: &mut dyn FnMut() -> io::Result<PathBuf>) -> io::Result<PathBuf> {
        self.check(SaveStep::Check)?;
        check()
    }
}
