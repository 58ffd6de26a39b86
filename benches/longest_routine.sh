#!/usr/bin/env bash
# Peak memory (maximum resident set, from /usr/bin/time -v) of the longest
# routine psoas accepts, on the release binary.
#
#   bash benches/longest_routine.sh
#
# A routine lasts at most 4 hours (src/library/length.rs). The one that asks
# the most of a run is 4 hours of the shortest holds with no time to get
# ready: 2,880 steps of one 5-second hold each, every step a table of its
# own. It is printed (text and JSON), planned, and run in plain mode with the
# virtual clock (PSOAS_VIRTUAL_CLOCK=1: every wait is skipped, so the whole
# run takes well under a second with every event of the real one); the
# longest `plan --minutes` builds is measured beside it. Also measured: the
# largest routine file psoas reads (1 MiB, its cap on a file) of such steps,
# read whole and refused; and shown: a routine of one step more than the
# longest, refused.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/psoas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

lib="$work/config/psoas/routines"
mkdir -p "$lib/exercises" "$work/home" "$work/state/psoas"
cat > "$lib/exercises/short.toml" <<'TOML'
[[exercise]]
id = "short-hold"
name = "Short hold"
kind = "stretch"
position = "lying"
hold = 5
setup = ["Lie on your back."]
cues = ["Breathe slowly."]
TOML
routine() {
  printf 'name = "%s holds"\nwarm_up = false\nprep = 0\ntransition = 0\n' "$1"
  for _ in $(seq "$1"); do printf '\n[[step]]\nexercise = "short-hold"\n'; done
}
routine 2880 > "$lib/longest.toml"
routine 2881 > "$work/one-more.toml"
# The most steps a file can hold under the 1 MiB cap on a file: refused, but
# read whole first.
routine 30000 > "$work/largest.toml"
: > "$work/state/psoas/notice-shown"

psoas() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_CONFIG_HOME="$work/config" \
    XDG_STATE_HOME="$work/state" PSOAS_VIRTUAL_CLOCK=1 "$bin" "$@"
}
peak() {
  local label=$1; shift
  /usr/bin/time -v -o "$work/time" env -i PATH=/usr/bin:/bin HOME="$work/home" \
    XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
    PSOAS_VIRTUAL_CLOCK=1 "$bin" "$@" > /dev/null 2> /dev/null
  printf '%-56s %6s MB\n' "$label" \
    "$(awk '/Maximum resident set size/ { printf "%.1f", $NF / 1024 }' "$work/time")"
}

echo "longest routine: $(du -k "$lib/longest.toml" | cut -f1) KiB," \
  "$(psoas print longest --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_seconds"])') s planned"
peak "psoas print longest" print longest
peak "psoas print longest --format json" print longest --format json
peak "psoas plan --minutes 180" plan --minutes 180
peak "psoas run --plain --no-record longest (virtual clock)" run --plain --no-record --no-check-in longest
peak "psoas --version (start-up alone)" --version
peak "psoas check largest.toml ($(du -k "$work/largest.toml" | cut -f1) KiB, refused)" check "$work/largest.toml" || true
echo "one step more:"
psoas check "$work/one-more.toml" 2>&1 | head -1 || true
