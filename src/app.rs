//! The program's spine: parse the command line, turn it into the command's
//! plain options (`cli::resolve`), run the command with a [`Context`] that
//! finds the config and the library when asked, and turn the outcome into an
//! exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use crate::cli::{self, Cli, Command};
use crate::commands;
use crate::context::Context;
use crate::diagnostic::{Diagnostic, capped, not_shown_line, sanitize};
use crate::exit;
use crate::history::is_output_lost;
use crate::load_error::LoadError;

pub fn main() -> ExitCode {
    // `COMPLETE=SHELL psoas ...`: the shell asking for completions (see
    // `psoas completions`); answers and exits before anything else runs.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(usage) => return usage_or_help(&usage),
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = io::stdout().flush();
            show_problems(&err);
            // Never a panic, even when stderr is gone too.
            let _ = writeln!(io::stderr(), "psoas: {}", sanitize(&format!("{err:#}")));
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// Prints to stderr each problem of a file that stopped the command (see
/// [`LoadError`]), above the one-line error that ends it.
fn show_problems(err: &anyhow::Error) {
    let Some(load) = err.chain().find_map(|e| e.downcast_ref::<LoadError>()) else {
        return;
    };
    let all: Vec<&Diagnostic> = load.diagnostics.iter().collect();
    let mut stderr = io::stderr().lock();
    let (shown, left_out) = capped(&all);
    for diagnostic in shown {
        let _ = writeln!(stderr, "{}", diagnostic.render());
    }
    if let Some(line) = not_shown_line(left_out) {
        let _ = writeln!(stderr, "{line}");
    }
}

/// `--help` and `--version` on stdout, a usage error on stderr; as clap
/// would, except that a closed stdout is no error and a full disk is one.
fn usage_or_help(usage: &clap::Error) -> ExitCode {
    match usage.print() {
        Ok(()) => ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(exit::USAGE)),
        Err(error) if is_output_lost(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "psoas: cannot write the help: {error}");
            ExitCode::from(exit::FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut library_dirs = cli.library;
    library_dirs.extend_from_slice(cli.command.library_dirs());
    let context = Context::new(library_dirs)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::List(args) => commands::list::execute(&context, &args.into(), &mut out)?,
        Command::Show(args) => commands::show::execute(&context, &args.into(), &mut out)?,
        Command::Routines(args) => commands::routines::execute(&context, &args.into(), &mut out)?,
        Command::Print(args) => commands::print::execute(&context, &args.into(), &mut out)?,
        Command::Check(args) => commands::check::execute(&context, &args.into(), &mut out)?,
        Command::Run(args) => commands::run::execute(&context, &args.into(), &mut out)?,
        Command::History(args) => commands::history::execute(&context, &args.into(), &mut out)?,
        Command::Plan(args) => commands::plan::execute(&context, args.into(), &mut out)?,
        Command::Config(command) => commands::config::execute(&context, command.into(), &mut out)?,
        Command::Remind(command) => commands::remind::execute(&context, command.into(), &mut out)?,
        Command::Completions(args) => cli::completions::execute(args.shell, &mut out)?,
        Command::Man => cli::man::execute(&mut out)?,
    };
    finish(out, code)
}

/// Writes out what is left of the output; the command's status stands.
fn finish(mut out: impl Write, code: ExitCode) -> Result<ExitCode> {
    match out.flush() {
        // Nobody is left to read the rest; the command's own status stands
        // (a run cut off by a closed terminal is 129).
        Err(error) if is_output_lost(&error) => Ok(code),
        flushed => {
            flushed?;
            Ok(code)
        }
    }
}

/// Whether an error is the output going away: a closed pipe, or a terminal
/// that has gone.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(is_output_lost)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}
