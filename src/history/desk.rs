//! Time at the desk, as the history file keeps it beside the sessions: a
//! break the reminder's check saw begin (five minutes away from the keyboard
//! and mouse, or a locked screen), and each nudge it gave. One line of JSON
//! each, `{"v":1,"desk":"break","at":"2026-11-25T10:35:00+01:00"}`; a
//! psoas from before they were kept reports such a line as one it cannot
//! read, and leaves it be.
//!
//! [`DeskDays`] adds them up a day at a time, on each moment's own wall
//! clock, with the sessions: breaks (those seen at the desk, and the
//! sessions that do not count: under half their plan or under the
//! minimum), and the nudges, of which those followed by
//! neither a break nor a session within [`ANSWER_WINDOW`] were ignored.
//! Pure: "now" is an argument.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::record::{FORMAT_VERSION, Record, Standing};

/// What happened at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeskKind {
    /// The person left the desk (or locked the screen) at `at`.
    Break,
    /// A nudge was shown at `at`.
    Nudge,
}

/// One line of the history that is not a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskEvent {
    pub v: u32,
    pub desk: DeskKind,
    #[serde(with = "time")]
    pub at: DateTime<FixedOffset>,
}

impl DeskEvent {
    pub fn new(desk: DeskKind, at: DateTime<FixedOffset>) -> DeskEvent {
        DeskEvent {
            v: FORMAT_VERSION,
            desk,
            at,
        }
    }

    /// The event as one line of JSON, ending in a newline.
    pub fn to_line(self) -> String {
        let mut line = serde_json::to_string(&self).expect("an event always serializes");
        line.push('\n');
        line
    }
}

/// RFC 3339 to the second, as a session's `started_at`.
mod time {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer, de};

    pub(super) fn serialize<S: Serializer>(
        t: &DateTime<FixedOffset>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, false))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(|_| {
            de::Error::custom(format!(
                "`{text}` is not a time like 2026-11-25T10:35:00+01:00"
            ))
        })
    }
}

/// How long after a nudge a break or a session answers it.
pub(crate) const ANSWER_WINDOW: TimeDelta = TimeDelta::minutes(15);

/// How many days, up to today, [`DeskDays`] covers.
pub(super) const DESK_DAYS: usize = 7;

/// One day at the desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DeskDay {
    pub date: NaiveDate,
    /// Sessions that count: at least half their planned holding held, and
    /// at least the minimum.
    pub sessions: u32,
    /// Breaks seen at the desk, and sessions that do not count (short of
    /// half their plan, or of the minimum).
    pub breaks: u32,
    /// Of those, the breaks seen at the desk.
    pub seen_breaks: u32,
    pub nudges: u32,
    /// Nudges followed by neither a break nor a session in their window.
    pub ignored: u32,
}

/// The last [`DESK_DAYS`] days, as the history is read.
#[derive(Clone, Debug)]
pub(crate) struct DeskDays {
    now: DateTime<FixedOffset>,
    min_held_seconds: u32,
    first: NaiveDate,
    /// Every session and break from the first day on: what may answer a nudge.
    answers: Vec<DateTime<FixedOffset>>,
    nudges: Vec<DateTime<FixedOffset>>,
    days: Vec<DeskDay>,
}

impl DeskDays {
    pub(crate) fn new(now: DateTime<FixedOffset>, min_held_seconds: u32) -> DeskDays {
        let today = now.date_naive();
        let first = today - chrono::Days::new(DESK_DAYS as u64 - 1);
        let days = first
            .iter_days()
            .take(DESK_DAYS)
            .map(|date| DeskDay {
                date,
                sessions: 0,
                breaks: 0,
                seen_breaks: 0,
                nudges: 0,
                ignored: 0,
            })
            .collect();
        DeskDays {
            now,
            min_held_seconds,
            first,
            answers: Vec::new(),
            nudges: Vec::new(),
            days,
        }
    }

    fn day(&mut self, at: DateTime<FixedOffset>) -> Option<&mut DeskDay> {
        let index = (at.date_naive() - self.first).num_days();
        usize::try_from(index)
            .ok()
            .and_then(|i| self.days.get_mut(i))
    }

    pub(crate) fn add_session(&mut self, record: &Record) {
        let standing = record.standing(self.min_held_seconds);
        let Some(day) = self.day(record.started_at) else {
            return;
        };
        // A session that held under half its plan, or under the minimum,
        // was a break from the desk, not a session.
        match standing {
            Standing::Counted => day.sessions += 1,
            Standing::Short | Standing::Break => day.breaks += 1,
        }
        self.answers.push(record.started_at);
    }

    pub(crate) fn add_event(&mut self, event: DeskEvent) {
        let Some(day) = self.day(event.at) else {
            return;
        };
        match event.desk {
            DeskKind::Break => {
                day.breaks += 1;
                day.seen_breaks += 1;
                self.answers.push(event.at);
            }
            DeskKind::Nudge => {
                day.nudges += 1;
                self.nudges.push(event.at);
            }
        }
    }

    /// The days, oldest first, with the nudges whose window is over and
    /// had no answer counted as ignored.
    pub(crate) fn finish(mut self) -> Vec<DeskDay> {
        for nudge in std::mem::take(&mut self.nudges) {
            let end = nudge + ANSWER_WINDOW;
            let answered = self.answers.iter().any(|a| nudge <= *a && *a <= end);
            if !answered
                && end < self.now
                && let Some(day) = self.day(nudge)
            {
                day.ignored += 1;
            }
        }
        self.days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(time).unwrap()
    }

    #[test]
    fn an_event_is_one_line_and_reads_back() {
        let event = DeskEvent::new(DeskKind::Break, at("2026-11-25T10:35:00+01:00"));
        let line = event.to_line();
        assert_eq!(
            line,
            "{\"v\":1,\"desk\":\"break\",\"at\":\"2026-11-25T10:35:00+01:00\"}\n"
        );
        assert_eq!(serde_json::from_str::<DeskEvent>(&line).unwrap(), event);
        assert!(serde_json::from_str::<DeskEvent>(r#"{"v":1,"desk":"nap","at":"x"}"#).is_err());
    }

    #[test]
    fn a_nudge_with_no_break_or_session_in_its_window_was_ignored() {
        let now = at("2026-11-25T18:00:00+01:00");
        let mut days = DeskDays::new(now, 300);
        for (kind, time) in [
            // Answered by a break 5 minutes on.
            (DeskKind::Nudge, "2026-11-25T10:00:00+01:00"),
            (DeskKind::Break, "2026-11-25T10:05:00+01:00"),
            // Not answered.
            (DeskKind::Nudge, "2026-11-25T11:00:00+01:00"),
            (DeskKind::Break, "2026-11-25T11:20:00+01:00"),
            // Answered by a session.
            (DeskKind::Nudge, "2026-11-25T14:00:00+01:00"),
            // Its window is not over yet.
            (DeskKind::Nudge, "2026-11-25T17:50:00+01:00"),
            // Yesterday, ignored.
            (DeskKind::Nudge, "2026-11-24T15:00:00+01:00"),
            // Before the days covered.
            (DeskKind::Nudge, "2026-11-01T15:00:00+01:00"),
        ] {
            days.add_event(DeskEvent::new(kind, at(time)));
        }
        days.add_session(&crate::history::sample("2026-11-25T14:10:00+01:00"));
        let days = days.finish();
        assert_eq!(days.len(), DESK_DAYS);
        assert_eq!(days[0].date.to_string(), "2026-11-19");
        let today = days[6];
        assert_eq!(
            (today.sessions, today.breaks, today.nudges, today.ignored),
            (1, 2, 4, 1)
        );
        assert_eq!((days[5].nudges, days[5].ignored), (1, 1));
    }

    #[test]
    fn a_session_short_of_half_its_plan_or_of_the_minimum_is_a_break() {
        let now = at("2026-11-25T18:00:00+01:00");
        let mut days = DeskDays::new(now, 300);
        let counted = crate::history::sample("2026-11-25T09:00:00+01:00");
        // Under half its planned holding of 540 s.
        let mut short = crate::history::sample("2026-11-25T10:00:00+01:00");
        short.held_seconds = 200;
        // Held as planned, but under the minimum of 300 s.
        let mut brief = crate::history::sample("2026-11-25T11:00:00+01:00");
        brief.planned_hold_seconds = Some(100);
        brief.held_seconds = 100;
        for record in [&counted, &short, &brief] {
            days.add_session(record);
        }
        let today = days.finish()[DESK_DAYS - 1];
        assert_eq!((today.sessions, today.breaks, today.seen_breaks), (1, 2, 0));
    }
}
