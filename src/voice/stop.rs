//! Ending a voice program: SIGTERM to its process group first, so that a
//! wrapper script can clean up (stop its player, remove a temp file), then
//! SIGKILL to whatever is left of the group after a short [`GRACE`], then
//! reaping it.
//!
//! This happens on a thread of its own, so the run never waits for a
//! program that ignores SIGTERM, and the program is never reaped before the
//! last signal: until then its id, which is its group's, cannot be taken by
//! another process, so the signals reach only what the program started.

use std::process::{Child, ExitStatus};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a program has to end after SIGTERM before it is killed.
pub(super) const GRACE: Duration = Duration::from_millis(500);

/// How often a program being ended is looked at.
const LOOK: Duration = Duration::from_millis(10);

/// A program being ended.
pub(super) struct Stopping {
    thread: JoinHandle<()>,
}

impl Stopping {
    /// Ends `child` and everything in its process group, allowing it
    /// `grace` (see the module).
    pub(super) fn start(mut child: Child, grace: Duration) -> Stopping {
        let thread = std::thread::spawn(move || {
            let group = child.id();
            signal_group(group, libc::SIGTERM);
            let deadline = Instant::now() + grace;
            while exit_status(&child).is_none() && Instant::now() < deadline {
                std::thread::sleep(LOOK);
            }
            signal_group(group, libc::SIGKILL);
            let _ = child.wait();
        });
        Stopping { thread }
    }

    pub(super) fn is_done(&self) -> bool {
        self.thread.is_finished()
    }
}

/// Waits until every program in `stopping` has ended, for at most `within`.
/// A program that even SIGKILL does not end at once (one stuck in the
/// kernel on a device, say) is left to its thread rather than waited for.
pub(super) fn wait_all(stopping: Vec<Stopping>, within: Duration) {
    let deadline = Instant::now() + within;
    for stop in stopping {
        while !stop.is_done() && Instant::now() < deadline {
            std::thread::sleep(LOOK);
        }
        if stop.is_done() {
            let _ = stop.thread.join();
        }
    }
}

/// How `child` ended, if it has, without reaping it.
#[allow(unsafe_code)]
pub(super) fn exit_status(child: &Child) -> Option<ExitStatus> {
    use std::os::unix::process::ExitStatusExt;
    let pid = libc::id_t::from(child.id());
    // SAFETY: `info` is a plain struct `waitid` fills in; WNOWAIT leaves the
    // child waitable, and WNOHANG makes this return at once.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let options = libc::WEXITED | libc::WNOHANG | libc::WNOWAIT;
        if libc::waitid(libc::P_PID, pid, &raw mut info, options) != 0 || info.si_pid() == 0 {
            return None;
        }
        let status = info.si_status();
        Some(if info.si_code == libc::CLD_EXITED {
            ExitStatus::from_raw((status & 0xff) << 8)
        } else {
            // Killed by signal `status`.
            ExitStatus::from_raw(status & 0x7f)
        })
    }
}

/// Sends `signal` to the process group `leader` leads.
#[allow(unsafe_code)]
fn signal_group(leader: u32, signal: libc::c_int) {
    let Ok(group) = libc::pid_t::try_from(leader) else {
        return;
    };
    if group <= 1 {
        return;
    }
    // SAFETY: `killpg` takes plain integers; a positive group id other than
    // 1 never reaches beyond that group.
    unsafe {
        libc::killpg(group, signal);
    }
}
