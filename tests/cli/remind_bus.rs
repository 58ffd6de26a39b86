//! `psoas remind` against a D-Bus bus of the test's own: a `dbus-daemon`
//! started with a config written here, and on it a stand-in for the
//! desktop's idle monitor (GNOME's Mutter) or logind, served by the test
//! through zbus. `remind now` counts the time at the desk from what they say.
//! A stand-in notification service on the same bus records each nudge it is
//! asked to show (summary, body, choices) and answers it with the choice the
//! test makes: start the break, snooze, skip, or none.
//! The machine's own buses are never touched. Without `dbus-daemon` these
//! tests fail under CI (`CI=true`), and elsewhere are skipped with a note.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use zbus::object_server::SignalEmitter;

use crate::remind::expected_nudge;
use crate::{Env, NO_BUS, stdout_of};

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
        let spawned = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--print-address", "--nofork"])
            .env_clear()
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let mut daemon = match spawned {
            Ok(daemon) => daemon,
            Err(error) => {
                assert!(
                    std::env::var_os("CI").is_none_or(|ci| ci != "true"),
                    "dbus-daemon is needed under CI: {error}"
                );
                eprintln!("note: skipped, no dbus-daemon here ({error})");
                return None;
            }
        };
        // The address is printed once the bus is listening.
        let mut line = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Some(Bus {
            daemon,
            address: line.trim().to_string(),
        })
    }

    /// Serves `object` at `path` under the well-known `name`, on a thread of
    /// its own, and returns once the name is owned.
    fn serve<I: zbus::object_server::Interface>(
        &self,
        name: &'static str,
        path: &'static str,
        object: I,
    ) {
        let address = self.address.clone();
        let (ready, owned) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            zbus::block_on(async move {
                let connection = zbus::connection::Builder::address(address.as_str())
                    .name(name)
                    .serve_at(path, object)
                    .build()
                    .await
                    .unwrap();
                ready.send(()).unwrap();
                // Answers until the bus goes.
                let _connection = connection;
                std::future::pending::<()>().await;
            });
        });
        owned.recv().unwrap();
    }
}

/// GNOME's Mutter idle monitor, with the idle time the test sets.
struct IdleMonitor {
    idle_ms: Arc<AtomicU64>,
}

#[zbus::interface(name = "org.gnome.Mutter.IdleMonitor")]
impl IdleMonitor {
    fn get_idletime(&self) -> u64 {
        self.idle_ms.load(Ordering::SeqCst)
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
    let mut cmd = env.psoas(args);
    cmd.env("PSOAS_NOW", format!("2026-11-25T{now}:00+01:00"))
        .env("DBUS_SESSION_BUS_ADDRESS", session_bus)
        .env("DBUS_SYSTEM_BUS_ADDRESS", system_bus);
    stdout_of(&mut cmd)
}

#[test]
fn the_nudge_comes_after_time_at_the_desk_as_mutter_counts_it() {
    let env = Env::new();
    let Some(bus) = Bus::start(env.root()) else {
        return;
    };
    let idle_ms = Arc::new(AtomicU64::new(30_000));
    bus.serve(
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        IdleMonitor {
            idle_ms: idle_ms.clone(),
        },
    );
    let log = with_notifier(&env);
    let now = |time: &str, idle_s: u64| {
        idle_ms.store(idle_s * 1000, Ordering::SeqCst);
        remind(&env, &bus.address, NO_BUS, &["remind", "now"], time)
    };
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
        "no nudge: one came already in this interval\n"
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
    let status = remind(
        &env,
        &bus.address,
        NO_BUS,
        &["remind", "status", "--scheduler", "cron"],
        "10:50",
    );
    assert!(
        status.contains(
            "Idle time from GNOME's Mutter idle monitor: nudges come after time at the desk without a break.\n"
        ),
        "{status}"
    );
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
    assert!(
        status.contains("Idle time from logind's idle hint"),
        "{status}"
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
    assert!(
        status.contains("No idle time from the desktop: nudges come at clock times.\n"),
        "{status}"
    );
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
    with_terminal(&env, "{ every = \"5m\" }");
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
        std::fs::read_to_string(env.state_dir().join("remind-nudges")).unwrap(),
        "2026-11-25T10:20:00+01:00 desk-break snooze\n\
         2026-11-25T10:30:00+01:00 desk-break dismissed\n"
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
