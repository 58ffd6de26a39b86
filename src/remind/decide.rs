//! Whether `psoas remind now` nudges. Where the desktop says how long the
//! person has been away ([`decide_sitting`]): only on the set days, between
//! the set times, while the person is at the desk, once they have sat for
//! the set time without a break, and once in each such stretch of that
//! length. Where it cannot ([`decide`], clock times): only when the last
//! recorded session is older than the interval, and at most once in each
//! interval of the day. A nudge put off by a snooze or pause that has ended
//! no longer counts ([`nudge_that_counts`]). Pure: the moment, the schedule
//! and what is known of the person in, a decision out; `words/remind.rs`
//! says why not.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::do_not_disturb::Said;
use super::schedule::{Interval, Schedule};
use super::sitting::Sitting;

/// What `remind now` does, and why not when it does nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    Nudge,
    /// Not one of the set days.
    NotToday,
    /// Before the start or after the end of the set hours.
    OutsideHours,
    /// A session started less than an interval ago.
    RecentSession {
        minutes_ago: i64,
    },
    /// A nudge already came in this interval (by clock times).
    AlreadyNudged,
    /// By time at the desk: a nudge came `minutes_ago`, and the next is
    /// `sit` after it while the person stays.
    NudgedWhileSitting {
        minutes_ago: i64,
        sit: Interval,
    },
    /// The person is away from the desk, or the screen is locked.
    Away,
    /// At the desk for less than the set time since the last break.
    Sitting {
        minutes: i64,
        sit: Interval,
    },
    /// A nudge was due, but the desktop is set to do not disturb.
    DoNotDisturb(Said),
}

/// The decision by time at the desk.
pub(crate) fn decide_sitting(
    now: DateTime<FixedOffset>,
    schedule: &Schedule,
    sit: Interval,
    sitting: &Sitting,
    last_nudge: Option<DateTime<FixedOffset>>,
) -> Decision {
    if !schedule.is_day(now) {
        return Decision::NotToday;
    }
    if !schedule.is_hour(now) {
        return Decision::OutsideHours;
    }
    let Some(since) = sitting.since else {
        return Decision::Away;
    };
    let sit_for = TimeDelta::minutes(i64::from(sit.minutes()));
    // After a nudge that was not taken, the next comes a whole sitting
    // time later.
    let counted_from = match last_nudge {
        Some(nudge) if nudge > since && nudge <= now => nudge,
        // A nudge "in the future" (a clock set back) is as good as recent.
        Some(nudge) if nudge > now => {
            return Decision::NudgedWhileSitting {
                minutes_ago: 0,
                sit,
            };
        }
        _ => since,
    };
    if now - counted_from < sit_for {
        return if counted_from == since {
            let minutes = sitting.minutes(now).unwrap_or(0);
            Decision::Sitting { minutes, sit }
        } else {
            Decision::NudgedWhileSitting {
                minutes_ago: (now - counted_from).num_minutes(),
                sit,
            }
        };
    }
    Decision::Nudge
}

/// The last nudge as the decision weighs it: none once a snooze or pause
/// that began after it has ended, so that a nudge put off comes back at the
/// first check after the pause rather than a whole interval or sitting time
/// later. A pause still running, or one from before the nudge, changes
/// nothing.
pub(crate) fn nudge_that_counts(
    last_nudge: Option<DateTime<FixedOffset>>,
    paused_until: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let nudge = last_nudge?;
    match paused_until {
        Some(until) if until > nudge && until <= now => None,
        _ => Some(nudge),
    }
}

pub(crate) fn decide(
    now: DateTime<FixedOffset>,
    schedule: &Schedule,
    last_session: Option<DateTime<FixedOffset>>,
    last_nudge: Option<DateTime<FixedOffset>>,
) -> Decision {
    if !schedule.is_day(now) {
        return Decision::NotToday;
    }
    if !schedule.is_hour(now) {
        return Decision::OutsideHours;
    }
    let every = TimeDelta::minutes(i64::from(schedule.every.minutes()));
    if let Some(session) = last_session {
        let ago = now - session;
        // A session "in the future" (a clock set back) is as good as recent.
        if ago < every {
            return Decision::RecentSession {
                minutes_ago: ago.num_minutes().max(0),
            };
        }
    }
    // The nudge's own wall clock decides its interval, as `now`'s does.
    if let Some(nudge) = last_nudge {
        let nudge = nudge.with_timezone(now.offset());
        if schedule.slot(nudge) == schedule.slot(now) || nudge > now {
            return Decision::AlreadyNudged;
        }
    }
    Decision::Nudge
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    /// Wednesday 2026-11-25, with the default schedule (every 60m, 09:00 to
    /// 17:30, mon-fri).
    fn decide_at(now: &str, session: Option<&str>, nudge: Option<&str>) -> Decision {
        decide(
            at(now),
            &Schedule::default(),
            session.map(at),
            nudge.map(at),
        )
    }

    #[test]
    fn nudges_only_on_the_days_and_in_the_hours() {
        assert_eq!(
            decide_at("2026-11-25T10:00:00+01:00", None, None),
            Decision::Nudge
        );
        assert_eq!(
            decide_at("2026-11-28T10:00:00+01:00", None, None),
            Decision::NotToday
        );
        assert_eq!(
            decide_at("2026-11-25T08:00:00+01:00", None, None),
            Decision::OutsideHours
        );
        assert_eq!(
            decide_at("2026-11-25T18:00:00+01:00", None, None),
            Decision::OutsideHours
        );
    }

    #[test]
    fn a_recent_session_holds_the_nudge_back() {
        let session = Some("2026-11-25T09:30:00+01:00");
        assert_eq!(
            decide_at("2026-11-25T10:00:00+01:00", session, None),
            Decision::RecentSession { minutes_ago: 30 }
        );
        assert_eq!(
            decide_at("2026-11-25T10:30:00+01:00", session, None),
            Decision::Nudge
        );
        // A session done in another time zone is compared as an instant.
        assert_eq!(
            decide_at(
                "2026-11-25T10:00:00+01:00",
                Some("2026-11-25T08:45:00Z"),
                None
            ),
            Decision::RecentSession { minutes_ago: 15 }
        );
    }

    #[test]
    fn at_most_one_nudge_in_each_interval() {
        let nudge = Some("2026-11-25T10:05:00+01:00");
        assert_eq!(
            decide_at("2026-11-25T10:40:00+01:00", None, nudge),
            Decision::AlreadyNudged
        );
        // A scheduler that fires a little late or early is still in a new interval.
        assert_eq!(
            decide_at("2026-11-25T11:00:30+01:00", None, nudge),
            Decision::Nudge
        );
        assert_eq!(
            decide_at("2026-11-26T10:40:00+01:00", None, nudge),
            Decision::Nudge
        );
    }

    #[test]
    fn by_sitting_time_the_nudge_comes_after_the_set_time_at_the_desk() {
        let sit: Interval = "50m".parse().unwrap();
        let sitting = |since: Option<&str>| Sitting {
            since: since.map(at),
            checked: at("2026-11-25T10:00:00+01:00"),
        };
        let decide_at = |now: &str, since: Option<&str>, nudge: Option<&str>| {
            decide_sitting(
                at(now),
                &Schedule::default(),
                sit,
                &sitting(since),
                nudge.map(at),
            )
        };
        let since = Some("2026-11-25T09:20:00+01:00");
        assert_eq!(
            decide_at("2026-11-25T10:00:00+01:00", since, None),
            Decision::Sitting { minutes: 40, sit }
        );
        assert_eq!(
            decide_at("2026-11-25T10:10:00+01:00", since, None),
            Decision::Nudge
        );
        assert_eq!(
            decide_at("2026-11-25T10:10:00+01:00", None, None),
            Decision::Away
        );
        assert_eq!(
            decide_at("2026-11-28T10:10:00+01:00", since, None),
            Decision::NotToday
        );
        // Nudged at 10:10 and still at the desk: again 50 minutes later.
        let nudge = Some("2026-11-25T10:10:00+01:00");
        assert_eq!(
            decide_at("2026-11-25T10:40:00+01:00", since, nudge),
            Decision::NudgedWhileSitting {
                minutes_ago: 30,
                sit
            }
        );
        assert_eq!(
            decide_at("2026-11-25T11:00:00+01:00", since, nudge),
            Decision::Nudge
        );
        // A nudge before the last break does not count.
        assert_eq!(
            decide_at(
                "2026-11-25T10:00:00+01:00",
                since,
                Some("2026-11-25T09:00:00+01:00")
            ),
            Decision::Sitting { minutes: 40, sit }
        );
    }

    #[test]
    fn a_nudge_put_off_by_a_pause_that_ended_no_longer_counts() {
        let nudge = Some(at("2026-11-25T10:20:00+01:00"));
        let until = Some(at("2026-11-25T10:30:00+01:00"));
        let counts = |now: &str, until| nudge_that_counts(nudge, until, at(now));
        // Snoozed at 10:20 until 10:30: from 10:30 on the nudge is as if
        // it had not come, so it comes again.
        assert_eq!(counts("2026-11-25T10:25:00+01:00", until), nudge);
        assert_eq!(counts("2026-11-25T10:30:00+01:00", until), None);
        assert_eq!(counts("2026-11-25T10:35:00+01:00", until), None);
        assert_eq!(
            decide_at("2026-11-25T10:30:00+01:00", None, None),
            Decision::Nudge
        );
        // A pause that ended before the nudge, or none, changes nothing.
        let before = Some(at("2026-11-25T10:00:00+01:00"));
        assert_eq!(counts("2026-11-25T10:35:00+01:00", before), nudge);
        assert_eq!(counts("2026-11-25T10:35:00+01:00", None), nudge);
        assert_eq!(
            nudge_that_counts(None, until, at("2026-11-25T10:35:00+01:00")),
            None
        );
    }
}
