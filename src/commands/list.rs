//! `psoas list`: exercises grouped by position, filtered by position, kind
//! and equipment, with those to avoid for the given conditions marked.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::app::Context;
use crate::format::{hold_text, table};
use crate::library::{Condition, Equipment, Exercise, Kind, Position};
use crate::render::ListFormat;

/// What `psoas list` shows, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListOptions {
    /// Only exercises done in this position.
    pub position: Option<Position>,
    /// Only exercises of this kind.
    pub kind: Option<Kind>,
    /// Only exercises that use this equipment.
    pub equipment: Option<Equipment>,
    /// Conditions to mark exercises for, besides the config's.
    pub conditions: Vec<Condition>,
    pub format: ListFormat,
}

pub fn execute(context: &Context, args: ListOptions, out: &mut impl Write) -> Result<ExitCode> {
    let library = context.library(Vec::new())?;
    let conditions = context.plan_settings(&args.conditions)?.conditions;
    let chosen: Vec<&Exercise> = library
        .exercises()
        .iter()
        .filter(|e| args.position.is_none_or(|p| e.position == p))
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .filter(|e| args.equipment.is_none_or(|q| e.equipment.contains(&q)))
        .collect();
    match args.format {
        ListFormat::Json => write_json(&chosen, &conditions, out)?,
        ListFormat::Text => write_text(&chosen, &conditions, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(
    exercises: &[&Exercise],
    conditions: &[Condition],
    out: &mut impl Write,
) -> Result<()> {
    if exercises.is_empty() {
        writeln!(out, "No exercise matches.")?;
        return Ok(());
    }
    let mut first = true;
    for position in Position::ALL {
        let group: Vec<&&Exercise> = exercises
            .iter()
            .filter(|e| e.position == *position)
            .collect();
        if group.is_empty() {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        writeln!(out, "{} ({})", heading(*position), group.len())?;
        let rows: Vec<[String; 5]> = group
            .iter()
            .map(|e| {
                let equipment = e
                    .equipment
                    .iter()
                    .map(|q| q.name())
                    .collect::<Vec<_>>()
                    .join(", ");
                let avoid: Vec<Condition> = e.avoided_with(conditions).collect();
                let mark = if avoid.is_empty() {
                    String::new()
                } else {
                    format!(
                        "AVOID ({})",
                        avoid
                            .iter()
                            .map(|c| c.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                [
                    e.id.clone(),
                    e.name.clone(),
                    e.kind.to_string(),
                    hold_text(e, e.hold),
                    [equipment, mark].join("  ").trim().to_string(),
                ]
            })
            .collect();
        write!(out, "{}", table(&rows, "  "))?;
    }
    Ok(())
}

fn heading(position: Position) -> &'static str {
    match position {
        Position::Standing => "Standing",
        Position::Seated => "Seated",
        Position::Kneeling => "Kneeling",
        Position::Lying => "Lying on the back or side",
        Position::Prone => "Lying face down",
    }
}

fn write_json(
    exercises: &[&Exercise],
    conditions: &[Condition],
    out: &mut impl Write,
) -> Result<()> {
    let items: Vec<serde_json::Value> = exercises
        .iter()
        .map(|e| {
            let mut value = serde_json::to_value(e)?;
            if !conditions.is_empty() {
                let avoid: Vec<Condition> = e.avoided_with(conditions).collect();
                value["avoid"] = serde_json::to_value(avoid)?;
            }
            Ok(value)
        })
        .collect::<Result<_, serde_json::Error>>()?;
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)?;
    Ok(())
}
