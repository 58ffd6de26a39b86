//! The file format as serde sees it: every key of an exercise or routine file,
//! with the spans needed to point at a bad value. Nothing here is validated;
//! `validate` turns these into the library's types. Required keys are
//! optional here so that their absence is reported by `validate`, beside the
//! entry's other problems, rather than stopping serde at the first one.

use serde::Deserialize;
use toml::Spanned;

use super::{Condition, Equipment, Impact, Kind, Position};

/// An exercise file read in one go, which works when nothing in it is of the
/// wrong type or unknown: the common case, and the quick one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExerciseFile {
    #[serde(default)]
    pub exercise: Vec<Spanned<RawExercise>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExercise {
    pub id: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub kind: Option<Kind>,
    pub position: Option<Position>,
    #[serde(default)]
    pub each_side: bool,
    pub hold: Option<Spanned<i64>>,
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    pub setup: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub cues: Vec<Spanned<String>>,
    #[serde(default)]
    pub cautions: Vec<Spanned<String>>,
    #[serde(default)]
    pub avoid_if: Vec<Condition>,
    #[serde(default)]
    pub impact: Impact,
    pub breathing: Option<RawBreathing>,
    #[serde(default)]
    pub phase: Vec<RawPhase>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    pub cue: Spanned<String>,
    pub hold: Spanned<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBreathing {
    pub inhale: Spanned<i64>,
    pub exhale: Spanned<i64>,
}

/// A routine file: its top-level keys, and its steps.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoutineHead {
    pub name: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    #[serde(default = "yes")]
    pub warm_up: bool,
    pub prep: Option<Spanned<i64>>,
    pub transition: Option<Spanned<i64>>,
    pub breathing: Option<RawBreathing>,
    /// Read here when the whole file is read in one go; otherwise set apart
    /// and read one step at a time.
    pub step: Option<Vec<Spanned<RawStep>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub exercise: Option<Spanned<String>>,
    pub hold: Option<Spanned<i64>>,
    pub repeat: Option<Spanned<i64>>,
}

fn yes() -> bool {
    true
}
