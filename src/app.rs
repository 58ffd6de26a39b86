//! The program's spine: parse the command line, resolve it against the
//! environment and the config, run one command, and turn the outcome into an
//! exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, sanitize};
use crate::dirs::Dirs;
use crate::engine::PlanSettings;
use crate::format::did_you_mean;
use crate::library::{self, Condition, Library, Loaded, Routine, Sources};

/// Exit statuses beyond success.
pub mod exit {
    /// Bad input: a bad file, an unknown id, a failed check.
    pub const FAILURE: u8 = 1;
    /// Bad command-line usage (what clap uses).
    pub const USAGE: u8 = 2;
}

/// An error that has already been shown to the user in full, such as the
/// diagnostics of a library that failed to load; `main` prints nothing more.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Reported(pub String);

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = io::stdout().flush();
            eprintln!("psoas: {}", sanitize(&format!("{err:#}")));
            ExitCode::from(exit::FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let context = Context::new(cli.library)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::List(args) => commands::list::execute(&context, args, &mut out)?,
        Command::Show(args) => commands::show::execute(&context, args, &mut out)?,
        Command::Routines(args) => commands::routines::execute(&context, args, &mut out)?,
        Command::Print(args) => commands::print::execute(&context, args, &mut out)?,
        Command::Check(args) => commands::check::execute(&context, args, &mut out)?,
        Command::Run(args) => commands::run::execute(&context, args, &mut out)?,
        Command::History(args) => commands::history::execute(&context, args, &mut out)?,
        Command::Plan(args) => commands::plan::execute(&context, args, &mut out)?,
        Command::Config(command) => commands::config::execute(&context, command, &mut out)?,
        Command::Completions(args) => commands::completions::execute(args, &mut out)?,
        Command::Man => commands::man::execute(&mut out)?,
    };
    out.flush()?;
    Ok(code)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// What every command may need: where files live, the config, and the extra
/// library folders from `--library`.
pub struct Context {
    pub dirs: Dirs,
    pub config: Config,
    pub library_dirs: Vec<PathBuf>,
}

impl Context {
    pub fn new(library_dirs: Vec<PathBuf>) -> Result<Context> {
        let dirs = Dirs::from_env()?;
        let config = Config::load(&dirs)?;
        Ok(Context {
            dirs,
            config,
            library_dirs,
        })
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

    /// Loads the library and finds the routine an argument names: a routine id,
    /// or the path of a routine file. No argument means the default routine.
    pub fn library_and_routine(&self, arg: Option<&str>) -> Result<(Library, Routine)> {
        let arg = arg.unwrap_or(self.config.default_routine());
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            if !path.is_file() {
                bail!("no routine file at {}", path.display());
            }
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let library = self.library(vec![path.clone()])?;
            // The routine must come from that file: a file of `[[exercise]]`
            // tables loads fine, and another routine may have the same id.
            let from_file = library.routine(&id).filter(|r| r.origin.path == path);
            let Some(routine) = from_file.cloned() else {
                bail!(
                    "{} holds exercises, not a routine; a routine file has `name` and `[[step]]` tables",
                    path.display()
                );
            };
            return Ok((library, routine));
        }
        let library = self.library(Vec::new())?;
        let Some(routine) = library.routine(arg).cloned() else {
            let hint = did_you_mean(&library.closest_routine_ids(arg))
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            bail!("no routine has the id `{arg}`{hint} (`psoas routines` lists them)");
        };
        Ok((library, routine))
    }

    /// How routines are expanded: personal defaults, plus conditions from
    /// the config and the command line.
    pub fn plan_settings(&self, conditions: &[Condition]) -> PlanSettings {
        let mut all = self.config.conditions.clone();
        all.extend_from_slice(conditions);
        all.sort();
        all.dedup();
        PlanSettings {
            default_prep: self.config.prep(),
            default_transition: self.config.transition(),
            default_breathing: self.config.breathing(),
            conditions: all,
        }
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
pub fn fail_on_errors(loaded: Loaded) -> Result<Library> {
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
pub fn report_all(diagnostics: &[&Diagnostic], what: &str, hint: &str) -> anyhow::Error {
    let mut stderr = io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{diagnostic}");
    }
    let n = diagnostics.len();
    let (problems, them) = if n == 1 {
        ("problem", "it")
    } else {
        ("problems", "them")
    };
    Reported(format!(
        "{what} has {n} {problems}; fix {them} and try again{hint}"
    ))
    .into()
}
