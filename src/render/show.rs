//! What `psoas show` prints: one exercise in full, as text (with its
//! figure in braille when there is room for one) or JSON, or its figure
//! alone as SVG.

use std::io::Write;

use anyhow::Result;

use crate::figure::{Figure, Scene, braille};
use crate::library::Exercise;
use crate::library::Side;
use crate::render::ShowFormat;
use crate::words::{STOP_RULE, caution_listed, hold_text};

/// The height of a figure written alone, in pixels.
const SVG_HEIGHT: u32 = 320;

/// A figure's place in `show`'s text: the side it is drawn for and the
/// columns and rows it may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Room {
    pub side: Side,
    pub columns: usize,
    pub rows: usize,
}

/// Writes `exercise` in `format`; in text, its figure too when `room` is
/// given and it has one.
pub(crate) fn write(
    exercise: &Exercise,
    format: ShowFormat,
    room: Option<Room>,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, exercise)?;
            writeln!(out)?;
            Ok(())
        }
        ShowFormat::Text | ShowFormat::Svg => write_text(exercise, room, out),
    }
}

/// The figure of `exercise` as an SVG document, for `side`: `figure` is its
/// own, or that of `phase` (from 1) when one is named.
pub(crate) fn svg(
    exercise: &Exercise,
    figure: &Figure,
    phase: Option<usize>,
    side: Side,
) -> String {
    let side_named = exercise.each_side.then_some(side);
    let title = match phase {
        Some(n) => crate::words::phase_figure_title(&exercise.name, n, side_named),
        None => crate::words::figure_title(&exercise.name, side_named),
    };
    crate::figure::svg::render(&Scene::of(figure, side), SVG_HEIGHT, &title)
}

fn write_text(e: &Exercise, room: Option<Room>, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{} ({})", e.name, e.id)?;
    if let (Some(figure), Some(room)) = (&e.figure, room) {
        writeln!(out)?;
        let scene = Scene::of(figure, room.side);
        for line in braille::render(&scene, room.columns, room.rows) {
            writeln!(out, "  {line}")?;
        }
    }
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
            // Where the position changes, the picture of the new one,
            // smaller than the exercise's and set in under its words.
            if let (Some(figure), Some(room)) = (&phase.figure, room) {
                let scene = Scene::of(figure, room.side);
                let rows = (room.rows * 2 / 3).max(1);
                for line in braille::render(&scene, room.columns, rows) {
                    writeln!(out, "         {line}")?;
                }
            }
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
