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
    assert_eq!(
        said,
        "F:7:8: error: `exercise[1].hold`: invalid value: integer `9223372036854775808`, expected a whole number
  |
7 | hold = 9223372036854775808
  |        ^^^^^^^^^^^^^^^^^^^
  |
  = help: a whole number of seconds from 5 to 600

F:14:8: error: `exercise[2].hold`: the number is too large to read
   |
14 | hold = 1e400
   |        ^^^^^
   |
   = help: a whole number of seconds from 5 to 600

2 problems found
"
    );
}

#[test]
fn a_duplicate_key_is_named() {
    let env = Env::new();
    let said = check(
        &env,
        "exercises/dup.toml",
        format!("{HEAD}name = \"B\"\n").as_bytes(),
    );
    assert_eq!(
        said,
        "F:7:1: error: `name`: the key `name` is given twice
  |
7 | name = \"B\"
  | ^^^^
  |
  = help: keep one of them

1 problem found
"
    );
}

#[test]
fn invalid_utf8_has_a_line_and_column() {
    let env = Env::new();
    let said = check(&env, "r.toml", b"prep = 5\nname = \"R\xff\"\n");
    assert_eq!(
        said,
        "F:2:10: error: is not UTF-8 text: save it as UTF-8\n1 problem found\n"
    );
}

#[test]
fn text_must_be_one_line() {
    let env = Env::new();
    for (escape, shown) in [
        ("\\n", "\\u{a}"),
        ("\\u2028", "\\u{2028}"),
        ("\\u2029", "\\u{2029}"),
    ] {
        let text = HEAD.replace("name = \"A\"", &format!("name = \"A{escape}B\""));
        let said = check(&env, "exercises/lines.toml", text.as_bytes());
        assert_eq!(
            said,
            format!(
                "F:3:8: error: `exercise[1].name`: breaks the line ({shown})
  |
3 | name = \"A{escape}B\"
  |        {carets}
  |
  = help: use plain one-line text; put each instruction in its own string of the array

1 problem found
",
                carets = "^".repeat(4 + escape.len()),
            )
        );
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
    assert_eq!(
        said,
        "F:12:8: error: `exercise[1].phase[2].hold`: invalid type: a table or a date, expected a whole number
   |
12 | hold = 1979-05-27
   |        ^^^^^^^^^^
   |
   = help: a whole number of seconds from 5 to 600

1 problem found
"
    );
}

const LONE_CR_HELP: &str = "  = help: a carriage return alone does not end a line: save the file \
                            with Unix (LF) or Windows (CRLF) line ends\n";

#[test]
fn old_mac_line_ends_are_a_syntax_error_under_a_caret() {
    let env = Env::new();
    let said = check(
        &env,
        "r.toml",
        b"name = \"R\"\r[[step]]\rexercise = \"knee-to-chest\"\r",
    );
    assert_eq!(
        said,
        format!(
            "F:1:11: error: TOML syntax: carriage return must be followed by newline, expected newline
  |
1 | name = \"R\"\\u{{d}}[[step]]\\u{{d}}exercise = \"knee-to-chest\"\\u{{d}}
  |           ^^^^^
  |
{LONE_CR_HELP}
F:1:20: error: TOML syntax: carriage return must be followed by newline, expected newline
  |
1 | name = \"R\"\\u{{d}}[[step]]\\u{{d}}exercise = \"knee-to-chest\"\\u{{d}}
  |                        ^^^^^
  |
{LONE_CR_HELP}
F:1:47: error: TOML syntax: carriage return must be followed by newline, expected newline
  |
1 | name = \"R\"\\u{{d}}[[step]]\\u{{d}}exercise = \"knee-to-chest\"\\u{{d}}
  |                                                       ^^^^^
  |
{LONE_CR_HELP}
3 problems found
"
        )
    );
}

#[test]
fn a_config_that_ends_in_a_carriage_return_is_a_syntax_error_for_every_command() {
    let env = Env::new();
    let path = env.write("config/psoas/config.toml", "weekly_goal = 3\r");
    let expected = format!(
        "{}:1:16: error: TOML syntax: carriage return must be followed by newline, expected newline
  |
1 | weekly_goal = 3\\u{{d}}
  |                ^^^^^
  |
{LONE_CR_HELP}
psoas: the config file has 1 problem; fix it and try again
",
        path.display()
    );
    for args in [
        &["run", "--plain", "desk-break"][..],
        &["list"],
        &["routines"],
        &["config", "show"],
        &["remind", "now"],
        &["history"],
    ] {
        env.psoas(args)
            .env("CI", "true")
            .assert()
            .code(1)
            .stdout("")
            .stderr(expected.clone());
    }
    // `check` reads the library, not the config.
    env.psoas(&["check"]).assert().success();
}

#[test]
fn an_error_at_the_first_byte_has_its_line_and_caret() {
    let env = Env::new();
    let said = check(&env, "exercises/first.toml", b"= 1\n");
    assert_eq!(
        said,
        "F:1:1: error: TOML syntax: unquoted keys cannot be empty, expected letters, numbers, `-`, `_`
  |
1 | = 1
  | ^
  |
  = help: see https://toml.io for the syntax; strings need double quotes

1 problem found
"
    );
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
    assert_eq!(
        said,
        "F:12:6: error: `id`: the exercise id `a` is defined twice
   |
12 | id = \"a\"
   |      ^^^
   |
   = help: it is first defined at F:1:1; give one of them another id

1 problem found
"
    );
}

#[test]
fn an_unknown_key_gets_help_about_keys() {
    let env = Env::new();
    let said = check(
        &env,
        "exercises/keys.toml",
        format!("{HEAD}breathing = {{ hold = 3 }}\nholdd = 30\n").as_bytes(),
    );
    assert_eq!(
        said,
        "F:7:15: error: `exercise[1].breathing.hold`: unknown field `hold`, expected `inhale` or `exhale`
  |
7 | breathing = { hold = 3 }
  |               ^^^^

F:8:1: error: `exercise[1].holdd`: unknown field `holdd`, expected one of `id`, `name`, `kind`, `position`, `each_side`, `hold`, `equipment`, `setup`, `cues`, `cautions`, `avoid_if`, `impact`, `breathing`, `phase`, `harder`, `easier`, `by_name`, `instead`, `switch_sides`, `switch_hint`, `figure`
  |
8 | holdd = 30
  | ^^^^^
  |
  = help: did you mean `hold`?

2 problems found
"
    );
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
    env.psoas(&["list"]).assert().code(1).stderr(format!(
        "psoas: {}:2:9: the config file is not UTF-8 text: save it as UTF-8\n",
        path.display()
    ));
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
