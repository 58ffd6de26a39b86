//! The system's own programs (`systemctl`, `launchctl`, and `ioreg` for the
//! idle time on macOS), run so that none can hold psoas up: each has a set
//! time to finish ([`PATIENCE`] for the scheduler's), then it and every
//! process it started are ended. The scheduler's standard output goes to
//! psoas's standard error, where their messages stay readable without mixing
//! into what psoas itself prints; [`output`] keeps it instead.

use std::io;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, ExitStatus, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt as _;

/// How long a scheduler's program has to finish.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);

/// Whether the program's messages are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Messages {
    /// On psoas's standard error.
    Shown,
    /// Nowhere: only the exit status matters.
    Discarded,
}

/// Runs `words` (a program and its arguments, never through a shell) with
/// no input; its exit status, or `None` if it was still running after
/// `patience` and was ended.
pub(crate) fn run(
    words: &[&str],
    messages: Messages,
    patience: Duration,
) -> io::Result<Option<ExitStatus>> {
    let (program, args) = words
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no program"))?;
    let (stdout, stderr) = match messages {
        Messages::Shown => (Stdio::from(io::stderr()), Stdio::inherit()),
        Messages::Discarded => (Stdio::null(), Stdio::null()),
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        // A group of its own, so that what it started ends with it.
        .process_group(0)
        .spawn()?;
    if let Some(status) = child.wait_timeout(patience)? {
        Ok(Some(status))
    } else {
        kill_group(child.id());
        child.wait()?;
        Ok(None)
    }
}

/// The most of a program's output [`output`] keeps.
const MAX_OUTPUT: u64 = 1 << 20;

/// Runs `words` as [`run`] does and keeps what it prints (up to 1 MiB),
/// read as it comes so that a full pipe cannot stall it; `None` if it
/// failed or was still running after `patience` and was ended.
pub(crate) fn output(words: &[&str], patience: Duration) -> io::Result<Option<Vec<u8>>> {
    let (program, args) = words
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no program"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut kept = Vec::new();
        let _ = io::Read::read_to_end(&mut io::Read::take(stdout, MAX_OUTPUT), &mut kept);
        kept
    });
    let Some(status) = child.wait_timeout(patience)? else {
        kill_group(child.id());
        child.wait()?;
        return Ok(None);
    };
    let kept = reader.join().unwrap_or_default();
    Ok(status.success().then_some(kept))
}

/// Ends the process group `leader` leads, with SIGKILL.
#[allow(unsafe_code)]
fn kill_group(leader: u32) {
    let Ok(group) = libc::pid_t::try_from(leader) else {
        return;
    };
    if group <= 1 {
        return;
    }
    // SAFETY: `killpg` takes plain integers; a group id above 1 reaches no
    // process outside that group. The leader is not reaped yet, so the id is
    // still its own.
    unsafe {
        libc::killpg(group, libc::SIGKILL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_finishes_gives_its_status() {
        let status = run(&["/bin/sh", "-c", "exit 3"], Messages::Discarded, PATIENCE);
        assert_eq!(status.unwrap().and_then(|s| s.code()), Some(3));
        assert!(run(&["/nonexistent/systemctl"], Messages::Shown, PATIENCE).is_err());
    }

    #[test]
    fn the_output_of_a_program_is_kept_and_one_that_hangs_gives_none() {
        let printed = output(&["/bin/sh", "-c", "echo one; echo two"], PATIENCE);
        assert_eq!(printed.unwrap(), Some(b"one\ntwo\n".to_vec()));
        let failed = output(&["/bin/sh", "-c", "echo x; exit 1"], PATIENCE);
        assert_eq!(failed.unwrap(), None);
        let started = std::time::Instant::now();
        let hung = output(
            &["/bin/sh", "-c", "echo x; exec sleep 600"],
            Duration::from_millis(200),
        );
        assert_eq!(hung.unwrap(), None);
        assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
    }

    #[test]
    fn a_program_that_never_ends_is_ended_with_what_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 600 & echo $! > '{}'; wait", pid_file.display());
        let patience = Duration::from_millis(300);
        let started = std::time::Instant::now();
        let status = run(&["/bin/sh", "-c", &script], Messages::Discarded, patience);
        assert_eq!(status.unwrap(), None);
        assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
        // The `sleep` it started is gone too (or a zombie, not yet reaped).
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let stat = format!("/proc/{}/stat", pid.trim());
        let start = std::time::Instant::now();
        loop {
            match std::fs::read_to_string(&stat) {
                Err(_) => break,
                Ok(text) if text.contains(") Z ") => break,
                Ok(text) => assert!(start.elapsed() < PATIENCE, "still running: {text}"),
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
