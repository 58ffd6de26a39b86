//! The file format as serde sees it: every key of an exercise or routine file,
//! with the spans needed to point at a bad value. Nothing here is validated;
//! `validate` turns these into the library's types. Required keys are
//! optional here so that their absence is reported by `validate`, beside the
//! entry's other problems, rather than stopping serde at the first one. Each
//! table says in a person's words what it is, for a value of the wrong type.

use serde::Deserialize;
use toml::Spanned;

use super::{Condition, Equipment, Impact, Kind, Position};
use crate::toml_input::{Flag, List, Text, WholeNumber};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an `[[exercise]]` table")]
pub struct RawExercise {
    pub id: Option<Spanned<Text>>,
    pub name: Option<Spanned<Text>>,
    pub kind: Option<Kind>,
    pub position: Option<Position>,
    #[serde(default)]
    pub each_side: Flag,
    pub hold: Option<Spanned<WholeNumber>>,
    #[serde(default)]
    pub equipment: List<Equipment>,
    pub setup: Option<Spanned<List<Spanned<Text>>>>,
    #[serde(default)]
    pub cues: List<Spanned<Text>>,
    #[serde(default)]
    pub cautions: List<Spanned<Text>>,
    #[serde(default)]
    pub avoid_if: List<Condition>,
    #[serde(default)]
    pub impact: Impact,
    pub breathing: Option<RawBreathing>,
    #[serde(default)]
    pub phase: List<RawPhase>,
    /// The next harder exercise of its family, which a higher level moves
    /// to, and the next easier one.
    pub harder: Option<Spanned<Text>>,
    pub easier: Option<Spanned<Text>>,
    /// Whether `plan` uses it only when asked for by name.
    #[serde(default)]
    pub by_name: Flag,
    /// What a routine does in its place when a condition leaves it out.
    pub instead: Option<Spanned<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a `[[exercise.phase]]` table with `cue` and `hold`"
)]
pub struct RawPhase {
    pub cue: Spanned<Text>,
    pub hold: Spanned<WholeNumber>,
}

/// `breathing = { inhale = 4, exhale = 6 }`, in a library file or the config.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { inhale = 4, exhale = 6 }"
)]
pub struct RawBreathing {
    pub inhale: Spanned<WholeNumber>,
    pub exhale: Spanned<WholeNumber>,
}

/// A routine file's top-level keys; its steps are read one at a time.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a routine table")]
pub struct RawRoutineHead {
    pub name: Option<Spanned<Text>>,
    pub summary: Option<Spanned<Text>>,
    #[serde(default)]
    pub before: List<Spanned<Text>>,
    pub warm_up: Option<Flag>,
    pub prep: Option<Spanned<WholeNumber>>,
    pub transition: Option<Spanned<WholeNumber>>,
    pub breathing: Option<RawBreathing>,
    pub progress: Option<Flag>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a `[[step]]` table")]
pub struct RawStep {
    pub exercise: Option<Spanned<Text>>,
    pub hold: Option<Spanned<WholeNumber>>,
    pub repeat: Option<Spanned<WholeNumber>>,
}
