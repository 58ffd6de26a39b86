//! The side check's record: how strongly the half-kneeling (or standing)
//! psoas stretch pulled on each side, 0 to 10, and which side that makes the
//! tighter one. A [`Record`](super::Record) of a side check carries it in
//! `side_pull`; the latest check sets the side a run holds once more, and
//! `psoas history` shows each side's trend.

use serde::{Deserialize, Serialize};

use super::tension::MAX_TENSION;
use crate::library::Side;

/// The pull felt on each side, 0-10; either may have been skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidePull {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<u8>,
}

impl SidePull {
    /// Ratings above 10 taken as 10; `None` when both were skipped, so a
    /// check with no answer records no side pull at all.
    pub fn new(left: Option<u8>, right: Option<u8>) -> Option<SidePull> {
        let pull = SidePull {
            left: left.map(|p| p.min(MAX_TENSION)),
            right: right.map(|p| p.min(MAX_TENSION)),
        };
        (pull.left.is_some() || pull.right.is_some()).then_some(pull)
    }

    /// The side that pulls more; none when both pull the same or one side
    /// was not rated.
    pub fn tighter(&self) -> Option<Side> {
        match (self.left?, self.right?) {
            (l, r) if l > r => Some(Side::Left),
            (l, r) if r > l => Some(Side::Right),
            _ => None,
        }
    }

    /// What is wrong with a pull read from a file, if anything.
    pub fn problem(&self) -> Option<String> {
        [("left", self.left), ("right", self.right)]
            .into_iter()
            .find_map(|(side, pull)| {
                pull.filter(|&p| p > MAX_TENSION)
                    .map(|p| format!("`side_pull.{side}` is {p}; it must be from 0 to 10"))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_that_pulls_more_is_the_tighter_one() {
        assert_eq!(
            SidePull::new(Some(7), Some(4)).unwrap().tighter(),
            Some(Side::Left)
        );
        assert_eq!(
            SidePull::new(Some(2), Some(5)).unwrap().tighter(),
            Some(Side::Right)
        );
        assert_eq!(SidePull::new(Some(5), Some(5)).unwrap().tighter(), None);
        assert_eq!(SidePull::new(Some(5), None).unwrap().tighter(), None);
        assert_eq!(SidePull::new(None, None), None);
    }

    #[test]
    fn ratings_are_held_to_ten_and_checked_when_read() {
        let pull = SidePull::new(Some(12), Some(3)).unwrap();
        assert_eq!(pull.left, Some(10));
        let read: SidePull = serde_json::from_str(r#"{"left":3,"right":11}"#).unwrap();
        assert_eq!(
            read.problem().unwrap(),
            "`side_pull.right` is 11; it must be from 0 to 10"
        );
        assert_eq!(pull.problem(), None);
    }
}
