//! Where the user's files live: the config folder (config file and the user's
//! routines) and the state folder (history). Environment variables let tests
//! and portable setups move both.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use etcetera::BaseStrategy;

/// Resolved folders and files.
#[derive(Clone, Debug)]
pub(crate) struct Dirs {
    /// `$XDG_CONFIG_HOME/psoas`.
    pub config_dir: PathBuf,
    /// `$PSOAS_CONFIG`, else `config_dir/config.toml`.
    pub config_file: PathBuf,
    /// Whether `config_file` came from `$PSOAS_CONFIG`, where a missing file
    /// is a mistake rather than no config.
    pub config_from_env: bool,
    /// `$PSOAS_STATE_DIR`, else `$XDG_STATE_HOME/psoas` (`~/.local/state/psoas`).
    pub state_dir: PathBuf,
}

impl Dirs {
    pub(crate) fn from_env() -> Result<Dirs> {
        let strategy = etcetera::choose_base_strategy().context("cannot find your home folder")?;
        let config_dir = strategy.config_dir().join("psoas");
        let from_env = non_empty_env("PSOAS_CONFIG");
        let config_from_env = from_env.is_some();
        let config_file = from_env.unwrap_or_else(|| config_dir.join("config.toml"));
        let state_dir = non_empty_env("PSOAS_STATE_DIR").unwrap_or_else(|| {
            strategy
                .state_dir()
                .unwrap_or_else(|| strategy.home_dir().join(".local").join("state"))
                .join("psoas")
        });
        Ok(Dirs {
            config_dir,
            config_file,
            config_from_env,
            state_dir,
        })
    }

    /// The user's routines; exercises go in its `exercises/` folder.
    pub(crate) fn routines_dir(&self) -> PathBuf {
        self.config_dir.join("routines")
    }
}

fn non_empty_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
