#!/usr/bin/env bash
# Timing, CPU and memory of `psoas run`, measured on the release binary.
#
#   benches/run_timing.sh           # long routines to their first hold, then a one-minute
#                                   # hold, plain and interactive, 3 runs each (~4 min)
#   benches/run_timing.sh --full    # also the default routine at real speed (~11 min more)
#   benches/run_timing.sh --start   # only the long routines to their first hold (seconds)
#
# - start-up: for routines of 10 and 240 one-minute holds (240 is the most a
#   routine of them may have: 4 hours), the time from launch to the line that
#   starts the first hold (its get-ready, "Step 1 of"), and the peak memory by
#   then (benches/longest_routine.sh measures the longest routine in full);
# - lateness: when the "Routine complete" line arrives, measured from the
#   "[00:00]" line, minus the planned length (plain mode, real speed), which
#   `psoas print --format json` gives: the hold and the get-ready before it;
# - CPU: user + system time of the whole process (getrusage of the child, in
#   microseconds) for a single 60-second hold, in plain mode (stdout a pipe)
#   and in interactive mode (a pseudo-terminal of 80x24 that nobody types in),
#   and the same hold with a figure on the screen at 80x24 and 120x40;
# - memory: the process's peak resident set (ru_maxrss).
# Needs python3 (for wait4 and a pseudo-terminal); nothing else beyond cargo.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/psoas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/lib/exercises" "$work/home" "$work/config" "$work/state"
cat > "$work/lib/exercises/hold.toml" <<'TOML'
[[exercise]]
id = "bench-hold"
name = "Long hold"
kind = "stretch"
position = "lying"
hold = 60
setup = ["Lie on your back."]
cues = ["Breathe slowly.", "Let go."]
TOML
cat > "$work/lib/hold60.toml" <<'TOML'
name = "One minute hold"
warm_up = false
prep = 0
transition = 0

[[step]]
exercise = "bench-hold"
TOML
# The same hold with a figure (the kneeling stretch's, on a cushion), drawn
# on the screen beside the words from 80x24.
cat > "$work/lib/exercises/figure.toml" <<'TOML'
[[exercise]]
id = "bench-figure-hold"
name = "Long hold with a figure"
kind = "stretch"
position = "kneeling"
hold = 60
setup = ["Kneel on a cushion."]
cues = ["Breathe slowly.", "Let go."]
figure = { view = "side", left_hip = -15, left_knee = 75, left_ankle = 90, right_hip = 95, right_knee = 95, left_shoulder = 20, left_elbow = 40, right_shoulder = 20, right_elbow = 40, props = ["floor", { prop = "cushion", at = "left-knee" }] }
TOML
cat > "$work/lib/figure60.toml" <<'TOML'
name = "One minute hold with a figure"
warm_up = false
prep = 0
transition = 0

[[step]]
exercise = "bench-figure-hold"
TOML

# Routines of 10 and 240 one-minute holds, for start-up and memory by routine
# length; outside the library, so that each run loads only its own.
mkdir -p "$work/long"
for n in 10 240; do
  {
    printf 'name = "%s holds"\nwarm_up = false\nprep = 0\ntransition = 0\n' "$n"
    for _ in $(seq "$n"); do printf '[[step]]\nexercise = "bench-hold"\n'; done
  } > "$work/long/steps$n.toml"
done
# Nobody answers questions during a benchmark.
mkdir -p "$work/config/psoas" "$work/state/psoas"
printf 'check_in = false\n' > "$work/config/psoas/config.toml"
: > "$work/state/psoas/notice-shown"

mode=${1:-}

BIN="$bin" WORK="$work" MODE="$mode" python3 - <<'PY'
import json, os, pty, statistics, subprocess, threading, time, fcntl, termios, struct

BIN, WORK, MODE = os.environ["BIN"], os.environ["WORK"], os.environ["MODE"]
FULL = MODE == "--full"
RUNS = 3
ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "HOME": f"{WORK}/home",
    "XDG_CONFIG_HOME": f"{WORK}/config",
    "XDG_STATE_HOME": f"{WORK}/state",
    "TERM": "xterm-256color",
}

def cpu_ms(ru):
    return (ru.ru_utime + ru.ru_stime) * 1000

def peak_kb(pid):
    """The peak resident set since exec (VmHWM); ru_maxrss would also count
    the driver's memory shared before exec."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def plain(args, planned):
    """Runs in plain mode; returns (lateness ms, cpu ms, peak RSS KB)."""
    proc = subprocess.Popen([BIN, "--library", f"{WORK}/lib", "run", *args, "--plain"],
                            stdout=subprocess.PIPE, env=ENV, cwd=WORK)
    first = last = None
    peak = 0
    for line in proc.stdout:
        now = time.monotonic()
        peak = max(peak, peak_kb(proc.pid))
        if first is None and line.startswith(b"[00:00]"):
            first = now
        if b"Routine complete" in line:
            last = now
    _, status, ru = os.wait4(proc.pid, 0)
    assert status == 0, status
    return (last - first - planned) * 1000, cpu_ms(ru), peak

def interactive(args, planned, size=(80, 24)):
    """Runs on a pseudo-terminal of `size` (columns, rows); returns (ms from
    start to exit over the plan, cpu ms, peak RSS KB)."""
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, "--library", f"{WORK}/lib", "run", *args], ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    peak = 0
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
        peak = max(peak, peak_kb(pid))
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - start
    assert os.waitstatus_to_exitcode(status) == 0, status
    return (wall - planned) * 1000, cpu_ms(ru), peak

def first_hold(args):
    """Runs in plain mode until the first hold starts with its get-ready;
    returns (ms from launch to the line that starts it, peak RSS KB by then)."""
    start = time.monotonic()
    proc = subprocess.Popen([BIN, "--library", f"{WORK}/lib", "run", *args, "--plain"],
                            stdout=subprocess.PIPE, env=ENV, cwd=WORK)
    for line in proc.stdout:
        if b"] Step 1 of " in line:
            break
    took = (time.monotonic() - start) * 1000
    peak = peak_kb(proc.pid)
    proc.kill()
    proc.wait()
    return took, peak

def runs(measure, args, planned):
    results = []
    for _ in range(RUNS):
        results.append(measure(args, planned))
    return results

def report(name, results, late_words):
    late = [r[0] for r in results]
    cpu = [r[1] for r in results]
    rss = [r[2] / 1024 for r in results]
    print(f"{name}: {late_words} {statistics.median(late):.1f} ms (max {max(late):.1f}); "
          f"CPU {statistics.median(cpu):.1f} ms (max {max(cpu):.1f}); "
          f"peak RSS {max(rss):.1f} MB   [median of {len(results)}]")

def planned(routine):
    """The planned length of a routine in seconds, as `psoas print` gives it."""
    out = subprocess.run([BIN, "--library", f"{WORK}/lib", "print", routine, "--format", "json"],
                         capture_output=True, env=ENV, cwd=WORK, check=True).stdout
    return json.loads(out)["total_seconds"]

print(f"psoas run, release build, {os.cpu_count()} cores")
for n in (10, 240):
    results = [first_hold([f"{WORK}/long/steps{n}.toml", "--no-bell"]) for _ in range(RUNS)]
    took = statistics.median(r[0] for r in results)
    rss = max(r[1] for r in results) / 1024
    print(f"{n:>6} holds: first hold after {took:.1f} ms; peak RSS {rss:.1f} MB   [median of {RUNS}]")
if MODE == "--start":
    raise SystemExit
# The two modes run side by side; each is asleep nearly all the time.
hold60 = planned("hold60")
figure60 = planned("figure60")
both = {}
threads = [
    threading.Thread(target=lambda: both.__setitem__("plain", runs(plain, ["hold60", "--no-bell"], hold60))),
    threading.Thread(target=lambda: both.__setitem__("interactive", runs(interactive, ["hold60", "--no-bell"], hold60))),
    threading.Thread(target=lambda: both.__setitem__("figure 80x24", runs(interactive, ["figure60", "--no-bell"], figure60))),
    threading.Thread(target=lambda: both.__setitem__("figure 120x40", runs(lambda a, p: interactive(a, p, (120, 40)), ["figure60", "--no-bell"], figure60))),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
report(f"plain, 60 s hold ({hold60} s)      ", both["plain"], "ends late by")
report(f"interactive, 60 s hold ({hold60} s)", both["interactive"], "exits after the plan (start-up included) by")
report(f"with a figure, 80x24 ({figure60} s)  ", both["figure 80x24"], "exits after the plan (start-up included) by")
report(f"with a figure, 120x40 ({figure60} s) ", both["figure 120x40"], "exits after the plan (start-up included) by")
if FULL:
    daily = planned("daily")
    report(f"plain, daily routine ({daily // 60}:{daily % 60:02})",
           [plain(["daily", "--no-warm-up", "--no-bell"], daily)], "ends late by")
PY
