//! Which key does what on the interactive screen. The same table drives the
//! key handling and the help the `?` key shows.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::engine::Action;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Something the session does.
    Act(Action),
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

pub fn command(key: KeyEvent) -> Option<Command> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Command::Interrupt),
            KeyCode::Char('z') => Some(Command::Suspend),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(' ') | KeyCode::Char('p') => Command::Act(Action::TogglePause),
        KeyCode::Char('n') | KeyCode::Right => Command::Act(Action::Skip),
        KeyCode::Char('b') | KeyCode::Left => Command::Act(Action::Back),
        KeyCode::Char('r') => Command::Act(Action::Restart),
        KeyCode::Char('q') | KeyCode::Esc => Command::AskQuit,
        KeyCode::Char('?') => Command::Help,
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
    fn keys_map_to_commands() {
        assert_eq!(
            command(key(KeyCode::Char(' '))),
            Some(Command::Act(Action::TogglePause))
        );
        assert_eq!(
            command(key(KeyCode::Right)),
            Some(Command::Act(Action::Skip))
        );
        assert_eq!(
            command(key(KeyCode::Char('b'))),
            Some(Command::Act(Action::Back))
        );
        assert_eq!(command(key(KeyCode::Esc)), Some(Command::AskQuit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(command(ctrl_c), Some(Command::Interrupt));
        assert_eq!(command(key(KeyCode::Char('x'))), None);
    }
}
