//! How the layers of a library are merged: a later layer's exercise or
//! routine replaces an earlier one with the same id, and says so in a note;
//! the same id twice in one layer is an error naming both places.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::items::FileItems;
use super::sources::{Layer, LibraryFile};
use super::{Library, Origin};
use crate::diagnostic::{Diagnostic, SourceText};

/// Adds every valid exercise to `library`, layer over layer, and returns the
/// ids of exercises with problems of their own: a step naming one is not
/// also told the id is unknown.
pub(super) fn add_exercises(
    files: &[LibraryFile],
    read: &mut [FileItems],
    library: &mut Library,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<String> {
    // The layer each id was last defined in, to tell a duplicate from a replacement.
    let mut exercise_layers: HashMap<String, Layer> = HashMap::new();
    let mut broken_exercises: HashSet<String> = HashSet::new();
    for (file, items) in files.iter().zip(read) {
        let FileItems::Exercises(exercises, broken, _) = items else {
            continue;
        };
        broken_exercises.extend(broken.drain(..));
        for (exercise, places) in exercises.drain(..) {
            let id = exercise.id.clone();
            let source = &file.source;
            match (
                exercise_layers.insert(id.clone(), file.layer),
                library.exercise(&id),
            ) {
                (Some(layer), Some(old)) if layer == file.layer => {
                    diagnostics.push(duplicate(
                        source,
                        Some(places.id),
                        "exercise",
                        &id,
                        &old.origin,
                    ));
                }
                _ => {
                    if let Some(old) = library.put_exercise(exercise) {
                        diagnostics.push(replacement(
                            source,
                            Some(places.table),
                            "exercise",
                            &id,
                            &old.origin,
                        ));
                    }
                }
            }
        }
    }
    broken_exercises
}

/// The index of the file whose routine is kept for each id, in file order.
/// Routines with problems of their own are never kept.
pub(super) fn routines_kept(
    files: &[LibraryFile],
    read: &[FileItems],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut kept: HashMap<String, usize> = HashMap::new();
    for (index, (file, items)) in files.iter().zip(read).enumerate() {
        let FileItems::Routine(Some(pending)) = items else {
            continue;
        };
        if !pending.valid {
            continue;
        }
        let routine = &pending.routine;
        if let Some(&old) = kept.get(&routine.id) {
            let old_origin = &files[old].source.path;
            let old = Origin {
                layer: files[old].layer,
                path: old_origin.clone(),
                line: 1,
                column: 1,
            };
            if old.layer == file.layer {
                diagnostics.push(duplicate(&file.source, None, "routine", &routine.id, &old));
                continue;
            }
            diagnostics.push(replacement(
                &file.source,
                None,
                "routine",
                &routine.id,
                &old,
            ));
        }
        kept.insert(routine.id.clone(), index);
    }
    let mut kept: Vec<usize> = kept.into_values().collect();
    kept.sort_unstable();
    kept
}

fn duplicate(
    source: &SourceText,
    span: Option<Range<usize>>,
    what: &str,
    id: &str,
    first: &Origin,
) -> Diagnostic {
    Diagnostic::error(
        source,
        span,
        format!("the {what} id `{id}` is defined twice"),
    )
    .with_key("id")
    .with_help(format!(
        "it is first defined at {first}; give one of them another id"
    ))
}

fn replacement(
    source: &SourceText,
    span: Option<Range<usize>>,
    what: &str,
    id: &str,
    old: &Origin,
) -> Diagnostic {
    Diagnostic::note(
        source,
        span,
        format!("this {what} `{id}` replaces the one at {old}"),
    )
}
