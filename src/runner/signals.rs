//! Signals while a routine runs. A small thread takes them from signal-hook
//! and hands them to the event loop over a channel, so the loop decides what
//! to do between two frames, never inside a signal handler.
//!
//! Every signal that would end the process and can be caught is taken, so a
//! run always ends through the same path that hands the terminal back and
//! records the session. The interactive loop waits on the terminal and on
//! [`SignalWatch::waker`] together: the thread writes a byte there for each
//! signal, so the loop wakes at once and reads the channel.

use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::{Handle, Signals};

use crate::history::Ending;

/// A signal the run reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Signal {
    Interrupt,
    Terminate,
    HangUp,
    /// SIGTSTP: Ctrl-Z outside raw mode, or `kill -TSTP`.
    Stop,
    /// SIGCONT: the process went on after being stopped.
    Continue,
    /// SIGWINCH: the terminal changed size.
    Resize,
    /// Any other signal whose default is to end the process (SIGQUIT,
    /// SIGUSR1, SIGALRM, ...), by number.
    Fatal(i32),
}

/// Signals whose default action ends the process and that a program may
/// catch, besides SIGINT, SIGTERM and SIGHUP. SIGPIPE is left out: Rust
/// ignores it and reports a closed pipe as a write error instead; so are
/// SIGTRAP and SIGSYS, which belong to debuggers and sandboxes.
const FATAL: &[i32] = &[
    SIGQUIT,
    SIGALRM,
    SIGUSR1,
    SIGUSR2,
    SIGVTALRM,
    SIGPROF,
    SIGXCPU,
    SIGXFSZ,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGPWR,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    SIGIO,
];

/// The listening thread; dropping it stops listening.
pub(crate) struct SignalWatch {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
    received: Receiver<Signal>,
    waker: UnixStream,
}

impl SignalWatch {
    /// Starts listening. With `resize`, terminal size changes are reported
    /// too (the interactive screen wants them; plain mode does not).
    pub(crate) fn start(resize: bool) -> io::Result<SignalWatch> {
        let mut numbers = vec![SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT];
        numbers.extend_from_slice(FATAL);
        if resize {
            numbers.push(SIGWINCH);
        }
        let mut signals = Signals::new(numbers)?;
        let handle = signals.handle();
        let (send, received) = mpsc::channel();
        let (waker, mut wake) = UnixStream::pair()?;
        waker.set_nonblocking(true)?;
        wake.set_nonblocking(true)?;
        let thread = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for number in signals.forever() {
                    if send.send(signal_of(number)).is_err() {
                        break;
                    }
                    // A full socket already wakes the loop.
                    let _ = wake.write_all(&[1]);
                }
            })?;
        Ok(SignalWatch {
            handle,
            thread: Some(thread),
            received,
            waker,
        })
    }

    /// A signal that has arrived, if any.
    pub(crate) fn try_next(&self) -> Option<Signal> {
        let signal = self.received.try_recv().ok();
        if signal.is_none() {
            self.drain_waker();
        }
        signal
    }

    /// Waits up to `timeout` for a signal.
    pub(crate) fn wait(&self, timeout: Duration) -> Option<Signal> {
        match self.received.recv_timeout(timeout) {
            Ok(signal) => Some(signal),
            Err(RecvTimeoutError::Timeout) => None,
            // The thread never ends while the watch lives; if it did, wait
            // out the time rather than spin.
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(timeout);
                None
            }
        }
    }

    /// Becomes readable when a signal arrives; wait on it beside the
    /// terminal, then take the signals with [`SignalWatch::try_next`].
    pub(crate) fn waker(&self) -> &UnixStream {
        &self.waker
    }

    /// Empties the waker once every signal is taken, so it does not stay
    /// readable and spin the wait.
    fn drain_waker(&self) {
        let mut buf = [0u8; 64];
        while matches!(io::Read::read(&mut &self.waker, &mut buf), Ok(n) if n > 0) {}
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Signal {
    /// The ending this signal brings, if it ends the run.
    pub(crate) fn ending(self) -> Option<Ending> {
        match self {
            Signal::Interrupt => Some(Ending::Interrupted),
            Signal::Terminate => Some(Ending::Terminated),
            Signal::HangUp => Some(Ending::HangUp),
            Signal::Fatal(number) => Some(Ending::Fatal(number)),
            Signal::Stop | Signal::Continue | Signal::Resize => None,
        }
    }
}

fn signal_of(number: i32) -> Signal {
    match number {
        SIGINT => Signal::Interrupt,
        SIGTERM => Signal::Terminate,
        SIGHUP => Signal::HangUp,
        SIGTSTP => Signal::Stop,
        SIGCONT => Signal::Continue,
        SIGWINCH => Signal::Resize,
        other => Signal::Fatal(other),
    }
}

/// Stops this process as Ctrl-Z does for any program, with SIGTSTP, so the
/// shell reports a stop by Ctrl-Z; returns once it is continued (`fg`).
///
/// The watch catches SIGTSTP, so its action is set back to the default for
/// the moment of the stop and put back after.
#[allow(unsafe_code)]
pub(crate) fn stop_self() {
    // SAFETY: `sigaction` is given a zeroed struct holding SIG_DFL and an
    // empty mask, and a valid place for the old action, which is put back
    // unchanged; no Rust code runs in between but `raise`.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&raw mut default.sa_mask);
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &raw const default, &raw mut previous) != 0 {
            // Could not stop by SIGTSTP: stop all the same.
            let _ = signal_hook::low_level::raise(SIGSTOP);
            return;
        }
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &raw const previous, std::ptr::null_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_map_to_what_the_run_does() {
        assert_eq!(signal_of(SIGHUP), Signal::HangUp);
        assert_eq!(signal_of(SIGWINCH), Signal::Resize);
        assert_eq!(signal_of(SIGQUIT), Signal::Fatal(SIGQUIT));
        assert_eq!(Signal::Fatal(SIGQUIT).ending(), Some(Ending::Fatal(3)));
        assert_eq!(Signal::Resize.ending(), None);
    }
}
