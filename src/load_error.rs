//! Files whose problems stop a command: the library, or the config file,
//! with one or more errors. Loading returns this error with every
//! diagnostic it found, and `app::main` shows them once, above the one-line
//! message, so that nothing is printed as a side effect of loading.

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::format::count;

/// "WHAT has N problems; fix them and try again", with the problems.
#[derive(Debug)]
pub struct LoadError {
    /// What was loaded: "the library", "the config file".
    pub what: &'static str,
    /// Said after the message, such as " (`psoas check` lists them)".
    pub hint: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        let them = if n == 1 { "it" } else { "them" };
        write!(
            f,
            "{} has {}; fix {them} and try again{}",
            self.what,
            count(n, "problem"),
            self.hint
        )
    }
}

impl std::error::Error for LoadError {}
