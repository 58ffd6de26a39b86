//! The files `psoas remind install` writes for the system's scheduler, as
//! text: a systemd user service and timer, a launchd agent, or a crontab
//! line. Each runs `psoas remind now` with the schedule's flags every
//! [`CHECK_MINUTES`] on the set days and hours, so the scheduler and
//! `remind now` agree on the schedule, and `now` decides from the time at the
//! desk (or the clock) whether this check nudges. Pure: a program path and a
//! schedule in, file names and text out.

use std::fmt::Write as _;
use std::path::Path;

use super::schedule::{CHECK_MINUTES, Days, Schedule};

/// The name of the systemd units, without `.service` or `.timer`.
pub(crate) const SYSTEMD_UNIT: &str = "psoas-remind";

/// The launchd agent's label, and its file name without `.plist`.
pub(crate) const LAUNCHD_LABEL: &str = "io.github.psoas.remind";

/// One file to write: its name in its folder, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitFile {
    pub name: String,
    pub text: String,
}

/// Why a path cannot go into a scheduler's file: a file is read line by line
/// (a crontab line ends at a newline, so a newline in psoas's path would start
/// a line of its own that cron runs), and the path must come back as the
/// bytes it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UnsafePath {
    /// It holds this control character.
    Control(char),
    /// It is not UTF-8, so it cannot be written as it is.
    NotUtf8,
}

/// Whether `path` can be written into a scheduler's file as it is.
pub(crate) fn check_path(path: &Path) -> Result<(), UnsafePath> {
    let text = path.to_str().ok_or(UnsafePath::NotUtf8)?;
    match text.chars().find(|c| c.is_control()) {
        Some(c) => Err(UnsafePath::Control(c)),
        None => Ok(()),
    }
}

impl std::fmt::Display for UnsafePath {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            UnsafePath::Control('\n') => f.write_str("holds a newline"),
            UnsafePath::Control(c) => {
                write!(f, "holds the control character {}", c.escape_unicode())
            }
            UnsafePath::NotUtf8 => f.write_str("is not UTF-8"),
        }
    }
}

/// The words of the command the scheduler runs.
pub(crate) fn command(program: &Path, schedule: &Schedule) -> Vec<String> {
    let mut words = vec![
        program.display().to_string(),
        "remind".to_string(),
        "now".to_string(),
    ];
    words.extend(schedule.args());
    words
}

/// The schedule of a command written by [`command`], read back from the
/// words after `remind now`.
pub(crate) fn schedule_of(words: &[String]) -> Option<Schedule> {
    let at = words
        .windows(2)
        .position(|w| w[0] == "remind" && w[1] == "now")?;
    let mut schedule = Schedule::default();
    for pair in words[at + 2..].chunks(2) {
        let [flag, value] = pair else { return None };
        match flag.as_str() {
            "--every" => schedule.every = value.parse().ok()?,
            "--from" => schedule.from = value.parse().ok()?,
            "--to" => schedule.to = value.parse().ok()?,
            "--days" => schedule.days = value.parse().ok()?,
            _ => return None,
        }
    }
    Some(schedule)
}

/// The service that runs `remind now` once, and the timer that starts it.
pub(crate) fn systemd(program: &Path, schedule: &Schedule) -> [UnitFile; 2] {
    let exec: Vec<String> = command(program, schedule)
        .iter()
        .enumerate()
        .map(|(i, w)| systemd_quote(w, i == 0))
        .collect();
    let service = format!(
        "\
# Written by `psoas remind install`; `psoas remind uninstall` removes it.
[Unit]
Description=psoas: a nudge to stand up from the desk

[Service]
Type=oneshot
ExecStart={}
# A break started from the nudge runs on in its terminal after the check ends.
KillMode=process
",
        exec.join(" ")
    );
    let days: Vec<&str> = schedule.days.iter().map(Days::short_name).collect();
    let (first, last) = schedule.check_hours();
    let timer = format!(
        "\
# Written by `psoas remind install`; `psoas remind uninstall` removes it.
[Unit]
Description=psoas: a check for a desk nudge every {CHECK_MINUTES} min ({schedule})

[Timer]
OnCalendar={} *-*-* {first:02}..{last:02}:00/{CHECK_MINUTES}:00
AccuracySec=1s

[Install]
WantedBy=timers.target
",
        days.join(",")
    );
    [
        UnitFile {
            name: format!("{SYSTEMD_UNIT}.service"),
            text: service,
        },
        UnitFile {
            name: format!("{SYSTEMD_UNIT}.timer"),
            text: timer,
        },
    ]
}

/// A word of `ExecStart=`, quoted so that systemd reads it back as it is:
/// `%` would otherwise be expanded, and `$` in an argument too. The program's
/// own path (the first word) is run as written, `$` and all.
fn systemd_quote(word: &str, program: bool) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%");
    let escaped = if program {
        escaped
    } else {
        escaped.replace('$', "$$")
    };
    if escaped.is_empty() || escaped.contains(|c: char| c.is_whitespace() || c == '"' || c == '\\')
    {
        format!("\"{escaped}\"")
    } else {
        escaped
    }
}

/// The launchd agent: the command, and a calendar entry for each day and time.
pub(crate) fn launchd(program: &Path, schedule: &Schedule) -> UnitFile {
    let mut text = String::from(
        "\
<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">
<!-- Written by `psoas remind install`; `psoas remind uninstall` removes it. -->
<plist version=\"1.0\">
<dict>
",
    );
    let _ = writeln!(
        text,
        "  <key>Label</key>\n  <string>{LAUNCHD_LABEL}</string>"
    );
    text.push_str("  <key>ProgramArguments</key>\n  <array>\n");
    for word in command(program, schedule) {
        let _ = writeln!(text, "    <string>{}</string>", xml_escape(&word));
    }
    // launchd has no calendar entry for "every five minutes in these
    // hours" short of one per minute; `remind now` itself says no outside
    // the set days and hours.
    let _ = writeln!(
        text,
        "  </array>\n  <key>StartInterval</key>\n  <integer>{}</integer>",
        CHECK_MINUTES * 60
    );
    text.push_str("</dict>\n</plist>\n");
    UnitFile {
        name: format!("{LAUNCHD_LABEL}.plist"),
        text,
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The crontab line: a check every [`CHECK_MINUTES`] in the set hours of
/// the set days.
pub(crate) fn crontab(program: &Path, schedule: &Schedule) -> String {
    let words: Vec<String> = command(program, schedule)
        .iter()
        .map(|w| shell_quote(w))
        .collect();
    let days: Vec<String> = schedule
        .days
        .iter()
        .map(|d| d.num_days_from_sunday().to_string())
        .collect();
    let (first, last) = schedule.check_hours();
    format!(
        "*/{CHECK_MINUTES} {first}-{last} * * {} {}\n",
        days.join(","),
        words.join(" ")
    )
}

/// A word for the shell cron runs lines with (the program's path has no
/// NUL, and no newline: [`check_path`] refused it); `%` means a new line to
/// cron, so it is escaped for cron after the shell's quoting.
fn shell_quote(word: &str) -> String {
    // A NUL cannot be passed to a program at all; none is left to refuse.
    let word = word.replace('\0', "");
    let quoted = shlex::try_quote(&word).map(std::borrow::Cow::into_owned);
    quoted.unwrap_or_default().replace('%', "\\%")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule() -> Schedule {
        Schedule {
            every: "90m".parse().unwrap(),
            from: "09:00".parse().unwrap(),
            to: "12:00".parse().unwrap(),
            days: "mon,wed".parse().unwrap(),
        }
    }

    #[test]
    fn the_systemd_timer_checks_every_five_minutes_in_the_hours() {
        let [service, timer] = systemd(Path::new("/opt/my tools/psoas"), &schedule());
        assert_eq!(service.name, "psoas-remind.service");
        assert!(
            service.text.contains(
                "ExecStart=\"/opt/my tools/psoas\" remind now --every 90m --from 09:00 --to 12:00 --days mon,wed\n"
            ),
            "{}",
            service.text
        );
        // Ending the check does not end the break it started.
        assert!(
            service.text.ends_with("\nKillMode=process\n"),
            "{}",
            service.text
        );
        assert_eq!(timer.name, "psoas-remind.timer");
        assert!(
            timer
                .text
                .contains("OnCalendar=Mon,Wed *-*-* 09..12:00/5:00\nAccuracySec=1s\n"),
            "{}",
            timer.text
        );
    }

    #[test]
    fn systemd_words_are_quoted_against_expansion() {
        assert_eq!(systemd_quote("/usr/bin/psoas", true), "/usr/bin/psoas");
        assert_eq!(systemd_quote("/a b/%h$x", false), "\"/a b/%%h$$x\"");
        assert_eq!(systemd_quote("/a b/%h$x", true), "\"/a b/%%h$x\"");
        assert_eq!(systemd_quote("a\"b", false), "\"a\\\"b\"");
    }

    #[test]
    fn the_launchd_agent_runs_the_check_every_five_minutes() {
        let plist = launchd(Path::new("/usr/local/bin/psoas&co"), &schedule());
        assert_eq!(plist.name, "io.github.psoas.remind.plist");
        assert!(plist.text.contains("<string>/usr/local/bin/psoas&amp;co</string>\n    <string>remind</string>\n    <string>now</string>\n    <string>--every</string>\n    <string>90m</string>"));
        assert!(
            plist
                .text
                .ends_with("  </array>\n  <key>StartInterval</key>\n  <integer>300</integer>\n</dict>\n</plist>\n"),
            "{}",
            plist.text
        );
    }

    #[test]
    fn the_crontab_line_checks_every_five_minutes_in_the_hours() {
        let text = crontab(Path::new("/home/me/bin/psoas"), &schedule());
        assert_eq!(
            text,
            "*/5 9-12 * * 1,3 /home/me/bin/psoas remind now --every 90m --from 09:00 --to 12:00 --days 'mon,wed'\n"
        );
        assert_eq!(shell_quote("/it's 100%"), "\"/it's 100\\%\"");
        assert_eq!(shell_quote("/a b/$HOME"), "'/a b/$HOME'");
        // What the shell reads back is the word, once cron has taken its `\%`.
        for word in ["/it's 100%", "/a b/$HOME", "`x`", ""] {
            let for_shell = shell_quote(word).replace("\\%", "%");
            assert_eq!(shlex::split(&for_shell), Some(vec![word.to_string()]));
        }
    }

    #[test]
    fn a_path_with_a_control_character_cannot_go_into_a_file() {
        assert_eq!(check_path(Path::new("/opt/my tools/psoas")), Ok(()));
        assert_eq!(check_path(Path::new("/home/ünï/psoas")), Ok(()));
        let newline = check_path(Path::new("/tmp/x\n* * * * * touch /tmp/y\n/psoas"));
        assert_eq!(newline, Err(UnsafePath::Control('\n')));
        assert_eq!(newline.unwrap_err().to_string(), "holds a newline");
        let escape = check_path(Path::new("/tmp/\x1b[2J/psoas")).unwrap_err();
        assert_eq!(escape.to_string(), "holds the control character \\u{1b}");
        assert_eq!(
            check_path(Path::new("/tmp/a\rb")),
            Err(UnsafePath::Control('\r'))
        );
        use std::os::unix::ffi::OsStrExt as _;
        let latin1 = std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9/psoas");
        assert_eq!(check_path(Path::new(latin1)), Err(UnsafePath::NotUtf8));
    }

    #[test]
    fn the_schedule_reads_back_from_the_command() {
        let words = command(Path::new("/p"), &schedule());
        assert_eq!(schedule_of(&words), Some(schedule()));
        assert_eq!(schedule_of(&["psoas".into(), "history".into()]), None);
    }
}
