//! Tests of the side check and the tighter side: `run side-check` records
//! each side's pull, the tighter side is held once more in later runs (and
//! in `print` and `routines`), `tighter_side` in the config overrides it or
//! turns it off, and `history` shows each side's trend.

use serde_json::Value;

use crate::{Env, stdout_of};

/// A Wednesday, after the side checks below.
const NOW: &str = "2026-12-02T12:00:00+01:00";

/// A side check, as the history file keeps it.
fn side_check(started_at: &str, left: u8, right: u8) -> String {
    format!(
        "{{\"v\":1,\"started_at\":\"{started_at}\",\"routine_id\":\"side-check\",\
         \"routine_name\":\"Side check\",\"planned_seconds\":90,\"planned_hold_seconds\":60,\
         \"held_seconds\":60,\"holds_done\":2,\"holds_skipped\":0,\"finished\":true,\
         \"level\":1,\"side_pull\":{{\"left\":{left},\"right\":{right}}}}}\n"
    )
}

fn history_lines(env: &Env) -> Vec<Value> {
    std::fs::read_to_string(env.state_dir().join("history.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The side check run by ear: its transcript, the ratings given on the
/// command line, the record and what it found.
#[test]
fn the_side_check_records_each_sides_pull() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "side-check",
        "--plain",
        "--pull-left",
        "7",
        "--pull-right",
        "4",
    ]));
    insta::assert_snapshot!(out);
    let records = history_lines(&env);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["routine_id"], "side-check");
    assert_eq!(
        records[0]["side_pull"],
        serde_json::json!({"left": 7, "right": 4})
    );
    assert_eq!(records[0].get("tension_before"), Some(&Value::Null));
}

/// With knee pain the check is done standing, and says so.
#[test]
fn with_knee_pain_the_side_check_stands() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "side-check",
        "--plain",
        "--condition",
        "knee-pain",
        "--no-record",
    ]));
    insta::assert_snapshot!(out);
}

/// A run after a side check holds the tighter side once more in each
/// two-sided stretch; every other run's record has no `side_pull`.
#[test]
fn the_tighter_side_is_held_once_more_after_the_pair() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    env.write(
        "state/psoas/history.jsonl",
        &side_check("2026-11-03T08:00:00+01:00", 3, 6),
    );
    let out = stdout_of(&mut env.psoas_at_once(&["run", "desk-break", "--plain"]));
    let once_more: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("Once more") || l.contains("Right side: hold"))
        .collect();
    assert_eq!(
        once_more.iter().map(|l| &l[8..]).collect::<Vec<_>>(),
        [
            "Right side: hold 30 s",
            "Once more on the right, the tighter side (5 s).",
            "Right side: hold 30 s",
        ],
        "{out}"
    );
    let records = history_lines(&env);
    assert_eq!(records[1]["routine_id"], "desk-break");
    assert_eq!(records[1].get("side_pull"), None);
}

/// `print` and `routines` agree with the run; `tighter_side` in the config
/// beats the latest check, and `none` turns the extra hold off.
#[test]
fn print_and_routines_agree_and_the_config_overrides() {
    let env = Env::new();
    env.write(
        "state/psoas/history.jsonl",
        &side_check("2026-11-03T08:00:00+01:00", 7, 4),
    );
    let sheet = stdout_of(&mut env.psoas(&["print", "desk-break"]));
    let line = sheet
        .lines()
        .find(|l| l.contains("Standing psoas stretch"))
        .unwrap();
    assert!(
        line.ends_with(
            "30 s each side, left then right, then the left once more, the tighter side  \
             [starts at 1:25]"
        ),
        "{sheet}"
    );
    let json = |env: &Env, args: &[&str]| -> Value {
        serde_json::from_str(&stdout_of(&mut env.psoas(args))).unwrap()
    };
    let print = json(&env, &["print", "desk-break", "--format", "json"]);
    let extra: Vec<&Value> = print["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.get("extra").is_some())
        .collect();
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0]["side"], "left");
    let total = print["total_seconds"].as_u64().unwrap();
    let listed = |env: &Env| -> u64 {
        let routines = json(env, &["routines", "--format", "json"]);
        routines
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "desk-break")
            .unwrap()["total_seconds"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(listed(&env), total);

    env.write("config/psoas/config.toml", "tighter_side = \"right\"\n");
    let print = json(&env, &["print", "desk-break", "--format", "json"]);
    let sides: Vec<&Value> = print["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.get("extra").is_some())
        .map(|s| &s["side"])
        .collect();
    assert_eq!(sides, ["right"]);

    env.write("config/psoas/config.toml", "tighter_side = \"none\"\n");
    let print = json(&env, &["print", "desk-break", "--format", "json"]);
    assert!(
        print["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.get("extra").is_none())
    );
    let without = print["total_seconds"].as_u64().unwrap();
    // A change of sides at the routine's prep, and the hold.
    assert_eq!(total - without, 5 + 30);
    assert_eq!(listed(&env), without);
}

#[test]
fn a_bad_tighter_side_says_what_is_valid() {
    let env = Env::new();
    env.write("config/psoas/config.toml", "tighter_side = \"both\"\n");
    let out = env.psoas(&["print", "desk-break"]).assert().failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    insta::assert_snapshot!(stderr.replace(&env.root().display().to_string(), "[HOME]"));
}

/// `history` shows each side's pull over time and the difference.
#[test]
fn history_shows_each_sides_trend() {
    let env = Env::new();
    let text = side_check("2026-11-03T08:00:00+01:00", 7, 4)
        + &side_check("2026-12-01T08:00:00+01:00", 5, 4);
    env.write("state/psoas/history.jsonl", &text);
    let report = stdout_of(env.psoas(&["history"]).env("PSOAS_NOW", NOW));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("history_with_two_side_checks", report);
    }
    let json: Value = serde_json::from_str(&stdout_of(
        env.psoas(&["history", "--format", "json"])
            .env("PSOAS_NOW", NOW),
    ))
    .unwrap();
    assert_eq!(
        json["side_checks"],
        serde_json::json!([
            {"date": "2026-11-03", "left": 7, "right": 4, "difference": 3},
            {"date": "2026-12-01", "left": 5, "right": 4, "difference": 1},
        ])
    );
}

/// On a terminal the side check asks each side's pull after its holds, as
/// the tension check-in asks, and no tension at all.
#[cfg(unix)]
#[test]
fn on_a_terminal_the_side_check_asks_each_side() {
    use crate::run::pty::Pty;
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let mut pty = Pty::spawn_at_once(&env, &["run", "side-check"]);
    pty.wait_for(&["left side?", "(Enter to skip):"]);
    pty.send(b"eight\r");
    pty.wait_for(&["Please type a whole number from 0 to"]);
    pty.send(b"7\r");
    pty.wait_for(&["right side?", "(Enter to skip):"]);
    pty.send(b"4\r");
    assert_eq!(pty.wait_exit(), 0);
    let output = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(output.contains("Pull, left / right: 7/4."), "{output}");
    assert!(!output.contains("How tense"), "{output}");
    let records = history_lines(&env);
    assert_eq!(
        records[0]["side_pull"],
        serde_json::json!({"left": 7, "right": 4})
    );
}
