//! `psoas print`: a routine as a sheet to read or keep, in text, Markdown or
//! JSON, built from the engine's plan.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::context::Context;
use crate::engine::{LeftOut, Level, Plan, PlanSettings};
use crate::library::{Condition, Library, Routine};
use crate::render::{SheetFormat, sheet};

/// Which routine `psoas print` prints, and how.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PrintOptions {
    /// A routine id or the path of a routine file; none is the default routine.
    pub routine: Option<String>,
    /// Text, Markdown or JSON.
    pub format: SheetFormat,
    /// The level to lay the holds out at; none is the config's.
    pub level: Option<Level>,
    /// Conditions to leave exercises out for, besides the config's.
    pub conditions: Vec<Condition>,
}

pub(crate) fn execute(
    context: &Context,
    args: &PrintOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let (library, routine) = context.library_and_routine(args.routine.as_deref())?;
    let mut settings = context.plan_settings(&args.conditions)?;
    if let Some(level) = args.level {
        settings.level = level;
    }
    write_sheet(&routine, &library, &settings, None, args.format, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Plans `routine` and writes it as a sheet, with its length once familiar:
/// how `print` and `plan` both lay a routine out. `left_out`, when given,
/// names the exercises left out in place of those the plan found.
pub(super) fn write_sheet<'a>(
    routine: &'a Routine,
    library: &'a Library,
    settings: &PlanSettings,
    left_out: Option<Vec<LeftOut<'a>>>,
    format: SheetFormat,
    out: &mut impl Write,
) -> Result<()> {
    let mut plan = Plan::build(routine, library, settings)?;
    if let Some(left_out) = left_out {
        plan.left_out = left_out;
    }
    let familiar = Plan::familiar_length(routine, library, settings)?;
    sheet::write(&plan, familiar, routine.summary.as_deref(), format, out)
}
