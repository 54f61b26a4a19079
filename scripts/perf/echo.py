#!/usr/bin/env python3
"""Key to echo: single keys typed into the notes, beside nano and vim
(issue 17 points 2 and 6; docs/performance.md).

Usage: scripts/perf/echo.py [--keys 300] [--notes-kb 0,20] [--editors] [--json FILE]

leidraad starts on a new voortgangsgesprek on a pty of its own (120x40,
see ptyharness.py); the form is filled with Enter and the notes editor
gets --notes-kb KB of text first (one bracketed paste). Then KEYS single
letters are written one at a time, 15 ms apart; each is timed from the
write to the first byte the app writes back (its echo). Reported: p50
and p95 in ms. With --editors, nano and vim (--clean -n, 'Gi' to insert) get
the same letters in a file of the same size, when installed.

Only the terminal side is timed, so the figure includes the kernel's pty
hand-over both ways (the harness floor is about 0.1 ms here).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from ptyharness import Pty  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
from startup import RELEASE  # noqa: E402  (scripts/release-dir, run once)
BIN = os.environ.get("LEIDRAAD_BIN", os.path.join(RELEASE, "leidraad"))
WORK = os.path.join(ROOT, "target", "perf-echo")
PARA = "De docent van buiten het kernteam merkte op dat de planning nog erg strak is. "


def notes(kb):
    text = (PARA * (kb * 1024 // len(PARA) + 1))[: kb * 1024]
    # Paragraphs of about 800 bytes, as notes are written.
    return "\n\n".join(text[i:i + 800] for i in range(0, len(text), 800))


def time_keys(pty, n, gap=0.015):
    out = []
    letters = b"abcdefghij"
    for i in range(n):
        pty.drain(0.005)
        time.sleep(gap)
        sent = pty.send(letters[i % len(letters):i % len(letters) + 1])
        out.append((pty.wait_output() - sent) * 1000)
    return out


def leidraad(kb, n):
    data = os.path.join(WORK, f"data-{kb}")
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(data + ".cfg", ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)
    env = dict(os.environ, TERM="xterm-256color", LEIDRAAD_DATA_DIR=data,
               LEIDRAAD_CONFIG_DIR=data + ".cfg", LEIDRAAD_CACHE_DIR=data + ".cache",
               LEIDRAAD_LANG="nl")
    env.pop("NO_COLOR", None)
    pty = Pty([BIN, "start", "voortgangsgesprek", "--client", "X"], env)
    try:
        pty.wait_for(b"Voorbereiding")
        pty.send(b"\r")
        pty.wait_for(b"Shift-Tab", since=len(pty.seen))
        for _ in range(4):
            pty.send(b"\r")
            time.sleep(0.2)
        pty.wait_for(b"Totaal")
        if kb:
            pty.send(b"\x1b[200~" + notes(kb).encode() + b"\x1b[201~")
        # Past the paste and its save: quiet for half a second, and the
        # clock's tick (once a second) is what is left.
        time.sleep(1.0)
        pty.drain(0.5)
        return time_keys(pty, n)
    finally:
        pty.close()


def editor(argv, kb, n, before=b""):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"editor-{kb}.txt")
    with open(path, "w") as f:
        f.write(notes(kb) + "\n")
    env = dict(os.environ, TERM="xterm-256color")
    pty = Pty([*argv, path], env)
    try:
        time.sleep(1.0)
        pty.drain()
        if before:
            pty.send(before)
            time.sleep(0.3)
            pty.drain()
        return time_keys(pty, n)
    finally:
        pty.close()


def summary(ms):
    ms = sorted(ms)
    return statistics.median(ms), ms[int(len(ms) * 0.95) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--keys", type=int, default=300)
    ap.add_argument("--notes-kb", default="0,20")
    ap.add_argument("--editors", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no binary at {BIN}: cargo build --release")
    sizes = [int(s) for s in args.notes_kb.split(",") if s]
    results = {}
    print(f"key to echo, pty 120x40, {args.keys} single keys 15 ms apart")
    print("| program | notes KB | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    runs = [("leidraad", lambda kb: leidraad(kb, args.keys))]
    if args.editors:
        if shutil.which("nano"):
            runs.append(("nano", lambda kb: editor(["nano"], kb, args.keys)))
        if shutil.which("vim"):
            runs.append(("vim", lambda kb: editor(["vim", "--clean", "-n"], kb, args.keys, b"Gi")))
    for name, run in runs:
        for kb in sizes:
            p50, p95 = summary(run(kb))
            results[f"{name}-{kb}"] = {"p50_ms": p50, "p95_ms": p95}
            print(f"| {name} | {kb} | {p50:.2f} | {p95:.2f} |", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
