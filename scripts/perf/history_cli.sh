#!/usr/bin/env bash
# `leidraad sessions [--search]` on N sessions against `grep -ril`, median
# wall time of 11 runs (5 for a word in every session). Release build.
# Usage: scripts/perf/history_cli.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build -q --release --bin leidraad
cargo bench -q --bench history -- --write "$tmp/data" "$n" >/dev/null
bin=$(scripts/release-dir)/leidraad
export LEIDRAAD_DATA_DIR=$tmp/data LEIDRAAD_CACHE_DIR=$tmp/cache LEIDRAAD_CONFIG_DIR=$tmp/cfg LEIDRAAD_LANG=en
median() {
  local runs=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local s; s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
s=$(date +%s%N); $bin sessions >/dev/null
echo "first \`sessions\` (builds the index): $(( ($(date +%s%N) - s) / 1000000 )) ms"
sleep 3 # past the 2 s in which a file just read is read again
echo "sessions: $(median 11 $bin sessions) ms"
echo "sessions --search zeldzaam: $(median 11 $bin sessions --search zeldzaam) ms"
echo "sessions --search kernteam: $(median 5 $bin sessions --search kernteam) ms"
echo "grep -ril zeldzaam: $(median 11 grep -ril zeldzaam "$tmp/data") ms"
