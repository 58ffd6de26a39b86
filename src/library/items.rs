//! What one library file holds once parsed and validated, before the layers
//! are merged: its valid exercises (and the ids of those with problems), or
//! its routine.

use std::ops::Range;
use std::path::Path;

use super::parse;
use super::sources::{FileRole, LibraryFile};
use super::validate::{self, PendingRoutine};
use super::variants::VariantRef;
use super::{Exercise, Origin};
use crate::diagnostic::Diagnostic;

/// What one file holds once parsed and validated, before the layers are merged.
pub(super) enum FileItems {
    /// Each valid exercise, with its places, the ids of those that had
    /// problems (reported already), and the variants the valid ones name, to
    /// be checked against the whole library.
    Exercises(Vec<(Exercise, Places)>, Vec<String>, Vec<VariantRef>),
    /// The routine, if it is valid apart from its references to exercises.
    Routine(Option<PendingRoutine>),
}

/// Where an exercise is written: its table, and its id, where a second
/// exercise of the same id is pointed at.
#[derive(Clone, Debug)]
pub(super) struct Places {
    pub table: Range<usize>,
    pub id: Range<usize>,
}

/// Parses and validates one file, adding its problems to `diagnostics`.
pub(super) fn read_file(file: &LibraryFile, diagnostics: &mut Vec<Diagnostic>) -> FileItems {
    let source = &file.source;
    match file.role {
        FileRole::Exercises => {
            let mut exercises = Vec::new();
            let mut broken = Vec::new();
            let mut variants = Vec::new();
            for entry in parse::exercise_file(source, diagnostics) {
                let named = VariantRef::all_of(&entry);
                let id = entry.value.id.as_ref().map(|id| id.get_ref().0.clone());
                let id_span = entry.value.id.as_ref().map(toml::Spanned::span);
                let (line, column) = source.line_column(entry.span.start);
                let origin = Origin {
                    layer: file.layer,
                    path: source.path.clone(),
                    line,
                    column,
                };
                let places = Places {
                    id: id_span.unwrap_or_else(|| entry.span.clone()),
                    table: entry.span.clone(),
                };
                if let Some(exercise) = validate::exercise(source, entry, origin, diagnostics) {
                    exercises.push((exercise, places));
                    variants.extend(named);
                } else {
                    broken.extend(id);
                }
            }
            FileItems::Exercises(exercises, broken, variants)
        }
        FileRole::Routine => {
            let origin = Origin {
                layer: file.layer,
                path: source.path.clone(),
                line: 1,
                column: 1,
            };
            let id = routine_id(&source.path);
            let routine = parse::routine_file(source, diagnostics).and_then(|raw| {
                let every_step_read = raw.every_step_read;
                let pending = validate::routine(source, &id, raw, origin, diagnostics);
                every_step_read.then_some(pending)
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
