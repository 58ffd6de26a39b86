//! Session history: one record per session in `history.jsonl` in the state
//! folder, beside the breaks and nudges the reminder saw (`desk.rs`), and
//! what it adds up to.
//!
//! The run command builds a [`Record`] from the [`RunOutcome`] a run leaves
//! behind (`outcome.rs`) and [`SessionNotes`] and appends
//! it with [`History::append`]. `psoas history` reads with [`History::scan`],
//! adds up with a [`Tally`] (each side's trend over the side checks among
//! it) and picks the sessions to list with [`Newest`];
//! [`progress`] says when to suggest another level. The printers are in
//! [`render::history`](crate::render::history).

mod desk;
mod error;
mod future;
mod lines;
mod newest;
mod outcome;
pub(crate) mod progress;
mod record;
mod side_pull;
mod side_trend;
mod stats;
mod store;
mod tension;
mod week;

pub(crate) use desk::{ANSWER_WINDOW, DeskDay, DeskDays, DeskEvent, DeskKind};
pub(crate) use error::HistoryError;
pub(crate) use future::Future;
pub(crate) use lines::{Entry, Skipped};
pub(crate) use newest::Newest;
pub use outcome::{Ending, RunOutcome};
pub(crate) use outcome::{is_output_lost, terminal_gone};
pub use record::{Record, SessionNotes, Standing};
pub use side_pull::SidePull;
pub(crate) use side_trend::SideCheck;
pub(crate) use stats::{CHART_WEEKS, Summary, Tally, WeekCount, WeekTension};
pub use store::{FILE_NAME, History};
pub(crate) use tension::MAX_TENSION;
#[cfg(test)]
pub(crate) use week::Week;

#[cfg(test)]
pub(crate) use record::tests::sample;
#[cfg(test)]
pub(crate) use stats::summarize;
