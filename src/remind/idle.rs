//! How long the person has been away from the keyboard and mouse, and
//! whether the screen is locked, as the desktop says over D-Bus (through
//! `zbus`, which the notifications already use). The sources are asked in
//! turn, and the first that answers is used:
//!
//! - GNOME's Mutter idle monitor (`org.gnome.Mutter.IdleMonitor`), with
//!   GNOME's screensaver for the lock;
//! - the freedesktop screensaver interface (`org.freedesktop.ScreenSaver`:
//!   KDE, Xfce and others), whose idle time is in milliseconds from KDE and
//!   in seconds from the others;
//! - on X11, the screen saver extension's time since the last input
//!   (through `x11rb`), for window managers that answer none of the above;
//!   not in a Wayland session, where `XWayland` counts only the input of X11
//!   programs;
//! - logind's idle hint, on the system bus, for the session psoas runs in:
//!   since when the desktop has called the session idle, not when the last
//!   key was pressed ([`Source::tells_last_input`]);
//! - on macOS, `HIDIdleTime` as `ioreg -c IOHIDSystem` prints it (through
//!   [`helper`](super::helper), so it cannot hold the check up). macOS does
//!   not say there whether the screen is locked.
//!
//! Every call has [`PATIENCE`] to be answered, so a desktop that does not
//! answer costs the check that much and no more. Where none answers,
//! `remind now` nudges at clock times, as it did before it could tell.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use zbus::Connection;
use zbus::OwnedVariant;

/// How long one D-Bus call may take before its source counts as silent.
pub(crate) const PATIENCE: Duration = Duration::from_millis(250);

/// Where the idle time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub(crate) enum Source {
    Mutter,
    ScreenSaver,
    X11,
    Logind,
    MacOs,
}

impl Source {
    /// Its name as kept in the state folder: `mutter`, `screensaver`,
    /// `x11`, `logind`, `macos`.
    pub(crate) fn key(self) -> &'static str {
        self.into()
    }

    pub(crate) fn from_key(key: &str) -> Option<Source> {
        key.parse().ok()
    }

    /// Whether its idle time is the time since the last key press or mouse
    /// move. logind's is not: it says only since when the desktop has called
    /// the session idle, after the desktop's own idle delay, and is 0 until
    /// then, so a pause in the typing cannot be seen through it.
    pub(crate) fn tells_last_input(self) -> bool {
        self != Source::Logind
    }
}

/// What the desktop said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    pub source: Source,
    /// Time since the last key press or mouse move.
    pub idle: Duration,
    /// Whether the screen is locked.
    pub locked: bool,
}

/// Asks the sources in turn; `now` is needed for logind, which says since
/// when the session has been idle. The asking runs on a thread of its own
/// that is given [`BUDGET`] in all: a bus that accepts a connection and never
/// answers the handshake is left behind, and the check goes on without it.
pub(crate) fn read(now: DateTime<FixedOffset>) -> Option<Reading> {
    if cfg!(target_os = "macos") {
        return macos();
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("idle".into())
        .spawn(move || {
            let _ = sender.send(zbus::block_on(ask(now)));
        })
        .ok()?;
    receiver.recv_timeout(BUDGET).ok().flatten()
}

/// How long the sources may take in all.
pub(crate) const BUDGET: Duration = Duration::from_secs(1);

/// X11's time since the last input, where `DISPLAY` names a server and the
/// session is not Wayland's. A lock is not told apart from the screen saver
/// being on, which counts as away too.
fn x11() -> Option<Reading> {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::screensaver::{ConnectionExt as _, State};
    std::env::var_os("DISPLAY")?;
    if std::env::var_os("WAYLAND_DISPLAY").is_some() {
        return None;
    }
    let (connection, screen) = x11rb::connect(None).ok()?;
    let root = connection.setup().roots.get(screen)?.root;
    let info = connection.screensaver_query_info(root).ok()?.reply().ok()?;
    Some(Reading {
        source: Source::X11,
        idle: Duration::from_millis(u64::from(info.ms_since_user_input)),
        locked: info.state == u8::from(State::ON),
    })
}

/// macOS's idle time, from `ioreg`.
fn macos() -> Option<Reading> {
    let printed = super::helper::output(&["ioreg", "-c", "IOHIDSystem", "-d", "4"], BUDGET)
        .ok()
        .flatten()?;
    Some(Reading {
        source: Source::MacOs,
        idle: hid_idle_time(&String::from_utf8_lossy(&printed))?,
        locked: false,
    })
}

/// The first `"HIDIdleTime" = N` (nanoseconds) in what `ioreg` printed.
fn hid_idle_time(printed: &str) -> Option<Duration> {
    printed.lines().find_map(|line| {
        let (_, value) = line.split_once("\"HIDIdleTime\" = ")?;
        value.trim().parse::<u64>().ok().map(Duration::from_nanos)
    })
}

async fn ask(now: DateTime<FixedOffset>) -> Option<Reading> {
    if let Some(session) = connect(zbus::connection::Builder::session()).await {
        if let Some(reading) = mutter(&session).await {
            return Some(reading);
        }
        if let Some(reading) = screensaver(&session).await {
            return Some(reading);
        }
    }
    if let Some(reading) = x11() {
        return Some(reading);
    }
    let system = connect(zbus::connection::Builder::system()).await?;
    logind(&system, now).await
}

async fn connect(builder: zbus::connection::Builder<'_>) -> Option<Connection> {
    builder.method_timeout(PATIENCE).build().await.ok()
}

async fn call<R>(connection: &Connection, name: &str, path: &str, method: &str) -> Option<R>
where
    R: for<'d> serde::Deserialize<'d> + zbus::zvariant::Type,
{
    let reply = connection
        .call_method(Some(name), path, Some(name), method, &())
        .await
        .ok()?;
    reply.body().deserialize::<R>().ok()
}

async fn mutter(session: &Connection) -> Option<Reading> {
    let name = "org.gnome.Mutter.IdleMonitor";
    let idle_ms: u64 = call(
        session,
        name,
        "/org/gnome/Mutter/IdleMonitor/Core",
        "GetIdletime",
    )
    .await?;
    let locked: bool = call(
        session,
        "org.gnome.ScreenSaver",
        "/org/gnome/ScreenSaver",
        "GetActive",
    )
    .await
    .unwrap_or(false);
    Some(Reading {
        source: Source::Mutter,
        idle: Duration::from_millis(idle_ms),
        locked,
    })
}

/// The freedesktop screensaver interface. Its `GetSessionIdleTime` is in
/// seconds from gnome-screensaver and xfce4-screensaver, but in
/// milliseconds from KDE's screen locker; KDE's is told apart by the name
/// it also owns on the bus, `org.kde.screensaver`, which a check run by the
/// scheduler can ask as well as a shell (an environment variable such as
/// `XDG_CURRENT_DESKTOP` may not reach it).
async fn screensaver(session: &Connection) -> Option<Reading> {
    let name = "org.freedesktop.ScreenSaver";
    let path = "/org/freedesktop/ScreenSaver";
    let idle: u32 = call(session, name, path, "GetSessionIdleTime").await?;
    let locked: bool = call(session, name, path, "GetActive")
        .await
        .unwrap_or(false);
    let kde = match (
        owner(session, name).await,
        owner(session, KDE_SCREENSAVER).await,
    ) {
        (Some(theirs), Some(kde)) => theirs == kde,
        _ => false,
    };
    let idle = if kde {
        Duration::from_millis(u64::from(idle))
    } else {
        Duration::from_secs(u64::from(idle))
    };
    Some(Reading {
        source: Source::ScreenSaver,
        idle,
        locked,
    })
}

/// The name KDE's screen locker owns beside the freedesktop one.
const KDE_SCREENSAVER: &str = "org.kde.screensaver";

/// The unique name of the connection that owns `name`, if any does.
async fn owner(session: &Connection, name: &str) -> Option<String> {
    let reply = session
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "GetNameOwner",
            &(name,),
        )
        .await
        .ok()?;
    reply.body().deserialize::<String>().ok()
}

async fn logind(system: &Connection, now: DateTime<FixedOffset>) -> Option<Reading> {
    let reply = system
        .call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1/session/auto",
            Some("org.freedesktop.DBus.Properties"),
            "GetAll",
            &("org.freedesktop.login1.Session",),
        )
        .await
        .ok()?;
    let properties: HashMap<String, OwnedVariant> = reply.body().deserialize().ok()?;
    let flag = |key: &str| {
        properties
            .get(key)
            .and_then(|v| bool::try_from(v).ok())
            .unwrap_or(false)
    };
    let idle_hint = properties
        .get("IdleHint")
        .map(|v| bool::try_from(v).ok())??;
    let since_us = properties
        .get("IdleSinceHint")
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0);
    let idle = if idle_hint {
        let now_us = u64::try_from(now.timestamp_micros()).unwrap_or(0);
        Duration::from_micros(now_us.saturating_sub(since_us))
    } else {
        Duration::ZERO
    };
    Some(Reading {
        source: Source::Logind,
        idle,
        locked: flag("LockedHint"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_time_is_read_from_what_ioreg_prints() {
        let printed = r#"+-o IOHIDSystem  <class IOHIDSystem, id 0x100000221, registered, matched, active, busy 0 (0 ms), retain 23>
    {
      "IOClass" = "IOHIDSystem"
      "HIDParameters" = {"HIDClickTime"=500000000}
      "HIDIdleTime" = 12345678901
      "IOProviderClass" = "IOResources"
    }
"#;
        assert_eq!(
            hid_idle_time(printed),
            Some(Duration::from_nanos(12_345_678_901))
        );
        assert_eq!(hid_idle_time("\"HIDIdleTime\" = x\n"), None);
        assert_eq!(hid_idle_time(""), None);
    }
}
