//! Why the history file could not be written or read, in words a user can act
//! on: the file, what was being done, what went wrong and what would help.
//!
//! The run command shows a failed append after the session's summary and
//! carries on; nothing here ever panics or exits.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// What was being done when the error happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Creating the folder the history lives in.
    CreateFolder,
    /// Appending a session.
    Record,
    /// Reading the history.
    Read,
}

/// A history file that could not be written or read.
#[derive(Debug)]
pub struct HistoryError {
    pub action: Action,
    /// The file (or, for [`Action::CreateFolder`], the folder).
    pub path: PathBuf,
    pub error: io::Error,
}

impl HistoryError {
    pub fn new(action: Action, path: impl Into<PathBuf>, error: io::Error) -> HistoryError {
        HistoryError {
            action,
            path: path.into(),
            error,
        }
    }

    /// Whether a session was lost: the error happened while recording it.
    pub fn lost_a_session(&self) -> bool {
        matches!(self.action, Action::CreateFolder | Action::Record)
    }
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let doing = match self.action {
            Action::CreateFolder => "create the history folder",
            Action::Record => "record this session in",
            Action::Read => "read the history in",
        };
        let path = crate::diagnostic::sanitize(&self.path.display().to_string());
        write!(f, "cannot {doing} {path}: ")?;
        match explain(self.error.kind(), self.action) {
            Some(what) => write!(f, "{what} ({})", self.error)?,
            None => write!(f, "{}", self.error)?,
        }
        if let Some(help) = help(self.error.kind(), self.action) {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}

/// The io error is part of the message, so it is not also a source.
impl std::error::Error for HistoryError {}

fn explain(kind: io::ErrorKind, action: Action) -> Option<&'static str> {
    use io::ErrorKind::{
        AlreadyExists, IsADirectory, NotADirectory, PermissionDenied, QuotaExceeded,
        ReadOnlyFilesystem, StorageFull,
    };
    Some(match kind {
        PermissionDenied if action == Action::Read => "you are not allowed to read it",
        PermissionDenied => "it is read-only or belongs to someone else",
        ReadOnlyFilesystem => "the file system is read-only",
        StorageFull => "the disk is full",
        QuotaExceeded => "your disk quota is used up",
        IsADirectory => "that is a folder, not a file",
        NotADirectory => "part of that path is a file, not a folder",
        AlreadyExists => "something that is not a folder is in the way",
        _ => return None,
    })
}

fn help(kind: io::ErrorKind, action: Action) -> Option<&'static str> {
    use io::ErrorKind::{
        AlreadyExists, IsADirectory, NotADirectory, PermissionDenied, QuotaExceeded,
        ReadOnlyFilesystem, StorageFull,
    };
    match (kind, action) {
        (StorageFull | QuotaExceeded, _) => {
            Some("free some space, or set PSOAS_STATE_DIR to another folder")
        }
        (
            PermissionDenied | ReadOnlyFilesystem | IsADirectory | NotADirectory | AlreadyExists,
            Action::CreateFolder | Action::Record,
        ) => Some("set PSOAS_STATE_DIR to a folder you can write to"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_the_cause_and_a_way_out() {
        let e = HistoryError::new(
            Action::Record,
            "/s/history.jsonl",
            io::Error::from(io::ErrorKind::StorageFull),
        );
        let text = e.to_string();
        assert!(
            text.starts_with("cannot record this session in /s/history.jsonl: the disk is full ("),
            "{text}"
        );
        assert!(text.ends_with("; free some space, or set PSOAS_STATE_DIR to another folder"));
        assert!(e.lost_a_session());
    }

    #[test]
    fn reading_needs_no_advice_about_writing() {
        let e = HistoryError::new(
            Action::Read,
            "/s/history.jsonl",
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(
            e.to_string(),
            "cannot read the history in /s/history.jsonl: you are not allowed to read it \
             (permission denied)"
        );
        assert!(!e.lost_a_session());
    }
}
