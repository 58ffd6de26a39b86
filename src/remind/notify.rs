//! How a nudge reaches the person: `notify_command` from the config (a
//! program and its arguments, given the title and the text as two more
//! arguments, never through a shell), else a desktop notification through
//! the freedesktop notification service on Linux and the BSDs, or the
//! system's own notifier on macOS and Windows (the `notify-rust` crate).

use std::process::{Command, Stdio};

/// The title every nudge has.
pub const TITLE: &str = "psoas";

/// Something that shows a nudge.
pub trait Notifier {
    /// Shows `text` under `title`, or says why it could not.
    fn notify(&mut self, title: &str, text: &str) -> Result<(), String>;
}

/// A program of the person's choosing: `notify_command`.
pub struct CommandNotifier {
    pub words: Vec<String>,
}

impl Notifier for CommandNotifier {
    fn notify(&mut self, title: &str, text: &str) -> Result<(), String> {
        let (program, args) = self
            .words
            .split_first()
            .ok_or_else(|| "notify_command is empty".to_string())?;
        let status = Command::new(program)
            .args(args)
            .arg(title)
            .arg(text)
            .stdin(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run the notify_command `{program}`: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("the notify_command `{program}` failed ({status})"))
        }
    }
}

/// The desktop's own notifications.
pub struct DesktopNotifier;

impl Notifier for DesktopNotifier {
    fn notify(&mut self, title: &str, text: &str) -> Result<(), String> {
        notify_rust::Notification::new()
            .appname(TITLE)
            .summary(title)
            .body(text)
            .show()
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// The notifier the config asks for.
pub fn from_config(notify_command: Option<&[String]>) -> Box<dyn Notifier> {
    match notify_command {
        Some(words) => Box::new(CommandNotifier {
            words: words.to_vec(),
        }),
        None => Box::new(DesktopNotifier),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_command_gets_the_title_and_the_text_as_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("said");
        let mut notifier = CommandNotifier {
            words: vec![
                "/bin/sh".into(),
                "-c".into(),
                "printf '%s|' \"$@\" > \"$0\"".into(),
                out.display().to_string(),
            ],
        };
        notifier
            .notify(
                "psoas",
                "Time to stand up: `psoas run desk-break` (3 min); $(no)",
            )
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "psoas|Time to stand up: `psoas run desk-break` (3 min); $(no)|"
        );
    }

    #[test]
    fn a_failing_or_missing_command_says_which() {
        let mut missing = CommandNotifier {
            words: vec!["/nonexistent/notifier".into()],
        };
        let err = missing.notify("t", "x").unwrap_err();
        assert!(
            err.starts_with("cannot run the notify_command `/nonexistent/notifier`"),
            "{err}"
        );
        let mut failing = CommandNotifier {
            words: vec!["/bin/sh".into(), "-c".into(), "exit 3".into()],
        };
        assert!(failing.notify("t", "x").unwrap_err().contains("failed"));
    }
}
