//! What one library file holds once parsed and validated, before the layers
//! are merged: its valid exercises (and the ids of those with problems), or
//! its routine.

use std::ops::Range;
use std::path::Path;

use super::parse::{self, Uncut};
use super::sources::{FileRole, LibraryFile};
use super::validate::{self, PendingRoutine};
use super::variants::VariantRef;
use super::{Exercise, Origin};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::toml_input::Pieces;

/// What one file holds once parsed and validated, before the layers are merged.
pub enum FileItems {
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
pub struct Places {
    pub table: Range<usize>,
    pub id: Range<usize>,
}

/// Parses and validates one file, adding its problems to `diagnostics`.
pub fn read_file(file: &LibraryFile, diagnostics: &mut Vec<Diagnostic>) -> FileItems {
    let source = &file.source;
    match file.role {
        FileRole::Exercises => {
            let mut exercises = Vec::new();
            let mut broken = Vec::new();
            let mut variants = Vec::new();
            for entry in parse::exercise_file(source, diagnostics) {
                let named = VariantRef::all_of(&entry);
                let id = entry.value.id.as_ref().map(|id| id.get_ref().0.clone());
                let id_span = entry.value.id.as_ref().map(|id| id.span());
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
            // In pieces, so that a routine of thousands of steps is never
            // held parsed whole; as one piece if the cut does not stand, to
            // report every problem as the whole document has it.
            let mut problems = Vec::new();
            let pieces = Pieces::cut(&source.text, "step");
            let routine = match routine(source, &id, pieces, origin.clone(), &mut problems) {
                Ok(routine) => {
                    diagnostics.append(&mut problems);
                    routine
                }
                Err(Uncut) => {
                    let whole = Pieces::whole(&source.text);
                    routine(source, &id, whole, origin, diagnostics)
                        .expect("a file read whole is one piece, which stands alone")
                }
            };
            FileItems::Routine(routine)
        }
    }
}

/// A routine file read in `pieces` and checked a step at a time.
fn routine(
    source: &SourceText,
    id: &str,
    pieces: Pieces,
    origin: Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<PendingRoutine>, Uncut> {
    let Some(mut raw) = parse::routine_file(source, pieces, diagnostics)? else {
        return Ok(None);
    };
    let pending = validate::routine(source, id, &mut raw, origin, diagnostics);
    Ok(raw.steps.finish()?.then_some(pending))
}

/// A routine's id is its file name without `.toml`.
fn routine_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
