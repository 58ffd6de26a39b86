//! The text `psoas history` prints: the last sessions as a table, then this
//! week against the goal, the streak, the chart of the last twelve weeks with
//! the tension week by week, the average tension change and any level worth
//! trying. Pure: records and a summary in, text out.
//!
//! Times are shown as the wall clock showed them where each session was done
//! (the offset stored with it), the same calendar the weeks are counted on.
//! Text from the file (routine names, notes) is made safe for the terminal.

use chrono::NaiveDate;

use crate::diagnostic::sanitize;
use crate::format::{clock, table};

use super::chart::{is_scaled, week_chart};
use crate::history::{CHART_WEEKS, Record, SideCheck, Standing, Summary, progress};
use crate::words::after_session::minutes;

/// Which sessions the table shows, out of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Selection {
    /// Sessions that passed `--since`.
    pub matched: usize,
    pub since: Option<NaiveDate>,
}

/// The whole report for a history that has sessions.
pub(crate) fn text(sessions: &[Record], selection: Selection, summary: &Summary) -> String {
    let mut out = String::new();
    if !sessions.is_empty() {
        out.push_str(&table_heading(sessions.len(), selection));
        out.push_str(&sessions_table(sessions, summary.min_held_seconds));
        out.push('\n');
    } else if let Some(since) = selection.since.filter(|_| selection.matched == 0) {
        out.push_str(&format!("No sessions since {since}.\n\n"));
    }
    out.push_str(&summary_text(summary));
    out
}

/// What to say when there is no session at all.
pub(crate) fn no_sessions(file: &str, goal: u32) -> String {
    format!(
        "No sessions yet. Start one with `psoas run`: every session that gets past its first \
         hold is recorded in {file}.\nThe goal is {goal} {} a week.\n",
        plural(goal, "session")
    )
}

fn table_heading(shown: usize, selection: Selection) -> String {
    let mut heading = if shown == selection.matched {
        format!("{shown} {}", plural(shown as u32, "session"))
    } else {
        format!("Last {shown} of {} sessions", selection.matched)
    };
    if let Some(since) = selection.since {
        heading.push_str(&format!(" since {since}"));
    }
    if shown > 1 {
        heading.push_str(", newest first");
    }
    heading.push_str(":\n");
    heading
}

/// One row per session: date and time, routine, time held of the holding
/// planned, finished or not and short, a break or neither, tension before ->
/// after, note. A session must hold `min_held_seconds` to count.
pub(crate) fn sessions_table(sessions: &[Record], min_held_seconds: u32) -> String {
    let rows: Vec<[String; 6]> = sessions
        .iter()
        .map(|r| {
            [
                r.started_at.format("%a %Y-%m-%d %H:%M").to_string(),
                cell(&r.routine_name),
                format!(
                    "{} of {}",
                    clock(r.held_seconds),
                    clock(r.planned_holding())
                ),
                status(r, min_held_seconds).to_string(),
                tension(r),
                r.note.as_deref().map(cell).unwrap_or_default(),
            ]
        })
        .collect();
    table(&rows, "  ")
}

/// Whether the session ran to its end, and why it did not count if it did not.
fn status(record: &Record, min_held_seconds: u32) -> &'static str {
    match (record.finished, record.standing(min_held_seconds)) {
        (true, Standing::Counted) => "finished",
        (false, Standing::Counted) => "quit early",
        (true, Standing::Short) => "finished, short",
        (false, Standing::Short) => "quit early, short",
        (true, Standing::Break) => "finished, a break",
        (false, Standing::Break) => "quit early, a break",
    }
}

/// This week, the streak, the chart, the tension change and the level.
pub(crate) fn summary_text(summary: &Summary) -> String {
    let goal = summary.goal;
    let left = goal.saturating_sub(summary.this_week);
    let (short, breaks) = summary.weeks.last().map_or((0, 0), |w| (w.short, w.breaks));
    let mut not_counted = Vec::new();
    if short > 0 {
        not_counted.push(format!(
            "{short} short {} not counted: less than half the holding was held",
            plural(short, "session")
        ));
    }
    if breaks > 0 {
        not_counted.push(format!(
            "{breaks} {} not counted: less than {} held",
            plural(breaks, "break"),
            minutes(summary.min_held_seconds)
        ));
    }
    let mut out = format!(
        "This week: {} of {goal} {}, {}{}.\n",
        summary.this_week,
        plural(goal, "session"),
        if left == 0 {
            "goal met".to_string()
        } else {
            format!("{left} to go")
        },
        if not_counted.is_empty() {
            String::new()
        } else {
            format!(" ({})", not_counted.join("; "))
        }
    );
    out.push_str(&streak_line(summary.streak_weeks, left));
    let scale = if is_scaled(&summary.weeks, goal) {
        ", scaled"
    } else {
        ""
    };
    out.push_str(&format!(
        "\nSessions a week and average tension before → after (0-10), last {CHART_WEEKS} weeks \
         (█ a session, · short of the goal{scale}):\n"
    ));
    for line in week_chart(&summary.weeks, goal) {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&match summary.tension {
        Some(t) => format!(
            "Average tension change: {} per session ({} {} with both check-ins, last {CHART_WEEKS} weeks).\n",
            signed(t.average),
            t.sessions,
            plural(t.sessions, "session"),
        ),
        None => format!(
            "Average tension change: no session in the last {CHART_WEEKS} weeks has both check-ins.\n"
        ),
    });
    out.push_str(&side_trend(&summary.side_checks));
    if let Some(suggestion) = progress::suggest(summary) {
        out.push_str(&progress::sentence(suggestion));
    }
    out
}

/// How many side checks the trend shows: the first, and the latest ones.
const TREND_CHECKS: usize = 5;

/// Each side's trend over the side checks, oldest first: "Pull, left /
/// right: 7/4 (Nov 3) → 5/4 (Dec 1)." and the difference between the
/// sides; nothing without a side check. With many checks, the first and
/// the latest.
pub(crate) fn side_trend(checks: &[SideCheck]) -> String {
    if checks.is_empty() {
        return String::new();
    }
    let shown: Vec<&SideCheck> = if checks.len() > TREND_CHECKS {
        std::iter::once(&checks[0])
            .chain(&checks[checks.len() - (TREND_CHECKS - 1)..])
            .collect()
    } else {
        checks.iter().collect()
    };
    let skipped = checks.len() > TREND_CHECKS;
    let join = |parts: Vec<String>| {
        let mut text = parts[0].clone();
        for (i, part) in parts[1..].iter().enumerate() {
            text.push_str(if i == 0 && skipped {
                " → … → "
            } else {
                " → "
            });
            text.push_str(part);
        }
        text
    };
    let rating = |r: Option<u8>| r.map_or("-".to_string(), |r| r.to_string());
    let pulls = shown
        .iter()
        .map(|c| {
            format!(
                "{}/{} ({})",
                rating(c.left),
                rating(c.right),
                c.date.format("%b %-d")
            )
        })
        .collect();
    let differences = shown
        .iter()
        .map(|c| match c.difference {
            Some(0) => "0".to_string(),
            Some(d) => format!("{d:+}"),
            None => "-".to_string(),
        })
        .collect();
    format!(
        "Pull, left / right: {}.\nDifference, left - right: {}.\n",
        join(pulls),
        join(differences)
    )
}

fn streak_line(weeks: u32, left: u32) -> String {
    let more = format!("{left} more {}", plural(left, "session"));
    match (weeks, left) {
        (0, _) => format!("Streak: none yet; {more} this week would start one.\n"),
        (n, 0) => format!(
            "Streak: {n} {} in a row meeting the goal.\n",
            plural(n, "week")
        ),
        (n, _) => format!(
            "Streak: {n} {} in a row meeting the goal; {more} this week would keep it going.\n",
            plural(n, "week")
        ),
    }
}

fn tension(record: &Record) -> String {
    let score = |t: Option<u8>| t.map_or("-".to_string(), |t| t.to_string());
    if record.tension_before.is_none() && record.tension_after.is_none() {
        return String::new();
    }
    format!(
        "{} -> {}",
        score(record.tension_before),
        score(record.tension_after)
    )
}

/// `-2.5`, `+0.3`, `0.0`.
fn signed(value: f64) -> String {
    let text = format!("{value:+.1}");
    match text.as_str() {
        "+0.0" | "-0.0" => "0.0".to_string(),
        _ => text,
    }
}

/// Text from the file as one safe table cell.
fn cell(text: &str) -> String {
    sanitize(text).replace('\n', " ")
}

/// [`format::plural`](crate::format::plural) for the counts of the history, kept as `u32`.
pub(super) fn plural(n: u32, word: &str) -> String {
    crate::format::plural(n as usize, word)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::history::{SidePull, sample, summarize};

    #[test]
    fn the_side_trend_shows_the_first_and_the_latest_checks() {
        let check = |day: u32, left: Option<u8>, right: Option<u8>| {
            let mut record = sample(&format!("2026-11-{day:02}T08:00:00+01:00"));
            record.side_pull = SidePull::new(left, right);
            SideCheck::of(&record).unwrap()
        };
        assert_eq!(side_trend(&[]), "");
        let checks = [
            check(1, Some(8), Some(3)),
            check(2, Some(7), Some(3)),
            check(3, Some(6), None),
            check(4, Some(5), Some(4)),
            check(5, Some(4), Some(4)),
            check(6, Some(3), Some(5)),
        ];
        assert_eq!(
            side_trend(&checks),
            "Pull, left / right: 8/3 (Nov 1) → … → 6/- (Nov 3) → 5/4 (Nov 4) → 4/4 (Nov 5) → \
             3/5 (Nov 6).\n\
             Difference, left - right: +5 → … → - → +1 → 0 → -2.\n"
        );
    }

    fn record(started_at: &str, finished: bool, tension: (Option<u8>, Option<u8>)) -> Record {
        let mut i = sample(started_at);
        i.finished = finished;
        (i.tension_before, i.tension_after) = tension;
        i
    }

    #[test]
    fn the_table_shows_local_times_held_time_and_tension() {
        let mut quit = record("2026-11-21T18:05:00+01:00", false, (None, Some(4)));
        quit.held_seconds = 250;
        let mut skipped = record("2026-11-21T17:00:00+01:00", true, (None, None));
        skipped.held_seconds = 10;
        skipped.note = None;
        quit.routine_name = "Hips\u{1b}[31m".into();
        quit.note = Some("line\nbreak".into());
        let plain = record("2026-11-24T07:30:00+01:00", true, (None, None));
        let text = sessions_table(&[plain, quit, skipped], 300);
        assert_eq!(
            text,
            "  Tue 2026-11-24 07:30  Daily release   9:00 of 9:00  finished                   tight after the drive\n  \
             Sat 2026-11-21 18:05  Hips\\u{1b}[31m  4:10 of 9:00  quit early, short  - -> 4  line break\n  \
             Sat 2026-11-21 17:00  Daily release   0:10 of 9:00  finished, short\n"
        );
    }

    #[test]
    fn routine_names_in_japanese_or_with_accents_line_up() {
        let mut wide = record("2026-11-24T07:30:00+01:00", true, (None, None));
        wide.routine_name = "朝のストレッチ".into();
        wide.note = None;
        let mut accent = record("2026-11-23T07:30:00+01:00", true, (None, None));
        accent.routine_name = "Détente".into();
        accent.note = None;
        assert_eq!(
            sessions_table(&[wide, accent], 300),
            "  Tue 2026-11-24 07:30  朝のストレッチ  9:00 of 9:00  finished\n  \
             Mon 2026-11-23 07:30  Détente         9:00 of 9:00  finished\n"
        );
    }

    #[test]
    fn the_streak_line_says_what_keeps_it_going() {
        assert_eq!(
            streak_line(0, 3),
            "Streak: none yet; 3 more sessions this week would start one.\n"
        );
        assert_eq!(
            streak_line(1, 0),
            "Streak: 1 week in a row meeting the goal.\n"
        );
        assert_eq!(
            streak_line(4, 1),
            "Streak: 4 weeks in a row meeting the goal; 1 more session this week would keep it going.\n"
        );
    }

    #[test]
    fn signs_are_shown_and_zero_has_none() {
        assert_eq!(signed(-2.26), "-2.3");
        assert_eq!(signed(0.34), "+0.3");
        assert_eq!(signed(-0.01), "0.0");
    }

    #[test]
    fn the_heading_says_how_many_of_how_many() {
        let since = NaiveDate::from_ymd_opt(2026, 11, 1);
        let s = |matched, since| Selection { matched, since };
        assert_eq!(table_heading(1, s(1, None)), "1 session:\n");
        assert_eq!(
            table_heading(3, s(3, since)),
            "3 sessions since 2026-11-01, newest first:\n"
        );
        assert_eq!(
            table_heading(10, s(25, None)),
            "Last 10 of 25 sessions, newest first:\n"
        );
    }

    #[test]
    fn a_since_that_matches_nothing_says_so() {
        let records = [record(
            "2026-11-24T07:30:00+01:00",
            true,
            (Some(5), Some(3)),
        )];
        let now = DateTime::parse_from_rfc3339("2026-11-25T12:00:00+01:00").unwrap();
        let summary = summarize(&records, now, 3);
        let since = NaiveDate::from_ymd_opt(2026, 11, 25);
        let text = text(&[], Selection { matched: 0, since }, &summary);
        assert!(text.starts_with(
            "No sessions since 2026-11-25.\n\nThis week: 1 of 3 sessions, 2 to go.\n"
        ));
        assert!(text.ends_with(
            "Average tension change: -2.0 per session (1 session with both check-ins, last 12 weeks).\n"
        ));
    }
}
