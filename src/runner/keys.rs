//! Which key does what on the interactive screen. One table ([`KEYS`])
//! drives the key handling, the help the `?` key shows and the man page.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::engine::Control;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyAction {
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

/// One row of the key table: the keys, whether Control is held with them,
/// what they ask for, and how the help shows them.
pub(crate) struct Binding {
    pub keys: &'static [KeyCode],
    pub control: bool,
    pub action: KeyAction,
    pub label: &'static str,
    pub what: &'static str,
}

const fn bind(
    keys: &'static [KeyCode],
    action: KeyAction,
    label: &'static str,
    what: &'static str,
) -> Binding {
    Binding {
        keys,
        control: false,
        action,
        label,
        what,
    }
}

/// Keys held with Control.
const fn with_control(
    keys: &'static [KeyCode],
    action: KeyAction,
    label: &'static str,
    what: &'static str,
) -> Binding {
    Binding {
        control: true,
        ..bind(keys, action, label, what)
    }
}

/// Every key of the screen, in the order the help lists them.
pub(crate) const KEYS: [Binding; 10] = [
    bind(
        &[KeyCode::Char(' '), KeyCode::Char('p')],
        KeyAction::Control(Control::TogglePause),
        "space",
        "pause / resume",
    ),
    bind(
        &[KeyCode::Enter],
        KeyAction::Control(Control::Ready),
        "Enter",
        "in position: count in now",
    ),
    bind(
        &[KeyCode::Char('f')],
        KeyAction::Control(Control::InFull),
        "f",
        "a brief get-ready: all its words",
    ),
    bind(
        &[KeyCode::Char('n'), KeyCode::Right],
        KeyAction::Control(Control::Skip),
        "n  →",
        "skip to the next hold",
    ),
    bind(
        &[KeyCode::Char('b'), KeyCode::Left],
        KeyAction::Control(Control::Back),
        "b  ←",
        "back to the previous hold",
    ),
    bind(
        &[KeyCode::Char('r')],
        KeyAction::Control(Control::Restart),
        "r",
        "restart this hold (count-in)",
    ),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        KeyAction::AskQuit,
        "q  Esc",
        "quit (press q again)",
    ),
    bind(
        &[KeyCode::Char('?')],
        KeyAction::Help,
        "?",
        "this help (the clock waits)",
    ),
    with_control(
        &[KeyCode::Char('c')],
        KeyAction::Interrupt,
        "Ctrl-C",
        "quit at once",
    ),
    with_control(
        &[KeyCode::Char('z')],
        KeyAction::Suspend,
        "Ctrl-Z",
        "suspend (fg to go on)",
    ),
];

/// The keys as the help shows them: `(label, what it does)`.
pub(crate) const HELP: [(&str, &str); KEYS.len()] = help();

const fn help() -> [(&'static str, &'static str); KEYS.len()] {
    let mut rows = [("", ""); KEYS.len()];
    let mut i = 0;
    while i < KEYS.len() {
        rows[i] = (KEYS[i].label, KEYS[i].what);
        i += 1;
    }
    rows
}

/// What a key asks for, by the table; `None` for a key that means nothing.
pub(crate) fn action(key: KeyEvent) -> Option<KeyAction> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    KEYS.iter()
        .find(|b| b.control == control && b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// Whether a key confirms the quit question.
pub(crate) fn confirms_quit(key: KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q' | 'y'))
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
        assert_eq!(
            action(key(KeyCode::Enter)),
            Some(KeyAction::Control(Control::Ready))
        );
        assert_eq!(
            action(key(KeyCode::Char('f'))),
            Some(KeyAction::Control(Control::InFull))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_c), Some(KeyAction::Interrupt));
        assert_eq!(action(key(KeyCode::Char('x'))), None);
        // Control changes what a key means.
        assert_eq!(action(key(KeyCode::Char('c'))), None);
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(action(ctrl_q), None);
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(action(question), Some(KeyAction::Help));
        let mut release = key(KeyCode::Char('n'));
        release.kind = KeyEventKind::Release;
        assert_eq!(action(release), None);
    }

    #[test]
    fn the_help_lists_every_key_of_the_table_in_order() {
        let labels: Vec<&str> = HELP.iter().map(|(label, _)| *label).collect();
        assert_eq!(
            labels,
            [
                "space", "Enter", "f", "n  →", "b  ←", "r", "q  Esc", "?", "Ctrl-C", "Ctrl-Z"
            ]
        );
        assert_eq!(HELP[3].1, "skip to the next hold");
    }
}
