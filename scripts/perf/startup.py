#!/usr/bin/env python3
"""Time to first frame of leidraad (docs/performance.md, targets T1, T4, T5).

Usage: scripts/perf/startup.py [--runs 15] [--sizes 0,1000,10000] [--no-hyperfine]

A pty harness: os.openpty(), TIOCSWINSZ 40x120, the child in a new session
with the pty as its controlling terminal (crossterm's use-dev-tty opens
/dev/tty), TERM=xterm-256color. It answers the cursor-position query
(ESC[6n -> ESC[1;1R) and the device-attribute queries, strips escape
sequences and stops the clock when the marker shows. ratatui skips blank
cells, so markers have no spaces. Reported: median (and min, max) of RUNS,
next to the harness floor (`/bin/echo MARKER` through the same harness).

Cases:
  --version                      marker "leidraad"
  home, 0/1,000/10,000 sessions  marker "qstoppen" (the footer's "q stoppen")
  the same, cold-ish             every session file evicted from the page
                                 cache first (posix_fadvise DONTNEED; dentries
                                 stay cached, and drop_caches needs root)
Also VmHWM of the home screen, and with hyperfine (if installed)
`leidraad --version` and `leidraad sessions --search zeldzaam`, plus max RSS
of `sessions` from /usr/bin/time -v.

Fixtures are written by leidraad's own serializer through
`cargo bench --bench history -- --write DIR N` into target/perf-startup/.
"""

import argparse
import fcntl
import json
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RELEASE = subprocess.run([os.path.join(ROOT, "scripts", "release-dir")], capture_output=True, text=True).stdout.strip()
BIN = os.environ.get("LEIDRAAD_BIN", os.path.join(RELEASE, "leidraad"))
WORK = os.path.join(ROOT, "target", "perf-startup")
ESCAPES = re.compile(rb"\x1b\[[0-9;?>=]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>78]")


def preexec():
    os.setsid()


def first_frame(argv, marker, env, timeout=10.0):
    """Seconds from spawn until `marker` is on the screen; and VmHWM in KB."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def child_setup():
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env,
        preexec_fn=child_setup, close_fds=True,
    )
    os.close(slave)
    seen = b""
    found = None
    hwm = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            r, _, _ = select.select([master], [], [], 0.05)
            if not r:
                if proc.poll() is not None and found is None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            if b"\x1b[6n" in chunk:
                os.write(master, b"\x1b[1;1R")
            if b"\x1b[>c" in chunk or b"\x1b[>0c" in chunk:
                os.write(master, b"\x1b[>0;0;0c")
            if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
                os.write(master, b"\x1b[?62;22c")
            seen += chunk
            if marker.encode() in ESCAPES.sub(b"", seen):
                found = time.perf_counter() - start
                break
        if found is not None and proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM"):
                            hwm = int(line.split()[1])
            except OSError:
                pass
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.close(master)
    if found is None:
        raise RuntimeError(f"marker {marker!r} never showed for {argv}: {ESCAPES.sub(b'', seen)[-400:]!r}")
    return found, hwm


def evict(folder):
    for name in os.listdir(folder):
        try:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def fixtures(n):
    folder = os.path.join(WORK, f"data-{n}")
    if n == 0:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    elif not os.path.isdir(folder) or len([f for f in os.listdir(folder) if f.endswith(".toml")]) != n:
        subprocess.run(["rm", "-rf", folder], check=True)
        subprocess.run(
            ["cargo", "bench", "-q", "--bench", "history", "--", "--write", folder, str(n)],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )
    os.chmod(folder, 0o700)
    return folder


def summary(times):
    ms = [t * 1000 for t in times]
    return statistics.median(ms), min(ms), max(ms)


def row(name, times, hwm=None):
    med, lo, hi = summary(times)
    extra = f" | {hwm / 1024:.1f}" if hwm else " | –"
    print(f"| {name} | {med:.1f} | {lo:.1f} | {hi:.1f}{extra} |", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--sizes", default="0,1000,10000")
    ap.add_argument("--no-hyperfine", action="store_true")
    args = ap.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no binary at {BIN}: cargo build --release")
    os.makedirs(WORK, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    base_env = dict(os.environ, TERM="xterm-256color", LEIDRAAD_CONFIG_DIR=os.path.join(WORK, "cfg"))
    base_env.pop("NO_COLOR", None)
    folders = {n: fixtures(n) for n in sizes}

    print(f"leidraad first frame, pty 120x40, {args.runs} runs, {os.cpu_count()} cores, {os.uname().release}")
    print("| case | median ms | min ms | max ms | VmHWM MB |")
    print("|---|---|---|---|---|")
    floor = [first_frame(["/bin/echo", "qstoppen"], "qstoppen", base_env)[0] for _ in range(args.runs)]
    row("harness floor (/bin/echo)", floor)
    env0 = dict(base_env, LEIDRAAD_DATA_DIR=folders.get(0, fixtures(0)))
    ver = [first_frame([BIN, "--version"], "leidraad", env0)[0] for _ in range(args.runs)]
    row("leidraad --version", ver)
    for n in sizes:
        env = dict(base_env, LEIDRAAD_DATA_DIR=folders[n])
        first_frame([BIN], "qstoppen", env)  # warm the page cache
        runs = [first_frame([BIN], "qstoppen", env) for _ in range(args.runs)]
        row(f"home, {n:,} sessions, warm", [t for t, _ in runs], max(h or 0 for _, h in runs))
        if n:
            cold = []
            for _ in range(max(3, args.runs // 3)):
                evict(folders[n])
                cold.append(first_frame([BIN], "qstoppen", env)[0])
            row(f"home, {n:,} sessions, cold-ish", cold)

    if not args.no_hyperfine and subprocess.run(["which", "hyperfine"], capture_output=True).returncode == 0:
        print()
        cmds = [f"{BIN} --version"] + [
            f"env LEIDRAAD_DATA_DIR={folders[n]} {BIN} sessions --search zeldzaam" for n in sizes if n
        ]
        export = os.path.join(WORK, "hyperfine.json")
        subprocess.run(
            ["hyperfine", "-N", "--warmup", "3", "--runs", "10", "--export-json", export, *cmds],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        print("hyperfine -N, 10 runs after 3 warm-ups")
        print("| command | median ms | min ms | max ms |")
        print("|---|---|---|---|")
        for r in json.load(open(export))["results"]:
            name = r["command"].replace(ROOT + "/", "").replace(WORK + "/", "")
            print(f"| `{name}` | {r['median'] * 1000:.1f} | {r['min'] * 1000:.1f} | {r['max'] * 1000:.1f} |")
        print()
    if os.path.exists("/usr/bin/time"):
        for n in sizes:
            if not n:
                continue
            env = dict(base_env, LEIDRAAD_DATA_DIR=folders[n])
            out = subprocess.run(
                ["/usr/bin/time", "-v", BIN, "sessions"], env=env, capture_output=True, text=True,
            ).stderr
            rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
            if rss:
                print(f"`leidraad sessions`, {n:,} sessions: max RSS {int(rss.group(1)) / 1024:.1f} MB")


if __name__ == "__main__":
    main()
