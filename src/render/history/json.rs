//! `psoas history --format json`: the sessions listed, each with whether it
//! counted, the weeks of the chart, the goal, the streak, the tension change,
//! the level worth trying, the last days at the desk, and what of the file
//! could not be read.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::history::progress::{self, Suggestion};
use crate::history::{DeskDay, Record, SideCheck, Skipped, Standing, Summary};

#[derive(Serialize)]
struct Json<'a> {
    file: &'a str,
    /// Every readable session in the file.
    all_sessions: usize,
    sessions: Vec<JsonSession<'a>>,
    this_week: u32,
    goal: u32,
    goal_met: bool,
    /// The minutes of holding a session needs to count.
    min_held_minutes: u32,
    streak_weeks: u32,
    weeks: Vec<JsonWeek>,
    /// Rounded to two decimals; `null` without sessions that have both check-ins.
    average_tension_change: Option<f64>,
    tension_sessions: u32,
    /// The level of the newest session.
    level: u8,
    /// The level worth trying next, when a change is worth suggesting.
    suggested_level: Option<u8>,
    unreadable_lines: usize,
    cut_off_last_line: bool,
    /// Records passed over as the same as one before them.
    duplicate_records: usize,
    /// Every side check, oldest first: each side's pull and left minus right.
    side_checks: &'a [SideCheck],
    /// The last days at the desk, oldest first (see `days` below).
    days: Vec<JsonDay>,
}

/// One day at the desk: the sessions, the breaks (5 minutes away, a locked
/// screen, or a session too short to count), the nudges, and those of them
/// followed by neither a break nor a session.
#[derive(Serialize)]
struct JsonDay {
    date: NaiveDate,
    sessions: u32,
    breaks: u32,
    nudges: u32,
    ignored_nudges: u32,
}

/// A session as the file keeps it, and whether it counted toward the goal.
#[derive(Serialize)]
struct JsonSession<'a> {
    #[serde(flatten)]
    record: &'a Record,
    counted: bool,
}

#[derive(Serialize)]
struct JsonWeek {
    week: String,
    start: NaiveDate,
    /// Sessions that count toward the goal.
    sessions: u32,
    finished: u32,
    /// Sessions too short to count: less than half their holding held.
    short: u32,
    /// Sessions that held less than the minimum a session needs.
    breaks: u32,
    goal_met: bool,
    /// Averages over the week's sessions with both check-ins, to two decimals.
    tension_before: Option<f64>,
    tension_after: Option<f64>,
}

fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The whole report as pretty-printed JSON, ending in a newline.
pub(crate) fn text(
    file: &str,
    skipped: &Skipped,
    sessions: &[Record],
    summary: &Summary,
    days: &[DeskDay],
) -> Result<String> {
    let weeks = summary
        .weeks
        .iter()
        .map(|w| JsonWeek {
            week: w.week.to_string(),
            start: w.week.monday(),
            sessions: w.sessions,
            finished: w.finished,
            short: w.short,
            breaks: w.breaks,
            goal_met: w.sessions >= summary.goal,
            tension_before: w.tension.before().map(two_decimals),
            tension_after: w.tension.after().map(two_decimals),
        })
        .collect();
    let sessions = sessions
        .iter()
        .map(|record| JsonSession {
            record,
            counted: record.standing(summary.min_held_seconds) == Standing::Counted,
        })
        .collect();
    let value = Json {
        file,
        all_sessions: summary.all_sessions,
        sessions,
        this_week: summary.this_week,
        goal: summary.goal,
        goal_met: summary.goal_met(),
        min_held_minutes: summary.min_held_seconds / 60,
        streak_weeks: summary.streak_weeks,
        weeks,
        average_tension_change: summary.tension.map(|t| two_decimals(t.average)),
        tension_sessions: summary.tension.map_or(0, |t| t.sessions),
        level: summary.level,
        suggested_level: progress::suggest(summary).map(|s| match s {
            Suggestion::Up { to, .. } | Suggestion::Down { to, .. } => to,
        }),
        unreadable_lines: skipped.unreadable.len(),
        cut_off_last_line: skipped.cut_off_line.is_some(),
        duplicate_records: skipped.duplicates,
        side_checks: &summary.side_checks,
        days: days
            .iter()
            .map(|d| JsonDay {
                date: d.date,
                sessions: d.sessions,
                breaks: d.breaks,
                nudges: d.nudges,
                ignored_nudges: d.ignored,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}
