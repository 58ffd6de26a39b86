//! A routine sheet: the plan as a readable document (text or Markdown) or as
//! JSON for other programs. Steps are numbered as in the routine; each shows
//! its hold, sides and repeats, when it starts, and the exercise's words.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::sheet_steps::{main_steps, phases, warm_up_note};
use crate::engine::Plan;
use crate::format::{clock, count};
use crate::library::{Condition, Equipment, Phase, Side};
use crate::render::SheetFormat;
use crate::safety::adapted_line;
use crate::words::left_out_line;
use crate::words::sheet as words;
use crate::words::{SAFETY_NOTICE, STOP_RULE, caution_listed, lengths};

/// Writes the sheet of `plan`, planned for the first time, which lasts
/// `familiar` seconds once the person knows its exercises.
pub(crate) fn write(
    plan: &Plan<'_>,
    familiar: u32,
    summary: Option<&str>,
    format: SheetFormat,
    out: &mut impl Write,
) -> Result<()> {
    match format {
        SheetFormat::Json => {
            let sheet = JsonSheet::new(plan, familiar, summary);
            serde_json::to_writer_pretty(&mut *out, &sheet)?;
            writeln!(out)?;
        }
        SheetFormat::Text => write_document(plan, familiar, summary, &TEXT, out)?,
        SheetFormat::Markdown => write_document(plan, familiar, summary, &MARKDOWN, out)?,
        SheetFormat::Html => super::sheet_html::write(plan, familiar, summary, out)?,
    }
    Ok(())
}

/// How text and Markdown differ.
struct Style {
    title: fn(&str) -> String,
    step: fn(usize, &str, &str, &str) -> String,
    label: fn(&str) -> String,
    bullet: &'static str,
    emphasis: fn(&str) -> String,
}

const TEXT: Style = Style {
    title: |t| format!("{t}\n{}", "=".repeat(t.width())),
    step: |n, name, describe, start| format!("{n}. {name} — {describe}  [starts at {start}]"),
    label: |l| format!("   {l}:"),
    bullet: "     - ",
    emphasis: |t| t.to_string(),
};

const MARKDOWN: Style = Style {
    title: |t| format!("# {t}"),
    step: |n, name, describe, start| format!("## {n}. {name}\n\n*{describe}; starts at {start}*"),
    label: |l| format!("**{l}**\n"),
    bullet: "- ",
    emphasis: |t| format!("*{t}*"),
};

fn write_document(
    plan: &Plan<'_>,
    familiar: u32,
    summary: Option<&str>,
    style: &Style,
    out: &mut impl Write,
) -> Result<()> {
    let holds = plan.holds();
    let steps = main_steps(&holds);
    writeln!(out, "{}\n", (style.title)(&plan.routine_name))?;
    let counts = format!(
        "{} · {} · {} · routine `{}`",
        lengths(plan.total(), familiar),
        count(steps.len(), "step"),
        count(holds.len(), "hold"),
        plan.routine_id
    );
    writeln!(out, "{}\n", (style.emphasis)(&counts))?;
    if let Some(summary) = summary {
        writeln!(out, "{summary}\n")?;
    }
    // What a run says before its first step, so the sheet says it too.
    section(out, style, words::BEFORE_YOU_START, &plan.before)?;
    if let Some(adapted) = adapted_line(plan) {
        writeln!(out, "{adapted}\n")?;
    }
    if let Some(needs) = crate::words::needs(plan.equipment()) {
        writeln!(out, "{needs}\n")?;
    }
    if plan.warm_up {
        writeln!(out, "{}\n", warm_up_note(plan))?;
    }
    for left in &plan.left_out {
        writeln!(out, "{}", left_out_line(left))?;
    }
    if !plan.left_out.is_empty() {
        writeln!(out)?;
    }
    // Said once before the first hold of a run, so written once before the
    // first step, not under each.
    writeln!(out, "{STOP_RULE}\n")?;
    for (i, step) in steps.iter().enumerate() {
        let e = step.exercise();
        writeln!(
            out,
            "{}\n",
            (style.step)(
                i + 1,
                &e.name,
                &step.describe(),
                &clock(step.holds[0].start)
            )
        )?;
        section(out, style, words::GET_INTO_POSITION, &e.setup)?;
        section(out, style, words::SEQUENCE, &phases(e))?;
        section(out, style, words::DURING_THE_HOLD, &step.cues())?;
        let cautions: Vec<String> = e.cautions.iter().map(caution_listed).collect();
        section(out, style, words::CAUTIONS, &cautions)?;
    }
    writeln!(out, "{}", (style.emphasis)(SAFETY_NOTICE))?;
    Ok(())
}

fn section(out: &mut impl Write, style: &Style, label: &str, items: &[String]) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", (style.label)(label))?;
    for item in items {
        writeln!(out, "{}{item}", style.bullet)?;
    }
    writeln!(out)?;
    Ok(())
}

#[derive(Serialize)]
struct JsonSheet<'a> {
    id: &'a str,
    name: &'a str,
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    before: &'a [String],
    warm_up: bool,
    /// The length the first time, every exercise told in full.
    total_seconds: u32,
    /// The length once every exercise is familiar and told briefly.
    familiar_seconds: u32,
    equipment: Vec<Equipment>,
    left_out: Vec<JsonLeftOut<'a>>,
    steps: Vec<JsonHold<'a>>,
}

#[derive(Serialize)]
struct JsonLeftOut<'a> {
    exercise: &'a str,
    condition: Condition,
}

#[derive(Serialize)]
struct JsonHold<'a> {
    exercise: &'a str,
    name: &'a str,
    step: usize,
    round: u32,
    side: Option<Side>,
    /// The extra hold on the tighter side.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    extra: bool,
    start: u32,
    prep: u32,
    hold: u32,
    #[serde(skip_serializing_if = "<[Phase]>::is_empty")]
    phases: &'a [Phase],
}

impl<'a> JsonSheet<'a> {
    fn new(plan: &'a Plan<'a>, familiar: u32, summary: Option<&'a str>) -> Self {
        JsonSheet {
            id: &plan.routine_id,
            name: &plan.routine_name,
            summary,
            before: &plan.before,
            warm_up: plan.warm_up,
            total_seconds: plan.total(),
            familiar_seconds: familiar,
            equipment: plan.equipment().to_vec(),
            left_out: plan
                .left_out
                .iter()
                .map(|l| JsonLeftOut {
                    exercise: &l.exercise.id,
                    condition: l.condition,
                })
                .collect(),
            steps: plan
                .holds()
                .into_iter()
                .map(|h| JsonHold {
                    exercise: &h.exercise.id,
                    name: &h.exercise.name,
                    step: h.step + 1,
                    round: h.round,
                    side: h.side,
                    extra: h.extra,
                    start: h.start,
                    prep: h.prep,
                    hold: h.hold,
                    phases: &h.exercise.phases,
                })
                .collect(),
        }
    }
}
