//! Tests of safety filtering: `--condition` on `print` and `list`, a routine
//! with nothing left, the notice in `--help`, what a routine needs said up
//! front, and the guided warm-up's impact.

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
    let output = env
        .psoas(&["print", "backbends.toml", "--condition", "herniated-disc"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(
        "print_with_every_step_left_out",
        String::from_utf8_lossy(&output.stderr)
    );
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
            "not getting better within a few weeks",
            "Get urgent medical help if back pain comes with new trouble passing urine",
            "numbness around the genitals, buttocks or inner thighs",
            "weakness in a leg that is getting worse",
            "a fever or weight loss you cannot explain, or if it started with a fall.",
        ] {
            assert!(help.contains(words), "`{words}` is not in {flag}:\n{help}");
        }
    }
}

#[test]
fn a_sheet_with_steps_left_out_says_its_summary_is_the_routine_as_written() {
    let env = Env::new();
    let sheet = stdout_of(&mut env.psoas(&["print", "daily", "--condition", "recent-surgery"]));
    let head: Vec<&str> = sheet.lines().take(9).collect();
    assert_eq!(
        head,
        [
            "Daily psoas and lower-back routine",
            "==================================",
            "",
            "3:20 the first time, 2:49 once familiar · 1 step · 1 hold · routine `daily`",
            "",
            "Gentle hip-flexor and lower-back stretches, standing, then kneeling and lying after a guided way down to the floor, finishing with slow breathing.",
            "",
            "That is the routine as written; for your conditions 9 of its 10 steps are left out (listed below), and what is left takes the time shown above.",
            "",
        ]
    );
    assert!(
        sheet.contains("\nYou need a cushion or folded towel.\n"),
        "{sheet}"
    );
}

#[test]
fn run_says_what_the_routine_needs_before_the_first_hold() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "full",
        "--plain",
        "--no-record",
        "--no-warm-up",
    ]));
    let first: Vec<&str> = out.lines().take(2).collect();
    assert_eq!(
        first,
        [
            "[00:00] You need a massage or tennis ball, a foam roller, a clear stretch of wall, a sturdy chair and a cushion or folded towel.",
            "[00:00] Step 1 of 22: Standing pelvic tilts. Get into position (41 s).",
        ]
    );
}

#[test]
fn the_guided_warm_up_jogs_only_when_asked_to_be_brisk() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    // Which of the warm-ups the transcript names.
    let warm_up = |extra: &[&str]| {
        let mut args = vec!["run", "desk-break", "--plain", "--no-record", "--warm-up"];
        args.extend_from_slice(extra);
        let out = stdout_of(&mut env.psoas_at_once(&args));
        [
            "Marching in place",
            "Jogging in place",
            "Jumping jacks",
            "Step jacks",
            "Standing hip circles",
        ]
        .into_iter()
        .filter(|name| out.contains(name))
        .collect::<Vec<_>>()
    };
    let gentle = ["Marching in place", "Step jacks", "Standing hip circles"];
    let brisk = ["Marching in place", "Jogging in place", "Jumping jacks"];
    assert_eq!(warm_up(&[]), gentle);
    assert_eq!(warm_up(&["--brisk-warm-up"]), brisk);
    assert_eq!(
        warm_up(&["--brisk-warm-up", "--condition", "knee-pain"]),
        gentle
    );
    env.write("config/psoas/config.toml", "brisk_warm_up = true\n");
    assert_eq!(warm_up(&[]), brisk);
}

#[test]
fn the_warm_up_reminder_fits_the_conditions_given() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let reminder = |extra: &[&str]| {
        let mut args = vec!["run", "daily", "--plain", "--no-record"];
        args.extend_from_slice(extra);
        let out = stdout_of(&mut env.psoas_at_once(&args));
        let reminders: Vec<String> = out
            .lines()
            .filter(|l| l.contains("Warm up first"))
            .map(str::to_owned)
            .collect();
        assert_eq!(reminders.len(), 1, "{out}");
        reminders[0].clone()
    };
    assert_eq!(
        reminder(&[]),
        "[00:00] Warm up first: Warm muscles stretch further and more safely: walk about or march gently on the spot for two or three minutes first."
    );
    assert_eq!(
        reminder(&["--condition", "hip-replacement"]),
        "[00:00] Warm up first: Warm muscles stretch further and more safely: walk about or march gently on the spot for two or three minutes first. After a hip replacement, lift each knee no higher than your hip, and use your walking aid if you still need one."
    );
    let sheet = stdout_of(&mut env.psoas(&["print", "daily", "--condition", "recent-surgery"]));
    assert!(
        sheet.contains(
            "Warm up first. Soon after surgery, warm up only as your surgeon allows: a few minutes of gentle walking if you are allowed to walk about, and otherwise none. `psoas run` offers a guided warm-up."
        ),
        "{sheet}"
    );
    assert!(!sheet.contains("march gently"), "{sheet}");
}

/// Every built-in routine prints under every condition (none is left
/// empty, which would exit 1), each step left out is named with that
/// condition, and the sheet ends with the notice. The side check is the one
/// exception: a hip replacement or recent surgery rules out every psoas
/// stretch, so it says nothing is left of it.
#[test]
fn every_routine_prints_under_every_condition() {
    let env = Env::new();
    let routines: serde_json::Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["routines", "--format", "json"]),
    ))
    .unwrap();
    let tags = [
        ("herniated-disc", "a herniated or bulging disc"),
        ("pregnancy", "pregnancy"),
        ("recent-surgery", "recent abdominal, hip or back surgery"),
        ("hip-replacement", "a hip replacement"),
        ("osteoporosis", "osteoporosis"),
        ("knee-pain", "knee pain"),
        ("spinal-stenosis", "spinal stenosis"),
        ("abdominal", "a reason not to press on the belly"),
    ];
    let routines = routines.as_array().unwrap();
    assert!(routines.len() >= 9, "{routines:?}");
    for routine in routines {
        let id = routine["id"].as_str().unwrap();
        for (tag, said) in tags {
            if id == "side-check" && ["recent-surgery", "hip-replacement"].contains(&tag) {
                env.psoas(&["print", id, "--condition", tag])
                    .assert()
                    .failure()
                    .stderr(
                        "psoas: nothing is left of routine `side-check` once the exercises \
                         to avoid are left out\n",
                    );
                continue;
            }
            let sheet = stdout_of(&mut env.psoas(&["print", id, "--condition", tag]));
            for line in sheet.lines().filter(|l| l.starts_with("Left out: ")) {
                assert!(
                    line.contains(&format!("to avoid with {said}")),
                    "{id} with {tag}: {line}"
                );
            }
            assert!(
                sheet.contains("1. "),
                "{id} with {tag} has no step:\n{sheet}"
            );
            assert!(
                sheet.trim_end().ends_with(
                    "a fever or weight loss you cannot explain, or if it started with a fall."
                ),
                "{id} with {tag} does not end with the notice"
            );
        }
    }
}

/// On the screen, the warm-up question carries the words for the person's
/// conditions.
#[test]
fn the_warm_up_question_on_the_screen_fits_the_conditions() {
    use crate::run::pty::Pty;
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    env.write("config/psoas/config.toml", "check_in = false\n");
    let mut pty = Pty::spawn(&env, &["run", "daily", "--condition", "recent-surgery"]);
    let screen = pty.wait_for(&["Warm up first", "Soon after surgery", "already warm"]);
    assert!(!screen.contains("march gently"), "{screen}");
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
}
