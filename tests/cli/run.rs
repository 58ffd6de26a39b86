//! Tests of `psoas run`: the plain transcript, and the interactive screen in
//! a pseudo-terminal (keys, signals, and the terminal handed back after).

pub(crate) mod pty;
mod screen;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{Env, stdout_of};
use pty::Pty;

/// The routine `mini` and its exercises, shared with the unit tests.
const EXERCISES: &str = include_str!("../fixtures/mini/exercises/mini.toml");
const ROUTINE: &str = include_str!("../fixtures/mini/mini.toml");

/// An env with the three-step routine `mini` in `lib/`, for someone who has
/// run psoas before (the safety notice is behind them) and has turned the
/// tension check-ins off: those are tested in `run_flow`.
fn mini() -> Env {
    let env = Env::new();
    env.write("lib/exercises/mini.toml", EXERCISES);
    env.write("lib/mini.toml", ROUTINE);
    env.write("state/psoas/notice-shown", "");
    env.write("config/psoas/config.toml", "check_in = false\n");
    env
}

/// A voice in `env`'s config (check-ins off) that says every sentence at
/// once but never finishes one with `words` in it: the run waits at that
/// sentence's count-in, on a virtual clock, however busy the machine is.
fn stalling_voice(env: &Env, words: &str) {
    let voice = env.write(
        "bin/stalling-voice",
        &format!("#!/bin/sh\ncase \"$(cat)\" in *'{words}'*) exec sleep 60 ;; esac\n"),
    );
    std::fs::set_permissions(&voice, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    env.write(
        "config/psoas/config.toml",
        &format!(
            "check_in = false\nvoice = true\nvoice_command = [\"{}\"]\n",
            voice.display()
        ),
    );
}

fn lib(env: &Env) -> String {
    env.root().join("lib").display().to_string()
}

/// The routine `paced`: words to say before it starts, a transfer and a
/// paced movement (see tests/fixtures/paced).
const PACED_EXERCISES: &str = include_str!("../fixtures/paced/exercises/paced.toml");
const PACED: &str = include_str!("../fixtures/paced/paced.toml");

/// The routine's words before it starts come first, in its first
/// get-ready; a transfer says to follow its steps, with no hold and no
/// breathing pace; a paced movement is named by its rounds, and its short
/// phases say their own cue only; a hold's cues wait for each other.
#[test]
fn plain_transcript_of_what_is_said_and_when() {
    let env = mini();
    env.write("lib/exercises/paced.toml", PACED_EXERCISES);
    env.write("lib/paced.toml", PACED);
    let routine = env.root().join("lib/paced.toml").display().to_string();
    insta::assert_snapshot!(stdout_of(&mut env.psoas(&[
        "--library",
        &lib(&env),
        "run",
        &routine,
        "--speed",
        "1000"
    ])));
}

/// Every set-up line, cue and caution of `mini`, each where it belongs:
/// set-up and cautions while getting ready for an exercise's first hold,
/// the stop rule once, cues spread over each hold, and a transition of 15 s
/// at the start and at each change of position. The virtual clock skips
/// every wait and nothing else: the run says what a preview on the real
/// clock says, at the same times.
#[test]
fn plain_transcript_of_mini() {
    let env = mini();
    let library = lib(&env);
    let started = std::time::Instant::now();
    let out = stdout_of(&mut env.psoas_at_once(&[
        "--library",
        &library,
        "run",
        "mini",
        "--plain",
        "--no-record",
    ]));
    // Ninety seconds of routine in a fraction of them.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!(out);
    }
    assert!(
        out.bytes().all(|b| b >= 0x20 || b == b'\n'),
        "no control bytes but newlines"
    );
    let routine = env.root().join("lib/mini.toml").display().to_string();
    let preview =
        stdout_of(&mut env.psoas(&["--library", &library, "run", &routine, "--speed", "1000"]));
    assert_eq!(
        preview,
        format!("{out}[01:30] Preview at 1000× speed: not recorded\n")
    );
}

#[test]
fn plain_mode_follows_the_warm_up_flags() {
    let env = mini();
    let guided = stdout_of(&mut env.psoas(&[
        "--library",
        &lib(&env),
        "run",
        "mini",
        "--speed",
        "1000",
        "--warm-up",
    ]));
    assert!(!guided.contains("Warm up first"), "{guided}");
    let first = guided.lines().next().unwrap();
    assert!(first.starts_with("[00:00] Warm-up 1 of "), "{first}");
    assert!(guided.contains("Step 1 of 3: Pelvic tilt"), "{guided}");
    let skipped = stdout_of(&mut env.psoas(&[
        "--library",
        &lib(&env),
        "run",
        "mini",
        "--speed",
        "1000",
        "--no-warm-up",
    ]));
    assert!(
        skipped.starts_with("[00:00] Step 1 of 3: Pelvic tilt."),
        "{skipped}"
    );
}

#[test]
fn plain_mode_ends_quietly_when_the_reader_goes_away() {
    let env = mini();
    let mut child = env
        .process(&["--library", &lib(&env), "run", "mini", "--speed", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    assert!(first.starts_with("[00:00] "), "{first}");
    drop(lines);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn plain_mode_sigterm_exits_143() {
    let env = mini();
    let mut child = env
        .process(&["--library", &lib(&env), "run", "mini", "--no-warm-up"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    signal(child.id(), "TERM");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut lines, &mut rest).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(143));
    // A slow machine may print a count before the signal lands.
    let last = rest.lines().last().unwrap_or_default();
    assert!(last.starts_with("[00:0"), "{rest}");
    assert!(last.contains("] Stopped: 0:0"), "{rest}");
    assert!(last.ends_with(", 0 holds done, 0 skipped"), "{rest}");
}

/// Sends a signal with the shell's `kill`.
fn signal(pid: u32, name: &str) {
    let status = Command::new("sh")
        .args(["-c", &format!("kill -s {name} {pid}")])
        .status()
        .unwrap();
    assert!(status.success());
}

/// After the program is gone: line settings as before, cursor shown, normal
/// screen.
fn assert_handed_back(pty: &Pty) {
    let after = pty.line_settings();
    assert!(after.is_cooked(), "{after:?}");
    assert_eq!(&after, pty.initial_line_settings());
    let (cursor_hidden, alternate) = pty.modes();
    assert!(!cursor_hidden, "the cursor is shown again");
    assert!(!alternate, "the normal screen is back");
}

#[test]
fn the_screen_follows_the_keys() {
    let env = mini();
    let mut pty = Pty::spawn(
        &env,
        &[
            "--library",
            &lib(&env),
            "run",
            "mini",
            "--no-warm-up",
            "--speed",
            "2",
        ],
    );
    pty.wait_for(&["Mini", "Step 1 of 3", "Pelvic tilt", "Get into position"]);
    // Enter: in position, so on to the count-in at once.
    pty.send(b"\r");
    // During the hold: the exercise and a breathing cue together.
    let screen = pty.wait_for(&["Pelvic tilt", "Hold ·", "BREATHE"]);
    assert!(
        screen.contains("BREATHE IN") || screen.contains("BREATHE OUT"),
        "{screen}"
    );
    pty.send(b" ");
    pty.wait_for(&["PAUSED"]);
    // Paused, the clock stands still while the steps are stepped through.
    pty.send(b"n");
    pty.wait_for(&["Lunge", "LEFT SIDE", "PAUSED"]);
    pty.send(b"n");
    pty.wait_for(&["Lunge", "RIGHT SIDE", "PAUSED"]);
    pty.send(b"\x1b[D"); // Left arrow: back
    pty.wait_for(&["LEFT SIDE", "PAUSED"]);
    pty.send(b"b");
    pty.wait_for(&["Pelvic tilt", "PAUSED"]);
    pty.send(b"?");
    pty.wait_for(&["restart this hold"]);
    pty.send(b"x");
    pty.send(b"q");
    pty.wait_for(&["Quit?"]);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(), 0);
    assert_handed_back(&pty);
    let screen = pty.screen();
    assert!(screen.contains("Mini: stopped"), "{screen}");
    assert!(screen.contains("skipped"), "{screen}");
}

/// Enter while getting ready goes on to the count-in at once: the time it
/// passes over is neither waited for nor counted as spent.
#[test]
fn enter_in_a_get_ready_counts_in_at_once() {
    let env = mini();
    // A minute to get into each new position.
    env.write(
        "lib/slow.toml",
        &ROUTINE.replace("prep = 5", "prep = 5\ntransition = 60"),
    );
    // At three times real speed, so the count-in takes a second.
    let mut pty = Pty::spawn(
        &env,
        &[
            "--library",
            &lib(&env),
            "run",
            "slow",
            "--no-warm-up",
            "--speed",
            "3",
        ],
    );
    pty.wait_for(&["Pelvic tilt", "Get into position · "]);
    pty.send(b"\r");
    pty.wait_for(&["Pelvic tilt", "Hold ·"]);
    pty.send(b"qq");
    assert_eq!(pty.wait_exit(), 0);
    let screen = pty.screen();
    let time = screen
        .lines()
        .find_map(|l| l.strip_prefix("Time: "))
        .unwrap_or_else(|| panic!("{screen}"));
    let (m, s) = time.split_once(' ').unwrap().0.split_once(':').unwrap();
    let spent = m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap();
    // The count-in alone would have come 57 s in.
    assert!(spent < 40, "{screen}");
}

/// `r` in a hold counts that hold in again, with no get-ready: not the
/// minute the first get-ready takes.
#[test]
fn r_in_a_hold_counts_it_in_again() {
    let env = mini();
    env.write(
        "lib/slow.toml",
        &ROUTINE.replace("prep = 5", "prep = 5\ntransition = 60"),
    );
    let mut pty = Pty::spawn(
        &env,
        &["--library", &lib(&env), "run", "slow", "--no-warm-up"],
    );
    pty.wait_for(&["Pelvic tilt", "Get into position · "]);
    pty.send(b"\r");
    pty.wait_for(&["Pelvic tilt", "Hold ·"]);
    pty.send(b"r");
    let screen = pty.wait_for(&["Pelvic tilt", "Hold in "]);
    assert!(!screen.contains("Get into position"), "{screen}");
    pty.wait_for(&["Pelvic tilt", "Hold ·"]);
    pty.send(b"qq");
    assert_eq!(pty.wait_exit(), 0);
    assert_handed_back(&pty);
}

/// A brief get-ready offers its full words: `f` starts it again with every
/// set-up line and caution, and the hint goes, as there is no more to tell.
#[test]
fn f_in_a_brief_get_ready_tells_the_exercise_in_full() {
    let env = mini();
    env.write(
        "config/psoas/config.toml",
        "check_in = false\nguidance = \"brief\"\n",
    );
    env.write(
        "lib/slow.toml",
        &ROUTINE.replace("prep = 5", "prep = 5\ntransition = 60"),
    );
    let mut pty = Pty::spawn_sized(
        &env,
        &["--library", &lib(&env), "run", "slow", "--no-warm-up"],
        (24, 80),
    );
    let brief = pty.wait_for(&["Pelvic tilt", "Stand tall.", "f all words"]);
    assert!(!brief.contains("Hands on hips."), "{brief}");
    assert!(!brief.contains("Keep it small."), "{brief}");
    pty.send(b"f");
    let full = pty.wait_for(&["Stand tall.", "Hands on hips.", "Caution: Keep it small."]);
    assert!(!full.contains("f all words"), "{full}");
    pty.send(b"qq");
    assert_eq!(pty.wait_exit(), 0);
    assert_handed_back(&pty);
}

#[test]
fn the_warm_up_question() {
    let env = mini();
    let mut pty = Pty::spawn(&env, &["--library", &lib(&env), "run", "mini"]);
    pty.wait_for(&["Warm up first", "already warm"]);
    pty.send(b"w");
    pty.wait_for(&["Warm-up 1 of"]);
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);

    let mut pty = Pty::spawn(&env, &["--library", &lib(&env), "run", "mini"]);
    pty.wait_for(&["Warm up first"]);
    pty.send(b"\r");
    pty.wait_for(&["Step 1 of 3", "Pelvic tilt"]);
    pty.send(b"\x1b");
    pty.wait_for(&["Quit?"]);
    pty.send(b"y");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn finishing_prints_a_summary_on_the_normal_screen() {
    let env = mini();
    let mut pty = Pty::spawn(
        &env,
        &[
            "--library",
            &lib(&env),
            "run",
            "mini",
            "--no-warm-up",
            "--speed",
            "1000",
        ],
    );
    assert_eq!(pty.wait_exit(), 0);
    assert_handed_back(&pty);
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("summary_on_the_normal_screen_40x12", pty.shown());
}

/// `mini` running on a pseudo-terminal, its first step on the screen and the
/// terminal in raw mode. The env is returned too: its folder must outlive the run.
fn running_mini() -> (Env, Pty) {
    let env = mini();
    let pty = Pty::spawn(
        &env,
        &["--library", &lib(&env), "run", "mini", "--no-warm-up"],
    );
    pty.wait_for(&["Pelvic tilt"]);
    assert!(!pty.line_settings().is_cooked(), "raw mode while running");
    (env, pty)
}

#[test]
fn ctrl_c_exits_130_and_hands_the_terminal_back() {
    let (_env, mut pty) = running_mini();
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
    assert_handed_back(&pty);
}

#[test]
fn sigterm_exits_143_and_hands_the_terminal_back() {
    let (_env, mut pty) = running_mini();
    signal(pty.pid(), "TERM");
    assert_eq!(pty.wait_exit(), 143);
    assert_handed_back(&pty);
}

#[test]
fn sighup_exits_129_and_hands_the_terminal_back() {
    let (_env, mut pty) = running_mini();
    signal(pty.pid(), "HUP");
    assert_eq!(pty.wait_exit(), 129);
    assert_handed_back(&pty);
}

#[test]
fn sigquit_and_other_fatal_signals_hand_the_terminal_back() {
    for (name, number) in [("QUIT", libc::SIGQUIT), ("USR1", libc::SIGUSR1)] {
        let (_env, mut pty) = running_mini();
        signal(pty.pid(), name);
        assert_eq!(pty.wait_exit(), 128 + number as u32, "SIG{name}");
        assert_handed_back(&pty);
    }
}

/// Set in the child of [`a_panic_hands_the_terminal_back_before_its_message`].
const PANIC_CHILD: &str = "PSOAS_TEST_PANIC_CHILD";

/// Not a test on its own: run by the test below as a child process on a
/// pseudo-terminal, it takes the terminal as `psoas run` does, then panics.
#[test]
fn panicking_child() {
    if std::env::var_os(PANIC_CHILD).is_none() {
        return;
    }
    let _terminal = psoas_coach::runner::terminal::Terminal::enter().unwrap();
    print!("on the alternate screen");
    panic!("a deliberate panic");
}

#[test]
fn a_panic_hands_the_terminal_back_before_its_message() {
    let env = Env::new();
    let me = std::env::current_exe().unwrap();
    let args = [
        "--exact",
        "run::panicking_child",
        "--nocapture",
        "--test-threads",
        "1",
    ];
    let vars = [(PANIC_CHILD, "1"), ("RUST_BACKTRACE", "0")];
    let mut pty = Pty::spawn_program(&env, &me, &args, &vars);
    assert_ne!(pty.wait_exit(), 0, "the child's test fails by panicking");
    assert_handed_back(&pty);
    // The normal screen is back and the cursor shown before the message is written.
    let output = String::from_utf8_lossy(&pty.output()).into_owned();
    let at = |text: &str| {
        output
            .find(text)
            .unwrap_or_else(|| panic!("no {text:?} in {output:?}"))
    };
    assert!(at("\x1b[?1049l") < at("a deliberate panic"), "{output:?}");
    assert!(at("\x1b[?25h") < at("a deliberate panic"), "{output:?}");
}

/// The "M:SS left" the screen shows for the routine, in seconds.
fn routine_left(screen: &str) -> u32 {
    let line = screen
        .lines()
        .find(|l| l.contains(" left"))
        .unwrap_or_else(|| panic!("a time left in {screen}"));
    let time = line.split(" · ").nth(1).unwrap().trim_end_matches(" left");
    let (m, s) = time.split_once(':').unwrap();
    m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap()
}

/// The screen as it was drawn up to byte `end` of the output.
fn screen_up_to(output: &[u8], end: usize) -> String {
    let mut parser = vt100::Parser::new(
        pty::ROWS.try_into().unwrap(),
        pty::COLS.try_into().unwrap(),
        0,
    );
    parser.process(&output[..end]);
    parser.screen().contents()
}

#[test]
fn ctrl_z_stops_with_sigtstp_hands_the_terminal_back_and_the_clock_waits() {
    let env = mini();
    let lib = lib(&env);
    // A shell with job control, as a person's: it reports how psoas
    // stopped, then on Enter `fg` continues it.
    let script = r#""$0" "$@"; echo "stopped with $?"; read line; fg"#;
    let psoas = env!("CARGO_BIN_EXE_psoas");
    let args = [
        "-mc",
        script,
        psoas,
        "--library",
        &lib,
        "run",
        "mini",
        "--no-warm-up",
        "--speed",
        "2",
    ];
    let mut pty = Pty::spawn_program(&env, "sh".as_ref(), &args, &[]);
    pty.wait_for(&["Pelvic tilt", "1:2"]);
    pty.send(b"\x1a");
    // 128 + SIGTSTP (20 on Linux); a stop by SIGSTOP would be 147.
    let stopped = format!("stopped with {}", 128 + libc::SIGTSTP);
    pty.wait_for(&[&stopped]);
    assert_eq!(pty.modes(), (false, false), "the normal screen is back");
    // The last frame drawn before the terminal was handed back.
    let output = pty.output();
    let leave = find(&output, b"\x1b[?1049l").expect("the screen is left");
    let before = routine_left(&screen_up_to(&output, leave));
    // Stopped for a second and a half, three plan seconds at this speed:
    // none of them count. This wait is what is measured.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    pty.send(b"\n");
    let screen = pty.wait_for(&["Pelvic tilt", "Step 1 of 3"]);
    assert_eq!(pty.modes(), (true, true), "back on the screen");
    // The first frame drawn after coming back.
    let output = pty.output();
    // The title names the step and the time left too, so the frame is the
    // first point after coming back at which the screen itself shows both.
    let back = leave + find(&output[leave..], b"\x1b[?1049h").expect("the screen is back");
    let after = first_left_from(&output, back, "Step 1 of 3");
    // Both frames are psoas's own, drawn just before the stop and just after
    // it, so no time the test takes counts. The screen shows whole seconds:
    // the stop may fall just after a second ticks over, before that frame is
    // drawn, so the two may differ by that one tick, never by the three
    // seconds stopped.
    assert!(
        before == after || before == after + 1,
        "the clock stood still while stopped: {before} s left before, {after} s after:\n{screen}"
    );
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
}

#[test]
fn stopped_and_continued_from_outside_psoas_draws_only_in_the_foreground() {
    let env = mini();
    let lib = lib(&env);
    // A shell with job control, as a person's: it starts psoas as a job and
    // brings it to the foreground, reports when it stops, then reads a line
    // of its own before `fg` brings psoas back.
    let script = r#""$0" "$@" & echo "psoas is $!"; fg; echo "stopped with $?"; read line; echo "the shell read $line"; fg; echo "ended with $?""#;
    let psoas = env!("CARGO_BIN_EXE_psoas");
    let args = [
        "-mc",
        script,
        psoas,
        "--library",
        &lib,
        "run",
        "mini",
        "--no-warm-up",
    ];
    let mut pty = Pty::spawn_program(&env, "sh".as_ref(), &args, &[]);
    pty.wait_for(&["Pelvic tilt", "Step 1 of 3"]);
    let output = String::from_utf8_lossy(&pty.output()).into_owned();
    let pid: u32 = output
        .split("psoas is ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|pid| pid.parse().ok())
        .unwrap_or_else(|| panic!("the shell names psoas's process: {output:?}"));

    // SIGSTOP cannot be caught: psoas stops where it is, and the shell takes
    // the terminal. SIGCONT lets it go on, in the background.
    signal(pid, "STOP");
    let stopped = format!("stopped with {}", 128 + libc::SIGSTOP);
    pty.wait_for(&[&stopped]);
    signal(pid, "CONT");

    // The shell has the terminal and reads its own line: it gets every key.
    // (What it says next is drawn over at once, so it is looked for in what
    // was written rather than on the screen.)
    pty.send(b"go\n");
    wait_for_bytes(&pty, |output| find(output, b"the shell read go"));

    // `fg`: psoas takes the screen back, raw mode and all, and draws it whole.
    let after_stop = |output: &[u8]| {
        let at = find(output, stopped.as_bytes()).expect("the stop is reported");
        at + stopped.len()
    };
    let back = wait_for_bytes(&pty, |output| {
        find(&output[after_stop(output)..], b"\x1b[?1049h")
    });
    let output = pty.output();
    let from = after_stop(&output);
    let between = String::from_utf8_lossy(&output[from..from + back]);
    // Nothing psoas writes lacks an escape sequence, so none means nothing
    // of psoas's came between the stop and the return: only the shell's words.
    assert!(
        !between.contains('\x1b'),
        "psoas drew in the background: {between:?}"
    );
    assert!(between.contains("the shell read go"), "{between:?}");
    let screen = pty.wait_for(&["Pelvic tilt", "Step 1 of 3"]);
    assert!(!screen.contains("the shell read"), "drawn whole:\n{screen}");
    assert_eq!(pty.modes(), (true, true), "back on the screen");
    assert!(!pty.line_settings().is_cooked(), "raw mode again");

    // Its keys are psoas's again.
    pty.send(b"q");
    pty.wait_for(&["Quit?"]);
    pty.send(b"q");
    pty.wait_for(&["ended with 0"]);
    assert_eq!(pty.wait_exit(), 0);
}

/// Waits until `found` finds something in psoas's output; returns it.
fn wait_for_bytes(pty: &Pty, found: impl Fn(&[u8]) -> Option<usize>) -> usize {
    let start = std::time::Instant::now();
    loop {
        if let Some(at) = found(&pty.output()) {
            return at;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "waited in vain; the screen shows:\n{}",
            pty.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The routine time left on the first screen psoas draws from byte `start`
/// of its output on, that shows `step` and a time left: the first frame
/// drawn after some moment, read from psoas's own output, so no time the
/// test takes counts. (The title names the step and the time left too, so the
/// screen itself must show both.)
fn first_left_from(output: &[u8], start: usize, step: &str) -> u32 {
    (start..=output.len())
        .map(|end| screen_up_to(output, end))
        .find(|screen| screen.contains(step) && screen.lines().any(|l| l.ends_with(" left")))
        .map_or_else(
            || panic!("no frame with {step:?} after byte {start}"),
            |screen| routine_left(&screen),
        )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn resizing_redraws_to_fit() {
    let env = mini();
    let mut pty = Pty::spawn(
        &env,
        &["--library", &lib(&env), "run", "mini", "--no-warm-up"],
    );
    pty.wait_for(&["Pelvic tilt", "space pause  n next"]);
    pty.resize(20, 70);
    pty.wait_for(&[
        "Pelvic tilt",
        "Enter ready · space pause · n next · b back · ? help · q quit",
    ]);
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
}

/// The history's lines, as text.
fn history_of(env: &Env) -> String {
    std::fs::read_to_string(env.state_dir().join("history.jsonl")).unwrap_or_default()
}

/// Two steps; only a session at real speed is recorded, so it runs on the
/// virtual clock.
const BRIEF: &str = r#"
name = "Brief"
prep = 0
transition = 0

[[step]]
exercise = "tilt"
hold = 5

[[step]]
exercise = "lunge"
hold = 5
"#;

/// Closes the terminal under a run past its first hold; the run must end
/// within two seconds with 129 and be recorded. The run stands at the
/// lunge's count-in, waiting for a voice that says everything else at once
/// but never finishes the lunge's words: a wait on something real, which
/// the virtual clock does not skip.
fn assert_hang_up_ends_and_records(extra: &[&str]) {
    let env = mini();
    env.write("lib/brief.toml", BRIEF);
    stalling_voice(&env, "Lunge");
    let lib = lib(&env);
    let mut args = vec!["--library", &lib, "run", "brief", "--no-warm-up"];
    args.extend_from_slice(extra);
    let mut pty = Pty::spawn_at_once(&env, &args);
    pty.wait_for(&["Step 2 of 2"]);
    pty.hang_up();
    let closed = std::time::Instant::now();
    let code = loop {
        if let Some(code) = pty.has_exited() {
            break code;
        }
        assert!(
            closed.elapsed() < std::time::Duration::from_secs(2),
            "still running 2 s after the terminal closed"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(code, 129);
    let history = history_of(&env);
    assert_eq!(history.lines().count(), 1, "{history}");
    assert!(history.contains(r#""routine_id":"brief""#), "{history}");
    assert!(history.contains(r#""finished":false"#), "{history}");
    assert!(history.contains(r#""holds_done":1"#), "{history}");
    // The exercise held to its end counts toward knowing it.
    assert!(history.contains(r#""exercises":["tilt"]"#), "{history}");
}

#[test]
fn closing_the_terminal_ends_the_screen_with_129_and_records() {
    assert_hang_up_ends_and_records(&[]);
}

#[test]
fn closing_the_terminal_ends_plain_mode_with_129_and_records() {
    assert_hang_up_ends_and_records(&["--plain"]);
}

#[test]
fn on_80_by_24_the_seconds_are_big_and_the_title_says_where_you_are() {
    let env = mini();
    let mut pty = Pty::spawn_sized(
        &env,
        &["--library", &lib(&env), "run", "mini", "--no-warm-up"],
        (24, 80),
    );
    // The get-ready counts down from 15 in digits five rows high.
    let screen = pty.wait_for(&["Get into position · 1"]);
    let big_one = "  ██  ";
    assert!(
        screen.lines().filter(|l| l.contains("████")).count() >= 2,
        "{screen}"
    );
    assert!(screen.contains(big_one), "{screen}");
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
    assert_handed_back(&pty);
    let output = String::from_utf8_lossy(&pty.output()).into_owned();
    // The title was pushed before it was set, and popped on the way out.
    let push = output.find("\x1b[22;0t").expect("the title is kept");
    let pop = output.rfind("\x1b[23;0t").expect("the title is given back");
    let set = output
        .find("\x1b]0;Step 1 of 3 · 1:")
        .expect("the title names the step and the time left");
    assert!(push < set && set < pop, "{push} {set} {pop}");
}

#[test]
fn the_clock_waits_while_the_help_is_open() {
    let env = mini();
    let mut pty = Pty::spawn(
        &env,
        &[
            "--library",
            &lib(&env),
            "run",
            "mini",
            "--no-warm-up",
            "--speed",
            "10",
        ],
    );
    pty.wait_for(&["Step 1 of 3", " left"]);
    pty.send(b"?");
    pty.wait_for(&["clock is paused"]);
    // The help open for a real second is ten plan seconds at this speed,
    // were the clock running: this wait is what is measured.
    std::thread::sleep(std::time::Duration::from_secs(1));
    pty.send(b"x");
    pty.wait_for(&["Step 1 of 3", " left"]);
    // The last frame before the help and the first after it, as psoas drew
    // them: they may differ by the plan time between that frame and the key
    // (a tick or two at this speed), never by the twenty seconds of help.
    let output = pty.output();
    let help = find(&output, b"clock is paused").expect("the help was drawn");
    let before = (0..help)
        .rev()
        .map(|end| screen_up_to(&output, end))
        .find(|screen| {
            screen.contains("Step 1 of 3") && screen.lines().any(|l| l.ends_with(" left"))
        })
        .map(|screen| routine_left(&screen))
        .expect("a frame before the help");
    let closed = help + find(&output[help..], b"Step 1 of 3").expect("the screen is back");
    let after = first_left_from(&output, closed, "Step 1 of 3");
    assert!(
        before >= after && before - after <= 3,
        "{before} s left before the help, {after} s after"
    );
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
}
