//! Tests of how much a run says: cautions for one condition said only to a
//! person who declared it and listed, labelled, on the sheet; get-readies in
//! full the first times and brief once the history shows the exercise is
//! familiar; the `--guidance` flag and the config's keys; records from before
//! exercises were kept; and bad caution values reported at their place.

use crate::{Env, stdout_of};

/// One exercise with a caution of each kind, in a routine of its own.
const EXERCISES: &str = r#"
[[exercise]]
id = "reach"
name = "Side reach"
kind = "stretch"
position = "standing"
hold = 10
setup = ["Stand tall beside a chair.", "Raise your left arm overhead."]
cues = ["Reach up, then a little over."]
cautions = [
  "Keep the lean small.",
  { text = "Never twist.", always = true },
  { text = "In pregnancy, stretch only to a mild pull.", condition = "pregnancy" },
  { text = "With osteoporosis, just reach straight up.", condition = "osteoporosis" },
]
"#;

const ROUTINE: &str = r#"
name = "Reach"
warm_up = false
prep = 5
transition = 5

[[step]]
exercise = "reach"
"#;

/// Someone who has run psoas before, with check-ins off, and the routine
/// `reach` in their own library.
fn reach() -> Env {
    let env = Env::new();
    env.write("config/psoas/routines/exercises/reach.toml", EXERCISES);
    env.write("config/psoas/routines/reach.toml", ROUTINE);
    env.write("state/psoas/notice-shown", "");
    env.write("config/psoas/config.toml", "check_in = false\n");
    env
}

/// A history record of a finished session of `reach`; `exercises` is the
/// JSON of its `exercises` key, or `None` for a record from before it.
fn record(day: u32, exercises: Option<&str>) -> String {
    let held = exercises.map_or(String::new(), |e| format!(",\"exercises\":{e}"));
    format!(
        "{{\"v\":1,\"started_at\":\"2027-01-{day:02}T07:30:00+01:00\",\"routine_id\":\"reach\",\
         \"routine_name\":\"Reach\",\"planned_seconds\":30,\"held_seconds\":10,\"holds_done\":1,\
         \"holds_skipped\":0,\"finished\":true{held}}}\n"
    )
}

/// A history of `sessions` recorded sessions that held the reach.
fn familiar(env: &Env, sessions: u32) {
    let lines: String = (1..=sessions)
        .map(|day| record(day, Some("[\"reach\"]")))
        .collect();
    env.write("state/psoas/history.jsonl", &lines);
}

/// The plain transcript of `reach`, with `extra` arguments.
fn run(env: &Env, extra: &[&str]) -> String {
    let mut args = vec!["run", "reach", "--plain", "--speed", "1000"];
    args.extend_from_slice(extra);
    stdout_of(&mut env.psoas(&args))
}

/// What the get-ready says before the count-in.
fn get_ready(transcript: &str) -> Vec<&str> {
    transcript
        .lines()
        .take_while(|l| !l.ends_with("] 3"))
        .collect()
}

#[test]
fn the_first_time_every_set_up_line_and_only_the_persons_own_cautions_are_said() {
    let env = reach();
    assert_eq!(
        get_ready(&run(&env, &[])),
        [
            "[00:00] Step 1 of 1: Side reach. Get into position (19 s).",
            "[00:00] Stand tall beside a chair.",
            "[00:00] Raise your left arm overhead.",
            "[00:00] Caution: Keep the lean small.",
            "[00:00] Caution: Never twist.",
            "[00:00] Throughout, move gently and never bounce; stop at once on sharp, shooting or radiating pain, numbness or tingling.",
        ]
    );
    let pregnant = run(&env, &["--condition", "pregnancy"]);
    let said = get_ready(&pregnant);
    assert!(said.contains(&"[00:00] Caution: In pregnancy, stretch only to a mild pull."));
    assert!(!pregnant.contains("osteoporosis"), "{pregnant}");
    // The get-ready is as long as its words: 46 words take 19 s, and the count.
    assert_eq!(
        said[0],
        "[00:00] Step 1 of 1: Side reach. Get into position (22 s)."
    );
}

#[test]
fn once_the_exercise_is_familiar_the_get_ready_is_brief() {
    let env = reach();
    // Two sessions: not yet familiar.
    familiar(&env, 2);
    assert_eq!(get_ready(&run(&env, &[])).len(), 6);
    // Three: the name, the first set-up line and the caution always said.
    familiar(&env, 3);
    let brief = run(&env, &[]);
    assert_eq!(
        get_ready(&brief),
        [
            "[00:00] Step 1 of 1: Side reach. Get into position (15 s).",
            "[00:00] Stand tall beside a chair.",
            "[00:00] Caution: Never twist.",
            "[00:00] Throughout, move gently and never bounce; stop at once on sharp, shooting or radiating pain, numbness or tingling.",
        ]
    );
    assert!(brief.contains("[00:15] Hold 10 s"), "{brief}");
    // The person's own cautions are essential: said even when brief.
    let pregnant = run(&env, &["--condition", "pregnancy"]);
    assert!(
        get_ready(&pregnant)
            .contains(&"[00:00] Caution: In pregnancy, stretch only to a mild pull.")
    );
    assert!(!get_ready(&pregnant).contains(&"[00:00] Raise your left arm overhead."));
    // The flag asks for everything again.
    assert_eq!(get_ready(&run(&env, &["--guidance", "full"])).len(), 6);
}

#[test]
fn the_config_sets_the_guidance_and_when_an_exercise_is_familiar() {
    let env = reach();
    familiar(&env, 3);
    env.write(
        "config/psoas/config.toml",
        "check_in = false\nfamiliar_after = 4\n",
    );
    assert_eq!(get_ready(&run(&env, &[])).len(), 6);
    env.write(
        "config/psoas/config.toml",
        "check_in = false\nfamiliar_after = 1\nguidance = \"full\"\n",
    );
    assert_eq!(get_ready(&run(&env, &[])).len(), 6);
    assert_eq!(get_ready(&run(&env, &["--guidance", "auto"])).len(), 4);
    // Brief from the very first time, when asked.
    let env = reach();
    env.write(
        "config/psoas/config.toml",
        "check_in = false\nguidance = \"brief\"\n",
    );
    assert_eq!(get_ready(&run(&env, &[])).len(), 4);
    let show = stdout_of(&mut env.psoas(&["config", "show"]));
    assert!(show.contains("guidance"), "{show}");
    assert!(show.contains("\"brief\""), "{show}");
}

#[test]
fn a_bad_guidance_is_reported_with_what_is_valid() {
    let env = reach();
    let said = crate::stderr_of(
        &mut env.psoas(&["run", "reach", "--plain", "--guidance", "short"]),
        2,
    );
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("run_guidance_short", said);
    }
    env.write(
        "config/psoas/config.toml",
        "guidance = \"short\"\nfamiliar_after = 0\n",
    );
    let output = env.psoas(&["config", "show"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("config_with_a_bad_guidance_and_familiar_after", stderr);
}

#[test]
fn records_from_before_exercises_were_kept_still_read_and_count_toward_none() {
    let env = reach();
    let old: String = (1..=5).map(|day| record(day, None)).collect();
    env.write("state/psoas/history.jsonl", &old);
    assert_eq!(get_ready(&run(&env, &[])).len(), 6);
    let history = stdout_of(&mut env.psoas(&["history", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(json["sessions"].as_array().map(Vec::len), Some(5), "{json}");
}

#[test]
fn the_sheet_and_show_list_every_caution_with_its_condition() {
    let env = reach();
    insta::assert_snapshot!(stdout_of(&mut env.psoas(&["print", "reach"])));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(
            "show_an_exercise_with_a_caution_for_each_condition",
            stdout_of(&mut env.psoas(&["show", "reach"]))
        );
    }
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["show", "reach", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(
        json["cautions"],
        serde_json::json!([
            "Keep the lean small.",
            { "text": "Never twist.", "always": true },
            { "text": "In pregnancy, stretch only to a mild pull.", "condition": "pregnancy" },
            { "text": "With osteoporosis, just reach straight up.", "condition": "osteoporosis" },
        ])
    );
}

#[test]
fn routines_give_the_length_the_first_time_and_once_familiar() {
    let env = reach();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["routines", "--format", "json"]),
    ))
    .unwrap();
    let reach = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "reach")
        .unwrap();
    // 19 s and 15 s of getting ready, and the hold of 10 s.
    assert_eq!(reach["total_seconds"], 29);
    assert_eq!(reach["familiar_seconds"], 25);
    let table = stdout_of(&mut env.psoas(&["routines"]));
    assert!(
        table.contains("1 step    0:29 the first time, 0:25 once familiar"),
        "{table}"
    );
}

#[test]
fn bad_cautions_are_reported_at_their_place_with_what_is_valid() {
    let env = Env::new();
    // One bad caution to an exercise, so that each is reported.
    let bad = [
        "3",
        "{ text = \"a\", condition = \"pregnant\" }",
        "{ text = \"b\", condition = \"pregnancy\", always = true }",
        "{ always = true }",
        "{ text = \"c\", when = \"always\" }",
        "\"\"",
    ];
    let text: String = bad
        .iter()
        .enumerate()
        .map(|(i, caution)| {
            format!(
                "[[exercise]]\nid = \"e{i}\"\nname = \"E\"\nkind = \"stretch\"\n\
                 position = \"lying\"\nsetup = [\"x\"]\ncautions = [\"Fine.\", {caution}]\n"
            )
        })
        .collect();
    let path = env.write("work/exercises/bad.toml", &text);
    let output = env
        .psoas(&["check", &path.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8(output.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "F");
    insta::assert_snapshot!(said);
}
