//! `psoas check`: validates the library (or the files given) and reports
//! every problem and every replaced built-in, not just the first.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::exit;
use crate::library;
use crate::render::check::{Checked, report};

/// What `psoas check` checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CheckOptions {
    /// Files or folders to check and report on; none is the whole library.
    pub paths: Vec<PathBuf>,
}

pub(crate) fn execute(
    context: &Context,
    args: &CheckOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let only_given = !args.paths.is_empty();
    let loaded = library::load(&context.sources(args.paths.clone()));
    let shown: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| !only_given || args.paths.iter().any(|p| about(d, p)))
        .collect();
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let checked = Checked {
        exercises: loaded.library.exercises().len(),
        routines: loaded.library.routines().len(),
        errors,
        skipped: shown
            .iter()
            .filter(|d| d.position.is_none() && d.message.starts_with("skipped: "))
            .count(),
    };
    report(&shown, &checked, out, &mut std::io::stderr().lock())?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(exit::FAILURE)
    })
}

/// Whether a diagnostic concerns a given file, or a file inside a given folder.
fn about(diagnostic: &Diagnostic, given: &Path) -> bool {
    let normal = |p: &Path| -> PathBuf { p.components().collect() };
    normal(&diagnostic.path).starts_with(normal(given))
}
