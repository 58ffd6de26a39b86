//! Typing unseen: while the safety notice waits for Enter, keys typed are not
//! echoed over it. The terminal keeps its line editing and its signal keys
//! (Ctrl-C still interrupts); only the echo is turned off, by a guard that
//! turns it back on when it is dropped, on every way out, a panic's unwinding
//! included.

use std::io;
use std::os::fd::AsRawFd;

/// While it lives, what is typed on the terminal on standard input is not
/// shown.
pub(crate) struct EchoOff {
    /// The settings to put back; none if standard input is no terminal.
    saved: Option<libc::termios>,
}

impl EchoOff {
    /// Turns the echo off, if standard input is a terminal.
    pub(crate) fn start() -> EchoOff {
        let fd = io::stdin().as_raw_fd();
        let saved = settings(fd);
        if let Some(mut quiet) = saved {
            quiet.c_lflag &= !(libc::ECHO | libc::ECHONL);
            set(fd, &quiet);
        }
        EchoOff { saved }
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        if let Some(saved) = &self.saved {
            set(io::stdin().as_raw_fd(), saved);
        }
    }
}

#[allow(unsafe_code)]
fn settings(fd: libc::c_int) -> Option<libc::termios> {
    // SAFETY: `tcgetattr` fills the zeroed struct it is given, or fails and
    // leaves it unused.
    unsafe {
        let mut termios: libc::termios = std::mem::zeroed();
        (libc::tcgetattr(fd, &raw mut termios) == 0).then_some(termios)
    }
}

/// Applies `termios` at once; a terminal that has gone is left as it is.
#[allow(unsafe_code)]
fn set(fd: libc::c_int, termios: &libc::termios) {
    // SAFETY: `termios` is a valid struct read by `tcgetattr`.
    unsafe {
        libc::tcsetattr(fd, libc::TCSANOW, termios);
    }
}
