#!/usr/bin/env bash
# Start-up cost: `psoas list` and `psoas print` (start, load and validate the
# embedded library, print) against `/bin/true`, with hyperfine.
#   bash benches/startup.sh
# Needs hyperfine (`apt-get install hyperfine` or `cargo install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/psoas"
# An empty config folder, so only the built-in library is loaded.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home" XDG_STATE_HOME="$home"
hyperfine --shell=none --warmup 20 --runs 300 \
  --export-json "$home/startup.json" \
  '/bin/true' "$bin list" "$bin print" "$bin print full --format json" >/dev/null
python3 - "$home/startup.json" "$bin" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["mean"]
for r in results:
    name = r["command"].replace(sys.argv[2], "psoas")
    print(f'{name:<36} {r["mean"]*1000:5.2f} ms ± {r["stddev"]*1000:4.2f}  ({r["mean"]/base:3.1f}x /bin/true)')
PY
