//! `psoas`: a command-line coach for psoas and lower-back self-care.
//!
//! The data flows one way: TOML files -> [`toml_input`] (read, parsed, every
//! problem named by key) -> [`library`] (validated once) ->
//! [`engine`] (a plan of timed segments) -> the front ends in [`commands`].
//! [`app`] parses the command line and runs one command.

pub mod app;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod config;
#[cfg(test)]
mod content_rules;
pub(crate) mod diagnostic;
pub(crate) mod dirs;
pub(crate) mod engine;
pub(crate) mod files;
pub(crate) mod format;
pub mod history;
pub mod library;
pub(crate) mod now;
pub(crate) mod planner;
pub(crate) mod remind;
pub(crate) mod render;
pub mod runner;
pub(crate) mod safety;
pub(crate) mod toml_input;
pub(crate) mod voice;
pub(crate) mod words;
