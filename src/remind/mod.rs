//! `psoas remind`: a nudge to stand up from the desk, after time at the desk
//! or at set times.
//!
//! `install` has the system's own scheduler run a short check, `psoas remind
//! now`, every [`schedule::CHECK_MINUTES`] on the [`Schedule`]'s days and
//! hours ([`units`] writes its files); no program of psoas runs in between.
//! `now` decides whether to nudge ([`decide`](mod@decide)) and shows the
//! nudge ([`notify`]). Where the desktop says how long the person has been
//! away ([`idle`]), `now` counts time at the desk ([`sitting`], kept in the
//! state folder between checks) and a due nudge waits for a pause in the
//! typing ([`pause`]); elsewhere it nudges at clock times, at most once in
//! each interval, the last nudge kept in the state folder. Nothing is nudged
//! under do not disturb ([`do_not_disturb`]). The system's own programs are
//! run by [`helper`], so that none can hold psoas up.
//! Where the notification service supports actions, the nudge asks
//! ([`ask`]): start the break (in a [`terminal`]), snooze or skip; each
//! nudge and its answer is kept ([`answers`]), for the routines offered in
//! turn and the day's skips.

pub(crate) mod answers;
pub(crate) mod ask;
pub(crate) mod decide;
pub(crate) mod do_not_disturb;
pub(crate) mod helper;
pub(crate) mod idle;
pub(crate) mod last_check;
pub(crate) mod notify;
pub(crate) mod pause;
pub(crate) mod schedule;
pub(crate) mod sitting;
pub(crate) mod terminal;
pub(crate) mod units;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};

pub(crate) use decide::{Decision, decide};
pub(crate) use schedule::{Days, Interval, Schedule, TimeOfDay};

/// The routine a nudge suggests unless `remind.routines` says otherwise.
pub(crate) const ROUTINE: &str = "desk-break";

/// How long the snooze a nudge offers lasts.
pub(crate) const SNOOZE_MINUTES: u32 = 10;

/// How long `remind now` waits for the answer to a nudge with choices.
pub(crate) const ANSWER_WAIT: std::time::Duration = std::time::Duration::from_secs(3 * 60);

/// The file in the state folder that holds when the last nudge came.
pub(crate) const LAST_NUDGE_FILE: &str = "remind-last-nudge";

/// The file in the state folder whose presence means psoas has said that no
/// notifier answered, so it is not said again.
pub(crate) const NO_NOTIFIER_FILE: &str = "remind-no-notifier";

/// When the last nudge came, as kept in the state folder; none if the file
/// is missing or unreadable (a nudge too many is better than none).
pub(crate) fn last_nudge(state_dir: &Path) -> Option<DateTime<FixedOffset>> {
    // Read through the files helper, so a FIFO or device in its place is
    // refused rather than waited on; the file is one short line.
    let file = crate::files::open_regular(&state_dir.join(LAST_NUDGE_FILE)).ok()?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(file, 256), &mut text).ok()?;
    DateTime::parse_from_rfc3339(text.trim()).ok()
}

/// The system's scheduler that runs `remind now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheduler {
    /// A systemd user timer and service, enabled with `systemctl --user`.
    Systemd,
    /// A launchd agent, loaded with `launchctl`.
    Launchd,
    /// A crontab line, for the person to add.
    Cron,
}

impl Scheduler {
    pub(crate) const NAMES: [&str; 3] = ["systemd", "launchd", "cron"];

    /// launchd on macOS; systemd where `systemctl` is a program on `path_var`;
    /// else cron.
    pub(crate) fn detect(path_var: Option<&std::ffi::OsStr>) -> Scheduler {
        if cfg!(target_os = "macos") {
            return Scheduler::Launchd;
        }
        let has_systemctl =
            path_var.is_some_and(|p| which::which_in("systemctl", Some(p), ".").is_ok());
        if has_systemctl {
            Scheduler::Systemd
        } else {
            Scheduler::Cron
        }
    }

    /// The folder its files go in, if it has files.
    pub(crate) fn folder(self, places: &Places) -> Option<PathBuf> {
        match self {
            Scheduler::Systemd => Some(places.config_home.join("systemd").join("user")),
            Scheduler::Launchd => Some(places.home.join("Library").join("LaunchAgents")),
            Scheduler::Cron => None,
        }
    }
}

impl fmt::Display for Scheduler {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let i = *self as usize;
        f.write_str(Scheduler::NAMES[i])
    }
}

impl FromStr for Scheduler {
    type Err = String;

    fn from_str(s: &str) -> Result<Scheduler, String> {
        match s {
            "systemd" => Ok(Scheduler::Systemd),
            "launchd" => Ok(Scheduler::Launchd),
            "cron" => Ok(Scheduler::Cron),
            _ => Err(format!("one of {}", Scheduler::NAMES.join(", "))),
        }
    }
}

/// Where the schedulers' files live: `$XDG_CONFIG_HOME` (for systemd) and
/// the home folder (for launchd).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Places {
    pub config_home: PathBuf,
    pub home: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheduler_is_systemd_where_systemctl_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().as_os_str();
        if !cfg!(target_os = "macos") {
            assert_eq!(Scheduler::detect(Some(empty)), Scheduler::Cron);
            let systemctl = dir.path().join("systemctl");
            std::fs::write(&systemctl, "").unwrap();
            // A file that cannot be run is not a program.
            assert_eq!(Scheduler::detect(Some(empty)), Scheduler::Cron);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let executable = std::fs::Permissions::from_mode(0o755);
                std::fs::set_permissions(&systemctl, executable).unwrap();
                assert_eq!(Scheduler::detect(Some(empty)), Scheduler::Systemd);
            }
        }
        assert_eq!("cron".parse(), Ok(Scheduler::Cron));
        assert_eq!(Scheduler::Launchd.to_string(), "launchd");
        let places = Places {
            config_home: "/c".into(),
            home: "/h".into(),
        };
        assert_eq!(
            Scheduler::Systemd.folder(&places),
            Some(PathBuf::from("/c/systemd/user"))
        );
        assert_eq!(Scheduler::Cron.folder(&places), None);
    }
}
