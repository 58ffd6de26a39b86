//! One hold with its get-ready, summed from a plan's segments: the unit a
//! routine sheet prints and a finished session counts.

use super::segment::Stage;
use crate::library::{Breathing, Exercise, Side};

/// One hold with its prep, as printed in a routine sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedHold<'a> {
    pub stage: Stage,
    pub step: usize,
    pub round: u32,
    pub side: Option<Side>,
    /// The extra hold on the tighter side, after the pair.
    pub extra: bool,
    pub exercise: &'a Exercise,
    /// Start of the prep, in seconds from the start of the plan.
    pub start: u32,
    pub prep: u32,
    pub hold: u32,
    pub breathing: Breathing,
}

impl PlannedHold<'_> {
    /// Seconds from the start of the plan to the end of the prep, when the
    /// hold itself begins.
    pub fn hold_start(&self) -> u32 {
        self.start + self.prep
    }

    pub fn end(&self) -> u32 {
        self.hold_start() + self.hold
    }
}
