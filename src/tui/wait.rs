//! Waiting for the next key, signal or second without crossterm's timeout
//! loop.
//!
//! crossterm 0.29 (`use-dev-tty`) waits in its own loop around `poll(2)`
//! and `read(2)` until the timeout. When the terminal is hung up (a closed
//! window), `poll` reports the tty readable and `read` returns 0 at once, so
//! that loop spins until its timeout. Here the event loop waits itself, in
//! one `poll(2)` on the same terminal and on a wake pipe that `SIGWINCH`,
//! the leaving signals ([`LEAVE_SIGNALS`]) and the workers write to; crossterm is asked only when there is
//! something to read, and then with a zero timeout (it never waits itself).

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};

/// The signals that end the app the orderly way (save, give the terminal
/// back, leave): `SIGTERM`, `SIGHUP`, and `SIGINT` and `SIGQUIT` from
/// outside (`kill -INT`, `timeout -s INT`, a process manager; in raw mode
/// the keys send no signal). Their default action would leave the terminal
/// raw on the alternate screen, skip the last save and leave the lock.
pub const LEAVE_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Why [`Waiter::wait`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has input, or a signal came (a resize: crossterm turns
    /// it into `Event::Resize`; `SIGTERM`/`SIGHUP` have set their flag).
    Input,
    /// The time is up.
    Timeout,
    /// The terminal is gone (`POLLHUP`, `POLLERR`, `POLLNVAL`) or cannot be
    /// waited on.
    Hangup,
}

/// The terminal crossterm reads and the wake pipe, to wait on together.
pub struct Waiter {
    /// The terminal's descriptor: stdin when it is a terminal, else
    /// `/dev/tty` (the choice crossterm makes).
    tty: RawFd,
    /// `/dev/tty` when stdin is not a terminal; closed on drop.
    _dev_tty: Option<File>,
    /// Read end of the wake pipe (non-blocking). The signal handlers each
    /// own a copy of the write end (signal-hook closes it on unregister).
    wake: UnixStream,
    /// The write end, for [`Waiter::waker`].
    wake_tx: UnixStream,
    signals: Vec<SigId>,
}

impl Waiter {
    /// Open the terminal and register the wake pipe for `SIGWINCH` and the
    /// [`LEAVE_SIGNALS`] (on top of any other handler for them).
    pub fn new() -> io::Result<Waiter> {
        // SAFETY: isatty only looks at the descriptor.
        let (tty, dev_tty) = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            (libc::STDIN_FILENO, None)
        } else {
            let file = File::options().read(true).write(true).open("/dev/tty")?;
            (file.as_raw_fd(), Some(file))
        };
        let (wake, wake_tx) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        wake_tx.set_nonblocking(true)?;
        let mut waiter = Waiter {
            tty,
            _dev_tty: dev_tty,
            wake,
            wake_tx: wake_tx.try_clone()?,
            signals: Vec::new(),
        };
        for sig in std::iter::once(SIGWINCH).chain(LEAVE_SIGNALS) {
            let tx = wake_tx.try_clone()?;
            let id = signal_hook::low_level::pipe::register(sig, tx)?;
            waiter.signals.push(id);
        }
        Ok(waiter)
    }

    /// Something another thread can wake the wait with (a worker that has
    /// an answer).
    pub fn waker(&self) -> io::Result<super::worker::Waker> {
        Ok(super::worker::Waker::new(self.wake_tx.try_clone()?))
    }

    /// Sleep until the terminal has input, a signal came, the terminal is
    /// gone or `timeout` has passed. Never spins: a hung-up terminal
    /// returns [`Wake::Hangup`] at once.
    pub fn wait(&self, timeout: Duration) -> Wake {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            // Round up, so a wait for the next second does not wake just
            // before it.
            let millis = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
            let mut fds = [
                libc::pollfd {
                    fd: self.tty,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.wake.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            // SAFETY: `fds` is a valid array of two pollfd for the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
            if n < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    // A signal: its byte is in the wake pipe now.
                    continue;
                }
                return Wake::Hangup;
            }
            if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Wake::Hangup;
            }
            if fds[1].revents & libc::POLLIN != 0 {
                self.drain();
                return Wake::Input;
            }
            if fds[0].revents & libc::POLLIN != 0 {
                return Wake::Input;
            }
            if n == 0 {
                return Wake::Timeout;
            }
        }
    }

    /// Empty the wake pipe (it is non-blocking).
    fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
