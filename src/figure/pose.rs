//! A pose as data: the view it is seen in and the angle of each joint, in
//! whole degrees, as an exercise file writes them (`figure = { … }`).
//!
//! In the side view the person faces right, so the left limbs are the near
//! ones. `trunk` is the lean of the trunk from upright, forward positive
//! (90 lies face down with the head ahead, -90 lies on the back). A hip or
//! shoulder angle is flexion from hanging straight down (90 brings the
//! thigh or the arm level in front, negative takes it behind); a knee or
//! elbow angle is how far it bends; an ankle angle is how far the toes
//! point. In the front view the person faces the viewer, `trunk` bends to
//! the person's left, and a hip or shoulder angle takes the limb out to
//! its own side. The side-lying view takes the side view's angles and lays
//! the body on its right side, head to the left, seen from in front and
//! above: `trunk` 0 lies straight along the floor, a hip angle brings the
//! thigh forward along the floor toward the viewer, and the top (left)
//! limbs lie a hip's or a shoulder's width above the bottom ones.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use super::prop::{Anchor, PropPlace};

/// Which way the body is seen.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum View {
    /// From the person's left, facing right.
    #[default]
    Side,
    /// From in front, the person's left on the picture's right.
    Front,
    /// From in front and above, the person lying on their right side with
    /// the head to the left.
    SideLying,
}

/// The joint angles of one pose, in degrees (see the module's words).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Angles {
    pub trunk: i32,
    pub head: i32,
    pub left_hip: i32,
    pub left_knee: i32,
    pub left_ankle: i32,
    pub left_shoulder: i32,
    pub left_elbow: i32,
    pub right_hip: i32,
    pub right_knee: i32,
    pub right_ankle: i32,
    pub right_shoulder: i32,
    pub right_elbow: i32,
}

impl Angles {
    /// The widest angle a key takes, either way.
    pub const MAX: i32 = 180;

    /// Every key an exercise file may set, in the order they are listed.
    pub const KEYS: [&'static str; 12] = [
        "trunk",
        "head",
        "left_hip",
        "left_knee",
        "left_ankle",
        "left_shoulder",
        "left_elbow",
        "right_hip",
        "right_knee",
        "right_ankle",
        "right_shoulder",
        "right_elbow",
    ];

    /// The angle of `key` (one of [`Angles::KEYS`]) to set.
    pub fn slot(&mut self, key: &str) -> Option<&mut i32> {
        Some(match key {
            "trunk" => &mut self.trunk,
            "head" => &mut self.head,
            "left_hip" => &mut self.left_hip,
            "left_knee" => &mut self.left_knee,
            "left_ankle" => &mut self.left_ankle,
            "left_shoulder" => &mut self.left_shoulder,
            "left_elbow" => &mut self.left_elbow,
            "right_hip" => &mut self.right_hip,
            "right_knee" => &mut self.right_knee,
            "right_ankle" => &mut self.right_ankle,
            "right_shoulder" => &mut self.right_shoulder,
            "right_elbow" => &mut self.right_elbow,
            _ => return None,
        })
    }
}

/// A validated figure: a pose in a view, with the props it uses and the
/// parts of the body that rest on the floor or on a prop, which
/// [`contact`](super::contact) holds it to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub view: View,
    #[serde(flatten)]
    pub angles: Angles,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<PropPlace>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rests: Vec<Anchor>,
}

impl View {
    pub const ALL: &'static [View] = <View as VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }
}
