//! Turning plans into documents.

pub mod needs;
pub mod sheet;
