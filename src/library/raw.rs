//! The file format as serde sees it: every key of an exercise or routine file,
//! with the spans needed to point at a bad value. Nothing here is validated;
//! `validate` turns these into the library's types. Required keys are
//! optional here so that their absence is reported by `validate`, beside the
//! entry's other problems, rather than stopping serde at the first one. Each
//! table says in a person's words what it is, for a value of the wrong type.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
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
    pub cautions: List<Spanned<RawCaution>>,
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
    /// The least time to change sides, in seconds.
    pub switch_sides: Option<Spanned<WholeNumber>>,
    /// How to change sides, said before the second side.
    pub switch_hint: Option<Spanned<Text>>,
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

/// A caution: a plain string, or a table naming the condition it concerns
/// or marking it as always said.
#[derive(Debug)]
pub enum RawCaution {
    Plain(Text),
    Table(RawCautionTable),
}

/// `{ text = "…", condition = "pregnancy" }` or `{ text = "…", always = true }`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { text = \"…\", condition = \"pregnancy\" } or { text = \"…\", always = true }"
)]
pub struct RawCautionTable {
    pub text: Option<Spanned<Text>>,
    pub condition: Option<Spanned<Condition>>,
    pub always: Option<Spanned<Flag>>,
}

struct RawCautionVisitor;

impl<'de> Visitor<'de> for RawCautionVisitor {
    type Value = RawCaution;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a string, or a table like { text = \"…\", condition = \"pregnancy\" } or { text = \"…\", always = true }",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCaution, E> {
        Ok(RawCaution::Plain(Text(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawCaution, E> {
        Ok(RawCaution::Plain(Text(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCaution, A::Error> {
        RawCautionTable::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(RawCaution::Table)
    }
}

impl<'de> Deserialize<'de> for RawCaution {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawCautionVisitor)
    }
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
