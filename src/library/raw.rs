//! The file format as serde sees it: every key of an exercise or routine file,
//! with the spans needed to point at a bad value. Nothing here is validated;
//! `validate` turns these into the library's types. Required keys are
//! optional here so that their absence is reported by `validate`, beside the
//! entry's other problems, rather than stopping serde at the first one. Each
//! table says in a person's words what it is, for a value of the wrong type,
//! and [`valid_value`] what each key takes.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::{Breathing, Condition, Equipment, Exercise, Impact, Kind, Position, Routine};
use crate::figure::{Anchor, Angles, Prop, View};
use crate::toml_input::{Entry, Flag, List, Text, WholeNumber};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an `[[exercise]]` table")]
pub(super) struct RawExercise {
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
    /// A picture of the pose (see [`crate::figure`]).
    pub figure: Option<Spanned<RawFigure>>,
}

/// `figure = { view = "side", trunk = 0, left_hip = 90, props = ["chair"] }`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a figure table like { view = \"side\", left_hip = 90, props = [\"chair\"] }"
)]
pub(super) struct RawFigure {
    #[serde(default)]
    pub view: View,
    pub trunk: Option<Spanned<WholeNumber>>,
    pub head: Option<Spanned<WholeNumber>>,
    pub left_hip: Option<Spanned<WholeNumber>>,
    pub left_knee: Option<Spanned<WholeNumber>>,
    pub left_ankle: Option<Spanned<WholeNumber>>,
    pub left_shoulder: Option<Spanned<WholeNumber>>,
    pub left_elbow: Option<Spanned<WholeNumber>>,
    pub right_hip: Option<Spanned<WholeNumber>>,
    pub right_knee: Option<Spanned<WholeNumber>>,
    pub right_ankle: Option<Spanned<WholeNumber>>,
    pub right_shoulder: Option<Spanned<WholeNumber>>,
    pub right_elbow: Option<Spanned<WholeNumber>>,
    #[serde(default)]
    pub props: List<RawProp>,
    /// The parts of the body that rest on the floor or on a prop.
    #[serde(default)]
    pub rests: List<Spanned<Anchor>>,
}

impl RawFigure {
    /// Each angle the file sets, with its key.
    pub(super) fn angles(&self) -> [(&'static str, &Option<Spanned<WholeNumber>>); 12] {
        [
            ("trunk", &self.trunk),
            ("head", &self.head),
            ("left_hip", &self.left_hip),
            ("left_knee", &self.left_knee),
            ("left_ankle", &self.left_ankle),
            ("left_shoulder", &self.left_shoulder),
            ("left_elbow", &self.left_elbow),
            ("right_hip", &self.right_hip),
            ("right_knee", &self.right_knee),
            ("right_ankle", &self.right_ankle),
            ("right_shoulder", &self.right_shoulder),
            ("right_elbow", &self.right_elbow),
        ]
    }
}

/// A prop: its name alone, or a table placing it.
#[derive(Debug)]
pub(super) enum RawProp {
    Plain(Prop),
    Table(RawPropTable),
}

/// `{ prop = "ball", at = "belly" }`, `{ prop = "strap", at = "left-hand", to = "left-foot" }`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a prop, or a table like { prop = \"ball\", at = \"belly\" }"
)]
pub(super) struct RawPropTable {
    pub prop: Prop,
    pub at: Option<Anchor>,
    pub to: Option<Anchor>,
}

impl<'de> Deserialize<'de> for RawProp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PropVisitor;
        impl<'de> Visitor<'de> for PropVisitor {
            type Value = RawProp;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a prop, or a table like { prop = \"ball\", at = \"belly\" }")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawProp, E> {
                Prop::deserialize(de::value::StrDeserializer::<E>::new(v)).map(RawProp::Plain)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawProp, A::Error> {
                RawPropTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawProp::Table)
            }
        }
        deserializer.deserialize_any(PropVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a `[[exercise.phase]]` table with `cue`, `hold` and, where the position changes, `figure`"
)]
pub(super) struct RawPhase {
    pub cue: Spanned<Text>,
    pub hold: Spanned<WholeNumber>,
    /// The picture of the position this phase moves to.
    pub figure: Option<Spanned<RawFigure>>,
}

/// A caution: a plain string, or a table naming the condition it concerns
/// or marking it as always said.
#[derive(Debug)]
pub(super) enum RawCaution {
    Plain(Text),
    Table(RawCautionTable),
}

/// `{ text = "…", condition = "pregnancy" }` or `{ text = "…", always = true }`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { text = \"…\", condition = \"pregnancy\" } or { text = \"…\", always = true }"
)]
pub(super) struct RawCautionTable {
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
pub(crate) struct RawBreathing {
    pub inhale: Spanned<WholeNumber>,
    pub exhale: Spanned<WholeNumber>,
}

/// The raw contents of a routine file: its top-level keys, and its steps.
pub(super) struct RawRoutine {
    pub head: Entry<RawRoutineHead>,
    pub steps: Vec<Entry<RawStep>>,
    /// Whether every step could be read at all (a step that could not was
    /// reported, and the routine is not kept).
    pub every_step_read: bool,
}

/// A routine file's top-level keys; its steps are read beside them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a routine table")]
pub(super) struct RawRoutineHead {
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
pub(super) struct RawStep {
    pub exercise: Option<Spanned<Text>>,
    pub hold: Option<Spanned<WholeNumber>>,
    pub repeat: Option<Spanned<WholeNumber>>,
    /// What to do in this step's place when a condition leaves it out.
    pub instead: Option<Spanned<Text>>,
}

/// What a key takes, for a value of the wrong type or too large to read at
/// all (`hold = "long"`, `hold = 9223372036854775808`, `hold = 1e400`), so
/// the message says what would be valid as a range check does.
pub(super) fn valid_value(key: &str) -> Option<String> {
    let last = key.rsplit('.').next().unwrap_or(key);
    let last = last.split('[').next().unwrap_or(last);
    let seconds = |min: u32, max: u32| format!("a whole number of seconds from {min} to {max}");
    Some(match last {
        "hold" => seconds(Exercise::MIN_HOLD, Exercise::MAX_HOLD),
        "prep" => seconds(0, Routine::MAX_PREP),
        "switch_sides" => seconds(0, Exercise::MAX_SWITCH_SIDES),
        "inhale" | "exhale" => seconds(Breathing::MIN_SECONDS, Breathing::MAX_SECONDS),
        "repeat" => format!("a whole number of times from 1 to {}", Routine::MAX_REPEAT),
        key if Angles::KEYS.contains(&key) => angle_help(),
        _ => return None,
    })
}

/// What a figure's angle takes.
pub(super) fn angle_help() -> String {
    format!(
        "a whole number of degrees from -{max} to {max}",
        max = Angles::MAX
    )
}
