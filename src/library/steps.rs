//! A routine's steps checked against the whole library: each names an
//! exercise that exists, and a step of a phased exercise sets no hold.

use std::collections::HashSet;

use super::Library;
use super::validate::PendingRoutine;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::format::did_you_mean;

/// Reports every step of `pending` that does not fit the library; whether
/// all of them do. Steps naming an exercise in `broken` (reported already)
/// do not fit, without a word.
pub fn check_steps(
    source: &SourceText,
    pending: &PendingRoutine,
    library: &Library,
    broken: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (step, (index, exercise_span, hold_span)) in
        pending.routine.steps.iter().zip(&pending.step_spans)
    {
        let key = format!("step[{index}]");
        match library.exercise(&step.exercise) {
            None if broken.contains(&*step.exercise) => ok = false,
            None => {
                let help = match did_you_mean(&library.closest_exercise_ids(&step.exercise)) {
                    Some(hint) => format!("{hint} (`psoas list` shows every id)"),
                    None => "`psoas list` shows every exercise id".to_string(),
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
