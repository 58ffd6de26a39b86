//! Tests of `psoas config` and of the config file's effect on other commands.

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

/// `psoas config show` with no speech program on `PATH`, so the default
/// `voice_command` is the same on every machine.
fn show(env: &Env) -> assert_cmd::Command {
    let mut cmd = env.psoas(&["config", "show"]);
    cmd.env("PATH", env.root().join("no-programs"));
    cmd
}

/// Every key with its value and where it came from: the defaults when
/// there is no file, and the line of the file for what it sets.
#[test]
fn config_show_with_no_file_and_with_one() {
    let env = Env::new();
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("config_show_with_no_file", stdout_of(&mut show(&env)));
    env.write(
        CONFIG,
        "# mine\nprep = 10\n\nconditions = [\"knee-pain\"]\n",
    );
    insta::assert_snapshot!(
        "config_show_with_prep_and_conditions_set",
        stdout_of(&mut show(&env))
    );
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
    let text = std::fs::read_to_string(env.root().join(CONFIG)).unwrap();
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("config_init_says", written);
        insta::assert_snapshot!("config_init_template", text);
    }
    // The template loads cleanly and changes nothing.
    stdout_of(&mut env.psoas(&["config", "show"]));

    let refused = crate::stderr_of(&mut env.psoas(&["config", "init"]), 1);
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("config_init_over_a_file", refused);
    }
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
    let output = env.psoas(&["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(
        "config_with_three_problems",
        String::from_utf8_lossy(&output.stderr)
    );
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
    env.write(CONFIG, "bell = true\ndefault_routine = \"dayly\"\n");
    let output = env.psoas(&["print"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(
        "config_default_routine_unknown",
        String::from_utf8_lossy(&output.stderr)
    );
}
