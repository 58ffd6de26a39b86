#!/usr/bin/env bash
# The reminder's check: `psoas remind now` (release build), as the scheduler
# runs it every 5 minutes, inside the set hours with the interval's nudge
# already given, against `/bin/true` and `psoas --version` (starting psoas
# and nothing else), with hyperfine. Each run is a whole
# process: start, config, history, asking the desktop, the state files
# written. Two cases: no bus at all, and a `dbus-daemon` of the script's own
# (the config of tests/cli/remind_bus.rs) standing for a desktop with none
# of the idle sources, so every source is asked and answers "no such name";
# and, where Xvfb is installed, an X server of its own on DISPLAY (no bus),
# which answers: the time at the desk is counted and its state file written.
# The server runs with -noreset, as a desktop's always has a client: without
# it, an Xvfb whose last client has gone resets itself, and each check would
# wait for that.
#   bash benches/remind_check.sh
# Needs hyperfine (`apt-get install hyperfine` or `cargo install hyperfine`)
# and dbus-daemon. Builds into $CARGO_TARGET_DIR where it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-$PWD/target}/release/psoas"

# A throw-away home with its config and state, and the bus's socket.
work=$(mktemp -d)
bus=""
x=""
cleanup() {
  if [ -n "$bus" ]; then kill "$bus" 2>/dev/null || true; fi
  if [ -n "$x" ]; then kill "$x" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$work/psoas"
echo 2026-11-25T10:00:00+01:00 > "$work/psoas/remind-last-nudge"
cat > "$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$work/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$work/bus.conf" --nofork --print-address > "$work/address" &
bus=$!
# The address is printed once the bus is listening.
for _ in $(seq 100); do [ -s "$work/address" ] && break; sleep 0.05; done
address=$(head -n 1 "$work/address")

# check BUS [VARIABLE=VALUE]: the command of one check.
check() {
  echo "env -i PATH=/usr/bin:/bin HOME=$work XDG_STATE_HOME=$work XDG_CONFIG_HOME=$work \
PSOAS_NOW=2026-11-25T10:30:00+01:00 DBUS_SESSION_BUS_ADDRESS=$1 DBUS_SYSTEM_BUS_ADDRESS=$1 \
${2:-} $bin remind now"
}
set -- --command-name '/bin/true' '/bin/true' \
  --command-name 'psoas --version' "env -i PATH=/usr/bin:/bin $bin --version" \
  --command-name 'no bus' "$(check unix:path=/nonexistent)" \
  --command-name 'a bus, no idle source' "$(check "$address")"
if command -v Xvfb > /dev/null; then
  Xvfb -noreset -nolisten tcp -displayfd 1 > "$work/display" 2>/dev/null &
  x=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
  display=":$(head -n 1 "$work/display")"
  set -- "$@" --command-name 'X11 answers' "$(check unix:path=/nonexistent DISPLAY=$display)"
fi
hyperfine --shell=none --warmup 20 --runs 200 --export-json "$work/check.json" "$@" >/dev/null
python3 - "$work/check.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]:<24} {r["mean"]*1000:5.2f} ms ± {r["stddev"]*1000:4.2f}')
PY
