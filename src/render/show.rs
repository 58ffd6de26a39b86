//! What `psoas show` prints: one exercise in full, as text or JSON.

use std::io::Write;

use anyhow::Result;

use crate::format::hold_text;
use crate::library::Exercise;
use crate::render::ListFormat;
use crate::words::{STOP_RULE, caution_listed};

/// Writes `exercise` in `format`.
pub fn write(exercise: &Exercise, format: ListFormat, out: &mut impl Write) -> Result<()> {
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, exercise)?;
            writeln!(out)?;
            Ok(())
        }
        ListFormat::Text => write_text(exercise, out),
    }
}

fn write_text(e: &Exercise, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{} ({})", e.name, e.id)?;
    let mut facts = vec![
        e.kind.to_string(),
        e.position.to_string(),
        hold_text(e, e.hold),
    ];
    if !e.equipment.is_empty() {
        facts.push(format!(
            "equipment: {}",
            e.equipment
                .iter()
                .map(|q| q.name())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    if !e.avoid_if.is_empty() {
        writeln!(
            out,
            "Avoid with: {}",
            e.avoid_if
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    // The family's ladder: what a level moves to, and what to go back to.
    let variants: Vec<String> = [("Easier", &e.easier), ("Harder", &e.harder)]
        .into_iter()
        .filter_map(|(label, id)| Some(format!("{label}: {}", id.as_deref()?)))
        .collect();
    if !variants.is_empty() {
        writeln!(out, "{}", variants.join(" · "))?;
    }
    list(out, "Get into position", &e.setup, true)?;
    if !e.phases.is_empty() {
        writeln!(out, "\nSequence")?;
        for (i, phase) in e.phases.iter().enumerate() {
            writeln!(out, "  {}. {:>3} s  {}", i + 1, phase.hold, phase.cue)?;
        }
    }
    list(out, "During the hold", &e.cues, false)?;
    if let Some(b) = e.breathing {
        writeln!(
            out,
            "\nBreathing: in for {} s, out for {} s",
            b.inhale, b.exhale
        )?;
    }
    let cautions: Vec<String> = e.cautions.iter().map(caution_listed).collect();
    list(out, "Cautions", &cautions, false)?;
    // The rule for every exercise, which the exercises do not each repeat.
    writeln!(out, "\n{STOP_RULE}")?;
    writeln!(out, "\nDefined at {}", e.origin)?;
    Ok(())
}

fn list(out: &mut impl Write, title: &str, items: &[String], numbered: bool) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title}")?;
    for (i, item) in items.iter().enumerate() {
        if numbered {
            writeln!(out, "  {}. {item}", i + 1)?;
        } else {
            writeln!(out, "  - {item}")?;
        }
    }
    Ok(())
}
