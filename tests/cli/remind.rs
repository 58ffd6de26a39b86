//! Tests of `psoas remind`: `now` with a fixed clock and a notifier that
//! records what it was given, and `install`, `status` and `uninstall` with
//! the scheduler's files under the test's own folders and a stand-in
//! `systemctl` that records its arguments. Nothing here touches the real
//! home, the session bus or the machine's systemd.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use crate::{Env, snapshots, stdout_of};

/// Wednesday, 25 November 2026, at 10:20 in Central Europe.
const WEDNESDAY_MORNING: &str = "2026-11-25T10:20:00+01:00";

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// A program that appends each of its arguments, one a line, then `--`, to
/// the file `log`; returns its path.
fn recorder(env: &Env, name: &str, log: &Path) -> PathBuf {
    let program = env.write(
        &format!("bin/{name}"),
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{log}'; done\necho -- >> '{log}'\n",
            log = log.display()
        ),
    );
    make_executable(&program);
    program
}

/// An env whose config sends nudges to a recorder; returns it and the log.
fn recording_env() -> (Env, PathBuf) {
    let env = Env::new();
    let log = env.root().join("nudges.txt");
    let program = recorder(&env, "notifier", &log);
    env.write(
        "config/psoas/config.toml",
        &format!(
            "notify_command = [\"{}\", \"--urgency=low\"]\n",
            program.display()
        ),
    );
    (env, log)
}

fn remind_now(env: &Env, now: &str) -> assert_cmd::Command {
    let mut cmd = env.psoas(&["remind", "now"]);
    cmd.env("PSOAS_NOW", now)
        // No session bus: a desktop notification can only fail.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/psoas-test-bus",
        );
    cmd
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// The nudge text for the built-in `desk-break`, from its planned length.
pub(crate) fn expected_nudge(env: &Env) -> String {
    let routines: Value = serde_json::from_str(&stdout_of(
        &mut env.psoas(&["routines", "--format", "json"]),
    ))
    .unwrap();
    let desk = routines
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "desk-break")
        .unwrap();
    let minutes = (desk["total_seconds"].as_u64().unwrap() + 30) / 60;
    format!(
        "Time to stand up: `psoas run desk-break` ({} min)",
        minutes.max(1)
    )
}

fn history_line(started_at: &str) -> String {
    format!(
        "{{\"v\":1,\"started_at\":\"{started_at}\",\"routine_id\":\"desk-break\",\"routine_name\":\"Desk break\",\
         \"planned_seconds\":175,\"planned_hold_seconds\":150,\"held_seconds\":150,\"holds_done\":5,\
         \"holds_skipped\":0,\"finished\":true}}\n"
    )
}

#[test]
fn now_nudges_inside_the_hours_at_most_once_an_interval() {
    let (env, log) = recording_env();
    let text = expected_nudge(&env);
    let out = stdout_of(&mut remind_now(&env, WEDNESDAY_MORNING));
    assert_eq!(out, format!("{text}\n"));
    assert_eq!(read(&log), format!("--urgency=low\npsoas\n{text}\n--\n"));

    // Twice in one interval (10:00 to 11:00): once only.
    let out = stdout_of(&mut remind_now(&env, "2026-11-25T10:55:00+01:00"));
    assert_eq!(out, "no nudge: one came already in this interval\n");
    assert_eq!(read(&log).matches("--\n").count(), 1);

    // The next interval nudges again.
    stdout_of(&mut remind_now(&env, "2026-11-25T11:00:05+01:00"));
    assert_eq!(read(&log).matches("--\n").count(), 2);
}

#[test]
fn now_is_quiet_outside_the_days_and_hours() {
    let (env, log) = recording_env();
    for (now, said) in [
        (
            "2026-11-25T08:59:00+01:00",
            "no nudge: outside 09:00 to 17:30\n",
        ),
        (
            "2026-11-25T17:31:00+01:00",
            "no nudge: outside 09:00 to 17:30\n",
        ),
        (
            "2026-11-28T10:20:00+01:00",
            "no nudge: today is not one of mon-fri\n",
        ),
    ] {
        assert_eq!(stdout_of(&mut remind_now(&env, now)), said, "{now}");
    }
    assert_eq!(read(&log), "");
    // Flags beat the config's table, which beats the defaults.
    env.write(
        "config/psoas/config.toml",
        &format!(
            "{}remind = {{ from = \"07:00\", days = \"every-day\" }}\n",
            read(&env.root().join("config/psoas/config.toml"))
        ),
    );
    stdout_of(&mut remind_now(&env, "2026-11-28T07:30:00+01:00"));
    assert_eq!(read(&log).matches("--\n").count(), 1);
    let out = stdout_of(remind_now(&env, "2026-11-29T07:30:00+01:00").args(["--from", "08:00"]));
    assert_eq!(out, "no nudge: outside 08:00 to 17:30\n");
}

#[test]
fn now_waits_after_a_session() {
    let (env, log) = recording_env();
    env.write(
        "state/psoas/history.jsonl",
        &history_line("2026-11-25T09:45:00+01:00"),
    );
    let out = stdout_of(&mut remind_now(&env, WEDNESDAY_MORNING));
    assert_eq!(
        out,
        "no nudge: your last session started 35 min ago, less than 60m\n"
    );
    assert_eq!(read(&log), "");
    stdout_of(&mut remind_now(&env, "2026-11-25T10:46:00+01:00"));
    assert_eq!(read(&log).matches("--\n").count(), 1);
}

#[test]
fn a_session_dated_in_the_future_is_reported_and_not_the_last_session() {
    let (env, log) = recording_env();
    let path = env.write(
        "state/psoas/history.jsonl",
        &(history_line("2026-11-25T09:00:00+01:00") + &history_line("2027-03-01T08:00:00+01:00")),
    );
    remind_now(&env, WEDNESDAY_MORNING)
        .assert()
        .success()
        .stdout(format!("{}\n", expected_nudge(&env)))
        .stderr(format!(
            "psoas: warning: {}:2:1: a session is dated 2027-03-01 08:00 +01:00, after now: the \
             clock was wrong when it was recorded; it is not taken as the last session\n",
            path.display()
        ));
    assert_eq!(read(&log).matches("--\n").count(), 1);
}

#[test]
fn without_a_notifier_the_nudge_is_printed_and_that_is_said_once() {
    let env = Env::new();
    let text = expected_nudge(&env);
    remind_now(&env, WEDNESDAY_MORNING)
        .assert()
        .success()
        .stdout(format!("{text}\n"))
        .stderr(predicate::str::contains(
            "no desktop notification could be shown",
        ));
    remind_now(&env, "2026-11-25T11:20:00+01:00")
        .assert()
        .success()
        .stdout(format!("{text}\n"))
        .stderr("");
}

#[test]
fn a_failing_notify_command_is_an_error() {
    let env = Env::new();
    env.write(
        "config/psoas/config.toml",
        "notify_command = [\"/nonexistent/notifier\"]\n",
    );
    remind_now(&env, WEDNESDAY_MORNING)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot run the notify_command `/nonexistent/notifier`",
        ));
}

#[test]
fn a_notify_command_that_never_ends_holds_nothing_up_and_its_output_goes_nowhere() {
    let env = Env::new();
    let pid_file = env.root().join("notifier.pid");
    // 50 MB on its standard output and error, then it waits for ever.
    let program = env.write(
        "bin/endless",
        &format!(
            "#!/bin/sh\necho $$ > '{}'\nhead -c 50000000 /dev/zero\nhead -c 1000 /dev/zero >&2\nexec sleep 600\n",
            pid_file.display()
        ),
    );
    make_executable(&program);
    env.write(
        "config/psoas/config.toml",
        &format!("notify_command = [\"{}\"]\n", program.display()),
    );
    let text = expected_nudge(&env);
    let started = std::time::Instant::now();
    let output = remind_now(&env, WEDNESDAY_MORNING)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let waited = started.elapsed();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{text}\n")
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "psoas: the notify_command `{}` is still running after 5 s; psoas leaves it be.\n",
            program.display()
        )
    );
    assert!(waited < std::time::Duration::from_secs(30), "{waited:?}");
    // The interval is marked: the next check in it does not nudge again.
    assert_eq!(
        stdout_of(&mut remind_now(&env, "2026-11-25T10:50:00+01:00")),
        "no nudge: one came already in this interval\n"
    );
    // The program was left running; the test ends it.
    let pid = read(&pid_file);
    let killed = std::process::Command::new("kill")
        .args(["-KILL", pid.trim()])
        .status()
        .unwrap();
    assert!(killed.success(), "the notifier was still running");
}

/// What psoas printed, with the path of the psoas under test, which
/// differs from one build folder to another, as `[PSOAS]`.
fn scrubbed(out: &str) -> String {
    out.replace(env!("CARGO_BIN_EXE_psoas"), "[PSOAS]")
}

/// The files a dry run prints, by name.
fn dry_run_files(out: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in out.lines() {
        if let Some(name) = line.strip_prefix("# file: ") {
            files.push((name.to_string(), String::new()));
        } else {
            let (_, text) = files.last_mut().expect("a file line comes first");
            text.push_str(line);
            text.push('\n');
        }
    }
    files
}

#[test]
fn install_dry_run_prints_systemd_units_that_verify() {
    let env = Env::new();
    let out = stdout_of(&mut env.psoas(&[
        "remind",
        "install",
        "--scheduler",
        "systemd",
        "--every",
        "45m",
        "--to",
        "11:00",
        "--dry-run",
    ]));
    let _snapshots = snapshots();
    insta::assert_snapshot!("dry_run_systemd", scrubbed(&out));
    let files = dry_run_files(&out);
    assert_eq!(files.len(), 2);
    let units = env.root().join("config/systemd/user");
    assert!(!units.exists(), "a dry run writes nothing");

    // Where systemd-analyze exists, systemd itself checks the units.
    verify_units(&env, &files, "verify");

    // A path with a space, `%` and `$` reads back as it is: systemd finds
    // the program there.
    let program = psoas_in(&env, "my tools 100% $HOME");
    let output = assert_cmd::Command::new(&program)
        .current_dir(env.work())
        .env_clear()
        .env("HOME", env.root().join("home"))
        .env("XDG_CONFIG_HOME", env.root().join("config"))
        .env("XDG_STATE_HOME", env.root().join("state"))
        .args(["remind", "install", "--scheduler", "systemd", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!("dry_run_systemd_odd_path", out);
    let files = dry_run_files(&out);
    verify_units(&env, &files, "verify-odd");
}

/// Has `systemd-analyze verify` check the unit files, written to `folder`
/// under the env's root; where it is not installed, says so and checks
/// nothing.
fn verify_units(env: &Env, files: &[(String, String)], folder: &str) {
    let Ok(path) = which("systemd-analyze") else {
        eprintln!("systemd-analyze is not installed; the units were not verified");
        return;
    };
    let dir = env.root().join(folder);
    fs::create_dir_all(dir.join("runtime")).unwrap();
    let mut paths = Vec::new();
    for (name, text) in files {
        let file = dir.join(Path::new(name).file_name().unwrap());
        fs::write(&file, text).unwrap();
        paths.push(file);
    }
    let output = std::process::Command::new(path)
        .args(["--user", "verify"])
        .args(&paths)
        .env("XDG_RUNTIME_DIR", dir.join("runtime"))
        .env("HOME", env.root().join("home"))
        .env("XDG_CONFIG_HOME", env.root().join("config"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr, "", "no warning either");
}

fn which(program: &str) -> Result<PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn install_dry_run_prints_a_launchd_agent_and_cron_lines() {
    let env = Env::new();
    let out = stdout_of(&mut env.psoas(&[
        "remind",
        "install",
        "--scheduler",
        "launchd",
        "--days",
        "mon,wed",
        "--dry-run",
    ]));
    let _snapshots = snapshots();
    insta::assert_snapshot!("dry_run_launchd", scrubbed(&out));
    let out = stdout_of(&mut env.psoas(&["remind", "install", "--scheduler", "cron"]));
    insta::assert_snapshot!("install_cron_chosen", scrubbed(&out));
    // Where cron is all there is, that is said.
    let out = stdout_of(
        env.psoas(&["remind", "install"])
            .env("PATH", env.root().join("no-bin")),
    );
    insta::assert_snapshot!("install_cron_only", scrubbed(&out));
}

/// psoas, linked (or copied) into a folder named `folder` under the env's
/// root, so that its own path is that folder's.
fn psoas_in(env: &Env, folder: &str) -> PathBuf {
    let dir = env.root().join(folder);
    fs::create_dir_all(&dir).unwrap();
    let program = dir.join("psoas");
    if fs::hard_link(env!("CARGO_BIN_EXE_psoas"), &program).is_err() {
        fs::copy(env!("CARGO_BIN_EXE_psoas"), &program).unwrap();
    }
    program
}

#[test]
fn no_scheduler_file_is_written_for_a_path_with_a_control_character() {
    let env = Env::new();
    let injected = "bin\n* * * * * touch pwned\n";
    let program = psoas_in(&env, injected);
    let shown = program.display().to_string().replace('\n', "\\u{a}");
    for scheduler in ["cron", "systemd", "launchd"] {
        let mut cmd = assert_cmd::Command::new(&program);
        cmd.current_dir(env.work())
            .env_clear()
            .env("HOME", env.root().join("home"))
            .env("XDG_CONFIG_HOME", env.root().join("config"))
            .env("XDG_STATE_HOME", env.root().join("state"))
            .args(["remind", "install", "--scheduler", scheduler, "--dry-run"]);
        cmd.assert().code(1).stdout("").stderr(format!(
            "psoas: psoas's own path {shown} holds a newline, so it cannot be written into the \
             scheduler's files as it is; install psoas in a folder whose path has no control \
             characters\n"
        ));
    }
    assert!(!env.root().join("config/systemd").exists());
    assert!(!env.root().join("home/Library").exists());

    // A home folder with an escape in it: the launchd agent would go there.
    let home = env.root().join("home\x1b[2J");
    fs::create_dir_all(&home).unwrap();
    let mut cmd = env.psoas(&["remind", "install", "--scheduler", "launchd"]);
    cmd.env("HOME", &home);
    let folder = home.join("Library/LaunchAgents").display().to_string();
    cmd.assert().code(1).stdout("").stderr(format!(
        "psoas: the folder for the launchd files, {}, holds the control character \\u{{1b}}; \
         it comes from HOME (or XDG_CONFIG_HOME for systemd): set it to a folder whose path has \
         no control characters\n",
        folder.replace('\x1b', "\\u{1b}")
    ));
    assert!(!home.join("Library").exists(), "nothing is written");

    // What is there already is shown with its control characters escaped.
    let config = env.root().join("config\x1b[2J\n");
    let service = config.join("systemd/user/psoas-remind.service");
    fs::create_dir_all(service.parent().unwrap()).unwrap();
    fs::write(&service, "[Service]\nExecStart=/p remind now\n").unwrap();
    let mut cmd = env.psoas(&["remind", "status", "--scheduler", "systemd"]);
    // No systemctl: the machine's own is not asked.
    cmd.env("XDG_CONFIG_HOME", &config)
        .env("PATH", env.root().join("no-bin"))
        .env("PSOAS_NOW", WEDNESDAY_MORNING);
    let out = stdout_of(&mut cmd);
    let shown = service
        .display()
        .to_string()
        .replace('\x1b', "\\u{1b}")
        .replace('\n', "\\u{a}");
    assert!(
        out.starts_with(&format!("Installed for systemd: {shown}\n")),
        "{out}"
    );
}

#[test]
fn install_status_and_uninstall_with_systemd() {
    let env = Env::new();
    let log = env.root().join("systemctl.txt");
    recorder(&env, "systemctl", &log);
    let path = env.root().join("bin").display().to_string();
    let psoas = |args: &[&str]| {
        let mut cmd = env.psoas(args);
        cmd.env("PATH", &path).env("PSOAS_NOW", WEDNESDAY_MORNING);
        cmd
    };
    let units = env.root().join("config/systemd/user");

    let _snapshots = snapshots();
    let out = stdout_of(&mut psoas(&["remind", "status"]));
    insta::assert_snapshot!("status_not_installed", out);

    let out = stdout_of(&mut psoas(&["remind", "install", "--every", "90m"]));
    insta::assert_snapshot!("install_systemd", out);
    assert!(units.join("psoas-remind.service").is_file());
    assert!(units.join("psoas-remind.timer").is_file());
    assert_eq!(
        read(&log),
        "--user\ndaemon-reload\n--\n--user\nenable\n--now\npsoas-remind.timer\n--\n"
    );

    // The stand-in did not enable anything, so status says so.
    let out = stdout_of(&mut psoas(&["remind", "status"]));
    insta::assert_snapshot!("status_timer_not_enabled", out);

    fs::write(&log, "").unwrap();
    let out = stdout_of(&mut psoas(&["remind", "uninstall"]));
    insta::assert_snapshot!("uninstall_systemd", out);
    assert!(!units.join("psoas-remind.service").exists());
    assert!(!units.join("psoas-remind.timer").exists());
    assert_eq!(
        read(&log),
        "--user\ndisable\n--now\npsoas-remind.timer\n--\n--user\ndaemon-reload\n--\n"
    );
    let out = stdout_of(&mut psoas(&["remind", "uninstall"]));
    assert_eq!(
        out,
        "Nothing to remove: no reminder is installed for systemd.\n"
    );
}

#[test]
fn without_a_systemd_user_session_status_says_so_and_uninstall_still_removes() {
    let env = Env::new();
    // systemctl as it answers over ssh or in tmux, with no user session.
    let systemctl = env.write(
        "bin/systemctl",
        "#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n",
    );
    make_executable(&systemctl);
    let path = env.root().join("bin").display().to_string();
    let psoas = |args: &[&str]| {
        let mut cmd = env.psoas(args);
        cmd.env("PATH", &path).env("PSOAS_NOW", WEDNESDAY_MORNING);
        cmd
    };
    let units = env.root().join("config/systemd/user");

    psoas(&["remind", "install"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the files are written, but the timer is not enabled",
        ));
    let service = units.join("psoas-remind.service");
    let timer = units.join("psoas-remind.timer");
    assert!(service.is_file() && timer.is_file());

    // No promise of a next check from a timer that never runs.
    let out = stdout_of(&mut psoas(&["remind", "status"]));
    let _snapshots = snapshots();
    insta::assert_snapshot!("status_timer_not_active", out);

    // The link an earlier `enable` made goes too.
    let wants = units.join("timers.target.wants");
    fs::create_dir_all(&wants).unwrap();
    std::os::unix::fs::symlink(&timer, wants.join("psoas-remind.timer")).unwrap();
    let output = psoas(&["remind", "uninstall"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "removed {}\nremoved {}\nremoved {}\n",
            timer.display(),
            service.display(),
            wants.join("psoas-remind.timer").display()
        )
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with(
            "psoas: warning: `systemctl --user disable --now psoas-remind.timer` failed \
             (exit status: 1); if the timer runs in a session of your own, \
             `systemctl --user disable --now psoas-remind.timer` there stops it.\n"
        ),
        "{stderr}"
    );
    assert!(!service.exists() && !timer.exists());
    assert!(wants.join("psoas-remind.timer").symlink_metadata().is_err());

    // Cron, chosen, is not said to be all there is.
    let out = stdout_of(&mut psoas(&[
        "remind",
        "install",
        "--scheduler",
        "cron",
        "--dry-run",
    ]));
    insta::assert_snapshot!("install_cron_chosen_dry_run", scrubbed(&out));
}

#[test]
fn a_systemctl_that_never_answers_holds_uninstall_up_for_seconds_only() {
    let env = Env::new();
    // It starts a child of its own that would keep psoas's standard error
    // open: it must end with it.
    let systemctl = env.write("bin/systemctl", "#!/bin/sh\n/bin/sleep 600\nexit 0\n");
    make_executable(&systemctl);
    let units = env.root().join("config/systemd/user");
    let service = env.write("config/systemd/user/psoas-remind.service", "[Service]\n");
    let timer = env.write("config/systemd/user/psoas-remind.timer", "[Timer]\n");
    let started = std::time::Instant::now();
    let output = env
        .psoas(&["remind", "uninstall"])
        .env("PATH", env.root().join("bin"))
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "removed {}\nremoved {}\n",
            timer.display(),
            service.display()
        )
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "psoas: warning: `systemctl --user disable --now psoas-remind.timer` did not finish \
             within 10 s, so psoas ended it; "
        ),
        "{stderr}"
    );
    assert!(fs::read_dir(&units).unwrap().next().is_none());
}

#[test]
fn a_bad_schedule_is_refused_with_what_is_valid() {
    let env = Env::new();
    env.psoas(&["remind", "now", "--every", "3m"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("minutes or hours from 5m to 12h"));
    env.psoas(&["remind", "now", "--from", "18:00"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("start at 18:00 and stop at 17:30"));
    env.write(
        "config/psoas/config.toml",
        "remind = { every = \"often\", days = \"weekdays\" }\n",
    );
    env.psoas(&["remind", "now"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`remind.every`: `often` is not valid here",
        ))
        .stderr(predicate::str::contains(
            "`remind.days`: `weekdays` is not valid here",
        ));
}

#[test]
fn snooze_and_pause_keep_nudges_back_until_their_time() {
    let (env, log) = recording_env();
    let snooze = |args: &[&str], now: &str| {
        let mut cmd = env.psoas(args);
        cmd.env("PSOAS_NOW", now);
        stdout_of(&mut cmd)
    };
    assert_eq!(
        snooze(&["remind", "snooze", "30m"], "2026-11-25T10:00:00+01:00"),
        "No nudge until 10:30.\n"
    );
    assert_eq!(
        stdout_of(&mut remind_now(&env, "2026-11-25T10:20:00+01:00")),
        "no nudge: paused until 10:30\n"
    );
    assert_eq!(read(&log), "");
    assert_eq!(
        stdout_of(&mut remind_now(&env, "2026-11-25T10:30:00+01:00")),
        format!("{}\n", expected_nudge(&env))
    );
    assert_eq!(
        snooze(
            &["remind", "pause", "until", "14:00"],
            "2026-11-25T11:05:00+01:00"
        ),
        "No nudge until 14:00.\n"
    );
    assert_eq!(
        stdout_of(&mut remind_now(&env, "2026-11-25T13:59:00+01:00")),
        "no nudge: paused until 14:00\n"
    );
    env.psoas(&["remind", "pause", "until", "09:00"])
        .env("PSOAS_NOW", "2026-11-25T11:05:00+01:00")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "09:00 has passed today (it is 11:05)",
        ));
    env.psoas(&["remind", "pause", "14:00"]).assert().code(2);
}

#[test]
fn status_says_when_the_timer_is_from_a_psoas_that_checked_at_set_times() {
    let env = Env::new();
    let log = env.root().join("systemctl.txt");
    recorder(&env, "systemctl", &log);
    let service = env.write(
        "config/systemd/user/psoas-remind.service",
        "[Service]\nExecStart=/usr/bin/psoas remind now --every 60m --from 09:00 --to 17:30 --days mon-fri\n",
    );
    let timer = env.write(
        "config/systemd/user/psoas-remind.timer",
        "[Timer]\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 09:00:00\n",
    );
    let out = stdout_of(
        env.psoas(&["remind", "status", "--scheduler", "systemd"])
            .env("PATH", env.root().join("bin"))
            .env("PSOAS_NOW", WEDNESDAY_MORNING),
    );
    assert!(
        out.starts_with(&format!(
            "Installed for systemd: {}\n{} is from a psoas that checked at set times only: \
             `psoas remind install` writes it again, to check every 5 minutes.\n",
            service.display(),
            timer.display()
        )),
        "{out}"
    );
}

#[test]
fn a_link_or_a_fifo_in_place_of_a_file_psoas_writes_is_refused_and_left_as_it_is() {
    let env = Env::new();
    let log = env.root().join("systemctl.txt");
    recorder(&env, "systemctl", &log);
    let elsewhere = env.write("elsewhere.txt", "not psoas's\n");
    let units = env.root().join("config/systemd/user");
    fs::create_dir_all(&units).unwrap();
    let service = units.join("psoas-remind.service");
    std::os::unix::fs::symlink(&elsewhere, &service).unwrap();
    let install = env
        .psoas(&["remind", "install", "--scheduler", "systemd"])
        .env("PATH", env.root().join("bin"))
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(install.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&install.stderr),
        format!(
            "psoas: cannot write {}: it is a symbolic link, not a regular file\n",
            service.display()
        )
    );
    assert_eq!(read(&elsewhere), "not psoas's\n");
    assert!(service.symlink_metadata().unwrap().file_type().is_symlink());

    // A FIFO in place of the last nudge's file cannot hold `now` up: the
    // nudge is given, and the FIFO is named and left alone.
    fs::create_dir_all(env.state_dir()).unwrap();
    let fifo = env.state_dir().join("remind-last-nudge");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let notifier = recorder(&env, "notifier", &env.root().join("nudges.txt"));
    env.write(
        "config/psoas/config.toml",
        &format!("notify_command = [\"{}\"]\n", notifier.display()),
    );
    let now = remind_now(&env, WEDNESDAY_MORNING)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(now.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&now.stderr),
        format!(
            "psoas: cannot write {}: it is a FIFO (named pipe), not a regular file\n",
            fifo.display()
        )
    );
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &fifo.symlink_metadata().unwrap().file_type()
    ));
}

#[test]
fn the_routines_a_nudge_offers_are_checked_where_the_config_names_them() {
    let env = Env::new();
    env.write(
        "config/psoas/config.toml",
        "# nudges\nremind = { every = \"30m\", routines = [\"micro-break\", \"desk-brake\", \"nope\"] }\n",
    );
    let output = remind_now(&env, WEDNESDAY_MORNING).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&env.root().display().to_string(), "ROOT");
    insta::assert_snapshot!("unknown_nudge_routines", stderr);
    // Nothing was nudged.
    assert!(!env.state_dir().join("remind-last-nudge").exists());
    let install = env
        .psoas(&["remind", "install", "--scheduler", "cron"])
        .output()
        .unwrap();
    assert_eq!(install.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&install.stderr).replace(&env.root().display().to_string(), "ROOT"),
        stderr
    );

    env.write(
        "config/psoas/config.toml",
        "remind = { routines = [], skips_a_day = 40 }\nterminal = []\n",
    );
    let output = remind_now(&env, WEDNESDAY_MORNING).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&env.root().display().to_string(), "ROOT");
    insta::assert_snapshot!("bad_nudge_settings", stderr);
}
