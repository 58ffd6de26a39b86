//! A validated routine: an ordered list of steps, each naming an exercise that
//! exists in the library.

use serde::Serialize;

use super::{Breathing, Origin};

/// One step of a routine. The exercise id is known to exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub exercise: String,
    /// Overrides the exercise's hold (never set for a phased exercise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold: Option<u32>,
    pub repeat: u32,
}

/// A validated routine. `prep` and `breathing` stay optional so that personal
/// defaults can fill them in when the routine does not say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Routine {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub warm_up: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prep: Option<u32>,
    /// Seconds to get ready before the first hold and at a change of
    /// position; never less than `prep`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breathing: Option<Breathing>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
    #[serde(rename = "source")]
    pub origin: Origin,
}

impl Routine {
    pub const DEFAULT_PREP: u32 = 5;
    pub const MAX_PREP: u32 = 60;
    pub const DEFAULT_TRANSITION: u32 = 15;
    pub const MAX_TRANSITION: u32 = 120;
    pub const MAX_REPEAT: u32 = 20;
}
