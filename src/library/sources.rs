//! Where library files come from, in the order they are layered: the
//! built-in files, the user's folder, each `--library DIR`, then files named on
//! the command line. A later layer's exercise or routine replaces an earlier
//! one with the same id.

use std::path::{Path, PathBuf};

use super::embedded;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::toml_input::{ReadError, read_text};

/// Which layer a file belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    BuiltIn,
    User,
    Library,
    Given,
}

/// Whether a file holds `[[exercise]]` tables or is one routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    Exercises,
    Routine,
}

impl FileRole {
    /// Files in an `exercises` folder, or that open an `[[exercise]]` table,
    /// hold exercises; any other file is a routine.
    pub fn detect(path: &Path, text: &str) -> FileRole {
        let in_exercises_dir = path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "exercises");
        let has_exercise_table = text
            .lines()
            .any(|l| l.trim_start().starts_with("[[exercise]]"));
        if in_exercises_dir || has_exercise_table {
            FileRole::Exercises
        } else {
            FileRole::Routine
        }
    }
}

/// One file to load.
pub struct LibraryFile {
    pub layer: Layer,
    pub role: FileRole,
    pub source: SourceText,
}

impl LibraryFile {
    /// A file named on the command line (or made up by a test or benchmark).
    pub fn given(path: impl Into<PathBuf>, text: impl Into<String>) -> LibraryFile {
        let source = SourceText::new(path, text);
        let role = FileRole::detect(&source.path, &source.text);
        LibraryFile {
            layer: Layer::Given,
            role,
            source,
        }
    }
}

/// What to load, resolved from the command line and the environment.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sources {
    pub builtin: bool,
    /// The user's folder; it is fine for it not to exist.
    pub user_dir: Option<PathBuf>,
    /// `--library DIR`, in the order given; each must exist.
    pub library_dirs: Vec<PathBuf>,
    /// Files named on the command line.
    pub files: Vec<PathBuf>,
}

impl Sources {
    /// Reads every file, in layer order. Files that cannot be read become
    /// diagnostics; the others are returned.
    pub(crate) fn read(&self, diagnostics: &mut Vec<Diagnostic>) -> Vec<LibraryFile> {
        let mut files = Vec::new();
        if self.builtin {
            for (path, text) in embedded::files() {
                let path = Path::new(embedded::PREFIX).join(path);
                let role = if path
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|n| n == "exercises")
                {
                    FileRole::Exercises
                } else {
                    FileRole::Routine
                };
                files.push(LibraryFile {
                    layer: Layer::BuiltIn,
                    role,
                    source: SourceText::new(path, text),
                });
            }
        }
        if let Some(dir) = &self.user_dir
            && dir.is_dir()
        {
            read_dir_layout(dir, Layer::User, &mut files, diagnostics);
        }
        for dir in &self.library_dirs {
            if dir.is_dir() {
                read_dir_layout(dir, Layer::Library, &mut files, diagnostics);
            } else {
                diagnostics.push(Diagnostic::file_error(dir, "is not a folder").with_help(
                    "`--library` takes a folder holding routine files and an `exercises/` folder",
                ));
            }
        }
        for path in &self.files {
            if path.is_dir() {
                read_dir_layout(path, Layer::Given, &mut files, diagnostics);
            } else if let Some(source) = read_file(path, diagnostics) {
                let role = FileRole::detect(path, &source.text);
                files.push(LibraryFile {
                    layer: Layer::Given,
                    role,
                    source,
                });
            }
        }
        read_once(files)
    }
}

/// The files with each one read only in the last layer it is in: a file
/// named on the command line that is also in the user's folder (or a folder
/// given twice) is one file, and does not replace itself.
fn read_once(files: Vec<LibraryFile>) -> Vec<LibraryFile> {
    let identity = |file: &LibraryFile| {
        (file.layer != Layer::BuiltIn)
            .then(|| std::fs::canonicalize(&file.source.path).ok())
            .flatten()
    };
    let identities: Vec<Option<PathBuf>> = files.iter().map(identity).collect();
    let mut last: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    for (index, identity) in identities.iter().enumerate() {
        if let Some(path) = identity {
            last.insert(path, index);
        }
    }
    let keep: Vec<bool> = identities
        .iter()
        .enumerate()
        .map(|(index, identity)| identity.as_deref().is_none_or(|p| last[p] == index))
        .collect();
    files
        .into_iter()
        .zip(keep)
        .filter_map(|(file, keep)| keep.then_some(file))
        .collect()
}

/// `DIR/*.toml` are routines and `DIR/exercises/*.toml` exercises; exercises
/// come first so that the routines can use them.
fn read_dir_layout(
    dir: &Path,
    layer: Layer,
    files: &mut Vec<LibraryFile>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (sub, role) in [
        (dir.join("exercises"), FileRole::Exercises),
        (dir.to_path_buf(), FileRole::Routine),
    ] {
        for path in toml_files(&sub, diagnostics) {
            if let Some(source) = read_file(&path, diagnostics) {
                files.push(LibraryFile {
                    layer,
                    role,
                    source,
                });
            }
        }
    }
}

fn toml_files(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            diagnostics.push(Diagnostic::file_error(
                dir,
                format!("cannot read this folder: {e}"),
            ));
            return Vec::new();
        }
    };
    // In name order, whatever order the folder lists them in, so the notes
    // on files skipped come in the same order on every machine.
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths.retain(|p| is_readable_file(p, diagnostics));
    paths
}

/// Whether a `.toml` entry of a folder is a file to read. One that is not
/// (a dangling link, a loop of links, a FIFO, a folder) is skipped with a
/// note, so `check` says what it left out.
fn is_readable_file(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> bool {
    let skipped = match std::fs::metadata(path) {
        Ok(meta) => match crate::files::odd_kind(&meta) {
            None => return true,
            Some(what) => format!("skipped: it is {what}, not a regular file"),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "skipped: it is a link to a file that does not exist".to_string()
        }
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            "skipped: it is a link that leads back to itself".to_string()
        }
        Err(e) => format!("skipped: {e}"),
    };
    diagnostics.push(Diagnostic::file_note(path, skipped));
    false
}

/// Reads a library file, or says why it cannot be read.
pub(super) fn read_file(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<SourceText> {
    let (message, position) = match read_text(path) {
        Ok(text) => return Some(SourceText::new(path, text)),
        Err(ReadError::Io(e)) => (format!("cannot read: {e}"), None),
        Err(ReadError::TooLarge) => (
            "is larger than 1 MiB; library files are small text files, so this one is refused"
                .to_string(),
            None,
        ),
        Err(ReadError::NotUtf8 { line, column }) => (
            "is not UTF-8 text: save it as UTF-8".to_string(),
            Some((line, column)),
        ),
    };
    diagnostics.push(Diagnostic {
        position,
        ..Diagnostic::file_error(path, message)
    });
    None
}
