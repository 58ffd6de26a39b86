//! `psoas routines`: every routine with its step count and planned length.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::app::Context;
use crate::engine::{Plan, PlanSettings, Stage};
use crate::format::{clock, count, table};
use crate::render::ListFormat;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    summary: Option<&'a str>,
    steps: usize,
    holds: usize,
    total_seconds: u32,
    warm_up: bool,
    source: String,
}

/// How `psoas routines` lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutinesOptions {
    pub format: ListFormat,
}

pub fn execute(context: &Context, args: RoutinesOptions, out: &mut impl Write) -> Result<ExitCode> {
    let library = context.library(Vec::new())?;
    // Lengths of the routines as written, whatever conditions are set.
    let settings = PlanSettings {
        conditions: Vec::new(),
        ..context.plan_settings(&[])?
    };
    let mut rows = Vec::new();
    for routine in library.routines() {
        let plan = Plan::build(routine, &library, &settings)?;
        rows.push(Row {
            id: &routine.id,
            name: &routine.name,
            summary: routine.summary.as_deref(),
            steps: plan.step_count(Stage::Main),
            holds: plan.hold_count(),
            total_seconds: plan.total(),
            warm_up: routine.warm_up,
            source: routine.origin.to_string(),
        });
    }
    match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            let default = context.config()?.default_routine();
            let cells: Vec<[String; 4]> = rows
                .iter()
                .map(|r| {
                    let id = if r.id == default {
                        format!("{} (default)", r.id)
                    } else {
                        r.id.to_string()
                    };
                    [
                        id,
                        r.name.to_string(),
                        count(r.steps, "step"),
                        clock(r.total_seconds),
                    ]
                })
                .collect();
            write!(out, "{}", table(&cells, ""))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
