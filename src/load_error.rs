//! Files whose problems stop a command: the library, or the config file,
//! with one or more errors. Loading returns this error with every
//! diagnostic it found, and `app::main` shows them once, above the one-line
//! message, so that nothing is printed as a side effect of loading.

use crate::diagnostic::Diagnostic;

/// A file whose problems stop a command, with the problems; it reads "WHAT
/// has N problems; fix them and try again".
#[derive(Debug)]
pub struct LoadError {
    /// What was loaded: "the library", "the config file".
    pub what: &'static str,
    /// Said after the message, such as " (`psoas check` lists them)".
    pub hint: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

// How it reads is in `words/load.rs`, with every sentence.

impl std::error::Error for LoadError {}
