//! Tests of the library commands: list, show, routines, print and check, with
//! the built-in library and with files a user writes.

use std::io::Read;
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

use crate::{Env, stdout_of};

/// A small library of the user's own, so printed sheets stay stable when the
/// built-in content changes.
const MY_EXERCISES: &str = r#"
[[exercise]]
id = "my-lunge"
name = "My lunge"
kind = "stretch"
position = "kneeling"
each_side = true
equipment = ["cushion"]
setup = ["Kneel on a cushion.", "Step one foot forward."]
cues = ["Tuck the tailbone."]
cautions = ["Pad the knee."]
avoid_if = ["knee-pain"]

[[exercise]]
id = "my-ball"
name = "My ball release"
kind = "ball-release"
position = "prone"
equipment = ["ball"]
setup = ["Lie face down over the ball."]
breathing = { inhale = 3, exhale = 5 }

[[exercise.phase]]
cue = "Settle onto the ball."
hold = 20

[[exercise.phase]]
cue = "Let the belly soften."
hold = 25
"#;

const MY_ROUTINE: &str = r#"
name = "My short routine"
summary = "Two things I like."
prep = 4

[[step]]
exercise = "my-lunge"
hold = 35
repeat = 2

[[step]]
exercise = "my-ball"
"#;

fn env_with_my_library() -> Env {
    let env = Env::new();
    env.write("config/psoas/routines/exercises/mine.toml", MY_EXERCISES);
    env.write("config/psoas/routines/mine.toml", MY_ROUTINE);
    env
}

#[test]
fn routines_lists_the_built_ins_with_their_lengths() {
    let env = Env::new();
    insta::assert_snapshot!(stdout_of(&mut env.psoas(&["routines"])));
}

#[test]
fn routines_json_carries_ids_names_and_totals() {
    let env = env_with_my_library();
    let json: Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["routines", "--format", "json"]),
    ))
    .unwrap();
    let mine = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "mine")
        .unwrap();
    // 2 rounds x 2 sides x (4 + 35) + 1 x (4 + 45), with a transition of
    // 15 s instead of the prep of 4 at the change to prone, and at the start
    // 21 s: the lunge's name, set-up and caution, what the routine needs and
    // the stop rule are 45 words, said in 18 s, then the count of 3.
    assert_eq!(
        mine["total_seconds"],
        2 * 2 * (4 + 35) + (4 + 45) + (21 - 4) + (15 - 4)
    );
    assert_eq!(mine["name"], "My short routine");
    assert_eq!(mine["steps"], 2);
    assert_eq!(mine["holds"], 5);
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ball-release",
            "chair",
            "core",
            "daily",
            "desk-break",
            "floor",
            "full",
            "gentle-back",
            "hip-replacement",
            "micro-break",
            "pregnancy",
            "rest-and-breathe",
            "side-check",
            "strong-bones",
            "mine"
        ]
    );
}

#[test]
fn built_in_library_meets_its_promises() {
    let env = Env::new();
    let json: Value =
        serde_json::from_str(&stdout_of(&mut env.psoas(&["list", "--format", "json"]))).unwrap();
    let items = json.as_array().unwrap();
    let count = |key: &str, value: &str| items.iter().filter(|e| e[key] == value).count();
    assert!(items.len() >= 24);
    assert!(count("position", "kneeling") >= 4);
    assert!(count("position", "lying") + count("position", "prone") >= 4);
    assert!(count("position", "standing") >= 4);
    assert!(count("kind", "ball-release") >= 4);
    assert!(count("kind", "warm-up") >= 3);
    assert!(count("kind", "breathing") >= 2);
    for e in items {
        assert!(e["setup"].as_array().is_some_and(|s| !s.is_empty()), "{e}");
        if e["kind"] == "stretch" {
            assert!(
                e["hold"].as_u64().unwrap() >= 30,
                "stretches are held 30 s or more: {e}"
            );
        }
    }
    let routines: Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["routines", "--format", "json"]),
    ))
    .unwrap();
    let total = |id: &str| {
        routines
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["total_seconds"]
            .as_u64()
            .unwrap()
    };
    // With the time to say every set-up line and caution the first time.
    assert!(
        (900..=1080).contains(&total("daily")),
        "daily is fifteen to eighteen minutes"
    );
    assert!(
        (180..=300).contains(&total("desk-break")),
        "the desk break is about four minutes"
    );
    assert!(total("full") >= 1500);
}

#[test]
fn gentle_back_avoids_nothing_for_a_herniated_disc() {
    let env = Env::new();
    let json: Value = serde_json::from_str(&stdout_of(&mut env.psoas(&[
        "print",
        "gentle-back",
        "--format",
        "json",
        "--condition",
        "herniated-disc",
    ])))
    .unwrap();
    assert_eq!(json["left_out"], serde_json::json!([]));
}

#[test]
fn list_groups_by_position_and_filters() {
    let env = env_with_my_library();
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(
        "list_ball_releases_lying_face_down",
        stdout_of(&mut env.psoas(&["list", "--kind", "ball-release", "--position", "prone"]))
    );
    insta::assert_snapshot!(
        "list_kneeling_with_a_cushion",
        stdout_of(&mut env.psoas(&["list", "--equipment", "cushion", "--position", "kneeling"]))
    );
}

/// Exercises and routines named in Japanese and with accents, whose names
/// are wider or narrower on screen than their count of characters.
fn env_with_wide_names() -> Env {
    let env = Env::new();
    let exercise = |id: &str, name: &str| {
        format!(
            "[[exercise]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"stretch\"\n\
             position = \"kneeling\"\nequipment = [\"wall\"]\nsetup = [\"Kneel.\"]\n\
             cues = [\"Breathe.\"]\n\n"
        )
    };
    env.write(
        "config/psoas/routines/exercises/wide.toml",
        &[
            exercise("wide", "腸腰筋ストレッチ"),
            exercise("accent", "Étirement à genoux"),
            exercise("plain", "Hip"),
        ]
        .concat(),
    );
    let routine = |name: &str| format!("name = \"{name}\"\n[[step]]\nexercise = \"plain\"\n");
    env.write(
        "config/psoas/routines/wide.toml",
        &routine("朝のストレッチ"),
    );
    env.write("config/psoas/routines/accent.toml", &routine("Détente"));
    env
}

#[test]
fn list_lines_up_names_in_japanese_and_with_accents() {
    let env = env_with_wide_names();
    let out = stdout_of(&mut env.psoas(&["list", "--position", "kneeling", "--equipment", "wall"]));
    assert_eq!(
        out,
        "Kneeling (3)\n\
         \x20 wide    腸腰筋ストレッチ    stretch  30 s  wall\n\
         \x20 accent  Étirement à genoux  stretch  30 s  wall\n\
         \x20 plain   Hip                 stretch  30 s  wall\n"
    );
}

#[test]
fn routines_lines_up_names_in_japanese_and_with_accents() {
    let env = env_with_wide_names();
    let out = stdout_of(&mut env.psoas(&["routines"]));
    let mine: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("wide") || l.starts_with("accent"))
        .collect();
    assert_eq!(mine.len(), 2, "{out}");
    let column = |line: &str| {
        let at = line.find("1 step").unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    let daily = out.lines().find(|l| l.starts_with("daily")).unwrap();
    let steps_column = column(&daily.replace("10 steps", "1 step"));
    assert_eq!(column(mine[0]), steps_column, "{out}");
    assert_eq!(column(mine[1]), steps_column, "{out}");
    assert!(mine[0].starts_with("accent            Détente  "), "{out}");
    assert!(
        mine[1].starts_with("wide              朝のストレッチ  "),
        "{out}"
    );
}

#[test]
fn list_json_carries_every_field_under_the_file_format_names() {
    let env = env_with_my_library();
    let json: Value =
        serde_json::from_str(&stdout_of(&mut env.psoas(&["list", "--format", "json"]))).unwrap();
    let lunge = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "my-lunge")
        .unwrap();
    for key in [
        "id",
        "name",
        "kind",
        "position",
        "each_side",
        "hold",
        "equipment",
        "setup",
        "cues",
        "cautions",
        "avoid_if",
    ] {
        assert!(lunge.get(key).is_some(), "missing {key}: {lunge}");
    }
    assert_eq!(lunge["each_side"], true);
    assert_eq!(lunge["avoid_if"], serde_json::json!(["knee-pain"]));
    let ball = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "my-ball")
        .unwrap();
    assert_eq!(ball["hold"], 45);
    assert_eq!(
        ball["breathing"],
        serde_json::json!({ "inhale": 3, "exhale": 5 })
    );
    assert_eq!(
        ball["phase"][1],
        serde_json::json!({ "cue": "Let the belly soften.", "hold": 25 })
    );
}

#[test]
fn show_prints_one_exercise_in_full() {
    let env = env_with_my_library();
    let out = stdout_of(&mut env.psoas(&["show", "my-ball"]));
    let out = out.replace(&env.root().display().to_string(), "[ROOT]");
    insta::assert_snapshot!(out);
}

#[test]
fn show_suggests_close_ids() {
    let env = Env::new();
    env.psoas(&["show", "knee-to-chst"])
        .assert()
        .code(1)
        .stderr("psoas: no exercise has the id `knee-to-chst`; did you mean `knee-to-chest`? (`psoas list` shows them)\n");
}

#[test]
fn print_text_markdown_json_and_html() {
    let env = env_with_my_library();
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("print_text", stdout_of(&mut env.psoas(&["print", "mine"])));
    insta::assert_snapshot!(
        "print_markdown",
        stdout_of(&mut env.psoas(&["print", "mine", "--format", "markdown"]))
    );
    insta::assert_snapshot!(
        "print_json",
        stdout_of(&mut env.psoas(&["print", "mine", "--format", "json"]))
    );
    insta::assert_snapshot!(
        "print_html",
        stdout_of(&mut env.psoas(&["print", "mine", "--format", "html"]))
    );
}

/// A sheet says a routine's words before it starts, as a run does, and a
/// transfer's steps with no breathing pace.
#[test]
fn print_says_what_a_run_says_before_it_starts() {
    let env = Env::new();
    env.write(
        "config/psoas/routines/exercises/paced.toml",
        include_str!("../fixtures/paced/exercises/paced.toml"),
    );
    env.write(
        "config/psoas/routines/paced.toml",
        include_str!("../fixtures/paced/paced.toml"),
    );
    insta::assert_snapshot!(stdout_of(&mut env.psoas(&["print", "paced"])));
    // The printed page says it too, under the same heading, before the steps.
    let page = stdout_of(&mut env.psoas(&["print", "paced", "--format", "html"]));
    let before = "<h3>Before you start</h3>\n<ul>\n\
                  <li>Ask your physio before you start.</li>\n\
                  <li>Move off at once if you feel a pulse.</li>\n</ul>\n";
    let at = page
        .find(before)
        .expect("the page lists what is said before");
    assert!(at < page.find("<section class=\"step\"").unwrap());
    let json: Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["print", "paced", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(
        json["before"],
        serde_json::json!([
            "Ask your physio before you start.",
            "Move off at once if you feel a pulse."
        ])
    );
}

#[test]
fn print_json_steps_have_side_prep_and_hold() {
    let env = env_with_my_library();
    let json: Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["print", "mine", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(json["id"], "mine");
    // The first hold gets 21 s to say what it says (see the routines test),
    // the first in a new position the 15 s transition, the others the
    // routine's prep.
    assert_eq!(json["total_seconds"], 233);
    assert_eq!(json["steps"][0]["prep"], 21);
    let steps = json["steps"].as_array().unwrap();
    let sides: Vec<&Value> = steps.iter().map(|s| &s["side"]).collect();
    assert_eq!(
        sides,
        [
            &Value::from("left"),
            &Value::from("right"),
            &Value::from("left"),
            &Value::from("right"),
            &Value::Null
        ]
    );
    assert_eq!(
        (&steps[4]["exercise"], &steps[4]["prep"], &steps[4]["hold"]),
        (&Value::from("my-ball"), &Value::from(15), &Value::from(45))
    );
}

#[test]
fn print_without_an_argument_prints_the_default_routine() {
    let env = Env::new();
    let out = stdout_of(&mut env.psoas(&["print"]));
    assert_eq!(out, stdout_of(&mut env.psoas(&["print", "daily"])));
}

#[test]
fn print_a_routine_file_by_path() {
    let env = env_with_my_library();
    env.write(
        "work/quick.toml",
        "name = \"Quick\"\nwarm_up = false\n[[step]]\nexercise = \"my-ball\"\n",
    );
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(
            "print_a_routine_file_with_no_warm_up",
            stdout_of(&mut env.psoas(&["print", "./quick.toml"]))
        );
    }
    env.psoas(&["print", "./missing.toml"])
        .assert()
        .code(1)
        .stderr("psoas: no routine file at ./missing.toml\n");
    // A file of exercises is no routine: said plainly, never a crash.
    env.write("work/exercises/mine.toml", MY_EXERCISES);
    env.psoas(&["print", "exercises/mine.toml"]).assert().code(1).stderr(
        "psoas: exercises/mine.toml holds exercises, not a routine; a routine file has `name` and `[[step]]` tables\n",
    );
}

#[test]
fn library_flag_works_before_and_after_the_subcommand() {
    let env = Env::new();
    env.write("extra/exercises/x.toml", MY_EXERCISES);
    env.write(
        "extra/extra-routine.toml",
        &MY_ROUTINE.replace("My short routine", "Extra"),
    );
    let dir = env.root().join("extra");
    let dir = dir.to_str().unwrap();
    for args in [
        vec!["--library", dir, "print", "extra-routine"],
        vec!["print", "extra-routine", "--library", dir],
    ] {
        assert!(stdout_of(&mut env.psoas(&args)).starts_with("Extra\n"));
    }
    env.psoas(&["--library", "/no/such/dir", "routines"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/no/such/dir: error: is not a folder",
        ));
}

#[test]
fn a_user_routine_replaces_a_built_in_and_check_says_so() {
    let env = env_with_my_library();
    env.write(
        "config/psoas/routines/daily.toml",
        "name = \"My daily\"\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    assert!(stdout_of(&mut env.psoas(&["print"])).starts_with("My daily\n"));
    let routines = env.routines_dir();
    env.psoas(&["check"])
        .assert()
        .success()
        .stdout("ok: 58 exercises and 15 routines, no problems\n")
        .stderr(format!(
            "{}/daily.toml:1:1: note: this routine `daily` replaces the one at <built-in>/daily.toml:1:1\n",
            routines.display()
        ));
}

#[test]
fn unknown_routine_suggests_close_ids() {
    let env = Env::new();
    env.psoas(&["print", "dayly"])
        .assert()
        .code(1)
        .stderr("psoas: no routine has the id `dayly`; did you mean `daily`? (`psoas routines` lists them)\n");
}

#[test]
fn usage_errors_exit_2_and_name_what_is_valid() {
    let env = Env::new();
    env.psoas(&["list", "--position", "sideways"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[possible values: standing, seated, kneeling, lying, prone]",
        ));
    env.psoas(&["frobnicate"]).assert().code(2);
}

#[test]
fn check_reports_every_problem_with_place_key_and_help() {
    let env = Env::new();
    env.write(
        "config/psoas/routines/exercises/bad.toml",
        "[[exercise]]\nid = \"Bad_Id\"\nname = \"x\"\nkind = \"stretching\"\nposition = \"lying\"\nsetup = [\"x\"]\n\n\
         [[exercise]]\nid = \"ok-one\"\nname = \"Ok\"\nkind = \"stretch\"\nposition = \"lying\"\nhold = 3\nsetup = []\ncolour = \"red\"\n\n\
         [[exercise]]\nid = \"knee-to-chest\"\nname = \"Dup\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n\n\
         [[exercise]]\nid = \"dup\"\nname = \"Dup\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n\n\
         [[exercise]]\nid = \"dup\"\nname = \"Dup 2\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n",
    );
    env.write(
        "config/psoas/routines/broken.toml",
        "name = \"Broken\"\nprep = -1\n[[step]]\nexercise = \"knee-to-chst\"\nrepeat = 21\n",
    );
    env.write("config/psoas/routines/empty.toml", "name = \"Empty\"\n");
    env.write(
        "config/psoas/routines/syntax.toml",
        "name = \"Unclosed\n[[step]]\n",
    );
    let output = env.psoas(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    // The note points at the built-in exercise it replaces, by its line.
    let replaced = format!(
        "note: this exercise `knee-to-chest` replaces the one at <built-in>/exercises/lying.toml:{}:1\n",
        built_in_line("lying.toml", "knee-to-chest")
    );
    assert!(stderr.contains(&replaced), "{stderr}");
    // The snapshot holds the rest, wherever that exercise stands in its file.
    let _snapshots = crate::snapshots();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"lying\.toml:\d+:1", "lying.toml:[LINE]:1");
    let _built_in_line = settings.bind_to_scope();
    insta::assert_snapshot!("check_of_a_user_library_with_eleven_problems", stderr);
}

/// The line of `id = "ID"`'s table in a built-in exercise file.
fn built_in_line(file: &str, id: &str) -> usize {
    let text = std::fs::read_to_string(format!(
        "{}/routines/exercises/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == format!("id = \"{id}\""))
        .unwrap();
    lines[..at]
        .iter()
        .rposition(|l| l.trim() == "[[exercise]]")
        .unwrap()
        + 1
}

#[test]
fn check_given_files_reports_only_those_and_resolves_against_the_library() {
    let env = Env::new();
    env.write("config/psoas/routines/other-bad.toml", "name = 1\n");
    let good = env.write(
        "work/good.toml",
        "name = \"Good\"\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    let bad = env.write(
        "work/bad.toml",
        "name = \"Bad\"\n[[step]]\nexercise = \"knee-to-chst\"\n",
    );
    env.psoas(&["check", "good.toml"])
        .assert()
        .success()
        .stderr("");
    env.psoas(&["check", "bad.toml"]).assert().code(1).stderr(
        "bad.toml:3:12: error: `step[1].exercise`: no exercise has the id `knee-to-chst`
  |
3 | exercise = \"knee-to-chst\"
  |            ^^^^^^^^^^^^^^
  |
  = help: did you mean `knee-to-chest`? (`psoas list` shows every id)

1 problem found
",
    );
    let _ = (good, bad);
}

#[test]
fn files_over_one_mebibyte_are_refused() {
    let env = Env::new();
    let mut text = String::from("name = \"Huge\"\n[[step]]\nexercise = \"knee-to-chest\"\n");
    text.push_str(&format!("# {}\n", "x".repeat(1024 * 1024)));
    env.write("work/huge.toml", &text);
    env.psoas(&["check", "huge.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "huge.toml: error: is larger than 1 MiB",
        ));
}

#[test]
fn control_characters_in_files_never_reach_the_terminal() {
    let env = Env::new();
    // Raw control bytes are a TOML syntax error; escaped ones are refused by validation.
    env.write(
        "work/raw.toml",
        "name = \"\u{1b}[2J\u{1b}]0;pwned\u{7}\"\n[[step]]\nexercise = \"x\u{1b}[31m\"\n",
    );
    env.write(
        "work/escaped.toml",
        "name = \"\\u001b[2J\"\n[[step]]\nexercise = \"x\\u001b[31m\"\n",
    );
    for (file, expected) in [
        ("raw.toml", "raw.toml:1:9: error: TOML syntax"),
        (
            "escaped.toml",
            "escaped.toml:1:8: error: `name`: contains the control character \\u{1b}",
        ),
    ] {
        let output = env.psoas(&["check", file]).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let all = [output.stdout, output.stderr].concat();
        assert!(
            !all.iter().any(|&b| b < 0x20 && b != b'\n'),
            "{}",
            String::from_utf8_lossy(&all)
        );
        assert!(
            String::from_utf8_lossy(&all).contains(expected),
            "{}",
            String::from_utf8_lossy(&all)
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let env = Env::new();
    let mut cmd = env.process(&["list"]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    // Read one byte, then close our end of the pipe before psoas is done.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn the_documented_examples_are_valid_files() {
    let pages: Vec<String> = crate::docs::pages()
        .iter()
        .map(|page| std::fs::read_to_string(page).unwrap())
        .collect();
    let env = Env::new();
    let blocks: Vec<&str> = pages
        .iter()
        .flat_map(|page| page.split("```toml\n").skip(1))
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() >= 3, "expected the manual's TOML examples");
    for (i, block) in blocks.iter().enumerate() {
        if block.contains("[[exercise]]") {
            env.write(
                &format!("config/psoas/routines/exercises/readme-{i}.toml"),
                block,
            );
        } else if block.contains("[[step]]") {
            env.write(&format!("config/psoas/routines/readme-{i}.toml"), block);
        }
    }
    env.psoas(&["check"]).assert().success().stderr("");
}

#[test]
fn a_transition_is_checked_against_its_range_and_the_prep() {
    let env = Env::new();
    env.write(
        "work/short.toml",
        "name = \"Short\"\nprep = 10\ntransition = 5\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    env.write(
        "work/long.toml",
        "name = \"Long\"\ntransition = 121\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    env.psoas(&["check", "short.toml", "long.toml"])
        .assert()
        .code(1)
        .stderr(
            "short.toml:3:14: error: `transition`: 5 is out of range
  |
3 | transition = 5
  |              ^
  |
  = help: a whole number of seconds, at least `prep`, from 10 to 120

long.toml:2:14: error: `transition`: 121 is out of range
  |
2 | transition = 121
  |              ^^^
  |
  = help: a whole number of seconds from 0 to 120

2 problems found
",
        );
    // A routine's own transition is the get-ready before its first hold.
    env.write(
        "work/mine.toml",
        "name = \"Mine\"\nprep = 3\ntransition = 60\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    let json: Value = serde_json::from_str(&stdout_of(&mut env.psoas(&[
        "print",
        "mine.toml",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["steps"][0]["prep"], 60);
    assert_eq!(json["steps"][1]["prep"], 3);
}
