//! The body's two sides: the side a hold is done on, and the side a figure
//! is drawn for. It sits below both the library, whose two-sided exercises
//! are held on each, and the figures, which mirror a pose for the right, so
//! that neither reaches into the other for it. Its names (`Side::name`,
//! `Display`, `FromStr`) are given with the library's other names in
//! `library/exercise.rs`.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

/// Which side a hold is done on.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray, IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Side {
    Left,
    Right,
}
