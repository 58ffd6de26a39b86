//! Loading: reads every source, parses and validates each file, layers them
//! (see [`layers`]), and finally checks the harder and easier variants
//! exercises name (see [`variants`]), each routine's steps against the
//! exercises that exist (see [`steps`]) and how long it lasts (see
//! [`length`]).

use std::collections::HashMap;
use std::path::Path;

use super::items::{self, FileItems};
use super::sources::{LibraryFile, Sources};
use super::validate::PendingRoutine;
use super::{Library, layers, length, steps, variants};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::load_error::LoadError;

/// The outcome of a load: what was valid, and every error and note.
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The library, or every error of the load (the notes left out).
    pub fn into_library(self) -> Result<Library, LoadError> {
        if !self.has_errors() {
            return Ok(self.library);
        }
        Err(LoadError {
            what: "the library",
            hint: " (`psoas check` lists them)",
            diagnostics: self
                .diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect(),
        })
    }
}

pub(crate) fn load(sources: &Sources) -> Loaded {
    let mut diagnostics = Vec::new();
    let files = sources.read(&mut diagnostics);
    load_files(&files, diagnostics)
}

/// Loads files already read, in layer order; `diagnostics` holds any problems
/// met while reading them.
pub fn load_files(files: &[LibraryFile], mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let mut read: Vec<FileItems> = files
        .iter()
        .map(|file| items::read_file(file, &mut diagnostics))
        .collect();
    let mut library = Library::default();
    let broken = layers::add_exercises(files, &mut read, &mut library, &mut diagnostics);
    for (file, items) in files.iter().zip(&read) {
        if let FileItems::Exercises(_, _, named) = items {
            variants::check(&file.source, named, &library, &broken, &mut diagnostics);
        }
    }
    let kept = layers::routines_kept(files, &read, &mut diagnostics);

    // A routine with problems of its own is not kept, but its steps are still
    // checked, so that every problem is reported at once.
    for (file, items) in files.iter().zip(&read) {
        if let FileItems::Routine(Some(pending)) = items
            && !pending.valid
        {
            steps::check_steps(&file.source, pending, &library, &broken, &mut diagnostics);
            diagnostics.extend(too_long(&file.source, pending, &library));
        }
    }
    for index in kept {
        let FileItems::Routine(Some(pending)) =
            std::mem::replace(&mut read[index], FileItems::Routine(None))
        else {
            continue;
        };
        let source = &files[index].source;
        if steps::check_steps(source, &pending, &library, &broken, &mut diagnostics) {
            match too_long(source, &pending, &library) {
                Some(problem) => diagnostics.push(problem),
                None => {
                    library.put_routine(pending.routine);
                }
            }
        }
    }

    // Files in load order, and each file's problems from top to bottom.
    let order: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.source.path.as_path(), i + 1))
        .collect();
    diagnostics.sort_by_key(|d| {
        (
            order.get(d.path.as_path()).copied().unwrap_or(0),
            d.position,
        )
    });
    Loaded {
        library,
        diagnostics,
    }
}

/// The problem of a routine that lasts too long (see [`length`]).
fn too_long(
    source: &SourceText,
    pending: &PendingRoutine,
    library: &Library,
) -> Option<Diagnostic> {
    length::too_long(source, &pending.routine, &pending.step_spans, library)
}

#[cfg(test)]
mod tests;
