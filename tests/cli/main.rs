//! End-to-end tests of the `psoas` binary: one test binary, one module per
//! area. Every test that runs `psoas` runs it in a fresh [`Env`], so no user
//! file or setting of the machine running the tests can leak in; the few
//! that need a value the program writes (a history record, the terminal
//! guard) take it from the crate's small public API.
//!
//! What a person reads is checked whole, as an insta snapshot under
//! `snapshots/`, named after the test that prints it; the behaviour around
//! it (exit statuses, files written) is asserted beside it.

mod config;
mod conventions;
mod diagnostics;
mod docs;
mod figures;
mod guidance;
mod help;
mod history;
mod layers;
mod level;
mod library;
mod long_routines;
mod odd_files;
mod output;
mod plan;
mod print_html;
#[cfg(unix)]
mod remind;
#[cfg(unix)]
mod remind_bus;
mod run;
mod run_flow;
mod safety;
mod shell;
mod sides;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A throw-away home: home, config, state and working folders under one temp
/// dir.
pub struct Env {
    dir: TempDir,
}

impl Default for Env {
    fn default() -> Self {
        Self::new()
    }
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["home", "config", "state", "work"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Env { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The user's routines folder (`$XDG_CONFIG_HOME/psoas/routines`).
    pub fn routines_dir(&self) -> PathBuf {
        self.root().join("config/psoas/routines")
    }

    pub fn state_dir(&self) -> PathBuf {
        self.root().join("state/psoas")
    }

    /// The working folder commands run in.
    pub fn work(&self) -> PathBuf {
        self.root().join("work")
    }

    /// Writes a file (creating folders), relative to the root; returns its path.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// `psoas ARGS` in the working folder, with only this env's folders,
    /// `PATH` and a dumb terminal in its environment.
    pub fn psoas(&self, args: &[&str]) -> Command {
        Command::from_std(self.process(args))
    }

    /// `psoas ARGS` as [`Env::psoas`] runs it, with the run's clock virtual:
    /// every wait for plan time to pass is skipped, so a run at real speed
    /// takes milliseconds with the same events, and is recorded.
    pub fn psoas_at_once(&self, args: &[&str]) -> Command {
        let mut cmd = self.psoas(args);
        cmd.env(VIRTUAL_CLOCK.0, VIRTUAL_CLOCK.1);
        cmd
    }

    /// The same as [`Env::psoas`], as a standard command, for tests that
    /// start the process and talk to it while it runs.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_psoas"));
        cmd.args(args)
            .current_dir(self.work())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root().join("home"))
            .env("XDG_CONFIG_HOME", self.root().join("config"))
            .env("XDG_STATE_HOME", self.root().join("state"))
            .env("TERM", "dumb")
            // Never the machine's own buses: a test that wants one starts it.
            .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
            .env("DBUS_SYSTEM_BUS_ADDRESS", NO_BUS);
        cmd
    }
}

/// Says that a program the test needs is missing (`why`): under CI
/// (`CI=true`), where `.ci/run` installs it, the test fails; elsewhere it is
/// skipped with a note.
pub fn missing(program: &str, why: impl std::fmt::Display) {
    assert!(
        std::env::var_os("CI").is_none_or(|ci| ci != "true"),
        "{program} is needed under CI, and .ci/run installs it: {why}"
    );
    eprintln!("note: skipped, no {program} here ({why})");
}

/// Starts `cmd`, a server that prints one line on its stdout once it takes
/// clients (a bus's address, a display's number), and returns it with that
/// line; `None`, through [`missing`], where `program` is not installed.
pub fn start_announcing(
    program: &str,
    cmd: &mut std::process::Command,
) -> Option<(std::process::Child, String)> {
    use std::io::BufRead;
    let mut child = match cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => {
            missing(program, error);
            return None;
        }
    };
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    Some((child, line.trim().to_string()))
}

/// A bus address where no bus is.
pub const NO_BUS: &str = "unix:path=/nonexistent/psoas-test-bus";

/// The variable that makes a run's clock virtual (see `src/runner/clock.rs`).
pub const VIRTUAL_CLOCK: (&str, &str) = ("PSOAS_VIRTUAL_CLOCK", "1");

/// A test's temp folder as it appears in what psoas prints: tempfile names
/// each one `.tmp` and six letters or digits, under the system's temp folder.
const TEMP_ROOT: &str = r"(?:/[^/\s]+)*/\.tmp[0-9A-Za-z]{6}";

/// insta's settings for a snapshot of what psoas prints, in force while the
/// returned guard lives: a test's temp folder, different on every run, reads
/// `[ROOT]`, and the snapshot file holds the output alone.
pub fn snapshots() -> insta::internals::SettingsBindDropGuard {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(TEMP_ROOT, "[ROOT]");
    settings.set_omit_expression(true);
    settings.bind_to_scope()
}

/// Stderr of a run that ends with exit status `code`, as text.
pub fn stderr_of(cmd: &mut Command, code: i32) -> String {
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stderr).unwrap()
}

/// Stdout of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
