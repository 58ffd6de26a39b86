//! What a run leaves behind: when it started, how much of it was done and how
//! it ended, for the summary and the session history.

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
        match self {
            Ending::Finished | Ending::Quit | Ending::OutputClosed => 0,
            Ending::Interrupted => 130,
            Ending::Terminated => 143,
            Ending::HangUp => 129,
            Ending::Fatal(number) => u8::try_from(128 + number).unwrap_or(255),
        }
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
        if error.raw_os_error() == Some(libc::EIO) {
            Ending::HangUp
        } else {
            Ending::OutputClosed
        }
    }
}

/// The record of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// Wall-clock time the run started, read once.
    pub started_at: chrono::DateTime<chrono::Local>,
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
    pub finished: bool,
    /// Whether the run got past its first hold.
    pub past_first_hold: bool,
    pub ending: Ending,
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
    fn a_terminal_gone_is_a_hang_up_and_a_closed_pipe_is_not() {
        let eio = std::io::Error::from_raw_os_error(libc::EIO);
        assert_eq!(Ending::output_lost(&eio), Ending::HangUp);
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert_eq!(Ending::output_lost(&pipe), Ending::OutputClosed);
    }
}
