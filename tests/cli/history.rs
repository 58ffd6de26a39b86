//! Tests of `psoas history` and of the history file it reads: the report as
//! text and JSON, appends from many processes at once, recovery from cut-off
//! and corrupt lines, unwritable folders, and a reader that stops early.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use chrono::DateTime;
use psoas_coach::history::{History, Record, SessionNotes};
use psoas_coach::runner::{Ending, RunOutcome};
use serde_json::Value;

use crate::{Env, stdout_of};

/// A Wednesday in ISO week 1 of 2027, which starts on Monday, January 4.
const NOW: &str = "2027-01-06T12:00:00+01:00";

fn record(started_at: &str, finished: bool, tension: (Option<u8>, Option<u8>)) -> Record {
    let outcome = RunOutcome {
        started_at: DateTime::parse_from_rfc3339(started_at).unwrap(),
        routine_id: "daily".into(),
        routine_name: "Daily release".into(),
        planned_seconds: 600,
        spent_seconds: if finished { 600 } else { 300 },
        planned_hold_seconds: 500,
        held_seconds: if finished { 500 } else { 300 },
        holds_done: if finished { 10 } else { 4 },
        holds_skipped: 0,
        exercises: Vec::new(),
        finished,
        past_first_hold: true,
        ending: if finished {
            Ending::Finished
        } else {
            Ending::Quit
        },
    };
    let notes = SessionNotes {
        tension_before: tension.0,
        tension_after: tension.1,
        note: None,
        level: 1,
        side_pull: None,
    };
    Record::new(&outcome, notes)
}

/// Writes `records` as the env's history file; returns its path.
fn write_history(env: &Env, records: &[Record]) -> std::path::PathBuf {
    let text: String = records.iter().map(Record::to_line).collect();
    env.write("state/psoas/history.jsonl", &text)
}

/// Three weeks across the turn of the year: 2026-W52 and 2026-W53 met a goal
/// of 3, and 2027-W01 has one session so far.
fn new_year_history() -> Vec<Record> {
    let mut quit = record("2027-01-01T10:15:00+01:00", false, (Some(7), None));
    quit.note = Some("cut short".into());
    vec![
        record("2026-12-21T07:30:00+01:00", true, (Some(6), Some(3))),
        record("2026-12-23T07:30:00+01:00", true, (Some(5), Some(4))),
        record("2026-12-24T18:00:00+01:00", true, (None, None)),
        record("2026-12-28T07:30:00+01:00", true, (Some(4), Some(2))),
        quit,
        record("2027-01-03T21:00:00+01:00", true, (None, None)),
        record("2027-01-05T07:30:00+01:00", true, (Some(5), Some(5))),
    ]
}

fn history_json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["history", "--format", "json"];
    all.extend_from_slice(args);
    let text = stdout_of(env.psoas(&all).env("PSOAS_NOW", NOW));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn no_history_is_not_an_error_and_says_how_to_start() {
    let env = Env::new();
    let text = stdout_of(&mut env.psoas(&["history"]));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("history_with_no_sessions", text);
    }
    let json = history_json(&env, &[]);
    assert_eq!(json["sessions"], Value::Array(vec![]));
    assert_eq!(json["weeks"].as_array().unwrap().len(), 12);
}

#[test]
fn the_text_report_for_a_fixed_history() {
    let env = Env::new();
    write_history(&env, &new_year_history());
    let text = stdout_of(
        env.psoas(&["history", "--limit", "5"])
            .env("PSOAS_NOW", NOW),
    );
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("history_report_and_chart_across_new_year", text);
}

#[test]
fn short_sessions_are_listed_as_short_and_not_counted() {
    let env = Env::new();
    // Three sessions with every hold skipped, then one held in full.
    let mut records = Vec::new();
    for hour in ["07", "08", "09"] {
        let mut r = record(
            &format!("2027-01-05T{hour}:00:00+01:00"),
            true,
            (None, None),
        );
        r.held_seconds = 0;
        records.push(r);
    }
    records.push(record("2027-01-05T18:00:00+01:00", true, (None, None)));
    write_history(&env, &records);
    let text = stdout_of(env.psoas(&["history"]).env("PSOAS_NOW", NOW));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("history_with_three_short_sessions", text);
    }
    let json = history_json(&env, &[]);
    assert_eq!(json["this_week"], 1);
    assert_eq!(json["all_sessions"], 4);
    let counted: Vec<bool> = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["counted"].as_bool().unwrap())
        .collect();
    assert_eq!(counted, [true, false, false, false]);
    assert_eq!(json["weeks"][11]["sessions"], 1);
    assert_eq!(json["weeks"][11]["short"], 3);
}

#[test]
fn sessions_under_the_minimum_are_breaks_and_not_counted() {
    let env = Env::new();
    // Two runs of a routine with a single 5-second hold, and a planned five
    // minutes whose holding came to four.
    let mut records = Vec::new();
    for hour in ["07", "08"] {
        let mut r = record(
            &format!("2027-01-05T{hour}:00:00+01:00"),
            true,
            (None, None),
        );
        r.planned_hold_seconds = Some(5);
        r.held_seconds = 5;
        records.push(r);
    }
    let mut five = record("2027-01-05T18:00:00+01:00", true, (None, None));
    five.planned_hold_seconds = Some(240);
    five.held_seconds = 240;
    records.push(five);
    write_history(&env, &records);
    let text = stdout_of(env.psoas(&["history"]).env("PSOAS_NOW", NOW));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("history_with_three_breaks", text);
    }
    let json = history_json(&env, &[]);
    assert_eq!(json["this_week"], 0);
    assert_eq!(json["min_held_minutes"], 5);
    assert_eq!(json["weeks"][11]["breaks"], 3);
    assert_eq!(json["weeks"][11]["short"], 0);
    assert_eq!(json["sessions"][0]["counted"], false);

    // The minimum is a setting: with none, all three count.
    env.write("config/psoas/config.toml", "min_held_minutes = 0\n");
    let json = history_json(&env, &[]);
    assert_eq!(json["this_week"], 3);
    assert_eq!(json["goal_met"], true);
}

#[test]
fn three_good_weeks_suggest_a_longer_hold() {
    let env = Env::new();
    let mut records = Vec::new();
    for monday in ["2026-12-14", "2026-12-21", "2026-12-28"] {
        for hour in ["07", "12", "18"] {
            records.push(record(
                &format!("{monday}T{hour}:00:00+01:00"),
                true,
                (Some(5), Some(3)),
            ));
        }
    }
    write_history(&env, &records);
    let text = stdout_of(env.psoas(&["history"]).env("PSOAS_NOW", NOW));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("history_suggesting_level_2", text);
    }
    let json = history_json(&env, &[]);
    assert_eq!(
        (json["level"].as_u64(), json["suggested_level"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(json["weeks"][10]["tension_before"], 5.0);
    assert_eq!(json["weeks"][10]["tension_after"], 3.0);
}

#[test]
fn the_json_report_has_every_field() {
    let env = Env::new();
    write_history(&env, &new_year_history());
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(
            "history_json_across_new_year",
            stdout_of(
                env.psoas(&["history", "--format", "json", "--limit", "2"])
                    .env("PSOAS_NOW", NOW)
            )
        );
    }
    let json = history_json(&env, &["--limit", "2"]);
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["started_at"], "2027-01-05T07:30:00+01:00");
    assert_eq!(sessions[0]["v"], 1);
    assert_eq!(sessions[1]["tension_before"], Value::Null);
    assert_eq!(json["this_week"], 1);
    assert_eq!(json["goal"], 3);
    assert_eq!(json["streak_weeks"], 2);
    assert_eq!(json["average_tension_change"], -1.5);
    assert_eq!(json["unreadable_lines"], 0);
    let weeks = json["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[10]["week"], "2026-W53");
    assert_eq!(weeks[10]["start"], "2026-12-28");
    assert_eq!(weeks[10]["sessions"], 3);
    assert_eq!(weeks[10]["finished"], 2);
    assert_eq!(weeks[11]["week"], "2027-W01");
    assert_eq!(weeks[11]["start"], "2027-01-04");
}

#[test]
fn goal_since_and_limit() {
    let env = Env::new();
    write_history(&env, &new_year_history());
    let json = history_json(&env, &["--goal", "1"]);
    assert_eq!(json["streak_weeks"], 3);
    assert_eq!(json["goal_met"], true);
    let json = history_json(&env, &["--goal", "4"]);
    assert_eq!(json["streak_weeks"], 0);
    // --since is a date on the calendar where each session was done.
    let json = history_json(&env, &["--since", "2027-01-01", "--limit", "100"]);
    assert_eq!(json["sessions"].as_array().unwrap().len(), 3);
    // The summary always covers the whole history.
    assert_eq!(json["streak_weeks"], 2);
    let text = stdout_of(
        env.psoas(&["history", "--since", "2027-02-01"])
            .env("PSOAS_NOW", NOW),
    );
    assert!(
        text.starts_with("No sessions since 2027-02-01.\n\nThis week: 1 of 3"),
        "{text}"
    );
}

#[test]
fn a_dst_change_keeps_sessions_in_their_local_week() {
    let env = Env::new();
    // Europe springs forward at 02:00 on Sunday, 2026-03-29.
    write_history(
        &env,
        &[
            record("2026-03-23T07:30:00+01:00", true, (None, None)),
            record("2026-03-29T00:30:00+01:00", true, (None, None)),
            record("2026-03-29T03:30:00+02:00", true, (None, None)),
            // Monday locally, still Sunday in UTC: next week.
            record("2026-03-30T00:30:00+02:00", true, (None, None)),
        ],
    );
    let text = stdout_of(
        env.psoas(&["history", "--format", "json"])
            .env("PSOAS_NOW", "2026-03-29T12:00:00+02:00"),
    );
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["this_week"], 3);
    assert_eq!(json["streak_weeks"], 1);
    assert_eq!(json["weeks"][11]["week"], "2026-W13");
}

#[test]
fn psoas_state_dir_moves_the_history() {
    let env = Env::new();
    let other = env.root().join("elsewhere");
    History::at(&other)
        .append(&record("2027-01-05T07:30:00+01:00", true, (None, None)))
        .unwrap();
    let text = stdout_of(
        env.psoas(&["history", "--format", "json"])
            .env("PSOAS_NOW", NOW)
            .env("PSOAS_STATE_DIR", &other),
    );
    assert!(text.contains("\"this_week\": 1"), "{text}");
}

#[test]
fn a_bad_psoas_now_says_what_is_expected() {
    let env = Env::new();
    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", "tomorrow")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("PSOAS_NOW is \"tomorrow\", not an RFC 3339 time"),
        "{stderr}"
    );
}

/// The environment variables that make [`append_child_process`] append.
const CHILD_DIR: &str = "PSOAS_TEST_APPEND_DIR";
const CHILD_ID: &str = "PSOAS_TEST_APPEND_ID";
const PROCESSES: usize = 8;
const APPENDS: usize = 500;

/// Not a test on its own: the concurrent-append test runs this test binary
/// again as several processes, each running only this function, to append
/// from separate processes. Without its variables it does nothing.
#[test]
fn append_child_process() {
    let (Some(dir), Some(id)) = (std::env::var_os(CHILD_DIR), std::env::var(CHILD_ID).ok()) else {
        return;
    };
    let history = History::at(dir);
    for i in 0..APPENDS {
        let mut r = record("2027-01-05T07:30:00+01:00", true, (Some(5), Some(3)));
        r.note = Some(format!("process {id} record {i} {}", "x".repeat(200)));
        history.append(&r).unwrap();
    }
}

#[test]
fn eight_processes_appending_at_once_lose_nothing() {
    let env = Env::new();
    let state = env.state_dir();
    // A line cut off by a crash: exactly one process must start a fresh line.
    let fragment = "{\"v\":1,\"started_at\":\"2027-01-0";
    env.write("state/psoas/history.jsonl", fragment);
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..PROCESSES)
        .map(|id| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "history::append_child_process",
                    "--test-threads",
                    "1",
                ])
                .env(CHILD_DIR, &state)
                .env(CHILD_ID, id.to_string())
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }

    let text = fs::read_to_string(state.join("history.jsonl")).unwrap();
    assert!(text.starts_with(&format!("{fragment}\n{{")));
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(lines.len(), PROCESSES * APPENDS);
    let mut seen = HashSet::new();
    for line in lines {
        let r: Record = serde_json::from_str(line).unwrap();
        assert!(seen.insert(r.note.unwrap()));
    }
    let contents = History::at(&state).read().unwrap();
    assert_eq!(contents.records.len(), PROCESSES * APPENDS);
    assert_eq!(contents.skipped.unreadable.len(), 1);
}

#[test]
fn a_cut_off_last_line_is_skipped_and_the_next_record_starts_a_fresh_line() {
    let env = Env::new();
    let good = record("2027-01-05T07:30:00+01:00", true, (None, None)).to_line();
    let before = format!("{good}{}", &good[..50]);
    let path = env.write("state/psoas/history.jsonl", &before);

    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "psoas: warning: {}:2:1: the last line was cut off",
            path.display()
        )),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("1 session:\n"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before,
        "reading changed the file"
    );

    let next = record("2027-01-06T07:30:00+01:00", true, (None, None));
    History::at(env.state_dir()).append(&next).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{before}\n{}", next.to_line())
    );
    let json = history_json(&env, &[]);
    assert_eq!(json["sessions"].as_array().unwrap().len(), 2);
    // The fragment is now an ordinary unreadable line, kept as it is.
    assert_eq!(json["unreadable_lines"], 1);
}

#[test]
fn corrupt_lines_are_counted_and_left_alone() {
    let env = Env::new();
    let [a, b, c] = ["2027-01-04", "2027-01-05", "2027-01-06"]
        .map(|day| record(&format!("{day}T07:30:00+01:00"), true, (None, None)).to_line());
    let before = format!("{a}garbage\n{b}{{\"v\":9}}\n{c}");
    let path = env.write("state/psoas/history.jsonl", &before);

    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success());
    let file = path.display();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "psoas: warning: {file}: 2 lines could not be read and are skipped (the file is left as it is):
  {file}:2:1: this is not a record (one line of JSON, as psoas writes it)
  {file}:4:1: format version 9 is not one this psoas reads (it reads version 1); a newer psoas may have written it
"
        )
    );
    let json = history_json(&env, &[]);
    assert_eq!(json["unreadable_lines"], 2);
    assert_eq!(json["sessions"].as_array().unwrap().len(), 3);

    let next = record("2027-01-06T08:30:00+01:00", true, (None, None));
    History::at(env.state_dir()).append(&next).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), before + &next.to_line());
}

#[test]
fn history_speaks_of_wrong_values_in_a_persons_words() {
    let env = Env::new();
    let good = record("2027-01-05T07:30:00+01:00", true, (Some(5), Some(3))).to_line();
    let lines = [
        good.replace("\"held_seconds\":500", "\"held_seconds\":\"long\""),
        good.replace("\"tension_after\":3", "\"tension_after\":-1"),
        good.replace("\"v\":1", "\"v\":0"),
    ];
    let path = env.write("state/psoas/history.jsonl", &lines.concat());
    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success());
    let file = path.display();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "psoas: warning: {file}: 3 lines could not be read and are skipped (the file is left as it is):
  {file}:1:{}: invalid type: string \"long\", expected a whole number
  {file}:2:{}: invalid value: integer `-1`, expected a whole number from 0 to 255
  {file}:3:1: format version 0 is not one this psoas reads (it reads version 1)
",
            lines[0].find("\"long\"").unwrap() + 6,
            lines[1].find("-1").unwrap() + 2,
        )
    );
}

#[test]
fn a_line_over_a_mebibyte_is_passed_over_with_its_number() {
    let env = Env::new();
    let a = record("2027-01-05T07:30:00+01:00", true, (None, None)).to_line();
    let b = record("2027-01-06T07:30:00+01:00", true, (None, None)).to_line();
    let long = format!("{{\"note\":\"{}\"}}\n", "n".repeat(3 << 20));
    let path = env.write("state/psoas/history.jsonl", &format!("{a}{long}{b}"));
    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success());
    let file = path.display();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "psoas: warning: {file}: 1 line could not be read and is skipped (the file is left as it is):
  {file}:2:1: is longer than 1 MiB, far longer than any session; it is passed over
"
        )
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("2 sessions, newest first:\n"));
}

#[test]
fn a_session_written_twice_counts_once_and_that_is_said() {
    let env = Env::new();
    let records = new_year_history();
    let mut twice = records.clone();
    twice.extend(records.iter().take(3).cloned());
    let path = write_history(&env, &twice);
    let output = env
        .psoas(&["history"])
        .env("PSOAS_NOW", NOW)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "psoas: warning: {}: 3 records are the same as one before, as a sync conflict or a \
             restored backup leaves; each session counts once\n",
            path.display()
        )
    );
    let once = Env::new();
    write_history(&once, &records);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        stdout_of(once.psoas(&["history"]).env("PSOAS_NOW", NOW))
    );
    let json = history_json(&env, &[]);
    assert_eq!(json["duplicate_records"], 3);
    assert_eq!(json["all_sessions"], records.len());
}

/// A state folder that nobody can write to, root included: its parent is a
/// regular file.
#[test]
fn a_state_folder_that_cannot_exist_is_an_error_naming_it() {
    let env = Env::new();
    let blocker = env.write("state/blocker", "a file");
    let state = blocker.join("psoas");
    let err = History::at(&state)
        .append(&record(NOW, true, (None, None)))
        .unwrap_err();
    assert!(err.lost_a_session());
    let text = err.to_string();
    assert!(
        text.starts_with(&format!(
            "cannot create the history folder {}: ",
            state.display()
        )),
        "{text}"
    );

    let output = env
        .psoas(&["history"])
        .env("PSOAS_STATE_DIR", &state)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "psoas: cannot read the history in {}: part of that path is a file, not a folder",
            state.join("history.jsonl").display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

/// A history path taken by a folder: unwritable and unreadable, root included.
#[test]
fn a_folder_in_place_of_the_file_is_an_error_naming_it() {
    let env = Env::new();
    let path = env.state_dir().join("history.jsonl");
    fs::create_dir_all(&path).unwrap();
    let err = History::at(env.state_dir())
        .append(&record(NOW, true, (None, None)))
        .unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "cannot record this session in {}: that is a folder, not a file",
            path.display()
        )),
        "{err}"
    );
    let output = env.psoas(&["history"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

/// A read-only state folder: appending fails (unless the tests run as root,
/// who may write anyway), and the history can still be read.
#[cfg(unix)]
#[test]
fn a_read_only_state_folder() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let path = write_history(&env, &new_year_history());
    let state = env.state_dir();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(&state, fs::Permissions::from_mode(0o555)).unwrap();
    let privileged = fs::write(state.join("probe"), "").is_ok();

    let json = history_json(&env, &[]);
    let result = History::at(&state).append(&record(NOW, true, (None, None)));
    fs::set_permissions(&state, fs::Permissions::from_mode(0o755)).unwrap();
    if !privileged {
        let err = result.unwrap_err();
        assert!(
            err.to_string().starts_with(&format!(
                "cannot record this session in {}: it is read-only",
                path.display()
            )),
            "{err}"
        );
    }
    assert_eq!(json["this_week"], 1);
}

/// `psoas history | head -1`: the reader goes away after one line, the
/// rest of the output meets a closed pipe, and psoas exits 0 quietly.
#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    // Far more output than a pipe holds, so writing must meet the closed end.
    let records: Vec<Record> = (0..3000)
        .map(|i| {
            let at = format!("2027-01-05T07:{:02}:{:02}+01:00", i / 60, i % 60);
            record(&at, true, (Some(5), Some(3)))
        })
        .collect();
    write_history(&env, &records);

    let mut child = Command::new(assert_cmd::cargo::cargo_bin("psoas"))
        .args(["history", "--limit", "3000"])
        .current_dir(env.work())
        .env_clear()
        .env("HOME", env.root().join("home"))
        .env("XDG_STATE_HOME", env.root().join("state"))
        .env("XDG_CONFIG_HOME", env.root().join("config"))
        .env("PSOAS_NOW", NOW)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader (and with it the pipe's read end) is dropped here.
    assert_eq!(first, "3000 sessions, newest first:\n");
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn the_config_sets_the_weekly_goal_and_the_flag_beats_it() {
    let env = Env::new();
    write_history(&env, &new_year_history());
    env.write("config/psoas/config.toml", "weekly_goal = 1\n");
    assert_eq!(history_json(&env, &[])["goal"], 1);
    assert_eq!(history_json(&env, &[])["streak_weeks"], 3);
    assert_eq!(history_json(&env, &["--goal", "4"])["goal"], 4);
}
