//! Session history: one record per session in `history.jsonl` in the state
//! folder, and what it adds up to.

pub mod chart;
pub mod check_in;
mod error;
mod lines;
mod record;
mod stats;
mod store;
mod week;

pub use error::{Action, HistoryError};
pub use lines::{BadLine, Contents};
pub use record::{FORMAT_VERSION, MAX_TENSION, Record, RecordInput};
pub use stats::{CHART_WEEKS, Summary, TensionChange, WeekCount, streak, summarize};
pub use store::{FILE_NAME, History};
pub use week::Week;
