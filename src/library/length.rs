//! How long a routine may last: at most [`MAX_SECONDS`] (4 hours), its
//! holds and get-readies counted. No one stretches for longer, and the rule
//! bounds what a file can ask of a run: a plan and its timeline hold at most
//! the holds of 4 hours of the shortest ones (and the tighter side's one more
//! a step).
//!
//! The length is counted from the file as the plan times it at the default
//! settings: each hold (`hold` times `repeat`, on each side, a phased
//! exercise's phases in full), and before it a get-ready of `transition` at
//! the first hold and at a change of position, else `prep`, and at least the
//! exercise's `switch_sides` between the sides: the routine as written. A
//! plan can last longer (a get-ready is made long enough to say the set-up,
//! a level lengthens stretch holds up to twice, the tighter side is held
//! once more), but its steps are the routine's.
//! The count lives here rather than in the engine, which depends on the
//! library: the library refuses the routine when it is loaded.

use super::validate::StepSpans;
use super::{Library, Routine};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::format::clock;

/// The longest a routine may last, in seconds.
pub(super) const MAX_SECONDS: u32 = 4 * 60 * 60;

/// The place (from 0) of the first step by whose end `routine` lasts more
/// than [`MAX_SECONDS`], and how long it has lasted by then; `None` if it
/// never does. Steps naming no exercise of `library` count for nothing
/// (they are reported of their own).
pub(super) fn first_step_over(routine: &Routine, library: &Library) -> Option<(usize, u64)> {
    let prep = routine.prep.unwrap_or(Routine::DEFAULT_PREP);
    let transition = routine
        .transition
        .unwrap_or(Routine::DEFAULT_TRANSITION)
        .max(prep);
    let mut total = 0u64;
    let mut position = None;
    for (index, step) in routine.steps.iter().enumerate() {
        let Some(exercise) = library.exercise(&step.exercise) else {
            continue;
        };
        let hold = if exercise.has_phases() {
            exercise.hold
        } else {
            step.hold.unwrap_or(exercise.hold)
        };
        let holds = u64::from(step.repeat) * if exercise.each_side { 2 } else { 1 };
        let first_ready = if position == Some(exercise.position) {
            prep
        } else {
            transition
        };
        let next_ready = if exercise.each_side {
            prep.max(exercise.switch_sides)
        } else {
            prep
        };
        total += u64::from(first_ready) + u64::from(hold);
        total += (holds - 1) * u64::from(next_ready + hold);
        position = Some(exercise.position);
        if total > u64::from(MAX_SECONDS) {
            return Some((index, total));
        }
    }
    None
}

/// The problem of a routine that lasts too long, at the step by whose end
/// it does; `None` for one within the rule.
pub(super) fn too_long(
    source: &SourceText,
    routine: &Routine,
    spans: &[StepSpans],
    library: &Library,
) -> Option<Diagnostic> {
    let (index, total) = first_step_over(routine, library)?;
    let spans = spans.get(index)?;
    let total = clock(u32::try_from(total).unwrap_or(u32::MAX));
    Some(
        Diagnostic::error(
            source,
            Some(spans.exercise.clone()),
            format!(
                "the routine lasts more than {} hours by the end of this step ({total})",
                MAX_SECONDS / 3600
            ),
        )
        .with_key(format!("step[{}]", spans.index))
        .with_help(format!(
            "a routine lasts at most {} hours, holds and get-readies counted: fewer steps \
             or repeats, or shorter holds; or split it into two routines",
            MAX_SECONDS / 3600
        )),
    )
}
