//! Tests of `psoas config` and of the config file's effect on other commands.

use predicates::prelude::*;

use crate::{Env, stdout_of};

const CONFIG: &str = "config/psoas/config.toml";

#[test]
fn path_is_under_xdg_config_home_unless_psoas_config_says() {
    let env = Env::new();
    let path = stdout_of(&mut env.psoas(&["config", "path"]));
    assert_eq!(path.trim(), env.root().join(CONFIG).display().to_string());
    let other = env.root().join("elsewhere.toml");
    let path = stdout_of(env.psoas(&["config", "path"]).env("PSOAS_CONFIG", &other));
    assert_eq!(path.trim(), other.display().to_string());
}

#[test]
fn show_lists_every_key_with_its_origin() {
    let env = Env::new();
    let shown = stdout_of(&mut env.psoas(&["config", "show"]));
    assert!(
        shown.contains("(not there: every value is a default)"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "{ every = \"60m\", from = \"09:00\", to = \"17:30\", days = \"mon-fri\", sit = \"50m\", wait = \"2m\" }"
        ),
        "{shown}"
    );
    for key in [
        "default_routine",
        "prep",
        "breathing",
        "bell",
        "voice",
        "voice_command",
        "weekly_goal",
        "check_in",
        "brisk_warm_up",
        "conditions",
    ] {
        let line = shown
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no `{key}` in\n{shown}"));
        assert!(
            line.ends_with("default") || key == "voice_command",
            "{line}"
        );
    }

    env.write(
        CONFIG,
        "# mine\nprep = 10\n\nconditions = [\"knee-pain\"]\n",
    );
    let shown = stdout_of(&mut env.psoas(&["config", "show"]));
    let line = |key: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap()
            .to_string()
    };
    assert!(
        line("prep ").contains("10") && line("prep ").ends_with("config.toml:2"),
        "{shown}"
    );
    assert!(line("conditions").contains("[\"knee-pain\"]"), "{shown}");
    assert!(line("conditions").ends_with("config.toml:4"), "{shown}");
    assert!(line("weekly_goal").ends_with("default"), "{shown}");
}

#[test]
fn show_lines_up_values_in_japanese_and_with_accents() {
    let env = Env::new();
    env.write(
        "config/psoas/config.toml",
        "voice_command = [\"say\", \"-v\", \"Kyōko\", \"声\"]\n",
    );
    let shown = stdout_of(&mut env.psoas(&["config", "show"]));
    let voice = shown
        .lines()
        .find(|l| l.starts_with("voice_command"))
        .unwrap();
    assert!(voice.ends_with("  config.toml:1"), "{shown}");
    // The origin column starts at the same place on screen on every line.
    let origin_at = |line: &str| {
        let at = line.rfind("  ").unwrap() + 2;
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    let prep = shown.lines().find(|l| l.starts_with("prep")).unwrap();
    assert_eq!(origin_at(voice), origin_at(prep), "{shown}");
}

#[test]
fn init_writes_a_commented_template_once() {
    let env = Env::new();
    let written = stdout_of(&mut env.psoas(&["config", "init"]));
    assert!(written.contains("wrote"), "{written}");
    let text = std::fs::read_to_string(env.root().join(CONFIG)).unwrap();
    assert!(
        text.contains("# prep = 5") && text.contains("herniated-disc"),
        "{text}"
    );
    // The template loads cleanly and changes nothing.
    stdout_of(&mut env.psoas(&["config", "show"]));

    env.psoas(&["config", "init"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(env.root().join(CONFIG)).unwrap(),
        text
    );

    // PSOAS_CONFIG moves the file, and its folder is created.
    let other = env.root().join("deep/folder/psoas.toml");
    stdout_of(env.psoas(&["config", "init"]).env("PSOAS_CONFIG", &other));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), text);
}

#[test]
fn a_bad_config_shows_every_problem_and_fails() {
    let env = Env::new();
    env.write(
        CONFIG,
        "prep = 90\nvoise = true\nconditions = [\"pregnant\"]\n",
    );
    env.psoas(&["list"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "config.toml:1:8: error: `prep`: 90 is out of range",
        ))
        .stderr(predicate::str::contains(
            "help: a whole number of seconds from 0 to 60",
        ))
        .stderr(predicate::str::contains(
            "config.toml:2:1: error: `voise`: unknown key",
        ))
        .stderr(predicate::str::contains("did you mean `voice`?"))
        .stderr(predicate::str::contains(
            "`conditions[1]`: `pregnant` is not a condition tag",
        ))
        .stderr(predicate::str::contains("the config file has 3 problems"));
}

#[test]
fn config_values_apply_and_flags_add_to_them() {
    let env = Env::new();
    env.write(
        CONFIG,
        "default_routine = \"desk-break\"\nprep = 12\nconditions = [\"herniated-disc\"]\n",
    );
    let sheet = stdout_of(&mut env.psoas(&["print", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&sheet).unwrap();
    assert_eq!(json["id"], "desk-break");
    // desk-break sets its own prep, which a second side gets; the config's
    // fills in for routines that do not. The first hold gets the transition,
    // or as long as its words take to say.
    assert_eq!(json["steps"][1]["side"], "left");
    assert_eq!(json["steps"][2]["prep"], 5);
    assert!(json["steps"][0]["prep"].as_u64().unwrap() >= 15);

    env.write(
        "work/mine.toml",
        "name = \"Mine\"\n[[step]]\nexercise = \"standing-side-reach\"\n\
         [[step]]\nexercise = \"kneeling-psoas-stretch\"\n[[step]]\nexercise = \"lying-psoas-stretch\"\n",
    );
    let args = [
        "print",
        "mine.toml",
        "--format",
        "json",
        "--condition",
        "knee-pain",
    ];
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&mut env.psoas(&args))).unwrap();
    let left_out: Vec<&str> = json["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["condition"].as_str().unwrap())
        .collect();
    assert_eq!(left_out, ["herniated-disc", "knee-pain"]);
    assert_eq!(json["steps"][0]["exercise"], "lying-psoas-stretch");
    // The first get-ready says the two steps left out, the set-up, the
    // cautions and the stop rule, which take longer than the transition.
    assert_eq!(json["steps"][0]["prep"], 60);
    assert_eq!(json["steps"][1]["prep"], 12);
}

#[test]
fn a_default_routine_that_does_not_exist_is_a_clear_error() {
    let env = Env::new();
    let path = env.write(CONFIG, "bell = true\ndefault_routine = \"dayly\"\n");
    let from = format!("(default_routine in {}, line 2)", path.display());
    env.psoas(&["print"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no routine has the id `dayly`"))
        .stderr(predicate::str::contains(from))
        .stderr(predicate::str::contains("did you mean `daily`?"));
}
