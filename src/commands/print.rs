//! `psoas print`: a routine as a sheet to read or keep, in text, Markdown or
//! JSON, built from the engine's plan.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::app::Context;
use crate::cli::PrintArgs;
use crate::engine::Plan;
use crate::render::sheet;

pub fn execute(context: &Context, args: PrintArgs, out: &mut impl Write) -> Result<ExitCode> {
    let (library, routine) = context.library_and_routine(args.routine.as_deref())?;
    let mut settings = context.plan_settings(&args.conditions.conditions);
    if let Some(level) = args.level.level {
        settings.level = level;
    }
    let plan = Plan::build(&routine, &library, &settings)?;
    sheet::write(&plan, routine.summary.as_deref(), args.format, out)?;
    Ok(ExitCode::SUCCESS)
}
