//! Session history: one record per session in `history.jsonl` in the state
//! folder, and what it adds up to.

mod error;
mod record;
mod week;

pub use error::{Action, HistoryError};
pub use record::{FORMAT_VERSION, MAX_TENSION, Record, RecordInput};
pub use week::Week;
