//! Loading: reads every source, parses and validates each file, layers them
//! (a later layer replaces an earlier item with the same id, and says so), and
//! finally checks each routine's steps against the exercises that exist.

use std::collections::HashMap;
use std::path::Path;

use super::parse;
use super::sources::{FileRole, Layer, LibraryFile, Sources};
use super::validate::{self, PendingRoutine};
use super::{Library, Origin};
use crate::diagnostic::{Diagnostic, SourceText};

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
}

pub fn load(sources: &Sources) -> Loaded {
    let mut diagnostics = Vec::new();
    let files = sources.read(&mut diagnostics);
    load_files(&files, diagnostics)
}

/// Loads files already read, in layer order; `diagnostics` holds any problems
/// met while reading them.
pub fn load_files(files: &[LibraryFile], mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let mut library = Library::default();
    // The layer each id was last defined in, to tell a duplicate from a replacement.
    let mut exercise_layers: HashMap<String, Layer> = HashMap::new();
    let mut pending: Vec<(usize, PendingRoutine)> = Vec::new();

    for file in files.iter().filter(|f| f.role == FileRole::Exercises) {
        let source = &file.source;
        for (i, entry) in parse::exercise_file(source, &mut diagnostics)
            .into_iter()
            .enumerate()
        {
            let (line, column) = source.line_column(entry.span.start);
            let origin = Origin {
                layer: file.layer,
                path: source.path.clone(),
                line,
                column,
            };
            let span = entry.span.clone();
            let Some(exercise) = validate::exercise(source, i + 1, entry, origin, &mut diagnostics)
            else {
                continue;
            };
            let id = exercise.id.clone();
            match (
                exercise_layers.insert(id.clone(), file.layer),
                library.exercise(&id),
            ) {
                (Some(layer), Some(old)) if layer == file.layer => {
                    diagnostics.push(duplicate(source, span, "exercise", &id, &old.origin));
                    exercise_layers.insert(id, layer);
                }
                _ => {
                    if let Some(old) = library.put_exercise(exercise) {
                        diagnostics.push(replacement(source, span, "exercise", &id, &old.origin));
                    }
                }
            }
        }
    }

    let mut routine_layers: HashMap<String, (Layer, Origin)> = HashMap::new();
    for (file_index, file) in files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.role == FileRole::Routine)
    {
        let source = &file.source;
        let Some(raw) = parse::routine_file(source, &mut diagnostics) else {
            continue;
        };
        let id = routine_id(&source.path);
        let origin = Origin {
            layer: file.layer,
            path: source.path.clone(),
            line: 1,
            column: 1,
        };
        let Some(routine) = validate::routine(source, &id, raw, origin.clone(), &mut diagnostics)
        else {
            continue;
        };
        match routine_layers.get(&id) {
            Some((layer, old)) if *layer == file.layer => {
                diagnostics.push(duplicate(source, 0..0, "routine", &id, old));
                continue;
            }
            Some((_, old)) => diagnostics.push(replacement(source, 0..0, "routine", &id, old)),
            None => {}
        }
        routine_layers.insert(id.clone(), (file.layer, origin));
        pending.retain(|(_, p)| p.routine.id != id);
        pending.push((file_index, routine));
    }

    for (file_index, routine) in pending {
        if check_steps(
            &files[file_index].source,
            &routine,
            &library,
            &mut diagnostics,
        ) {
            library.put_routine(routine.routine);
        }
    }
    Loaded {
        library,
        diagnostics,
    }
}

/// A routine's id is its file name without `.toml`.
fn routine_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn check_steps(
    source: &SourceText,
    pending: &PendingRoutine,
    library: &Library,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (i, (step, (exercise_span, hold_span))) in pending
        .routine
        .steps
        .iter()
        .zip(&pending.step_spans)
        .enumerate()
    {
        let key = format!("step[{}]", i + 1);
        match library.exercise(&step.exercise) {
            None => {
                let close = library.closest_exercise_ids(&step.exercise);
                let help = if close.is_empty() {
                    "`psoas list` shows every exercise id".to_string()
                } else {
                    format!(
                        "did you mean {}? (`psoas list` shows every id)",
                        quoted(&close)
                    )
                };
                diagnostics.push(
                    Diagnostic::error(
                        source,
                        Some(exercise_span.clone()),
                        format!("no exercise has the id `{}`", step.exercise),
                    )
                    .with_key(format!("{key}.exercise"))
                    .with_help(help),
                );
                ok = false;
            }
            Some(exercise) if exercise.has_phases() && step.hold.is_some() => {
                diagnostics.push(
                    Diagnostic::error(source, hold_span.clone(), format!("`{}` is a timed sequence of phases", exercise.id))
                        .with_key(format!("{key}.hold"))
                        .with_help("remove `hold` from this step: its length is the sum of the exercise's phases"),
                );
                ok = false;
            }
            Some(_) => {}
        }
    }
    ok
}

fn quoted(ids: &[&str]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    quoted.join(" or ")
}

fn duplicate(
    source: &SourceText,
    span: std::ops::Range<usize>,
    what: &str,
    id: &str,
    first: &Origin,
) -> Diagnostic {
    Diagnostic::error(
        source,
        Some(span),
        format!("the {what} id `{id}` is defined twice"),
    )
    .with_key("id")
    .with_help(format!(
        "it is first defined at {first}; give one of them another id"
    ))
}

fn replacement(
    source: &SourceText,
    span: std::ops::Range<usize>,
    what: &str,
    id: &str,
    old: &Origin,
) -> Diagnostic {
    Diagnostic::note(
        source,
        Some(span),
        format!("this {what} `{id}` replaces the one at {old}"),
    )
}
