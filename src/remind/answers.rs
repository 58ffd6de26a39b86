//! The nudges that came and what became of each, kept in the state folder
//! ([`FILE`], one line a nudge: when, the routine offered, the answer). From
//! them come the routine the next nudge offers (the one after the last, in
//! the order of `remind.routines`) and how many nudges were skipped today,
//! which `remind.skips_a_day` limits. Only the last [`KEPT_DAYS`] days are
//! kept. Pure but for [`read`] and [`write`](fn@write).

use std::io::Read as _;
use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::files::{self, Existing};

/// The file in the state folder that holds the nudges and their answers.
pub(crate) const FILE: &str = "remind-nudges";

/// How many days of nudges the file keeps.
pub(crate) const KEPT_DAYS: i64 = 7;

/// What became of a nudge, kept in the file by its name in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::Display, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub(crate) enum Outcome {
    /// Shown with no choices to make (a `notify_command`, or a service
    /// without actions).
    Shown,
    /// The break was started in a terminal.
    Start,
    /// Snoozed.
    Snooze,
    /// Skipped.
    Skip,
    /// Closed without a choice.
    Dismissed,
    /// No answer in the time the check waits.
    Unanswered,
}

/// One nudge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Nudge {
    pub at: DateTime<FixedOffset>,
    pub routine: String,
    pub outcome: Outcome,
}

impl Nudge {
    /// `2026-11-25T10:20:00+01:00 micro-break skip`.
    pub(crate) fn to_line(&self) -> String {
        format!("{} {} {}", self.at.to_rfc3339(), self.routine, self.outcome)
    }

    /// A line read back; none from one that is not one.
    pub(crate) fn from_line(line: &str) -> Option<Nudge> {
        let mut words = line.split(' ');
        let at = DateTime::parse_from_rfc3339(words.next()?).ok()?;
        let routine = words.next()?.to_string();
        let outcome = words.next()?.parse().ok()?;
        words.next().is_none().then_some(Nudge {
            at,
            routine,
            outcome,
        })
    }
}

/// The routine offered after `last`: the next in `routines`, round again
/// after the last; the first when `last` is none or no longer one of them.
pub(crate) fn next_routine<'a>(routines: &[&'a str], last: Option<&str>) -> &'a str {
    let after = last
        .and_then(|last| routines.iter().position(|r| *r == last))
        .map_or(0, |i| i + 1);
    routines[after % routines.len().max(1)]
}

/// How many nudges were skipped on `now`'s day, on its wall clock.
pub(crate) fn skips_today(nudges: &[Nudge], now: DateTime<FixedOffset>) -> u32 {
    let today = now.date_naive();
    let count = nudges
        .iter()
        .filter(|n| n.outcome == Outcome::Skip)
        .filter(|n| n.at.with_timezone(now.offset()).date_naive() == today)
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The nudges kept in `state_dir`, oldest first; lines that are not one are
/// passed over, and a missing file is no nudge.
pub(crate) fn read(state_dir: &Path) -> Vec<Nudge> {
    let Ok(file) = files::open_regular(&state_dir.join(FILE)) else {
        return Vec::new();
    };
    let mut text = String::new();
    // A week of nudges is a few kilobytes.
    if file.take(256 * 1024).read_to_string(&mut text).is_err() {
        return Vec::new();
    }
    text.lines().filter_map(Nudge::from_line).collect()
}

/// Adds `nudge` to those kept, dropping those older than [`KEPT_DAYS`].
pub(crate) fn write(state_dir: &Path, nudge: Nudge) -> std::io::Result<()> {
    let since = nudge.at - TimeDelta::days(KEPT_DAYS);
    let mut text = String::new();
    for kept in read(state_dir)
        .into_iter()
        .filter(|n| n.at >= since)
        .chain([nudge])
    {
        text.push_str(&kept.to_line());
        text.push('\n');
    }
    std::fs::create_dir_all(state_dir)?;
    files::write_whole(&state_dir.join(FILE), text.as_bytes(), Existing::Replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn nudge(time: &str, routine: &str, outcome: Outcome) -> Nudge {
        Nudge {
            at: at(time),
            routine: routine.into(),
            outcome,
        }
    }

    #[test]
    fn the_routines_are_offered_in_turn() {
        let routines = ["micro-break", "desk-break"];
        assert_eq!(next_routine(&routines, None), "micro-break");
        assert_eq!(next_routine(&routines, Some("micro-break")), "desk-break");
        assert_eq!(next_routine(&routines, Some("desk-break")), "micro-break");
        assert_eq!(next_routine(&routines, Some("daily")), "micro-break");
        assert_eq!(next_routine(&["chair"], Some("chair")), "chair");
    }

    #[test]
    fn skips_are_counted_on_the_day_of_the_check() {
        let nudges = [
            nudge("2026-11-24T16:00:00+01:00", "micro-break", Outcome::Skip),
            nudge("2026-11-25T09:00:00+01:00", "micro-break", Outcome::Skip),
            nudge("2026-11-25T10:00:00+01:00", "desk-break", Outcome::Snooze),
            // 00:30 on the 25th in Central Europe.
            nudge("2026-11-24T23:30:00+00:00", "micro-break", Outcome::Skip),
        ];
        assert_eq!(skips_today(&nudges, at("2026-11-25T11:00:00+01:00")), 2);
        assert_eq!(skips_today(&nudges, at("2026-11-26T11:00:00+01:00")), 0);
    }

    #[test]
    fn the_file_reads_back_and_keeps_a_week() {
        let dir = tempfile::tempdir().unwrap();
        let old = nudge("2026-11-10T10:00:00+01:00", "desk-break", Outcome::Shown);
        let new = nudge(
            "2026-11-25T10:00:00+01:00",
            "micro-break",
            Outcome::Unanswered,
        );
        write(dir.path(), old).unwrap();
        write(dir.path(), new.clone()).unwrap();
        assert_eq!(read(dir.path()), [new]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(FILE)).unwrap(),
            "2026-11-25T10:00:00+01:00 micro-break unanswered\n"
        );
        for bad in [
            "",
            "x y z",
            "2026-11-25T10:00:00+01:00 a nope",
            "2026-11-25T10:00:00+01:00 a skip more",
        ] {
            assert_eq!(Nudge::from_line(bad), None, "{bad}");
        }
    }
}
