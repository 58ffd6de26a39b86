//! The config's `tighter_side`: which side a run holds once more in each
//! two-sided stretch, whatever the latest side check found, or `none` for no
//! extra hold. Left unset, the latest side check decides.

use std::str::FromStr;

use crate::library::Side;

/// `tighter_side = "left" | "right" | "none"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TighterSide {
    Left,
    Right,
    None,
}

impl TighterSide {
    const ALL: [TighterSide; 3] = [TighterSide::Left, TighterSide::Right, TighterSide::None];

    /// The value as the file spells it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            TighterSide::Left => "left",
            TighterSide::Right => "right",
            TighterSide::None => "none",
        }
    }

    /// The side held once more: this one, or none for `none`.
    pub(crate) fn side(self) -> Option<Side> {
        match self {
            TighterSide::Left => Some(Side::Left),
            TighterSide::Right => Some(Side::Right),
            TighterSide::None => None,
        }
    }
}

impl FromStr for TighterSide {
    type Err = String;

    fn from_str(s: &str) -> Result<TighterSide, String> {
        TighterSide::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| "valid: left, right, none".to_string())
    }
}
