//! What `psoas history` prints: the text report with its chart and the days
//! at the desk, or JSON.
//! Pure: records and a summary in, text out; `history` keeps the file and
//! the arithmetic.

pub(crate) mod chart;
pub(crate) mod desk;
pub(crate) mod json;
pub(crate) mod report;

pub(crate) use report::Selection;
