//! Calendar weeks: ISO weeks, Monday to Sunday, on a local calendar.
//!
//! The rule: a session belongs to the week of the date the wall clock showed
//! where it was done, which is the date of its `started_at` in the offset
//! stored with it. "Now" belongs to the week of the date in the reader's
//! current offset. So a session done on a Sunday evening stays a Sunday
//! session after a flight to another continent or a change of daylight-saving
//! time, and the week the reader is in is the one on their calendar today.

use std::fmt;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

/// One ISO week, named by its Monday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Week {
    monday: NaiveDate,
}

impl Week {
    /// The week a date falls in.
    pub(crate) fn containing(date: NaiveDate) -> Week {
        let back = Days::new(u64::from(date.weekday().num_days_from_monday()));
        Week {
            monday: date.checked_sub_days(back).unwrap_or(date),
        }
    }

    /// The week of a time, on the calendar of its own offset.
    pub(crate) fn of(time: DateTime<FixedOffset>) -> Week {
        Week::containing(time.date_naive())
    }

    pub(crate) fn monday(self) -> NaiveDate {
        self.monday
    }

    /// The week before (the same week at the very start of the calendar).
    pub(crate) fn previous(self) -> Week {
        Week {
            monday: self
                .monday
                .checked_sub_days(Days::new(7))
                .unwrap_or(self.monday),
        }
    }
}

/// `2027-W01`: the ISO year and week number.
impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let iso = self.monday.iso_week();
        write!(f, "{}-W{:02}", iso.year(), iso.week())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn time(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        let week = Week::containing(date("2026-11-25"));
        assert_eq!(week.monday(), date("2026-11-23"));
        assert_eq!(Week::containing(date("2026-11-23")), week);
        assert_eq!(Week::containing(date("2026-11-29")), week);
        assert_ne!(Week::containing(date("2026-11-30")), week);
        assert_eq!(week.to_string(), "2026-W48");
        assert_eq!(week.previous().monday(), date("2026-11-16"));
    }

    #[test]
    fn iso_week_one_of_2027_starts_on_monday_the_fourth() {
        // 2027-01-01 to 01-03 (Friday to Sunday) belong to 2026's last week.
        let last_of_2026 = Week::containing(date("2026-12-28"));
        assert_eq!(last_of_2026.to_string(), "2026-W53");
        assert_eq!(Week::containing(date("2027-01-03")), last_of_2026);
        let first = Week::containing(date("2027-01-04"));
        assert_eq!(first.to_string(), "2027-W01");
        assert_eq!(first.previous(), last_of_2026);
    }

    #[test]
    fn a_dst_change_keeps_a_sunday_in_its_week() {
        // Central Europe moves from +01:00 to +02:00 at 02:00 on 2026-03-29.
        let before = Week::of(time("2026-03-29T00:30:00+01:00"));
        let after = Week::of(time("2026-03-29T03:30:00+02:00"));
        assert_eq!(before, after);
        assert_eq!(before.to_string(), "2026-W13");
    }

    #[test]
    fn the_local_date_decides_not_the_utc_date() {
        // Monday 00:30 in Berlin is still Sunday in UTC: the local week counts.
        let monday_night = time("2026-03-30T00:30:00+02:00");
        assert_eq!(Week::of(monday_night).to_string(), "2026-W14");
        assert_eq!(
            Week::of(monday_night.to_utc().fixed_offset()).to_string(),
            "2026-W13"
        );
        // Sunday evening in New York is Monday in UTC and in Europe; it stays
        // a Sunday session for a reader who has since moved to Europe.
        let new_york = time("2026-03-29T23:30:00-04:00");
        assert_eq!(Week::of(new_york).to_string(), "2026-W13");
        assert_eq!(
            Week::of(new_york.to_utc().fixed_offset()).to_string(),
            "2026-W14"
        );
    }
}
