//! Each side's trend: the side checks of a history, oldest first, with the
//! pull on each side and the difference between them, for `psoas history`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::Record;
use super::side_pull::SidePull;

/// One side check: the day it was done (on the wall clock where it was
/// done) and the pull on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct SideCheck {
    #[serde(skip)]
    pub at: DateTime<FixedOffset>,
    pub date: NaiveDate,
    pub left: Option<u8>,
    pub right: Option<u8>,
    /// Left minus right, when both sides were rated: above 0 the left pulls
    /// more.
    pub difference: Option<i16>,
}

impl SideCheck {
    /// The side check a record holds, if it is one.
    pub(crate) fn of(record: &Record) -> Option<SideCheck> {
        let SidePull { left, right } = record.side_pull?;
        Some(SideCheck {
            at: record.started_at,
            date: record.started_at.date_naive(),
            left,
            right,
            difference: left.zip(right).map(|(l, r)| i16::from(l) - i16::from(r)),
        })
    }
}

/// The side checks of a history read in any order, oldest first.
pub(super) fn in_order(mut checks: Vec<SideCheck>) -> Vec<SideCheck> {
    checks.sort_by_key(|c| c.at);
    checks
}
