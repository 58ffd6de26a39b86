//! Session history: one record per session in `history.jsonl` in the state
//! folder, and what it adds up to.
//!
//! The run command builds a [`Record`] from the runner's
//! [`RunOutcome`](crate::runner::RunOutcome) and [`SessionNotes`] and appends
//! it with [`History::append`]. `psoas history` reads with [`History::scan`],
//! adds up with a [`Tally`] and picks the sessions to list with [`Newest`];
//! [`progress`] says when to suggest another level. The printers are in
//! [`render::history`](crate::render::history).

mod error;
mod lines;
mod newest;
pub mod progress;
mod record;
mod stats;
mod store;
mod week;

pub use error::{Action, HistoryError};
pub use lines::{BadLine, Contents, Skipped};
pub use newest::Newest;
pub use record::{FORMAT_VERSION, MAX_TENSION, Record, SessionNotes};
pub use stats::{
    CHART_WEEKS, Summary, Tally, TensionChange, WeekCount, WeekTension, streak, summarize,
};
pub use store::{FILE_NAME, History};
pub use week::Week;

#[cfg(test)]
pub(crate) use record::tests::sample;
