//! The guided timer: runs a plan in real time, either on an interactive
//! screen ([`interactive`]) or as a plain transcript ([`plain`]), and says
//! how it went ([`RunOutcome`]).
//!
//! Both modes share the engine's [`Session`](crate::engine::Session) and the
//! run's [`Clock`](clock::Clock), so their timing is the same; `--speed` is
//! applied in the clock, never in the engine.

pub mod answer;
pub mod big_digits;
pub mod check_in;
pub mod clock;
pub mod hold_bar;
pub mod input;
pub mod interactive;
pub mod keys;
pub mod outcome;
pub mod painter;
pub mod plain;
pub mod rows;
pub mod screen;
pub mod settings;
pub mod signals;
pub mod speaker;
pub mod terminal;
pub mod wording;

use std::io::Write;

use anyhow::Result;

pub use outcome::{Ending, RunOutcome};
pub use settings::{RunSettings, WarmUpChoice};
pub use speaker::Speaker;

use crate::engine::Plan;

/// Runs `plan`, with `warm_up` first if the settings or the person choose it.
/// Plain mode writes its transcript to `out`; the interactive screen draws on
/// the terminal and hands it back before returning.
pub fn run<'a>(
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
