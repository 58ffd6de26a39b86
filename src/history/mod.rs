//! Session history: one record per session in `history.jsonl` in the state
//! folder, and what it adds up to.
//!
//! The run command builds a [`Record`] from a [`RecordInput`], asks for
//! tension with [`check_in`], and appends with [`History::append`]; `psoas
//! history` reads with [`History::read`], adds up with [`summarize`] and
//! prints with [`report`] and [`chart`].

pub mod chart;
pub mod check_in;
mod error;
mod lines;
mod record;
pub mod report;
mod stats;
mod store;
mod week;

pub use error::{Action, HistoryError};
pub use lines::{BadLine, Contents};
pub use record::{FORMAT_VERSION, MAX_TENSION, Record, RecordInput};
pub use stats::{CHART_WEEKS, Summary, TensionChange, WeekCount, streak, summarize};
pub use store::{FILE_NAME, History};
pub use week::Week;
