//! Personal settings from the config file. Flags beat the config, and the
//! config beats the built-in defaults.
//!
//! The file is `$XDG_CONFIG_HOME/psoas/config.toml`, or `$PSOAS_CONFIG`. A
//! missing file is no error; a bad one is reported like a bad library file,
//! every problem at once, and stops the program.

mod parse;
mod template;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::app::report_all;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::dirs::Dirs;
use crate::library::{Breathing, Condition, DEFAULT_ROUTINE, MAX_FILE_BYTES, Routine};

pub use parse::{MAX_WEEKLY_GOAL, parse};
pub use template::template;

/// Every key a config file may hold, in the order `config show` lists them.
pub const KEYS: &[&str] = &[
    "default_routine",
    "prep",
    "transition",
    "breathing",
    "bell",
    "voice",
    "voice_command",
    "weekly_goal",
    "check_in",
    "conditions",
];

/// The settings a config file can hold; `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub default_routine: Option<String>,
    pub prep: Option<u32>,
    pub transition: Option<u32>,
    pub breathing: Option<Breathing>,
    pub bell: Option<bool>,
    pub voice: Option<bool>,
    pub voice_command: Option<Vec<String>>,
    pub weekly_goal: Option<u32>,
    pub check_in: Option<bool>,
    pub conditions: Vec<Condition>,
    /// Where each value that is set was read.
    pub origins: Origins,
}

/// The file a config was read from and the line of each key it set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origins {
    /// The config file, when there was one.
    pub file: Option<PathBuf>,
    lines: BTreeMap<&'static str, usize>,
}

impl Origins {
    /// The line of the config file that set `key`, if it did.
    pub fn line(&self, key: &str) -> Option<usize> {
        self.lines.get(key).copied()
    }

    /// `config.toml:3` for a key the file set, else `default`.
    pub fn describe(&self, key: &str) -> String {
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
    pub const DEFAULT_WEEKLY_GOAL: u32 = 3;
    pub const DEFAULT_BELL: bool = true;
    pub const DEFAULT_VOICE: bool = false;
    pub const DEFAULT_CHECK_IN: bool = true;

    /// Reads the config file; a missing file is no error. A bad file prints
    /// every problem to stderr and fails.
    pub fn load(dirs: &Dirs) -> Result<Config> {
        let path = &dirs.config_file;
        let Some(text) = read(path)? else {
            return Ok(Config::default());
        };
        Config::from_text(path, &text).map_err(|diagnostics| {
            let all: Vec<&Diagnostic> = diagnostics.iter().collect();
            report_all(&all, "the config file", "")
        })
    }

    /// Parses the text of a config file, or returns every problem in it.
    pub fn from_text(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let (config, diagnostics) = parse(&SourceText::new(path, text));
        if diagnostics.is_empty() {
            Ok(config)
        } else {
            Err(diagnostics)
        }
    }

    pub fn default_routine(&self) -> &str {
        self.default_routine.as_deref().unwrap_or(DEFAULT_ROUTINE)
    }

    pub fn prep(&self) -> u32 {
        self.prep.unwrap_or(Routine::DEFAULT_PREP)
    }

    /// Seconds to get ready at the first hold and at a change of position,
    /// never less than `prep`.
    pub fn transition(&self) -> u32 {
        self.transition
            .unwrap_or(Routine::DEFAULT_TRANSITION)
            .max(self.prep())
    }

    pub fn breathing(&self) -> Breathing {
        self.breathing.unwrap_or(Breathing::DEFAULT)
    }

    pub fn weekly_goal(&self) -> u32 {
        self.weekly_goal.unwrap_or(Self::DEFAULT_WEEKLY_GOAL)
    }

    pub fn bell(&self) -> bool {
        self.bell.unwrap_or(Self::DEFAULT_BELL)
    }

    pub fn voice(&self) -> bool {
        self.voice.unwrap_or(Self::DEFAULT_VOICE)
    }

    pub fn check_in(&self) -> bool {
        self.check_in.unwrap_or(Self::DEFAULT_CHECK_IN)
    }
}

/// The text of the config file, `None` if there is none.
fn read(path: &Path) -> Result<Option<String>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("cannot open the config file {}", path.display()));
        }
    };
    let mut bytes = Vec::new();
    // One byte past the limit tells a file that is too large.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read the config file {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "the config file {} is larger than 1 MiB; a config file is a few lines of text",
            path.display()
        );
    }
    String::from_utf8(bytes)
        .map(Some)
        .with_context(|| format!("the config file {} is not UTF-8 text", path.display()))
}

#[cfg(test)]
mod tests;
