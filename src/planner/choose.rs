//! Which exercises a plan may use, which breathing exercise ends it, and the
//! order of its steps: standing first, then seated, kneeling, and lying down
//! last, so that the person gets down to the floor once.

use super::PlanRequest;
use crate::library::{Equipment, Exercise, Kind, Library, Position};

/// Equipment every home has: a wall, a chair, and a cushion (a folded towel
/// does). Anything else (a ball, a foam roller, a strap) must be asked for.
pub(super) const AT_HAND: &[Equipment] = &[Equipment::Wall, Equipment::Chair, Equipment::Cushion];

/// How far down toward the floor a position is. Lying on the back and lying
/// face down are the same level: turning over is not getting up.
pub(super) fn level(position: Position) -> u8 {
    match position {
        Position::Standing => 0,
        Position::Seated => 1,
        Position::Kneeling => 2,
        Position::Lying | Position::Prone => 3,
    }
}

/// Whether an exercise suits the conditions and the equipment at hand.
fn suits(exercise: &Exercise, request: &PlanRequest) -> bool {
    let has = |q: &Equipment| AT_HAND.contains(q) || request.equipment.contains(q);
    exercise.avoided_with(&request.conditions).next().is_none()
        && exercise.equipment.iter().all(has)
}

fn position_allowed(exercise: &Exercise, request: &PlanRequest) -> bool {
    request.positions.is_empty() || request.positions.contains(&exercise.position)
}

/// Whether a plan may hold an exercise as a step of its body: a stretch,
/// a movement or ball work.
pub(super) fn body_kind(exercise: &Exercise) -> bool {
    matches!(
        exercise.kind,
        Kind::Stretch | Kind::Movement | Kind::BallRelease
    )
}

/// Stretches, movements and ball work the plan may use, in library order;
/// one used only by name, only when asked for.
pub(super) fn body_candidates<'a>(
    library: &'a Library,
    request: &PlanRequest,
) -> Vec<&'a Exercise> {
    library
        .exercises()
        .iter()
        .filter(|e| body_kind(e))
        .filter(|e| !e.by_name || request.with.contains(&e.id))
        .filter(|e| position_allowed(e, request) && suits(e, request))
        .collect()
}

/// Why an exercise asked for by name cannot be in the plan, if it cannot.
pub(super) fn why_not(exercise: &Exercise, request: &PlanRequest) -> Option<String> {
    if !body_kind(exercise) {
        return Some(format!(
            "a plan chooses its own {} exercise; `--with` takes stretches, movements and ball work",
            exercise.kind
        ));
    }
    if let Some(condition) = exercise.avoided_with(&request.conditions).next() {
        return Some(format!("it is to be avoided with {}", condition.describe()));
    }
    if !position_allowed(exercise, request) {
        return Some(format!(
            "it is done {}, a position not asked for",
            exercise.position
        ));
    }
    let missing: Vec<String> = exercise
        .equipment
        .iter()
        .filter(|q| !AT_HAND.contains(q) && !request.equipment.contains(q))
        .map(|q| format!("--equipment {}", q.name()))
        .collect();
    (!missing.is_empty()).then(|| format!("it needs {}", missing.join(" ")))
}

/// `candidates` as done at the request's level, one rung of each family:
/// the easiest candidate of a family moved up to its harder variant at
/// levels 2 and 3 where that is a candidate too, and the family's other
/// rungs left out. The plan's routine then keeps them as chosen (see
/// [`fit::routine`](super::fit::routine)).
pub(super) fn at_level<'a>(
    library: &'a Library,
    request: &PlanRequest,
    candidates: &[&'a Exercise],
) -> Vec<&'a Exercise> {
    let allowed: Vec<&str> = candidates.iter().map(|e| e.id.as_str()).collect();
    let easiest = candidates
        .iter()
        .filter(|e| e.easier.as_deref().is_none_or(|id| !allowed.contains(&id)));
    let mut chosen: Vec<&'a Exercise> = Vec::with_capacity(candidates.len());
    for e in easiest {
        let e = request
            .level
            .variant(e, library, &request.conditions, |id| !allowed.contains(&id));
        if !chosen.iter().any(|c| c.id == e.id) {
            chosen.push(e);
        }
    }
    chosen
}

/// Breathing exercises that suit the conditions and the equipment, in any
/// position: the finish prefers the positions asked for but may leave them.
pub(super) fn breathing_candidates<'a>(
    library: &'a Library,
    request: &PlanRequest,
) -> Vec<&'a Exercise> {
    library
        .exercises()
        .iter()
        .filter(|e| e.kind == Kind::Breathing && suits(e, request))
        .collect()
}

/// The breathing exercise to end with, from `candidates` in their shuffled
/// order. It prefers, in turn: a position asked for at or below the level the
/// body of the plan ends on; any position asked for, nearest that level; any
/// position, nearest that level (when no breathing exercise is done in the
/// positions asked for, the nearest one is the best fit).
pub(super) fn finish<'a>(
    candidates: &[&'a Exercise],
    request: &PlanRequest,
    last_level: u8,
) -> Option<&'a Exercise> {
    let allowed: Vec<&Exercise> = candidates
        .iter()
        .copied()
        .filter(|e| position_allowed(e, request))
        .collect();
    if let Some(e) = allowed.iter().find(|e| level(e.position) >= last_level) {
        return Some(e);
    }
    let nearest = |pool: &[&'a Exercise]| -> Option<&'a Exercise> {
        // Staying down beats getting up: at equal distance, lower wins.
        pool.iter().copied().min_by_key(|e| {
            let l = level(e.position);
            (l.abs_diff(last_level), l < last_level)
        })
    };
    nearest(&allowed).or_else(|| nearest(candidates))
}

/// The ways down the built-in library guides, in the order they are
/// preferred: to the floor by way of a chair, else onto a firm bed.
const WAYS_DOWN: [&str; 2] = ["getting-down-to-the-floor", "onto-a-bed"];

/// Whether a step is done on the floor (kneeling, lying or face down), so
/// that a guided way down must come before it. A step that needs a bed is
/// done on the bed and guides itself there.
pub(super) fn on_the_floor(exercise: &Exercise) -> bool {
    level(exercise.position) >= level(Position::Kneeling)
        && exercise.kind != Kind::Transfer
        && !on_a_bed(exercise)
}

fn on_a_bed(exercise: &Exercise) -> bool {
    exercise.equipment.contains(&Equipment::Bed) && exercise.kind != Kind::Transfer
}

/// The guided way down a plan uses before its first floor step: the first
/// of [`WAYS_DOWN`] that suits the conditions and the equipment at hand. With
/// none (a way down to the floor kneels, which knee pain and a new hip rule
/// out, and no bed is at hand) a plan keeps off the floor.
pub(super) fn way_down<'a>(library: &'a Library, request: &PlanRequest) -> Option<&'a Exercise> {
    WAYS_DOWN
        .iter()
        .filter_map(|id| library.exercise(id))
        .find(|e| suits(e, request))
}

/// The order steps are done in: standing, seated, then anything done on a
/// bed (before getting down to the floor, never between floor steps), then
/// kneeling and lying; within a position the way down first, then ball work
/// before the stretches (release, then lengthen), otherwise as chosen.
pub(super) fn order_key(exercise: &Exercise) -> (u8, bool, Position, u8) {
    let bed = on_a_bed(exercise);
    let place = if bed {
        level(Position::Seated)
    } else {
        level(exercise.position)
    };
    let kind = match exercise.kind {
        Kind::Transfer => 0,
        Kind::BallRelease => 1,
        _ => 2,
    };
    (place, bed, exercise.position, kind)
}
