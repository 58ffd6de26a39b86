//! Whether the desktop is set to do not disturb, where it says so over
//! D-Bus; asked only when a nudge is due, so a check that does not nudge
//! costs nothing more:
//!
//! - GNOME's `show-banners` setting (`org.gnome.desktop.notifications`),
//!   read through the desktop portal's Settings interface, which any
//!   program in the session may read;
//! - the notification server's own `Inhibited` property
//!   (`org.freedesktop.Notifications`, on the servers that have it: KDE's,
//!   and others since the specification's version 1.3).
//!
//! A desktop that answers neither is taken to allow the nudge. Each call
//! has the idle sources' [`PATIENCE`], and the whole asking their
//! [`BUDGET`].

use zbus::Connection;
use zbus::{OwnedVariant, Variant};

use super::idle::{BUDGET, PATIENCE};

/// Who said do not disturb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Said {
    /// GNOME's notification banners are off.
    GnomeBanners,
    /// The notification server says it holds notifications back.
    Inhibited,
}

/// Who says do not disturb, if anyone does.
pub(crate) fn read() -> Option<Said> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("do-not-disturb".into())
        .spawn(move || {
            let _ = sender.send(zbus::block_on(ask()));
        })
        .ok()?;
    receiver.recv_timeout(BUDGET).ok().flatten()
}

async fn ask() -> Option<Said> {
    let session = zbus::connection::Builder::session()
        .method_timeout(PATIENCE)
        .build()
        .await
        .ok()?;
    if gnome_banners(&session).await == Some(false) {
        return Some(Said::GnomeBanners);
    }
    if inhibited(&session).await == Some(true) {
        return Some(Said::Inhibited);
    }
    None
}

/// GNOME's `show-banners`: `ReadOne` where the portal has it (version 2),
/// else the older `Read`, whose answer is one variant more deep.
async fn gnome_banners(session: &Connection) -> Option<bool> {
    let key = ("org.gnome.desktop.notifications", "show-banners");
    for method in ["ReadOne", "Read"] {
        let Ok(reply) = session
            .call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.portal.Settings"),
                method,
                &key,
            )
            .await
        else {
            continue;
        };
        let value: OwnedVariant = reply.body().deserialize().ok()?;
        return flag(&value);
    }
    None
}

/// The boolean inside a value, however many variants deep.
fn flag(value: &Variant) -> Option<bool> {
    match value {
        Variant::Bool(flag) => Some(*flag),
        Variant::Variant(inner) => flag(inner),
        _ => None,
    }
}

/// The notification server's `Inhibited` property.
async fn inhibited(session: &Connection) -> Option<bool> {
    let reply = session
        .call_method(
            Some("org.freedesktop.Notifications"),
            "/org/freedesktop/Notifications",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.Notifications", "Inhibited"),
        )
        .await
        .ok()?;
    let value: OwnedVariant = reply.body().deserialize().ok()?;
    flag(&value)
}
