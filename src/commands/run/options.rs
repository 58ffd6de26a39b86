//! What `psoas run` is asked to do ([`RunOptions`]), and how that, the
//! config and the terminal it runs on resolve into the runner's
//! [`RunSettings`]: flags beat the config, the config beats the defaults, and
//! the colour conventions of the environment are followed.

use std::io::IsTerminal;

use crate::config::Config;
use crate::engine::{Guidance, Level, Pace};
use crate::library::Condition;
use crate::runner::{RunSettings, WarmUpChoice};

/// What `psoas run` is asked to do; flags not given are `None` or `false`,
/// and the config and the defaults fill them in.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag of `psoas run` that is a yes or no is one here, as it was given"
)]
pub(crate) struct RunOptions {
    /// A routine id or the path of a routine file; none is the default routine.
    pub routine: Option<String>,
    /// Plan a routine of about this many minutes and run that instead.
    pub minutes: Option<u32>,
    /// A plain transcript even on a terminal.
    pub plain: bool,
    /// Colour on the screen.
    pub color: ColorWhen,
    /// How many times faster than real time the run goes (a preview when not 1).
    pub speed: f64,
    /// Whether to do the guided warm-up, skip it, or ask.
    pub warm_up: WarmUpChoice,
    /// A brisk warm-up even if the config does not ask for one.
    pub brisk_warm_up: bool,
    /// The bell may ring (the config may still turn it off); false never rings it.
    pub bell: bool,
    /// Figures may be drawn on the screen (the config may still say no);
    /// false never draws them.
    pub pictures: bool,
    /// Speak cues (`Some(true)`) or not (`Some(false)`); none is the config's choice.
    pub voice: Option<bool>,
    /// The words a minute the voice speaks at; none is the config's.
    pub voice_pace: Option<Pace>,
    /// The tension score before the session, so it is not asked for.
    pub tension_before: Option<u8>,
    /// The tension score after the session, so it is not asked for.
    pub tension_after: Option<u8>,
    /// The side check's ratings, left and right, so they are not asked for.
    pub pull: (Option<u8>, Option<u8>),
    /// Check-ins may be asked (the config may still say no); false never asks.
    pub check_in: bool,
    /// A note for the session's record.
    pub note: Option<String>,
    /// Write the session to the history (and mark the safety notice shown).
    pub record: bool,
    /// Conditions to leave exercises out for, besides the config's.
    pub conditions: Vec<Condition>,
    /// The level to lay the holds out at; none is the config's.
    pub level: Option<Level>,
    /// How much get-readies say; none is the config's.
    pub guidance: Option<Guidance>,
}

/// `--color`: whether the screen uses colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum ColorWhen {
    /// Colour unless the environment's conventions say otherwise.
    Auto,
    /// Colour whatever the environment says.
    Always,
    /// No colour.
    Never,
}

impl ColorWhen {
    pub const ALL: &'static [ColorWhen] = <ColorWhen as strum::VariantArray>::VARIANTS;

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// What the run needs to know about where it runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is a separate fact of the process's surroundings (a terminal on stdin, on stdout, ...), not states of one thing"
)]
pub(crate) struct Environment {
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub term: Option<String>,
    /// `NO_COLOR` is set to something other than the empty string.
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set to something other than empty or `0`.
    pub clicolor_force: bool,
    /// `CLICOLOR` is `0`.
    pub clicolor_off: bool,
    /// `PSOAS_VIRTUAL_CLOCK` is `1`: the tests' clock that skips its waits
    /// (see `runner/clock.rs`). Not for users, so not documented for them.
    pub virtual_clock: bool,
}

impl Environment {
    pub(crate) fn of_process() -> Environment {
        Environment {
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            term: std::env::var("TERM").ok(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE")
                .is_some_and(|v| !v.is_empty() && v != "0"),
            clicolor_off: std::env::var_os("CLICOLOR").is_some_and(|v| v == "0"),
            virtual_clock: std::env::var_os("PSOAS_VIRTUAL_CLOCK").is_some_and(|v| v == "1"),
        }
    }
}

/// Flags beat the config, the config beats the defaults; plain mode whenever
/// keys cannot be read or escape codes would not be understood.
pub(crate) fn resolve(args: &RunOptions, config: &Config, env: &Environment) -> RunSettings {
    let plain = args.plain
        || !env.stdin_is_terminal
        || !env.stdout_is_terminal
        || env.term.as_deref() == Some("dumb");
    RunSettings {
        plain,
        speed: args.speed,
        bell: args.bell && config.bell(),
        pictures: args.pictures && config.pictures(),
        colour: colour(args.color, env),
        warm_up: args.warm_up,
        virtual_clock: env.virtual_clock,
    }
}

/// Whether the screen is in colour: `--color always` or `never` settle it;
/// `auto` takes `NO_COLOR`, then `CLICOLOR_FORCE`, then `CLICOLOR=0`, as
/// the conventions at no-color.org and bixense.com/clicolors order them.
/// The screen is only drawn on a terminal, so auto means colour otherwise.
fn colour(when: ColorWhen, env: &Environment) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => !env.no_color && (env.clicolor_force || !env.clicolor_off),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_the_conventions() {
        let env = |no_color, clicolor_force, clicolor_off| Environment {
            no_color,
            clicolor_force,
            clicolor_off,
            ..Environment::default()
        };
        assert!(colour(ColorWhen::Auto, &env(false, false, false)));
        assert!(!colour(ColorWhen::Auto, &env(true, false, false)));
        assert!(!colour(ColorWhen::Auto, &env(true, true, false)));
        assert!(!colour(ColorWhen::Auto, &env(false, false, true)));
        assert!(colour(ColorWhen::Auto, &env(false, true, true)));
        assert!(colour(ColorWhen::Always, &env(true, false, true)));
        assert!(!colour(ColorWhen::Never, &env(false, true, false)));
    }
}
