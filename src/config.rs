//! Personal settings from the config file. Flags beat the config, and the
//! config beats the built-in defaults.
//!
//! The file is `$XDG_CONFIG_HOME/psoas/config.toml`, or `$PSOAS_CONFIG`. A
//! missing file is no error; a bad one is reported like a bad library file,
//! every problem at once, and stops the program.

mod key;
mod parse;
mod template;
mod tighter_side;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::diagnostic::{Diagnostic, SourceText};
use crate::dirs::Dirs;
use crate::engine::{Guidance, Level, Pace};
use crate::library::{Breathing, Condition, DEFAULT_ROUTINE, Routine};
use crate::load_error::LoadError;
use crate::remind::pause::Wait;
use crate::remind::{Days, Interval, Schedule, TimeOfDay};
use crate::toml_input::{ReadError, read_text};

pub(crate) use key::Key;
pub(crate) use parse::{MAX_WEEKLY_GOAL, parse};
pub(crate) use template::template;
pub(crate) use tighter_side::TighterSide;

/// The settings a config file can hold; `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Config {
    pub default_routine: Option<String>,
    pub prep: Option<u32>,
    pub transition: Option<u32>,
    pub breathing: Option<Breathing>,
    pub bell: Option<bool>,
    pub voice: Option<bool>,
    pub voice_command: Option<Vec<String>>,
    /// Words a minute the voice speaks at; get-readies are timed at it.
    pub voice_pace: Option<Pace>,
    pub weekly_goal: Option<u32>,
    /// The minutes of holding a session needs to count toward the week.
    pub min_held_minutes: Option<u32>,
    pub check_in: Option<bool>,
    pub brisk_warm_up: Option<bool>,
    /// Whether `show` draws figures on a terminal.
    pub pictures: Option<bool>,
    pub conditions: Vec<Condition>,
    pub level: Option<Level>,
    /// How much a get-ready says of an exercise it introduces.
    pub guidance: Option<Guidance>,
    /// After how many recorded sessions with an exercise `auto` guidance
    /// turns brief.
    pub familiar_after: Option<u32>,
    /// The side held once more in each two-sided stretch; unset, the latest
    /// side check decides.
    pub tighter_side: Option<TighterSide>,
    /// When `psoas remind` nudges; each part may be left out.
    pub remind: RemindConfig,
    /// The program that shows a nudge, and its arguments.
    pub notify_command: Option<Vec<String>>,
    /// The terminal a break started from a nudge runs in, and its
    /// arguments; psoas's own command is added after them.
    pub terminal: Option<Vec<String>>,
    /// Where each value that is set was read.
    pub origins: Origins,
}

/// The config's `remind` table: `{ every = "60m", from = "09:00", to =
/// "17:30", days = "mon-fri" }`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RemindConfig {
    pub every: Option<Interval>,
    pub from: Option<TimeOfDay>,
    pub to: Option<TimeOfDay>,
    pub days: Option<Days>,
    /// Time at the desk before a nudge, where the desktop says how long the
    /// person has been away.
    pub sit: Option<Interval>,
    /// The longest a due nudge waits for a pause in typing.
    pub wait: Option<Wait>,
    /// The routines a nudge offers, in turn.
    pub routines: Option<Vec<NamedRoutine>>,
    /// How many nudges a day may be skipped.
    pub skips_a_day: Option<u32>,
}

/// A routine id the config names, and where: one the library lacks is
/// reported at its place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NamedRoutine {
    pub id: String,
    /// The file, line, column and key of the id, with no message yet.
    pub place: Diagnostic,
}

/// The file a config was read from and the line of each key it set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Origins {
    /// The config file, when there was one.
    pub file: Option<PathBuf>,
    lines: BTreeMap<Key, usize>,
}

impl Origins {
    /// The line of the config file that set `key`, if it did.
    pub(crate) fn line(&self, key: Key) -> Option<usize> {
        self.lines.get(&key).copied()
    }

    /// `config.toml:3` for a key the file set, else `default`.
    pub(crate) fn describe(&self, key: Key) -> String {
        match (&self.file, self.line(key)) {
            (Some(file), Some(line)) => {
                let name = file.file_name().unwrap_or(file.as_os_str());
                format!("{}:{line}", name.to_string_lossy())
            }
            _ => "default".to_string(),
        }
    }
}

impl Config {
    pub(crate) const DEFAULT_WEEKLY_GOAL: u32 = 3;
    pub(crate) const DEFAULT_MIN_HELD_MINUTES: u32 = 5;
    pub(crate) const DEFAULT_BELL: bool = true;
    pub(crate) const DEFAULT_VOICE: bool = false;
    pub(crate) const DEFAULT_CHECK_IN: bool = true;
    pub(crate) const DEFAULT_BRISK_WARM_UP: bool = false;
    pub(crate) const DEFAULT_PICTURES: bool = true;
    pub(crate) const DEFAULT_SKIPS_A_DAY: u32 = 3;

    /// Reads the config file; a missing file is no error. A bad file fails
    /// with every problem in it (a [`LoadError`]).
    pub(crate) fn load(dirs: &Dirs) -> Result<Config> {
        let path = &dirs.config_file;
        let Some(text) = read(path)? else {
            if dirs.config_from_env {
                anyhow::bail!(
                    "PSOAS_CONFIG names {}, which does not exist; create it with `psoas config init`, or unset PSOAS_CONFIG",
                    path.display()
                );
            }
            return Ok(Config::default());
        };
        Config::from_text(path, &text).map_err(|diagnostics| {
            LoadError {
                what: "the config file",
                hint: "",
                diagnostics,
            }
            .into()
        })
    }

    /// Parses the text of a config file, or returns every problem in it.
    pub(crate) fn from_text(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let (config, diagnostics) = parse(&SourceText::new(path, text));
        if diagnostics.is_empty() {
            Ok(config)
        } else {
            Err(diagnostics)
        }
    }

    pub(crate) fn default_routine(&self) -> &str {
        self.default_routine.as_deref().unwrap_or(DEFAULT_ROUTINE)
    }

    pub(crate) fn prep(&self) -> u32 {
        self.prep.unwrap_or(Routine::DEFAULT_PREP)
    }

    /// Seconds to get ready at the first hold and at a change of position,
    /// never less than `prep`.
    pub(crate) fn transition(&self) -> u32 {
        self.transition
            .unwrap_or(Routine::DEFAULT_TRANSITION)
            .max(self.prep())
    }

    pub(crate) fn breathing(&self) -> Breathing {
        self.breathing.unwrap_or(Breathing::DEFAULT)
    }

    pub(crate) fn weekly_goal(&self) -> u32 {
        self.weekly_goal.unwrap_or(Self::DEFAULT_WEEKLY_GOAL)
    }

    pub(crate) fn min_held_minutes(&self) -> u32 {
        self.min_held_minutes
            .unwrap_or(Self::DEFAULT_MIN_HELD_MINUTES)
    }

    /// [`Config::min_held_minutes`] in seconds, as the history counts.
    pub(crate) fn min_held_seconds(&self) -> u32 {
        self.min_held_minutes() * 60
    }

    pub(crate) fn bell(&self) -> bool {
        self.bell.unwrap_or(Self::DEFAULT_BELL)
    }

    pub(crate) fn voice(&self) -> bool {
        self.voice.unwrap_or(Self::DEFAULT_VOICE)
    }

    /// The pace words are said at (`voice_pace`), else the usual one.
    pub(crate) fn voice_pace(&self) -> Pace {
        self.voice_pace.unwrap_or_default()
    }

    pub(crate) fn pictures(&self) -> bool {
        self.pictures.unwrap_or(Self::DEFAULT_PICTURES)
    }

    pub(crate) fn check_in(&self) -> bool {
        self.check_in.unwrap_or(Self::DEFAULT_CHECK_IN)
    }

    pub(crate) fn brisk_warm_up(&self) -> bool {
        self.brisk_warm_up.unwrap_or(Self::DEFAULT_BRISK_WARM_UP)
    }

    pub(crate) fn level(&self) -> Level {
        self.level.unwrap_or_default()
    }

    pub(crate) fn guidance(&self) -> Guidance {
        self.guidance.unwrap_or_default()
    }

    pub(crate) fn familiar_after(&self) -> u32 {
        self.familiar_after.unwrap_or(Guidance::FAMILIAR_AFTER)
    }

    /// The reminder schedule: each part set here, else its default.
    pub(crate) fn remind(&self) -> Schedule {
        let d = Schedule::default();
        let r = &self.remind;
        Schedule {
            every: r.every.unwrap_or(d.every),
            from: r.from.unwrap_or(d.from),
            to: r.to.unwrap_or(d.to),
            days: r.days.unwrap_or(d.days),
        }
    }

    /// Time at the desk before a nudge: `remind.sit`, else 50 minutes.
    pub(crate) fn remind_sit(&self) -> Interval {
        self.remind
            .sit
            .unwrap_or(Interval::from_minutes(50).expect("50 minutes is an interval"))
    }

    /// The longest a due nudge waits for a pause: `remind.wait`, else 2
    /// minutes.
    pub(crate) fn remind_wait(&self) -> Wait {
        self.remind.wait.unwrap_or(Wait::DEFAULT)
    }

    /// The routines a nudge offers in turn: `remind.routines`, else the desk
    /// break.
    pub(crate) fn remind_routines(&self) -> Vec<&str> {
        match &self.remind.routines {
            Some(routines) => routines.iter().map(|r| r.id.as_str()).collect(),
            None => vec![crate::remind::ROUTINE],
        }
    }

    /// How many nudges a day may be skipped: `remind.skips_a_day`, else 3.
    pub(crate) fn skips_a_day(&self) -> u32 {
        self.remind.skips_a_day.unwrap_or(Self::DEFAULT_SKIPS_A_DAY)
    }
}

/// The text of the config file, `None` if there is none.
fn read(path: &Path) -> Result<Option<String>> {
    match read_text(path) {
        Ok(text) => Ok(Some(text)),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(ReadError::Io(e)) => {
            Err(e).with_context(|| format!("cannot read the config file {}", path.display()))
        }
        Err(ReadError::TooLarge) => anyhow::bail!(
            "the config file {} is larger than 1 MiB; a config file is a few lines of text",
            path.display()
        ),
        Err(ReadError::NotUtf8 { line, column }) => anyhow::bail!(
            "{}:{line}:{column}: the config file is not UTF-8 text: save it as UTF-8",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests;
