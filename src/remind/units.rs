//! The files `psoas remind install` writes for the system's scheduler, as
//! text: a systemd user service and timer, a launchd agent, or a crontab
//! line. Each runs `psoas remind now` with the schedule's flags at every time
//! the schedule fires, so the scheduler and `remind now` agree on the
//! schedule. Pure: a program path and a schedule in, file names and text out.

use std::fmt::Write as _;
use std::path::Path;

use chrono::Weekday;

use super::schedule::{Days, Schedule};

/// The name of the systemd units, without `.service` or `.timer`.
pub const SYSTEMD_UNIT: &str = "psoas-remind";

/// The launchd agent's label, and its file name without `.plist`.
pub const LAUNCHD_LABEL: &str = "io.github.psoas.remind";

/// One file to write: its name in its folder, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitFile {
    pub name: String,
    pub text: String,
}

/// Why a path cannot go into a scheduler's file: a file is read line by line
/// (a crontab line ends at a newline, so a newline in psoas's path would start
/// a line of its own that cron runs), and the path must come back as the
/// bytes it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnsafePath {
    /// It holds this control character.
    Control(char),
    /// It is not UTF-8, so it cannot be written as it is.
    NotUtf8,
}

/// Whether `path` can be written into a scheduler's file as it is.
pub fn check_path(path: &Path) -> Result<(), UnsafePath> {
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
pub fn command(program: &Path, schedule: &Schedule) -> Vec<String> {
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
pub fn schedule_of(words: &[String]) -> Option<Schedule> {
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
pub fn systemd(program: &Path, schedule: &Schedule) -> [UnitFile; 2] {
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
    let mut timer = format!(
        "\
# Written by `psoas remind install`; `psoas remind uninstall` removes it.
[Unit]
Description=psoas: when to look for a desk nudge ({schedule})

[Timer]
"
    );
    for time in schedule.times() {
        let _ = writeln!(timer, "OnCalendar={} *-*-* {time}:00", days.join(","));
    }
    timer.push_str("AccuracySec=1s\n\n[Install]\nWantedBy=timers.target\n");
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
pub fn launchd(program: &Path, schedule: &Schedule) -> UnitFile {
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
    text.push_str("  </array>\n  <key>StartCalendarInterval</key>\n  <array>\n");
    for day in schedule.days.iter() {
        for time in schedule.times() {
            let _ = writeln!(
                text,
                "    <dict><key>Weekday</key><integer>{}</integer><key>Hour</key><integer>{}</integer><key>Minute</key><integer>{}</integer></dict>",
                launchd_weekday(day),
                time.hour(),
                time.minute()
            );
        }
    }
    text.push_str("  </array>\n</dict>\n</plist>\n");
    UnitFile {
        name: format!("{LAUNCHD_LABEL}.plist"),
        text,
    }
}

/// launchd counts Sunday as 0 and Monday as 1.
fn launchd_weekday(day: Weekday) -> u32 {
    day.num_days_from_sunday()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The crontab lines: one for each minute past the hour the schedule fires
/// at, with the hours it fires at then.
pub fn crontab(program: &Path, schedule: &Schedule) -> String {
    let words: Vec<String> = command(program, schedule)
        .iter()
        .map(|w| shell_quote(w))
        .collect();
    let days: Vec<String> = schedule
        .days
        .iter()
        .map(|d| d.num_days_from_sunday().to_string())
        .collect();
    let mut by_minute: Vec<(u32, Vec<u32>)> = Vec::new();
    for time in schedule.times() {
        match by_minute.iter_mut().find(|(m, _)| *m == time.minute()) {
            Some((_, hours)) => hours.push(time.hour()),
            None => by_minute.push((time.minute(), vec![time.hour()])),
        }
    }
    by_minute.sort();
    let mut text = String::new();
    for (minute, hours) in by_minute {
        let hours: Vec<String> = hours.iter().map(u32::to_string).collect();
        let _ = writeln!(
            text,
            "{minute} {} * * {} {}",
            hours.join(","),
            days.join(","),
            words.join(" ")
        );
    }
    text
}

/// A word for the shell cron runs lines with; `%` means a new line to cron.
fn shell_quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:,=".contains(c);
    let quoted = if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    };
    quoted.replace('%', "\\%")
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
    fn the_systemd_timer_fires_at_each_time_on_each_day() {
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
            timer.text.contains(
                "OnCalendar=Mon,Wed *-*-* 09:00:00\nOnCalendar=Mon,Wed *-*-* 10:30:00\nOnCalendar=Mon,Wed *-*-* 12:00:00\nAccuracySec=1s\n"
            ),
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
    fn the_launchd_agent_lists_every_day_and_time() {
        let plist = launchd(Path::new("/usr/local/bin/psoas&co"), &schedule());
        assert_eq!(plist.name, "io.github.psoas.remind.plist");
        assert!(plist.text.contains("<string>/usr/local/bin/psoas&amp;co</string>\n    <string>remind</string>\n    <string>now</string>\n    <string>--every</string>\n    <string>90m</string>"));
        assert_eq!(plist.text.matches("<key>Weekday</key>").count(), 6);
        assert!(plist.text.contains("<dict><key>Weekday</key><integer>3</integer><key>Hour</key><integer>10</integer><key>Minute</key><integer>30</integer></dict>"));
    }

    #[test]
    fn crontab_lines_group_the_hours_by_minute() {
        let text = crontab(Path::new("/home/me/bin/psoas"), &schedule());
        assert_eq!(
            text,
            "0 9,12 * * 1,3 /home/me/bin/psoas remind now --every 90m --from 09:00 --to 12:00 --days mon,wed\n\
             30 10 * * 1,3 /home/me/bin/psoas remind now --every 90m --from 09:00 --to 12:00 --days mon,wed\n"
        );
        assert_eq!(shell_quote("/it's 100%"), "'/it'\\''s 100\\%'");
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
