//! Waiting for what the interactive screen reacts to: a key on the terminal,
//! a signal, or the end of the terminal itself.
//!
//! The wait is a `poll` on the terminal and the signal watch's waker, and the
//! keys are read and decoded here rather than by crossterm: once a terminal
//! is hung up (its window closed, the ssh connection dropped), it reads as
//! empty for ever, and crossterm's reader spins on it without returning. Here
//! a hung-up terminal is an answer like any other. The keys come out as
//! crossterm's [`KeyEvent`]s, which [`keys`](super::keys) maps to actions.

use std::io;
use std::os::fd::AsRawFd;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::signals::SignalWatch;
use super::terminal::in_foreground;
use crate::history::terminal_gone;

/// What ended a wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ready {
    /// Keys were typed, in order (a paste or a fast typist gives several).
    Keys(Vec<KeyEvent>),
    /// A signal arrived: take it from the watch.
    Signal,
    /// The terminal is gone.
    HungUp,
    /// Keys are waiting, but psoas is not in the terminal's foreground: they
    /// are the shell's, and were left unread.
    Away,
    /// Nothing happened in time.
    Timeout,
}

/// Waits up to `timeout` for the terminal or a signal. Without `keys`, the
/// terminal is watched only for its end: its keys belong to another program
/// (the shell, while psoas is in the background), and reading them would stop
/// psoas.
pub(crate) fn wait(watch: &SignalWatch, timeout: Duration, keys: bool) -> io::Result<Ready> {
    let mut terminal = pollfd(io::stdin().as_raw_fd());
    if !keys {
        // `poll` reports a hang-up whatever is asked for.
        terminal.events = 0;
    }
    let mut fds = [terminal, pollfd(watch.waker().as_raw_fd())];
    if !poll(&mut fds, timeout)? {
        return Ok(Ready::Timeout);
    }
    if fds[1].revents & libc::POLLIN != 0 {
        return Ok(Ready::Signal);
    }
    if is_gone(fds[0].revents) {
        return Ok(Ready::HungUp);
    }
    if fds[0].revents & libc::POLLIN == 0 {
        return Ok(Ready::Timeout);
    }
    // Continued in the background, psoas may wake to keys typed at the
    // shell before it knows it is there: reading them would stop it
    // (SIGTTIN) in the middle of a read that, once brought back, waits for a
    // key before anything is drawn.
    if !in_foreground() {
        return Ok(Ready::Away);
    }
    // Readable: one read takes what is there without waiting. The terminal
    // is shared with the shell, so it is never made non-blocking.
    let mut buf = [0u8; 1024];
    match read_stdin(&mut buf) {
        Ok(0) => Ok(Ready::HungUp),
        Ok(n) => Ok(Ready::Keys(decode(&buf[..n]))),
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Ready::Timeout),
        Err(e) if terminal_gone(&e) => Ok(Ready::HungUp),
        Err(e) => Err(e),
    }
}

/// Whether the terminal on standard input has gone (its window closed, the
/// connection dropped), as opposed to an end of input typed with Ctrl-D:
/// both read as nothing, but only a terminal that has gone hangs up.
pub(crate) fn stdin_hung_up() -> bool {
    let mut fds = [pollfd(io::stdin().as_raw_fd())];
    matches!(poll(&mut fds, Duration::ZERO), Ok(true)) && is_gone(fds[0].revents)
}

/// One `read(2)` of standard input, bypassing std's buffer so that what
/// `poll` saw is what is read.
#[allow(unsafe_code)]
fn read_stdin(buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: `buf` is valid and writable for its length.
    let n = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(n as usize)
}

/// The keys in bytes read from a terminal in raw mode: characters, Enter,
/// Esc, the arrows and Ctrl with a letter. Anything else (other escape
/// sequences, function keys) is no key the screen uses, and is dropped.
pub(crate) fn decode(bytes: &[u8]) -> Vec<KeyEvent> {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'\r' | b'\n' => keys.push(key(KeyCode::Enter)),
            b'\t' => keys.push(key(KeyCode::Tab)),
            0x7f | 0x08 => keys.push(key(KeyCode::Backspace)),
            0x1b => match bytes.get(i) {
                // An escape sequence: ESC [ or ESC O, parameters, a final byte.
                Some(b'[' | b'O') => {
                    let start = i + 1;
                    let end = bytes[start..]
                        .iter()
                        .position(|b| (0x40..=0x7e).contains(b))
                        .map_or(bytes.len(), |p| start + p);
                    let code = match bytes.get(end) {
                        Some(b'A') => Some(KeyCode::Up),
                        Some(b'B') => Some(KeyCode::Down),
                        Some(b'C') => Some(KeyCode::Right),
                        Some(b'D') => Some(KeyCode::Left),
                        _ => None,
                    };
                    keys.extend(code.map(key));
                    i = end + 1;
                }
                // Alone, or before a character (Alt): the Esc key.
                _ => keys.push(key(KeyCode::Esc)),
            },
            0x01..=0x1a => {
                let letter = char::from(b - 1 + b'a');
                keys.push(KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL));
            }
            _ if b < 0x20 => {}
            _ => {
                // A character, which may take up to four bytes.
                let len = match b {
                    0xf0.. => 4,
                    0xe0.. => 3,
                    0xc0.. => 2,
                    _ => 1,
                };
                let end = (i - 1 + len).min(bytes.len());
                if let Some(c) = std::str::from_utf8(&bytes[i - 1..end])
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    keys.push(key(KeyCode::Char(c)));
                }
                i = end;
            }
        }
    }
    keys
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

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn bytes_decode_to_the_keys_of_the_screen() {
        assert_eq!(
            decode(b" nq?\r"),
            [
                key(KeyCode::Char(' ')),
                key(KeyCode::Char('n')),
                key(KeyCode::Char('q')),
                key(KeyCode::Char('?')),
                key(KeyCode::Enter)
            ]
        );
        assert_eq!(
            decode(b"\x1b[D\x1bOC\x1b"),
            [key(KeyCode::Left), key(KeyCode::Right), key(KeyCode::Esc)]
        );
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(decode(b"\x03\x1a"), [ctrl('c'), ctrl('z')]);
        // Other sequences are dropped whole; characters may be several bytes.
        assert_eq!(decode("\x1b[15~é".as_bytes()), [key(KeyCode::Char('é'))]);
    }

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
