//! Diagnostics by exact text: the full key, what is valid also for values of
//! the wrong type or too large to read, the duplicated key by name, invalid
//! UTF-8 by line and column, text that must be one line, the line of the
//! file with a caret under the place, and the cap on how many are printed.

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
