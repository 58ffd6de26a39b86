//! What the history adds up to: sessions this week against the weekly goal,
//! the streak, sessions per week for the last twelve weeks, and the average
//! change in tension. Pure: "now" is an argument, never read from the clock.
//!
//! A recorded session counts towards the goal, finished or not, when at least
//! half of its planned holding time was held, and at least the minimum a
//! session needs ([`Record::standing`]); a shorter one is kept and shown as
//! short, or as a break, but not counted. The per-week counts also say how
//! many were finished, short and breaks, and the average tension before and
//! after over the sessions with both check-ins. Side checks are kept in
//! order for each side's trend.
//!
//! The streak is the number of consecutive weeks, up to now, that met the
//! goal. The current week adds to it once it meets the goal, and does not
//! break it before it is over.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::record::{Record, Standing};
use super::side_trend::{self, SideCheck};
use super::week::Week;

/// How many weeks the chart and the average tension change cover.
pub(crate) const CHART_WEEKS: usize = 12;

/// Sessions in one week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WeekCount {
    pub week: Week,
    /// Sessions that count towards the goal.
    pub sessions: u32,
    /// Of those, the ones that ran to their end.
    pub finished: u32,
    /// Sessions too short to count: less than half their holding held.
    pub short: u32,
    /// Sessions that held less than the minimum a session needs.
    pub breaks: u32,
    pub tension: WeekTension,
}

impl WeekCount {
    pub(crate) fn new(week: Week) -> WeekCount {
        WeekCount {
            week,
            sessions: 0,
            finished: 0,
            short: 0,
            breaks: 0,
            tension: WeekTension::default(),
        }
    }
}

/// The tension check-ins of one week's sessions that have both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WeekTension {
    pub sessions: u32,
    before_sum: u32,
    after_sum: u32,
}

impl WeekTension {
    /// One session's scores before and after.
    pub(crate) fn add(&mut self, before: u8, after: u8) {
        self.sessions += 1;
        self.before_sum += u32::from(before);
        self.after_sum += u32::from(after);
    }

    /// The average score before the sessions, if any has both check-ins.
    pub(crate) fn before(&self) -> Option<f64> {
        (self.sessions > 0).then(|| f64::from(self.before_sum) / f64::from(self.sessions))
    }

    /// The average score after the sessions, if any has both check-ins.
    pub(crate) fn after(&self) -> Option<f64> {
        (self.sessions > 0).then(|| f64::from(self.after_sum) / f64::from(self.sessions))
    }
}

/// The average of "after minus before" over the sessions that have both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TensionChange {
    pub average: f64,
    pub sessions: u32,
}

/// Everything `psoas history` reports besides the list of sessions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Summary {
    /// Sessions a week to aim for (at least 1).
    pub goal: u32,
    /// The holding a session needs to count, in seconds.
    pub min_held_seconds: u32,
    /// The week "now" is in.
    pub current: Week,
    /// Every session, whenever it was.
    pub all_sessions: usize,
    /// Sessions so far in the current week.
    pub this_week: u32,
    /// Consecutive weeks that met the goal (see the module doc).
    pub streak_weeks: u32,
    /// The last [`CHART_WEEKS`] weeks, oldest first; the last is the current week.
    pub weeks: Vec<WeekCount>,
    /// Over the same weeks; `None` when no session there has both check-ins.
    pub tension: Option<TensionChange>,
    /// The level of the newest session (1 without sessions).
    pub level: u8,
    /// Every side check, oldest first: each side's trend.
    pub side_checks: Vec<SideCheck>,
}

impl Summary {
    pub(crate) fn goal_met(&self) -> bool {
        self.this_week >= self.goal
    }
}

/// Adds up `records` as seen at `now`, with the default minimum a session
/// holds to count. A goal of 0 is taken as 1.
#[cfg(test)]
pub(crate) fn summarize(records: &[Record], now: DateTime<FixedOffset>, goal: u32) -> Summary {
    let min_held = crate::config::Config::default().min_held_seconds();
    let mut tally = Tally::new(now, goal, min_held);
    for record in records {
        tally.add(record);
    }
    tally.finish()
}

/// Adds up records one at a time, in any order, so a history can be summed
/// up while it is read.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    goal: u32,
    min_held_seconds: u32,
    current: Week,
    weeks: Vec<WeekCount>,
    per_week: HashMap<Week, u32>,
    /// The week of the last record and its sessions not yet in `per_week`:
    /// records mostly come in order, so most need no hashing.
    run: Option<(Week, u32)>,
    change_sum: i64,
    change_count: u32,
    all_sessions: usize,
    /// When the newest session started, and its level.
    newest: Option<(DateTime<FixedOffset>, u8)>,
    side_checks: Vec<SideCheck>,
}

impl Tally {
    /// An empty tally as seen at `now`, for sessions that must hold
    /// `min_held_seconds` to count. A goal of 0 is taken as 1.
    pub(crate) fn new(now: DateTime<FixedOffset>, goal: u32, min_held_seconds: u32) -> Tally {
        let current = Week::of(now);
        let mut weeks = Vec::with_capacity(CHART_WEEKS);
        let mut week = current;
        for _ in 0..CHART_WEEKS {
            weeks.push(WeekCount::new(week));
            week = week.previous();
        }
        weeks.reverse();
        Tally {
            goal: goal.max(1),
            min_held_seconds,
            current,
            weeks,
            per_week: HashMap::new(),
            run: None,
            change_sum: 0,
            change_count: 0,
            all_sessions: 0,
            newest: None,
            side_checks: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, record: &Record) {
        self.all_sessions += 1;
        if self.newest.is_none_or(|(at, _)| record.started_at >= at) {
            self.newest = Some((record.started_at, record.level()));
        }
        self.side_checks.extend(SideCheck::of(record));
        let week = Week::of(record.started_at);
        let standing = record.standing(self.min_held_seconds);
        let counts = standing == Standing::Counted;
        match &mut self.run {
            _ if !counts => {}
            Some((w, n)) if *w == week => *n += 1,
            run => {
                if let Some((w, n)) = run.replace((week, 1)) {
                    *self.per_week.entry(w).or_default() += n;
                }
            }
        }
        let index = (week.monday() - self.weeks[0].week.monday()).num_days() / 7;
        let Some(slot) = usize::try_from(index)
            .ok()
            .and_then(|i| self.weeks.get_mut(i))
        else {
            return;
        };
        match standing {
            Standing::Counted => {
                slot.sessions += 1;
                slot.finished += u32::from(record.finished);
            }
            Standing::Short => slot.short += 1,
            Standing::Break => slot.breaks += 1,
        }
        if let (Some(before), Some(after)) = (record.tension_before, record.tension_after) {
            slot.tension.add(before, after);
            self.change_sum += i64::from(after) - i64::from(before);
            self.change_count += 1;
        }
    }

    pub(crate) fn finish(mut self) -> Summary {
        if let Some((w, n)) = self.run.take() {
            *self.per_week.entry(w).or_default() += n;
        }
        Summary {
            goal: self.goal,
            min_held_seconds: self.min_held_seconds,
            current: self.current,
            all_sessions: self.all_sessions,
            this_week: self.per_week.get(&self.current).copied().unwrap_or(0),
            streak_weeks: streak(&self.per_week, self.current, self.goal),
            weeks: self.weeks,
            tension: (self.change_count > 0).then(|| TensionChange {
                average: self.change_sum as f64 / f64::from(self.change_count),
                sessions: self.change_count,
            }),
            level: self.newest.map_or(1, |(_, level)| level),
            side_checks: side_trend::in_order(self.side_checks),
        }
    }
}

/// Consecutive weeks with at least `goal` sessions, counting back from the
/// current week if it met the goal, else from the week before it.
pub(super) fn streak(per_week: &HashMap<Week, u32>, current: Week, goal: u32) -> u32 {
    let met = |week: &Week| per_week.get(week).is_some_and(|&n| n >= goal.max(1));
    let mut week = if met(&current) {
        current
    } else {
        current.previous()
    };
    let mut streak = 0;
    while met(&week) {
        streak += 1;
        let before = week.previous();
        if before == week {
            break;
        }
        week = before;
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::tests::sample;

    fn record(started_at: &str, before: Option<u8>, after: Option<u8>) -> Record {
        let mut i = sample(started_at);
        i.tension_before = before;
        i.tension_after = after;
        i
    }

    fn at(times: &[&str]) -> Vec<Record> {
        times.iter().map(|t| record(t, None, None)).collect()
    }

    fn now(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// Three sessions in each of the given weeks (by their Monday).
    fn three_in(mondays: &[&str]) -> Vec<Record> {
        mondays
            .iter()
            .flat_map(|m| {
                ["08:00", "12:00", "18:00"]
                    .map(|h| record(&format!("{m}T{h}:00+01:00"), None, None))
            })
            .collect()
    }

    #[test]
    fn this_week_counts_sessions_against_the_goal() {
        let records = at(&[
            "2026-11-22T20:00:00+01:00", // Sunday: last week
            "2026-11-23T07:00:00+01:00", // Monday
            "2026-11-25T07:00:00+01:00", // Wednesday
        ]);
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.this_week, 2);
        assert!(!s.goal_met());
        assert_eq!(s.current.to_string(), "2026-W48");
    }

    #[test]
    fn an_unfinished_current_week_does_not_break_the_streak() {
        let records = three_in(&["2026-11-09", "2026-11-16"]);
        let wednesday = now("2026-11-25T12:00:00+01:00");
        assert_eq!(summarize(&records, wednesday, 3).streak_weeks, 2);
        // Once the current week meets the goal, it counts.
        let mut more = records.clone();
        more.extend(three_in(&["2026-11-23"]));
        assert_eq!(summarize(&more, wednesday, 3).streak_weeks, 3);
        // A week that ended below the goal breaks it.
        let next_wednesday = now("2026-12-02T12:00:00+01:00");
        assert_eq!(summarize(&records, next_wednesday, 3).streak_weeks, 0);
    }

    #[test]
    fn a_gap_ends_the_streak() {
        let records = three_in(&["2026-10-26", "2026-11-09", "2026-11-16"]);
        let s = summarize(&records, now("2026-11-23T09:00:00+01:00"), 3);
        assert_eq!(s.streak_weeks, 2);
        assert_eq!(
            summarize(&records, now("2026-11-23T09:00:00+01:00"), 4).streak_weeks,
            0
        );
    }

    #[test]
    fn the_streak_runs_across_a_year_boundary() {
        // 2026-W53 (Dec 28 to Jan 3) then 2027-W01 from Monday, January 4.
        let records = three_in(&["2026-12-21", "2026-12-28", "2027-01-04"]);
        let s = summarize(&records, now("2027-01-05T09:00:00+01:00"), 3);
        assert_eq!(s.streak_weeks, 3);
        assert_eq!(s.this_week, 3);
        assert_eq!(s.current.to_string(), "2027-W01");
        // Friday, January 1 is still 2026-W53.
        let new_year = at(&[
            "2027-01-01T10:00:00+01:00",
            "2027-01-02T10:00:00+01:00",
            "2027-01-03T10:00:00+01:00",
        ]);
        let s = summarize(&new_year, now("2027-01-04T08:00:00+01:00"), 3);
        assert_eq!(s.this_week, 0);
        assert_eq!(s.streak_weeks, 1);
        assert_eq!(s.weeks[CHART_WEEKS - 2].week.to_string(), "2026-W53");
        assert_eq!(s.weeks[CHART_WEEKS - 2].sessions, 3);
    }

    #[test]
    fn a_dst_change_does_not_move_sessions_between_weeks() {
        // Europe springs forward at 02:00 on Sunday 2026-03-29.
        let records = at(&[
            "2026-03-27T07:00:00+01:00",
            "2026-03-29T00:30:00+01:00",
            "2026-03-29T03:30:00+02:00",
            "2026-03-30T00:30:00+02:00", // Monday, though Sunday in UTC
        ]);
        let s = summarize(&records, now("2026-03-30T09:00:00+02:00"), 3);
        assert_eq!(s.this_week, 1);
        assert_eq!(s.streak_weeks, 1);
        assert_eq!(s.weeks[CHART_WEEKS - 2].sessions, 3);
    }

    #[test]
    fn weeks_are_the_last_twelve_ending_with_the_current_one() {
        let records = at(&[
            "2026-09-06T10:00:00+02:00", // Sunday of the 13th week back
            "2026-09-07T10:00:00+02:00", // Monday of the 12th: the first shown
            "2026-11-23T10:00:00+01:00",
            "2026-11-30T10:00:00+01:00", // next week: not shown
        ]);
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.weeks.len(), CHART_WEEKS);
        assert_eq!(s.weeks[0].week.monday().to_string(), "2026-09-07");
        assert_eq!(s.weeks[0].sessions, 1);
        assert_eq!(s.weeks[11].week, s.current);
        assert_eq!(s.weeks[11].sessions, 1);
        let total: u32 = s.weeks.iter().map(|w| w.sessions).sum();
        assert_eq!(total, 2);
    }

    #[test]
    fn finished_sessions_are_counted_apart() {
        let mut records = at(&["2026-11-23T10:00:00+01:00", "2026-11-24T10:00:00+01:00"]);
        records[1].finished = false;
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!((s.weeks[11].sessions, s.weeks[11].finished), (2, 1));
    }

    #[test]
    fn tension_change_averages_sessions_with_both_check_ins_in_the_window() {
        let records = vec![
            record("2026-11-23T10:00:00+01:00", Some(6), Some(3)),
            record("2026-11-24T10:00:00+01:00", Some(5), Some(4)),
            record("2026-11-24T18:00:00+01:00", Some(5), None),
            record("2026-01-05T10:00:00+01:00", Some(9), Some(0)), // too long ago
        ];
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(
            s.tension,
            Some(TensionChange {
                average: -2.0,
                sessions: 2
            })
        );
        let s = summarize(&records[2..3], now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.tension, None);
    }

    #[test]
    fn records_out_of_order_add_up_the_same() {
        let mut records = three_in(&["2026-11-09", "2026-11-16", "2026-11-23"]);
        records.extend(at(&[
            "2026-11-10T10:00:00+01:00",
            "2026-11-17T10:00:00+01:00",
            "2026-11-24T10:00:00+01:00",
        ]));
        let now = now("2026-11-25T12:00:00+01:00");
        let in_order = summarize(&records, now, 4);
        records.reverse();
        records.swap(0, 5);
        assert_eq!(summarize(&records, now, 4), in_order);
        assert_eq!((in_order.this_week, in_order.streak_weeks), (4, 3));
    }

    #[test]
    fn short_sessions_are_kept_apart_and_never_count() {
        // Three previews-worth of nothing and one run with every hold skipped.
        let mut records = at(&[
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T11:00:00+01:00",
            "2026-11-24T10:00:00+01:00",
            "2026-11-24T11:00:00+01:00",
            "2026-11-25T09:00:00+01:00",
        ]);
        for r in &mut records[..4] {
            r.held_seconds = 0;
        }
        // Exactly half is enough, with the five minutes a session needs.
        records[4].planned_hold_seconds = Some(600);
        records[4].held_seconds = 300;
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.all_sessions, 5);
        assert_eq!(s.this_week, 1);
        assert_eq!((s.weeks[11].sessions, s.weeks[11].short), (1, 4));
        assert_eq!(s.streak_weeks, 0);
        // Short weeks break a streak like empty ones.
        let mut weeks = three_in(&["2026-11-09", "2026-11-16"]);
        weeks[4].held_seconds = 10;
        let s = summarize(&weeks, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.streak_weeks, 0);
    }

    #[test]
    fn sessions_under_the_minimum_are_breaks_and_never_count() {
        // Two runs of a routine with a single 5-second hold, and a planned
        // five minutes that held four of them.
        let mut records = at(&[
            "2026-11-23T10:00:00+01:00",
            "2026-11-23T11:00:00+01:00",
            "2026-11-24T10:00:00+01:00",
        ]);
        for r in &mut records[..2] {
            r.planned_hold_seconds = Some(5);
            r.held_seconds = 5;
        }
        records[2].planned_hold_seconds = Some(240);
        records[2].held_seconds = 240;
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.this_week, 0);
        assert_eq!(s.min_held_seconds, 300);
        let week = s.weeks[11];
        assert_eq!((week.sessions, week.short, week.breaks), (0, 0, 3));
        // With no minimum, all three count.
        let mut tally = Tally::new(now("2026-11-25T12:00:00+01:00"), 3, 0);
        for r in &records {
            tally.add(r);
        }
        assert_eq!(tally.finish().this_week, 3);
    }

    #[test]
    fn each_week_keeps_its_average_tension_before_and_after() {
        let records = vec![
            record("2026-11-16T10:00:00+01:00", Some(6), Some(3)),
            record("2026-11-17T10:00:00+01:00", Some(5), Some(2)),
            record("2026-11-18T10:00:00+01:00", Some(5), None),
            record("2026-11-23T10:00:00+01:00", Some(4), Some(4)),
        ];
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        let last_week = s.weeks[10].tension;
        assert_eq!(last_week.sessions, 2);
        assert_eq!(
            (last_week.before(), last_week.after()),
            (Some(5.5), Some(2.5))
        );
        assert_eq!(s.weeks[11].tension.before(), Some(4.0));
        assert_eq!(s.weeks[9].tension.before(), None);
    }

    #[test]
    fn the_level_is_the_newest_sessions() {
        let mut records = at(&["2026-11-24T10:00:00+01:00", "2026-11-23T10:00:00+01:00"]);
        records[0].level = Some(2);
        records[1].level = Some(3);
        let s = summarize(&records, now("2026-11-25T12:00:00+01:00"), 3);
        assert_eq!(s.level, 2);
        assert_eq!(summarize(&[], now("2026-11-25T12:00:00+01:00"), 3).level, 1);
    }

    #[test]
    fn a_goal_of_zero_is_one() {
        let s = summarize(&[], now("2026-11-25T12:00:00+01:00"), 0);
        assert_eq!((s.goal, s.streak_weeks), (1, 0));
    }
}
