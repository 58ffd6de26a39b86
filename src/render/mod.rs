//! Turning plans into documents.

pub mod sheet;
