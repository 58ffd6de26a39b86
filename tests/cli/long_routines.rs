//! A routine lasts at most 4 hours: one that lasts 5 is refused at the step
//! that passes 4, by file, line, column and key; one of 4 hours exactly is
//! kept, printed and run.

use crate::{Env, stdout_of};

const LONG: &str = "[[exercise]]\nid = \"long\"\nname = \"Long\"\nkind = \"stretch\"\n\
                    position = \"lying\"\nhold = 600\nsetup = [\"Lie down.\"]\n";

/// A routine of 10-minute holds with no time to get ready: `first` of
/// them, then `then`.
fn routine(first: u32, then: u32) -> String {
    format!(
        "name = \"Long\"\nprep = 0\ntransition = 0\n\
         [[step]]\nexercise = \"long\"\nrepeat = {first}\n\
         [[step]]\nexercise = \"long\"\nrepeat = {then}\n"
    )
}

fn env_with(routine: &str) -> Env {
    let env = Env::new();
    env.write("config/psoas/routines/exercises/long.toml", LONG);
    env.write("config/psoas/routines/long.toml", routine);
    env
}

#[test]
fn a_routine_of_five_hours_is_refused_at_the_step_that_passes_four() {
    let env = env_with(&routine(20, 10));
    let output = env.psoas(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let said = String::from_utf8(output.stderr)
        .unwrap()
        .replace(&env.root().display().to_string(), "[ROOT]");
    insta::assert_snapshot!(said);
    let output = env.psoas(&["print", "long"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
}

#[test]
fn a_routine_of_four_hours_is_kept_printed_and_run() {
    let env = env_with(&routine(20, 4));
    let checked = stdout_of(&mut env.psoas(&["check"]));
    assert!(checked.ends_with(" routines, no problems\n"), "{checked}");
    assert!(stdout_of(&mut env.psoas(&["print", "long"])).starts_with("Long\n"));
    let out = stdout_of(&mut env.psoas_at_once(&["run", "--plain", "--no-record", "long"]));
    let last = out.lines().last().unwrap();
    assert!(
        last.ends_with("Routine complete: 4:00:12, 24 holds done, 0 skipped"),
        "{last}"
    );
}
