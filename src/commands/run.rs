//! `psoas run`: a routine in real time. Resolves the flags and the
//! environment into [`RunSettings`], builds the plan, shows the safety notice
//! on the first run, asks for the tension check-in, hands the plan to the
//! runner, prints a summary once the terminal is back to normal, and records
//! the session in the history. Under the
//! summary it says where the week stands and how tension changed, or why the
//! session was not recorded (a `--speed` preview) or not counted (too short).

use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use crate::app::{Context, exit};
use crate::config::Config;
use crate::engine::{Familiarity, GuidanceSettings, Plan, PlanSettings};
use crate::format::clock;
use crate::history::{History, HistoryError, Record, SessionNotes, Tally};
use crate::library::{Impact, Library, Routine};
use crate::planner::{self, PlanRequest};
use crate::render::after_session;
use crate::runner::answer::{self, Answer};
use crate::runner::check_in;
use crate::runner::plain::stamp;
use crate::runner::rows::wrap;
use crate::runner::{self, Ending, RunOutcome, RunSettings, Speaker};
use crate::safety;
use crate::voice::Voice;

mod options;

pub use options::{ColorWhen, Environment, RunOptions, resolve};

pub fn execute(context: &Context, args: RunOptions, out: &mut impl Write) -> Result<ExitCode> {
    let config = context.config()?;
    let settings = resolve(&args, config, &Environment::of_process());
    let mut plan_settings = context.plan_settings(&args.conditions)?;
    if let Some(level) = args.level {
        plan_settings.level = level;
    }
    if let Some(pace) = args.voice_pace {
        plan_settings.pace = pace;
    }
    plan_settings.guidance = GuidanceSettings {
        guidance: args.guidance.unwrap_or_else(|| config.guidance()),
        familiar_after: config.familiar_after(),
        familiarity: familiarity(context),
    };
    let (library, routine) = choose_routine(context, &args, &plan_settings)?;
    let plan = Plan::build(&routine, &library, &plan_settings)?;
    let warm_up = Plan::warm_up(&library, &plan_settings, warm_up_impact(config, &args));

    let ask = check_in::should_ask(!settings.plain, !args.check_in, config.check_in);
    let mut answers = typed_answers(&settings)?;
    if let Err(ending) = before_start(context, &settings, args.record, answers.as_mut(), out)? {
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
    let wants_voice = args.voice.unwrap_or_else(|| config.voice());
    let mut voice =
        wants_voice.then(|| Voice::new(config.voice_command.as_deref(), plan_settings.pace));
    let speaker = voice.as_mut().map(|v| v as &mut dyn Speaker);
    let outcome = runner::run(plan, warm_up, &settings, speaker, out)?;
    // The runner has waited for the last words of a finished run; this stops
    // anything still speaking after a run stopped early, before the summary.
    drop(voice);
    let preview = settings.speed != 1.0;
    let shown = !outcome.ending.output_gone();
    // The summary and the question after may meet a terminal or pipe that
    // has gone; the session is recorded all the same.
    let after = print_summary(&outcome, &settings, out).and_then(|()| {
        if preview && shown && outcome.past_first_hold && args.record {
            say(
                &outcome,
                &settings,
                &after_session::preview_line(settings.speed),
                out,
            )?;
        }
        let asked_after = ask
            && !preview
            && outcome.past_first_hold
            && matches!(outcome.ending, Ending::Finished | Ending::Quit);
        let mut answers = if asked_after {
            typed_answers(&settings)?
        } else {
            None
        };
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
        Ok((tension_after, ending))
    });
    let (tension_after, ending) = match &after {
        Ok(answered) => *answered,
        Err(_) => (None, outcome.ending),
    };
    let recorded = if preview {
        Ok(None)
    } else {
        record(
            context,
            &args,
            &outcome,
            tension_before,
            tension_after,
            plan_settings.level.number(),
        )
    };
    if let Ok(Some(record)) = &recorded
        && shown
        && ending == outcome.ending
        && after.is_ok()
    {
        where_the_week_stands(context, record, &outcome, &settings, out)?;
    }
    let code = ending.exit_code();
    if let Err(error) = after
        && !outcome.ending.output_gone()
    {
        return Err(error);
    }
    match recorded {
        Ok(_) => Ok(ExitCode::from(code)),
        // The session is over and its summary shown; only the record is lost.
        Err(error) => {
            let _ = writeln!(io::stderr(), "psoas: {error}");
            Ok(ExitCode::from(if code == 0 { exit::FAILURE } else { code }))
        }
    }
}

/// How many recorded sessions held each exercise. A history that cannot be
/// read knows no exercise, so every one is told in full.
fn familiarity(context: &Context) -> Familiarity {
    let mut familiarity = Familiarity::default();
    let read = History::at(&context.dirs.state_dir)
        .scan(|record| familiarity.add_session(record.exercises.iter().map(String::as_str)));
    if read.is_err() {
        return Familiarity::default();
    }
    familiarity
}

/// Jogging and jumping only when the person asks for a brisk warm-up.
fn warm_up_impact(config: &Config, args: &RunOptions) -> Impact {
    if args.brisk_warm_up || config.brisk_warm_up() {
        Impact::High
    } else {
        Impact::Low
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
    args: &RunOptions,
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

/// What comes before the run: the safety notice on the very first run. In
/// plain mode it is transcript lines, wrapped; on a terminal it has a screen
/// of its own, wrapped to its width, and waits for Enter; `Ok(Err(ending))`
/// when a signal ended the wait. What is left out and what to have at hand
/// come with the first hold, from the timeline.
fn before_start(
    context: &Context,
    settings: &RunSettings,
    may_write: bool,
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
        // `--no-record` writes nothing at all, so the notice comes again.
        if may_write && let Err(error) = safety::mark_notice_shown(&context.dirs.state_dir) {
            writeln!(io::stderr(), "psoas: warning: {error:#}")?;
        }
    }
    Ok(Ok(()))
}

/// Appends the session to the history, unless `--no-record` or it ended
/// before its first hold was over; returns what was recorded.
fn record(
    context: &Context,
    args: &RunOptions,
    outcome: &RunOutcome,
    tension_before: Option<u8>,
    tension_after: Option<u8>,
    level: u8,
) -> Result<Option<Record>, HistoryError> {
    if !args.record || !outcome.past_first_hold {
        return Ok(None);
    }
    let notes = SessionNotes {
        tension_before,
        tension_after,
        note: args.note.clone(),
        level,
    };
    let record = Record::new(outcome, notes);
    History::at(&context.dirs.state_dir).append(&record)?;
    Ok(Some(record))
}

/// Under the summary: a session too short to count, where the week stands
/// with this session in it, and the change in tension. A history that cannot
/// be read now only leaves the week out.
fn where_the_week_stands(
    context: &Context,
    record: &Record,
    outcome: &RunOutcome,
    settings: &RunSettings,
    out: &mut impl Write,
) -> Result<()> {
    let config = context.config()?;
    if let Some(line) = after_session::short_line(record, config.min_held_seconds()) {
        say(outcome, settings, &line, out)?;
    }
    if let Ok(now) = crate::now::now() {
        let mut tally = Tally::new(now, config.weekly_goal(), config.min_held_seconds());
        if History::at(&context.dirs.state_dir)
            .scan(|r| tally.add(&r))
            .is_ok()
        {
            say(
                outcome,
                settings,
                &after_session::week_line(&tally.finish()),
                out,
            )?;
        }
    }
    if let Some(line) = after_session::tension_line(record.tension_before, record.tension_after) {
        say(outcome, settings, &line, out)?;
    }
    out.flush()?;
    Ok(())
}

/// One line under the summary; in plain mode stamped like the transcript's
/// last line.
fn say(
    outcome: &RunOutcome,
    settings: &RunSettings,
    line: &str,
    out: &mut impl Write,
) -> Result<()> {
    if settings.plain {
        let at = Duration::from_secs(u64::from(outcome.spent_seconds));
        writeln!(out, "{} {line}", stamp(at))?;
    } else {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The interactive screen is gone once the run returns, so what was done is
/// printed to the normal screen. Plain mode has already said it as the last
/// line of its transcript.
fn print_summary(outcome: &RunOutcome, settings: &RunSettings, out: &mut impl Write) -> Result<()> {
    if settings.plain || outcome.ending.output_gone() {
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
