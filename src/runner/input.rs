//! Waiting for what the interactive screen reacts to: a key on the terminal,
//! a signal, or the end of the terminal itself.
//!
//! The wait is a `poll` on the terminal and the signal watch's waker rather
//! than crossterm's own: once a terminal is hung up (its window closed, the
//! ssh connection dropped), it reads as empty for ever, and crossterm's reader
//! would spin on it without returning. Here a hung-up terminal is an answer
//! like any other, and crossterm only reads a terminal known to be alive.

use std::io;
use std::os::fd::AsRawFd;
use std::time::Duration;

use super::signals::SignalWatch;

/// What ended a wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ready {
    /// The terminal has something to read.
    Terminal,
    /// A signal arrived: take it from the watch.
    Signal,
    /// The terminal is gone.
    HungUp,
    /// Nothing happened in time.
    Timeout,
}

/// Whether the terminal (standard input) is gone, without waiting.
pub fn hung_up() -> io::Result<bool> {
    let mut fds = [pollfd(io::stdin().as_raw_fd())];
    poll(&mut fds, Duration::ZERO)?;
    Ok(is_gone(fds[0].revents))
}

/// Waits up to `timeout` for the terminal or a signal.
pub fn wait(watch: &SignalWatch, timeout: Duration) -> io::Result<Ready> {
    let mut fds = [
        pollfd(io::stdin().as_raw_fd()),
        pollfd(watch.waker().as_raw_fd()),
    ];
    if !poll(&mut fds, timeout)? {
        return Ok(Ready::Timeout);
    }
    Ok(if fds[1].revents & libc::POLLIN != 0 {
        Ready::Signal
    } else if is_gone(fds[0].revents) {
        Ready::HungUp
    } else if fds[0].revents & libc::POLLIN != 0 {
        Ready::Terminal
    } else {
        Ready::Timeout
    })
}

fn is_gone(revents: libc::c_short) -> bool {
    revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

fn pollfd(fd: libc::c_int) -> libc::pollfd {
    libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }
}

/// `poll(2)`; whether any descriptor is ready. An interruption counts as
/// nothing ready: the caller works out the time left and waits again.
#[allow(unsafe_code)]
fn poll(fds: &mut [libc::pollfd], timeout: Duration) -> io::Result<bool> {
    // Rounded up, so a wait for less than a millisecond does not return at
    // once and spin.
    let millis = timeout.as_nanos().div_ceil(1_000_000);
    let millis = libc::c_int::try_from(millis).unwrap_or(libc::c_int::MAX);
    // SAFETY: `fds` is a valid, writable slice of `pollfd` of the length given.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
    if n < 0 {
        let error = io::Error::last_os_error();
        if error.kind() == io::ErrorKind::Interrupted {
            return Ok(false);
        }
        return Err(error);
    }
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::io::Write;
    use std::os::unix::net::UnixStream;

    #[test]
    fn a_closed_peer_is_gone_and_data_is_readable() {
        let (mut near, far) = UnixStream::pair().unwrap();
        let mut fds = [pollfd(far.as_raw_fd())];
        assert!(!poll(&mut fds, Duration::ZERO).unwrap());
        near.write_all(b"q").unwrap();
        assert!(poll(&mut fds, Duration::from_secs(5)).unwrap());
        assert!(fds[0].revents & libc::POLLIN != 0);
        assert!(!is_gone(fds[0].revents));
        drop(near);
        let mut fds = [pollfd(far.as_raw_fd())];
        assert!(poll(&mut fds, Duration::from_secs(5)).unwrap());
        assert!(is_gone(fds[0].revents));
    }
}
