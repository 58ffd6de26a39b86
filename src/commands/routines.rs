//! `psoas routines`: plans every routine to measure it; [`render::routines`]
//! prints each with its step count and planned length.
//!
//! [`render::routines`]: crate::render::routines

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::context::Context;
use crate::engine::{Plan, PlanSettings, Stage};
use crate::render::ListFormat;
use crate::render::routines::{self, Row};

/// How `psoas routines` lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoutinesOptions {
    /// Text or JSON.
    pub format: ListFormat,
}

pub(crate) fn execute(
    context: &Context,
    args: &RoutinesOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    // Lengths of the routines as written, whatever conditions are set, the
    // first time and once familiar. The config first: its problems are
    // reported before the library's.
    let settings = PlanSettings {
        conditions: Vec::new(),
        ..context.plan_settings(&[])?
    };
    let library = context.library(Vec::new())?;
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
            familiar_seconds: Plan::familiar_length(routine, &library, &settings)?,
            warm_up: routine.warm_up,
            source: routine.origin.to_string(),
        });
    }
    let default = context.config()?.default_routine();
    routines::write(&rows, default, args.format, out)?;
    Ok(ExitCode::SUCCESS)
}
