//! `psoas run`: a routine in real time. Resolves the flags and the
//! environment into [`RunSettings`], builds the plan, says what must be said
//! first (the safety notice, exercises left out), asks for the tension
//! check-in, hands the plan to the runner, prints a summary once the terminal
//! is back to normal, and records the session in the history.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::app::{Context, exit};
use crate::cli::RunArgs;
use crate::engine::{Plan, PlanSettings};
use crate::format::clock;
use crate::history::{History, HistoryError, Record, RecordInput, check_in};
use crate::library::{Library, Routine};
use crate::planner::{self, PlanRequest};
use crate::runner::answer::{self, Answer};
use crate::runner::rows::wrap;
use crate::runner::{self, Ending, RunOutcome, RunSettings, Speaker, WarmUpChoice};
use crate::safety;
use crate::voice::Voice;

pub fn execute(context: &Context, args: RunArgs, out: &mut impl Write) -> Result<ExitCode> {
    let settings = resolve(&args, context, &Environment::of_process());
    let plan_settings = context.plan_settings(&args.conditions.conditions);
    let (library, routine) = choose_routine(context, &args, &plan_settings)?;
    let plan = Plan::build(&routine, &library, &plan_settings)?;
    let warm_up = Plan::warm_up(&library, &plan_settings);

    let ask = check_in::should_ask(!settings.plain, args.no_check_in, context.config.check_in);
    let mut answers = typed_answers(&settings)?;
    if let Err(ending) = before_start(context, &plan, &settings, answers.as_mut(), out)? {
        return Ok(ExitCode::from(ending.exit_code()));
    }
    let tension_before = match ask_tension(args.tension_before, ask, answers.as_mut(), out)? {
        Ok(score) => score,
        Err(ending) => return Ok(ExitCode::from(ending.exit_code())),
    };
    out.flush()?;
    // The runner watches for signals itself.
    drop(answers);

    // The voice is found before the screen is taken over, as it may warn.
    let wants_voice = args.voice || (!args.no_voice && context.config.voice());
    let mut voice = wants_voice.then(|| Voice::new(context.config.voice_command.as_deref()));
    let speaker = voice.as_mut().map(|v| v as &mut dyn Speaker);
    let outcome = runner::run(plan, warm_up, &settings, speaker, out)?;
    // Stops anything still speaking before the summary.
    drop(voice);
    print_summary(&outcome, &settings, out)?;
    let mut answers = typed_answers(&settings)?;

    let asked_after =
        ask && outcome.past_first_hold && matches!(outcome.ending, Ending::Finished | Ending::Quit);
    if asked_after && let Some(before) = tension_before {
        writeln!(out, "Before the routine you said {before}.")?;
    }
    // A signal at the question ends the program, with the session recorded.
    let (tension_after, ending) =
        match ask_tension(args.tension_after, asked_after, answers.as_mut(), out)? {
            Ok(score) => (score, outcome.ending),
            Err(ending) => {
                writeln!(out)?;
                (None, ending)
            }
        };
    out.flush()?;
    let recorded = record(context, &args, &outcome, tension_before, tension_after);
    let code = ending.exit_code();
    match recorded {
        Ok(()) => Ok(ExitCode::from(code)),
        // The session is over and its summary shown; only the record is lost.
        Err(error) => {
            writeln!(io::stderr(), "psoas: {error}")?;
            Ok(ExitCode::from(if code == 0 { exit::FAILURE } else { code }))
        }
    }
}

/// The typed answers, read while watching for signals.
type Answers = BufReader<Answer>;

/// Where typed answers come from: only on a terminal, as plain mode never
/// asks, and read watching for signals.
fn typed_answers(settings: &RunSettings) -> Result<Option<Answers>> {
    Ok((!settings.plain)
        .then(|| Answer::start().map(BufReader::new))
        .transpose()?)
}

/// One tension check-in: `Ok(Err(ending))` when a signal ended the question.
fn ask_tension(
    given: Option<u8>,
    ask: bool,
    answers: Option<&mut Answers>,
    out: &mut impl Write,
) -> Result<Result<Option<u8>, Ending>> {
    let asked = match answers {
        Some(answers) => check_in::check_in(given, ask, answers, out),
        None => check_in::check_in(given, false, &mut io::empty(), out),
    };
    match asked {
        Ok(score) => Ok(Ok(score)),
        Err(error) => match answer::ending_of(&error) {
            Some(ending) => Ok(Err(ending)),
            None => Err(error.into()),
        },
    }
}

/// The routine named, the default one, or with `--minutes`, one planned to fit.
fn choose_routine(
    context: &Context,
    args: &RunArgs,
    settings: &PlanSettings,
) -> Result<(Library, Routine)> {
    if let Some(minutes) = args.minutes {
        let library = context.library(Vec::new())?;
        let routine = planner::plan(&library, &PlanRequest::new(minutes, settings))?;
        return Ok((library, routine));
    }
    context.library_and_routine(args.routine.as_deref())
}

/// Plain mode's lines are wrapped to this width (the notice is the only
/// line long enough to need it).
const PLAIN_WIDTH: usize = 72;

/// What is said before the first hold: the safety notice on the very first
/// run, and each exercise left out for a condition. In plain mode these are
/// transcript lines like any other, the notice wrapped. On a terminal the
/// notice has a screen of its own, wrapped to its width, and waits for Enter;
/// `Ok(Err(ending))` when a signal ended the wait.
fn before_start(
    context: &Context,
    plan: &Plan<'_>,
    settings: &RunSettings,
    answers: Option<&mut Answers>,
    out: &mut impl Write,
) -> Result<Result<(), Ending>> {
    let prefix = if settings.plain { "[00:00] " } else { "" };
    if let Some(notice) = safety::first_run_notice(&context.dirs.state_dir) {
        match answers {
            Some(answers) if !settings.plain => {
                let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
                // A screen of its own: cleared, the notice, and a wait.
                write!(out, "\x1b[2J\x1b[H")?;
                writeln!(out, "Before you start\n")?;
                for line in wrap(notice, width.saturating_sub(1).clamp(20, 100)) {
                    writeln!(out, "{line}")?;
                }
                write!(out, "\nPress Enter to go on. ")?;
                out.flush()?;
                let mut line = Vec::new();
                if let Err(error) = answers.read_until(b'\n', &mut line) {
                    return match answer::ending_of(&error) {
                        Some(ending) => Ok(Err(ending)),
                        None => Err(error.into()),
                    };
                }
                writeln!(out)?;
            }
            _ => {
                let indent = " ".repeat(prefix.len());
                for (i, line) in wrap(notice, PLAIN_WIDTH).iter().enumerate() {
                    let lead = if i == 0 { prefix } else { indent.as_str() };
                    writeln!(out, "{lead}{line}")?;
                }
            }
        }
        if let Err(error) = safety::mark_notice_shown(&context.dirs.state_dir) {
            writeln!(io::stderr(), "psoas: warning: {error:#}")?;
        }
    }
    for left in &plan.left_out {
        writeln!(out, "{prefix}{}", safety::left_out_line(left))?;
    }
    Ok(Ok(()))
}

/// Appends the session to the history, unless `--no-record` or it ended
/// before its first hold was over.
fn record(
    context: &Context,
    args: &RunArgs,
    outcome: &RunOutcome,
    tension_before: Option<u8>,
    tension_after: Option<u8>,
) -> Result<(), HistoryError> {
    if args.no_record || !outcome.past_first_hold {
        return Ok(());
    }
    let input = RecordInput {
        started_at: outcome.started_at.fixed_offset(),
        routine_id: outcome.routine_id.clone(),
        routine_name: outcome.routine_name.clone(),
        planned_seconds: outcome.planned_seconds,
        held_seconds: outcome.held_seconds,
        holds_done: outcome.holds_done,
        holds_skipped: outcome.holds_skipped,
        finished: outcome.finished,
        tension_before,
        tension_after,
        note: args.note.clone(),
    };
    History::at(&context.dirs.state_dir).append(&Record::new(input))
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
        bell: !args.no_bell && context.config.bell(),
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
