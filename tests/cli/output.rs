//! Where the output goes: a reader that has gone away is no error for any
//! command, a full disk is one, and a broken config stops only the commands
//! that read it.

use std::process::{Output, Stdio};

use crate::Env;

/// Every command that prints, with arguments that make it print.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--format", "json"],
    &["show", "standing-pelvic-tilt", "--format", "json"],
    &["routines", "--format", "json"],
    &["print", "--format", "json"],
    &["print", "--format", "markdown"],
    &["check"],
    &["history", "--format", "json"],
    &["plan", "--minutes", "10", "--format", "json"],
    &["config", "path"],
    &["config", "show"],
    &["completions", "bash"],
    &["completions", "zsh"],
    &["completions", "fish"],
    &["man"],
    &["--help"],
    &["run", "--help"],
    &["--version"],
];

/// Runs `psoas ARGS` with stdout on a pipe whose reader is already gone.
fn with_closed_stdout(env: &Env, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    env.process(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn every_command_ends_quietly_when_its_reader_is_gone() {
    let env = Env::new();
    for args in COMMANDS {
        let output = with_closed_stdout(&env, args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

#[test]
fn a_full_disk_is_an_error_with_a_message() {
    let env = Env::new();
    for args in [
        &["man"][..],
        &["completions", "bash"],
        &["--help"],
        &["list"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = env
            .process(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("psoas: "), "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_broken_config_stops_only_the_commands_that_read_it() {
    let env = Env::new();
    let config = env.write("config/psoas/config.toml", "prep = \"soon\"\n");
    for args in [
        &["config", "path"][..],
        &["check"],
        &["show", "march-in-place"],
        &["man"],
        &["completions", "fish"],
        &["--help"],
        &["--version"],
    ] {
        let output = env.psoas(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
    // `config init` leaves the file there alone, and says so.
    let output = env.psoas(&["config", "init"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("problem"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "prep = \"soon\"\n"
    );
    for args in [
        &["list"][..],
        &["routines"],
        &["history"],
        &["run", "--plain", "--no-record"],
        &["config", "show"],
    ] {
        env.psoas(args).assert().code(1);
    }
}
