//! `psoas remind install|uninstall|status|now`: the desk nudge.
//!
//! The schedule is each flag, else the config's `remind` table, else the
//! defaults. `install` writes the scheduler's files (or, for cron, prints the
//! line to add) and enables them; the programs it runs (`systemctl`,
//! `launchctl`) are looked up on `PATH` like any other. `now` reads the
//! clock (or `PSOAS_NOW`), the history, the last nudge and what the desktop
//! says, and nudges only when [`decide`](fn@decide) says so and the desktop
//! is not set to do not disturb, after a pause in the typing where it can
//! tell; the breaks it sees begin and the nudges it gives go into the
//! history, even while a snooze or pause holds the nudges back, and the
//! source it used is kept for `status`; `offer.rs` gives the nudge and acts
//! on its answer.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::context::Context;
use crate::diagnostic::sanitize;
use crate::files::{self, Existing};
use crate::history::{DeskEvent, DeskKind, Future, History};
use crate::now::now;
use crate::remind::decide::{decide_sitting, nudge_that_counts};
use crate::remind::helper::{self, Messages};
use crate::remind::last_check::{self, LastCheck};
use crate::remind::schedule::CHECK_MINUTES;
use crate::remind::sitting::{self, Presence, Sitting};
use crate::remind::units::{self, UnitFile};
use crate::remind::{
    Decision, LAST_NUDGE_FILE, NO_NOTIFIER_FILE, Places, Schedule, Scheduler, decide, last_nudge,
};
use crate::remind::{do_not_disturb, idle, pause};
use crate::words::remind as words;

mod offer;
mod options;
mod waiting;

pub(crate) use options::{RemindTask, ScheduleOptions};
use options::{schedule, scheduler};

pub(crate) fn execute(
    context: &Context,
    task: RemindTask,
    out: &mut impl Write,
) -> Result<ExitCode> {
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
                None => bail!("{}", words::pause_time_passed(until, now)),
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
            "{}",
            words::program_path_unsafe(&shown(&program), &unsafe_path)
        );
    }
    let files = unit_files(scheduler, &program, &schedule);
    if scheduler == Scheduler::Cron {
        let intro = words::crontab_intro(
            scheduler_given.is_some(),
            &schedule,
            context.config()?.remind_sit(),
        );
        writeln!(out, "{intro}")?;
        write!(out, "{}", units::crontab(&program, &schedule))?;
        return Ok(ExitCode::SUCCESS);
    }
    let folder = scheduler
        .folder(&places(context)?)
        .expect("systemd and launchd have a folder");
    if let Err(unsafe_path) = units::check_path(&folder) {
        bail!(
            "{}",
            words::folder_unsafe(scheduler, &shown(&folder), &unsafe_path)
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
        files::write_whole(&path, file.text.as_bytes(), Existing::Replace)
            .with_context(|| format!("cannot write {}", shown(&path)))?;
        writeln!(out, "{}", words::wrote(&shown(&path)))?;
    }
    match scheduler {
        Scheduler::Systemd => {
            let timer = format!("{}.timer", units::SYSTEMD_UNIT);
            run(&["systemctl", "--user", "daemon-reload"])
                .and_then(|()| run(&["systemctl", "--user", "enable", "--now", &timer]))
                .with_context(|| words::timer_not_enabled_after_install(&timer))?;
            writeln!(out, "{}", words::enabled(&timer))?;
        }
        Scheduler::Launchd => {
            let path = folder.join(&files[0].name);
            // Loading twice fails; an agent from an earlier install goes first.
            let _ = run_quietly(&["launchctl", "unload", &path.display().to_string()]);
            run(&["launchctl", "load", "-w", &path.display().to_string()])?;
            writeln!(out, "{}", words::loaded(units::LAUNCHD_LABEL))?;
        }
        Scheduler::Cron => unreachable!("cron has no files"),
    }
    writeln!(
        out,
        "{}",
        words::installed(&schedule, context.config()?.remind_sit())
    )?;
    Ok(ExitCode::SUCCESS)
}

fn uninstall(
    context: &Context,
    scheduler_given: Option<Scheduler>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let scheduler = scheduler(scheduler_given);
    let Some(folder) = scheduler.folder(&places(context)?) else {
        writeln!(out, "{}", words::CRONTAB_UNINSTALL)?;
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
        writeln!(out, "{}", words::nothing_to_remove(scheduler))?;
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
        writeln!(out, "{}", words::removed(&shown(path)))?;
    }
    match unreachable {
        Some(error) => {
            let error = sanitize(&format!("{error:#}"));
            let _ = writeln!(io::stderr(), "{}", words::disable_failed(&error, &names[0]));
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
        writeln!(out, "{}", words::CRON_STATUS)?;
        write_last_nudge(context, out)?;
        return Ok(ExitCode::SUCCESS);
    };
    let file = match scheduler {
        Scheduler::Systemd => folder.join(format!("{}.service", units::SYSTEMD_UNIT)),
        _ => folder.join(format!("{}.plist", units::LAUNCHD_LABEL)),
    };
    let Some(text) = read_text(&file) else {
        writeln!(out, "{}", words::not_installed(scheduler))?;
        write_last_nudge(context, out)?;
        return Ok(ExitCode::SUCCESS);
    };
    writeln!(out, "{}", words::installed_for(scheduler, &shown(&file)))?;
    if let Some(timer) = checks_at_set_times(scheduler, &folder) {
        writeln!(out, "{}", words::checks_at_set_times(&shown(&timer)))?;
    }
    // A timer that is not active fires at no time, whatever its schedule.
    let mut fires = true;
    if scheduler == Scheduler::Systemd {
        let timer = format!("{}.timer", units::SYSTEMD_UNIT);
        if !timer_is_active() {
            fires = false;
            writeln!(out, "{}", words::timer_not_active(&timer))?;
        } else if !wants_link(&folder).exists() {
            writeln!(out, "{}", words::timer_not_enabled(&timer))?;
        }
    }
    match schedule_in(scheduler, &text) {
        Some(schedule) => {
            writeln!(out, "{}", words::schedule_line(&schedule))?;
            if let Some(next) = schedule.next_check(now).filter(|_| fires) {
                writeln!(out, "{}", words::next_check(next))?;
            }
        }
        None => writeln!(out, "{}", words::SCHEDULE_UNREADABLE)?,
    }
    write_last_nudge(context, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The installed file that starts the checks, if it is from a psoas that
/// checked only at the schedule's set times, not every [`CHECK_MINUTES`].
fn checks_at_set_times(scheduler: Scheduler, folder: &Path) -> Option<PathBuf> {
    let (name, mark) = match scheduler {
        Scheduler::Systemd => (
            format!("{}.timer", units::SYSTEMD_UNIT),
            format!(":00/{CHECK_MINUTES}:00"),
        ),
        Scheduler::Launchd => (
            format!("{}.plist", units::LAUNCHD_LABEL),
            "<key>StartInterval</key>".to_string(),
        ),
        Scheduler::Cron => return None,
    };
    let path = folder.join(name);
    let text = read_text(&path)?;
    (!text.contains(&mark)).then_some(path)
}

/// The text of a scheduler's file, through the files helper: a FIFO or a
/// device in its place is refused, not waited on. A unit file is short; more
/// than 1 MiB is not one.
fn read_text(path: &Path) -> Option<String> {
    let file = files::open_regular(path).ok()?;
    let mut text = String::new();
    io::Read::read_to_string(&mut io::Read::take(file, 1 << 20), &mut text).ok()?;
    Some(text)
}

/// Which source says how long the person has been away, or that none does.
fn write_idle_source(out: &mut impl Write) -> Result<()> {
    let source = idle::read(now()?).map(|reading| reading.source);
    writeln!(out, "{}", words::idle_source_line(source))?;
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
    let check = read_text(&context.dirs.state_dir.join(last_check::FILE))
        .and_then(|text| LastCheck::from_text(&text));
    writeln!(out, "{}", words::last_check_line(check))?;
    let at = last_nudge(&context.dirs.state_dir);
    writeln!(out, "{}", words::last_nudge_line(at))?;
    Ok(())
}

fn remind_now(context: &Context, args: &ScheduleOptions, out: &mut impl Write) -> Result<ExitCode> {
    let config = context.config()?;
    let schedule = schedule(args, config)?;
    let now = now()?;
    let state = &context.dirs.state_dir;
    let session = last_session(context, now)?;
    // Outside the days and hours the answer is no whatever the desktop says,
    // so it is not asked.
    let inside = schedule.is_day(now) && schedule.is_hour(now);
    let reading = inside.then(|| idle::read(now)).flatten();
    if inside {
        remember_source(state, now, reading.map(|r| r.source))?;
    }
    // The time at the desk is counted even while paused: a break taken
    // during a snooze is a break, and answers the nudge that was put off.
    let sitting = match reading {
        Some(reading) => Some(sit_through(context, now, reading, session)?),
        None => None,
    };
    let paused = paused_until(state);
    if let Some(until) = paused.filter(|until| *until > now) {
        writeln!(out, "{}", words::paused_until(until))?;
        return Ok(ExitCode::SUCCESS);
    }
    let nudge = nudge_that_counts(last_nudge(state), paused, now);
    let decision = match &sitting {
        Some(sitting) => decide_sitting(now, &schedule, config.remind_sit(), sitting, nudge),
        None => decide(now, &schedule, session, nudge),
    };
    // Do not disturb is asked only of a nudge that is due.
    let decision = match decision {
        Decision::Nudge => do_not_disturb::read().map_or(decision, Decision::DoNotDisturb),
        other => other,
    };
    if let Some(reason) = words::no_nudge(decision, &schedule) {
        writeln!(out, "{reason}")?;
        return Ok(ExitCode::SUCCESS);
    }
    debug_assert_eq!(decision, Decision::Nudge);
    // Where the desktop says when the person last typed, a pause in the
    // typing is waited for; logind says only when the desktop called the
    // session idle, so no pause can be seen there, and the nudge comes at
    // once.
    let at = match reading {
        Some(reading) if reading.source.tells_last_input() => {
            if let Some(waited) = natural_pause(now, reading, config.remind_wait().duration()) {
                now + TimeDelta::from_std(waited).unwrap_or_default()
            } else {
                let away = words::no_nudge(Decision::Away, &schedule).unwrap_or_default();
                writeln!(out, "{away}")?;
                return Ok(ExitCode::SUCCESS);
            }
        }
        _ => now,
    };
    record_at_desk(context, DeskEvent::new(DeskKind::Nudge, at));
    offer::nudge(context, at, out)
}

/// Keeps which idle source answered this check, and since when, for
/// `status`: the scheduler's check may see another desktop than a shell.
/// Written only when the source changes, so that a check costs no more
/// than it did.
fn remember_source(
    state_dir: &Path,
    now: DateTime<FixedOffset>,
    source: Option<idle::Source>,
) -> Result<()> {
    let before =
        read_text(&state_dir.join(last_check::FILE)).and_then(|text| LastCheck::from_text(&text));
    if before.is_some_and(|before| before.source == source && before.at <= now) {
        return Ok(());
    }
    fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    let path = state_dir.join(last_check::FILE);
    let text = LastCheck { at: now, source }.to_text();
    files::write_whole(&path, text.as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The time at the desk after this check, kept in the state folder for the
/// next: checks are [`CHECK_MINUTES`] apart, so a longer gap than that and a
/// break is a time the person (or the computer) was away. A break this check
/// is the first to see goes into the history.
fn sit_through(
    context: &Context,
    now: DateTime<FixedOffset>,
    reading: idle::Reading,
    last_session: Option<DateTime<FixedOffset>>,
) -> Result<Sitting> {
    let state_dir = &context.dirs.state_dir;
    let path = state_dir.join(sitting::STATE_FILE);
    let before = files::open_regular(&path).ok().and_then(|file| {
        let mut text = String::new();
        // The file is two short lines; more is not one.
        io::Read::read_to_string(&mut io::Read::take(file, 4096), &mut text).ok()?;
        Sitting::from_text(&text)
    });
    let gap = TimeDelta::minutes(i64::from(CHECK_MINUTES))
        + TimeDelta::from_std(sitting::BREAK).unwrap_or_default();
    let presence = presence(reading);
    let after = sitting::update(before, now, presence, gap, last_session);
    fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    files::write_whole(&path, after.to_text().as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Some(began) = sitting::break_began(before, now, presence, gap) {
        record_at_desk(context, DeskEvent::new(DeskKind::Break, began));
    }
    Ok(after)
}

fn presence(reading: idle::Reading) -> Presence {
    Presence {
        idle: reading.idle,
        locked: reading.locked,
    }
}

/// Waits up to `limit` for a pause in the typing ([`pause`](mod@pause)), asking the
/// desktop again as it goes; how long it waited, none if the screen was
/// locked meanwhile (a break: no nudge). Under test
/// (`PSOAS_VIRTUAL_CLOCK=1`, as for a run) the waits are skipped and only
/// counted.
fn natural_pause(
    now: DateTime<FixedOffset>,
    first: idle::Reading,
    limit: std::time::Duration,
) -> Option<std::time::Duration> {
    let virtual_clock = std::env::var_os("PSOAS_VIRTUAL_CLOCK").is_some_and(|v| v == "1");
    let ask = |waited: std::time::Duration| {
        let at = now + TimeDelta::from_std(waited).unwrap_or_default();
        idle::read(at).map(presence)
    };
    // The bar comes with the first span waited: a pause already there is
    // no wait, and shows none.
    let mut bar = None;
    // A second at a time, so that the bar moves as the time goes.
    let pass = |mut span: std::time::Duration| {
        let bar = bar.get_or_insert_with(|| waiting::WaitBar::on_stderr(limit));
        while !span.is_zero() {
            let slice = span.min(std::time::Duration::from_secs(1));
            if !virtual_clock {
                std::thread::sleep(slice);
            }
            bar.pass(slice);
            span -= slice;
        }
    };
    pause::wait_for_pause(presence(first), limit, ask, pass).waited()
}

/// Adds a break or a nudge to the history. A history that cannot be written
/// is said on stderr, and the check goes on: the nudge matters more.
fn record_at_desk(context: &Context, event: DeskEvent) {
    if let Err(error) = History::at(&context.dirs.state_dir).append_desk(event) {
        let _ = writeln!(
            io::stderr(),
            "psoas: warning: {}",
            sanitize(&format!("{error:#}"))
        );
    }
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
    writeln!(out, "{}", words::no_nudge_until(now, until))?;
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
    files::write_whole(
        &path,
        format!("{}\n", at.to_rfc3339()).as_bytes(),
        Existing::Replace,
    )
    .with_context(|| format!("cannot write {}", path.display()))
}

/// Says, the first time only, that no notifier answered.
fn say_once_no_notifier(state_dir: &Path, error: &str) {
    let marker = state_dir.join(NO_NOTIFIER_FILE);
    if marker.exists() {
        return;
    }
    let _ = writeln!(io::stderr(), "{}", words::no_notifier(&sanitize(error)));
    let _ = files::write_whole(&marker, format!("{error}\n").as_bytes(), Existing::Replace);
}

/// A path as printed: every control character escaped, a newline too, so a
/// path is always one line and cannot move the cursor.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).replace('\n', "\\u{a}")
}

/// Runs a scheduler's program with arguments, its messages on standard
/// error; a failure names the command.
fn run(command: &[&str]) -> Result<()> {
    let line = command.join(" ");
    let status = helper::run(command, Messages::Shown, helper::PATIENCE)
        .with_context(|| words::cannot_run(&line))?;
    match status {
        Some(status) if status.success() => Ok(()),
        Some(status) => bail!("{}", words::program_failed(&line, &status.to_string())),
        None => bail!(
            "{}",
            words::program_ended(&line, helper::PATIENCE.as_secs())
        ),
    }
}

/// Whether a scheduler's program, run without its messages, succeeded.
fn run_quietly(command: &[&str]) -> bool {
    helper::run(command, Messages::Discarded, helper::PATIENCE)
        .is_ok_and(|status| status.is_some_and(|s| s.success()))
}
