//! A routine's steps checked against the whole library: each names an
//! exercise that exists (and so does its `instead`), and a step of a phased
//! exercise sets no hold.

use std::collections::HashSet;
use std::ops::Range;

use super::Library;
use super::validate::PendingRoutine;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::format::did_you_mean;

/// Reports every step of `pending` that does not fit the library; whether
/// all of them do. Steps naming an exercise in `broken` (reported already)
/// do not fit, without a word.
pub(super) fn check_steps(
    source: &SourceText,
    pending: &PendingRoutine,
    library: &Library,
    broken: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (step, spans) in pending.routine.steps.iter().zip(&pending.step_spans) {
        let key = format!("step[{}]", spans.index);
        let unknown = |id: &str, span: &Range<usize>, what: &str| {
            let help = match did_you_mean(&library.closest_exercise_ids(id)) {
                Some(hint) => format!("{hint} (`psoas list` shows every id)"),
                None => "`psoas list` shows every exercise id".to_string(),
            };
            Diagnostic::error(
                source,
                Some(span.clone()),
                format!("no exercise has the id `{id}`"),
            )
            .with_key(format!("{key}.{what}"))
            .with_help(help)
        };
        if let (Some(id), Some(span)) = (&step.instead, &spans.instead)
            && library.exercise(id).is_none()
            && !broken.contains(&**id)
        {
            diagnostics.push(unknown(id, span, "instead"));
            ok = false;
        }
        match library.exercise(&step.exercise) {
            None if broken.contains(&*step.exercise) => ok = false,
            None => {
                diagnostics.push(unknown(&step.exercise, &spans.exercise, "exercise"));
                ok = false;
            }
            Some(exercise) if exercise.has_phases() && step.hold.is_some() => {
                diagnostics.push(
                    Diagnostic::error(source, spans.hold.clone(), format!("`{}` is a timed sequence of phases", exercise.id))
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
