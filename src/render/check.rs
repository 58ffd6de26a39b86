//! What `psoas check` reports: every problem found, rendered with its line
//! and caret (up to the cap a file), then how many there were; or, with
//! none, what the library holds.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, capped, not_shown_line};
use crate::format::count;

/// What was checked, in numbers.
pub(crate) struct Checked {
    pub exercises: usize,
    pub routines: usize,
    /// The errors among the problems shown.
    pub errors: usize,
    /// The files left out of the library (each with a note among the
    /// problems).
    pub skipped: usize,
}

/// The problems `shown` on `err`; then how many errors there were on `err`,
/// or, with none, the library's contents on `out`.
pub(crate) fn report(
    shown: &[&Diagnostic],
    checked: &Checked,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    let (printed, left_out) = capped(shown);
    for diagnostic in printed {
        writeln!(err, "{}", diagnostic.render())?;
    }
    if let Some(line) = not_shown_line(left_out) {
        writeln!(err, "{line}")?;
    }
    if checked.errors > 0 {
        return writeln!(err, "{} found", count(checked.errors, "problem"));
    }
    let skipped = match checked.skipped {
        0 => String::new(),
        n => format!(" ({} skipped, see above)", count(n, "file")),
    };
    writeln!(
        out,
        "ok: {} exercises and {} routines, no problems{skipped}",
        checked.exercises, checked.routines
    )
}
