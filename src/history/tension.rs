//! The scale a person scores on, from 0 to 10: the tension of a check-in
//! before and after a session, and the pull on each side in a side check.
//! Its own file, below the record and the side check's pull, which both
//! keep to it.

/// The highest tension score a check-in takes.
pub(crate) const MAX_TENSION: u8 = 10;
