//! `psoas history`: the last sessions, this week against the weekly goal,
//! the streak, a chart of the last twelve weeks with the tension week by
//! week, the average tension change and any level worth trying, as text or
//! JSON.
//!
//! `--since` and `--limit` choose which sessions are listed; the week counts,
//! the streak and the tension change always cover the whole history. The goal
//! is `--goal`, else the config's `weekly_goal`, else 3. Lines of the file that
//! cannot be read are reported on stderr and counted in the JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::app::Context;
use crate::diagnostic::sanitize;
use crate::history::progress::{self, Suggestion};
use crate::history::report::{self, Selection};
use crate::history::{History, Newest, Record, Skipped, Summary, Tally};
use crate::now::now;
use crate::render::ListFormat;

/// Which sessions `psoas history` lists, the goal, and how it prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryOptions {
    /// Only sessions on or after this date are listed.
    pub since: Option<NaiveDate>,
    /// At most this many recent sessions are listed.
    pub limit: usize,
    /// Sessions a week to aim for; none is the config's.
    pub goal: Option<u32>,
    pub format: ListFormat,
}

pub fn execute(context: &Context, args: HistoryOptions, out: &mut impl Write) -> Result<ExitCode> {
    let config = context.config()?;
    let now = now()?;
    let goal = args.goal.unwrap_or_else(|| config.weekly_goal());
    let history = History::at(&context.dirs.state_dir);
    let mut tally = Tally::new(now, goal);
    let mut newest = Newest::new(args.since, args.limit);
    let skipped = history.scan(|record| {
        tally.add(&record);
        newest.offer(record);
    })?;
    let file = history.path().display().to_string();
    let mut stderr = io::stderr().lock();
    for warning in skipped.warnings(&file) {
        let _ = writeln!(stderr, "psoas: warning: {}", sanitize(&warning));
    }

    let summary = tally.finish();
    let (sessions, matched) = newest.finish();
    let text = match args.format {
        ListFormat::Json => json(&file, &skipped, &sessions, &summary)?,
        ListFormat::Text if summary.all_sessions == 0 => {
            report::no_sessions(&sanitize(&file), summary.goal)
        }
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

#[derive(Serialize)]
struct Json<'a> {
    file: &'a str,
    /// Every readable session in the file.
    all_sessions: usize,
    sessions: Vec<JsonSession<'a>>,
    this_week: u32,
    goal: u32,
    goal_met: bool,
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
    /// Sessions too short to count.
    short: u32,
    goal_met: bool,
    /// Averages over the week's sessions with both check-ins, to two decimals.
    tension_before: Option<f64>,
    tension_after: Option<f64>,
}

fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn json(file: &str, skipped: &Skipped, sessions: &[Record], summary: &Summary) -> Result<String> {
    let weeks = summary
        .weeks
        .iter()
        .map(|w| JsonWeek {
            week: w.week.to_string(),
            start: w.week.monday(),
            sessions: w.sessions,
            finished: w.finished,
            short: w.short,
            goal_met: w.sessions >= summary.goal,
            tension_before: w.tension.before().map(two_decimals),
            tension_after: w.tension.after().map(two_decimals),
        })
        .collect();
    let sessions = sessions
        .iter()
        .map(|record| JsonSession {
            record,
            counted: record.counts(),
        })
        .collect();
    let value = Json {
        file,
        all_sessions: summary.all_sessions,
        sessions,
        this_week: summary.this_week,
        goal: summary.goal,
        goal_met: summary.goal_met(),
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
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}
