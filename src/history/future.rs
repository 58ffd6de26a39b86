//! Sessions dated after now: a clock that was wrong when a session was
//! recorded. Such a record is no "last session" (it would be "0 min ago" for
//! ever after), so it is left out of it and reported with its line.

use chrono::{DateTime, FixedOffset};

use super::record::Record;

/// The records of a history dated after `now`, as they are read.
#[derive(Clone, Debug)]
pub(crate) struct Future {
    now: DateTime<FixedOffset>,
    /// The line and time of the first one.
    first: Option<(usize, DateTime<FixedOffset>)>,
    count: usize,
}

impl Future {
    pub(crate) fn new(now: DateTime<FixedOffset>) -> Future {
        Future {
            now,
            first: None,
            count: 0,
        }
    }

    /// Whether the record on `line` is dated after now; counts it if so.
    pub(crate) fn holds(&mut self, line: usize, record: &Record) -> bool {
        if record.started_at <= self.now {
            return false;
        }
        self.first.get_or_insert((line, record.started_at));
        self.count += 1;
        true
    }

    /// The warning naming `file` and the first such line, if there is one.
    pub(crate) fn warning(&self, file: &str) -> Option<String> {
        let (line, at) = self.first?;
        let at = at.format("%Y-%m-%d %H:%M %:z");
        Some(match self.count {
            1 => format!(
                "{file}:{line}:1: a session is dated {at}, after now: the clock was wrong \
                 when it was recorded; it is not taken as the last session"
            ),
            n => format!(
                "{file}:{line}:1: {n} sessions are dated after now, the first this one at \
                 {at}: the clock was wrong when they were recorded; they are not taken as \
                 the last session"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::tests::sample;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn only_records_after_now_are_held_and_the_first_is_named() {
        let mut future = Future::new(at("2026-11-25T10:00:00+01:00"));
        assert!(!future.holds(1, &sample("2026-11-25T10:00:00+01:00")));
        assert_eq!(future.warning("h"), None);
        assert!(future.holds(2, &sample("2026-11-25T09:30:00Z")));
        assert_eq!(
            future.warning("h").unwrap(),
            "h:2:1: a session is dated 2026-11-25 09:30 +00:00, after now: the clock was wrong \
             when it was recorded; it is not taken as the last session"
        );
        assert!(future.holds(5, &sample("2027-01-01T00:00:00+01:00")));
        assert!(future.warning("h").unwrap().starts_with(
            "h:2:1: 2 sessions are dated after now, the first this one at 2026-11-25 09:30 +00:00:"
        ));
    }
}
