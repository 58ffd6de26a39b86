//! Which key does what on the interactive screen. The same table drives the
//! key handling and the help the `?` key shows.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::engine::Control;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// Something the session does.
    Control(Control),
    /// Show or hide the key help.
    Help,
    /// Quit, once confirmed with a second key.
    AskQuit,
    /// Ctrl-C: quit at once.
    Interrupt,
    /// Ctrl-Z: hand the terminal back and stop until `fg`.
    Suspend,
}

/// The keys as the help shows them.
pub const HELP: &[(&str, &str)] = &[
    ("space", "pause / resume"),
    ("n  →", "skip to the next hold"),
    ("b  ←", "back to the previous hold"),
    ("r", "restart this hold"),
    ("q  Esc", "quit (press q again)"),
    ("?", "this help (the clock waits)"),
    ("Ctrl-C", "quit at once"),
    ("Ctrl-Z", "suspend (fg to go on)"),
];

pub fn action(key: KeyEvent) -> Option<KeyAction> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(KeyAction::Interrupt),
            KeyCode::Char('z') => Some(KeyAction::Suspend),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(' ') | KeyCode::Char('p') => KeyAction::Control(Control::TogglePause),
        KeyCode::Char('n') | KeyCode::Right => KeyAction::Control(Control::Skip),
        KeyCode::Char('b') | KeyCode::Left => KeyAction::Control(Control::Back),
        KeyCode::Char('r') => KeyAction::Control(Control::Restart),
        KeyCode::Char('q') | KeyCode::Esc => KeyAction::AskQuit,
        KeyCode::Char('?') => KeyAction::Help,
        _ => return None,
    })
}

/// Whether a key confirms the quit question.
pub fn confirms_quit(key: KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q') | KeyCode::Char('y'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(
            action(key(KeyCode::Char(' '))),
            Some(KeyAction::Control(Control::TogglePause))
        );
        assert_eq!(
            action(key(KeyCode::Right)),
            Some(KeyAction::Control(Control::Skip))
        );
        assert_eq!(
            action(key(KeyCode::Char('b'))),
            Some(KeyAction::Control(Control::Back))
        );
        assert_eq!(action(key(KeyCode::Esc)), Some(KeyAction::AskQuit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c), Some(KeyAction::Interrupt));
        assert_eq!(action(key(KeyCode::Char('x'))), None);
    }
}
