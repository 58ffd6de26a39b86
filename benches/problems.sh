#!/usr/bin/env bash
# How `psoas check` time grows with the number of problems in one file:
# unknown keys in an exercise, keys given twice in a routine, bad entries on
# one line. Linear means doubling the problems doubles the time (the output
# is capped at 50 problems a file either way).
#   bash benches/problems.sh [N...]     (default 20000 40000 80000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/psoas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
mkdir -p "$work/exercises"
printf '| problems | unknown keys | keys given twice | bad entries on one line |\n| ---: | ---: | ---: | ---: |\n'
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 40000 80000)
for n in "${sizes[@]}"; do
  python3 - "$work" "$n" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
head = '[[exercise]]\nid = "a"\nname = "A"\nkind = "stretch"\nposition = "lying"\nsetup = ["Lie down."]\n'
open(f"{work}/exercises/keys.toml", "w").write(head + "".join(f"k{i} = 1\n" for i in range(n)))
open(f"{work}/twice.toml", "w").write("hold = 5\n" * n + '[[step]]\nexercise = "a"\n')
open(f"{work}/exercises/line.toml", "w").write("exercise = [" + ", ".join(["{ x = 1 }"] * n) + "]\n")
PY
  row="| $n |"
  for file in exercises/keys.toml twice.toml exercises/line.toml; do
    start=$(date +%s.%N)
    "$bin" check "$work/$file" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    row="$row $(python3 -c "print(f'{($end - $start) * 1000:.0f} ms')") |"
  done
  echo "$row"
done
