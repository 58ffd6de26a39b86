//! Which exercises a plan may use, which breathing exercise ends it, and the
//! order of its steps: standing first, then seated, kneeling, and lying down
//! last, so that the person gets down to the floor once.

use super::PlanRequest;
use crate::library::{Condition, Equipment, Exercise, Kind, Library, Position};

/// Equipment every home has: a wall, a chair, and a cushion (a folded towel
/// does). Anything else (a ball, a foam roller, a strap) must be asked for.
pub const AT_HAND: &[Equipment] = &[Equipment::Wall, Equipment::Chair, Equipment::Cushion];

/// How far down toward the floor a position is. Lying on the back and lying
/// face down are the same level: turning over is not getting up.
pub fn level(position: Position) -> u8 {
    match position {
        Position::Standing => 0,
        Position::Seated => 1,
        Position::Kneeling => 2,
        Position::Lying | Position::Prone => 3,
    }
}

/// Why an exercise is not used, if it is not.
fn excluded(exercise: &Exercise, request: &PlanRequest) -> Option<Exclusion> {
    if let Some(c) = exercise.avoided_with(&request.conditions).next() {
        return Some(Exclusion::Condition(c));
    }
    let has = |q: &Equipment| AT_HAND.contains(q) || request.equipment.contains(q);
    if !exercise.equipment.iter().all(has) {
        return Some(Exclusion::Equipment);
    }
    None
}

enum Exclusion {
    Condition(Condition),
    Equipment,
}

fn position_allowed(exercise: &Exercise, request: &PlanRequest) -> bool {
    request.positions.is_empty() || request.positions.contains(&exercise.position)
}

/// Stretches, movements and ball work the plan may use, in library order.
pub fn body_candidates<'a>(library: &'a Library, request: &PlanRequest) -> Vec<&'a Exercise> {
    library
        .exercises()
        .iter()
        .filter(|e| matches!(e.kind, Kind::Stretch | Kind::Movement | Kind::BallRelease))
        .filter(|e| position_allowed(e, request) && excluded(e, request).is_none())
        .collect()
}

/// `candidates` as done at the request's level: each moved to its harder
/// variant where that is a candidate too, each once. The plan's routine
/// then keeps them as chosen (see [`fit::routine`](super::fit::routine)).
pub fn at_level<'a>(
    library: &'a Library,
    request: &PlanRequest,
    candidates: Vec<&'a Exercise>,
) -> Vec<&'a Exercise> {
    let allowed: Vec<&str> = candidates.iter().map(|e| e.id.as_str()).collect();
    let mut chosen: Vec<&'a Exercise> = Vec::with_capacity(candidates.len());
    for e in &candidates {
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
pub fn breathing_candidates<'a>(library: &'a Library, request: &PlanRequest) -> Vec<&'a Exercise> {
    library
        .exercises()
        .iter()
        .filter(|e| e.kind == Kind::Breathing && excluded(e, request).is_none())
        .collect()
}

/// Exercises the plan could have used but for a condition: those of the
/// positions and equipment asked for, with the first condition that rules
/// each out.
pub fn avoided<'a>(library: &'a Library, request: &PlanRequest) -> Vec<(&'a Exercise, Condition)> {
    library
        .exercises()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                Kind::Stretch | Kind::Movement | Kind::BallRelease | Kind::Breathing
            )
        })
        .filter(|e| position_allowed(e, request))
        .filter_map(|e| match excluded(e, request) {
            Some(Exclusion::Condition(c)) => {
                let has = |q: &Equipment| AT_HAND.contains(q) || request.equipment.contains(q);
                e.equipment.iter().all(has).then_some((e, c))
            }
            _ => None,
        })
        .collect()
}

/// The breathing exercise to end with, from `candidates` in their shuffled
/// order. It prefers, in turn: a position asked for at or below the level the
/// body of the plan ends on; any position asked for, nearest that level; any
/// position, nearest that level (when no breathing exercise is done in the
/// positions asked for, the nearest one is the best fit).
pub fn finish<'a>(
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

/// The order steps are done in: by level, ball work before the stretches of
/// the same position (release, then lengthen), otherwise as chosen.
pub fn order_key(exercise: &Exercise) -> (u8, Position, u8) {
    let kind = match exercise.kind {
        Kind::BallRelease => 0,
        _ => 1,
    };
    (level(exercise.position), exercise.position, kind)
}
