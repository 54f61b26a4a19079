#!/usr/bin/env python3
"""A key pressed at the first frame: how long until it is answered
(issue 17 point 1; docs/performance.md).

Usage: scripts/perf/firstkey.py [--runs 7] [--sizes 0,1000,10000,50000] [--json FILE]

For each archive size the app starts on the home screen (pty 120x40, see
ptyharness.py); the moment the first frame's footer ("qstoppen") shows,
`?` is written to the terminal, and the clock stops when the help overlay's
title ("Toetsen") shows. Reported: the first frame (spawn to footer) and
the key's answer (write to help title), median and max of RUNS; then,
once the home lists are in (1 s after the key), `j`/`k` on the home
list (write to the first output after it, 10 a run), the peak RSS
(VmHWM) and the anonymous part of the RSS at the end (RssAnon: the
heap, stacks and arenas, what the app allocates; the rest of VmHWM is
mostly the binary's own code pages, which this kernel maps in runs of
128 KB and more, so most of its 7 MB of code counts).

The history index lives in target/perf-startup/cache-N, built by a first
run that is not counted (as on a machine where the app has been used).
Fixtures: target/perf-startup/data-N, written by
`cargo bench --bench history -- --write DIR N` (see startup.py).
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from ptyharness import Pty  # noqa: E402
from startup import BIN, WORK, fixtures  # noqa: E402


def one(env, settle):
    pty = Pty([BIN], env)
    try:
        frame = pty.wait_for(b"qstoppen", timeout=60) - pty.start
        offset = len(pty.seen)
        sent = pty.send(b"?")
        answered = pty.wait_for(b"Toetsen", timeout=60, since=offset) - sent
        hwm, anon, moves = None, None, []
        if settle:
            time.sleep(settle)
            pty.drain()
            pty.send(b"\x1b")  # the help closes
            pty.drain()
            for i in range(10):
                sent = pty.send(b"j" if i % 2 == 0 else b"k")
                moves.append(pty.wait_output() - sent)
                pty.drain(0.02)
            hwm = pty.status("VmHWM")
            anon = pty.status("RssAnon")
        return frame, answered, hwm, anon, moves
    finally:
        pty.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sizes", default="0,1000,10000,50000")
    ap.add_argument("--json")
    args = ap.parse_args()
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no binary at {BIN}: cargo build --release")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = {}
    print(f"key at the first frame, pty 120x40, {args.runs} runs")
    print("| sessions | first frame ms (median / max) | key answered ms (median / max) "
          "| j/k on the lists ms (median / max) | VmHWM MB | RssAnon MB |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        folder = fixtures(n)
        env = dict(os.environ, TERM="xterm-256color", LEIDRAAD_DATA_DIR=folder,
                   LEIDRAAD_CONFIG_DIR=os.path.join(WORK, "cfg"), LEIDRAAD_LANG="nl",
                   LEIDRAAD_CACHE_DIR=os.path.join(WORK, f"cache-{n}"))
        env.pop("NO_COLOR", None)
        # Builds the index (long at 50,000) and warms the page cache.
        one(env, settle=0)
        pty = Pty([BIN], env)
        try:
            pty.wait_for(b"qstoppen", timeout=60)
            time.sleep(3 + n / 1000)
        finally:
            pty.close()
        runs = [one(env, settle=1.0) for _ in range(args.runs)]
        frames = [r[0] * 1000 for r in runs]
        keys = [r[1] * 1000 for r in runs]
        moves = [m * 1000 for r in runs for m in r[4]]
        hwm = max(r[2] or 0 for r in runs) / 1024
        anon = max(r[3] or 0 for r in runs) / 1024
        results[n] = {"frame_ms": statistics.median(frames), "key_ms": statistics.median(keys),
                      "key_max_ms": max(keys), "move_ms": statistics.median(moves),
                      "move_max_ms": max(moves), "hwm_mb": hwm, "anon_mb": anon}
        print(f"| {n:,} | {statistics.median(frames):.1f} / {max(frames):.1f} "
              f"| {statistics.median(keys):.1f} / {max(keys):.1f} "
              f"| {statistics.median(moves):.1f} / {max(moves):.1f} | {hwm:.1f} | {anon:.1f} |",
              flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
