//! `psoas check`: validates the library (or the files given) and reports
//! every problem and every replaced built-in, not just the first.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, capped, not_shown_line};
use crate::exit;
use crate::format::count;
use crate::library;

/// What `psoas check` checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// Files or folders to check and report on; none is the whole library.
    pub paths: Vec<PathBuf>,
}

pub fn execute(context: &Context, args: CheckOptions, out: &mut impl Write) -> Result<ExitCode> {
    let only_given = !args.paths.is_empty();
    let loaded = library::load(&context.sources(args.paths.clone()));
    let shown: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| !only_given || args.paths.iter().any(|p| about(d, p)))
        .collect();
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let mut stderr = std::io::stderr().lock();
    let (printed, left_out) = capped(&shown);
    for diagnostic in printed {
        writeln!(stderr, "{}", diagnostic.render())?;
    }
    if let Some(line) = not_shown_line(left_out) {
        writeln!(stderr, "{line}")?;
    }
    let lib = &loaded.library;
    if errors == 0 {
        let skipped = shown
            .iter()
            .filter(|d| d.position.is_none() && d.message.starts_with("skipped: "))
            .count();
        let skipped = match skipped {
            0 => String::new(),
            n => format!(" ({} skipped, see above)", count(n, "file")),
        };
        writeln!(
            out,
            "ok: {} exercises and {} routines, no problems{skipped}",
            lib.exercises().len(),
            lib.routines().len()
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(stderr, "{} found", count(errors, "problem"))?;
        Ok(ExitCode::from(exit::FAILURE))
    }
}

/// Whether a diagnostic concerns a given file, or a file inside a given folder.
fn about(diagnostic: &Diagnostic, given: &Path) -> bool {
    let normal = |p: &Path| -> PathBuf { p.components().collect() };
    normal(&diagnostic.path).starts_with(normal(given))
}
