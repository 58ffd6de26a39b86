//! `psoas plan --minutes N`: a routine built to fit the time, printed as a
//! sheet, and with `--save NAME` kept as a routine file that `psoas run NAME`
//! runs.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::context::Context;
use crate::diagnostic::sanitize;
use crate::engine::{LeftOut, Level};
use crate::files::{Existing, write_whole};
use crate::library::{
    Condition, Equipment, Layer, Library, Position, Routine, is_kebab_case, routine_file,
};
use crate::planner::{self, PlanRequest};
use crate::render::SheetFormat;

/// What `psoas plan` is asked to build, and what to do with it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlanOptions {
    /// The length to fill, in minutes.
    pub minutes: u32,
    /// Positions to choose from; none is all of them.
    pub positions: Vec<Position>,
    /// Equipment at hand; none is no equipment.
    pub equipment: Vec<Equipment>,
    /// Conditions to leave exercises out for, besides the config's.
    pub conditions: Vec<Condition>,
    /// Varies the choice; the same seed gives the same routine.
    pub seed: u64,
    /// Exercises to include, by id.
    pub with: Vec<String>,
    /// Text, Markdown or JSON.
    pub format: SheetFormat,
    /// Save the plan as a routine of this name.
    pub save: Option<String>,
    /// Replace an existing routine file when saving.
    pub force: bool,
    /// The level to lay the holds out at; none is the config's.
    pub level: Option<Level>,
}

pub(crate) fn execute(
    context: &Context,
    args: PlanOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    // The config first: its problems are reported before any other.
    let mut settings = context.plan_settings(&args.conditions)?;
    if let Some(name) = &args.save
        && !is_kebab_case(name)
    {
        bail!(
            "`{name}` cannot be a routine name: use lowercase letters, digits and single dashes, like `my-ten-minutes`"
        );
    }
    let library = context.library(Vec::new())?;
    if let Some(level) = args.level {
        settings.level = level;
    }
    let mut request = PlanRequest {
        positions: args.positions,
        equipment: args.equipment,
        seed: args.seed,
        with: args.with,
        ..PlanRequest::new(args.minutes, &settings)
    };
    planner::check_with(&library, &request)?;
    if let Some(name) = &args.save {
        request.id.clone_from(name);
    }
    let routine = planner::plan(&library, &request)?;
    if let Some(name) = &args.save {
        save(context, &library, &routine, name, args.force)?;
    }
    // The planner never picks what a condition rules out, so those exercises
    // are named here: they have no step, hence step 0.
    let left_out = planner::avoided(&library, &request)
        .into_iter()
        .map(|(exercise, condition)| LeftOut {
            step: 0,
            exercise,
            condition,
            instead: None,
        })
        .collect();
    super::print::write_sheet(
        &routine,
        &library,
        &settings,
        Some(left_out),
        args.format,
        out,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the routine to the user's routines folder as `NAME.toml`; an
/// existing file is replaced only with `force`.
fn save(
    context: &Context,
    library: &Library,
    routine: &Routine,
    name: &str,
    force: bool,
) -> Result<()> {
    let dir = context.dirs.routines_dir();
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let path = dir.join(format!("{name}.toml"));
    write_new(&path, &routine_file(routine), force)?;
    let replaces = library
        .routine(name)
        .filter(|r| r.origin.layer == Layer::BuiltIn)
        .map_or(String::new(), |_| {
            format!(" (it takes the place of the built-in routine `{name}`)")
        });
    // Stdout holds the sheet, which may be JSON for a program to read.
    let _ = writeln!(
        io::stderr(),
        "saved as {}{replaces}; `psoas run {name}` runs it",
        sanitize(&path.display().to_string())
    );
    Ok(())
}

fn write_new(path: &Path, text: &str, force: bool) -> Result<()> {
    // Through a temporary file and a rename: whatever runs at the same time,
    // the routine file is whole; a link or a FIFO there is refused.
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    match write_whole(path, text.as_bytes(), existing) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; add --force to replace it, or choose another name",
            path.display()
        ),
        Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
}
