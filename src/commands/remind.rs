//! `psoas remind install|uninstall|status|now`: the desk nudge.
//!
//! The schedule is each flag, else the config's `remind` table, else the
//! defaults. `install` writes the scheduler's files (or, for cron, prints the
//! line to add) and enables them; the programs it runs (`systemctl`,
//! `launchctl`) are looked up on `PATH` like any other. `now` reads the
//! clock (or `PSOAS_NOW`), the history and the last nudge, and nudges only
//! when [`decide`](fn@decide) says so; `offer.rs` gives the nudge and acts on
//! its answer.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::context::Context;
use crate::diagnostic::sanitize;
use crate::files::{self, Existing};
use crate::history::{Future, History};
use crate::now::now;
use crate::remind::decide::decide_sitting;
use crate::remind::helper::{self, Messages};
use crate::remind::idle;
use crate::remind::sitting::{self, Presence, Sitting};
use crate::remind::units::{self, UnitFile};
use crate::remind::{
    Decision, LAST_NUDGE_FILE, NO_NOTIFIER_FILE, Places, Schedule, Scheduler, decide, last_nudge,
};

mod offer;
mod options;

pub use options::{RemindTask, ScheduleOptions};
use options::{schedule, scheduler};

pub fn execute(context: &Context, task: RemindTask, out: &mut impl Write) -> Result<ExitCode> {
    match task {
        RemindTask::Install {
            schedule,
            scheduler,
            dry_run,
        } => install(context, &schedule, scheduler, dry_run, out),
        RemindTask::Uninstall { scheduler } => uninstall(context, scheduler, out),
        RemindTask::Status { scheduler } => status(context, scheduler, out),
        RemindTask::Now { schedule } => remind_now(context, &schedule, out),
        RemindTask::Snooze { minutes } => {
            let now = now()?;
            pause(
                context,
                now,
                now + TimeDelta::minutes(i64::from(minutes)),
                out,
            )
        }
        RemindTask::Pause { until } => {
            let now = now()?;
            let at = now
                .date_naive()
                .and_hms_opt(until.hour(), until.minute(), 0)
                .and_then(|t| t.and_local_timezone(*now.offset()).single());
            match at.filter(|at| *at > now) {
                Some(at) => pause(context, now, at, out),
                None => bail!(
                    "{until} has passed today (it is {}): give a later time, or `psoas remind snooze 30m` for a while",
                    now.format("%H:%M")
                ),
            }
        }
    }
}

fn places(context: &Context) -> Result<Places> {
    let home = etcetera::home_dir().context("cannot find your home folder")?;
    // The config folder is `$XDG_CONFIG_HOME/psoas`; systemd's is beside it.
    let config_home = context
        .dirs
        .config_dir
        .parent()
        .map_or_else(|| home.join(".config"), Path::to_path_buf);
    Ok(Places { config_home, home })
}

/// The files a scheduler needs, none for cron.
fn unit_files(scheduler: Scheduler, program: &Path, schedule: &Schedule) -> Vec<UnitFile> {
    match scheduler {
        Scheduler::Systemd => units::systemd(program, schedule).to_vec(),
        Scheduler::Launchd => vec![units::launchd(program, schedule)],
        Scheduler::Cron => Vec::new(),
    }
}

fn install(
    context: &Context,
    schedule_given: &ScheduleOptions,
    scheduler_given: Option<Scheduler>,
    dry_run: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let schedule = schedule(schedule_given, context.config()?)?;
    offer::checked_routines(context)?;
    let scheduler = scheduler(scheduler_given);
    let program = std::env::current_exe().context("cannot find the path of psoas itself")?;
    if let Err(unsafe_path) = units::check_path(&program) {
        bail!(
            "psoas's own path {} {unsafe_path}, so it cannot be written into the scheduler's \
             files as it is; install psoas in a folder whose path has no control characters",
            shown(&program)
        );
    }
    let files = unit_files(scheduler, &program, &schedule);
    if scheduler == Scheduler::Cron {
        let why = match scheduler_given {
            Some(_) => "Add",
            None => "No systemd or launchd here: add",
        };
        writeln!(
            out,
            "{why} these lines with `crontab -e` to be nudged {schedule}:"
        )?;
        write!(out, "{}", units::crontab(&program, &schedule))?;
        return Ok(ExitCode::SUCCESS);
    }
    let folder = scheduler
        .folder(&places(context)?)
        .expect("systemd and launchd have a folder");
    if let Err(unsafe_path) = units::check_path(&folder) {
        bail!(
            "the folder for the {scheduler} files, {}, {unsafe_path}; it comes from HOME \
             (or XDG_CONFIG_HOME for systemd): set it to a folder whose path has no control \
             characters",
            shown(&folder)
        );
    }
    if dry_run {
        for file in &files {
            writeln!(out, "# file: {}", shown(&folder.join(&file.name)))?;
            write!(out, "{}", file.text)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create the folder {}", shown(&folder)))?;
    for file in &files {
        let path = folder.join(&file.name);
        fs::write(&path, &file.text).with_context(|| format!("cannot write {}", shown(&path)))?;
        writeln!(out, "wrote {}", shown(&path))?;
    }
    match scheduler {
        Scheduler::Systemd => {
            let timer = format!("{}.timer", units::SYSTEMD_UNIT);
            run(&["systemctl", "--user", "daemon-reload"])
                .and_then(|()| run(&["systemctl", "--user", "enable", "--now", &timer]))
                .with_context(|| {
                    format!(
                        "the files are written, but the timer is not enabled; in a session of \
                         your own, run `systemctl --user daemon-reload && systemctl --user \
                         enable --now {timer}`"
                    )
                })?;
            writeln!(out, "enabled {timer} with systemctl --user")?;
        }
        Scheduler::Launchd => {
            let path = folder.join(&files[0].name);
            // Loading twice fails; an agent from an earlier install goes first.
            let _ = run_quietly(&["launchctl", "unload", &path.display().to_string()]);
            run(&["launchctl", "load", "-w", &path.display().to_string()])?;
            writeln!(out, "loaded {} with launchctl", units::LAUNCHD_LABEL)?;
        }
        Scheduler::Cron => unreachable!("cron has no files"),
    }
    writeln!(out, "psoas will look for a chance to nudge you {schedule}.")?;
    Ok(ExitCode::SUCCESS)
}

fn uninstall(
    context: &Context,
    scheduler_given: Option<Scheduler>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let scheduler = scheduler(scheduler_given);
    let Some(folder) = scheduler.folder(&places(context)?) else {
        writeln!(
            out,
            "psoas cannot change your crontab: remove the lines with `psoas remind now` using `crontab -e`."
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    let names = match scheduler {
        Scheduler::Systemd => vec![
            format!("{}.timer", units::SYSTEMD_UNIT),
            format!("{}.service", units::SYSTEMD_UNIT),
        ],
        _ => vec![format!("{}.plist", units::LAUNCHD_LABEL)],
    };
    let present: Vec<PathBuf> = names
        .iter()
        .map(|n| folder.join(n))
        .filter(|p| p.exists())
        .collect();
    if present.is_empty() {
        writeln!(
            out,
            "Nothing to remove: no reminder is installed for {scheduler}."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    // Without a systemd user session (over ssh, in tmux) systemctl cannot
    // be reached; what install wrote goes all the same.
    let mut unreachable = None;
    match scheduler {
        Scheduler::Systemd => {
            unreachable = run(&["systemctl", "--user", "disable", "--now", &names[0]]).err();
        }
        _ => {
            let _ = run_quietly(&[
                "launchctl",
                "unload",
                "-w",
                &present[0].display().to_string(),
            ]);
        }
    }
    let mut gone = present;
    if unreachable.is_some() {
        // What `disable` would have removed: the link that enables the timer.
        let link = wants_link(&folder);
        if link.symlink_metadata().is_ok() {
            gone.push(link);
        }
    }
    for path in &gone {
        fs::remove_file(path).with_context(|| format!("cannot remove {}", shown(path)))?;
        writeln!(out, "removed {}", shown(path))?;
    }
    match unreachable {
        Some(error) => {
            let _ = writeln!(
                io::stderr(),
                "psoas: warning: {}; if the timer runs in a session of your own, \
                 `systemctl --user disable --now {}` there stops it.",
                sanitize(&format!("{error:#}")),
                names[0]
            );
        }
        None if scheduler == Scheduler::Systemd => {
            run(&["systemctl", "--user", "daemon-reload"])?;
        }
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// The link `systemctl --user enable` makes for the timer.
fn wants_link(folder: &Path) -> PathBuf {
    folder
        .join("timers.target.wants")
        .join(format!("{}.timer", units::SYSTEMD_UNIT))
}

/// Whether the systemd user manager says the timer is active; not when it
/// cannot be reached.
fn timer_is_active() -> bool {
    let timer = format!("{}.timer", units::SYSTEMD_UNIT);
    run_quietly(&["systemctl", "--user", "is-active", "--quiet", &timer])
}

fn status(
    context: &Context,
    scheduler_given: Option<Scheduler>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let scheduler = scheduler(scheduler_given);
    let now = now()?;
    let Some(folder) = scheduler.folder(&places(context)?) else {
        writeln!(
            out,
            "Scheduler: cron. psoas cannot read your crontab; `crontab -l | grep 'psoas remind'` shows its lines."
        )?;
        write_last_nudge(context, out)?;
        return Ok(ExitCode::SUCCESS);
    };
    let file = match scheduler {
        Scheduler::Systemd => folder.join(format!("{}.service", units::SYSTEMD_UNIT)),
        _ => folder.join(format!("{}.plist", units::LAUNCHD_LABEL)),
    };
    let Ok(text) = fs::read_to_string(&file) else {
        writeln!(
            out,
            "Not installed ({scheduler}): `psoas remind install` sets it up."
        )?;
        write_last_nudge(context, out)?;
        return Ok(ExitCode::SUCCESS);
    };
    writeln!(out, "Installed for {scheduler}: {}", shown(&file))?;
    // A timer that is not active fires at no time, whatever its schedule.
    let mut fires = true;
    if scheduler == Scheduler::Systemd {
        let timer = format!("{}.timer", units::SYSTEMD_UNIT);
        if !timer_is_active() {
            fires = false;
            writeln!(
                out,
                "The timer is not active, so no check comes: in a session of your own, \
                 `systemctl --user enable --now {timer}` turns it on."
            )?;
        } else if !wants_link(&folder).exists() {
            writeln!(
                out,
                "The timer is not enabled: `systemctl --user enable --now {timer}` turns it on."
            )?;
        }
    }
    match schedule_in(scheduler, &text) {
        Some(schedule) => {
            writeln!(out, "Schedule: {schedule}.")?;
            if let Some(next) = schedule.next_fire(now).filter(|_| fires) {
                writeln!(out, "Next check: {}.", next.format("%a %Y-%m-%d %H:%M"))?;
            }
        }
        None => writeln!(
            out,
            "Its schedule cannot be read; `psoas remind install` writes it again."
        )?,
    }
    write_last_nudge(context, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Which source says how long the person has been away, or that none does.
fn write_idle_source(out: &mut impl Write) -> Result<()> {
    match idle::read(now()?) {
        Some(reading) => writeln!(
            out,
            "Idle time from {}: nudges come after time at the desk without a break.",
            reading.source
        )?,
        None => writeln!(
            out,
            "No idle time from the desktop: nudges come at clock times."
        )?,
    }
    Ok(())
}

/// The schedule written in an installed file.
fn schedule_in(scheduler: Scheduler, text: &str) -> Option<Schedule> {
    let words: Vec<String> = match scheduler {
        Scheduler::Systemd => text
            .lines()
            .find_map(|l| l.strip_prefix("ExecStart="))?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        _ => text
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                l.strip_prefix("<string>")?.strip_suffix("</string>")
            })
            .map(str::to_string)
            .collect(),
    };
    units::schedule_of(&words)
}

fn write_last_nudge(context: &Context, out: &mut impl Write) -> Result<()> {
    write_idle_source(out)?;
    match last_nudge(&context.dirs.state_dir) {
        Some(at) => writeln!(out, "Last nudge: {}.", at.format("%a %Y-%m-%d %H:%M"))?,
        None => writeln!(out, "No nudge yet.")?,
    }
    Ok(())
}

fn remind_now(context: &Context, args: &ScheduleOptions, out: &mut impl Write) -> Result<ExitCode> {
    let config = context.config()?;
    let schedule = schedule(args, config)?;
    let now = now()?;
    let state = &context.dirs.state_dir;
    if let Some(until) = paused_until(state).filter(|until| *until > now) {
        writeln!(out, "no nudge: paused until {}", until.format("%H:%M"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let session = last_session(context, now)?;
    // Outside the days and hours the answer is no whatever the desktop says,
    // so it is not asked.
    let inside = schedule.is_day(now) && schedule.is_hour(now);
    let decision = match inside.then(|| idle::read(now)).flatten() {
        Some(reading) => {
            let sitting = sit_through(state, now, &schedule, reading, session)?;
            decide_sitting(
                now,
                &schedule,
                config.remind_sit(),
                &sitting,
                last_nudge(state),
            )
        }
        None => decide(now, &schedule, session, last_nudge(state)),
    };
    if let Some(reason) = decision.reason(&schedule) {
        writeln!(out, "{reason}")?;
        return Ok(ExitCode::SUCCESS);
    }
    debug_assert_eq!(decision, Decision::Nudge);
    offer::nudge(context, now, out)
}

/// The time at the desk after this check, kept in the state folder for the
/// next: checks are `every` apart, so a longer gap than that and a break is
/// a time the person (or the computer) was away.
fn sit_through(
    state_dir: &Path,
    now: DateTime<FixedOffset>,
    schedule: &Schedule,
    reading: idle::Reading,
    last_session: Option<DateTime<FixedOffset>>,
) -> Result<Sitting> {
    let path = state_dir.join(sitting::STATE_FILE);
    let before = files::open_regular(&path).ok().and_then(|file| {
        let mut text = String::new();
        // The file is two short lines; more is not one.
        io::Read::read_to_string(&mut io::Read::take(file, 4096), &mut text).ok()?;
        Sitting::from_text(&text)
    });
    let gap = TimeDelta::minutes(i64::from(schedule.every.minutes()))
        + TimeDelta::from_std(sitting::BREAK).unwrap_or_default();
    let presence = Presence {
        idle: reading.idle,
        locked: reading.locked,
    };
    let after = sitting::update(before, now, presence, gap, last_session);
    fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    files::write_whole(&path, after.to_text().as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(after)
}

/// Keeps nudges back until `until`, in the state folder.
fn pause(
    context: &Context,
    now: DateTime<FixedOffset>,
    until: DateTime<FixedOffset>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let state_dir = &context.dirs.state_dir;
    fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    let path = state_dir.join(PAUSED_FILE);
    files::write_whole(
        &path,
        format!("{}\n", until.to_rfc3339()).as_bytes(),
        Existing::Replace,
    )
    .with_context(|| format!("cannot write {}", path.display()))?;
    let day = if until.date_naive() == now.date_naive() {
        String::new()
    } else {
        until.format(" on %a %Y-%m-%d").to_string()
    };
    writeln!(out, "No nudge until {}{day}.", until.format("%H:%M"))?;
    Ok(ExitCode::SUCCESS)
}

/// Until when nudges are kept back, if `snooze` or `pause` said so.
fn paused_until(state_dir: &Path) -> Option<DateTime<FixedOffset>> {
    let file = files::open_regular(&state_dir.join(PAUSED_FILE)).ok()?;
    let mut text = String::new();
    io::Read::read_to_string(&mut io::Read::take(file, 256), &mut text).ok()?;
    DateTime::parse_from_rfc3339(text.trim()).ok()
}

/// The file in the state folder that holds until when nudges are kept back.
pub(crate) const PAUSED_FILE: &str = "remind-paused-until";

/// When the newest recorded session started, of those not dated after
/// `now`; any that are (a clock that was wrong) are reported on stderr.
fn last_session(
    context: &Context,
    now: DateTime<FixedOffset>,
) -> Result<Option<DateTime<FixedOffset>>> {
    let history = History::at(&context.dirs.state_dir);
    let mut newest: Option<DateTime<FixedOffset>> = None;
    let mut future = Future::new(now);
    history.scan_lines(|line, record| {
        if future.holds(line, &record) {
            return;
        }
        if newest.is_none_or(|n| record.started_at > n) {
            newest = Some(record.started_at);
        }
    })?;
    if let Some(warning) = future.warning(&history.path().display().to_string()) {
        let _ = writeln!(io::stderr(), "psoas: warning: {}", sanitize(&warning));
    }
    Ok(newest)
}

fn remember_nudge(state_dir: &Path, at: DateTime<FixedOffset>) -> Result<()> {
    fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    let path = state_dir.join(LAST_NUDGE_FILE);
    fs::write(&path, format!("{}\n", at.to_rfc3339()))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Says, the first time only, that no notifier answered.
fn say_once_no_notifier(state_dir: &Path, error: &str) {
    let marker = state_dir.join(NO_NOTIFIER_FILE);
    if marker.exists() {
        return;
    }
    let _ = writeln!(
        io::stderr(),
        "psoas: no desktop notification could be shown ({}); the nudge is printed instead. \
         Set `notify_command` in the config to use a program of your own. This is said once.",
        sanitize(error)
    );
    let _ = fs::write(&marker, format!("{error}\n"));
}

/// A path as printed: every control character escaped, a newline too, so a
/// path is always one line and cannot move the cursor.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).replace('\n', "\\u{a}")
}

/// Runs a scheduler's program with arguments, its messages on standard
/// error; a failure names the command.
fn run(words: &[&str]) -> Result<()> {
    let status = helper::run(words, Messages::Shown, helper::PATIENCE)
        .with_context(|| format!("cannot run `{}`", words.join(" ")))?;
    match status {
        Some(status) if status.success() => Ok(()),
        Some(status) => bail!("`{}` failed ({status})", words.join(" ")),
        None => bail!(
            "`{}` did not finish within {} s, so psoas ended it",
            words.join(" "),
            helper::PATIENCE.as_secs()
        ),
    }
}

/// Whether a scheduler's program, run without its messages, succeeded.
fn run_quietly(words: &[&str]) -> bool {
    helper::run(words, Messages::Discarded, helper::PATIENCE)
        .is_ok_and(|status| status.is_some_and(|s| s.success()))
}
