//! A validated exercise: a stretch, a ball release, a warm-up or a breathing
//! practice, with the words that guide a person through it.
//!
//! Values of these types have passed every rule of the file format; the rest of
//! the program never sees TOML spelling.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

pub use super::condition::Condition;
use super::{Caution, Origin};
use crate::figure::Figure;
pub use crate::side::Side;

/// What kind of work an exercise is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Kind {
    Stretch,
    /// Repeated short efforts paced by phases: a bridge, pelvic tilts.
    Movement,
    /// Getting from one position to another, such as down to the floor: a
    /// step of a routine, never chosen by the planner.
    Transfer,
    BallRelease,
    WarmUp,
    Breathing,
}

/// How hard an exercise lands on the joints: jogging and jumping are high
/// impact, and the guided warm-up uses them only when asked to be brisk.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Impact {
    #[default]
    Low,
    High,
}

/// The body position an exercise is done in.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Position {
    Standing,
    Seated,
    Kneeling,
    Lying,
    Prone,
}

/// Things a person may need at hand.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Equipment {
    Ball,
    /// A soft, squashy ball for the belly, never a firm massage ball.
    SoftBall,
    FoamRoller,
    Wall,
    Chair,
    Cushion,
    Strap,
    /// A bed or a sturdy bench, for stretches that let a leg hang off an end.
    Bed,
}

/// Breath pacing in whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breathing {
    pub inhale: u32,
    pub exhale: u32,
}

impl Breathing {
    /// Slow breathing with a longer out-breath, used when nothing else is set.
    pub const DEFAULT: Breathing = Breathing {
        inhale: 4,
        exhale: 6,
    };
    pub const MIN_SECONDS: u32 = 2;
    pub const MAX_SECONDS: u32 = 10;
}

/// One timed step of a self-massage sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Phase {
    pub cue: String,
    pub hold: u32,
    /// The picture of the position this phase moves to, where it changes;
    /// see [`Exercise::figure_for_phase`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A validated exercise. Serialized with the same key names as the file format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub position: Position,
    pub each_side: bool,
    /// Seconds per side; for a phased exercise, the sum of its phases.
    pub hold: u32,
    pub equipment: Vec<Equipment>,
    pub setup: Vec<String>,
    pub cues: Vec<String>,
    pub cautions: Vec<Caution>,
    pub avoid_if: Vec<Condition>,
    pub impact: Impact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breathing: Option<Breathing>,
    #[serde(rename = "phase", skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// The next harder exercise of its family, which a higher level moves
    /// to (see [`Level::variant`](crate::engine::Level::variant)), and the
    /// next easier one; both are ids of exercises in the library.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub harder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub easier: Option<String>,
    /// Whether `psoas plan` uses it only when asked for by name (`--with`):
    /// pressing on the belly is not for everyone, and not for a surprise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_name: bool,
    /// The id of the exercise a routine does in this one's place when a
    /// condition leaves this one out and the routine still needs it: the
    /// way onto a bed for the way down to the floor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
    /// The least get-ready, in seconds, before each hold of a two-sided
    /// exercise but its first: time to change knees, move a ball across the
    /// spine or roll over, which a routine's short prep may not give.
    #[serde(skip_serializing_if = "is_zero")]
    pub switch_sides: u32,
    /// How to change sides, said before the second side in place of the
    /// general "mirror the position": moving a ball across the spine is not
    /// a mirror image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub switch_hint: Option<String>,
    /// A picture of the pose, drawn for the left side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    #[serde(rename = "source")]
    pub origin: Origin,
}

impl Exercise {
    pub const MIN_HOLD: u32 = 5;
    pub const MAX_HOLD: u32 = 600;
    pub const DEFAULT_HOLD: u32 = 30;
    /// The longest `switch_sides`: a minute is time enough to roll over.
    pub const MAX_SWITCH_SIDES: u32 = 60;

    /// How many sides a hold is done on: 2 for `each_side`, else 1.
    pub fn sides(&self) -> u32 {
        if self.each_side { 2 } else { 1 }
    }

    pub fn has_phases(&self) -> bool {
        !self.phases.is_empty()
    }

    /// The figure to show during phase `index` (from 0): the figure of the
    /// latest phase up to it that has one, since a phase gives a figure
    /// only where the position changes, else the exercise's own. `None`
    /// only for an exercise without a figure.
    pub fn figure_for_phase(&self, index: usize) -> Option<&Figure> {
        self.phases
            .iter()
            .take(index + 1)
            .rev()
            .find_map(|p| p.figure.as_ref())
            .or(self.figure.as_ref())
    }

    /// The conditions of `conditions` this exercise is to be avoided with, in
    /// the order of its `avoid_if`: the one rule for leaving an exercise out
    /// (the plan, the warm-up, the planner) or marking it (`list`).
    pub fn avoided_with<'c>(
        &'c self,
        conditions: &'c [Condition],
    ) -> impl Iterator<Item = Condition> + 'c {
        self.avoid_if
            .iter()
            .copied()
            .filter(|c| conditions.contains(c))
    }
}

/// Every value in declaration order (`ALL`), its spelling in files and on
/// the command line (`name`, which serde uses too), and reading it back
/// (`FromStr`, whose error lists what is valid). The names come from strum,
/// so adding a variant is the only edit.
macro_rules! names {
    ($($ty:ty),+) => {$(
        impl $ty {
            pub const ALL: &'static [$ty] = <$ty as VariantArray>::VARIANTS;

            /// The spelling used in files and on the command line.
            pub fn name(self) -> &'static str {
                self.into()
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                <$ty>::ALL
                    .iter()
                    .copied()
                    .find(|v| v.name() == s)
                    .ok_or_else(|| format!("valid: {}", <$ty>::ALL.iter().map(|v| v.name()).collect::<Vec<_>>().join(", ")))
            }
        }
    )+};
}

names!(Kind, Position, Equipment, Impact, Condition, Side);

impl Equipment {
    /// Every piece of equipment `exercises` use, each once, in the order
    /// equipment is listed: what to have at hand for them.
    pub fn needed_by<'e>(exercises: impl IntoIterator<Item = &'e Exercise>) -> Vec<Equipment> {
        let needed: std::collections::BTreeSet<Equipment> = exercises
            .into_iter()
            .flat_map(|e| e.equipment.iter().copied())
            .collect();
        needed.into_iter().collect()
    }

    /// What to have at hand, as said before a routine starts.
    pub fn describe(self) -> &'static str {
        match self {
            Equipment::Ball => "a massage or tennis ball",
            Equipment::SoftBall => "a soft ball for the belly",
            Equipment::FoamRoller => "a foam roller",
            Equipment::Wall => "a clear stretch of wall",
            Equipment::Chair => "a sturdy chair",
            Equipment::Cushion => "a cushion or folded towel",
            Equipment::Strap => "a strap or towel",
            Equipment::Bed => "a firm bed or sturdy bench",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exercise_is_avoided_with_the_conditions_it_lists() {
        let library = crate::engine::fixture::library();
        let mut exercise = library.exercise("tilt").unwrap().clone();
        exercise.avoid_if = vec![Condition::Pregnancy, Condition::HerniatedDisc];
        let avoided = |given: &[Condition]| exercise.avoided_with(given).collect::<Vec<_>>();
        assert_eq!(
            avoided(&[Condition::HerniatedDisc, Condition::Pregnancy]),
            [Condition::Pregnancy, Condition::HerniatedDisc]
        );
        assert_eq!(
            avoided(&[Condition::HerniatedDisc]),
            [Condition::HerniatedDisc]
        );
        assert_eq!(avoided(&[]), []);
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for kind in Kind::ALL {
            assert_eq!(kind.name().parse::<Kind>(), Ok(*kind));
            assert_eq!(
                serde_json::to_string(kind).unwrap(),
                format!("\"{}\"", kind.name())
            );
        }
        fn same_as_serde<T: Serialize>(all: &[T], name: impl Fn(&T) -> &'static str) {
            for v in all {
                assert_eq!(
                    serde_json::to_string(v).unwrap(),
                    format!("\"{}\"", name(v))
                );
            }
        }
        same_as_serde(Condition::ALL, |v| v.name());
        same_as_serde(Position::ALL, |v| v.name());
        same_as_serde(Equipment::ALL, |v| v.name());
        same_as_serde(Impact::ALL, |v| v.name());
        same_as_serde(Side::ALL, |v| v.name());
        assert_eq!(Kind::BallRelease.name(), "ball-release");
        assert_eq!(Equipment::FoamRoller.name(), "foam-roller");
        assert_eq!(Side::ALL, [Side::Left, Side::Right]);
        assert_eq!(
            "sitting".parse::<Position>(),
            Err("valid: standing, seated, kneeling, lying, prone".to_string())
        );
    }
}
