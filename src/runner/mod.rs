//! The guided timer: runs a plan in real time, either on an interactive
//! screen ([`interactive`]) or as a plain transcript ([`plain`]), and says
//! how it went ([`RunOutcome`]).
//!
//! Both modes share the engine's [`Session`](crate::engine::Session) and the
//! run's [`Clock`](clock::Clock), so their timing is the same; `--speed` is
//! applied in the clock, never in the engine.

pub(crate) mod answer;
pub(crate) mod big_text;
pub(crate) mod check_in;
pub(crate) mod clock;
pub(crate) mod echo;
#[cfg(test)]
mod heard_whole;
pub(crate) mod hold_bar;
pub(crate) mod input;
pub(crate) mod interactive;
pub(crate) mod keys;
pub(crate) mod layout;
pub(crate) mod pages;
pub(crate) mod painter;
pub(crate) mod picture;
pub(crate) mod plain;
pub(crate) mod rows;
pub(crate) mod screen;
pub(crate) mod settings;
pub(crate) mod signals;
pub(crate) mod speaker;
pub mod terminal;

use std::io::Write;

use anyhow::Result;

pub use crate::history::{Ending, RunOutcome};
pub(crate) use settings::{RunSettings, WarmUpChoice};
pub(crate) use speaker::Speaker;

use crate::engine::Plan;

/// Runs `plan`, with `warm_up` first if the settings or the person choose it.
/// Plain mode writes its transcript to `out`; the interactive screen draws on
/// the terminal and hands it back before returning.
pub(crate) fn run<'a>(
    plan: Plan<'a>,
    warm_up: Option<Plan<'a>>,
    settings: &RunSettings,
    speaker: Option<&mut dyn Speaker>,
    out: &mut dyn Write,
) -> Result<RunOutcome> {
    let started_at = clock::wall_now();
    let (session, ending) = if settings.plain {
        plain::run(plan, warm_up, settings, speaker, out)?
    } else {
        interactive::run(plan, warm_up, settings, speaker)?
    };
    Ok(RunOutcome::of(started_at.fixed_offset(), &session, ending))
}
