//! Command-line conventions: the later of two opposite flags wins, one range
//! for `--minutes`, ids in any case, errors that say the form expected, and
//! help that lists the valid values.

use crate::{Env, stdout_of};

/// Stderr of a run that fails with usage status 2.
fn usage_error(env: &Env, args: &[&str]) -> String {
    let output = env.psoas(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn the_later_of_two_opposite_flags_wins() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let run = |flags: &[&str]| {
        let mut args = vec!["run", "desk-break", "--no-record"];
        args.extend_from_slice(flags);
        stdout_of(&mut env.psoas_at_once(&args))
    };
    let guided = run(&["--no-warm-up", "--warm-up"]);
    assert!(guided.contains("[00:00] Warm-up 1 of "), "{guided}");
    let skipped = run(&["--warm-up", "--no-warm-up"]);
    assert!(!skipped.contains("Warm-up"), "{skipped}");
    // Voice flags the same way: neither is an error, whichever comes last.
    run(&["--voice", "--no-voice"]);
}

#[test]
fn run_and_plan_share_one_minutes_range() {
    let env = Env::new();
    let _snapshots = crate::snapshots();
    for command in ["run", "plan"] {
        for minutes in ["181", "0"] {
            insta::assert_snapshot!(
                format!("{command}_minutes_{minutes}"),
                usage_error(&env, &[command, "--minutes", minutes])
            );
        }
    }
}

#[test]
fn ids_match_whatever_their_case() {
    let env = Env::new();
    let lower = stdout_of(&mut env.psoas(&["show", "standing-pelvic-tilt"]));
    let upper = stdout_of(&mut env.psoas(&["show", "Standing-Pelvic-TILT"]));
    assert_eq!(lower, upper);
    let lower = stdout_of(&mut env.psoas(&["print", "desk-break"]));
    let upper = stdout_of(&mut env.psoas(&["print", "DESK-BREAK"]));
    assert_eq!(lower, upper);
}

#[test]
fn since_says_the_form_it_expects() {
    let env = Env::new();
    let said = usage_error(&env, &["history", "--since", "last week"]);
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("history_since_last_week", said);
}

#[test]
fn help_lists_the_valid_values_of_every_named_option() {
    let env = Env::new();
    let plan = stdout_of(&mut env.psoas(&["plan", "--help"]));
    let list = stdout_of(&mut env.psoas(&["list", "--help"]));
    let flat = |help: &str| help.split_whitespace().collect::<Vec<_>>().join(" ");
    let (plan, list) = (flat(&plan), flat(&list));
    use psoas_coach::library::{Condition, Equipment, Kind, Position};
    let names = |all: Vec<&str>| format!("[possible values: {}]", all.join(", "));
    let positions = names(Position::ALL.iter().map(|v| v.name()).collect());
    let kinds = names(Kind::ALL.iter().map(|v| v.name()).collect());
    let equipment = names(Equipment::ALL.iter().map(|v| v.name()).collect());
    let conditions = names(Condition::ALL.iter().map(|v| v.name()).collect());
    for (help, values) in [
        (&plan, &positions),
        (&plan, &equipment),
        (&plan, &conditions),
        (&list, &kinds),
        (&list, &positions),
        (&list, &equipment),
    ] {
        assert!(help.contains(values.as_str()), "{values} in\n{help}");
    }
    let said = usage_error(&env, &["list", "--position", "upside-down"]);
    assert!(said.contains("[possible values: standing, "), "{said}");
}

#[test]
fn library_appears_only_where_it_is_used() {
    let env = Env::new();
    let help = |args: &[&str]| stdout_of(&mut env.psoas(args));
    for command in ["list", "show", "routines", "print", "check", "run", "plan"] {
        assert!(
            help(&[command, "--help"]).contains("--library <DIR>"),
            "{command}"
        );
    }
    for command in ["history", "config", "completions", "man"] {
        assert!(
            !help(&[command, "--help"]).contains("--library"),
            "{command}"
        );
    }
    assert!(!help(&["--help"]).contains("--library"));
    // Given after the command, as its help shows, or before it, as it was.
    let dir = env.root().join("lib");
    env.write(
        "lib/mine.toml",
        "name = \"Mine\"\n[[step]]\nexercise = \"standing-pelvic-tilt\"\n",
    );
    let dir = dir.display().to_string();
    let after = help(&["routines", "--library", &dir]);
    let before = help(&["--library", &dir, "routines"]);
    assert!(after.contains("mine "), "{after}");
    assert_eq!(after, before);
}
