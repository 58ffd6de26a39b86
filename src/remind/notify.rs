//! How a nudge reaches the person: `notify_command` from the config (a
//! program and its arguments, given the title and the text as two more
//! arguments, never through a shell), else a desktop notification through
//! the freedesktop notification service on Linux and the BSDs, or the
//! system's own notifier on macOS and Windows (the `notify-rust` crate).
//!
//! A program psoas starts cannot hold it up: it gets [`PATIENCE`] to finish,
//! and one still running then is left be (it may be a dialog waiting for a
//! click), so a scheduler that runs `remind now` is never blocked. What the
//! program prints goes nowhere, as the voice program's does: psoas's own
//! output stays the nudge and nothing else.

use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt as _;

/// The title every nudge has.
pub(crate) const TITLE: &str = "psoas";

/// How long `notify_command` has to finish before psoas goes on without it.
pub(crate) const PATIENCE: Duration = Duration::from_secs(5);

/// How a nudge went, when nothing went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// The notifier finished.
    Done,
    /// The program was still running after its time, and was left be.
    StillRunning(Duration),
}

/// Something that shows a nudge.
pub(crate) trait Notifier {
    /// Shows `text` under `title`, or says why it could not.
    fn notify(&mut self, title: &str, text: &str) -> Result<Shown, String>;
}

/// A program of the person's choosing: `notify_command`.
pub(crate) struct CommandNotifier {
    pub words: Vec<String>,
    /// How long it may take before psoas leaves it be.
    pub patience: Duration,
}

impl Notifier for CommandNotifier {
    fn notify(&mut self, title: &str, text: &str) -> Result<Shown, String> {
        use std::os::unix::process::CommandExt as _;
        let (program, args) = self
            .words
            .split_first()
            .ok_or_else(|| "notify_command is empty".to_string())?;
        let mut child = Command::new(program)
            .args(args)
            .arg(title)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Out of the terminal's foreground group: a program left running
            // cannot read the keys typed at the shell after psoas returns.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot run the notify_command `{program}`: {e}"))?;
        let status = child
            .wait_timeout(self.patience)
            .map_err(|e| format!("cannot wait for the notify_command `{program}`: {e}"))?;
        match status {
            None => Ok(Shown::StillRunning(self.patience)),
            Some(status) if status.success() => Ok(Shown::Done),
            Some(status) => Err(format!("the notify_command `{program}` failed ({status})")),
        }
    }
}

/// The desktop's own notifications.
pub(crate) struct DesktopNotifier;

impl Notifier for DesktopNotifier {
    fn notify(&mut self, title: &str, text: &str) -> Result<Shown, String> {
        notify_rust::Notification::new()
            .appname(TITLE)
            .summary(title)
            .body(text)
            .show()
            .map(|_| Shown::Done)
            .map_err(|e| e.to_string())
    }
}

/// The notifier the config asks for.
pub(crate) fn from_config(notify_command: Option<&[String]>) -> Box<dyn Notifier> {
    match notify_command {
        Some(words) => Box::new(CommandNotifier {
            words: words.to_vec(),
            patience: PATIENCE,
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
            patience: PATIENCE,
        };
        let shown = notifier.notify(
            "psoas",
            "Time to stand up: `psoas run desk-break` (3 min); $(no)",
        );
        assert_eq!(shown, Ok(Shown::Done));
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "psoas|Time to stand up: `psoas run desk-break` (3 min); $(no)|"
        );
    }

    #[test]
    fn a_failing_or_missing_command_says_which() {
        let mut missing = CommandNotifier {
            words: vec!["/nonexistent/notifier".into()],
            patience: PATIENCE,
        };
        let err = missing.notify("t", "x").unwrap_err();
        assert!(
            err.starts_with("cannot run the notify_command `/nonexistent/notifier`"),
            "{err}"
        );
        let mut failing = CommandNotifier {
            words: vec!["/bin/sh".into(), "-c".into(), "exit 3".into()],
            patience: PATIENCE,
        };
        assert!(failing.notify("t", "x").unwrap_err().contains("failed"));
    }

    #[test]
    fn a_program_that_never_ends_is_left_be_after_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let patience = Duration::from_millis(200);
        let mut endless = CommandNotifier {
            words: vec![
                "/bin/sh".into(),
                "-c".into(),
                "echo $$ > \"$0\"; exec sleep 600".into(),
                pid_file.display().to_string(),
            ],
            patience,
        };
        let started = std::time::Instant::now();
        assert_eq!(endless.notify("t", "x"), Ok(Shown::StillRunning(patience)));
        assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
        // It was left running; the test ends it.
        let pid = loop {
            match std::fs::read_to_string(&pid_file) {
                Ok(pid) if pid.ends_with('\n') => break pid,
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        };
        let killed = Command::new("kill")
            .args(["-KILL", pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success(), "it was still running");
    }
}
