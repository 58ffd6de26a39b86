//! What the end of a session says about the record: where the week stands
//! ("This week: 2 of 3 · 2 weeks in a row"), the change in tension, and why
//! a session was not recorded or not counted. Pure: numbers in, lines out;
//! the run command prints them under its summary, on the screen or in the
//! transcript.

use crate::format::{clock, count};

use crate::history::{Record, Standing, Summary};

/// "This week: 2 of 3 · 2 weeks in a row", with ", goal met" once it is.
pub(crate) fn week_line(summary: &Summary) -> String {
    let mut line = format!("This week: {} of {}", summary.this_week, summary.goal);
    if summary.goal_met() {
        line.push_str(", goal met");
    }
    if summary.streak_weeks > 0 {
        let weeks = count(summary.streak_weeks as usize, "week");
        line.push_str(&format!(" · {weeks} in a row"));
    }
    line
}

/// "Tension: 6 → 3, down 3", when both check-ins were answered.
pub(crate) fn tension_line(before: Option<u8>, after: Option<u8>) -> Option<String> {
    let (before, after) = (before?, after?);
    let change = i32::from(after) - i32::from(before);
    let how = match change {
        0 => "no change".to_string(),
        c if c < 0 => format!("down {}", -c),
        c => format!("up {c}"),
    };
    Some(format!("Tension: {before} → {after}, {how}"))
}

/// Why a recorded session does not count, when a session must hold
/// `min_held_seconds` to count, or `None` when it does.
pub(crate) fn short_line(record: &Record, min_held_seconds: u32) -> Option<String> {
    match record.standing(min_held_seconds) {
        Standing::Counted => None,
        Standing::Short => Some(format!(
            "Short session: {} of {} holding held, less than half, so it is recorded but does not count toward the week",
            clock(record.held_seconds),
            clock(record.planned_holding())
        )),
        Standing::Break => Some(format!(
            "A break: {} held, less than the {} a session holds to count, so it is recorded as a break and does not count toward the week",
            clock(record.held_seconds),
            minutes(min_held_seconds)
        )),
    }
}

/// "5 minutes", "1 minute", "1:30".
pub(crate) fn minutes(seconds: u32) -> String {
    if seconds.is_multiple_of(60) {
        count((seconds / 60) as usize, "minute")
    } else {
        clock(seconds)
    }
}

/// "Preview at 20× speed: not recorded".
pub(crate) fn preview_line(speed: f64) -> String {
    format!("Preview at {speed}× speed: not recorded")
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::history::{sample, summarize};

    fn summary(days: &[&str], now: &str) -> Summary {
        let records: Vec<Record> = days.iter().map(|d| sample(d)).collect();
        summarize(&records, DateTime::parse_from_rfc3339(now).unwrap(), 3)
    }

    #[test]
    fn the_week_line_says_where_the_week_and_the_streak_stand() {
        let now = "2026-11-25T12:00:00+01:00";
        assert_eq!(week_line(&summary(&[], now)), "This week: 0 of 3");
        let one_week = [
            "2026-11-16T08:00:00+01:00",
            "2026-11-17T08:00:00+01:00",
            "2026-11-18T08:00:00+01:00",
        ];
        assert_eq!(
            week_line(&summary(&one_week, now)),
            "This week: 0 of 3 · 1 week in a row"
        );
        let last_week_met = [
            "2026-11-16T08:00:00+01:00",
            "2026-11-17T08:00:00+01:00",
            "2026-11-18T08:00:00+01:00",
            "2026-11-09T08:00:00+01:00",
            "2026-11-10T08:00:00+01:00",
            "2026-11-11T08:00:00+01:00",
            "2026-11-23T08:00:00+01:00",
            "2026-11-24T08:00:00+01:00",
        ];
        assert_eq!(
            week_line(&summary(&last_week_met, now)),
            "This week: 2 of 3 · 2 weeks in a row"
        );
        let mut met = last_week_met.to_vec();
        met.push("2026-11-25T08:00:00+01:00");
        assert_eq!(
            week_line(&summary(&met, now)),
            "This week: 3 of 3, goal met · 3 weeks in a row"
        );
    }

    #[test]
    fn the_tension_line_says_which_way_it_went() {
        assert_eq!(
            tension_line(Some(6), Some(3)).unwrap(),
            "Tension: 6 → 3, down 3"
        );
        assert_eq!(
            tension_line(Some(2), Some(3)).unwrap(),
            "Tension: 2 → 3, up 1"
        );
        assert_eq!(
            tension_line(Some(4), Some(4)).unwrap(),
            "Tension: 4 → 4, no change"
        );
        assert_eq!(tension_line(None, Some(4)), None);
    }

    #[test]
    fn short_and_preview_lines() {
        let mut record = sample("2026-11-25T08:00:00+01:00");
        assert_eq!(short_line(&record, 300), None);
        record.held_seconds = 70;
        assert_eq!(
            short_line(&record, 300).unwrap(),
            "Short session: 1:10 of 9:00 holding held, less than half, so it is recorded but does not count toward the week"
        );
        record.planned_hold_seconds = Some(70);
        assert_eq!(
            short_line(&record, 300).unwrap(),
            "A break: 1:10 held, less than the 5 minutes a session holds to count, so it is recorded as a break and does not count toward the week"
        );
        assert_eq!(short_line(&record, 60), None);
        assert_eq!(preview_line(20.0), "Preview at 20× speed: not recorded");
        assert_eq!(preview_line(0.5), "Preview at 0.5× speed: not recorded");
    }
}
