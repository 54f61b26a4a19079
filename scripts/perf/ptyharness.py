"""A pty harness for leidraad's perf scripts (imported by startup.py,
firstkey.py and echo.py).

os.openpty(), TIOCSWINSZ (rows x cols), the child in a new session with the
pty as its controlling terminal (crossterm's use-dev-tty opens /dev/tty),
TERM=xterm-256color. It answers the cursor-position query (ESC[6n ->
ESC[1;1R) and the device-attribute queries, and keeps what the child wrote.
ratatui skips blank cells, so markers have no spaces.
"""

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?>=]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>78]")


class Pty:
    """One child on a pty of its own."""

    def __init__(self, argv, env, rows=40, cols=120):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def child_setup():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            preexec_fn=child_setup, close_fds=True,
        )
        os.close(slave)
        self.seen = b""

    def _answer(self, chunk):
        if b"\x1b[6n" in chunk:
            os.write(self.master, b"\x1b[1;1R")
        if b"\x1b[>c" in chunk or b"\x1b[>0c" in chunk:
            os.write(self.master, b"\x1b[>0;0;0c")
        if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
            os.write(self.master, b"\x1b[?62;22c")

    def read_some(self, timeout):
        """What the child wrote within `timeout` s (b"" if nothing), and the
        time it was read."""
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return b"", time.perf_counter()
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return None, time.perf_counter()
        now = time.perf_counter()
        if chunk:
            self._answer(chunk)
            self.seen += chunk
        return chunk, now

    def wait_for(self, marker, timeout=10.0, since=0):
        """The time at which `marker` (bytes, escapes stripped) first shows
        in what was written after offset `since` of `seen`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            chunk, at = self.read_some(0.05)
            if chunk is None:
                break
            if marker in ESCAPES.sub(b"", self.seen[since:]):
                return at
            if not chunk and self.proc.poll() is not None:
                break
        tail = ESCAPES.sub(b"", self.seen[since:])[-400:]
        raise RuntimeError(f"marker {marker!r} never showed: {tail!r}")

    def wait_output(self, timeout=2.0):
        """The time the child next writes anything."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            chunk, at = self.read_some(deadline - time.perf_counter())
            if chunk:
                return at
            if chunk is None:
                break
        raise RuntimeError("no output")

    def drain(self, quiet=0.05):
        """Read until the child has been quiet for `quiet` s."""
        while True:
            chunk, _ = self.read_some(quiet)
            if not chunk:
                return

    def send(self, data):
        """Write `data` to the child's terminal; the time it was written."""
        os.write(self.master, data)
        return time.perf_counter()

    def status(self, field):
        """A field of /proc/PID/status in KB (VmHWM, VmRSS), or None."""
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        os.close(self.master)
