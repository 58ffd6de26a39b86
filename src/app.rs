//! The program's spine: parse the command line, turn it into the command's
//! plain options (`cli::resolve`), run the command with a [`Context`] that
//! finds the config and the library when asked, and turn the outcome into an
//! exit code.

use std::cell::OnceCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{CommandFactory, Parser};

use crate::cli::{self, Cli, Command};
use crate::commands;
use crate::config::{Config, Key};
use crate::diagnostic::{Diagnostic, capped, not_shown_line, sanitize};
use crate::dirs::Dirs;
use crate::engine::{Familiarity, GuidanceSettings, PlanSettings};
use crate::format::did_you_mean;
use crate::history::{History, SidePull};
use crate::library::{self, Condition, Library, Loaded, Routine, Side, Sources};
use crate::runner::outcome::is_output_lost;

/// Exit statuses beyond success.
pub(crate) mod exit {
    /// Bad input: a bad file, an unknown id, a failed check.
    pub const FAILURE: u8 = 1;
    /// Bad command-line usage (what clap uses).
    pub const USAGE: u8 = 2;
}

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
            // Never a panic, even when stderr is gone too.
            let _ = writeln!(io::stderr(), "psoas: {}", sanitize(&format!("{err:#}")));
            ExitCode::from(exit::FAILURE)
        }
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
        Command::List(args) => commands::list::execute(&context, args.into(), &mut out)?,
        Command::Show(args) => commands::show::execute(&context, args.into(), &mut out)?,
        Command::Routines(args) => commands::routines::execute(&context, args.into(), &mut out)?,
        Command::Print(args) => commands::print::execute(&context, args.into(), &mut out)?,
        Command::Check(args) => commands::check::execute(&context, args.into(), &mut out)?,
        Command::Run(args) => commands::run::execute(&context, args.into(), &mut out)?,
        Command::History(args) => commands::history::execute(&context, args.into(), &mut out)?,
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

/// What every command may need: where files live, the extra library folders
/// from `--library`, the config, the library and what the history knows of
/// the person. The folders are found at once; the config and the history are
/// read the first time a command asks for them, and the library loaded each
/// time one does, so a command that needs none (such as `completions` or
/// `config init`) is never stopped by a broken one.
pub(crate) struct Context {
    pub dirs: Dirs,
    pub library_dirs: Vec<PathBuf>,
    config: OnceCell<Config>,
    person: OnceCell<Person>,
}

/// What the history knows of the person, gathered in one pass over it: how
/// familiar each exercise is, and the latest side check. A history that
/// cannot be read knows nothing.
#[derive(Default)]
pub(crate) struct Person {
    pub familiarity: Familiarity,
    pub side_pull: Option<SidePull>,
}

impl Context {
    pub fn new(library_dirs: Vec<PathBuf>) -> Result<Context> {
        Ok(Context {
            dirs: Dirs::from_env()?,
            library_dirs,
            config: OnceCell::new(),
            person: OnceCell::new(),
        })
    }

    /// What the history knows of the person, read the first time it is
    /// asked for.
    pub fn person(&self) -> &Person {
        self.person.get_or_init(|| {
            let mut person = Person::default();
            let mut latest = None;
            let read = History::at(&self.dirs.state_dir).scan(|record| {
                person
                    .familiarity
                    .add_session(record.exercises.iter().map(String::as_str));
                if let Some(pull) = record.side_pull
                    && latest.is_none_or(|at| record.started_at >= at)
                {
                    latest = Some(record.started_at);
                    person.side_pull = Some(pull);
                }
            });
            if read.is_err() {
                return Person::default();
            }
            person
        })
    }

    /// The config, read from its file the first time it is asked for.
    pub fn config(&self) -> Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let config = Config::load(&self.dirs)?;
        Ok(self.config.get_or_init(|| config))
    }

    /// The built-in library, the user's folder and every `--library` folder,
    /// plus `files`.
    pub fn sources(&self, files: Vec<PathBuf>) -> Sources {
        Sources {
            builtin: true,
            user_dir: Some(self.dirs.routines_dir()),
            library_dirs: self.library_dirs.clone(),
            files,
        }
    }

    /// Loads the library; any error is shown with every diagnostic and fails.
    pub fn library(&self, files: Vec<PathBuf>) -> Result<Library> {
        let loaded = library::load(&self.sources(files));
        fail_on_errors(loaded)
    }

    /// Loads the library and takes out of it the routine an argument names: a routine id,
    /// or the path of a routine file. No argument means the default routine.
    pub fn library_and_routine(&self, arg: Option<&str>) -> Result<(Library, Routine)> {
        let config = self.config()?;
        let from_config = arg.is_none();
        let arg = arg.unwrap_or(config.default_routine());
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            match std::fs::metadata(&path) {
                Err(_) => bail!("no routine file at {}", path.display()),
                Ok(meta) => {
                    if let Some(what) = crate::files::odd_kind(&meta) {
                        bail!("{} is {what}, not a routine file", path.display());
                    }
                }
            }
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut library = self.library(vec![path.clone()])?;
            // The routine must come from that file: a file of `[[exercise]]`
            // tables loads fine, and another routine may have the same id.
            let from_file = library.routine(&id).is_some_and(|r| r.origin.path == path);
            let Some(routine) = from_file.then(|| library.take_routine(&id)).flatten() else {
                bail!(
                    "{} holds exercises, not a routine; a routine file has `name` and `[[step]]` tables",
                    path.display()
                );
            };
            return Ok((library, routine));
        }
        let mut library = self.library(Vec::new())?;
        let Some(routine) = library.take_routine(arg) else {
            let hint = did_you_mean(&library.closest_routine_ids(arg))
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            let from = config_source(config, Key::DefaultRoutine, from_config);
            bail!("no routine has the id `{arg}`{from}{hint} (`psoas routines` lists them)");
        };
        Ok((library, routine))
    }

    /// How routines are expanded: personal defaults, plus conditions from
    /// the config and the command line.
    pub fn plan_settings(&self, conditions: &[Condition]) -> Result<PlanSettings> {
        let config = self.config()?;
        let mut all = config.conditions.clone();
        all.extend_from_slice(conditions);
        all.sort();
        all.dedup();
        Ok(PlanSettings {
            default_prep: config.prep(),
            default_transition: config.transition(),
            default_breathing: config.breathing(),
            conditions: all,
            level: config.level(),
            pace: config.voice_pace(),
            guidance: GuidanceSettings::default(),
            tighter_side: self.tighter_side()?,
        })
    }

    /// The side held once more in each two-sided stretch: the config's
    /// `tighter_side` if it is set (`none`: no side), else the side the
    /// latest side check found tighter.
    pub fn tighter_side(&self) -> Result<Option<Side>> {
        Ok(match self.config()?.tighter_side {
            Some(set) => set.side(),
            None => self.person().side_pull.and_then(|pull| pull.tighter()),
        })
    }
}

/// ` (default_routine in PATH, line N)` when a value came from the config
/// file, so a bad one is found where it was set.
fn config_source(config: &Config, key: Key, from_config: bool) -> String {
    let origins = &config.origins;
    match (&origins.file, origins.line(key)) {
        (Some(file), Some(line)) if from_config => {
            format!(" ({key} in {}, line {line})", file.display())
        }
        _ => String::new(),
    }
}

/// A routine argument is a path when it names a `.toml` file or has a slash.
fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".toml")
        || arg.contains('/')
        || arg.contains(std::path::MAIN_SEPARATOR)
        || Path::new(arg).is_file()
}

/// Prints every error of a load to stderr and fails, or returns the library.
pub(crate) fn fail_on_errors(loaded: Loaded) -> Result<Library> {
    if !loaded.has_errors() {
        return Ok(loaded.library);
    }
    let errors: Vec<&Diagnostic> = loaded.errors().collect();
    Err(report_all(
        &errors,
        "the library",
        " (`psoas check` lists them)",
    ))
}

/// Prints each diagnostic to stderr, then gives the error that ends the
/// command: "WHAT has N problems; fix them and try again" and `hint`.
pub(crate) fn report_all(diagnostics: &[&Diagnostic], what: &str, hint: &str) -> anyhow::Error {
    let mut stderr = io::stderr().lock();
    let (shown, left_out) = capped(diagnostics);
    for diagnostic in shown {
        let _ = writeln!(stderr, "{}", diagnostic.render());
    }
    if let Some(line) = not_shown_line(left_out) {
        let _ = writeln!(stderr, "{line}");
    }
    let n = diagnostics.len();
    let them = if n == 1 { "it" } else { "them" };
    anyhow::anyhow!(
        "{what} has {}; fix {them} and try again{hint}",
        crate::format::count(n, "problem")
    )
}
