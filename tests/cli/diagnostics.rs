//! Diagnostics by exact text: the full key, what is valid also for values of
//! the wrong type or too large to read, the duplicated key by name, invalid
//! UTF-8 by line and column, text that must be one line, the line of the
//! file with a caret under the place, and the cap on how many are printed.

use std::time::Duration;

use crate::Env;

/// `psoas check FILE` on `text`; its stderr, with the file's path as `F`.
fn check(env: &Env, name: &str, text: &[u8]) -> String {
    let path = env.root().join("work").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let output = env
        .psoas(&["check", &path.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8(output.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "F")
}

const HEAD: &str = "[[exercise]]\nid = \"a\"\nname = \"A\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n";

#[test]
fn values_too_large_or_of_the_wrong_type_say_what_is_valid() {
    let env = Env::new();
    let text = format!(
        "{HEAD}hold = 9223372036854775808\n{}hold = 1e400\n",
        HEAD.replace("\"a\"", "\"b\"")
    );
    let said = check(&env, "exercises/big.toml", text.as_bytes());
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn a_duplicate_key_is_named() {
    let env = Env::new();
    let said = check(
        &env,
        "exercises/dup.toml",
        format!("{HEAD}name = \"B\"\n").as_bytes(),
    );
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn invalid_utf8_has_a_line_and_column() {
    let env = Env::new();
    let said = check(&env, "r.toml", b"prep = 5\nname = \"R\xff\"\n");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn text_must_be_one_line() {
    let env = Env::new();
    for (escape, name) in [
        ("\\n", "a_newline"),
        ("\\u2028", "a_line_separator"),
        ("\\u2029", "a_paragraph_separator"),
    ] {
        let text = HEAD.replace("name = \"A\"", &format!("name = \"A{escape}B\""));
        let said = check(&env, "exercises/lines.toml", text.as_bytes());
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(format!("text_broken_by_{}", name), said);
    }
}

#[test]
fn at_most_fifty_problems_of_a_file_are_printed() {
    let env = Env::new();
    let text: String = (0..60)
        .map(|i| {
            format!(
                "{}hold = \"long\"\n",
                HEAD.replace("\"a\"", &format!("\"e{i}\""))
            )
        })
        .collect();
    let said = check(&env, "exercises/many.toml", text.as_bytes());
    let shown = said.matches(": error: ").count();
    assert_eq!(shown, 50);
    assert!(
        said.ends_with(
            "\n... and 10 more not shown (at most 50 a file, 200 in all)\n60 problems found\n"
        ),
        "{said}"
    );
}

#[test]
fn a_key_inside_an_array_of_tables_is_named_in_full() {
    let env = Env::new();
    let text = HEAD.replace("\"stretch\"", "\"ball-release\"")
        + "[[exercise.phase]]\ncue = \"Find a spot.\"\nhold = 20\n[[exercise.phase]]\ncue = \"Rock.\"\nhold = 1979-05-27\n";
    let said = check(&env, "exercises/phases.toml", text.as_bytes());
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn old_mac_line_ends_are_a_syntax_error_under_a_caret() {
    let env = Env::new();
    let said = check(
        &env,
        "r.toml",
        b"name = \"R\"\r[[step]]\rexercise = \"knee-to-chest\"\r",
    );
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn a_config_that_ends_in_a_carriage_return_is_a_syntax_error_for_every_command() {
    let env = Env::new();
    env.write("config/psoas/config.toml", "weekly_goal = 3\r");
    let mut said = Vec::new();
    for args in [
        &["run", "--plain", "desk-break"][..],
        &["list"],
        &["routines"],
        &["config", "show"],
        &["remind", "now"],
        &["history"],
    ] {
        let output = env.psoas(args).env("CI", "true").output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "", "{args:?}");
        said.push(String::from_utf8(output.stderr).unwrap());
    }
    assert!(said.iter().all(|s| *s == said[0]), "{said:#?}");
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(said[0]);
    }
    // `check` reads the library, not the config.
    env.psoas(&["check"]).assert().success();
}

#[test]
fn an_error_at_the_first_byte_has_its_line_and_caret() {
    let env = Env::new();
    let said = check(&env, "exercises/first.toml", b"= 1\n");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn a_duplicate_exercise_id_is_pointed_at_where_it_is_given_again() {
    let env = Env::new();
    let second = "[[exercise]]\nname = \"B\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\nid = \"a\"\n";
    let said = check(
        &env,
        "exercises/twice.toml",
        format!("{HEAD}{second}").as_bytes(),
    );
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn an_unknown_key_gets_help_about_keys() {
    let env = Env::new();
    let said = check(
        &env,
        "exercises/keys.toml",
        format!("{HEAD}breathing = {{ hold = 3 }}\nholdd = 30\n").as_bytes(),
    );
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(said);
}

#[test]
fn a_file_named_on_the_command_line_does_not_replace_itself() {
    let env = Env::new();
    let routine = env.write(
        "config/psoas/routines/mine.toml",
        "name = \"Mine\"\n[[step]]\nexercise = \"knee-to-chest\"\n",
    );
    let exercises = env.write(
        "config/psoas/routines/exercises/mine.toml",
        &HEAD.replace("\"a\"", "\"my-stretch\""),
    );
    let routine = routine.display().to_string();
    let exercises = exercises.display().to_string();
    let all = String::from_utf8(env.psoas(&["check"]).output().unwrap().stdout).unwrap();
    assert!(all.starts_with("ok: "), "{all}");
    for args in [
        vec!["check", &routine],
        vec!["check", &exercises],
        vec!["check", &routine, &routine, &exercises],
    ] {
        let output = env.psoas(&args).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
        assert!(output.status.success());
        assert_eq!(String::from_utf8(output.stdout).unwrap(), all);
    }
}

/// A bound against a hang, long enough for a loaded machine. How the time
/// grows with the number of problems is measured by `benches/problems.sh`
/// (see BENCHMARKS.md), not here.
const LINEAR: Duration = Duration::from_secs(60);

/// Thousands of problems in one file, of every kind that once took time
/// growing with their square: each file's first 50 are shown, then how many
/// there are.
#[test]
fn thousands_of_problems_show_fifty_and_count_the_rest() {
    let env = Env::new();
    let keys: String = (0..3_000).map(|i| format!("k{i} = 1\n")).collect();
    let twice: String = "hold = 5\n".repeat(3_000);
    for (name, text) in [
        ("exercises/keys.toml", format!("{HEAD}{keys}")),
        (
            "keys.toml",
            format!("name = \"R\"\n{keys}[[step]]\nexercise = \"a\"\n"),
        ),
        ("twice.toml", format!("{twice}[[step]]\nexercise = \"a\"\n")),
        (
            "exercises/line.toml",
            format!("exercise = [{}]\n", vec!["{ x = 1 }"; 3_000].join(", ")),
        ),
    ] {
        let path = env.work().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let output = env
            .psoas(&["check", &path.display().to_string()])
            .timeout(LINEAR)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.matches(": error: ").count(), 50, "{name}");
        assert!(stderr.ends_with(" problems found\n"), "{name}: {stderr}");
    }
    let keys = env.write("config/psoas/config.toml", &keys);
    let output = env.psoas(&["list"]).timeout(LINEAR).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.ends_with("psoas: the config file has 3000 problems; fix them and try again\n"),
        "{}: {stderr}",
        keys.display()
    );
}

#[test]
fn a_config_that_is_not_utf8_is_placed_at_its_line_and_column() {
    let env = Env::new();
    let path = env.root().join("config/psoas/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"weekly_goal = 3\nnote = \"\xff\"\n").unwrap();
    let output = env.psoas(&["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stderr));
}

/// A broken library stops a command that loads it with each problem, once,
/// above the one line that ends it, as `psoas check` lists them.
#[test]
fn a_broken_library_is_shown_once_above_the_error_that_ends_the_command() {
    let env = Env::new();
    let path = env.write(
        "config/psoas/routines/exercises/mine.toml",
        &format!("{HEAD}hold = \"long\"\n"),
    );
    let checked = env.psoas(&["check"]).output().unwrap();
    assert_eq!(checked.status.code(), Some(1));
    let checked = String::from_utf8(checked.stderr).unwrap();
    let (problems, _) = checked.rsplit_once("1 problem found").unwrap();
    assert!(problems.starts_with(&format!("{}:7:8: error:", path.display())));
    let output = env.psoas(&["list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "{problems}psoas: the library has 1 problem; fix it and try again (`psoas check` lists them)\n"
        )
    );
}
