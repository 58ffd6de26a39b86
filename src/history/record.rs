//! One session as the history file keeps it: a [`Record`] is one line of JSON.
//!
//! `started_at` is an RFC 3339 time with the UTC offset that was local when
//! the session started, to the second (`2026-11-21T07:30:00+01:00`). The
//! instant is exact in UTC, and the offset says what the wall clock showed
//! where the session was done; the week rules (see [`super::week`]) use that
//! wall clock, so moving to another time zone or a change of daylight-saving
//! time later never moves a past session into another week.
//!
//! Every record carries the format version `v`; a reader that meets a version
//! it does not know reports the line instead of guessing.

use std::fmt;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::outcome::RunOutcome;
use super::side_pull::SidePull;
use super::tension::MAX_TENSION;

/// The format version this program writes and reads.
pub(super) const FORMAT_VERSION: u32 = 1;

/// One session, as written to and read from the history file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The format version, [`FORMAT_VERSION`].
    pub v: u32,
    /// When the session started: the UTC instant with the local offset.
    #[serde(serialize_with = "write_time", deserialize_with = "read_time")]
    pub started_at: DateTime<FixedOffset>,
    pub routine_id: String,
    pub routine_name: String,
    /// How long the routine was planned to take, in seconds.
    pub planned_seconds: u32,
    /// How many of those seconds were planned as holding (the rest is getting
    /// into position). Missing in records written before it was kept.
    #[serde(default)]
    pub planned_hold_seconds: Option<u32>,
    /// How many seconds were actually spent holding.
    pub held_seconds: u32,
    pub holds_done: u32,
    pub holds_skipped: u32,
    /// Whether the routine ran to its end (false: quit early).
    pub finished: bool,
    /// Tension in the lower back and hips before the session, 0-10.
    #[serde(default)]
    pub tension_before: Option<u8>,
    /// Tension in the lower back and hips after the session, 0-10.
    #[serde(default)]
    pub tension_after: Option<u8>,
    #[serde(default)]
    pub note: Option<String>,
    /// The level the holds were run at, 1 to 3; missing means 1.
    #[serde(default)]
    pub level: Option<u8>,
    /// The ids of the exercises held to the end at least once, each once:
    /// how well the person knows each exercise. Missing in records written
    /// before it was kept, which then count toward none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<String>,
    /// For a side check, the pull on each side, 0-10 (see [`SidePull`]).
    /// Missing in every other record, and in those written before it was
    /// kept; an older psoas passes over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_pull: Option<SidePull>,
}

/// How a recorded session stands toward the weekly goal and the streak. Every
/// session is kept in the history; only a counted one adds to the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// At least half its planned holding was held, and at least the minimum.
    Counted,
    /// Less than half its planned holding was held (holds skipped, or quit
    /// early): shown as short.
    Short,
    /// Held as planned, but less than the minimum a session needs (a short
    /// routine): a break, not a session.
    Break,
}

/// What the person adds to a finished run for its record: the check-in
/// scores, a note, and the level the holds were run at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionNotes {
    pub tension_before: Option<u8>,
    pub tension_after: Option<u8>,
    pub note: Option<String>,
    pub level: u8,
    /// The side check's ratings, for a side check.
    pub side_pull: Option<SidePull>,
}

impl Record {
    /// A record of the current format for a finished run. Tension scores
    /// above 10 are taken as 10, and an empty note is no note.
    pub fn new(outcome: &RunOutcome, notes: SessionNotes) -> Record {
        Record {
            v: FORMAT_VERSION,
            started_at: outcome.started_at,
            routine_id: outcome.routine_id.clone(),
            routine_name: outcome.routine_name.clone(),
            planned_seconds: outcome.planned_seconds,
            planned_hold_seconds: Some(outcome.planned_hold_seconds),
            held_seconds: outcome.held_seconds,
            holds_done: outcome.holds_done,
            holds_skipped: outcome.holds_skipped,
            finished: outcome.finished,
            tension_before: notes.tension_before.map(|t| t.min(MAX_TENSION)),
            tension_after: notes.tension_after.map(|t| t.min(MAX_TENSION)),
            note: notes.note.filter(|n| !n.trim().is_empty()),
            level: Some(notes.level),
            exercises: outcome.exercises.clone(),
            side_pull: notes.side_pull,
        }
    }

    /// What is wrong with a record read from a file, if anything.
    pub fn problem(&self) -> Option<String> {
        if self.v != FORMAT_VERSION {
            return Some(unknown_version(self.v));
        }
        for (name, value) in [
            ("tension_before", self.tension_before),
            ("tension_after", self.tension_after),
        ] {
            if let Some(t) = value.filter(|&t| t > MAX_TENSION) {
                return Some(format!("`{name}` is {t}; it must be from 0 to 10"));
            }
        }
        self.side_pull.as_ref().and_then(SidePull::problem)
    }

    /// The seconds of holding the routine planned. An old record that did not
    /// keep it has only the whole planned length, prep included.
    pub fn planned_holding(&self) -> u32 {
        self.planned_hold_seconds.unwrap_or(self.planned_seconds)
    }

    /// How the session stands toward the weekly goal and the streak, when a
    /// session must hold at least `min_held_seconds` to count.
    pub fn standing(&self, min_held_seconds: u32) -> Standing {
        if u64::from(self.held_seconds) * 2 < u64::from(self.planned_holding()) {
            Standing::Short
        } else if self.held_seconds < min_held_seconds {
            Standing::Break
        } else {
            Standing::Counted
        }
    }

    /// The level the holds were run at; 1 for records that do not say.
    pub fn level(&self) -> u8 {
        self.level.unwrap_or(1)
    }

    /// The record as one line of JSON, ending in a newline.
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a record always serializes");
        line.push('\n');
        line
    }
}

/// The message for a record of a format version this program does not know;
/// only a higher version can come from a newer psoas.
pub(super) fn unknown_version(v: u32) -> String {
    let newer = if v > FORMAT_VERSION {
        "; a newer psoas may have written it"
    } else {
        ""
    };
    format!(
        "format version {v} is not one this psoas reads (it reads version {FORMAT_VERSION}){newer}"
    )
}

fn write_time<S: Serializer>(time: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&time.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

fn read_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    struct Rfc3339;
    impl Visitor<'_> for Rfc3339 {
        type Value = DateTime<FixedOffset>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 time with an offset, such as 2026-11-21T07:30:00+01:00")
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            DateTime::parse_from_rfc3339(text).map_err(|e| {
                E::custom(format_args!(
                    "`started_at` {text:?} is not an RFC 3339 time with an offset ({e})"
                ))
            })
        }
    }
    d.deserialize_str(Rfc3339)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::history::Ending;

    /// A finished run of the daily routine started at `started_at`.
    pub(crate) fn outcome(started_at: &str) -> RunOutcome {
        RunOutcome {
            started_at: DateTime::parse_from_rfc3339(started_at).unwrap(),
            routine_id: "daily".into(),
            routine_name: "Daily release".into(),
            planned_seconds: 600,
            spent_seconds: 600,
            planned_hold_seconds: 540,
            held_seconds: 540,
            holds_done: 9,
            holds_skipped: 1,
            exercises: vec!["standing-psoas-stretch".into(), "knee-to-chest".into()],
            finished: true,
            past_first_hold: true,
            ending: Ending::Finished,
        }
    }

    fn notes() -> SessionNotes {
        SessionNotes {
            tension_before: Some(6),
            tension_after: Some(3),
            note: Some("tight after the drive".into()),
            level: 1,
            side_pull: None,
        }
    }

    /// The record of [`outcome`] with check-ins of 6 and 3 and a note.
    pub(crate) fn sample(started_at: &str) -> Record {
        Record::new(&outcome(started_at), notes())
    }

    #[test]
    fn a_record_is_one_line_with_the_local_offset() {
        let record = sample("2026-11-21T07:30:00+01:00");
        assert_eq!(
            record.to_line(),
            "{\"v\":1,\"started_at\":\"2026-11-21T07:30:00+01:00\",\"routine_id\":\"daily\",\
             \"routine_name\":\"Daily release\",\"planned_seconds\":600,\
             \"planned_hold_seconds\":540,\"held_seconds\":540,\"holds_done\":9,\
             \"holds_skipped\":1,\"finished\":true,\"tension_before\":6,\"tension_after\":3,\
             \"note\":\"tight after the drive\",\"level\":1,\
             \"exercises\":[\"standing-psoas-stretch\",\"knee-to-chest\"]}\n"
        );
    }

    #[test]
    fn a_record_from_before_exercises_were_kept_reads_with_none() {
        let old = "{\"v\":1,\"started_at\":\"2026-11-21T07:30:00+01:00\",\
                   \"routine_id\":\"daily\",\"routine_name\":\"Daily\",\"planned_seconds\":600,\
                   \"held_seconds\":540,\"holds_done\":9,\"holds_skipped\":1,\"finished\":true}";
        let record: Record = serde_json::from_str(old).unwrap();
        assert_eq!(record.problem(), None);
        assert!(record.exercises.is_empty());
        // Written back, it still says nothing of them.
        assert!(!record.to_line().contains("exercises"));
        assert_eq!(record.side_pull, None);
        assert!(!record.to_line().contains("side_pull"));
    }

    #[test]
    fn a_side_check_keeps_each_sides_pull_and_reads_back() {
        let checked = SessionNotes {
            side_pull: SidePull::new(Some(7), Some(4)),
            ..notes()
        };
        let record = Record::new(&outcome("2026-11-03T08:00:00+01:00"), checked);
        let line = record.to_line();
        assert!(
            line.ends_with(",\"side_pull\":{\"left\":7,\"right\":4}}\n"),
            "{line}"
        );
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, record);
        // One side skipped: only the other is written.
        let one = SessionNotes {
            side_pull: SidePull::new(None, Some(3)),
            ..notes()
        };
        let line = Record::new(&outcome("2026-11-03T08:00:00+01:00"), one).to_line();
        assert!(line.contains("\"side_pull\":{\"right\":3}"), "{line}");
    }

    #[test]
    fn a_side_pull_over_ten_is_a_problem() {
        let line = r#"{"v":1,"started_at":"2026-11-21T07:30:00+01:00","routine_id":"side-check",
            "routine_name":"Side check","planned_seconds":90,"held_seconds":60,"holds_done":2,
            "holds_skipped":0,"finished":true,"side_pull":{"left":12,"right":3}}"#;
        let record: Record = serde_json::from_str(line).unwrap();
        assert_eq!(
            record.problem().unwrap(),
            "`side_pull.left` is 12; it must be from 0 to 10"
        );
    }

    #[test]
    fn records_round_trip_and_keep_the_instant_and_the_offset() {
        let record = sample("2026-03-29T03:30:00+02:00");
        let back: Record = serde_json::from_str(&record.to_line()).unwrap();
        assert_eq!(back, record);
        assert_eq!(back.started_at.offset().local_minus_utc(), 7200);
        assert_eq!(
            back.started_at.to_utc().to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
    }

    #[test]
    fn utc_is_written_as_an_offset_of_zero() {
        let record = sample("2026-01-01T00:00:00Z");
        assert!(record.to_line().contains("\"2026-01-01T00:00:00+00:00\""));
    }

    #[test]
    fn optional_fields_may_be_missing_or_null() {
        let line = r#"{"v":1,"started_at":"2026-11-21T07:30:00+01:00","routine_id":"a",
            "routine_name":"A","planned_seconds":1,"held_seconds":1,"holds_done":1,
            "holds_skipped":0,"finished":false,"tension_after":null}"#;
        let record: Record = serde_json::from_str(line).unwrap();
        assert_eq!(record.tension_before, None);
        assert_eq!(record.tension_after, None);
        assert_eq!(record.note, None);
        assert_eq!(record.problem(), None);
    }

    #[test]
    fn new_clamps_tension_and_drops_an_empty_note() {
        let notes = SessionNotes {
            tension_before: Some(12),
            note: Some("  ".into()),
            ..notes()
        };
        let record = Record::new(&outcome("2026-11-21T07:30:00+01:00"), notes);
        assert_eq!(record.tension_before, Some(10));
        assert_eq!(record.note, None);
        assert_eq!(record.tension_after, Some(3));
    }

    #[test]
    fn problems_name_the_version_or_the_field() {
        let mut record = sample("2026-11-21T07:30:00+01:00");
        record.tension_after = Some(11);
        assert_eq!(
            record.problem().unwrap(),
            "`tension_after` is 11; it must be from 0 to 10"
        );
        record.v = 2;
        assert!(record.problem().unwrap().starts_with("format version 2 "));
    }

    #[test]
    fn a_session_counts_when_half_its_planned_holding_was_held() {
        let mut record = sample("2026-11-21T07:30:00+01:00");
        record.held_seconds = 270;
        assert_eq!(record.standing(0), Standing::Counted);
        record.held_seconds = 269;
        assert_eq!(record.standing(0), Standing::Short);
        // An old record without the planned holding counts against the whole length.
        record.planned_hold_seconds = None;
        record.held_seconds = 300;
        assert_eq!(record.standing(0), Standing::Counted);
        record.held_seconds = 299;
        assert_eq!(record.standing(0), Standing::Short);
        // Nothing planned, nothing to fall short of.
        record.planned_hold_seconds = Some(0);
        record.held_seconds = 0;
        assert_eq!(record.standing(0), Standing::Counted);
    }

    #[test]
    fn a_session_that_held_less_than_the_minimum_is_a_break() {
        let mut record = sample("2026-11-21T07:30:00+01:00");
        // A routine with a single 5-second hold, done in full.
        record.planned_hold_seconds = Some(5);
        record.held_seconds = 5;
        assert_eq!(record.standing(300), Standing::Break);
        assert_eq!(record.standing(5), Standing::Counted);
        record.planned_hold_seconds = Some(600);
        record.held_seconds = 300;
        assert_eq!(record.standing(300), Standing::Counted);
        record.held_seconds = 299;
        assert_eq!(
            record.standing(300),
            Standing::Short,
            "short before a break"
        );
    }

    #[test]
    fn old_records_read_at_level_one() {
        let line = r#"{"v":1,"started_at":"2026-11-21T07:30:00+01:00","routine_id":"a",
            "routine_name":"A","planned_seconds":100,"held_seconds":60,"holds_done":1,
            "holds_skipped":0,"finished":true}"#;
        let record: Record = serde_json::from_str(line).unwrap();
        assert_eq!((record.level(), record.planned_holding()), (1, 100));
    }

    #[test]
    fn a_bad_time_says_what_would_be_valid() {
        let line = r#"{"v":1,"started_at":"2026-11-21 07:30"}"#;
        let err = serde_json::from_str::<Record>(line).unwrap_err();
        assert!(err.to_string().contains("not an RFC 3339 time"), "{err}");
    }
}
