//! Turning plans into documents.

pub mod format;
pub mod needs;
pub mod sheet;

pub use format::{ListFormat, SheetFormat};
