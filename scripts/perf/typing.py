#!/usr/bin/env python3
"""Bulk typing into the notes (docs/performance.md, target T3).

Usage: scripts/perf/typing.py [--runs 5] [--notes-kb 0]

Starts leidraad in tmux (-L perftype, 120x40) on a new voortgangsgesprek,
fills the form, and in the notes editor sends 2,000 characters (25 lines of
79 characters plus Enter) in ONE `tmux send-keys` call. Timed until the last
line's unique tail shows in `capture-pane -p`; gives up after 5 s (the
crossterm 1,024-byte input stall would show as a timeout). Also reports the
app's CPU time for the burst (schedstat over its threads) and the bytes it
wrote (/proc/PID/io wchar). A fresh app and data folder per run; median.
With --notes-kb N, N KB of notes are pasted first (bracketed paste).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
from startup import RELEASE  # noqa: E402  (scripts/release-dir, run once)
BIN = os.environ.get("LEIDRAAD_BIN", os.path.join(RELEASE, "leidraad"))
WORK = os.path.join(ROOT, "target", "perf-typing")
TM = ["tmux", "-L", "perftype"]


def tm(*args, **kw):
    return subprocess.run([*TM, *args], check=True, capture_output=True, text=True, **kw).stdout


def screen():
    return tm("capture-pane", "-p")


def wait_for(text, timeout=5.0):
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if text in screen():
            return time.perf_counter()
        time.sleep(0.002)
    raise TimeoutError(f"{text!r} not on screen after {timeout} s:\n{screen()}")


def cpu_ns(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as f:
            total += int(f.read().split()[0])
    return total


def wchar(pid):
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            if line.startswith("wchar"):
                return int(line.split()[1])
    return 0


def lines():
    out = []
    for k in range(25):
        tail = f"regel{k:02}eind"
        body = ("de school wil meer eigenaarschap voor leerlingen " * 3)[: 79 - len(tail) - 1]
        out.append(f"{body} {tail}")
    return out


def one_run(run, notes_kb):
    data = os.path.join(WORK, f"run{run}")
    subprocess.run(["rm", "-rf", data, data + ".cfg"], check=True)
    os.makedirs(WORK, exist_ok=True)
    subprocess.run([*TM, "kill-server"], capture_output=True)
    time.sleep(0.3)  # let the old server go before starting a new one
    tm("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
       "-e", "TERM=xterm-256color", "-e", f"LEIDRAAD_DATA_DIR={data}",
       "-e", f"LEIDRAAD_CONFIG_DIR={data}.cfg",
       f"exec {BIN} start voortgangsgesprek --client X")
    tm("set-option", "-g", "status", "off")
    wait_for("Voorbereiding")
    tm("send-keys", "Enter")
    wait_for("Naam school")
    for _ in range(4):
        tm("send-keys", "Enter")
        time.sleep(0.2)
    wait_for("Totaal")
    if notes_kb:
        path = os.path.join(WORK, "notes.txt")
        para = "De docent van buiten het kernteam merkte op dat de planning nog erg strak is. "
        with open(path, "w") as f:
            f.write((para * (notes_kb * 1024 // len(para) + 1))[: notes_kb * 1024] + "\n")
        tm("load-buffer", path)
        tm("paste-buffer", "-p")
        time.sleep(1.5)
    time.sleep(1.5)
    pid = int(tm("list-panes", "-F", "#{pane_pid}").strip())
    argv = [*TM]
    for i, line in enumerate(lines()):
        if i:
            argv.append(";")
        argv += ["send-keys", "-l", line, ";", "send-keys", "Enter"]
    c0, w0 = cpu_ns(pid), wchar(pid)
    start = time.perf_counter()
    subprocess.run(argv, check=True)
    try:
        shown = wait_for(lines()[-1][-12:])
    except TimeoutError:
        print(f"run {run}: STALL: the last line never showed", file=sys.stderr)
        return None
    elapsed = shown - start
    time.sleep(0.05)
    cpu = (cpu_ns(pid) - c0) / 1e6
    written = wchar(pid) - w0
    subprocess.run([*TM, "kill-server"], capture_output=True)
    return elapsed * 1000, cpu, written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--notes-kb", type=int, default=0)
    args = ap.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no binary at {BIN}: cargo build --release")
    results = [one_run(r, args.notes_kb) for r in range(args.runs)]
    ok = [r for r in results if r]
    stalls = len(results) - len(ok)
    print(f"2,000 characters in one send-keys, {args.notes_kb} KB notes first, {args.runs} runs")
    print("| ms until on screen | app CPU ms | bytes written (terminal + saves) | stalls |")
    print("|---|---|---|---|")
    if ok:
        med = [statistics.median(x) for x in zip(*ok)]
        print(f"| {med[0]:.0f} | {med[1]:.1f} | {med[2]:.0f} | {stalls} |")
    else:
        print(f"| – | – | – | {stalls} |")


if __name__ == "__main__":
    main()
