//! Odd files where psoas expects a plain one: FIFOs, folders, devices and
//! broken links are refused at once with a clear message (never a hang),
//! whole files are written through a rename, and the history copes with a
//! byte-order mark and says when it waits for a lock.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use chrono::DateTime;
use psoas_coach::history::{Record, SessionNotes};
use psoas_coach::runner::{Ending, RunOutcome};

use crate::{Env, stdout_of};

/// Long enough for a loaded machine, short enough that a hang fails.
const SOON: Duration = Duration::from_secs(20);

#[allow(unsafe_code)]
fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated string that outlives the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "{}", std::io::Error::last_os_error());
}

/// `psoas ARGS` must fail at once, saying `expected` on stderr.
fn refused(env: &Env, args: &[&str], vars: &[(&str, &Path)], expected: &str) {
    let mut cmd = env.psoas(args);
    for (name, value) in vars {
        cmd.env(name, value);
    }
    let output = cmd.timeout(SOON).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
}

#[test]
fn a_fifo_given_as_a_file_is_refused_at_once() {
    let env = Env::new();
    let fifo = env.work().join("pipe.toml");
    make_fifo(&fifo);
    let fifo_arg = fifo.display().to_string();
    let said = "it is a FIFO (named pipe), not a regular file";
    refused(&env, &["check", &fifo_arg], &[], said);
    for command in ["print", "run"] {
        refused(
            &env,
            &[command, &fifo_arg],
            &[],
            "pipe.toml is a FIFO (named pipe), not a routine file",
        );
    }
    refused(
        &env,
        &["list"],
        &[("PSOAS_CONFIG", &fifo)],
        &format!("cannot read the config file {fifo_arg}: {said}"),
    );
    make_fifo(&env.root().join("config/psoas/config.toml"));
    refused(&env, &["list"], &[], said);
}

#[test]
fn a_folder_or_device_as_the_config_is_refused() {
    let env = Env::new();
    refused(
        &env,
        &["list"],
        &[("PSOAS_CONFIG", env.work().as_path())],
        "Is a directory",
    );
    refused(
        &env,
        &["list"],
        &[("PSOAS_CONFIG", Path::new("/dev/zero"))],
        "it is a device, not a regular file",
    );
}

#[test]
fn psoas_config_naming_a_missing_file_is_an_error() {
    let env = Env::new();
    let missing = env.root().join("nowhere.toml");
    refused(
        &env,
        &["list"],
        &[("PSOAS_CONFIG", &missing)],
        &format!(
            "PSOAS_CONFIG names {}, which does not exist",
            missing.display()
        ),
    );
    // `config init` creates it.
    stdout_of(env.psoas(&["config", "init"]).env("PSOAS_CONFIG", &missing));
    assert!(missing.is_file());
}

#[test]
fn a_fifo_as_the_history_is_refused() {
    let env = Env::new();
    make_fifo(&env.state_dir().join("history.jsonl"));
    refused(
        &env,
        &["history"],
        &[],
        "it is a FIFO (named pipe), not a regular file",
    );
}

/// A run whose history is a link or a FIFO keeps its session on the screen,
/// says why it could not record it, and leaves the link, the file it points
/// to and the FIFO as they were.
#[test]
fn a_run_refuses_a_link_or_a_fifo_in_place_of_the_history() {
    let env = Env::new();
    env.write("state/psoas/notice-shown", "");
    let history = env.state_dir().join("history.jsonl");
    let outside = env.write("work/elsewhere.jsonl", "keep me\n");
    std::os::unix::fs::symlink(&outside, &history).unwrap();
    let run = || {
        env.psoas_at_once(&["run", "micro-break", "--plain", "--no-check-in"])
            .timeout(SOON)
            .output()
            .unwrap()
    };
    for said in ["a symbolic link", "a FIFO (named pipe)"] {
        let output = run();
        assert_eq!(output.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("] Routine complete: "), "{stdout}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "psoas: cannot record this session in {}: it is {said}, not a regular file\n",
                history.display()
            )
        );
        if said == "a symbolic link" {
            assert!(history.symlink_metadata().unwrap().is_symlink());
            std::fs::remove_file(&history).unwrap();
            make_fifo(&history);
        }
    }
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &history.symlink_metadata().unwrap().file_type()
    ));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me\n");
}

#[test]
fn check_says_which_user_files_it_skipped() {
    let env = Env::new();
    let dir = env.routines_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.toml"), dir.join("dangling.toml")).unwrap();
    std::os::unix::fs::symlink(dir.join("loop.toml"), dir.join("loop.toml")).unwrap();
    make_fifo(&dir.join("pipe.toml"));
    let output = env.psoas(&["check"]).timeout(SOON).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    {
        let _snapshots = crate::snapshots();
        insta::assert_snapshot!("check_skipping_a_dangling_link_a_loop_and_a_fifo", stderr);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.ends_with("no problems (3 files skipped, see above)\n"),
        "{stdout}"
    );
}

#[test]
fn concurrent_forced_saves_leave_a_whole_routine() {
    let env = Env::new();
    for round in 0..3 {
        let children: Vec<_> = (0..4)
            .map(|seed| {
                let seed = (round * 4 + seed).to_string();
                env.process(&[
                    "plan",
                    "--minutes",
                    "10",
                    "--seed",
                    &seed,
                    "--save",
                    "mine",
                    "--force",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let check = stdout_of(&mut env.psoas(&["check"]));
        assert!(check.contains("no problems"), "{check}");
        stdout_of(&mut env.psoas(&["print", "mine"]));
    }
    let names: Vec<_> = std::fs::read_dir(env.routines_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["mine.toml"], "no temporary file is left");
}

#[test]
fn a_save_refuses_a_link_and_never_writes_through_it() {
    let env = Env::new();
    // A routine of the person's own, kept elsewhere and linked in.
    let precious = "name = \"Mine\"\n[[step]]\nexercise = \"standing-pelvic-tilt\"\n";
    let outside = env.write("work/precious.toml", precious);
    std::fs::create_dir_all(env.routines_dir()).unwrap();
    let link = env.routines_dir().join("mine.toml");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    env.psoas(&["plan", "--minutes", "10", "--save", "mine"])
        .assert()
        .code(1);
    let output = env
        .psoas(&["plan", "--minutes", "10", "--save", "mine", "--force"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "psoas: cannot write {}: it is a symbolic link, not a regular file\n",
            link.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), precious);
    assert!(link.symlink_metadata().unwrap().is_symlink());
}

fn a_record() -> Record {
    let outcome = RunOutcome {
        started_at: DateTime::parse_from_rfc3339("2027-01-05T07:30:00+01:00").unwrap(),
        routine_id: "daily".into(),
        routine_name: "Daily release".into(),
        planned_seconds: 600,
        spent_seconds: 600,
        planned_hold_seconds: 600,
        held_seconds: 600,
        holds_done: 10,
        holds_skipped: 0,
        exercises: Vec::new(),
        finished: true,
        past_first_hold: true,
        ending: Ending::Finished,
    };
    let notes = SessionNotes {
        level: 1,
        ..SessionNotes::default()
    };
    Record::new(&outcome, notes)
}

#[test]
fn a_byte_order_mark_at_the_start_of_the_history_is_read() {
    let env = Env::new();
    let text = format!("\u{feff}{}", a_record().to_line());
    env.write("state/psoas/history.jsonl", &text);
    let output = env
        .psoas(&["history", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "", "no line is skipped");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["sessions"].as_array().map(Vec::len), Some(1), "{json}");
}

#[test]
fn a_held_history_lock_says_psoas_is_waiting() {
    use std::io::{BufRead, BufReader};
    let env = Env::new();
    let path = env.write("state/psoas/history.jsonl", &a_record().to_line());
    let file = std::fs::File::open(&path).unwrap();
    file.lock().unwrap();
    let mut child = env
        .process(&["history"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert_eq!(
        line,
        format!(
            "psoas: waiting for another psoas to finish with the history ({})\n",
            path.display()
        )
    );
    file.unlock().unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
}
