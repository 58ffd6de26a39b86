//! The nudge `remind now` gives once it is due: the routine it offers (the
//! next of `remind.routines` in turn, each checked against the library),
//! how it is shown (the `notify_command`, or a desktop notification, with
//! choices where the service supports them) and what follows the answer:
//! the break started in a terminal, a snooze, or a skip while the day's
//! `skips_a_day` last. Each nudge and its answer is kept in the state
//! folder.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::config::Config;
use crate::context::Context;
use crate::diagnostic::{Diagnostic, sanitize};
use crate::engine::Plan;
use crate::load_error::LoadError;
use crate::remind::answers::{self, Nudge, Outcome};
use crate::remind::ask::{self, Answer, Asked};
use crate::remind::notify::{self, Shown, TITLE};
use crate::remind::{ANSWER_WAIT, SNOOZE_MINUTES, terminal};
use crate::words::remind::choices as words;
use crate::words::remind::nudge as nudge_text;

/// Nudges now: prints the nudge, marks it, shows it and acts on the answer.
pub(super) fn nudge(
    context: &Context,
    now: DateTime<FixedOffset>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let config = context.config()?;
    let state = &context.dirs.state_dir;
    let routines = checked_routines(context)?;
    let past = answers::read(state);
    let routine = answers::next_routine(&routines, past.last().map(|n| n.routine.as_str()));
    let skipped = answers::skips_today(&past, now);
    let limit = config.skips_a_day();
    let may_skip = skipped < limit;
    let mut text = nudge_text(routine, routine_seconds(context, routine)?);
    if !may_skip {
        text = format!("{text}\n{}", words::no_skip_left(skipped, limit));
    }
    // Said and marked before the notifier runs, so that whatever the
    // notifier does, the nudge is seen and this interval has had it.
    writeln!(out, "{text}")?;
    out.flush()?;
    super::remember_nudge(state, now)?;
    let record = |outcome| {
        let nudge = Nudge {
            at: now,
            routine: routine.to_string(),
            outcome,
        };
        answers::write(state, nudge).map_err(|e| {
            anyhow::anyhow!("cannot write {}: {e}", state.join(answers::FILE).display())
        })
    };
    if config.notify_command.is_none() {
        let actions = words::actions(SNOOZE_MINUTES, may_skip);
        if let Ok(Asked::Shown(answer)) = ask::ask(TITLE, &text, &actions, ANSWER_WAIT) {
            let outcome = act(context, config, now, routine, &answer, may_skip, out)?;
            record(outcome)?;
            if outcome == Outcome::Skip {
                writeln!(out, "{}", words::skipped(skipped + 1, limit))?;
            }
            return Ok(ExitCode::SUCCESS);
        }
    }
    record(Outcome::Shown)?;
    show_plain(context, config, &text)
}

/// Does what the person chose of what was offered; what became of the
/// nudge.
fn act(
    context: &Context,
    config: &Config,
    now: DateTime<FixedOffset>,
    routine: &str,
    answer: &Answer,
    may_skip: bool,
    out: &mut impl Write,
) -> Result<Outcome> {
    Ok(match answer {
        Answer::Chose(key) if key == words::START => {
            let chosen = terminal::choose(
                config.terminal.as_deref(),
                std::env::var_os("TERMINAL").as_deref(),
                std::env::var_os("PATH").as_deref(),
            );
            let Some(chosen) = chosen else {
                bail!("{}", words::no_terminal(routine));
            };
            let program = std::env::current_exe()?;
            let command = [
                program.display().to_string(),
                "run".to_string(),
                routine.to_string(),
            ];
            if let Err(error) = terminal::start(&chosen, &command) {
                bail!("{}", sanitize(&error));
            }
            writeln!(
                out,
                "{}",
                words::started(routine, &sanitize(&chosen.name()))
            )?;
            Outcome::Start
        }
        Answer::Chose(key) if key == words::SNOOZE => {
            let until = now + TimeDelta::minutes(i64::from(SNOOZE_MINUTES));
            super::pause(context, now, until, out)?;
            Outcome::Snooze
        }
        Answer::Chose(key) if key == words::SKIP && may_skip => Outcome::Skip,
        // A key psoas did not offer is no choice.
        Answer::Chose(_) | Answer::Closed => {
            writeln!(out, "{}", words::DISMISSED)?;
            Outcome::Dismissed
        }
        Answer::None => {
            writeln!(out, "{}", words::unanswered(ANSWER_WAIT))?;
            Outcome::Unanswered
        }
    })
}

/// A nudge without choices: the `notify_command`, or a plain desktop
/// notification.
fn show_plain(context: &Context, config: &Config, text: &str) -> Result<ExitCode> {
    let mut notifier = notify::from_config(config.notify_command.as_deref());
    match notifier.notify(TITLE, text) {
        Ok(Shown::Done) => Ok(ExitCode::SUCCESS),
        Ok(Shown::StillRunning(waited)) => {
            let program = config.notify_command.as_deref().unwrap_or_default();
            let program = program.first().map_or("", String::as_str);
            let _ = writeln!(
                io::stderr(),
                "{}",
                crate::words::remind::notify_command_still_running(
                    &sanitize(program),
                    waited.as_secs()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        // The person chose this program; that it failed must not go unseen.
        Err(error) if config.notify_command.is_some() => bail!("{error}"),
        Err(error) => {
            super::say_once_no_notifier(&context.dirs.state_dir, &error);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The routines a nudge offers, each one the library has; one it lacks is
/// reported where the config names it.
pub(super) fn checked_routines(context: &Context) -> Result<Vec<&str>> {
    let config = context.config()?;
    let Some(named) = &config.remind.routines else {
        return Ok(config.remind_routines());
    };
    let library = context.library(Vec::new())?;
    let unknown: Vec<Diagnostic> = named
        .iter()
        .filter(|r| library.routine(&r.id).is_none())
        .map(|r| {
            let close = library.closest_routine_ids(&r.id);
            let hint = crate::format::did_you_mean(&close)
                .map(|h| format!("{h} "))
                .unwrap_or_default();
            Diagnostic {
                message: format!("no routine has the id `{}`", r.id),
                help: Some(format!("{hint}`psoas routines` lists them")),
                ..r.place.clone()
            }
        })
        .collect();
    if !unknown.is_empty() {
        return Err(LoadError {
            what: "the config file",
            hint: "",
            diagnostics: unknown,
        }
        .into());
    }
    Ok(config.remind_routines())
}

/// How long a routine takes at the person's level; 0 when it cannot be
/// planned (every step left out for a condition, say).
fn routine_seconds(context: &Context, routine: &str) -> Result<u32> {
    let settings = context.plan_settings(&[])?;
    Ok(context
        .library_and_routine(Some(routine))
        .ok()
        .and_then(|(library, routine)| {
            Plan::build(&routine, &library, &settings)
                .ok()
                .map(|p| p.total())
        })
        .unwrap_or(0))
}
