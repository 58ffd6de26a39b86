//! When nudges may come: every so many minutes, between two times of day, on
//! some days of the week. Read from the command line (`--every 60m --from
//! 09:00 --to 17:30 --days mon-fri`) and the config's `remind` table, in the
//! same words. Pure: when the scheduler checks, and whether a moment is
//! inside the schedule and which interval it falls in.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Weekday};

/// The time between nudges, in whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Interval {
    minutes: u32,
}

impl Interval {
    pub(crate) const MIN_MINUTES: u32 = 5;
    pub(crate) const MAX_MINUTES: u32 = 12 * 60;
    pub(crate) const DEFAULT: Interval = Interval { minutes: 60 };

    pub(crate) fn minutes(self) -> u32 {
        self.minutes
    }

    pub(crate) fn from_minutes(minutes: u32) -> Result<Interval, String> {
        if (Self::MIN_MINUTES..=Self::MAX_MINUTES).contains(&minutes) {
            Ok(Interval { minutes })
        } else {
            Err(Self::VALID.to_string())
        }
    }

    const VALID: &str = "minutes or hours from 5m to 12h, like 60m, 90m, 1h or 1h30m";
}

/// `60m`, `1h`, `1h30m`, or a bare number of minutes.
impl FromStr for Interval {
    type Err = String;

    fn from_str(s: &str) -> Result<Interval, String> {
        let text = s.trim().to_ascii_lowercase();
        let bad = || Self::VALID.to_string();
        if let Ok(minutes) = text.parse::<u32>() {
            return Interval::from_minutes(minutes);
        }
        let (hours, rest) = match text.split_once('h') {
            Some((h, rest)) => (h.parse::<u32>().map_err(|_| bad())?, rest),
            None => (0, text.as_str()),
        };
        let minutes = match rest {
            "" => 0,
            m => m
                .strip_suffix('m')
                .and_then(|m| m.parse::<u32>().ok())
                .ok_or_else(bad)?,
        };
        if rest.is_empty() && !text.contains('h') {
            return Err(bad());
        }
        Interval::from_minutes(hours.saturating_mul(60).saturating_add(minutes))
    }
}

/// `60m`, `1h30m` is written as `90m`: one spelling, read back the same.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}m", self.minutes)
    }
}

/// A time of day to the minute, `09:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TimeOfDay {
    minute_of_day: u32,
}

impl TimeOfDay {
    pub(crate) fn new(hour: u32, minute: u32) -> Option<TimeOfDay> {
        (hour < 24 && minute < 60).then_some(TimeOfDay {
            minute_of_day: hour * 60 + minute,
        })
    }

    pub(crate) fn hour(self) -> u32 {
        self.minute_of_day / 60
    }

    pub(crate) fn minute(self) -> u32 {
        self.minute_of_day % 60
    }

    fn of(time: NaiveTime) -> TimeOfDay {
        TimeOfDay {
            minute_of_day: time.hour() * 60 + time.minute(),
        }
    }
}

impl FromStr for TimeOfDay {
    type Err = String;

    fn from_str(s: &str) -> Result<TimeOfDay, String> {
        let bad = || "a time of day as HH:MM, from 00:00 to 23:59, like 09:00".to_string();
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        if m.len() != 2 {
            return Err(bad());
        }
        let hour = h.parse::<u32>().map_err(|_| bad())?;
        let minute = m.parse::<u32>().map_err(|_| bad())?;
        TimeOfDay::new(hour, minute).ok_or_else(bad)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// How often the scheduler runs a check, in minutes on the clock (`:00`,
/// `:05`, ...): often enough that a nudge comes within minutes of the time
/// at the desk it waits for, and each check costs a few milliseconds.
pub(crate) const CHECK_MINUTES: u32 = 5;

/// Days of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Days {
    /// Bit 0 is Monday.
    bits: u8,
}

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Days {
    pub(crate) const WORKDAYS: Days = Days { bits: 0b001_1111 };
    pub(crate) const EVERY_DAY: Days = Days { bits: 0b111_1111 };

    pub(crate) fn contains(self, day: Weekday) -> bool {
        self.bits & (1 << day.num_days_from_monday()) != 0
    }

    /// The days, Monday first.
    pub(crate) fn iter(self) -> impl Iterator<Item = Weekday> {
        (0..7u8)
            .filter(move |i| self.bits & (1 << i) != 0)
            .map(|i| Weekday::try_from(i).expect("0 to 6 is a weekday"))
    }

    /// `Mon`, as systemd and people write it.
    pub(crate) fn short_name(day: Weekday) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.num_days_from_monday() as usize]
    }

    fn index(name: &str) -> Option<u8> {
        let name = name.trim();
        NAMES
            .iter()
            .position(|n| is_day(name) && name.get(..3) == Some(n))
            .map(|i| i as u8)
    }
}

/// `mon`, `monday`, `Mon`: a day name of at least three letters.
fn is_day(name: &str) -> bool {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    FULL.iter().any(|full| full.starts_with(name))
}

/// `mon-fri`, `mon,wed,fri`, `sat-sun`, `every-day` (also `daily`); ranges
/// may wrap (`fri-mon`).
impl FromStr for Days {
    type Err = String;

    fn from_str(s: &str) -> Result<Days, String> {
        let text = s.trim().to_ascii_lowercase();
        let bad = || {
            "days of the week like mon-fri, mon,wed,fri or every-day (mon, tue, wed, thu, fri, sat, sun)"
                .to_string()
        };
        if matches!(text.as_str(), "every-day" | "daily" | "all") {
            return Ok(Days::EVERY_DAY);
        }
        let mut bits = 0u8;
        for part in text.split(',') {
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (
                        Days::index(a).ok_or_else(bad)?,
                        Days::index(b).ok_or_else(bad)?,
                    );
                    let mut i = a;
                    loop {
                        bits |= 1 << i;
                        if i == b {
                            break;
                        }
                        i = (i + 1) % 7;
                    }
                }
                None => bits |= 1 << Days::index(part).ok_or_else(bad)?,
            }
        }
        Ok(Days { bits })
    }
}

/// The shortest spelling that reads back the same: `mon-fri`, `every-day`,
/// `mon,wed,fri`.
impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if *self == Days::EVERY_DAY {
            return f.write_str("every-day");
        }
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            if self.bits & (1 << i) == 0 {
                i += 1;
                continue;
            }
            let start = i;
            while i + 1 < 7 && self.bits & (1 << (i + 1)) != 0 {
                i += 1;
            }
            parts.push(match i - start {
                0 => NAMES[start].to_string(),
                1 => format!("{},{}", NAMES[start], NAMES[i]),
                _ => format!("{}-{}", NAMES[start], NAMES[i]),
            });
            i += 1;
        }
        f.write_str(&parts.join(","))
    }
}

/// Every setting of a schedule, resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Schedule {
    pub every: Interval,
    pub from: TimeOfDay,
    pub to: TimeOfDay,
    pub days: Days,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            every: Interval::DEFAULT,
            from: TimeOfDay {
                minute_of_day: 9 * 60,
            },
            to: TimeOfDay {
                minute_of_day: 17 * 60 + 30,
            },
            days: Days::WORKDAYS,
        }
    }
}

/// Which interval of which day a moment falls in: nudges come at most once in
/// each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub date: NaiveDate,
    pub index: u32,
}

impl Schedule {
    /// Why the schedule cannot be used, if it cannot.
    pub(crate) fn problem(&self) -> Option<String> {
        (self.from >= self.to).then(|| {
            format!(
                "the reminders would start at {} and stop at {}: the start must come before the end",
                self.from, self.to
            )
        })
    }

    /// The hours of the day the scheduler runs a check in: every hour from
    /// `from`'s to `to`'s, both included. A check outside the set times
    /// (before `from` in its first hour, after `to` in its last) says so and
    /// does nothing.
    pub(crate) fn check_hours(&self) -> (u32, u32) {
        (self.from.hour(), self.to.hour())
    }

    /// Whether `now`, on its own wall clock, is on one of the days and
    /// between the two times (both included).
    pub(crate) fn is_day(&self, now: DateTime<FixedOffset>) -> bool {
        self.days.contains(now.weekday())
    }

    pub(crate) fn is_hour(&self, now: DateTime<FixedOffset>) -> bool {
        let time = TimeOfDay::of(now.time());
        self.from <= time && time <= self.to
    }

    /// The interval `time` falls in on its own wall clock.
    pub(crate) fn slot(&self, time: DateTime<FixedOffset>) -> Slot {
        let minute = TimeOfDay::of(time.time()).minute_of_day;
        let since_start = minute.saturating_sub(self.from.minute_of_day);
        Slot {
            date: time.date_naive(),
            index: since_start / self.every.minutes,
        }
    }

    /// The first check after `now` that may nudge: the scheduler runs one
    /// every [`CHECK_MINUTES`] on the clock, and this is the first of them
    /// on one of the days, between the two times.
    pub(crate) fn next_check(&self, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        (0..8).find_map(|days_ahead| {
            let date = now.date_naive() + chrono::Days::new(days_ahead);
            if !self.days.contains(date.weekday()) {
                return None;
            }
            (self.from.minute_of_day..=self.to.minute_of_day)
                .filter(|minute| minute % CHECK_MINUTES == 0)
                .find_map(|minute| {
                    let at = date.and_hms_opt(minute / 60, minute % 60, 0)?;
                    let at = at.and_local_timezone(*now.offset()).single()?;
                    (at > now).then_some(at)
                })
        })
    }

    /// The flags that give this schedule: `--every 60m --from 09:00 --to
    /// 17:30 --days mon-fri`.
    pub(crate) fn args(&self) -> Vec<String> {
        vec![
            "--every".into(),
            self.every.to_string(),
            "--from".into(),
            self.from.to_string(),
            "--to".into(),
            self.to.to_string(),
            "--days".into(),
            self.days.to_string(),
        ]
    }
}

/// "every 60m, 09:00 to 17:30, mon-fri".
impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "every {}, {} to {}, {}",
            self.every, self.from, self.to, self.days
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn intervals_read_minutes_and_hours() {
        for (text, minutes) in [
            ("60m", 60),
            ("90", 90),
            ("1h", 60),
            ("1h30m", 90),
            ("5m", 5),
        ] {
            assert_eq!(text.parse::<Interval>().map(Interval::minutes), Ok(minutes));
        }
        for bad in ["", "0m", "4m", "13h", "h", "1x", "m", "-5m", "1h30"] {
            assert!(bad.parse::<Interval>().is_err(), "{bad}");
        }
        assert_eq!("1h30m".parse::<Interval>().unwrap().to_string(), "90m");
    }

    #[test]
    fn times_of_day_are_hours_and_minutes() {
        assert_eq!("09:00".parse::<TimeOfDay>().unwrap().to_string(), "09:00");
        assert_eq!("7:05".parse::<TimeOfDay>().unwrap().to_string(), "07:05");
        for bad in ["24:00", "9", "09:60", "09:5", "nine"] {
            assert!(bad.parse::<TimeOfDay>().is_err(), "{bad}");
        }
    }

    #[test]
    fn days_read_ranges_and_lists_and_print_back_the_same() {
        for (text, shown) in [
            ("mon-fri", "mon-fri"),
            ("Monday-Friday", "mon-fri"),
            ("mon,wed,fri", "mon,wed,fri"),
            ("sat-sun", "sat,sun"),
            ("fri-mon", "mon,fri-sun"),
            ("daily", "every-day"),
            ("mon-sun", "every-day"),
            ("tue-thu,sat", "tue-thu,sat"),
        ] {
            let days: Days = text.parse().unwrap();
            assert_eq!(days.to_string(), shown, "{text}");
            assert_eq!(shown.parse::<Days>().unwrap(), days);
        }
        for bad in ["", "mo", "weekdays", "mon-", "monx"] {
            assert!(bad.parse::<Days>().is_err(), "{bad}");
        }
    }

    #[test]
    fn checks_run_in_every_hour_from_the_start_to_the_end() {
        let s = Schedule::default();
        assert_eq!(s.check_hours(), (9, 17));
        let s = Schedule {
            from: "07:40".parse().unwrap(),
            to: "07:50".parse().unwrap(),
            ..s
        };
        assert_eq!(s.check_hours(), (7, 7));
    }

    #[test]
    fn inside_the_days_and_hours_and_which_interval() {
        let s = Schedule::default();
        // Wednesday 2026-11-25.
        assert!(s.is_day(at("2026-11-25T08:00:00+01:00")));
        assert!(!s.is_day(at("2026-11-28T10:00:00+01:00")));
        assert!(!s.is_hour(at("2026-11-25T08:59:00+01:00")));
        assert!(s.is_hour(at("2026-11-25T09:00:00+01:00")));
        assert!(s.is_hour(at("2026-11-25T17:30:00+01:00")));
        assert!(!s.is_hour(at("2026-11-25T17:31:00+01:00")));
        let slot = |t| s.slot(at(t)).index;
        assert_eq!(slot("2026-11-25T09:00:00+01:00"), 0);
        assert_eq!(slot("2026-11-25T09:59:59+01:00"), 0);
        assert_eq!(slot("2026-11-25T10:00:00+01:00"), 1);
        assert_ne!(
            s.slot(at("2026-11-25T10:00:00+01:00")),
            s.slot(at("2026-11-26T10:00:00+01:00"))
        );
    }

    #[test]
    fn the_next_check_is_the_next_five_minutes_on_a_day_in_the_schedule() {
        let s = Schedule::default();
        assert_eq!(
            s.next_check(at("2026-11-25T10:00:00+01:00")),
            Some(at("2026-11-25T10:05:00+01:00"))
        );
        assert_eq!(
            s.next_check(at("2026-11-25T10:07:59+01:00")),
            Some(at("2026-11-25T10:10:00+01:00"))
        );
        // Friday evening: next Monday at nine.
        assert_eq!(
            s.next_check(at("2026-11-27T17:30:00+01:00")),
            Some(at("2026-11-30T09:00:00+01:00"))
        );
        let odd = Schedule {
            from: "09:03".parse().unwrap(),
            ..s
        };
        assert_eq!(
            odd.next_check(at("2026-11-25T08:00:00+01:00")),
            Some(at("2026-11-25T09:05:00+01:00"))
        );
    }

    #[test]
    fn the_start_must_come_before_the_end() {
        let s = Schedule {
            from: "18:00".parse().unwrap(),
            ..Schedule::default()
        };
        assert!(
            s.problem()
                .unwrap()
                .contains("start at 18:00 and stop at 17:30")
        );
        assert_eq!(Schedule::default().problem(), None);
        assert_eq!(
            Schedule::default().args().join(" "),
            "--every 60m --from 09:00 --to 17:30 --days mon-fri"
        );
    }
}
