//! Tests of [`Voice`] with a fake speaking program: a shell script, written by
//! each test, that records its arguments and what it reads, then sleeps so
//! that the next cue has to cut it off.

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
        let fake = Fake {
            dir: tempfile::tempdir().unwrap(),
        };
        let dir = fake.dir.path().display().to_string();
        // Each run appends its argument count and its text, then waits to be
        // cut off. `exec` keeps one process, so killing it leaves nothing.
        let script =
            format!("#!/bin/sh\necho \"$#\" >> '{dir}/argc'\ncat >> '{dir}/said'\nexec sleep 30\n");
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
            Box::new(move |m| sink.lock().unwrap().push(m.to_string())),
        );
        (voice, warnings)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_default()
    }

    /// Waits until the fake has recorded `lines` lines of text.
    fn wait_for_lines(&self, lines: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let said = self.read("said");
            if said.lines().count() >= lines || Instant::now() > deadline {
                return said;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
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
    assert!(!is_running(first), "the first cue was not stopped");
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
        Box::new(move |m| sink.lock().unwrap().push(m.to_string())),
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
fn a_program_that_fails_to_start_warns_once() {
    let fake = Fake::new();
    // Executable by its mode, but not a program the system can start: its
    // interpreter is missing.
    let broken = fake.path("broken");
    std::fs::write(&broken, "#!/no/such/interpreter\n").unwrap();
    make_executable(&broken);
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&warnings);
    let command = vec![broken.display().to_string()];
    let mut voice = Voice::open(
        Some(&command),
        None,
        Box::new(move |m| sink.lock().unwrap().push(m.to_string())),
    );
    assert!(!voice.is_silent());
    voice.say("one");
    voice.say("two");
    assert!(voice.is_silent());
    assert_eq!(warnings.lock().unwrap().len(), 1);
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
        .map(|t| t[t.rfind(')').unwrap() + 2..].starts_with('Z'))
        .unwrap_or(true)
}
