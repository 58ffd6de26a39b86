//! A validated routine: an ordered list of steps, each naming an exercise that
//! exists in the library.

use std::sync::Arc;

use super::{Breathing, Origin};

/// One step of a routine. The exercise id is known to exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Shared by every step of the routine that names the same exercise.
    pub exercise: Arc<str>,
    /// Overrides the exercise's hold (never set for a phased exercise).
    pub hold: Option<u32>,
    pub repeat: u32,
    /// The exercise done in this step's place when a condition leaves its
    /// own out (a routine's own `instead`, before the exercise's).
    pub instead: Option<Arc<str>>,
}

/// A validated routine. `prep` and `breathing` stay optional so that personal
/// defaults can fill them in when the routine does not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
    /// Lines said before the routine starts, in its first get-ready: what a
    /// person must know before the first step, such as who should not do it.
    pub before: Vec<String>,
    pub warm_up: bool,
    /// Whether a higher level moves a step to the harder variant of its
    /// exercise; a plan made for a level has chosen its exercises already.
    pub progress: bool,
    pub prep: Option<u32>,
    /// Seconds to get ready before the first hold and at a change of
    /// position; never less than `prep`.
    pub transition: Option<u32>,
    pub breathing: Option<Breathing>,
    pub steps: Vec<Step>,
    pub origin: Origin,
}

impl Routine {
    /// The built-in side check (`psoas run side-check`): its holds are the
    /// same on both sides, and its run asks how much each side pulled.
    pub const SIDE_CHECK: &'static str = "side-check";

    /// Whether this is the side check.
    pub fn is_side_check(&self) -> bool {
        self.id == Self::SIDE_CHECK
    }

    pub const DEFAULT_PREP: u32 = 5;
    pub const MAX_PREP: u32 = 60;
    pub const DEFAULT_TRANSITION: u32 = 15;
    pub const MAX_TRANSITION: u32 = 120;
    pub const MAX_REPEAT: u32 = 20;
}
