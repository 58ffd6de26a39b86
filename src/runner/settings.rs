//! How a run is carried out, resolved from the command line and the
//! environment before the runner starts; the runner never sees clap or the
//! process environment.

/// Whether to offer, do or leave out the guided warm-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WarmUpChoice {
    /// Remind, and (interactively) ask; plain mode reminds and goes on.
    Ask,
    /// `--warm-up`: do the guided warm-up first.
    Guided,
    /// `--no-warm-up`: neither remind nor warm up.
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "a run's yes-or-no choices, one for each flag; an enum would only rename them"
)]
pub(crate) struct RunSettings {
    /// One line per event, no escape codes and no key reading.
    pub plain: bool,
    /// Plan seconds per real second: 1.0, or more for a preview.
    pub speed: f64,
    /// Ring the terminal bell at the start and end of each hold.
    pub bell: bool,
    /// Colour on the interactive screen (`--color`, `NO_COLOR`, `CLICOLOR`).
    pub colour: bool,
    /// Each exercise's figure on the screen, where there is room
    /// (`--no-pictures`, `pictures = false`); never in plain mode.
    pub pictures: bool,
    pub warm_up: WarmUpChoice,
    /// The run's clock skips its waits (see [`Clock`](super::clock::Clock));
    /// for tests only.
    pub virtual_clock: bool,
}

impl Default for RunSettings {
    fn default() -> Self {
        Self {
            plain: true,
            speed: 1.0,
            bell: true,
            colour: true,
            pictures: true,
            warm_up: WarmUpChoice::Ask,
            virtual_clock: false,
        }
    }
}
