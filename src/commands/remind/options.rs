//! What `psoas remind` is asked to do ([`RemindTask`]), and how the schedule
//! and the scheduler given resolve against the config and the system.

use anyhow::{Result, bail};

use crate::config::Config;
use crate::remind::{Days, Interval, Schedule, Scheduler, TimeOfDay};

/// What `psoas remind` is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RemindTask {
    /// Have the scheduler run `psoas remind now` on this schedule.
    Install {
        /// When nudges may come.
        schedule: ScheduleOptions,
        /// The scheduler to use; none is the one found here.
        scheduler: Option<Scheduler>,
        /// Print what would be written and change nothing.
        dry_run: bool,
    },
    /// Remove what `install` set up.
    Uninstall {
        /// The scheduler to remove from; none is the one found here.
        scheduler: Option<Scheduler>,
    },
    /// Say what is installed and when it fires.
    Status {
        /// The scheduler to ask; none is the one found here.
        scheduler: Option<Scheduler>,
    },
    /// Nudge now, if the schedule and the history say so.
    Now {
        /// When nudges may come.
        schedule: ScheduleOptions,
    },
    /// No nudge for this many minutes from now.
    Snooze { minutes: u32 },
    /// No nudge until this time today.
    Pause { until: TimeOfDay },
}

/// When nudges may come, as given on the command line; each one given beats
/// the config's `remind` table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ScheduleOptions {
    /// Time between nudges.
    pub every: Option<Interval>,
    /// Earliest time of day.
    pub from: Option<TimeOfDay>,
    /// Latest time of day.
    pub to: Option<TimeOfDay>,
    /// Days of the week.
    pub days: Option<Days>,
}

/// Flags beat the config, the config beats the defaults.
pub(super) fn schedule(args: &ScheduleOptions, config: &Config) -> Result<Schedule> {
    let c = config.remind();
    let schedule = Schedule {
        every: args.every.unwrap_or(c.every),
        from: args.from.unwrap_or(c.from),
        to: args.to.unwrap_or(c.to),
        days: args.days.unwrap_or(c.days),
    };
    if let Some(problem) = schedule.problem() {
        bail!("{problem}");
    }
    Ok(schedule)
}

/// The scheduler chosen, else the one found here.
pub(super) fn scheduler(chosen: Option<Scheduler>) -> Scheduler {
    chosen.unwrap_or_else(|| Scheduler::detect(std::env::var_os("PATH").as_deref()))
}
