//! What a pose uses besides the body, and the point of the body each prop
//! is placed by: a ball under the belly, a cushion under the left knee, a
//! desk under the hands, a strap from the hand to the foot.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

/// A thing drawn with the body.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray, IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Prop {
    Floor,
    Chair,
    Wall,
    Desk,
    Bed,
    Cushion,
    Ball,
    FoamRoller,
    Strap,
}

/// A point of the body a prop is placed by.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray, IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Anchor {
    Head,
    Chest,
    Belly,
    Pelvis,
    LeftHand,
    RightHand,
    LeftElbow,
    RightElbow,
    LeftKnee,
    RightKnee,
    LeftFoot,
    RightFoot,
}

/// A prop and where it goes: `at` the point it is placed by (a ball goes
/// under it, a wall or a desk meets it), `to` the other end of a strap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PropPlace {
    pub prop: Prop,
    pub at: Anchor,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Anchor>,
}

impl Prop {
    pub const ALL: &'static [Prop] = <Prop as VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Where the prop goes when the file does not say: a seat or a bed under
    /// the pelvis, a wall, a desk or a strap at the near hand.
    pub fn default_anchor(self) -> Anchor {
        match self {
            Prop::Floor
            | Prop::Chair
            | Prop::Bed
            | Prop::Cushion
            | Prop::Ball
            | Prop::FoamRoller => Anchor::Pelvis,
            Prop::Wall | Prop::Desk | Prop::Strap => Anchor::LeftHand,
        }
    }

    /// The other end of a strap when the file does not say.
    pub fn default_end(self) -> Option<Anchor> {
        (self == Prop::Strap).then_some(Anchor::LeftFoot)
    }
}

impl Anchor {
    pub const ALL: &'static [Anchor] = <Anchor as VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }
}
