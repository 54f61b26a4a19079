#!/usr/bin/env bash
# Peak memory of a whole conversation (issue 17 point 4: at most 6 MB with
# 20 KB of notes): the release binary walked through a voortgangsgesprek in
# tmux (120x40), VmHWM and RssAnon read from /proc after each step.
#
# Usage: scripts/perf/memory.sh [RUNS]      (default 3)
# Env:   LEIDRAAD_BIN  the binary (default: scripts/release-dir/leidraad)
#        COLD=1        drop the page cache before each run (needs root): the
#                      binary's code then comes from the disk, as after a boot
#        PERF_SOCKET   the tmux server's socket name (default memory)
#        FOLLOW_UP=1   one data folder for all runs: from the second run on, the
#                      conversation is a follow-up (the earlier runs' items are
#                      carried into it, from the history index)
#
# The walk: `leidraad start voortgangsgesprek --client X`, the preparation's
# fields, then in each of the 7 phases about 3 KB of notes pasted (20 KB in
# all), an item added where the phase has a list, the next phase with `n`;
# the help (`?`), a pause and on (`t t`), the summary (`s`), finish (`f j`),
# and home (`q`). VmHWM is the peak over the whole run up to that step.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${LEIDRAAD_BIN:-$("$ROOT"/scripts/release-dir)/leidraad}
RUNS=${1:-3}
WORK=$ROOT/target/perf-memory
TM="tmux -L ${PERF_SOCKET:-memory}"

[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
cleanup() { $TM kill-server 2>/dev/null || true; }
trap cleanup EXIT

. "$(dirname "$0")/screen.sh"
# 0.45 s apart: keys closer than 300 ms count as typing (README, "Keys in
# the conversation").
keys() { for k in "$@"; do $TM send-keys "$k"; sleep 0.45; done; }
status_mb() { awk -v k="$2:" '$1 == k {printf "%.1f", $2 / 1024}' /proc/"$1"/status; }

mkdir -p "$WORK"
notes_of $((20480 / 7)) > "$WORK/notes.txt"

echo "leidraad memory over a whole conversation, $(git -C "$ROOT" rev-parse --short HEAD), $(uname -r), cold=${COLD:-0}, follow-up=${FOLLOW_UP:-0}"
echo "| run | started | 20 KB in 7 phases | help, pause, summary | finished | home | RssAnon at the end |"
echo "|---|---|---|---|---|---|---|"
for run in $(seq "$RUNS"); do
    data=$WORK/data-$run
    [ "${FOLLOW_UP:-0}" = 1 ] && data=$WORK/data-follow-up
    [ "${FOLLOW_UP:-0}" = 1 ] && [ "$run" -gt 1 ] || rm -rf "$data" "$data.cfg" "$data.cache"
    if [ "${COLD:-0}" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    $TM kill-server 2>/dev/null || true
    $TM -f /dev/null new-session -d -x 120 -y 40 -e TERM=xterm-256color \
        -e LEIDRAAD_DATA_DIR="$data" -e LEIDRAAD_CONFIG_DIR="$data.cfg" -e LEIDRAAD_CACHE_DIR="$data.cache" \
        "exec $BIN start voortgangsgesprek --client X"
    $TM set-option -g status off >/dev/null
    pid=$($TM list-panes -F '#{pane_pid}')
    wait_for "Voorbereiding" 10
    keys Down Space Enter
    wait_for "Naam school" 10
    keys Enter Enter Enter Enter
    wait_for "Totaal" 10
    started=$(status_mb "$pid" VmHWM)
    for phase in 1 2 3 4 5 6 7; do
        $TM load-buffer "$WORK/notes.txt"
        $TM paste-buffer -p
        sleep 0.5
        keys Escape a
        $TM send-keys -l "Afspraak $phase"
        keys Enter Escape
        [ "$phase" -lt 7 ] && keys n
    done
    sleep 1.5 # the debounced save of the last notes
    notes=$(status_mb "$pid" VmHWM)
    keys '?' Escape t t s
    wait_for "Samenvatting\|Overzicht" 10
    keys Escape
    sleep 0.5
    looked=$(status_mb "$pid" VmHWM)
    keys f j
    sleep 1
    finished=$(status_mb "$pid" VmHWM)
    keys q
    sleep 1
    home=$(status_mb "$pid" VmHWM)
    anon=$(status_mb "$pid" RssAnon)
    echo "| $run | $started | $notes | $looked | $finished | $home | $anon |"
    $TM kill-server 2>/dev/null || true
done
