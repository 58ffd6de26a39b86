//! The sessions `psoas history` lists: the newest few on or after a date,
//! picked in one pass over the history without keeping all of it.
//!
//! "Newest" is by the instant a session started; of two that started at the
//! same instant, the one written later counts as newer. The date of `since`
//! is on the calendar where each session was done, as the weeks are.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::record::Record;

/// Collects the newest `limit` records offered to it.
#[derive(Clone, Debug)]
pub(crate) struct Newest {
    since: Option<NaiveDate>,
    limit: usize,
    /// Candidates with their place in the file; trimmed back to `limit`
    /// whenever it holds twice as many, so each record costs O(1) on average.
    kept: Vec<(usize, Record)>,
    offered: usize,
    matched: usize,
}

impl Newest {
    pub(crate) fn new(since: Option<NaiveDate>, limit: usize) -> Newest {
        Newest {
            since,
            limit,
            kept: Vec::new(),
            offered: 0,
            matched: 0,
        }
    }

    /// Offers the next record of the file.
    pub(crate) fn offer(&mut self, record: Record) {
        self.offered += 1;
        if self
            .since
            .is_some_and(|since| record.started_at.date_naive() < since)
        {
            return;
        }
        self.matched += 1;
        if self.limit == 0 {
            return;
        }
        self.kept.push((self.offered, record));
        if self.kept.len() >= self.limit.saturating_mul(2).max(64) {
            self.trim();
        }
    }

    /// The newest records, newest first, and how many were on or after
    /// `since`.
    pub(crate) fn finish(mut self) -> (Vec<Record>, usize) {
        self.trim();
        self.kept.sort_unstable_by(newest_first);
        let records = self.kept.into_iter().map(|(_, r)| r).collect();
        (records, self.matched)
    }

    fn trim(&mut self) {
        if self.kept.len() > self.limit {
            self.kept.select_nth_unstable_by(self.limit, newest_first);
            self.kept.truncate(self.limit);
        }
    }
}

fn newest_first(a: &(usize, Record), b: &(usize, Record)) -> Ordering {
    (b.1.started_at, b.0).cmp(&(a.1.started_at, a.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::tests::sample;

    fn pick(days: &[&str], since: Option<&str>, limit: usize) -> (Vec<String>, usize) {
        let mut newest = Newest::new(since.map(|s| s.parse().unwrap()), limit);
        for (i, time) in days.iter().enumerate() {
            let mut record = sample(time);
            record.note = Some(i.to_string());
            newest.offer(record);
        }
        let (records, matched) = newest.finish();
        let notes = records.into_iter().map(|r| r.note.unwrap()).collect();
        (notes, matched)
    }

    const DAYS: [&str; 5] = [
        "2026-11-02T10:00:00+01:00",
        "2026-11-04T10:00:00+01:00",
        "2026-11-01T00:30:00+01:00", // October 31 in UTC, November 1 locally
        "2026-11-03T10:00:00+01:00",
        "2026-10-31T10:00:00+01:00",
    ];

    #[test]
    fn the_newest_come_first() {
        assert_eq!(pick(&DAYS, None, 2), (vec!["1".into(), "3".into()], 5));
        assert_eq!(pick(&DAYS, None, 0), (vec![], 5));
    }

    #[test]
    fn since_is_a_local_date() {
        let (notes, matched) = pick(&DAYS, Some("2026-11-01"), 10);
        assert_eq!(notes, ["1", "3", "0", "2"]);
        assert_eq!(matched, 4);
    }

    #[test]
    fn of_two_at_the_same_instant_the_later_written_is_newer() {
        let same = ["2026-11-02T10:00:00+01:00", "2026-11-02T09:00:00+00:00"];
        assert_eq!(pick(&same, None, 1).0, ["1"]);
    }

    #[test]
    fn many_records_keep_only_the_newest() {
        let times: Vec<String> = (0..1000)
            .map(|i| format!("2026-11-02T10:{:02}:{:02}+01:00", i / 60 % 60, i % 60))
            .collect();
        let refs: Vec<&str> = times.iter().map(String::as_str).collect();
        let (notes, matched) = pick(&refs, None, 3);
        assert_eq!(notes, ["999", "998", "997"]);
        assert_eq!(matched, 1000);
    }
}
