//! Every sentence of `psoas remind`: the nudge, why a check did not nudge,
//! what `install`, `uninstall` and `status` say, and the warnings about a
//! notifier; what a nudge with choices says is in [`choices`]. Pure: what
//! happened in, words out; `commands/remind.rs` prints them, and paths come
//! in already made safe to show.

pub(crate) mod choices;

use chrono::{DateTime, FixedOffset};

use crate::remind::do_not_disturb::Said;
use crate::remind::idle::Source;
use crate::remind::last_check::LastCheck;
use crate::remind::schedule::CHECK_MINUTES;
use crate::remind::units::UnsafePath;
use crate::remind::{Decision, Interval, Schedule, Scheduler, TimeOfDay};

/// "Time to stand up: `psoas run desk-break` (3 min)".
pub(crate) fn nudge(routine: &str, seconds: u32) -> String {
    let minutes = ((seconds + 30) / 60).max(1);
    format!("Time to stand up: `psoas run {routine}` ({minutes} min)")
}

/// Why no nudge came, for `remind now` to say; `None` for a nudge.
pub(crate) fn no_nudge(decision: Decision, schedule: &Schedule) -> Option<String> {
    Some(match decision {
        Decision::Nudge => return None,
        Decision::NotToday => format!("no nudge: today is not one of {}", schedule.days),
        Decision::OutsideHours => {
            format!("no nudge: outside {} to {}", schedule.from, schedule.to)
        }
        Decision::RecentSession { minutes_ago } => format!(
            "no nudge: your last session started {minutes_ago} min ago, less than {}",
            schedule.every
        ),
        Decision::AlreadyNudged => "no nudge: one came already in this interval".to_string(),
        Decision::NudgedWhileSitting { minutes_ago, sit } => format!(
            "no nudge: one came {minutes_ago} min ago; the next comes {sit} after it if you stay at the desk"
        ),
        Decision::Away => "no nudge: you are away from the desk".to_string(),
        Decision::Sitting { minutes, sit } => format!(
            "no nudge: at the desk for {minutes} min since your last break, less than {sit}"
        ),
        Decision::DoNotDisturb(said) => {
            format!("no nudge: do not disturb ({})", do_not_disturb(said))
        }
    })
}

/// Who said do not disturb.
pub(crate) fn do_not_disturb(said: Said) -> &'static str {
    match said {
        Said::GnomeBanners => "GNOME's notification banners are off",
        Said::Inhibited => "the notification service holds notifications back",
    }
}

/// Where the idle time came from.
pub(crate) fn idle_source(source: Source) -> &'static str {
    match source {
        Source::Mutter => "GNOME's Mutter idle monitor",
        Source::ScreenSaver => "the freedesktop screensaver interface",
        Source::X11 => "X11's screen saver extension",
        Source::Logind => "logind's idle hint",
        Source::MacOs => "macOS's HID idle time",
    }
}

/// The line of `status` that names the idle source psoas finds from where
/// `status` runs, or says there is none.
pub(crate) fn idle_source_line(source: Option<Source>) -> String {
    match source {
        Some(source) => format!(
            "Idle time here from {}: nudges come after time at the desk without a break.",
            idle_source(source)
        ),
        None => "No idle time from the desktop here: nudges come at clock times.".to_string(),
    }
}

/// The line of `status` that says what the checks inside the set hours
/// have used, which may differ from what a shell over ssh or a cron job
/// finds.
pub(crate) fn last_check_line(check: Option<LastCheck>) -> String {
    let Some(check) = check else {
        return "No check has run in the set hours yet.".to_string();
    };
    let since = check.at.format("%a %Y-%m-%d %H:%M");
    match check.source {
        Some(source) => format!(
            "The checks have had idle time from {} since {since}.",
            idle_source(source)
        ),
        None => {
            format!("The checks have had no idle time from the desktop since {since}: clock times.")
        }
    }
}

pub(crate) fn last_nudge_line(at: Option<DateTime<FixedOffset>>) -> String {
    match at {
        Some(at) => format!("Last nudge: {}.", at.format("%a %Y-%m-%d %H:%M")),
        None => "No nudge yet.".to_string(),
    }
}

/// The words beside the bar while `remind now` waits for a pause in the
/// typing, on a terminal: "Waiting up to 2:00 for a pause in your typing".
pub(crate) fn waiting_for_pause(limit_seconds: u32) -> String {
    format!(
        "Waiting up to {} for a pause in your typing",
        crate::format::clock(limit_seconds)
    )
}

/// What `remind now` says while snoozed or paused.
pub(crate) fn paused_until(until: DateTime<FixedOffset>) -> String {
    format!("no nudge: paused until {}", until.format("%H:%M"))
}

/// What `snooze` and `pause` say: "No nudge until 14:00." (with the day
/// when it is not today).
pub(crate) fn no_nudge_until(now: DateTime<FixedOffset>, until: DateTime<FixedOffset>) -> String {
    let day = if until.date_naive() == now.date_naive() {
        String::new()
    } else {
        until.format(" on %a %Y-%m-%d").to_string()
    };
    format!("No nudge until {}{day}.", until.format("%H:%M"))
}

/// `pause until` a time that has passed today.
pub(crate) fn pause_time_passed(until: TimeOfDay, now: DateTime<FixedOffset>) -> String {
    format!(
        "{until} has passed today (it is {}): give a later time, or `psoas remind snooze 30m` for a while",
        now.format("%H:%M")
    )
}

pub(crate) fn program_path_unsafe(shown: &str, why: &UnsafePath) -> String {
    format!(
        "psoas's own path {shown} {why}, so it cannot be written into the scheduler's files as it \
         is; install psoas in a folder whose path has no control characters"
    )
}

pub(crate) fn folder_unsafe(scheduler: Scheduler, shown: &str, why: &UnsafePath) -> String {
    format!(
        "the folder for the {scheduler} files, {shown}, {why}; it comes from HOME (or \
         XDG_CONFIG_HOME for systemd): set it to a folder whose path has no control characters"
    )
}

/// When nudges come, in both modes: "after 50m at the desk without a break
/// (every 60m where the desktop does not say how long you were away),
/// 09:00 to 17:30, mon-fri".
pub(crate) fn nudges_when(schedule: &Schedule, sit: Interval) -> String {
    format!(
        "after {sit} at the desk without a break (every {} where the desktop does not say how \
         long you were away), {} to {}, {}",
        schedule.every, schedule.from, schedule.to, schedule.days
    )
}

/// Above the crontab line: `chosen` when `--scheduler cron` was given,
/// else cron is all there is.
pub(crate) fn crontab_intro(chosen: bool, schedule: &Schedule, sit: Interval) -> String {
    let why = if chosen {
        "Add"
    } else {
        "No systemd or launchd here: add"
    };
    format!(
        "{why} this line with `crontab -e` for a check every {CHECK_MINUTES} minutes, nudges {}:",
        nudges_when(schedule, sit)
    )
}

pub(crate) fn wrote(shown: &str) -> String {
    format!("wrote {shown}")
}

pub(crate) fn removed(shown: &str) -> String {
    format!("removed {shown}")
}

pub(crate) fn timer_not_enabled_after_install(timer: &str) -> String {
    format!(
        "the files are written, but the timer is not enabled; in a session of your own, run \
         `systemctl --user daemon-reload && systemctl --user enable --now {timer}`"
    )
}

pub(crate) fn enabled(timer: &str) -> String {
    format!("enabled {timer} with systemctl --user")
}

pub(crate) fn loaded(label: &str) -> String {
    format!("loaded {label} with launchctl")
}

/// The last line of `install`.
pub(crate) fn installed(schedule: &Schedule, sit: Interval) -> String {
    format!(
        "psoas will check every {CHECK_MINUTES} minutes for a chance to nudge you {}.",
        nudges_when(schedule, sit)
    )
}

pub(crate) const CRONTAB_UNINSTALL: &str = "psoas cannot change your crontab: remove the lines with `psoas remind now` using `crontab -e`.";

pub(crate) fn nothing_to_remove(scheduler: Scheduler) -> String {
    format!("Nothing to remove: no reminder is installed for {scheduler}.")
}

/// The warning when the files went but `systemctl` could not be reached.
pub(crate) fn disable_failed(error: &str, timer: &str) -> String {
    format!(
        "psoas: warning: {error}; if the timer runs in a session of your own, `systemctl --user \
         disable --now {timer}` there stops it."
    )
}

pub(crate) const CRON_STATUS: &str = "Scheduler: cron. psoas cannot read your crontab; \
`crontab -l | grep 'psoas remind'` shows its lines.";

pub(crate) fn not_installed(scheduler: Scheduler) -> String {
    format!("Not installed ({scheduler}): `psoas remind install` sets it up.")
}

pub(crate) fn installed_for(scheduler: Scheduler, shown: &str) -> String {
    format!("Installed for {scheduler}: {shown}")
}

/// A timer or agent written by a psoas that checked at set times only.
pub(crate) fn checks_at_set_times(shown: &str) -> String {
    format!(
        "{shown} is from a psoas that checked at set times only: `psoas remind install` writes it \
         again, to check every {CHECK_MINUTES} minutes."
    )
}

pub(crate) fn timer_not_active(timer: &str) -> String {
    format!(
        "The timer is not active, so no check comes: in a session of your own, `systemctl --user \
         enable --now {timer}` turns it on."
    )
}

pub(crate) fn timer_not_enabled(timer: &str) -> String {
    format!("The timer is not enabled: `systemctl --user enable --now {timer}` turns it on.")
}

pub(crate) fn schedule_line(schedule: &Schedule) -> String {
    format!("Schedule: {schedule}.")
}

pub(crate) fn next_check(at: DateTime<FixedOffset>) -> String {
    format!("Next check: {}.", at.format("%a %Y-%m-%d %H:%M"))
}

pub(crate) const SCHEDULE_UNREADABLE: &str =
    "Its schedule cannot be read; `psoas remind install` writes it again.";

/// A scheduler's program (`systemctl`, `launchctl`) that could not be
/// started, that failed, or that was ended after its time.
pub(crate) fn cannot_run(command: &str) -> String {
    format!("cannot run `{command}`")
}

pub(crate) fn program_failed(command: &str, status: &str) -> String {
    format!("`{command}` failed ({status})")
}

pub(crate) fn program_ended(command: &str, seconds: u64) -> String {
    format!("`{command}` did not finish within {seconds} s, so psoas ended it")
}

pub(crate) fn notify_command_still_running(program: &str, seconds: u64) -> String {
    format!(
        "psoas: the notify_command `{program}` is still running after {seconds} s; psoas leaves it \
         be."
    )
}

/// Said once: no desktop notification could be shown.
pub(crate) fn no_notifier(error: &str) -> String {
    format!(
        "psoas: no desktop notification could be shown ({error}); the nudge is printed instead. \
         Set `notify_command` in the config to use a program of your own. This is said once."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nudge_names_the_routine_and_its_minutes() {
        assert_eq!(
            nudge("desk-break", 175),
            "Time to stand up: `psoas run desk-break` (3 min)"
        );
        assert_eq!(nudge("x", 10), "Time to stand up: `psoas run x` (1 min)");
        assert_eq!(nudge("x", 89), "Time to stand up: `psoas run x` (1 min)");
        assert_eq!(nudge("x", 90), "Time to stand up: `psoas run x` (2 min)");
    }

    #[test]
    fn reasons_name_the_setting() {
        let s = Schedule::default();
        assert_eq!(no_nudge(Decision::Nudge, &s), None);
        assert_eq!(
            no_nudge(Decision::OutsideHours, &s).unwrap(),
            "no nudge: outside 09:00 to 17:30"
        );
        assert_eq!(
            no_nudge(Decision::RecentSession { minutes_ago: 12 }, &s).unwrap(),
            "no nudge: your last session started 12 min ago, less than 60m"
        );
        let sit = "50m".parse().unwrap();
        assert_eq!(
            no_nudge(Decision::Sitting { minutes: 40, sit }, &s).unwrap(),
            "no nudge: at the desk for 40 min since your last break, less than 50m"
        );
        assert_eq!(
            no_nudge(
                Decision::NudgedWhileSitting {
                    minutes_ago: 10,
                    sit
                },
                &s
            )
            .unwrap(),
            "no nudge: one came 10 min ago; the next comes 50m after it if you stay at the desk"
        );
        assert_eq!(
            nudges_when(&s, sit),
            "after 50m at the desk without a break (every 60m where the desktop does not say how \
             long you were away), 09:00 to 17:30, mon-fri"
        );
        assert_eq!(
            no_nudge(Decision::DoNotDisturb(Said::Inhibited), &s).unwrap(),
            "no nudge: do not disturb (the notification service holds notifications back)"
        );
    }
}
