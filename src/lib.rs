//! `psoas`: a command-line coach for psoas and lower-back self-care.
//!
//! The data flows one way: TOML files -> [`toml_input`] (read, parsed, every
//! problem named by key) -> [`library`] (validated once) ->
//! [`engine`] (a plan of timed segments) -> the front ends in [`commands`].
//! [`app`] parses the command line and runs one command.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
#[cfg(test)]
mod content_rules;
pub mod diagnostic;
pub mod dirs;
pub mod engine;
pub mod files;
pub mod format;
pub mod history;
pub mod library;
pub mod now;
pub mod planner;
pub mod remind;
pub mod render;
pub mod runner;
pub mod safety;
pub(crate) mod toml_input;
pub mod voice;
pub mod words;
