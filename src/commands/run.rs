//! `psoas run`: a routine in real time. Resolves the flags and the
//! environment into [`RunSettings`], builds the plan, hands it to the runner,
//! and prints a summary once the terminal is back to normal.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::app::Context;
use crate::cli::RunArgs;
use crate::engine::Plan;
use crate::format::clock;
use crate::runner::{self, Ending, RunOutcome, RunSettings, WarmUpChoice};

pub fn execute(context: &Context, args: RunArgs, out: &mut impl Write) -> Result<ExitCode> {
    if args.minutes.is_some() {
        bail!("--minutes is not available for `psoas run` yet; name a routine instead");
    }
    let settings = resolve(&args, context, &Environment::of_process());
    let (library, id) = context.library_and_routine(args.routine.as_deref())?;
    let routine = library
        .routine(&id)
        .expect("library_and_routine checked the id");
    let plan_settings = context.plan_settings(&args.conditions.conditions);
    let plan = Plan::build(routine, &library, &plan_settings)?;
    let warm_up = Plan::warm_up(&library, &plan_settings);

    let outcome = runner::run(plan, warm_up, &settings, None, out)?;
    print_summary(&outcome, &settings, out)?;
    Ok(ExitCode::from(outcome.ending.exit_code()))
}

/// What the run needs to know about where it runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub term: Option<String>,
    /// `NO_COLOR` is set to something other than the empty string.
    pub no_color: bool,
}

impl Environment {
    pub fn of_process() -> Environment {
        Environment {
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            term: std::env::var("TERM").ok(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }
}

/// Flags beat the config, the config beats the defaults; plain mode whenever
/// keys cannot be read or escape codes would not be understood.
pub fn resolve(args: &RunArgs, context: &Context, env: &Environment) -> RunSettings {
    let plain = args.plain
        || !env.stdin_is_terminal
        || !env.stdout_is_terminal
        || env.term.as_deref() == Some("dumb");
    let warm_up = if args.warm_up {
        WarmUpChoice::Guided
    } else if args.no_warm_up {
        WarmUpChoice::Skip
    } else {
        WarmUpChoice::Ask
    };
    RunSettings {
        plain,
        speed: args.speed,
        bell: !args.no_bell && context.config.bell.unwrap_or(true),
        colour: !env.no_color,
        warm_up,
    }
}

/// The interactive screen is gone once the run returns, so what was done is
/// printed to the normal screen. Plain mode has already said it as the last
/// line of its transcript.
fn print_summary(outcome: &RunOutcome, settings: &RunSettings, out: &mut impl Write) -> Result<()> {
    if settings.plain || outcome.ending == Ending::OutputClosed {
        return Ok(());
    }
    let how = if outcome.finished {
        "complete".to_string()
    } else {
        format!("stopped ({} planned)", clock(outcome.planned_seconds))
    };
    writeln!(out, "{}: {how}", outcome.routine_name)?;
    writeln!(
        out,
        "Time: {} ({} holding). Holds: {} done, {} skipped.",
        clock(outcome.spent_seconds),
        clock(outcome.held_seconds),
        outcome.holds_done,
        outcome.holds_skipped
    )?;
    out.flush()?;
    Ok(())
}
