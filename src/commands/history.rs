//! `psoas history`: the last sessions, this week against the weekly goal,
//! the streak, a chart of the last twelve weeks with the tension week by
//! week, the average tension change, any level worth trying and the last
//! days at the desk (breaks and nudges beside the sessions), as text or JSON.
//!
//! `--since` and `--limit` choose which sessions are listed; the week counts,
//! the streak and the tension change always cover the whole history. The goal
//! is `--goal`, else the config's `weekly_goal`, else 3. Lines of the file that
//! cannot be read are reported on stderr and counted in the JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use crate::context::Context;
use crate::diagnostic::sanitize;
use crate::history::{DeskDays, Entry, History, Newest, Tally};
use crate::now::now;
use crate::render::ListFormat;
use crate::render::history::{Selection, desk, json, report};

/// Which sessions `psoas history` lists, the goal, and how it prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HistoryOptions {
    /// Only sessions on or after this date are listed.
    pub since: Option<NaiveDate>,
    /// At most this many recent sessions are listed.
    pub limit: usize,
    /// Sessions a week to aim for; none is the config's.
    pub goal: Option<u32>,
    /// Text with a chart, or JSON.
    pub format: ListFormat,
}

pub(crate) fn execute(
    context: &Context,
    args: &HistoryOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let config = context.config()?;
    let now = now()?;
    let goal = args.goal.unwrap_or_else(|| config.weekly_goal());
    let history = History::at(&context.dirs.state_dir);
    let mut tally = Tally::new(now, goal, config.min_held_seconds());
    let mut newest = Newest::new(args.since, args.limit);
    let mut desk_days = DeskDays::new(now, config.min_held_seconds());
    let skipped = history.scan_entries(|entry| match entry {
        Entry::Session(record) => {
            tally.add(&record);
            desk_days.add_session(&record);
            newest.offer(record);
        }
        Entry::Desk(event) => desk_days.add_event(event),
    })?;
    let file = history.path().display().to_string();
    let mut stderr = io::stderr().lock();
    for warning in skipped.warnings(&file) {
        let _ = writeln!(stderr, "psoas: warning: {}", sanitize(&warning));
    }

    let summary = tally.finish();
    let days = desk_days.finish();
    let (sessions, matched) = newest.finish();
    let text = match args.format {
        ListFormat::Json => json::text(&file, &skipped, &sessions, &summary, &days)?,
        ListFormat::Text if summary.all_sessions == 0 => {
            report::no_sessions(&sanitize(&file), summary.goal) + &desk::text(&days)
        }
        ListFormat::Text => {
            report::text(
                &sessions,
                Selection {
                    matched,
                    since: args.since,
                },
                &summary,
            ) + &desk::text(&days)
        }
    };
    // One write; an error (such as a closed pipe) goes back to `app`.
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
