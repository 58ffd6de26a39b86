//! Tests of safety filtering: `--condition` on `print` and `list`, a routine
//! with nothing left, and the notice in `--help`.

use predicates::prelude::*;

use crate::{Env, stdout_of};

#[test]
fn print_names_each_exercise_left_out() {
    let env = Env::new();
    let sheet = stdout_of(&mut env.psoas(&["print", "--condition", "herniated-disc", "daily"]));
    assert!(
        sheet.contains(
            "Left out: Half-kneeling reach and side bend (kneeling-reach-side-bend), to avoid with a herniated or bulging disc in the lower back."
        ),
        "{sheet}"
    );
    assert!(
        !sheet.contains(". Half-kneeling reach and side bend —"),
        "{sheet}"
    );
    let plain = stdout_of(&mut env.psoas(&["print", "daily"]));
    assert!(!plain.contains("Left out"), "{plain}");
}

#[test]
fn a_routine_with_every_step_avoided_says_so_and_exits_1() {
    let env = Env::new();
    env.write(
        "work/backbends.toml",
        "name = \"Back bends\"\n[[step]]\nexercise = \"sphinx\"\n[[step]]\nexercise = \"low-lunge\"\n",
    );
    env.psoas(&["print", "backbends.toml", "--condition", "herniated-disc"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "nothing is left of routine `backbends` once the exercises to avoid are left out",
        ));
}

#[test]
fn list_marks_what_to_avoid() {
    let env = Env::new();
    let listed = stdout_of(&mut env.psoas(&["list", "--condition", "pregnancy"]));
    let line = listed.lines().find(|l| l.contains("sphinx ")).unwrap();
    assert!(line.ends_with("AVOID (pregnancy)"), "{line}");
    let line = listed
        .lines()
        .find(|l| l.contains("side-lying-breathing"))
        .unwrap();
    assert!(!line.contains("AVOID"), "{line}");
}

#[test]
fn help_carries_the_safety_notice() {
    let env = Env::new();
    for flag in ["-h", "--help"] {
        let help = stdout_of(&mut env.psoas(&[flag]));
        // Help is wrapped to the terminal's width.
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [
            "not medical advice",
            "sharp, shooting or radiating pain, numbness or tingling",
        ] {
            assert!(help.contains(words), "`{words}` is not in {flag}:\n{help}");
        }
    }
}
