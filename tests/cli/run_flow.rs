//! Tests of what `psoas run` does around the timer: the first-run safety
//! notice, exercises left out for a condition, tension check-ins, the history
//! record, `--minutes`, and spoken cues.

use predicates::prelude::*;
use serde_json::Value;

use crate::{Env, stdout_of};

/// A two-hold routine that takes 62 plan seconds (20 of holding, the rest
/// to say the set-up, cautions and stop rule): well under a second at
/// `--speed 200`.
const QUICK: &str = "name = \"Quick\"\nwarm_up = false\nprep = 0\ntransition = 0\n\n[[step]]\nexercise = \"knee-to-chest\"\nhold = 10\n";

/// One hold of 5 seconds, with no time to get into position but the 12
/// seconds its words take to say: a session that is recorded runs at real
/// speed, as a `--speed` preview is not, on the virtual clock.
const TINY: &str = "name = \"Tiny\"\nwarm_up = false\nprep = 0\ntransition = 0\n\n[[step]]\nexercise = \"still\"\n";
const STILL: &str = "[[exercise]]\nid = \"still\"\nname = \"Stand still\"\nkind = \"stretch\"\nposition = \"standing\"\nhold = 5\nsetup = [\"Stand tall.\"]\n";

fn quick_env() -> Env {
    let env = Env::new();
    env.write("config/psoas/routines/quick.toml", QUICK);
    env.write("config/psoas/routines/tiny.toml", TINY);
    env.write("config/psoas/routines/exercises/still.toml", STILL);
    env
}

fn run(env: &Env, extra: &[&str]) -> assert_cmd::Command {
    let mut args = vec!["run", "quick", "--plain", "--speed", "200"];
    args.extend_from_slice(extra);
    env.psoas(&args)
}

/// `tiny` in plain mode at real speed (17 plan seconds), on the virtual
/// clock.
fn run_tiny(env: &Env, extra: &[&str]) -> assert_cmd::Command {
    let mut args = vec!["run", "tiny", "--plain"];
    args.extend_from_slice(extra);
    env.psoas_at_once(&args)
}

fn history_lines(env: &Env) -> Vec<Value> {
    match std::fs::read_to_string(env.state_dir().join("history.jsonl")) {
        Ok(text) => text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn the_safety_notice_comes_first_and_only_once() {
    let env = quick_env();
    // `--no-record` writes nothing, not even that the notice was shown.
    let first = stdout_of(&mut run(&env, &["--no-record"]));
    assert!(
        first.starts_with("[00:00] psoas is not medical advice."),
        "{first}"
    );
    assert!(!env.state_dir().exists());
    let again = stdout_of(&mut run(&env, &[]));
    assert!(again.starts_with("[00:00] psoas is not medical advice."));
    assert!(env.state_dir().join("notice-shown").is_file());
    let third = stdout_of(&mut run(&env, &[]));
    assert!(!third.contains("not medical advice"), "{third}");
}

#[test]
fn a_finished_run_is_recorded_with_its_check_ins_and_note() {
    let env = quick_env();
    let out = stdout_of(&mut run_tiny(
        &env,
        &[
            "--tension-before",
            "7",
            "--tension-after",
            "4",
            "--note",
            "stiff morning",
        ],
    ));
    // Under the summary: that one 5-second hold is a break, not a session,
    // where the week stands and the change in tension.
    assert!(
        out.ends_with(
            "[00:17] Routine complete: 0:17, 1 hold done, 0 skipped\n\
             [00:17] A break: 0:05 held, less than the 5 minutes a session holds to count, \
             so it is recorded as a break and does not count toward the week\n\
             [00:17] This week: 0 of 3\n\
             [00:17] Tension: 7 → 4, down 3\n"
        ),
        "{out}"
    );
    let records = history_lines(&env);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["v"], 1);
    assert_eq!(r["routine_id"], "tiny");
    assert_eq!(r["routine_name"], "Tiny");
    assert_eq!(r["planned_seconds"], 17);
    assert_eq!(r["planned_hold_seconds"], 5);
    assert_eq!(r["held_seconds"], 5);
    assert_eq!(r["level"], 1);
    assert_eq!(
        (&r["holds_done"], &r["holds_skipped"]),
        (&Value::from(1), &Value::from(0))
    );
    assert_eq!(r["finished"], true);
    assert_eq!(
        (&r["tension_before"], &r["tension_after"]),
        (&Value::from(7), &Value::from(4))
    );
    assert_eq!(r["note"], "stiff morning");
    let started = chrono::DateTime::parse_from_rfc3339(r["started_at"].as_str().unwrap()).unwrap();
    assert!((chrono::Utc::now() - started.to_utc()).num_seconds().abs() < 120);
}

#[test]
fn no_record_writes_nothing() {
    let env = quick_env();
    run_tiny(&env, &["--no-record"]).assert().success();
    assert!(!env.state_dir().exists(), "no state folder, no file in it");
}

#[test]
fn a_preview_is_not_recorded_and_says_so() {
    let env = quick_env();
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut run(&env, &[]));
    assert!(
        out.ends_with(
            "[01:02] Routine complete: 1:02, 2 holds done, 0 skipped\n\
             [01:02] Preview at 200× speed: not recorded\n"
        ),
        "{out}"
    );
    assert!(history_lines(&env).is_empty());
}

#[test]
fn a_history_that_cannot_be_written_is_an_error_after_the_summary() {
    let env = quick_env();
    // A regular file where the state folder should be: not even root can write there.
    env.write("blocked", "");
    let output = run_tiny(&env, &[])
        .env("PSOAS_STATE_DIR", env.root().join("blocked/psoas"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.ends_with("Routine complete: 0:17, 1 hold done, 0 skipped\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("psoas: "), "{stderr}");
    assert!(stderr.contains("blocked/psoas"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn exercises_to_avoid_are_left_out_with_a_line_each() {
    let env = Env::new();
    env.write(
        "config/psoas/routines/mixed.toml",
        "name = \"Mixed\"\nwarm_up = false\nprep = 0\n[[step]]\nexercise = \"low-lunge\"\nhold = 5\n[[step]]\nexercise = \"knee-to-chest\"\nhold = 5\n",
    );
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "mixed",
        "--plain",
        "--no-record",
        "--condition",
        "knee-pain",
    ]));
    assert!(
        out.contains("[00:00] Left out: Low lunge (low-lunge), to avoid with knee pain or a knee injury (kneeling positions).\n"),
        "{out}"
    );
    assert!(!out.contains("Step 1 of 2"), "only one step is left: {out}");
    assert!(
        out.contains("Step 1 of 1: Lying single knee to chest"),
        "{out}"
    );

    env.write(
        "config/psoas/config.toml",
        "conditions = [\"knee-pain\", \"pregnancy\", \"recent-surgery\"]\n",
    );
    env.psoas(&["run", "mixed", "--plain", "--no-record"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "nothing is left of routine `mixed`",
        ));
}

#[test]
fn minutes_plans_and_runs_in_one_go() {
    let env = Env::new();
    let out = stdout_of(&mut env.psoas_at_once(&[
        "run",
        "--minutes",
        "4",
        "--plain",
        "--no-warm-up",
        "--no-record",
    ]));
    let last = out.lines().last().unwrap();
    assert!(last.contains("Routine complete: "), "{out}");
    let total = last
        .split("Routine complete: ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap();
    let (m, s) = total.split_once(':').unwrap();
    let seconds: u32 = m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap();
    assert!(
        (192..=240).contains(&seconds),
        "planned {seconds} s for 4 minutes"
    );
    env.psoas(&["run", "daily", "--minutes", "4"])
        .assert()
        .code(2);
}

/// A warm-up comes on top of the minutes asked for, so its choice says how
/// long the whole session then takes.
#[test]
fn the_warm_up_choice_says_the_total_with_minutes() {
    use crate::run::pty::Pty;
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    env.write("config/psoas/config.toml", "check_in = false\n");
    let mut pty = Pty::spawn_at_once(&env, &["run", "--minutes", "5"]);
    let screen = pty.wait_for(&["Warm up first", " in all"]);
    let seconds = |time: &str| {
        let (m, s) = time.split_once(':').unwrap();
        m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap()
    };
    let choice = screen
        .lines()
        .find_map(|l| l.strip_prefix("w      warm-up "))
        .and_then(|l| l.strip_suffix(" in all"))
        .unwrap_or_else(|| panic!("{screen}"));
    let (warm_up, total) = choice.split_once(", ").unwrap();
    let routine = seconds(total) - seconds(warm_up);
    assert!((240..=300).contains(&routine), "{screen}");
    pty.send(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn get_readies_last_until_their_words_are_said_at_the_voice_pace() {
    let env = quick_env();
    let first_ready = |extra: &[&str]| {
        let out = stdout_of(&mut run(&env, &[&["--no-record"], extra].concat()));
        out.lines()
            .find(|l| l.contains("Get into position"))
            .unwrap_or_else(|| panic!("{out}"))
            .to_string()
    };
    // 96 words: 39 s at 150 words a minute, 77 s at 75, 20 s at 300, each
    // with the count of 3.
    assert!(first_ready(&[]).ends_with("Get into position (42 s)."));
    env.write("config/psoas/config.toml", "voice_pace = 75\n");
    assert!(first_ready(&[]).ends_with("Get into position (80 s)."));
    // The flag beats the config.
    assert!(first_ready(&["--voice-pace", "300"]).ends_with("Get into position (23 s)."));
    run(&env, &["--voice-pace", "20"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value '20' for '--voice-pace <WPM>': a whole number from 60 to 450",
        ));
}

#[test]
fn cues_are_spoken_through_the_voice_command() {
    let env = quick_env();
    let log = env.root().join("spoken.txt");
    let speaker = env.write(
        "bin/fake-speak",
        &format!(
            "#!/bin/sh\ncat >> '{}'\necho >> '{}'\n",
            log.display(),
            log.display()
        ),
    );
    make_executable(&speaker);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "voice = true\nvoice_command = [\"{}\"]\n",
            speaker.display()
        ),
    );
    env.psoas_at_once(&["run", "quick", "--plain", "--no-record"])
        .assert()
        .success();
    // Each cue's program is ended with its process group before psoas exits,
    // and these two were done long before: the count-in waits for them.
    let spoken = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(spoken.contains("Lying single knee to chest"), "{spoken}");
    assert!(spoken.contains("Switch sides"), "{spoken}");
    // --no-voice beats the config.
    std::fs::remove_file(&log).ok();
    run(&env, &["--no-record", "--no-voice"]).assert().success();
    assert!(!log.exists());
}

#[test]
fn a_hold_waits_until_the_get_ready_words_are_said() {
    use std::io::{BufRead, BufReader};
    let env = quick_env();
    let log = env.root().join("spoken.txt");
    // A voice that takes a moment to say anything, then notes what it said.
    let speaker = env.write(
        "bin/slow-speak",
        &format!(
            "#!/bin/sh\ntext=$(cat)\nsleep 0.2\nprintf '%s\\n' \"$text\" >> '{}'\n",
            log.display()
        ),
    );
    make_executable(&speaker);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "voice = true\nvoice_command = [\"{}\"]\n",
            speaker.display()
        ),
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_psoas"))
        .args(["run", "quick", "--plain", "--no-record"])
        .env_clear()
        .env(crate::VIRTUAL_CLOCK.0, crate::VIRTUAL_CLOCK.1)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.root().join("home"))
        .env("XDG_CONFIG_HOME", env.root().join("config"))
        .env("XDG_STATE_HOME", env.root().join("state"))
        .current_dir(env.work())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap());
    let mut holds = 0;
    for line in lines.lines() {
        let line = line.unwrap();
        if line.contains("side: hold 10 s") {
            holds += 1;
            // By the time the hold starts, the words of its get-ready have
            // been said in full (on the virtual clock, without waiting, the
            // hold would start long before the voice is done).
            let spoken = std::fs::read_to_string(&log).unwrap_or_default();
            let expected = if holds == 1 {
                "Left side. Get into position. On your back with knees bent"
            } else {
                "Switch sides: right side. Mirror the position on the other side."
            };
            assert!(
                spoken.contains(expected),
                "{line}: only {spoken:?} was said"
            );
        }
    }
    assert_eq!(holds, 2);
    assert!(child.wait().unwrap().success());
}

/// A voice program in `env` that takes a moment to say anything, then notes
/// what it said in `spoken.txt`; and an env set to speak through it, with
/// the notice and the check-ins behind the person.
fn slow_voice_env() -> (Env, std::path::PathBuf) {
    let env = quick_env();
    let log = env.root().join("spoken.txt");
    let speaker = env.write(
        "bin/slow-speak",
        &format!(
            "#!/bin/sh\ntext=$(cat)\nsleep 0.3\nprintf '%s\\n' \"$text\" >> '{}'\n",
            log.display()
        ),
    );
    make_executable(&speaker);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "voice = true\nvoice_command = [\"{}\"]\ncheck_in = false\n",
            speaker.display()
        ),
    );
    env.write("state/psoas/notice-shown", "");
    (env, log)
}

#[test]
fn the_last_words_are_heard_before_psoas_exits() {
    const LAST: &str = "Time: ease out of the position slowly. Routine complete.\n";
    let (env, log) = slow_voice_env();
    run(&env, &["--no-record"]).assert().success();
    let spoken = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(spoken.ends_with(LAST), "{spoken}");

    // On the screen too.
    std::fs::remove_file(&log).unwrap();
    let mut pty =
        crate::run::pty::Pty::spawn(&env, &["run", "quick", "--speed", "200", "--no-record"]);
    assert_eq!(pty.wait_exit(), 0);
    let spoken = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(spoken.ends_with(LAST), "{spoken}");
}

#[test]
fn a_signal_while_the_last_words_are_said_ends_the_program_and_the_voice() {
    use std::io::{BufRead, BufReader};
    let env = quick_env();
    let last = env.root().join("last-pid");
    // Says every cue at once but the last, which it never finishes.
    let speaker = env.write(
        "bin/stuck-at-the-end",
        &format!(
            "#!/bin/sh\ncase \"$(cat)\" in *'Routine complete'*) echo $$ > '{}'; exec sleep 30;; esac\n",
            last.display()
        ),
    );
    make_executable(&speaker);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "voice = true\nvoice_command = [\"{}\"]\n",
            speaker.display()
        ),
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_psoas"))
        .args(["run", "quick", "--plain", "--speed", "200", "--no-record"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.root().join("home"))
        .env("XDG_CONFIG_HOME", env.root().join("config"))
        .env("XDG_STATE_HOME", env.root().join("state"))
        .current_dir(env.work())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.any(|l| l.unwrap().contains("Routine complete")));
    // psoas now waits for the last words, which are being said.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let pid = loop {
        let text = std::fs::read_to_string(&last).unwrap_or_default();
        if text.ends_with('\n') {
            break text.trim().to_string();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the last words never came"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(
        child.try_wait().unwrap(),
        None,
        "did not wait for the last words"
    );
    let kill = |signal: &str, pid: &str| {
        std::process::Command::new("kill")
            .args([signal, pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    assert!(kill("-TERM", &child.id().to_string()));
    assert_eq!(child.wait().unwrap().code(), Some(143));
    // The voice program was ended before psoas exited, not left behind.
    assert!(
        !kill("-0", &pid),
        "the voice program {pid} is still running"
    );
}

#[test]
fn a_voice_that_fails_on_every_cue_is_told_once() {
    const TOLD: &str = "The voice program fail-speak failed (exit code 1): cues may not be heard. Check voice_command in the config.";
    let env = quick_env();
    let speaker = env.write("bin/fail-speak", "#!/bin/sh\ncat > /dev/null\nexit 1\n");
    make_executable(&speaker);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "voice = true\nvoice_command = [\"{}\"]\ncheck_in = false\n",
            speaker.display()
        ),
    );
    env.write("state/psoas/notice-shown", "");
    let out = stdout_of(&mut run(&env, &["--no-record"]));
    let told: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("voice program"))
        .collect();
    assert_eq!(told.len(), 1, "{out}");
    assert!(told[0].ends_with(TOLD), "{out}");
    assert!(
        out.lines().last().unwrap().contains("Routine complete"),
        "{out}"
    );

    // The screen shows it above the key hints, in time.
    let mut pty =
        crate::run::pty::Pty::spawn_sized(&env, &["run", "quick", "--no-record"], (24, 120));
    let screen = pty.wait_for(&[TOLD]);
    assert!(screen.contains("Get into position"), "{screen}");
    pty.send(b"q");
    pty.wait_for(&["Quit?"]);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn interactive_runs_show_the_notice_and_ask_for_tension_before_and_after() {
    use crate::run::pty::Pty;
    let env = quick_env();
    // Tall enough for the whole notice, narrow enough to wrap it often.
    let mut pty = Pty::spawn_at_once_sized(&env, &["run", "tiny"], (30, 40));
    // The notice has a screen of its own, wrapped at word boundaries, and
    // waits for Enter.
    let _snapshots = crate::snapshots();
    let notice = pty.wait_for(&["Before you start", "Press Enter to go on."]);
    assert!(!notice.contains("How tense"), "{notice}");
    pty.assert_whole(&["physiotherapist", "radiating", "tingling."]);
    assert!(notice.lines().all(|l| l.chars().count() < 40), "{notice}");
    insta::assert_snapshot!("interactive_run_1_notice_40x30", pty.shown());
    // What is typed while the notice waits is not shown.
    pty.send(b"ok");
    pty.send(b"\r");
    pty.wait_for(&["0 is no tension", "(Enter to skip):"]);
    let output = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(!output.contains("ok"), "{output:?}");
    // The question and the answer to a wrong one wrap at word boundaries.
    pty.assert_whole(&["tension,", "worst", "you", "can", "imagine."]);
    insta::assert_snapshot!("interactive_run_2_question_before_40x30", pty.shown());
    pty.send(b"eleven\r");
    pty.wait_until("the question again after the wrong answer", |rows| {
        let text = rows.join("\n");
        text.contains("Please type a whole number") && text.trim_end().ends_with("(Enter to skip):")
    });
    pty.assert_whole(&["press", "Enter", "skip."]);
    insta::assert_snapshot!("interactive_run_3_wrong_answer_40x30", pty.shown());
    pty.send(b"6\r");
    // The routine runs on the alternate screen, then the summary and the second question.
    pty.wait_until("the summary and the question after", |rows| {
        let text = rows.join("\n");
        text.contains("0 skipped.")
            && text.contains("Before the routine you said 6.")
            && text.trim_end().ends_with("(Enter to skip):")
    });
    pty.assert_whole(&["holding).", "Holds:", "done,", "imagine."]);
    insta::assert_snapshot!(
        "interactive_run_4_summary_and_question_after_40x30",
        pty.shown()
    );
    pty.send(b"2\r");
    pty.wait_for(&["This week: 0 of 3", "Tension: 6 → 2, down 4"]);
    assert_eq!(pty.wait_exit(), 0);
    insta::assert_snapshot!("interactive_run_5_after_the_run_40x30", pty.shown());
    let records = history_lines(&env);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(
        (&records[0]["tension_before"], &records[0]["tension_after"]),
        (&Value::from(6), &Value::from(2))
    );
}

/// Closing the terminal at the notice or at either question ends the
/// program as a hang-up anywhere else does, with 129; a session already run
/// is recorded.
#[test]
fn closing_the_terminal_at_the_notice_or_a_question_exits_129() {
    use crate::run::pty::Pty;
    let env = quick_env();
    let mut pty = Pty::spawn_at_once(&env, &["run", "tiny"]);
    pty.wait_for(&["Press Enter to go on."]);
    pty.hang_up();
    assert_eq!(pty.wait_exit(), 129, "at the notice");

    env.write("state/psoas/notice-shown", "");
    let mut pty = Pty::spawn_at_once(&env, &["run", "tiny"]);
    pty.wait_for(&["(Enter to skip):"]);
    pty.hang_up();
    assert_eq!(pty.wait_exit(), 129, "at the question before");
    assert!(history_lines(&env).is_empty());

    let mut pty = Pty::spawn_at_once(&env, &["run", "tiny"]);
    pty.wait_for(&["(Enter to skip):"]);
    pty.send(b"6\r");
    pty.wait_for(&["Before the routine you said 6.", "(Enter to skip):"]);
    pty.hang_up();
    assert_eq!(pty.wait_exit(), 129, "at the question after");
    let records = history_lines(&env);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(
        (&records[0]["tension_before"], &records[0]["tension_after"]),
        (&Value::from(6), &Value::Null)
    );
}

#[test]
fn no_check_in_asks_nothing() {
    use crate::run::pty::Pty;
    let env = quick_env();
    env.write("state/psoas/notice-shown", "");
    let mut pty = Pty::spawn_at_once(&env, &["run", "tiny", "--no-check-in"]);
    assert_eq!(pty.wait_exit(), 0);
    assert!(!pty.screen().contains("Tension"), "{}", pty.screen());
    assert_eq!(history_lines(&env)[0]["tension_before"], Value::Null);
}

#[test]
fn signals_at_the_questions_end_the_program_and_keep_the_session() {
    use crate::run::pty::Pty;
    let env = quick_env();
    env.write("state/psoas/notice-shown", "");
    // Only a session at real speed asks the question after.
    let mut pty = Pty::spawn_at_once(&env, &["run", "tiny"]);
    pty.wait_for(&["(Enter to skip):"]);
    pty.send(b"6\r");
    pty.wait_for(&["Before the routine you said 6.", "(Enter to skip):"]);
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
    let records = history_lines(&env);
    assert_eq!(records.len(), 1, "recorded before the program ended");
    assert_eq!(
        (&records[0]["tension_before"], &records[0]["tension_after"]),
        (&Value::from(6), &Value::Null)
    );

    // Before the routine, nothing is recorded.
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let mut pty = Pty::spawn(&env, &["run", "quick", "--speed", "100"]);
        pty.wait_for(&["(Enter to skip):"]);
        let status = std::process::Command::new("kill")
            .args(["-s", signal, &pty.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(pty.wait_exit(), code, "SIG{signal}");
    }
    assert_eq!(history_lines(&env).len(), 1);
}
