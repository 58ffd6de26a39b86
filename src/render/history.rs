//! What `psoas history` prints: the text report with its chart and the days
//! at the desk, or JSON.
//! Pure: records and a summary in, text out; `history` keeps the file and
//! the arithmetic.

pub mod chart;
pub mod desk;
pub mod json;
pub mod report;

pub use report::Selection;
