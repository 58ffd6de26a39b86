//! What a run leaves behind: when it started, how much of it was done and how
//! it ended, for the summary and the session history. [`RunOutcome`] is the
//! one description of a finished session: the history's record is made from
//! it, and every second in it is rounded here, once.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, Timelike};

use crate::engine::Session;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The last hold ended (or was skipped).
    Finished,
    /// The person quit with `q`, from the warm-up question or from a hold.
    Quit,
    /// Ctrl-C or SIGINT.
    Interrupted,
    /// SIGTERM.
    Terminated,
    /// SIGHUP, or the terminal went away.
    HangUp,
    /// Another signal that ends a process (SIGQUIT, SIGUSR1, ...), by number.
    Fatal(i32),
    /// Whatever read the output stopped reading (a closed pipe or terminal).
    OutputClosed,
}

impl Ending {
    /// The process exit status: 128 plus the signal number for a signal, as
    /// shells report it; a closed output is no failure, just nobody listening.
    pub fn exit_code(self) -> u8 {
        let signal = match self {
            Ending::Finished | Ending::Quit | Ending::OutputClosed => return 0,
            Ending::Interrupted => libc::SIGINT,
            Ending::Terminated => libc::SIGTERM,
            Ending::HangUp => libc::SIGHUP,
            Ending::Fatal(number) => number,
        };
        u8::try_from(128 + signal).unwrap_or(255)
    }

    /// Whether the run ended because its output went away, so nothing more
    /// can be shown.
    pub fn output_gone(self) -> bool {
        matches!(self, Ending::HangUp | Ending::OutputClosed)
    }

    /// How a run ends when writing its output failed: a terminal that has
    /// gone away answers with EIO, which is a hang-up; anything else (a
    /// closed pipe) means nobody is reading.
    pub fn output_lost(error: &std::io::Error) -> Ending {
        if terminal_gone(error) {
            Ending::HangUp
        } else {
            Ending::OutputClosed
        }
    }
}

/// Whether an error reading or writing a terminal means the terminal has
/// gone (its window closed, the connection dropped): the system then answers
/// every read and write with EIO.
pub(crate) fn terminal_gone(error: &std::io::Error) -> bool {
    error.raw_os_error() == Some(libc::EIO)
}

/// Whether writing failed because what was written to is gone: a terminal,
/// or the other end of a pipe.
pub(crate) fn is_output_lost(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::BrokenPipe || terminal_gone(error)
}

/// The record of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// Wall-clock time the run started, read once, to the whole second, with
    /// the UTC offset that was local then.
    pub started_at: DateTime<FixedOffset>,
    pub routine_id: String,
    pub routine_name: String,
    /// Planned length in plan seconds, warm-up included when it was done.
    pub planned_seconds: u32,
    /// Plan seconds spent running, pauses left out.
    pub spent_seconds: u32,
    /// Of the planned length, the seconds planned as holding.
    pub planned_hold_seconds: u32,
    /// Plan seconds actually spent in holds.
    pub held_seconds: u32,
    pub holds_done: u32,
    pub holds_skipped: u32,
    /// The ids of the exercises held to the end at least once, each once.
    pub exercises: Vec<String>,
    pub finished: bool,
    /// Whether the run got past its first hold.
    pub past_first_hold: bool,
    pub ending: Ending,
}

impl RunOutcome {
    /// How far `session` got, started at `started_at` and ended by `ending`.
    pub fn of(
        started_at: DateTime<FixedOffset>,
        session: &Session<'_>,
        ending: Ending,
    ) -> RunOutcome {
        let plan = session.plan();
        RunOutcome {
            started_at: to_the_second(started_at),
            routine_id: plan.routine_id.clone(),
            routine_name: plan.routine_name.clone(),
            planned_seconds: plan.total(),
            planned_hold_seconds: plan.hold_seconds(),
            spent_seconds: whole_seconds(session.active()),
            held_seconds: whole_seconds(session.held()),
            holds_done: session.holds_done() as u32,
            holds_skipped: session.holds_skipped() as u32,
            exercises: session
                .exercises_held()
                .into_iter()
                .map(String::from)
                .collect(),
            finished: session.is_finished(),
            past_first_hold: session.past_first_hold(),
            ending,
        }
    }
}

/// A time with its fraction of a second dropped, as the history keeps it.
fn to_the_second(time: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    time.with_nanosecond(0).unwrap_or(time)
}

/// A length of plan time to the nearest second.
fn whole_seconds(duration: Duration) -> u32 {
    duration.as_secs_f64().round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_exit_as_shells_report_them() {
        assert_eq!(Ending::Finished.exit_code(), 0);
        assert_eq!(Ending::Quit.exit_code(), 0);
        assert_eq!(Ending::OutputClosed.exit_code(), 0);
        assert_eq!(Ending::Interrupted.exit_code(), 128 + 2);
        assert_eq!(Ending::HangUp.exit_code(), 128 + 1);
        assert_eq!(Ending::Terminated.exit_code(), 128 + 15);
        assert_eq!(Ending::Fatal(3).exit_code(), 128 + 3);
    }

    #[test]
    fn the_start_is_kept_to_the_second_and_lengths_to_the_nearest_second() {
        let start = DateTime::parse_from_rfc3339("2026-11-21T07:30:00.750+01:00").unwrap();
        assert_eq!(
            to_the_second(start).to_rfc3339(),
            "2026-11-21T07:30:00+01:00"
        );
        assert_eq!(whole_seconds(Duration::from_millis(59_499)), 59);
        assert_eq!(whole_seconds(Duration::from_millis(59_500)), 60);
    }

    #[test]
    fn a_terminal_gone_is_a_hang_up_and_a_closed_pipe_is_not() {
        let eio = std::io::Error::from_raw_os_error(libc::EIO);
        assert_eq!(Ending::output_lost(&eio), Ending::HangUp);
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert_eq!(Ending::output_lost(&pipe), Ending::OutputClosed);
    }
}
