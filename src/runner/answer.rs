//! Reading a typed answer (a tension score, Enter on the notice) while
//! watching for signals, so that Ctrl-C, SIGTERM and SIGHUP end the program
//! at a question as they do anywhere else.
//!
//! Each read of standard input is made on a helper thread, one read at a
//! time and only when an answer is wanted, so that nothing reads the terminal
//! while the screen runs. The waiting side wakes for the answer or a signal,
//! whichever comes first. A terminal that goes away while an answer is
//! awaited ends the program as a hang-up, not as an empty answer.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::input;
use super::signals::{Signal, SignalWatch};
use crate::history::Ending;

/// How often to look for a signal while an answer is awaited.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// The error a read gives when a signal ends the question; see [`ending_of`].
#[derive(Debug, thiserror::Error)]
#[error("stopped by a signal")]
pub(crate) struct Stopped(pub Ending);

/// Standard input, read while watching for signals.
pub(crate) struct Answer {
    watch: SignalWatch,
    /// The read under way on the helper thread, if any.
    pending: Option<Receiver<io::Result<Vec<u8>>>>,
}

impl Answer {
    pub(crate) fn start() -> io::Result<Answer> {
        Ok(Answer {
            watch: SignalWatch::start(false)?,
            pending: None,
        })
    }
}

impl Read for Answer {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let capacity = buf.len();
        let received = self.pending.get_or_insert_with(|| {
            let (send, received) = mpsc::channel();
            std::thread::spawn(move || {
                let mut chunk = vec![0; capacity];
                let read = io::stdin().lock().read(&mut chunk).map(|n| {
                    chunk.truncate(n);
                    chunk
                });
                let _ = send.send(read);
            });
            received
        });
        loop {
            if let Some(signal) = self.watch.try_next() {
                if let Some(ending) = signal.ending() {
                    return Err(io::Error::other(Stopped(ending)));
                }
                if signal == Signal::Stop {
                    super::signals::stop_self();
                }
            }
            match received.recv_timeout(SIGNAL_POLL) {
                Ok(read) => {
                    self.pending = None;
                    // A terminal that has gone reads as the end of input, or
                    // fails as a gone terminal does: the program ends as on SIGHUP.
                    let gone = match &read {
                        Ok(chunk) => chunk.is_empty() && input::stdin_hung_up(),
                        Err(error) => crate::history::terminal_gone(error),
                    };
                    if gone {
                        return Err(io::Error::other(Stopped(Ending::HangUp)));
                    }
                    let chunk = read?;
                    let n = chunk.len().min(capacity);
                    buf[..n].copy_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    self.pending = None;
                    return Ok(0);
                }
            }
        }
    }
}

/// The ending a signal brought to a question, if that is what `error` is.
pub(crate) fn ending_of(error: &io::Error) -> Option<Ending> {
    error
        .get_ref()
        .and_then(|e| e.downcast_ref::<Stopped>())
        .map(|stopped| stopped.0)
}
