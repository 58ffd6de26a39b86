//! `psoas history`: the last sessions, this week against the weekly goal,
//! the streak, a chart of the last twelve weeks and the average tension
//! change, as text or JSON.
//!
//! `--since` and `--limit` choose which sessions are listed; the week counts,
//! the streak and the tension change always cover the whole history. The goal
//! is `--goal`, else the config's `weekly_goal`, else 3. Lines of the file that
//! cannot be read are reported on stderr and counted in the JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Local, NaiveDate};
use serde::Serialize;

use crate::app::Context;
use crate::cli::{HistoryArgs, ListFormat};
use crate::diagnostic::sanitize;
use crate::history::report::{self, Selection};
use crate::history::{Contents, History, Record, Summary, summarize};

pub fn execute(context: &Context, args: HistoryArgs, out: &mut impl Write) -> Result<ExitCode> {
    let now = now()?;
    let goal = args.goal.unwrap_or_else(|| context.config.weekly_goal());
    let history = History::at(&context.dirs.state_dir);
    let contents = history.read()?;
    let file = history.path().display().to_string();
    let mut stderr = io::stderr().lock();
    for warning in contents.warnings(&file) {
        let _ = writeln!(stderr, "psoas: warning: {}", sanitize(&warning));
    }

    let summary = summarize(&contents.records, now, goal);
    let (sessions, matched) = select(&contents.records, args.since, args.limit);
    let text = match args.format {
        ListFormat::Json => json(&file, &contents, &sessions, &summary)?,
        ListFormat::Text if contents.records.is_empty() => report::no_sessions(&file, summary.goal),
        ListFormat::Text => report::text(
            &sessions,
            Selection {
                matched,
                since: args.since,
            },
            &summary,
        ),
    };
    // One write; an error (such as a closed pipe) goes back to `app`.
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The current time, or `PSOAS_NOW` (an RFC 3339 time with an offset), which
/// exists for tests and benchmarks that need a fixed "now".
fn now() -> Result<DateTime<FixedOffset>> {
    match std::env::var("PSOAS_NOW") {
        Ok(text) if !text.is_empty() => DateTime::parse_from_rfc3339(&text).with_context(|| {
            format!(
                "PSOAS_NOW is {text:?}, not an RFC 3339 time with an offset such as \
                 2026-11-25T12:00:00+01:00"
            )
        }),
        _ => Ok(Local::now().fixed_offset()),
    }
}

/// The newest `limit` sessions on or after `since` (a date on the calendar of
/// each session), newest first, and how many passed `since`. Linear in the
/// number of records.
fn select(records: &[Record], since: Option<NaiveDate>, limit: usize) -> (Vec<&Record>, usize) {
    let mut chosen: Vec<(usize, &Record)> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| since.is_none_or(|d| r.started_at.date_naive() >= d))
        .collect();
    let matched = chosen.len();
    // Newest first; of two at the same instant, the one written later first.
    let newest_first = |a: &(usize, &Record), b: &(usize, &Record)| {
        (b.1.started_at, b.0).cmp(&(a.1.started_at, a.0))
    };
    if chosen.len() > limit {
        if limit > 0 {
            chosen.select_nth_unstable_by(limit - 1, newest_first);
        }
        chosen.truncate(limit);
    }
    chosen.sort_by(newest_first);
    (chosen.into_iter().map(|(_, r)| r).collect(), matched)
}

#[derive(Serialize)]
struct Json<'a> {
    file: &'a str,
    sessions: &'a [&'a Record],
    this_week: u32,
    goal: u32,
    goal_met: bool,
    streak_weeks: u32,
    weeks: Vec<JsonWeek>,
    /// Rounded to two decimals; `null` without sessions that have both check-ins.
    average_tension_change: Option<f64>,
    tension_sessions: u32,
    unreadable_lines: usize,
    cut_off_last_line: bool,
}

#[derive(Serialize)]
struct JsonWeek {
    week: String,
    start: NaiveDate,
    sessions: u32,
    finished: u32,
    goal_met: bool,
}

fn json(
    file: &str,
    contents: &Contents,
    sessions: &[&Record],
    summary: &Summary,
) -> Result<String> {
    let weeks = summary
        .weeks
        .iter()
        .map(|w| JsonWeek {
            week: w.week.to_string(),
            start: w.week.monday(),
            sessions: w.sessions,
            finished: w.finished,
            goal_met: w.sessions >= summary.goal,
        })
        .collect();
    let value = Json {
        file,
        sessions,
        this_week: summary.this_week,
        goal: summary.goal,
        goal_met: summary.goal_met(),
        streak_weeks: summary.streak_weeks,
        weeks,
        average_tension_change: summary.tension.map(|t| (t.average * 100.0).round() / 100.0),
        tension_sessions: summary.tension.map_or(0, |t| t.sessions),
        unreadable_lines: contents.unreadable.len(),
        cut_off_last_line: contents.cut_off_line.is_some(),
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::history::RecordInput;

    fn record(started_at: &str) -> Record {
        Record::new(RecordInput {
            started_at: DateTime::parse_from_rfc3339(started_at).unwrap(),
            routine_id: "daily".into(),
            routine_name: "Daily".into(),
            planned_seconds: 60,
            held_seconds: 60,
            holds_done: 2,
            holds_skipped: 0,
            finished: true,
            tension_before: None,
            tension_after: None,
            note: None,
        })
    }

    #[test]
    fn select_takes_the_newest_within_since() {
        let records = vec![
            record("2026-11-02T10:00:00+01:00"),
            record("2026-11-04T10:00:00+01:00"),
            record("2026-11-01T00:30:00+01:00"), // Oct 31 in UTC, Nov 1 locally
            record("2026-11-03T10:00:00+01:00"),
            record("2026-10-31T10:00:00+01:00"),
        ];
        let day = |r: &&Record| r.started_at.format("%d").to_string();
        let since = NaiveDate::from_ymd_opt(2026, 11, 1);
        let (chosen, matched) = select(&records, since, 10);
        assert_eq!(matched, 4);
        assert_eq!(
            chosen.iter().map(day).collect::<Vec<_>>(),
            ["04", "03", "02", "01"]
        );
        let (chosen, matched) = select(&records, None, 2);
        assert_eq!(matched, 5);
        assert_eq!(chosen.iter().map(day).collect::<Vec<_>>(), ["04", "03"]);
        assert!(select(&records, None, 0).0.is_empty());
    }
}
