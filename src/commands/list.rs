//! `psoas list`: exercises filtered by position, kind and equipment, printed
//! by [`render::list`](crate::render::list) with those to avoid for the given
//! conditions marked.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::context::Context;
use crate::library::{Condition, Equipment, Exercise, Kind, Position};
use crate::render::{ListFormat, list};

/// What `psoas list` shows, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListOptions {
    /// Only exercises done in this position.
    pub position: Option<Position>,
    /// Only exercises of this kind.
    pub kind: Option<Kind>,
    /// Only exercises that use this equipment.
    pub equipment: Option<Equipment>,
    /// Conditions to mark exercises for, besides the config's.
    pub conditions: Vec<Condition>,
    /// Text or JSON.
    pub format: ListFormat,
}

pub(crate) fn execute(
    context: &Context,
    args: &ListOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    // The config first: its problems are reported before the library's.
    let conditions = context.plan_settings(&args.conditions)?.conditions;
    let library = context.library(Vec::new())?;
    let chosen: Vec<&Exercise> = library
        .exercises()
        .iter()
        .filter(|e| args.position.is_none_or(|p| e.position == p))
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .filter(|e| args.equipment.is_none_or(|q| e.equipment.contains(&q)))
        .collect();
    list::write(&chosen, &conditions, args.format, out)?;
    Ok(ExitCode::SUCCESS)
}
