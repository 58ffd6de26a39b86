//! The two duration rules the plan and the planner share: how long to get
//! ready before a hold, and how long one routine step takes in all.

use crate::library::{Exercise, Position};

/// The get-ready time before a hold in `position`, after a hold in
/// `previous` (`None` for the first hold): `transition` at the first hold and
/// at a change of position, else `prep`. A transition is never shorter than
/// the prep.
pub fn get_ready(
    previous: Option<Position>,
    position: Position,
    prep: u32,
    transition: u32,
) -> u32 {
    if previous == Some(position) {
        prep
    } else {
        transition.max(prep)
    }
}

/// Seconds one routine step takes when its first hold is preceded by
/// `first_ready` seconds (from [`get_ready`]) and the others by `prep`:
/// `first_ready + hold + (repeat × sides − 1) × (prep + hold)`, where a phased
/// exercise's hold is the sum of its phases. It is the sum `Plan::build` lays
/// out as segments, for planning a routine before it exists.
pub fn step_seconds(
    exercise: &Exercise,
    hold: Option<u32>,
    repeat: u32,
    first_ready: u32,
    prep: u32,
) -> u32 {
    let hold = if exercise.has_phases() {
        exercise.hold
    } else {
        hold.unwrap_or(exercise.hold)
    };
    let holds = repeat * exercise.sides();
    first_ready + hold + holds.saturating_sub(1) * (prep + hold)
}
