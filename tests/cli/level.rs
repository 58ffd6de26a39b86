//! Tests of `--level` and the `level` key: which holds grow and by how much,
//! on `print`, `plan` and `run`, and that plans still fit their minutes.

use serde_json::Value;

use crate::{Env, stdout_of};

const EXERCISES: &str = r#"
[[exercise]]
id = "reach"
name = "Reach"
kind = "stretch"
position = "standing"
each_side = true
hold = 35
setup = ["Stand tall."]

[[exercise]]
id = "march"
name = "March"
kind = "warm-up"
position = "standing"
hold = 40
setup = ["Stand tall."]

[[exercise]]
id = "ball"
name = "Ball"
kind = "ball-release"
position = "lying"
setup = ["Lie on the ball."]

[[exercise.phase]]
cue = "Find a spot."
hold = 20

[[exercise.phase]]
cue = "Breathe."
hold = 25

[[exercise]]
id = "calm"
name = "Calm breathing"
kind = "breathing"
position = "lying"
hold = 400
setup = ["Lie down."]
"#;

const ROUTINE: &str = "name = \"Grow\"\nwarm_up = false\nprep = 5\ntransition = 5\n\n[[step]]\nexercise = \"march\"\n\n[[step]]\nexercise = \"reach\"\n\n[[step]]\nexercise = \"ball\"\n\n[[step]]\nexercise = \"calm\"\n";

fn env() -> Env {
    let env = Env::new();
    env.write("config/psoas/routines/exercises/grow.toml", EXERCISES);
    env.write("config/psoas/routines/grow.toml", ROUTINE);
    env
}

/// `(exercise, hold)` of each step, and the total, of `print grow` with `args`.
fn holds(env: &Env, args: &[&str]) -> (Vec<(String, u64)>, u64) {
    let mut all = vec!["print", "grow", "--format", "json"];
    all.extend_from_slice(args);
    let sheet: Value = serde_json::from_str(&stdout_of(&mut env.psoas(&all))).unwrap();
    let steps = sheet["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["exercise"].as_str().unwrap().to_string(),
                s["hold"].as_u64().unwrap(),
            )
        })
        .collect();
    (steps, sheet["total_seconds"].as_u64().unwrap())
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|&(e, h)| (e.to_string(), h)).collect()
}

#[test]
fn stretch_and_breathing_holds_grow_and_the_rest_stay_as_written() {
    let env = env();
    assert_eq!(
        holds(&env, &[]),
        (
            pairs(&[
                ("march", 40),
                ("reach", 35),
                ("reach", 35),
                ("ball", 45),
                ("calm", 400)
            ]),
            // The first get-ready says the march's set-up and the stop rule:
            // 21 words, 9 s, and the count of 3.
            12 + 4 * 5 + 40 + 35 + 35 + 45 + 400
        )
    );
    // x1.5 to the nearest 5 seconds: 52.5 is 55; 600 s at most.
    assert_eq!(
        holds(&env, &["--level", "2"]),
        (
            pairs(&[
                ("march", 40),
                ("reach", 55),
                ("reach", 55),
                ("ball", 45),
                ("calm", 600)
            ]),
            12 + 4 * 5 + 40 + 55 + 55 + 45 + 600
        )
    );
    assert_eq!(
        holds(&env, &["--level", "3"]).0,
        pairs(&[
            ("march", 40),
            ("reach", 70),
            ("reach", 70),
            ("ball", 45),
            ("calm", 600)
        ])
    );
    // The config sets the level; the flag beats it.
    env.write("config/psoas/config.toml", "level = 3\n");
    assert_eq!(holds(&env, &[]).0[1], ("reach".to_string(), 70));
    assert_eq!(
        holds(&env, &["--level", "1"]).0[1],
        ("reach".to_string(), 35)
    );
    let shown = stdout_of(&mut env.psoas(&["config", "show"]));
    assert!(shown.contains("\nlevel             3"), "{shown}");
}

#[test]
fn a_bad_level_says_what_is_valid() {
    let env = env();
    let said = crate::stderr_of(&mut env.psoas(&["print", "grow", "--level", "4"]), 2);
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("print_level_4", said);
    }
    env.write("config/psoas/config.toml", "level = 0\n");
    let output = env.psoas(&["print", "grow"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(
        "config_with_level_0",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn plans_fit_their_minutes_at_every_level() {
    let env = Env::new();
    for level in ["1", "2", "3"] {
        for minutes in ["5", "12", "30"] {
            let plan: Value = serde_json::from_str(&stdout_of(&mut env.psoas(&[
                "plan",
                "--minutes",
                minutes,
                "--level",
                level,
                "--format",
                "json",
            ])))
            .unwrap();
            let target = minutes.parse::<u64>().unwrap() * 60;
            let total = plan["total_seconds"].as_u64().unwrap();
            assert!(
                total <= target && total * 5 >= target * 4,
                "{total} s for {minutes} min at level {level}"
            );
        }
    }
}

#[test]
fn a_run_at_a_level_holds_longer() {
    let env = env();
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "grow",
        "--plain",
        "--level",
        "2",
        "--no-record",
    ]));
    assert!(out.contains("Left side: hold 55 s"), "{out}");
    assert!(out.contains("] Hold 45 s"), "the ball release stays: {out}");
}
