//! `psoas remind` against a D-Bus bus of the test's own: a `dbus-daemon`
//! started with a config written here, and on it a stand-in for the
//! desktop's idle monitor (GNOME's Mutter, the freedesktop screensaver as
//! gnome-screensaver or KDE answer it, with its lock) or logind, the desktop
//! portal's settings or a notification server, served by the test through
//! zbus.
//! `remind now` counts the time at the desk from what they say, waits for a
//! pause in the typing (on a virtual clock, so the test waits for nothing
//! but the bus), and holds back under do not disturb. A stand-in
//! notification service records each nudge it is asked to show (summary,
//! body, choices) and answers it with the choice the test makes: start the
//! break, snooze, skip, or none. The machine's own
//! buses are never touched. Without `dbus-daemon` these tests fail under CI
//! (`CI=true`), and elsewhere are skipped with a note.
#![allow(
    clippy::unused_self,
    clippy::used_underscore_binding,
    reason = "a stand-in service's methods keep the shape and argument names zbus asks of them"
)]

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use zbus::object_server::SignalEmitter;
use zbus::{OwnedVariant, Variant};

use crate::remind::expected_nudge;
use crate::run::pty::Pty;
use crate::{Env, NO_BUS, VIRTUAL_CLOCK, start_announcing, stdout_of};

/// A bus that lives as long as the value.
struct Bus {
    daemon: Child,
    address: String,
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Bus {
    /// A new bus with its socket in `folder`; none where `dbus-daemon` is
    /// missing (a failure under CI).
    fn start(folder: &Path) -> Option<Bus> {
        let config = folder.join("bus.conf");
        std::fs::write(
            &config,
            format!(
                "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"
 \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context=\"default\">
    <allow send_destination=\"*\" eavesdrop=\"true\"/>
    <allow eavesdrop=\"true\"/>
    <allow own=\"*\"/>
  </policy>
</busconfig>
",
                folder.join("bus").display()
            ),
        )
        .unwrap();
        // The address is printed once the bus is listening.
        let (daemon, address) = start_announcing(
            "dbus-daemon",
            Command::new("dbus-daemon")
                .arg(format!("--config-file={}", config.display()))
                .args(["--print-address", "--nofork"])
                .env_clear(),
        )?;
        Some(Bus { daemon, address })
    }

    /// Serves `object` at `path` under the well-known `name`, on a thread of
    /// its own, and returns once the name is owned.
    fn serve<I: zbus::object_server::Interface>(
        &self,
        name: &'static str,
        path: &'static str,
        object: I,
    ) {
        self.serve_as(&[name], path, object);
    }

    /// Serves `object` as [`Bus::serve`] does, under each of `names`, all
    /// owned by the one connection.
    fn serve_as<I: zbus::object_server::Interface>(
        &self,
        names: &[&'static str],
        path: &'static str,
        object: I,
    ) {
        let names = names.to_vec();
        let address = self.address.clone();
        let (ready, owned) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            zbus::block_on(async move {
                let mut builder = zbus::connection::Builder::address(address.as_str());
                for name in names {
                    builder = builder.name(name);
                }
                let connection = builder.serve_at(path, object).build().await.unwrap();
                ready.send(()).unwrap();
                // Answers until the bus goes.
                let _connection = connection;
                std::future::pending::<()>().await;
            });
        });
        owned.recv().unwrap();
    }
}

/// GNOME's Mutter idle monitor, with the idle time the test sets, or the
/// next of the times the test has lined up; it counts how often it was asked.
#[derive(Clone, Default)]
struct IdleMonitor {
    idle_ms: Arc<AtomicU64>,
    lined_up: Arc<Mutex<VecDeque<u64>>>,
    asked: Arc<AtomicU64>,
}

#[zbus::interface(name = "org.gnome.Mutter.IdleMonitor")]
impl IdleMonitor {
    fn get_idletime(&self) -> u64 {
        self.asked.fetch_add(1, Ordering::SeqCst);
        let next = self.lined_up.lock().unwrap().pop_front();
        next.unwrap_or_else(|| self.idle_ms.load(Ordering::SeqCst))
    }
}

impl IdleMonitor {
    /// Served on `bus`; the value is kept to set and count.
    fn on(bus: &Bus, idle_s: u64) -> IdleMonitor {
        let monitor = IdleMonitor::default();
        monitor.idle_ms.store(idle_s * 1000, Ordering::SeqCst);
        bus.serve(
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            monitor.clone(),
        );
        monitor
    }

    /// The next answers, in seconds; after them, the set time again.
    fn line_up(&self, idle_s: &[u64]) {
        let mut lined_up = self.lined_up.lock().unwrap();
        lined_up.extend(idle_s.iter().map(|s| s * 1000));
    }

    fn asked(&self) -> u64 {
        self.asked.swap(0, Ordering::SeqCst)
    }
}

/// The freedesktop screensaver interface, with the idle time (in the
/// desktop's own unit) and the lock as the test sets them.
#[derive(Clone, Default)]
struct ScreenSaver {
    idle: Arc<AtomicU64>,
    locked: Arc<std::sync::atomic::AtomicBool>,
}

#[zbus::interface(name = "org.freedesktop.ScreenSaver")]
impl ScreenSaver {
    fn get_session_idle_time(&self) -> u32 {
        u32::try_from(self.idle.load(Ordering::SeqCst)).unwrap()
    }

    fn get_active(&self) -> bool {
        self.locked.load(Ordering::SeqCst)
    }
}

impl ScreenSaver {
    /// Served on `bus` under `names`; the value is kept to set.
    fn on(bus: &Bus, names: &[&'static str], idle: u64) -> ScreenSaver {
        let screensaver = ScreenSaver::default();
        screensaver.idle.store(idle, Ordering::SeqCst);
        bus.serve_as(names, "/org/freedesktop/ScreenSaver", screensaver.clone());
        screensaver
    }
}

/// The desktop portal's settings, with GNOME's `show-banners` as the test
/// sets it.
struct PortalSettings {
    show_banners: bool,
}

#[zbus::interface(name = "org.freedesktop.portal.Settings")]
impl PortalSettings {
    fn read_one(&self, namespace: &str, key: &str) -> zbus::fdo::Result<OwnedVariant> {
        if (namespace, key) == ("org.gnome.desktop.notifications", "show-banners") {
            Ok(OwnedVariant::try_from(Variant::from(self.show_banners)).unwrap())
        } else {
            Err(zbus::fdo::Error::Failed("no such setting".into()))
        }
    }
}

/// A notification server that says it holds notifications back, and shows
/// none.
struct InhibitedNotifications;

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl InhibitedNotifications {
    #[zbus(property)]
    fn inhibited(&self) -> bool {
        true
    }
}

/// logind's session, idle since the time the test sets.
struct LogindSession {
    idle_since_us: Arc<AtomicU64>,
}

#[zbus::interface(name = "org.freedesktop.login1.Session")]
impl LogindSession {
    #[zbus(property)]
    fn idle_hint(&self) -> bool {
        self.idle_since_us.load(Ordering::SeqCst) != 0
    }

    #[zbus(property)]
    fn idle_since_hint(&self) -> u64 {
        self.idle_since_us.load(Ordering::SeqCst)
    }

    #[zbus(property)]
    fn locked_hint(&self) -> bool {
        false
    }
}

fn with_notifier(env: &Env) -> std::path::PathBuf {
    let log = env.root().join("nudges.txt");
    let program = env.write(
        "bin/notifier",
        &format!("#!/bin/sh\nprintf '%s\\n' \"$2\" >> '{}'\n", log.display()),
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.write(
        "config/psoas/config.toml",
        &format!(
            "notify_command = [\"{}\"]\nremind = {{ every = \"10m\", sit = \"50m\" }}\n",
            program.display()
        ),
    );
    log
}

fn remind(env: &Env, session_bus: &str, system_bus: &str, args: &[&str], now: &str) -> String {
    stdout_of(&mut remind_command(env, session_bus, system_bus, args, now))
}

/// `remind now` at `time` on `bus`, the stand-in idle monitor saying the
/// last input came `idle_s` before.
fn check_at(env: &Env, bus: &Bus, monitor: &IdleMonitor, time: &str, idle_s: u64) -> String {
    monitor.idle_ms.store(idle_s * 1000, Ordering::SeqCst);
    remind(env, &bus.address, NO_BUS, &["remind", "now"], time)
}

fn remind_command(
    env: &Env,
    session_bus: &str,
    system_bus: &str,
    args: &[&str],
    now: &str,
) -> assert_cmd::Command {
    let mut cmd = env.psoas(args);
    cmd.env("PSOAS_NOW", format!("2026-11-25T{now}:00+01:00"))
        .env(VIRTUAL_CLOCK.0, VIRTUAL_CLOCK.1)
        .env("DBUS_SESSION_BUS_ADDRESS", session_bus)
        .env("DBUS_SYSTEM_BUS_ADDRESS", system_bus);
    cmd
}

#[test]
fn the_nudge_comes_after_time_at_the_desk_as_mutter_counts_it() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let monitor = IdleMonitor::on(&bus, 30);
    let log = with_notifier(&env);
    let now = |time: &str, idle_s: u64| check_at(&env, &bus, &monitor, time, idle_s);
    assert_eq!(
        now("09:30", 30),
        "no nudge: at the desk for 0 min since your last break, less than 50m\n"
    );
    for time in ["09:40", "09:50", "10:00", "10:10"] {
        assert!(now(time, 10).starts_with("no nudge: at the desk for "));
    }
    let nudge = expected_nudge(&env);
    assert_eq!(now("10:20", 2), format!("{nudge}\n"));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("{nudge}\n"));
    // Still at the desk ten minutes on: not again yet.
    assert_eq!(
        now("10:30", 1),
        "no nudge: one came 8 min ago; the next comes 50m after it if you stay at the desk\n"
    );
    // Six minutes away is a break, and the count starts again.
    assert_eq!(
        now("10:40", 6 * 60),
        "no nudge: you are away from the desk\n"
    );
    assert_eq!(
        now("10:50", 5),
        "no nudge: at the desk for 10 min since your last break, less than 50m\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-sitting")).unwrap(),
        "since 2026-11-25T10:40:00+01:00\nchecked 2026-11-25T10:50:00+01:00\n"
    );
    // The nudge came after the 2 minutes' wait for a pause (the stand-in
    // says 2 s throughout); the break began at the last key press, 6 min
    // before 10:40. Both are in the history.
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("history.jsonl")).unwrap(),
        "{\"v\":1,\"desk\":\"nudge\",\"at\":\"2026-11-25T10:22:00+01:00\"}\n\
         {\"v\":1,\"desk\":\"break\",\"at\":\"2026-11-25T10:34:00+01:00\"}\n"
    );
    let status = remind(
        &env,
        &bus.address,
        NO_BUS,
        &["remind", "status", "--scheduler", "cron"],
        "10:50",
    );
    insta::assert_snapshot!("mutter_status", status);
    // A shell with no desktop to ask (over ssh, say) finds no source, but
    // the last check's is still named.
    let status = remind(
        &env,
        NO_BUS,
        NO_BUS,
        &["remind", "status", "--scheduler", "cron"],
        "10:55",
    );
    insta::assert_snapshot!("mutter_status_from_elsewhere", status);
}

#[test]
fn logind_idle_hint_is_a_source_on_the_system_bus() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    // 2026-11-25T10:00:00+01:00, in microseconds since 1970.
    let ten = 1_795_597_200_000_000u64;
    let idle_since_us = Arc::new(AtomicU64::new(ten));
    bus.serve(
        "org.freedesktop.login1",
        "/org/freedesktop/login1/session/auto",
        LogindSession {
            idle_since_us: idle_since_us.clone(),
        },
    );
    with_notifier(&env);
    // Idle since 10:00: at 10:06 away; the session bus has nothing.
    assert_eq!(
        remind(&env, NO_BUS, &bus.address, &["remind", "now"], "10:06"),
        "no nudge: you are away from the desk\n"
    );
    idle_since_us.store(0, Ordering::SeqCst);
    assert_eq!(
        remind(&env, NO_BUS, &bus.address, &["remind", "now"], "10:10"),
        "no nudge: at the desk for 4 min since your last break, less than 50m\n"
    );
    let status = remind(
        &env,
        NO_BUS,
        &bus.address,
        &["remind", "status", "--scheduler", "cron"],
        "10:10",
    );
    insta::assert_snapshot!("logind_status", status);
    // logind cannot tell when a key was last pressed: a due nudge does not
    // wait for a pause it cannot see, and comes at once.
    sat_since(&env, "09:00", "10:15");
    let log = env.root().join("nudges.txt");
    let nudge = expected_nudge(&env);
    assert_eq!(
        remind(&env, NO_BUS, &bus.address, &["remind", "now"], "10:20"),
        format!("{nudge}\n")
    );
    assert_eq!(last_nudge(&env), "2026-11-25T10:20:00+01:00\n");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("{nudge}\n"));
}

#[test]
fn the_screensaver_interface_counts_seconds_but_milliseconds_from_kde() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    with_notifier(&env);
    // As gnome-screensaver and xfce4-screensaver: 360 is six minutes.
    let screensaver = ScreenSaver::on(&bus, &["org.freedesktop.ScreenSaver"], 360);
    let now = |time| remind(&env, &bus.address, NO_BUS, &["remind", "now"], time);
    assert_eq!(now("10:00"), "no nudge: you are away from the desk\n");
    screensaver.idle.store(30, Ordering::SeqCst);
    assert_eq!(
        now("10:05"),
        "no nudge: at the desk for 5 min since your last break, less than 50m\n"
    );

    // KDE's screen locker owns `org.kde.screensaver` too, and says
    // milliseconds: 360 000 is six minutes, 360 a third of a second.
    let kde = Env::new();
    let Some(bus) = Bus::start(kde.root()) else {
        return;
    };
    with_notifier(&kde);
    let screensaver = ScreenSaver::on(
        &bus,
        &["org.freedesktop.ScreenSaver", "org.kde.screensaver"],
        360,
    );
    let now = |time| remind(&kde, &bus.address, NO_BUS, &["remind", "now"], time);
    assert_eq!(
        now("10:00"),
        "no nudge: at the desk for 0 min since your last break, less than 50m\n"
    );
    screensaver.idle.store(360_000, Ordering::SeqCst);
    assert_eq!(now("10:05"), "no nudge: you are away from the desk\n");
    let status = remind(
        &kde,
        &bus.address,
        NO_BUS,
        &["remind", "status", "--scheduler", "cron"],
        "10:05",
    );
    insta::assert_snapshot!("screensaver_status", status);
}

#[test]
fn a_locked_screen_is_a_break_and_no_nudge_comes() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let log = with_notifier(&env);
    let screensaver = ScreenSaver::on(&bus, &["org.freedesktop.ScreenSaver"], 0);
    // At the desk since 09:00, so a nudge is due at 10:20, but the screen
    // was locked a moment ago.
    sat_since(&env, "09:00", "10:15");
    screensaver.locked.store(true, Ordering::SeqCst);
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:20"),
        "no nudge: you are away from the desk\n"
    );
    assert!(!log.exists());
    assert_eq!(last_nudge(&env), "");
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-sitting")).unwrap(),
        "since away\nchecked 2026-11-25T10:20:00+01:00\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("history.jsonl")).unwrap(),
        "{\"v\":1,\"desk\":\"break\",\"at\":\"2026-11-25T10:20:00+01:00\"}\n"
    );
    // Unlocked: the count starts again from the check that saw the lock.
    screensaver.locked.store(false, Ordering::SeqCst);
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:25"),
        "no nudge: at the desk for 5 min since your last break, less than 50m\n"
    );
}

#[test]
fn without_a_source_the_nudge_comes_at_clock_times_and_status_says_so() {
    let env = Env::new();
    let status = remind(
        &env,
        NO_BUS,
        NO_BUS,
        &["remind", "status", "--scheduler", "cron"],
        "10:10",
    );
    insta::assert_snapshot!("no_source_status", status);
}

/// The state `remind now` keeps between checks: at the desk since `since`,
/// last checked at `checked`, on the test's Wednesday.
fn sat_since(env: &Env, since: &str, checked: &str) {
    env.write(
        "state/psoas/remind-sitting",
        &format!("since 2026-11-25T{since}:00+01:00\nchecked 2026-11-25T{checked}:00+01:00\n"),
    );
}

fn last_nudge(env: &Env) -> String {
    std::fs::read_to_string(env.state_dir().join("remind-last-nudge")).unwrap_or_default()
}

#[test]
fn a_due_nudge_waits_for_a_pause_in_the_typing_then_comes_anyway() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let monitor = IdleMonitor::on(&bus, 1);
    let log = with_notifier(&env);
    let nudge = expected_nudge(&env);
    // At the desk since 09:00: at 10:00 the nudge is due. The last key was
    // pressed 3 s before; asked again 17 s on, 2 s before; 18 s on, quiet.
    sat_since(&env, "09:00", "09:55");
    monitor.line_up(&[3, 2, 20]);
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:00"),
        format!("{nudge}\n")
    );
    assert_eq!(monitor.asked(), 3);
    assert_eq!(last_nudge(&env), "2026-11-25T10:00:35+01:00\n");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("{nudge}\n"));

    // Typing on and on: the nudge comes at the end of the wait, 2 minutes,
    // the desktop asked about every 19 s of it.
    sat_since(&env, "09:00", "10:55");
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "11:00"),
        format!("{nudge}\n")
    );
    assert_eq!(monitor.asked(), 8);
    assert_eq!(last_nudge(&env), "2026-11-25T11:02:00+01:00\n");

    // With `wait = "0s"` it comes at once.
    env.write(
        "config/psoas/config.toml",
        &std::fs::read_to_string(env.root().join("config/psoas/config.toml"))
            .unwrap()
            .replace("sit = \"50m\"", "sit = \"50m\", wait = \"0s\""),
    );
    sat_since(&env, "09:00", "11:55");
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "12:00"),
        format!("{nudge}\n")
    );
    assert_eq!(monitor.asked(), 1);
    assert_eq!(last_nudge(&env), "2026-11-25T12:00:00+01:00\n");
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("history.jsonl")).unwrap(),
        "{\"v\":1,\"desk\":\"nudge\",\"at\":\"2026-11-25T10:00:35+01:00\"}\n\
         {\"v\":1,\"desk\":\"nudge\",\"at\":\"2026-11-25T11:02:00+01:00\"}\n\
         {\"v\":1,\"desk\":\"nudge\",\"at\":\"2026-11-25T12:00:00+01:00\"}\n"
    );
}

/// Run by hand in a terminal, the wait for a pause shows on stderr as a bar
/// that is gone when the nudge comes; piped, as from the scheduler, stderr
/// stays empty.
#[test]
fn a_wait_in_a_terminal_shows_a_bar_that_makes_way_for_the_nudge() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let monitor = IdleMonitor::on(&bus, 1);
    with_notifier(&env);
    let nudge = expected_nudge(&env);
    sat_since(&env, "09:00", "09:55");
    monitor.line_up(&[3, 2, 20]);
    let mut pty = Pty::spawn_program(
        &env,
        env!("CARGO_BIN_EXE_psoas").as_ref(),
        &["remind", "now"],
        &[
            ("PSOAS_NOW", "2026-11-25T10:00:00+01:00"),
            VIRTUAL_CLOCK,
            ("DBUS_SESSION_BUS_ADDRESS", &bus.address),
            ("DBUS_SYSTEM_BUS_ADDRESS", NO_BUS),
        ],
    );
    assert_eq!(pty.wait_exit(), 0);
    let drawn = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(
        drawn.contains("Waiting up to 2:00 for a pause in your typing  "),
        "the bar was drawn: {drawn:?}"
    );
    // On the test's 40 columns the bar's line wraps to two rows; both are
    // cleared.
    assert_eq!(
        pty.screen().trim_end(),
        nudge,
        "the bar is cleared and the nudge alone is left"
    );
    assert_eq!(monitor.asked(), 3);
    assert_eq!(last_nudge(&env), "2026-11-25T10:00:35+01:00\n");

    // Piped, as the scheduler runs it, the same wait draws nothing.
    sat_since(&env, "09:00", "10:55");
    monitor.line_up(&[3, 2, 20]);
    let output = remind_command(&env, &bus.address, NO_BUS, &["remind", "now"], "11:00")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("{nudge}\n")
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(last_nudge(&env), "2026-11-25T11:00:35+01:00\n");
}

#[test]
fn nothing_is_nudged_where_the_desktop_says_do_not_disturb() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let log = with_notifier(&env);
    // GNOME's banners off, read through the portal; no idle source, so the
    // nudge is due at clock times.
    bus.serve(
        "org.freedesktop.portal.Desktop",
        "/org/freedesktop/portal/desktop",
        PortalSettings {
            show_banners: false,
        },
    );
    assert_eq!(
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:20"),
        "no nudge: do not disturb (GNOME's notification banners are off)\n"
    );
    assert!(!log.exists());
    assert_eq!(last_nudge(&env), "");

    // Banners on, but the notification server holds notifications back.
    let other = Env::new();
    let Some(bus) = Bus::start(other.root()) else {
        return;
    };
    let log = with_notifier(&other);
    bus.serve(
        "org.freedesktop.portal.Desktop",
        "/org/freedesktop/portal/desktop",
        PortalSettings { show_banners: true },
    );
    let nudge = expected_nudge(&other);
    assert_eq!(
        remind(&other, &bus.address, NO_BUS, &["remind", "now"], "10:20"),
        format!("{nudge}\n"),
        "banners on: the nudge comes"
    );
    bus.serve(
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        InhibitedNotifications,
    );
    assert_eq!(
        remind(&other, &bus.address, NO_BUS, &["remind", "now"], "11:20"),
        "no nudge: do not disturb (the notification service holds notifications back)\n"
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("{nudge}\n"));
}

/// An X server of the test's own (`Xvfb`, on a display it picks), for as
/// long as the value lives; none where `Xvfb` is missing (a failure under
/// CI).
struct Xvfb {
    server: Child,
    display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

impl Xvfb {
    fn start() -> Option<Xvfb> {
        // The display's number is printed once the server takes clients.
        let (server, number) = start_announcing(
            "Xvfb",
            Command::new("Xvfb").args([
                "-displayfd",
                "1",
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "320x240x24",
            ]),
        )?;
        Some(Xvfb {
            server,
            display: format!(":{number}"),
        })
    }
}

/// The freedesktop notification service: says whether it offers actions,
/// records each notification it is asked to show, and answers with the
/// action the test set (none: closed without a choice), then closes it.
#[derive(Clone, Default)]
struct Notifications {
    actions: bool,
    shown: Arc<Mutex<Vec<String>>>,
    answer: Arc<Mutex<Option<String>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Notifications {
    fn get_capabilities(&self) -> Vec<String> {
        let mut capabilities = vec!["body".to_string()];
        if self.actions {
            capabilities.push("actions".to_string());
        }
        capabilities
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "stand-in".into(),
            "psoas tests".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn notify(
        &self,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, zbus::OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        let choices: Vec<String> = actions.chunks(2).map(|pair| pair.join("=")).collect();
        let id = {
            let mut shown = self.shown.lock().unwrap();
            shown.push(format!(
                "app: {app_name}\nsummary: {summary}\nbody: {body}\nactions: {}\n",
                choices.join(", ")
            ));
            u32::try_from(shown.len()).unwrap()
        };
        if self.actions {
            let answer = self.answer.lock().unwrap().clone();
            if let Some(key) = answer {
                Self::action_invoked(&emitter, id, &key).await.unwrap();
            }
            // Dismissed by the person, or closed by the service after a choice.
            Self::notification_closed(&emitter, id, 2).await.unwrap();
        }
        id
    }

    fn close_notification(&self, _id: u32) {}

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;
}

impl Notifications {
    fn answer(&self, key: Option<&str>) {
        *self.answer.lock().unwrap() = key.map(str::to_string);
    }

    /// The notifications shown since the last call.
    fn taken(&self) -> String {
        std::mem::take(&mut *self.shown.lock().unwrap()).concat()
    }
}

/// A bus with the stand-in notification service on it, offering actions or
/// not; none where `dbus-daemon` is missing.
fn notification_bus(env: &Env, actions: bool) -> Option<(Bus, Notifications)> {
    let bus = Bus::start(env.root())?;
    let service = Notifications {
        actions,
        ..Notifications::default()
    };
    bus.serve(
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        service.clone(),
    );
    Some((bus, service))
}

/// A config with `remind` as given and a stand-in terminal that writes its
/// arguments, one a line, to the file it returns.
fn with_terminal(env: &Env, remind: &str) -> std::path::PathBuf {
    let log = env.root().join("terminal.txt");
    let program = env.write(
        "bin/terminal",
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{log}.part'\nmv '{log}.part' '{log}'\n",
            log = log.display()
        ),
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.write(
        "config/psoas/config.toml",
        &format!(
            "terminal = [\"{}\", \"-e\"]\nremind = {remind}\n",
            program.display()
        ),
    );
    log
}

/// The text of `path` once it is there: the terminal is started detached,
/// so it may write after `remind now` has ended.
fn when_written(path: &Path) -> String {
    let start = std::time::Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{} was never written",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn x11_gives_the_idle_time_where_no_bus_does_but_not_under_wayland() {
    let env = Env::new();
    let Some(x) = Xvfb::start() else {
        return;
    };
    with_notifier(&env);
    let psoas = |args: &[&str], wayland: bool| {
        let mut cmd = env.psoas(args);
        cmd.env("PSOAS_NOW", "2026-11-25T10:00:00+01:00")
            .env("DISPLAY", &x.display);
        if wayland {
            cmd.env("WAYLAND_DISPLAY", "wayland-0");
        }
        stdout_of(&mut cmd)
    };
    let status = psoas(&["remind", "status", "--scheduler", "cron"], false);
    insta::assert_snapshot!("x11_status", status);
    // The server started moments ago, so no input for less than a minute.
    assert_eq!(
        psoas(&["remind", "now"], false),
        "no nudge: at the desk for 0 min since your last break, less than 50m\n"
    );
    let status = psoas(&["remind", "status", "--scheduler", "cron"], true);
    insta::assert_snapshot!("x11_status_under_wayland", status);
}

#[test]
fn start_runs_the_break_in_the_terminal() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, true) else {
        return;
    };
    let args = with_terminal(&env, "{ routines = [\"micro-break\"] }");
    service.answer(Some("start"));
    let out = remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:20");
    insta::assert_snapshot!("start_printed", out);
    insta::assert_snapshot!("start_shown", service.taken());
    assert_eq!(
        when_written(&args),
        format!("-e\n{}\nrun\nmicro-break\n", env!("CARGO_BIN_EXE_psoas"))
    );
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-nudges")).unwrap(),
        "2026-11-25T10:20:00+01:00 micro-break start\n"
    );
}

#[test]
fn snooze_keeps_the_next_nudge_back_ten_minutes() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, true) else {
        return;
    };
    // The defaults: by clock times, at most one nudge an hour but for a
    // snooze.
    with_terminal(&env, "{}");
    service.answer(Some("snooze"));
    let now = |time| remind(&env, &bus.address, NO_BUS, &["remind", "now"], time);
    let nudge = expected_nudge(&env);
    assert_eq!(now("10:20"), format!("{nudge}\nNo nudge until 10:30.\n"));
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-paused-until")).unwrap(),
        "2026-11-25T10:30:00+01:00\n"
    );
    assert_eq!(now("10:25"), "no nudge: paused until 10:30\n");
    service.answer(None);
    assert_eq!(
        now("10:30"),
        format!("{nudge}\nThe nudge was closed without a choice.\n")
    );
    assert_eq!(
        now("10:35"),
        "no nudge: one came already in this interval\n"
    );
    // `pause until`, typed after a nudge, does the same when it ends.
    let pause = remind(
        &env,
        &bus.address,
        NO_BUS,
        &["remind", "pause", "until", "10:45"],
        "10:36",
    );
    assert_eq!(pause, "No nudge until 10:45.\n");
    assert_eq!(now("10:40"), "no nudge: paused until 10:45\n");
    assert_eq!(
        now("10:45"),
        format!("{nudge}\nThe nudge was closed without a choice.\n")
    );
    assert_eq!(
        now("10:50"),
        "no nudge: one came already in this interval\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-nudges")).unwrap(),
        "2026-11-25T10:20:00+01:00 desk-break snooze\n\
         2026-11-25T10:30:00+01:00 desk-break dismissed\n\
         2026-11-25T10:45:00+01:00 desk-break dismissed\n"
    );
}

#[test]
fn a_snooze_that_ends_at_the_desk_nudges_at_the_next_check() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, true) else {
        return;
    };
    let monitor = IdleMonitor::on(&bus, 30);
    with_terminal(&env, "{}");
    let now = |time: &str, idle_s: u64| check_at(&env, &bus, &monitor, time, idle_s);
    let nudge = expected_nudge(&env);
    sat_since(&env, "09:00", "10:15");
    service.answer(Some("snooze"));
    assert_eq!(
        now("10:20", 30),
        format!("{nudge}\nNo nudge until 10:30.\n")
    );
    assert_eq!(now("10:25", 30), "no nudge: paused until 10:30\n");
    service.answer(Some("skip"));
    assert_eq!(
        now("10:30", 30),
        format!("{nudge}\nSkipped: 1 of 3 skips today.\n")
    );
    assert_eq!(
        now("10:35", 30),
        "no nudge: one came 5 min ago; the next comes 50m after it if you stay at the desk\n"
    );
}

#[test]
fn a_break_during_a_snooze_is_seen_and_answers_the_nudge() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, true) else {
        return;
    };
    let monitor = IdleMonitor::on(&bus, 30);
    with_terminal(&env, "{}");
    let now = |time: &str, idle_s: u64| check_at(&env, &bus, &monitor, time, idle_s);
    let nudge = expected_nudge(&env);
    sat_since(&env, "09:00", "10:15");
    service.answer(None);
    assert_eq!(
        now("10:20", 30),
        format!("{nudge}\nThe nudge was closed without a choice.\n")
    );
    let snooze = remind(
        &env,
        &bus.address,
        NO_BUS,
        &["remind", "snooze", "30m"],
        "10:21",
    );
    assert_eq!(snooze, "No nudge until 10:51.\n");
    // Away from 10:22 to 10:33, while snoozed: a break, seen and kept.
    for (time, idle_s) in [("10:25", 3 * 60), ("10:30", 8 * 60), ("10:35", 2 * 60)] {
        assert_eq!(now(time, idle_s), "no nudge: paused until 10:51\n");
    }
    for time in ["10:40", "10:45", "10:50"] {
        assert_eq!(now(time, 10), "no nudge: paused until 10:51\n");
    }
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("history.jsonl")).unwrap(),
        "{\"v\":1,\"desk\":\"nudge\",\"at\":\"2026-11-25T10:20:00+01:00\"}\n\
         {\"v\":1,\"desk\":\"break\",\"at\":\"2026-11-25T10:22:00+01:00\"}\n"
    );
    // The snooze over, the count runs from the check that saw the break.
    assert_eq!(
        now("10:55", 10),
        "no nudge: at the desk for 25 min since your last break, less than 50m\n"
    );
    let history = stdout_of(
        env.psoas(&["history", "--format", "json"])
            .env("PSOAS_NOW", "2026-11-25T18:00:00+01:00"),
    );
    let json: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(
        json["days"][6],
        serde_json::json!({"date": "2026-11-25", "sessions": 0, "breaks": 1, "nudges": 1,
            "ignored_nudges": 0}),
        "the nudge was answered by the break"
    );
}

#[test]
fn skips_run_out_and_the_routines_take_turns() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, true) else {
        return;
    };
    with_terminal(
        &env,
        "{ routines = [\"micro-break\", \"desk-break\"], skips_a_day = 2 }",
    );
    let mut printed = String::new();
    for (time, answer) in [
        ("10:20", Some("skip")),
        ("11:20", Some("skip")),
        ("12:20", None),
        // A key that was not offered is no choice.
        ("13:20", Some("skip")),
    ] {
        service.answer(answer);
        let out = remind(&env, &bus.address, NO_BUS, &["remind", "now"], time);
        printed.push_str(&format!("$ psoas remind now  # {time}\n{out}"));
    }
    insta::assert_snapshot!("skips_printed", printed);
    insta::assert_snapshot!("skips_shown", service.taken());
    // A new day has its skips again.
    service.answer(Some("skip"));
    let mut cmd = env.psoas(&["remind", "now"]);
    cmd.env("PSOAS_NOW", "2026-11-26T10:20:00+01:00")
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let out = stdout_of(&mut cmd);
    assert!(out.ends_with("\nSkipped: 1 of 2 skips today.\n"), "{out}");
}

#[test]
fn a_service_without_actions_shows_a_plain_nudge() {
    let env = Env::new();
    let Some((bus, service)) = notification_bus(&env, false) else {
        return;
    };
    let nudge = expected_nudge(&env);
    let out = remind(&env, &bus.address, NO_BUS, &["remind", "now"], "10:20");
    assert_eq!(out, format!("{nudge}\n"));
    assert_eq!(
        service.taken(),
        format!("app: psoas\nsummary: psoas\nbody: {nudge}\nactions: \n")
    );
    assert_eq!(
        std::fs::read_to_string(env.state_dir().join("remind-nudges")).unwrap(),
        "2026-11-25T10:20:00+01:00 desk-break shown\n"
    );
}
