//! One timed piece of a plan: a get-ready or a hold (or one phase of a
//! massage sequence), with where it starts, how long it lasts and which hold,
//! step, round and side of the routine it belongs to.

use crate::library::{Breathing, Condition, Exercise, Side};

/// Whether a segment belongs to the optional warm-up or to the routine itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    WarmUp,
    Main,
}

/// What the person does during a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Get into position (or switch sides) before a hold.
    Prep,
    /// Hold, breathing; `phase` is set for each phase of a massage sequence.
    Hold,
}

/// One timed piece of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// Seconds from the start of the plan.
    pub start: u32,
    pub duration: u32,
    pub kind: SegmentKind,
    pub stage: Stage,
    /// Which hold (0-based, across the whole plan) this segment belongs to.
    pub hold: usize,
    /// Which step of its stage (0-based) the hold comes from.
    pub step: usize,
    /// Which repetition of the step (1-based).
    pub round: u32,
    pub side: Option<Side>,
    /// For a phased exercise, which phase (0-based) this hold segment is.
    pub phase: Option<usize>,
    /// Seconds since the hold itself began (0 for a prep segment), so the
    /// breathing rhythm runs on across the phases of a sequence.
    pub into_hold: u32,
    /// The extra hold on the tighter side, after a two-sided stretch's pair
    /// (see [`extra_side`](super::durations::extra_side)).
    pub extra: bool,
    pub exercise: &'a Exercise,
    pub breathing: Breathing,
}

impl Segment<'_> {
    pub fn end(&self) -> u32 {
        self.start + self.duration
    }

    /// The prep before the second side of an `each_side` exercise; the
    /// extra hold on the tighter side is said as such instead.
    pub fn is_side_switch(&self) -> bool {
        self.kind == SegmentKind::Prep && self.side == Some(Side::Right) && !self.extra
    }

    /// The words for the current phase of a sequence, if any.
    pub fn phase_cue(&self) -> Option<&str> {
        self.phase.map(|p| self.exercise.phases[p].cue.as_str())
    }
}

/// A step left out because its exercise should be avoided with a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut<'a> {
    pub step: usize,
    pub exercise: &'a Exercise,
    pub condition: Condition,
    /// What is done in its place: the exercise's `instead`, where it suits
    /// and the routine still needs it (the way onto a bed for the way down
    /// to the floor, while floor steps remain).
    pub instead: Option<&'a Exercise>,
}
