//! What one library file holds once parsed and validated, before the layers
//! are merged: its valid exercises (and the ids of those with problems), or
//! its routine.

use std::ops::Range;
use std::path::Path;

use super::parse;
use super::sources::{FileRole, LibraryFile};
use super::validate::{self, PendingRoutine};
use super::{Exercise, Origin};
use crate::diagnostic::Diagnostic;

/// What one file holds once parsed and validated, before the layers are merged.
pub enum FileItems {
    /// Each valid exercise, with the span of its table, and the ids of those
    /// that had problems (reported already).
    Exercises(Vec<(Exercise, Range<usize>)>, Vec<String>),
    /// The routine, if it is valid apart from its references to exercises.
    Routine(Option<PendingRoutine>),
}

/// Parses and validates one file, adding its problems to `diagnostics`.
pub fn read_file(file: &LibraryFile, diagnostics: &mut Vec<Diagnostic>) -> FileItems {
    let source = &file.source;
    match file.role {
        FileRole::Exercises => {
            let mut exercises = Vec::new();
            let mut broken = Vec::new();
            for entry in parse::exercise_file(source, diagnostics) {
                let id = entry.value.id.as_ref().map(|id| id.get_ref().0.clone());
                let (line, column) = source.line_column(entry.span.start);
                let origin = Origin {
                    layer: file.layer,
                    path: source.path.clone(),
                    line,
                    column,
                };
                let span = entry.span.clone();
                if let Some(exercise) = validate::exercise(source, entry, origin, diagnostics) {
                    exercises.push((exercise, span));
                } else {
                    broken.extend(id);
                }
            }
            FileItems::Exercises(exercises, broken)
        }
        FileRole::Routine => {
            let origin = Origin {
                layer: file.layer,
                path: source.path.clone(),
                line: 1,
                column: 1,
            };
            let routine = parse::routine_file(source, diagnostics).and_then(|raw| {
                validate::routine(source, &routine_id(&source.path), raw, origin, diagnostics)
            });
            FileItems::Routine(routine)
        }
    }
}

/// A routine's id is its file name without `.toml`.
fn routine_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
