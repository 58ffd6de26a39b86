//! What every command may need, found once and handed to each command: where
//! the user's files live, the config, the library and what the history
//! knows of the person. The config and the history are read the first time
//! a command asks for them, so a command that needs neither is never
//! stopped by a broken one.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::config::{Config, Key};
use crate::dirs::Dirs;
use crate::engine::{Familiarity, GuidanceSettings, PlanSettings};
use crate::format::did_you_mean;
use crate::history::{History, SidePull};
use crate::library::{self, Condition, Library, Routine, Side, Sources};
use crate::words::load as words;

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
    pub(crate) fn new(library_dirs: Vec<PathBuf>) -> Result<Context> {
        Ok(Context {
            dirs: Dirs::from_env()?,
            library_dirs,
            config: OnceCell::new(),
            person: OnceCell::new(),
        })
    }

    /// What the history knows of the person, read the first time it is
    /// asked for.
    pub(crate) fn person(&self) -> &Person {
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
    pub(crate) fn config(&self) -> Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let config = Config::load(&self.dirs)?;
        Ok(self.config.get_or_init(|| config))
    }

    /// The built-in library, the user's folder and every `--library` folder,
    /// plus `files`.
    pub(crate) fn sources(&self, files: Vec<PathBuf>) -> Sources {
        Sources {
            builtin: true,
            user_dir: Some(self.dirs.routines_dir()),
            library_dirs: self.library_dirs.clone(),
            files,
        }
    }

    /// Loads the library; any error fails with every diagnostic (a
    /// [`LoadError`](crate::load_error::LoadError)).
    pub(crate) fn library(&self, files: Vec<PathBuf>) -> Result<Library> {
        Ok(library::load(&self.sources(files)).into_library()?)
    }

    /// Loads the library and takes out of it the routine an argument names: a routine id,
    /// or the path of a routine file. No argument means the default routine.
    pub(crate) fn library_and_routine(&self, arg: Option<&str>) -> Result<(Library, Routine)> {
        let config = self.config()?;
        let from_config = arg.is_none();
        let arg = arg.unwrap_or(config.default_routine());
        if looks_like_path(arg) {
            let path = PathBuf::from(arg);
            match std::fs::metadata(&path) {
                Err(_) => bail!(words::no_routine_file(&path)),
                Ok(meta) => {
                    if let Some(what) = crate::files::odd_kind(&meta) {
                        bail!(words::not_a_routine_file(&path, what));
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
                bail!(words::exercises_not_a_routine(&path));
            };
            return Ok((library, routine));
        }
        let mut library = self.library(Vec::new())?;
        let Some(routine) = library.take_routine(arg) else {
            let hint = did_you_mean(&library.closest_routine_ids(arg));
            let from = config_source(config, Key::DefaultRoutine, from_config);
            bail!(words::no_routine_with_id(arg, &from, hint.as_deref()));
        };
        Ok((library, routine))
    }

    /// How routines are expanded: personal defaults, plus conditions from
    /// the config and the command line.
    pub(crate) fn plan_settings(&self, conditions: &[Condition]) -> Result<PlanSettings> {
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
    pub(crate) fn tighter_side(&self) -> Result<Option<Side>> {
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
            words::set_in_config(&key.to_string(), file, line)
        }
        _ => String::new(),
    }
}

/// A routine argument is a path when it names a `.toml` file or has a slash.
#[allow(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "`.toml` as written marks a path; a `NAME.TOML` that exists is still found by `is_file`"
)]
fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".toml")
        || arg.contains('/')
        || arg.contains(std::path::MAIN_SEPARATOR)
        || Path::new(arg).is_file()
}
