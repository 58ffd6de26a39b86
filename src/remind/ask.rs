//! A nudge that asks: a desktop notification with actions (start the break,
//! snooze, skip), through the freedesktop notification service on the
//! session bus, where the service says it supports actions
//! (`GetCapabilities`). The answer is the action the person chose, or that
//! they closed the notification, or none within the time given: then the
//! notification is closed, so no choice is left on the screen that nothing
//! would act on.
//!
//! The bus is spoken to on a thread of its own, and every step is bounded:
//! [`BUDGET`] to connect, ask the capabilities and show the notification,
//! then the time given to wait for the answer. A service that never answers
//! holds the check up no longer than that.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use zbus::Variant;
use zbus::export::futures_core::Stream;
use zbus::message::Type;
use zbus::{Connection, MatchRule, MessageStream};

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// How long connecting, asking the capabilities and showing may take in all.
pub(crate) const BUDGET: Duration = Duration::from_secs(2);

/// How long each call to the service may take.
const PATIENCE: Duration = Duration::from_millis(1500);

/// One choice a notification offers: the key the service sends back, and
/// the label shown on its button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Action {
    pub key: &'static str,
    pub label: String,
}

/// What became of a notification with actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Answer {
    /// The person chose the action with this key.
    Chose(String),
    /// The notification was closed without a choice (dismissed, or expired
    /// by the service).
    Closed,
    /// No answer within the time given; psoas closed the notification.
    None,
}

/// How the asking went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Asked {
    /// The notification was shown, and this became of it.
    Shown(Answer),
    /// The service shows notifications without actions: a plain one will do.
    NoActions,
}

/// What the thread that speaks to the bus reports.
enum Event {
    Failed(String),
    NoActions,
    Shown(u32, Connection),
    Chose(String),
    Closed,
}

/// Shows `summary` and `body` with `actions` and waits up to `wait` for the
/// answer; an error when no notification service answers.
pub(crate) fn ask(
    summary: &str,
    body: &str,
    actions: &[Action],
    wait: Duration,
) -> Result<Asked, String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let (summary, body, actions) = (summary.to_string(), body.to_string(), actions.to_vec());
    std::thread::Builder::new()
        .name("nudge".into())
        .spawn(move || {
            zbus::block_on(converse(&summary, &body, &actions, wait, &sender));
        })
        .map_err(|e| format!("cannot start a thread for the notification: {e}"))?;
    let (id, connection) = match receiver.recv_timeout(BUDGET) {
        Ok(Event::Shown(id, connection)) => (id, connection),
        Ok(Event::NoActions) => return Ok(Asked::NoActions),
        Ok(Event::Failed(error)) => return Err(error),
        Ok(Event::Chose(_) | Event::Closed) => unreachable!("an answer comes after the showing"),
        Err(_) => {
            return Err(format!(
                "the notification service did not answer within {} s",
                BUDGET.as_secs()
            ));
        }
    };
    let answer = answer_within(&receiver, wait);
    if answer == Answer::None {
        // Best effort: a service that does not close it leaves a button
        // that does nothing.
        let _ = zbus::block_on(connection.call_method(
            Some(NAME),
            PATH,
            Some(NAME),
            "CloseNotification",
            &(id,),
        ));
    }
    Ok(Asked::Shown(answer))
}

/// The answer that comes on `events` within `wait`: a bus that goes away
/// closes the notification with it.
fn answer_within(events: &Receiver<Event>, wait: Duration) -> Answer {
    match events.recv_timeout(wait) {
        Ok(Event::Chose(key)) => Answer::Chose(key),
        Ok(_) | Err(RecvTimeoutError::Disconnected) => Answer::Closed,
        Err(RecvTimeoutError::Timeout) => Answer::None,
    }
}

async fn converse(
    summary: &str,
    body: &str,
    actions: &[Action],
    wait: Duration,
    events: &Sender<Event>,
) {
    let send = |event| {
        let _ = events.send(event);
    };
    match show(summary, body, actions, wait).await {
        Err(error) => send(Event::Failed(error)),
        Ok(None) => send(Event::NoActions),
        Ok(Some((id, connection, mut stream))) => {
            send(Event::Shown(id, connection));
            send(answer(&mut stream, id).await);
        }
    }
}

/// Connects, asks the capabilities and, where actions are supported, shows
/// the notification: its id, the connection and the stream its signals
/// come on.
async fn show(
    summary: &str,
    body: &str,
    actions: &[Action],
    wait: Duration,
) -> Result<Option<(u32, Connection, MessageStream)>, String> {
    let connection = zbus::connection::Builder::session()
        .method_timeout(PATIENCE)
        .build()
        .await
        .map_err(|e| format!("no session bus: {e}"))?;
    let reply = connection
        .call_method(Some(NAME), PATH, Some(NAME), "GetCapabilities", &())
        .await
        .map_err(|e| format!("no notification service: {e}"))?;
    let capabilities: Vec<String> = reply.body().deserialize().map_err(|e| e.to_string())?;
    if !capabilities.iter().any(|c| c == "actions") {
        return Ok(None);
    }
    // Listened for before the notification is shown, so that an answer that
    // comes at once is not missed.
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface(NAME)
        .path(PATH)
        .build()
        .map_err(|e| e.to_string())?;
    let stream = MessageStream::for_match_rule(rule, &connection, None)
        .await
        .map_err(|e| e.to_string())?;
    let pairs: Vec<&str> = actions
        .iter()
        .flat_map(|a| [a.key, a.label.as_str()])
        .collect();
    let hints: HashMap<&str, Variant<'_>> = HashMap::new();
    let expire_ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    let reply = connection
        .call_method(
            Some(NAME),
            PATH,
            Some(NAME),
            "Notify",
            &(
                super::notify::TITLE,
                0u32,
                "",
                summary,
                body,
                pairs,
                hints,
                expire_ms,
            ),
        )
        .await
        .map_err(|e| format!("the notification service did not show the nudge: {e}"))?;
    let id: u32 = reply.body().deserialize().map_err(|e| e.to_string())?;
    Ok(Some((id, connection, stream)))
}

/// The first answer to notification `id`: an action chosen, or its closing.
async fn answer(stream: &mut MessageStream, id: u32) -> Event {
    loop {
        let next = std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await;
        let Some(Ok(message)) = next else {
            return Event::Closed;
        };
        let header = message.header();
        let body = message.body();
        match header.member().map(zbus::names::MemberName::as_str) {
            Some("ActionInvoked") => {
                if let Ok((of, key)) = body.deserialize::<(u32, String)>()
                    && of == id
                {
                    return Event::Chose(key);
                }
            }
            Some("NotificationClosed") => {
                if let Ok((of, _reason)) = body.deserialize::<(u32, u32)>()
                    && of == id
                {
                    return Event::Closed;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_for_an_answer_is_bounded() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let started = std::time::Instant::now();
        assert_eq!(
            answer_within(&receiver, Duration::from_millis(50)),
            Answer::None
        );
        assert!(started.elapsed() < BUDGET, "{:?}", started.elapsed());
        sender.send(Event::Chose("snooze".into())).unwrap();
        assert_eq!(
            answer_within(&receiver, BUDGET),
            Answer::Chose("snooze".into())
        );
        sender.send(Event::Closed).unwrap();
        assert_eq!(answer_within(&receiver, BUDGET), Answer::Closed);
        // The thread that listened ended without a word: the bus is gone.
        drop(sender);
        assert_eq!(answer_within(&receiver, BUDGET), Answer::Closed);
    }
}
