//! A routine sheet as one printable HTML page: everything inline (styles
//! and each step's figure as SVG, for each side it is done on), no scripts,
//! no fonts or images to fetch, laid out to fit A4 and Letter alike. The
//! words are the text sheet's, from the same functions, so the page is
//! complete without its figures.

use std::io::Write;

use anyhow::Result;

use super::sheet_steps::{StepGroup, main_steps, phases, warm_up_note};
use crate::engine::Plan;
use crate::figure::{Figure, Scene, svg};
use crate::format::{clock, count};
use crate::library::{Exercise, Side};
use crate::safety::adapted_line;
use crate::words::sheet as words;
use crate::words::{
    SAFETY_NOTICE, STOP_RULE, caution_listed, figure_title, left_out_line, lengths,
    phase_figure_title, side_caption,
};

/// A figure's height on the page, in CSS pixels (about 4 cm).
const FIGURE_HEIGHT: u32 = 150;

/// The page's look: the width of A4 and Letter less their margins, steps
/// kept whole on a page where they fit, figures beside the words.
const STYLE: &str = "\
@page { margin: 15mm; }
body { font: 11pt/1.4 system-ui, sans-serif; color: #1f2933; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 0 0 2pt; }
.counts, .timing { color: #52606d; margin: 0 0 6pt; }
.step { display: flow-root; break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #cbd2d9; padding: 8pt 0; }
.figures { display: flex; gap: 12pt; margin: 4pt 0; }
.step > .figures { float: right; flex-direction: column; gap: 4pt; margin: 0 0 4pt 12pt; }
figure { margin: 0; text-align: center; }
figcaption { font-size: 9pt; color: #52606d; }
figure svg { height: 32mm; width: auto; max-width: 72mm; }
li .figures figure svg { height: 22mm; max-width: 60mm; }
h3 { font-size: 10pt; margin: 6pt 0 0; }
ul, ol { margin: 2pt 0; padding-left: 16pt; }
.note { border-left: 3pt solid #9aa5b1; padding-left: 6pt; }
";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(crate) fn write(
    plan: &Plan<'_>,
    familiar: u32,
    summary: Option<&str>,
    out: &mut impl Write,
) -> Result<()> {
    let holds = plan.holds();
    let steps = main_steps(&holds);
    let name = escape(&plan.routine_name);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{name}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{name}</h1>"
    )?;
    let counts = format!(
        "{} · {} · {} · routine {}",
        lengths(plan.total(), familiar),
        count(steps.len(), "step"),
        count(holds.len(), "hold"),
        plan.routine_id
    );
    writeln!(out, "<p class=\"counts\">{}</p>", escape(&counts))?;
    if let Some(summary) = summary {
        writeln!(out, "<p class=\"note\">{}</p>", escape(summary))?;
    }
    // What a run says before its first step (a routine's safety words
    // among it), so the page says it too, as the text sheet does.
    list(out, words::BEFORE_YOU_START, &plan.before, false)?;
    let mut notes: Vec<String> = Vec::new();
    notes.extend(adapted_line(plan));
    notes.extend(crate::words::needs(plan.equipment()));
    if plan.warm_up {
        notes.push(warm_up_note(plan));
    }
    notes.extend(plan.left_out.iter().map(left_out_line));
    notes.push(STOP_RULE.to_string());
    for note in notes {
        writeln!(out, "<p class=\"note\">{}</p>", escape(&note))?;
    }
    for (i, step) in steps.iter().enumerate() {
        write_step(out, i + 1, step)?;
    }
    writeln!(
        out,
        "<p class=\"note\">{}</p>\n</body>\n</html>",
        escape(SAFETY_NOTICE)
    )?;
    Ok(())
}

fn write_step(out: &mut impl Write, n: usize, step: &StepGroup<'_, '_>) -> Result<()> {
    let e = step.exercise();
    writeln!(
        out,
        "<section class=\"step\" data-exercise=\"{}\">\n<h2>{n}. {}</h2>\n<p class=\"timing\">{}; starts at {}</p>",
        escape(&e.id),
        escape(&e.name),
        escape(&step.describe()),
        clock(step.holds[0].start)
    )?;
    if let Some(figure) = &e.figure {
        figures(out, e, figure, None)?;
    }
    list(out, words::GET_INTO_POSITION, &e.setup, true)?;
    sequence(out, e)?;
    list(out, words::DURING_THE_HOLD, &step.cues(), false)?;
    let cautions: Vec<String> = e.cautions.iter().map(caution_listed).collect();
    list(out, words::CAUTIONS, &cautions, false)?;
    writeln!(out, "</section>")?;
    Ok(())
}

/// `figure` for each side `e` is done on, captioned with the side; the
/// figure of phase `phase` (from 1) when one is named.
fn figures(
    out: &mut impl Write,
    e: &Exercise,
    figure: &Figure,
    phase: Option<usize>,
) -> Result<()> {
    writeln!(out, "<div class=\"figures\">")?;
    let sides: &[Option<Side>] = if e.each_side {
        &[Some(Side::Left), Some(Side::Right)]
    } else {
        &[None]
    };
    for side in sides {
        let scene = Scene::of(figure, side.unwrap_or(Side::Left));
        let title = match phase {
            Some(n) => phase_figure_title(&e.name, n, *side),
            None => figure_title(&e.name, *side),
        };
        write!(
            out,
            "<figure>{}",
            svg::render(&scene, FIGURE_HEIGHT, &title)
        )?;
        if let Some(side) = side {
            write!(out, "<figcaption>{}</figcaption>", side_caption(*side))?;
        }
        writeln!(out, "</figure>")?;
    }
    writeln!(out, "</div>")?;
    Ok(())
}

/// The phases of a sequence, each with the figure of the position it moves
/// to where it has one.
fn sequence(out: &mut impl Write, e: &Exercise) -> Result<()> {
    if e.phases.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h3>{}</h3>\n<ol>", words::SEQUENCE)?;
    for (i, (phase, cue)) in e.phases.iter().zip(phases(e)).enumerate() {
        write!(out, "<li>{}", escape(&cue))?;
        if let Some(figure) = &phase.figure {
            writeln!(out)?;
            figures(out, e, figure, Some(i + 1))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>")?;
    Ok(())
}

fn list(out: &mut impl Write, label: &str, items: &[String], numbered: bool) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let tag = if numbered { "ol" } else { "ul" };
    writeln!(out, "<h3>{label}</h3>\n<{tag}>")?;
    for item in items {
        writeln!(out, "<li>{}</li>", escape(item))?;
    }
    writeln!(out, "</{tag}>")?;
    Ok(())
}
