//! What `psoas list` prints: exercises grouped by position as a table, or as
//! JSON, with those to avoid for the given conditions marked.

use std::io::Write;

use anyhow::Result;

use crate::format::table;
use crate::library::{Condition, Exercise, Position};
use crate::render::ListFormat;
use crate::words::hold_text;

/// Writes `exercises` in `format`, marking those to avoid with `conditions`.
pub(crate) fn write(
    exercises: &[&Exercise],
    conditions: &[Condition],
    format: ListFormat,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        ListFormat::Json => write_json(exercises, conditions, out),
        ListFormat::Text => write_text(exercises, conditions, out),
    }
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
