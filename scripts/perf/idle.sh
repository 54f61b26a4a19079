#!/usr/bin/env bash
# Idle cost of leidraad (docs/performance.md, target T2): what the app costs
# while nobody types and the clock ticks (a laptop on battery).
#
# Usage: scripts/perf/idle.sh [SECONDS]      (default 60; settle 5 s first)
# Env:   LEIDRAAD_BIN  the binary (default: scripts/release-dir/leidraad)
#        SETTLE        seconds before measuring (default 5)
#        SCENARIOS     space-separated subset of: home clock0 clock20 paused
#                      floor (examples/floor.rs: a ratatui app drawing one
#                      line with the time each second, the least a running
#                      clock costs; cargo build --release --example floor)
#                      nano vim (the editors on 20 KB of text, for comparison)
#        PERF_SOCKET   the tmux server's socket name (default perf; another
#                      name lets two runs side by side keep their servers)
#
# Each scenario runs the binary in its own tmux server (-L $PERF_SOCKET, 120x40,
# TERM=xterm-256color) with a fresh data folder under target/perf-idle/, then
# reads /proc before and after SECONDS of idle:
#   CPU %       sum of /proc/PID/task/*/schedstat field 1 (ns on the CPU)
#   wakeups/s   voluntary ctxt switches summed over the threads (each sleep
#               that ends is one wakeup)
#   preempt/s   nonvoluntary ctxt switches (other load on the machine, not
#               the app's doing; the research summed both)
#   B/s out     /proc/PID/io wchar (bytes written: the terminal, and files)
#   disk writes inotify events (modify/create/move/delete) in the data folder
#               (inotifywait; else files whose mtime changed, lock files
#               left out)
#   disk writes counts the events of a save (temp file created, chmod,
#               written, closed, renamed: 5 a save)
#   times set   events on a lock file (never written, only dated: an mtime
#               set alone is reported as MODIFY; else lock files whose mtime
#               changed): the running clock's once-a-minute heartbeat
#   VmHWM       peak resident memory at the end
#   RssAnon     the anonymous part of the resident memory at the end (heap,
#               stacks, arenas: what the program allocates; the rest is
#               mostly its binary's code pages, which this kernel maps in
#               runs of 128 KB and more, so most of a binary's code counts)
#   tmux CPU %  the tmux server's schedstat (drawing our output costs it too)
set -euo pipefail

DURATION=${1:-60}
SETTLE=${SETTLE:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RELEASE=$("$ROOT"/scripts/release-dir)
BIN=${LEIDRAAD_BIN:-$RELEASE/leidraad}
SCENARIOS=${SCENARIOS:-home clock0 clock20 paused}
WORK=$ROOT/target/perf-idle
TM="tmux -L ${PERF_SOCKET:-perf}"

[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }

cleanup() { $TM kill-server 2>/dev/null || true; [ -n "${INOTIFY_PID:-}" ] && kill "$INOTIFY_PID" 2>/dev/null || true; }
trap cleanup EXIT

# schedstat ns and ctxt switches summed over all threads of $1.
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s+=$1} END {print s+0}'; }
ctxt() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
preempt() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^nonvoluntary_ctxt_switches/ {s+=$2} END {print s+0}'; }
wchar() { awk '/^wchar/ {print $2}' /proc/"$1"/io; }
hwm_kb() { awk '/^VmHWM/ {print $2}' /proc/"$1"/status; }
anon_kb() { awk '/^RssAnon/ {print $2}' /proc/"$1"/status; }

. "$(dirname "$0")/screen.sh"

start_app() { # $1 data dir, rest: arguments
    local data=$1; shift
    $TM -f /dev/null new-session -d -x 120 -y 40 \
        -e TERM=xterm-256color -e LEIDRAAD_DATA_DIR="$data" -e LEIDRAAD_CONFIG_DIR="$data.cfg" \
        "exec $BIN $*"
    $TM set-option -g status off >/dev/null
}

into_conversation() {
    wait_for "Voorbereiding"
    $TM send-keys Enter
    wait_for "Naam school"
    for _ in 1 2 3 4; do $TM send-keys Enter; sleep 0.2; done
    wait_for "Totaal"
}

printf '%s\n' "leidraad idle, ${DURATION} s after ${SETTLE} s settle, $(nproc) cores, $(uname -r), tmux $(tmux -V | cut -d' ' -f2)"
printf '| scenario | CPU %% | wakeups/s | preempt/s | B/s out | disk writes | times set | VmHWM MB | RssAnon MB | tmux CPU %% |\n|---|---|---|---|---|---|---|---|---|---|\n'

for sc in $SCENARIOS; do
    data=$WORK/$sc
    rm -rf "$data" "$data.cfg"
    mkdir -p "$WORK"
    case $sc in
        home) start_app "$data"; wait_for "leidraad" ;;
        clock0) start_app "$data" start voortgangsgesprek --client X; into_conversation ;;
        clock20)
            start_app "$data" start voortgangsgesprek --client X; into_conversation
            notes_of 20480 > "$WORK/notes.txt"
            $TM load-buffer "$WORK/notes.txt"
            $TM paste-buffer -p
            sleep 2 # the debounced autosave of the paste
            ;;
        paused)
            start_app "$data" start voortgangsgesprek --client X; into_conversation
            $TM send-keys Escape; sleep 0.3; $TM send-keys t
            wait_for "PAUZE"
            ;;
        floor)
            # The least a ratatui app with a running clock does
            # (examples/floor.rs): one line with the time, once a second.
            fbin=$RELEASE/examples/floor
            [ -x "$fbin" ] || { echo "| floor | cargo build --release --example floor | | | | | | | | |"; continue; }
            mkdir -p "$data"
            $TM -f /dev/null new-session -d -x 120 -y 40 -e TERM=xterm-256color "exec $fbin"
            $TM set-option -g status off >/dev/null
            wait_for "floor"
            ;;
        nano|vim)
            # The editors beside it, on 20 KB of text (when installed).
            command -v "$sc" >/dev/null || { echo "| $sc | not installed | | | | | | | | |"; continue; }
            mkdir -p "$data"
            notes_of 20480 > "$WORK/$sc.txt"
            args=""; [ "$sc" = vim ] && args="--clean -n"
            $TM -f /dev/null new-session -d -x 120 -y 40 -e TERM=xterm-256color "exec $sc $args $WORK/$sc.txt"
            $TM set-option -g status off >/dev/null
            sleep 1
            ;;
        *) echo "unknown scenario $sc" >&2; exit 1 ;;
    esac
    pid=$($TM list-panes -F '#{pane_pid}')
    server=$($TM display -p '#{pid}')
    sleep "$SETTLE"
    INOTIFY_PID=
    events=$WORK/$sc.events
    : > "$events"
    if command -v inotifywait >/dev/null; then
        inotifywait -m -q -r -e modify,create,moved_to,delete,close_write,attrib "$data" > "$events" 2>/dev/null &
        INOTIFY_PID=$!
        sleep 0.3
    else
        find "$data" -type f -printf '%T@ %p\n' | sort > "$events.before"
    fi
    c0=$(cpu_ns "$pid"); x0=$(ctxt "$pid"); p0=$(preempt "$pid"); w0=$(wchar "$pid"); s0=$(cpu_ns "$server")
    t0=$(date +%s.%N)
    sleep "$DURATION"
    c1=$(cpu_ns "$pid"); x1=$(ctxt "$pid"); p1=$(preempt "$pid"); w1=$(wchar "$pid"); s1=$(cpu_ns "$server")
    t1=$(date +%s.%N)
    hwm=$(hwm_kb "$pid")
    anon=$(anon_kb "$pid")
    if [ -n "$INOTIFY_PID" ]; then
        sleep 0.2; kill "$INOTIFY_PID" 2>/dev/null || true; wait "$INOTIFY_PID" 2>/dev/null || true
        # A lock file is never written, only dated (an mtime set alone is
        # reported as MODIFY).
        writes=$(grep -v -c '\.lock$' "$events" || true)
        times=$(grep -c '\.lock$' "$events" || true)
    else
        find "$data" -type f -printf '%T@ %p\n' | sort > "$events.after"
        writes=$(comm -13 "$events.before" "$events.after" | grep -v -c '\.lock$' || true)
        times=$(comm -13 "$events.before" "$events.after" | grep -c '\.lock$' || true)
    fi
    INOTIFY_PID=
    awk -v sc="$sc" -v c="$((c1 - c0))" -v x="$((x1 - x0))" -v p="$((p1 - p0))" -v w="$((w1 - w0))" \
        -v s="$((s1 - s0))" -v t0="$t0" -v t1="$t1" -v hwm="$hwm" -v anon="$anon" -v wr="$writes" -v tm="$times" 'BEGIN {
        t = t1 - t0
        printf "| %s | %.3f | %.2f | %.2f | %.0f | %d | %d | %.1f | %.1f | %.3f |\n", sc, c / t / 1e7, x / t, p / t, w / t, wr, tm, hwm / 1024, anon / 1024, s / t / 1e7
    }'
    $TM kill-server 2>/dev/null || true
    sleep 0.3
done
