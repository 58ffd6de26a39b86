//! Tests of `psoas plan`: the time fits, the output formats, conditions, and
//! saving a plan as a routine.

use crate::{Env, stdout_of};

fn json(env: &Env, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["plan", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout_of(&mut env.psoas(&all))).unwrap()
}

#[test]
fn a_plan_fits_the_minutes_and_ends_with_breathing() {
    let env = Env::new();
    for minutes in ["3", "12", "40"] {
        let plan = json(&env, &["--minutes", minutes]);
        let target = minutes.parse::<u64>().unwrap() * 60;
        let total = plan["total_seconds"].as_u64().unwrap();
        assert!(
            total <= target && total * 5 >= target * 4,
            "{total} s for {minutes} min"
        );
        assert_eq!(plan["warm_up"], true);
        let last = plan["steps"].as_array().unwrap().last().unwrap()["exercise"].clone();
        let shown = stdout_of(&mut env.psoas(&["show", last.as_str().unwrap()]));
        assert!(shown.contains("breathing"), "{shown}");
    }
}

#[test]
fn the_same_inputs_give_the_same_plan() {
    let env = Env::new();
    let args = [
        "plan",
        "--minutes",
        "15",
        "--seed",
        "4",
        "--equipment",
        "ball",
    ];
    let first = stdout_of(&mut env.psoas(&args));
    assert_eq!(first, stdout_of(&mut env.psoas(&args)));
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("plan_15_minutes_with_a_ball_text", first);
    for format in ["markdown", "json"] {
        insta::assert_snapshot!(
            format!("plan_15_minutes_with_a_ball_{format}"),
            stdout_of(&mut env.psoas(&[&args[..], &["--format", format]].concat()))
        );
    }
}

/// A plan names what it would have chosen but for a condition, and only
/// that: the steps of the same plan made without the condition that the
/// condition rules out.
#[test]
fn conditions_leave_exercises_out_with_a_line_naming_them() {
    let env = Env::new();
    let list: serde_json::Value =
        serde_json::from_str(&stdout_of(&mut env.psoas(&["list", "--format", "json"]))).unwrap();
    let avoided_with_disc = |id: &str| {
        list.as_array().unwrap().iter().any(|e| {
            e["id"] == id
                && e["avoid_if"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c == "herniated-disc")
        })
    };
    let free = json(&env, &["--minutes", "10"]);
    // The sheet's JSON has a step for each hold: each side, each round.
    let mut ids: Vec<&str> = free["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["exercise"].as_str().unwrap())
        .collect();
    ids.dedup();
    let expected: Vec<String> = ids
        .into_iter()
        .filter(|id| avoided_with_disc(id))
        .map(|id| format!("({id}), to avoid with a herniated or bulging disc in the lower back."))
        .collect();
    assert!(
        !expected.is_empty(),
        "the free plan holds nothing the tag rules out"
    );
    let sheet =
        stdout_of(&mut env.psoas(&["plan", "--minutes", "10", "--condition", "herniated-disc"]));
    let left_out: Vec<&str> = sheet
        .lines()
        .filter(|l| l.starts_with("Left out: "))
        .collect();
    assert_eq!(left_out.len(), expected.len(), "{sheet}");
    for (line, end) in left_out.iter().zip(&expected) {
        assert!(line.ends_with(end.as_str()), "{line} / {end}");
    }
    let plan = json(&env, &["--minutes", "10", "--condition", "herniated-disc"]);
    for step in plan["steps"].as_array().unwrap() {
        assert!(!avoided_with_disc(step["exercise"].as_str().unwrap()));
    }
}

#[test]
fn a_plan_that_cannot_fit_says_so_and_exits_1() {
    let env = Env::new();
    let output = env
        .psoas(&["plan", "--minutes", "60", "--position", "prone"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stderr));
}

#[test]
fn save_writes_a_routine_that_the_library_loads() {
    let env = Env::new();
    let sheet = env
        .psoas(&["plan", "--minutes", "8", "--seed", "2", "--save", "quick"])
        .output()
        .unwrap();
    assert!(sheet.status.success());
    let path = env.routines_dir().join("quick.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(
            "plan_save_says_where",
            String::from_utf8_lossy(&sheet.stderr)
        );
        insta::assert_snapshot!("plan_saved_as_a_routine_file", text);
    }

    stdout_of(&mut env.psoas(&["check"]));
    let routines = stdout_of(&mut env.psoas(&["routines"]));
    assert!(
        routines.lines().any(|l| l.starts_with("quick ")),
        "{routines}"
    );
    // The saved routine prints as the plan did, under its new name.
    let planned = json(&env, &["--minutes", "8", "--seed", "2"]);
    let printed: serde_json::Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["print", "quick", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(printed["id"], "quick");
    assert_eq!(printed["steps"], planned["steps"]);
    assert_eq!(printed["total_seconds"], planned["total_seconds"]);

    let refused = crate::stderr_of(
        &mut env.psoas(&["plan", "--minutes", "9", "--save", "quick"]),
        1,
    );
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("plan_save_over_a_routine_without_force", refused);
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    stdout_of(&mut env.psoas(&["plan", "--minutes", "9", "--save", "quick", "--force"]));
    assert_ne!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn save_names_must_be_kebab_case() {
    let env = Env::new();
    let refused = crate::stderr_of(
        &mut env.psoas(&["plan", "--minutes", "8", "--save", "My_Plan"]),
        1,
    );
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("plan_save_as_my_plan", refused);
    }
    assert!(!env.routines_dir().exists());
}
