#!/usr/bin/env bash
# Regenerates link/order.txt: the functions a conversation runs, in the
# order lld should lay them out at the start of .text (build.rs hands the
# file to rust-lld as --symbol-ordering-file for the release binary), so
# the code a conversation needs is a few hundred KB together and not every
# 64 KB window of the binary (docs/performance.md, "Code laid out by use").
#
# Usage: scripts/perf/order.sh            (builds the release binary first)
# Env:   LEIDRAAD_BIN  the binary (default: scripts/release-dir/leidraad)
#        PERF_SOCKET   the tmux server's socket name (default order)
#        NO_BUILD=1    skip `cargo build --release`
#
# Two runs, under valgrind --tool=callgrind in tmux (120x40), with a fresh
# data folder and history index. First a conversation started from the
# command line (the preparation screen, the fields), 20 KB of notes pasted,
# a line typed, the debounced save, the help, a pause, an end time agreed,
# in every phase an item and a line of notes, the summary, finished, Ctrl-C. Then the
# home screen, the history, the help there, q. The mangled names of every
# function of the binary with a cost are written one a line, the
# conversation's first (Rust's legacy symbols carry a hash of the crate's
# metadata: see the docs for what survives).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${LEIDRAAD_BIN:-$("$ROOT"/scripts/release-dir)/leidraad}
OUT=$ROOT/link/order.txt
WORK=$ROOT/target/perf-order
TM="tmux -L ${PERF_SOCKET:-order}"

command -v valgrind >/dev/null || { echo "valgrind is needed" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 1; }
[ "${NO_BUILD:-}" = 1 ] || (cd "$ROOT" && cargo build --release)
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 1; }

cleanup() { $TM kill-server 2>/dev/null || true; }
trap cleanup EXIT

. "$(dirname "$0")/screen.sh"

# Send keys $@ one by one, a pause after each (valgrind reads them slowly).
keys() {
    for k in "$@"; do $TM send-keys "$k"; sleep 1.5; done
}

rm -rf "$WORK"
mkdir -p "$WORK" "$(dirname "$OUT")"
data=$WORK/data
notes_of 20480 > "$WORK/notes.txt"

# Run the binary with arguments $2... under callgrind in tmux, into $1.
callgrind() {
    local out=$1; shift
    $TM kill-server 2>/dev/null || true
    $TM -f /dev/null new-session -d -x 120 -y 40 \
        -e TERM=xterm-256color -e LEIDRAAD_DATA_DIR="$data" -e LEIDRAAD_CONFIG_DIR="$data.cfg" \
        -e LEIDRAAD_CACHE_DIR="$data.cache" \
        "exec env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no \
         --dump-line=no --callgrind-out-file=$out $BIN $* 2>> $WORK/valgrind.log"
    $TM set-option -g status off >/dev/null
}

# Wait until the app under valgrind has quit.
quit() {
    for _ in $(seq 300); do
        $TM has-session 2>/dev/null || break
        sleep 0.2
    done
}

# The first run: a conversation only, as scripts/perf/memory.sh walks it
# (its functions come first in .text, so a conversation started from the
# command line needs only them).
callgrind "$WORK/conversation.out" start voortgangsgesprek --client X
wait_for "Voorbereiding" 120
keys Down Space Enter
wait_for "Naam school" 120
keys Enter Enter Enter Enter
wait_for "Totaal" 120
$TM load-buffer "$WORK/notes.txt"
$TM paste-buffer -p
sleep 3
$TM send-keys -l "Een regel getypt na het plakken."
sleep 2
keys Enter BSpace
sleep 4 # the debounced save
keys Escape '?' Down Escape t t E
$TM send-keys -l "45"
keys Enter
# Every phase: an item in its list, a few lines of notes, the next phase.
for phase in 1 2 3 4 5 6 7; do
    keys a
    $TM send-keys -l "Afspraak $phase"
    keys Enter Escape i
    $TM send-keys -l "Notities in fase $phase."
    keys Enter Escape Tab Tab
    [ "$phase" -lt 7 ] && keys n
done
keys p n s Escape f j
sleep 3
$TM send-keys C-c
quit

# The second run: the home screen and the history (their functions after
# the conversation's).
callgrind "$WORK/home.out"
wait_for "geschiedenis" 120
keys Down Up h
wait_for "Geschiedenis" 120
keys Down '?' Escape Escape
wait_for "h geschiedenis" 120
keys q
quit

# One fn= per function with a cost; keep those of the binary itself
# (ob= names the object the following functions belong to) that are
# symbols (not callgrind's addresses or "(below main)").
awk -v bin="$(readlink -f "$BIN")" '
    /^ob=/ { ob = substr($0, 4) }
    /^fn=/ { name = substr($0, 4); sub(/^\([0-9]+\) ?/, "", name)
             sub(/\047[0-9]+$/, "", name) # the recursion depth callgrind adds
             if (ob == bin && name ~ /^[A-Za-z_.$][A-Za-z0-9_.$]*$/ && !(name in seen)) {
                 seen[name] = 1; print name } }
 ' "$WORK/conversation.out" "$WORK/home.out" > "$OUT"
echo "$(wc -l < "$OUT") functions in $OUT"
