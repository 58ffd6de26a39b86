//! Tests of [`Voice`] with a fake speaking program: a shell script, written by
//! each test, that records its arguments and what it reads, then sleeps so
//! that the next cue has to cut it off; and with scripts that never end,
//! never read, fail, or hold out against SIGTERM. Every wait is for a real
//! event (a line in a file, a process gone), within a deadline.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;

/// A temp folder holding the fake program and what it recorded.
struct Fake {
    dir: tempfile::TempDir,
}

impl Fake {
    fn new() -> Fake {
        // Each run appends its argument count and its text, then waits to be
        // cut off. `exec` keeps one process, so killing it leaves nothing.
        Fake::running("echo \"$#\" >> \"$D/argc\"\ncat >> \"$D/said\"\nexec sleep 30")
    }

    /// A fake whose script is `body`, with `$D` its folder.
    fn running(body: &str) -> Fake {
        let fake = Fake {
            dir: tempfile::tempdir().unwrap(),
        };
        let dir = fake.dir.path().display().to_string();
        let script = format!("#!/bin/sh\nD='{dir}'\n{body}\n");
        std::fs::write(fake.dir.path().join("speak.sh"), script).unwrap();
        fake
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the script through `sh` rather than executing it, so that no test
    /// ever executes a file another thread may still hold open for writing.
    fn command(&self) -> Vec<String> {
        vec![
            "sh".to_string(),
            self.path("speak.sh").display().to_string(),
        ]
    }

    fn voice(&self) -> (Voice, Arc<Mutex<Vec<String>>>) {
        let warnings = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&warnings);
        let path = std::env::var_os("PATH");
        let voice = Voice::open(
            Some(&self.command()),
            path.as_deref(),
            Pace::DEFAULT,
            Box::new(move |m: &str| sink.lock().unwrap().push(m.to_string())),
        );
        (voice, warnings)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_default()
    }

    /// Waits until the fake has recorded `lines` lines of text.
    fn wait_for_lines(&self, lines: usize) -> String {
        self.wait_for("said", lines)
    }

    /// Waits until the file `name` has `lines` lines.
    fn wait_for(&self, name: &str, lines: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.read(name);
            if text.lines().count() >= lines || Instant::now() > deadline {
                return text;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Waits until `pid` is gone (ended and reaped); false if it is still there
/// after ten seconds.
fn gone(pid: u32) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while is_running(pid) {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// Asks `voice` whether it is speaking until it says no; how long that took.
fn until_quiet(voice: &mut Voice) -> Duration {
    let start = Instant::now();
    while voice.is_speaking() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still speaking after 10 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    start.elapsed()
}

fn is_running(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn cue_text_goes_on_stdin_and_never_through_a_shell_or_an_argument() {
    let fake = Fake::new();
    let (mut voice, warnings) = fake.voice();
    let option = format!("-o {}", fake.path("x").display());
    let substitution = format!("$(touch {})", fake.path("y").display());
    voice.say(&option);
    fake.wait_for_lines(1);
    voice.say(&substitution);
    let said = fake.wait_for_lines(2);
    drop(voice);
    assert_eq!(said, format!("{option}\n{substitution}\n"));
    // The script gets exactly the arguments of voice_command, and the text is
    // not among them.
    assert_eq!(fake.read("argc"), "0\n0\n");
    assert!(!fake.path("x").exists());
    assert!(!fake.path("y").exists());
    assert!(warnings.lock().unwrap().is_empty());
}

#[test]
fn a_cue_still_speaking_is_cut_off_by_the_next() {
    let fake = Fake::new();
    let (mut voice, _) = fake.voice();
    voice.say("Breathe in.");
    fake.wait_for_lines(1);
    let first = voice.child_id().expect("a program is speaking");
    assert!(is_running(first));
    voice.say("Breathe out.");
    assert!(gone(first), "the first cue was not stopped");
    assert_eq!(fake.wait_for_lines(2), "Breathe in.\nBreathe out.\n");
}

#[test]
fn nothing_is_left_running_after_drop() {
    let fake = Fake::new();
    let (mut voice, _) = fake.voice();
    voice.say("Hold.");
    fake.wait_for_lines(1);
    let pid = voice.child_id().unwrap();
    assert!(is_running(pid));
    // Dropping waits for the program to be ended and reaped.
    drop(voice);
    assert!(!is_running(pid));
}

#[test]
fn a_missing_program_warns_once_and_stays_silent() {
    let fake = Fake::new();
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&warnings);
    let command = vec!["no-such-speaker-program".to_string()];
    let mut voice = Voice::open(
        Some(&command),
        Some(fake.dir.path().as_os_str()),
        Pace::DEFAULT,
        Box::new(move |m: &str| sink.lock().unwrap().push(m.to_string())),
    );
    assert!(voice.is_silent());
    voice.say("one");
    voice.say("two");
    assert!(voice.child_id().is_none());
    let warnings = warnings.lock().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("no-such-speaker-program"),
        "{warnings:?}"
    );
}

#[test]
fn a_program_that_fails_to_start_is_told_once_and_goes_silent() {
    let fake = Fake::new();
    // Executable by its mode, but not a program the system can start: its
    // interpreter is missing.
    let broken = fake.path("broken");
    std::fs::write(&broken, "#!/no/such/interpreter\n").unwrap();
    make_executable(&broken);
    let command = vec![broken.display().to_string()];
    let mut voice = Voice::open(
        Some(&command),
        None,
        Pace::DEFAULT,
        Box::new(|m: &str| panic!("warned: {m}")),
    );
    assert!(!voice.is_silent());
    voice.say("one");
    voice.say("two");
    assert!(voice.is_silent());
    let Some(Trouble::CannotStart { program, error }) = voice.trouble() else {
        panic!("no trouble told");
    };
    assert_eq!(program, "broken");
    assert!(!error.is_empty());
    assert_eq!(voice.trouble(), None);
}

#[test]
fn fallbacks_are_tried_in_order_on_path() {
    let dir = tempfile::tempdir().unwrap();
    let none = SpeechProgram::find(None, Some(dir.path().as_os_str()));
    assert!(matches!(none, Err(VoiceError::NoneFound)));
    for name in ["say", "espeak"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "").unwrap();
        make_executable(&path);
    }
    // A file without execute permission is not a program.
    std::fs::write(dir.path().join("espeak-ng"), "").unwrap();
    let found = SpeechProgram::find(None, Some(dir.path().as_os_str())).unwrap();
    assert_eq!(found.path, dir.path().join("espeak"));
    assert_eq!(found.args, ["--stdin"]);
}

#[test]
fn cue_text_is_one_bounded_line() {
    assert_eq!(cue_text("a\nb\u{1b}c"), "a b c");
    assert_eq!(cue_text(&"é".repeat(5000)).len(), MAX_CUE_BYTES);
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_program_there_but_not_executable_says_so() {
    let fake = Fake::new();
    let script = fake.path("speak.sh").display().to_string();
    let found = SpeechProgram::find(Some(std::slice::from_ref(&script)), None);
    assert_eq!(
        found.unwrap_err().to_string(),
        format!(
            "the voice program `{script}` (voice_command in the config) is there but cannot be run: it is not executable (`chmod +x` makes it so); cues will not be spoken"
        )
    );
    let on_path = SpeechProgram::find(
        Some(&["speak.sh".to_string()]),
        Some(fake.dir.path().as_os_str()),
    );
    assert!(matches!(on_path, Err(VoiceError::CannotRun(_, _))));
    let folder = fake.dir.path().display().to_string();
    let found = SpeechProgram::find(Some(&[folder]), None);
    assert!(found.unwrap_err().to_string().contains("it is a folder"));
}

/// Fields of `/proc/PID/stat` after the command name: state, parent,
/// process group, session, terminal.
#[cfg(target_os = "linux")]
fn stat(pid: u32) -> Vec<i64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = &text[text.rfind(')').unwrap() + 2..];
    after_name
        .split(' ')
        .skip(1)
        .take(4)
        .map(|f| f.parse().unwrap())
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn the_program_runs_in_its_own_session_without_a_terminal() {
    let fake = Fake::new();
    let (mut voice, _) = fake.voice();
    voice.say("Hold.");
    fake.wait_for_lines(1);
    let pid = voice.child_id().unwrap();
    let [_, group, session, terminal] = stat(pid)[..] else {
        panic!("four fields");
    };
    assert_eq!(group, i64::from(pid), "leads its own process group");
    assert_eq!(session, i64::from(pid), "leads its own session");
    assert_eq!(terminal, 0, "has no controlling terminal");
}

#[test]
fn cutting_a_cue_off_ends_everything_the_program_started() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    // A wrapper that starts a helper in the background, as real speech
    // wrappers do, and says where it is.
    let script =
        format!("#!/bin/sh\nsleep 30 &\necho $! > '{d}/helper'\ncat > '{d}/said'\nexec sleep 30\n");
    std::fs::write(dir.path().join("wrap.sh"), script).unwrap();
    let command = vec![
        "sh".to_string(),
        dir.path().join("wrap.sh").display().to_string(),
    ];
    let mut voice = Voice::open(
        Some(&command),
        std::env::var_os("PATH").as_deref(),
        Pace::DEFAULT,
        Box::new(|_| {}),
    );
    voice.say("Hold.");
    let deadline = Instant::now() + Duration::from_secs(10);
    let helper = loop {
        let text = std::fs::read_to_string(dir.path().join("helper")).unwrap_or_default();
        if text.ends_with('\n') {
            break text.trim().parse::<u32>().unwrap();
        }
        assert!(
            Instant::now() < deadline,
            "the wrapper never started its helper"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let leader = voice.child_id().unwrap();
    assert!(is_running(helper));
    drop(voice);
    assert!(!is_running(leader));
    // The helper is not our child: it is gone once its parent shell reaps it
    // or init does; wait for that rather than a fixed time.
    let deadline = Instant::now() + Duration::from_secs(10);
    while is_running(helper) && !is_zombie(helper) {
        assert!(Instant::now() < deadline, "the helper is still running");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_or(true, |t| t[t.rfind(')').unwrap() + 2..].starts_with('Z'))
}

/// A voice of `fake` that allows every cue `allowed`.
fn allowing(fake: &Fake, allowed: Duration) -> Voice {
    let path = std::env::var_os("PATH");
    Voice::open(
        Some(&fake.command()),
        path.as_deref(),
        Pace::DEFAULT,
        Box::new(|m: &str| panic!("warned: {m}")),
    )
    .allowing(allowed)
}

#[test]
fn a_cue_is_allowed_twice_its_words_time_and_five_seconds() {
    assert_eq!(time_allowed(Pace::DEFAULT, 0), SLACK);
    // Five words take two seconds at 150 words a minute.
    assert_eq!(
        time_allowed(Pace::DEFAULT, 5),
        Duration::from_secs(4) + SLACK
    );
    assert_eq!(
        time_allowed(Pace::new(75).unwrap(), 5),
        Duration::from_secs(8) + SLACK
    );
    assert_eq!(SLACK, Duration::from_secs(5));
}

#[test]
fn a_program_that_never_ends_is_cut_off_in_time_told_once_and_not_waited_for_again() {
    let fake = Fake::running("cat >> \"$D/said\"\nexec sleep 30");
    let allowed = Duration::from_millis(300);
    let mut voice = allowing(&fake, allowed);
    voice.say("Hold.");
    let first = voice.child_id().unwrap();
    let waited = until_quiet(&mut voice);
    assert!(
        waited >= allowed.saturating_sub(Duration::from_millis(50)),
        "{waited:?}"
    );
    assert!(gone(first), "the program was not ended");
    assert_eq!(
        voice.trouble(),
        Some(Trouble::NotAnswering {
            program: "sh".into()
        })
    );
    assert_eq!(voice.trouble(), None);
    // The next cue is handed over, but not waited for, and not told again.
    voice.say("Breathe in.");
    let second = voice.child_id().unwrap();
    assert_ne!(second, first);
    assert_eq!(fake.wait_for_lines(2), "Hold.\nBreathe in.\n");
    assert!(!voice.is_speaking());
    // Past its time (300 ms, which a loaded machine may already have
    // spent handing the cue over) it is ended all the same, at the next
    // look, without another word: it would sleep 30 s.
    let deadline = Instant::now() + Duration::from_secs(10);
    while is_running(second) {
        assert!(!voice.is_speaking());
        assert!(
            Instant::now() < deadline,
            "the second program was not ended"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(voice.trouble(), None);
}

#[test]
fn a_program_that_answers_again_is_waited_for_again() {
    // The first cue hangs; each later one is said once `$D/go` is there.
    let fake = Fake::running(
        "cat >> \"$D/said\"\n[ -e \"$D/hung\" ] || { touch \"$D/hung\"; exec sleep 30; }\n\
         while [ ! -e \"$D/go\" ]; do sleep 0.01; done",
    );
    let mut voice = allowing(&fake, Duration::from_secs(1));
    voice.say("Hold.");
    until_quiet(&mut voice);
    assert!(matches!(
        voice.trouble(),
        Some(Trouble::NotAnswering { .. })
    ));
    voice.say("Breathe in.");
    fake.wait_for_lines(2);
    assert!(!voice.is_speaking(), "waited for a voice not answering");
    // Done by itself: it answers again, and is waited for again.
    std::fs::write(fake.path("go"), "").unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while voice.child_id().is_some() {
        assert!(!voice.is_speaking());
        assert!(Instant::now() < deadline, "the second cue never ended");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::remove_file(fake.path("go")).unwrap();
    voice.say("Breathe out.");
    assert!(voice.is_speaking());
    std::fs::write(fake.path("go"), "").unwrap();
    until_quiet(&mut voice);
    assert_eq!(voice.trouble(), None);
}

#[test]
fn a_program_that_never_reads_its_input_holds_nothing_up() {
    let fake = Fake::running("touch \"$D/started\"\nexec sleep 30");
    let mut voice = allowing(&fake, Duration::from_millis(300));
    // The longest cue, which still never fills the pipe.
    let start = Instant::now();
    voice.say(&"word ".repeat(2000));
    assert!(start.elapsed() < Duration::from_secs(2), "say waited");
    let pid = voice.child_id().unwrap();
    until_quiet(&mut voice);
    assert!(gone(pid));
    assert!(fake.path("started").exists());
    assert!(matches!(
        voice.trouble(),
        Some(Trouble::NotAnswering { .. })
    ));
}

#[test]
fn a_program_that_fails_every_time_is_told_once() {
    let fake = Fake::running("cat >> \"$D/said\"\nexit 1");
    let mut voice = allowing(&fake, Duration::from_secs(30));
    for (n, cue) in ["one", "two", "three"].iter().enumerate() {
        voice.say(cue);
        fake.wait_for_lines(n + 1);
        until_quiet(&mut voice);
    }
    assert_eq!(fake.read("said"), "one\ntwo\nthree\n");
    assert_eq!(
        voice.trouble(),
        Some(Trouble::Failed {
            program: "sh".into(),
            code: Some(1)
        })
    );
    assert_eq!(voice.trouble(), None);
    assert!(!voice.is_silent(), "a program that fails is still tried");
}

/// Long enough for a wrapper's trap to run on a busy machine, short enough
/// for a test.
const TEST_GRACE: Duration = Duration::from_secs(2);

#[test]
fn a_program_is_asked_to_end_before_it_is_killed() {
    // A wrapper that notes SIGTERM and goes on regardless: only SIGKILL ends
    // it. It waits with the `wait` builtin, which a trapped signal cuts
    // short, so the trap runs as soon as SIGTERM comes.
    let fake = Fake::running(
        "trap 'echo term >> \"$D/signals\"' TERM\ncat >> \"$D/said\"\n\
         while :; do sleep 30 & wait; done",
    );
    let mut voice = allowing(&fake, Duration::from_secs(30)).with_grace(TEST_GRACE);
    voice.say("Hold.");
    fake.wait_for_lines(1);
    let pid = voice.child_id().unwrap();
    let start = Instant::now();
    voice.stop();
    assert!(start.elapsed() < TEST_GRACE, "stop waited for the program");
    assert_eq!(fake.wait_for("signals", 1), "term\n");
    assert!(gone(pid), "SIGKILL did not follow");
    assert!(start.elapsed() >= TEST_GRACE, "killed before its grace");
    assert_eq!(fake.read("signals"), "term\n", "SIGTERM came twice");
}

#[test]
fn a_wrapper_that_cleans_up_on_sigterm_does_so() {
    let fake = Fake::running(
        "trap 'echo cleaned >> \"$D/clean\"; exit 0' TERM\ncat >> \"$D/said\"\n\
         while :; do sleep 30 & wait; done",
    );
    let mut voice = allowing(&fake, Duration::from_secs(30)).with_grace(TEST_GRACE);
    voice.say("Hold.");
    fake.wait_for_lines(1);
    let pid = voice.child_id().unwrap();
    // Dropping the voice waits for the wrapper to end: it has cleaned up.
    drop(voice);
    assert_eq!(fake.read("clean"), "cleaned\n");
    assert!(!is_running(pid));
}
