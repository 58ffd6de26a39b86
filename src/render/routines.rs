//! What `psoas routines` prints: a table of every routine with its step
//! count and planned length, the first time and once familiar, the default
//! marked, or JSON.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::format::{count, table};
use crate::render::ListFormat;
use crate::words::lengths;

/// One routine, measured by its plan.
#[derive(Serialize)]
pub(crate) struct Row<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub summary: Option<&'a str>,
    /// Steps of the routine itself, the warm-up left out.
    pub steps: usize,
    pub holds: usize,
    /// The length the first time, every exercise told in full.
    pub total_seconds: u32,
    /// The length once every exercise is familiar and told briefly.
    pub familiar_seconds: u32,
    pub warm_up: bool,
    /// Where the routine was defined.
    pub source: String,
}

/// Writes `rows` in `format`; in text, the routine `default` is marked.
pub(crate) fn write(
    rows: &[Row<'_>],
    default: &str,
    format: ListFormat,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
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
                        lengths(r.total_seconds, r.familiar_seconds),
                    ]
                })
                .collect();
            write!(out, "{}", table(&cells, ""))?;
        }
    }
    Ok(())
}
