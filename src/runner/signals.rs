//! Signals while a routine runs. A small thread takes them from signal-hook
//! and hands them to the event loop over a channel, so the loop decides what
//! to do between two frames, never inside a signal handler.
//!
//! The interactive loop sleeps in crossterm's `poll`, which a channel cannot
//! wake; there the thread also raises SIGWINCH, which crossterm already
//! listens for, so the loop wakes at once and reads the channel.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::{Handle, Signals};

/// A signal the run reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    Interrupt,
    Terminate,
    HangUp,
    /// SIGTSTP: Ctrl-Z outside raw mode, or `kill -TSTP`.
    Stop,
    /// SIGCONT: the process went on after being stopped.
    Continue,
}

/// The listening thread; dropping it stops listening.
pub struct SignalWatch {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
    received: Receiver<Signal>,
}

impl SignalWatch {
    /// Starts listening. With `wake_poll`, each signal also raises SIGWINCH.
    pub fn start(wake_poll: bool) -> io::Result<SignalWatch> {
        let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])?;
        let handle = signals.handle();
        let (send, received) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for number in signals.forever() {
                    let signal = match number {
                        SIGINT => Signal::Interrupt,
                        SIGTERM => Signal::Terminate,
                        SIGHUP => Signal::HangUp,
                        SIGTSTP => Signal::Stop,
                        _ => Signal::Continue,
                    };
                    if send.send(signal).is_err() {
                        break;
                    }
                    if wake_poll {
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                    }
                }
            })?;
        Ok(SignalWatch {
            handle,
            thread: Some(thread),
            received,
        })
    }

    /// A signal that has arrived, if any.
    pub fn try_next(&self) -> Option<Signal> {
        self.received.try_recv().ok()
    }

    /// Waits up to `timeout` for a signal.
    pub fn wait(&self, timeout: Duration) -> Option<Signal> {
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
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Stops this process as Ctrl-Z would; returns once it is continued (`fg`).
pub fn stop_self() {
    // SIGSTOP rather than SIGTSTP, which would only come back to the watch.
    let _ = signal_hook::low_level::raise(SIGSTOP);
}
