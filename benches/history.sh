#!/bin/sh
# Times `psoas history` (release build) over histories of 100,000 and 200,000
# records, to check that it answers in under 100 ms and grows linearly.
#
# Usage: benches/history.sh [RECORDS...]   (default: 100000 200000)
#
# Each history holds one session every four hours, ending at a fixed "now"
# (100,000 records span 45 years), with the Central European offsets of
# winter and summer, tension check-ins and an occasional note. Uses hyperfine
# when it is installed, else times ten runs with `date`.
set -eu

cd "$(dirname "$0")/.."
cargo build --release --quiet
psoas="$PWD/target/release/psoas"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM

export PSOAS_NOW="2026-11-25T12:00:00+01:00"
now_epoch=1795604400 # $PSOAS_NOW in seconds since 1970

# generate N DIR: writes DIR/history.jsonl with N records ending at $now_epoch.
generate() {
    mkdir -p "$2"
    awk -v n="$1" -v end="$now_epoch" '
    function floor(x) { return int(x) - (int(x) > x) }
    function civil(days,   z, era, doe, yoe, doy, mp) {
        # Days since 1970-01-01 to a date (H. Hinnant, "chrono-compatible
        # low-level date algorithms"); sets Y, M, D.
        z = days + 719468
        era = floor(z / 146097)
        doe = z - era * 146097
        yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
        doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
        mp = int((5 * doy + 2) / 153)
        D = doy - int((153 * mp + 2) / 5) + 1
        M = mp < 10 ? mp + 3 : mp - 9
        Y = yoe + era * 400 + (M <= 2)
    }
    BEGIN {
        for (i = n - 1; i >= 0; i--) {
            t = end - i * 14400 - (i % 7) * 60
            civil(floor(t / 86400))
            offset = (M >= 4 && M <= 10) ? 2 : 1
            local = t + offset * 3600
            days = floor(local / 86400)
            civil(days)
            s = local - days * 86400
            finished = (i % 5 != 0) ? "true" : "false"
            note = (i % 10 == 0) ? "\"tight after a long drive\"" : "null"
            printf "{\"v\":1,\"started_at\":\"%04d-%02d-%02dT%02d:%02d:%02d+%02d:00\",", \
                Y, M, D, int(s / 3600), int(s / 60) % 60, s % 60, offset
            printf "\"routine_id\":\"daily\",\"routine_name\":\"Daily release\",\"planned_seconds\":600,"
            printf "\"held_seconds\":%d,\"holds_done\":%d,\"holds_skipped\":%d,\"finished\":%s,", \
                finished == "true" ? 600 : 240, finished == "true" ? 10 : 4, i % 3 == 0, finished
            printf "\"tension_before\":%d,\"tension_after\":%d,\"note\":%s}\n", 4 + i % 5, 2 + i % 3, note
        }
    }' > "$2/history.jsonl"
}

sizes="${*:-100000 200000}"
for n in $sizes; do
    generate "$n" "$work/$n"
    echo "$n records: $(wc -c < "$work/$n/history.jsonl") bytes"
done

if command -v hyperfine > /dev/null; then
    set --
    for n in $sizes; do
        set -- "$@" --command-name "$n records" "env PSOAS_STATE_DIR=$work/$n $psoas history"
    done
    hyperfine --shell=none --warmup 5 --min-runs 30 "$@"
else
    for n in $sizes; do
        start=$(date +%s%N)
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            PSOAS_STATE_DIR="$work/$n" "$psoas" history > /dev/null
        done
        end=$(date +%s%N)
        echo "$n records: $(((end - start) / 10000000)) ms per run (mean of 10)"
    done
fi
