#!/usr/bin/env python3
"""Regenerate the results table of docs/performance.md (issue 17 point 6).

Usage: scripts/perf/results.py [--quick] [--no-write]

Builds nothing: run `cargo build --release` first (the binary measured is
scripts/release-dir/leidraad, the commit is `git rev-parse --short HEAD`, with
"+changes" when what goes into the binary differs from it). Runs, in order:

  echo.py --editors           key to echo p50/p95, 0 and 20 KB of notes,
                              beside nano and vim when installed
  firstkey.py                 a key at the first frame, 0/1k/10k/50k
                              sessions, j/k on the lists, peak RSS
  idle.sh                     idle CPU and wakeups: home, paused, the
                              floor (examples/floor.rs: build it with
                              cargo build --release --example floor),
                              clock running (0 and 20 KB), nano, vim
  typing.py                   2,000 characters in one burst, 0 and 20 KB

and writes the tables between the `results:begin` and `results:end`
markers of docs/performance.md (--no-write: print only). --quick: fewer
keys, runs and seconds (a smoke run; not for the committed table).
"""

import argparse
import datetime
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(ROOT, "docs", "performance.md")
BEGIN = "<!-- results:begin (scripts/perf/results.py writes this part) -->"
END = "<!-- results:end -->"


def run(argv, **env):
    print("+", " ".join(argv), file=sys.stderr, flush=True)
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, **env))
    if out.returncode != 0:
        sys.exit(f"{argv[0]} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def table(text):
    """The markdown table lines of a script's output, with its title line."""
    lines = text.strip().splitlines()
    return "\n".join(l for l in lines if l.startswith("|") or not l.startswith("+"))


def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()
    # Only what goes into the binary counts (not these scripts, not docs).
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--",
                            "src", "vendor", "guides", "build.rs", "Cargo.toml", "Cargo.lock"],
                           cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return head + ("+changes" if dirty else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    q = args.quick
    load = os.getloadavg()
    parts = [
        f"Measured {datetime.date.today().isoformat()} at commit `{commit()}` "
        f"(release build), {os.cpu_count()} cores, {os.uname().release}, load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min) at the start. "
        "Regenerate with `scripts/perf/results.py`.",
        "",
        "**Key to echo** (`echo.py --editors`)",
        "",
        table(run([sys.executable, f"{HERE}/echo.py", "--editors",
                   "--keys", "60" if q else "300", "--notes-kb", "0,20"])),
        "",
        "**A key at the first frame** (`firstkey.py`)",
        "",
        table(run([sys.executable, f"{HERE}/firstkey.py", "--runs", "2" if q else "7",
                   "--sizes", "0,1000" if q else "0,1000,10000,50000"])),
        "",
        "**Idle** (`idle.sh`)",
        "",
        table(run(["bash", f"{HERE}/idle.sh", "5" if q else "60"],
                  SCENARIOS="home paused floor clock0 clock20 nano vim")),
        "",
        "**2,000 characters in one burst** (`typing.py`)",
        "",
    ]
    for kb in (0, 20):
        out = table(run([sys.executable, f"{HERE}/typing.py", "--runs", "2" if q else "10",
                         "--notes-kb", str(kb)]))
        parts.append(out)
        parts.append("")
    block = "\n".join(parts).rstrip() + "\n"
    if args.no_write:
        print(block)
        return
    doc = open(DOC).read()
    if BEGIN in doc and END in doc:
        doc = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END),
                     lambda _: f"{BEGIN}\n{block}{END}", doc, flags=re.S)
    else:
        sys.exit(f"no {BEGIN!r} … {END!r} in {DOC}")
    with open(DOC, "w") as f:
        f.write(doc)
    print(block)


if __name__ == "__main__":
    main()
