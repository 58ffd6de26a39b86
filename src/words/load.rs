//! What is said when what a command needs cannot be loaded: a file whose
//! problems stop the command (how a [`LoadError`] reads), and a routine
//! argument that names no routine.

use std::fmt;
use std::path::Path;

use crate::format::count;
use crate::load_error::LoadError;

/// "WHAT has N problems; fix them and try again", with its hint.
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

/// A routine argument that looks like a path to nothing.
pub(crate) fn no_routine_file(path: &Path) -> String {
    format!("no routine file at {}", path.display())
}

/// A routine argument that names something other than a file: `what` is
/// the kind of thing it is ("a folder", "a FIFO (named pipe)").
pub(crate) fn not_a_routine_file(path: &Path, what: &str) -> String {
    format!("{} is {what}, not a routine file", path.display())
}

/// A routine file that holds exercises but no routine.
pub(crate) fn exercises_not_a_routine(path: &Path) -> String {
    format!(
        "{} holds exercises, not a routine; a routine file has `name` and `[[step]]` tables",
        path.display()
    )
}

/// No routine has the id `arg`: `from` says where the id was set (empty
/// when on the command line), `hint` the ids it may have meant.
pub(crate) fn no_routine_with_id(arg: &str, from: &str, hint: Option<&str>) -> String {
    let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
    format!("no routine has the id `{arg}`{from}{hint} (`psoas routines` lists them)")
}

/// ` (default_routine in PATH, line N)`: where in the config file a value
/// that named no routine was set.
pub(crate) fn set_in_config(key: &str, file: &Path, line: usize) -> String {
    format!(" ({key} in {}, line {line})", file.display())
}
