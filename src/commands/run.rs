//! `psoas run`: a routine in real time. Resolves the flags and the
//! environment into [`RunSettings`] and builds the plan; then [`execute`]
//! reads as the session goes: the safety notice (on the first run), the
//! check-in before, the routine (on the screen or as a transcript), the
//! summary once the terminal is back to normal, the check-in after, and the
//! record in the history. Under the summary it says where the week stands and
//! how tension changed, or why the session was not recorded (a `--speed`
//! preview) or not counted (too short).
//!
//! Every way out is an [`Ending`] with its exit status: a signal, or the
//! terminal going away, at the notice or at either question ends the program
//! as it would during the routine. What is printed outside the screen and
//! the transcript is drawn by [`render::run`](crate::render::run), in the
//! sentences of [`wording`].

use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::config::Config;
use crate::context::Context;
use crate::engine::{GuidanceSettings, Plan, PlanSettings};
use crate::exit;
use crate::history::{History, HistoryError, Record, SessionNotes, SidePull, Tally};
use crate::library::{Impact, Library, Routine, Side};
use crate::planner::{self, PlanRequest};
use crate::render::run as render;
use crate::runner::answer::{self, Answer};
use crate::runner::check_in::{self, Question};
use crate::runner::echo::EchoOff;
use crate::runner::{self, Ending, RunOutcome, RunSettings, Speaker};
use crate::safety;
use crate::voice::Voice;
use crate::words::after_session;
use crate::words::run as wording;

mod options;

pub(crate) use options::{ColorWhen, Environment, RunOptions, resolve};

pub(crate) fn execute(
    context: &Context,
    args: &RunOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let config = context.config()?;
    let settings = resolve(args, config, &Environment::of_process());
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
        familiarity: context.person().familiarity.clone(),
    };
    let (library, routine) = choose_routine(context, args, &plan_settings)?;
    let plan = Plan::build(&routine, &library, &plan_settings)?;
    let warm_up = Plan::warm_up(&library, &plan_settings, warm_up_impact(config, args));
    let asks = check_in::should_ask(!settings.plain, !args.check_in, config.check_in);
    // The side check asks each side's pull after its holds, not the tension.
    let side_check = routine.is_side_check();

    if let Err(ending) = notice(context, &settings, args.record, out)? {
        return Ok(ExitCode::from(ending.exit_code()));
    }
    let tension_before = match check_in_before(args, asks && !side_check, &settings, out)? {
        Ok(score) => score,
        Err(ending) => return Ok(ExitCode::from(ending.exit_code())),
    };
    let outcome = run_routine(plan, warm_up, &settings, config, args, &plan_settings, out)?;
    // A terminal or pipe gone, or a signal at the question, ends what is
    // said after the run; the session is recorded all the same.
    let given = Answers::given(args);
    let after = summary(&outcome, &settings, args, out).and_then(|said| match said {
        Ok(()) if side_check => pulls_after(&outcome, &settings, args, asks, out)
            .map(|(pull, ending)| (Answers { pull, ..given }, ending)),
        Ok(()) => check_in_after(&outcome, &settings, args, asks, tension_before, out).map(
            |(tension_after, ending)| {
                (
                    Answers {
                        tension_after,
                        ..given
                    },
                    ending,
                )
            },
        ),
        Err(ending) => Ok((given, ending)),
    });
    let (answers, ending) = match &after {
        Ok(answered) => *answered,
        Err(_) => (given, outcome.ending),
    };
    let tension = (tension_before, answers.tension_after);
    let pull = side_check.then_some(answers.pull);
    let recorded = record(
        context,
        args,
        &settings,
        &outcome,
        tension,
        pull,
        &plan_settings,
    );
    if let Ok(Some(record)) = &recorded
        && ending == outcome.ending
        && !ending.output_gone()
        && after.is_ok()
    {
        where_the_week_stands(context, record, &outcome, &settings, out)?;
    }
    // An error after the run is told once the session is recorded.
    after?;
    let code = ending.exit_code();
    match recorded {
        Ok(_) => Ok(ExitCode::from(code)),
        // The session is over and its summary shown; only the record is lost.
        Err(error) => {
            let _ = writeln!(io::stderr(), "psoas: {error}");
            Ok(ExitCode::from(if code == 0 { exit::FAILURE } else { code }))
        }
    }
}

/// The routine itself, on the screen or as a transcript, with the voice if
/// it is wanted.
fn run_routine<'a>(
    plan: Plan<'a>,
    warm_up: Option<Plan<'a>>,
    settings: &RunSettings,
    config: &Config,
    args: &RunOptions,
    plan_settings: &PlanSettings,
    out: &mut impl Write,
) -> Result<RunOutcome> {
    out.flush()?;
    // The voice is found before the screen is taken over, as it may warn.
    let wants_voice = args.voice.unwrap_or_else(|| config.voice());
    let mut voice =
        wants_voice.then(|| Voice::new(config.voice_command.as_deref(), plan_settings.pace));
    let speaker = voice.as_mut().map(|v| v as &mut dyn Speaker);
    let outcome = runner::run(plan, warm_up, settings, speaker, out);
    // The runner has waited for the last words of a finished run; this stops
    // anything still speaking after a run stopped early, before the summary.
    drop(voice);
    outcome
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
type Typed = BufReader<Answer>;

/// The side check's ratings, left and right.
type Pull = (Option<u8>, Option<u8>);

/// What is asked after the routine: the tension, or in the side check each
/// side's pull (left, right).
#[derive(Clone, Copy, Debug)]
struct Answers {
    tension_after: Option<u8>,
    pull: Pull,
}

impl Answers {
    /// The answers given on the command line.
    fn given(args: &RunOptions) -> Answers {
        Answers {
            tension_after: args.tension_after,
            pull: args.pull,
        }
    }
}

/// Where typed answers come from: only on a terminal, as plain mode never
/// asks, and read watching for signals.
fn typed_answers(settings: &RunSettings) -> Result<Option<Typed>> {
    Ok((!settings.plain)
        .then(|| Answer::start().map(BufReader::new))
        .transpose()?)
}

/// The check-in before the routine: `Ok(Err(ending))` when a signal or the
/// terminal going away ended the question.
fn check_in_before(
    args: &RunOptions,
    asks: bool,
    settings: &RunSettings,
    out: &mut impl Write,
) -> Result<Result<Option<u8>, Ending>> {
    let mut answers = typed_answers(settings)?;
    ask_tension(args.tension_before, asks, answers.as_mut(), out)
}

/// The check-in after a session at real speed that got past its first hold
/// and was not ended by a signal: the score given before, then the question.
/// Returns the score and how the program ends: as the run did, or by what
/// ended the question.
fn check_in_after(
    outcome: &RunOutcome,
    settings: &RunSettings,
    args: &RunOptions,
    asks: bool,
    tension_before: Option<u8>,
    out: &mut impl Write,
) -> Result<(Option<u8>, Ending)> {
    let asked = asks
        && !is_preview(settings)
        && outcome.past_first_hold
        && matches!(outcome.ending, Ending::Finished | Ending::Quit);
    let mut answers = if asked {
        typed_answers(settings)?
    } else {
        None
    };
    if asked
        && let Some(before) = tension_before
        && let Err(error) = render::wrapped(&wording::tension_before(before), out)
    {
        return Ok((args.tension_after, Ending::output_lost(&error)));
    }
    Ok(
        match ask_tension(args.tension_after, asked, answers.as_mut(), out)? {
            Ok(score) => (score, outcome.ending),
            Err(ending) => {
                // Off the line of the question, if anyone is still there.
                let _ = writeln!(out).and_then(|()| out.flush());
                (None, ending)
            }
        },
    )
}

/// After a side check at real speed that got past its first hold and was
/// not ended by a signal, the pull on each side, as the tension check-in
/// asks; a rating given on the command line is not asked for. Returns the
/// ratings and how the program ends.
fn pulls_after(
    outcome: &RunOutcome,
    settings: &RunSettings,
    args: &RunOptions,
    asks: bool,
    out: &mut impl Write,
) -> Result<(Pull, Ending)> {
    let asked = asks
        && !is_preview(settings)
        && outcome.past_first_hold
        && matches!(outcome.ending, Ending::Finished | Ending::Quit);
    let mut answers = if asked {
        typed_answers(settings)?
    } else {
        None
    };
    let mut pull = [args.pull.0, args.pull.1];
    for (i, side) in [Side::Left, Side::Right].into_iter().enumerate() {
        match ask_score(Question::Pull(side), pull[i], asked, answers.as_mut(), out)? {
            Ok(score) => pull[i] = score,
            Err(ending) => {
                // Off the line of the question, if anyone is still there.
                let _ = writeln!(out).and_then(|()| out.flush());
                return Ok(((pull[0], pull[1]), ending));
            }
        }
    }
    Ok(((pull[0], pull[1]), outcome.ending))
}

/// One tension check-in: `Ok(Err(ending))` when a signal, the terminal
/// going away or the output closing ended the question.
fn ask_tension(
    given: Option<u8>,
    ask: bool,
    answers: Option<&mut Typed>,
    out: &mut impl Write,
) -> Result<Result<Option<u8>, Ending>> {
    ask_score(Question::Tension, given, ask, answers, out)
}

/// One check-in of any [`Question`].
fn ask_score(
    question: Question,
    given: Option<u8>,
    ask: bool,
    answers: Option<&mut Typed>,
    out: &mut impl Write,
) -> Result<Result<Option<u8>, Ending>> {
    let width = render::text_width();
    let asked = match answers {
        Some(answers) => check_in::check_in_for(question, given, ask, width, answers, out),
        None => check_in::check_in_for(question, given, false, width, &mut io::empty(), out),
    };
    match asked {
        Ok(score) => Ok(Ok(score)),
        Err(error) => Ok(Err(ending_of(error)?)),
    }
}

/// How a wait for an answer ended, when it did not end with an answer: a
/// signal or the terminal gone, or nobody reading the question; any other
/// error is one.
fn ending_of(error: io::Error) -> Result<Ending> {
    match answer::ending_of(&error) {
        Some(ending) => Ok(ending),
        None if crate::history::is_output_lost(&error) => Ok(Ending::output_lost(&error)),
        None => Err(error.into()),
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

/// The safety notice on the very first run. In plain mode it is transcript
/// lines, wrapped; on a terminal it has a screen of its own, wrapped to its
/// width, and waits for Enter without echoing what is typed; `Ok(Err(ending))`
/// when a signal or the terminal going away ended the wait. What is left out
/// and what to have at hand come with the first hold, from the timeline.
fn notice(
    context: &Context,
    settings: &RunSettings,
    may_write: bool,
    out: &mut impl Write,
) -> Result<Result<(), Ending>> {
    let Some(notice) = safety::first_run_notice(&context.dirs.state_dir) else {
        return Ok(Ok(()));
    };
    if settings.plain {
        render::notice_lines(notice, out)?;
    } else if let Err(ending) = notice_screen(notice, settings, out)? {
        return Ok(Err(ending));
    }
    // `--no-record` writes nothing at all, so the notice comes again.
    if may_write && let Err(error) = safety::mark_notice_shown(&context.dirs.state_dir) {
        writeln!(io::stderr(), "psoas: warning: {error:#}")?;
    }
    Ok(Ok(()))
}

/// The notice on a screen of its own: cleared, the notice, and a wait for
/// Enter with the echo off.
fn notice_screen(
    notice: &str,
    settings: &RunSettings,
    out: &mut impl Write,
) -> Result<Result<(), Ending>> {
    let Some(mut answers) = typed_answers(settings)? else {
        return Ok(Ok(()));
    };
    // The echo goes off before the notice shows, so that nothing typed
    // once it is there can appear on it.
    let echo_off = EchoOff::start();
    if let Err(error) = render::notice_screen(notice, out) {
        return Ok(Err(ending_of(error)?));
    }
    let mut line = Vec::new();
    let read = answers.read_until(b'\n', &mut line);
    drop(echo_off);
    if let Err(error) = read.and_then(|_| writeln!(out)) {
        return Ok(Err(ending_of(error)?));
    }
    Ok(Ok(()))
}

/// Appends the session to the history, unless `--no-record`, a `--speed`
/// preview, or it ended before its first hold was over; returns what was
/// recorded. `tension` is the check-ins' scores, before and after, and
/// `pull` the side check's ratings, for a side check.
fn record(
    context: &Context,
    args: &RunOptions,
    settings: &RunSettings,
    outcome: &RunOutcome,
    (tension_before, tension_after): (Option<u8>, Option<u8>),
    pull: Option<Pull>,
    plan_settings: &PlanSettings,
) -> Result<Option<Record>, HistoryError> {
    let preview = is_preview(settings);
    if !args.record || preview || !outcome.past_first_hold {
        return Ok(None);
    }
    let notes = SessionNotes {
        tension_before,
        tension_after,
        note: args.note.clone(),
        level: plan_settings.level.number(),
        side_pull: pull.and_then(|(left, right)| SidePull::new(left, right)),
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
        render::under_summary(outcome, settings.plain, &line, out)?;
    }
    if let Ok(now) = crate::now::now() {
        let mut tally = Tally::new(now, config.weekly_goal(), config.min_held_seconds());
        if History::at(&context.dirs.state_dir)
            .scan(|r| tally.add(&r))
            .is_ok()
        {
            render::under_summary(
                outcome,
                settings.plain,
                &after_session::week_line(&tally.finish()),
                out,
            )?;
        }
    }
    if let Some(line) = after_session::tension_line(record.tension_before, record.tension_after) {
        render::under_summary(outcome, settings.plain, &line, out)?;
    }
    if let Some(pull) = record.side_pull {
        render::under_summary(
            outcome,
            settings.plain,
            &wording::pull_found(pull.left, pull.right),
            out,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The summary: once the interactive screen is gone, what was done, printed
/// to the normal screen (plain mode has said it as its transcript's last
/// line); then why a preview is not recorded. `Ok(Err(ending))` when nobody
/// is reading any more.
fn summary(
    outcome: &RunOutcome,
    settings: &RunSettings,
    args: &RunOptions,
    out: &mut impl Write,
) -> Result<Result<(), Ending>> {
    if outcome.ending.output_gone() {
        return Ok(Err(outcome.ending));
    }
    let mut said = Ok(());
    if !settings.plain {
        said = render::summary(outcome, out);
    }
    let preview = is_preview(settings);
    if preview && outcome.past_first_hold && args.record {
        let line = after_session::preview_line(settings.speed);
        said = said.and_then(|()| render::under_summary(outcome, settings.plain, &line, out));
    }
    match said.and_then(|()| out.flush()) {
        Ok(()) => Ok(Ok(())),
        Err(error) => Ok(Err(ending_of(error)?)),
    }
}

/// Whether the run is a `--speed` preview: any speed but the 1.0 set when
/// none is asked for.
#[allow(
    clippy::float_cmp,
    reason = "1.0 is set exactly when no speed is asked for, and a preview is any other value"
)]
fn is_preview(settings: &RunSettings) -> bool {
    settings.speed != 1.0
}
