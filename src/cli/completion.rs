//! What shell completion offers besides flags and fixed values: the ids of
//! the routines and exercises in the library as it loads now (built-in and
//! your own folder), each with its name as help. Completion must never fail,
//! so a library that cannot load offers what did load.

use clap_complete::CompletionCandidate;

use crate::dirs::Dirs;
use crate::library::{self, Library, Sources};

/// Routine ids, for `run` and `print`.
pub(super) fn routine_ids() -> Vec<CompletionCandidate> {
    let Some(library) = library() else {
        return Vec::new();
    };
    library
        .routines()
        .iter()
        .map(|r| CompletionCandidate::new(&r.id).help(Some(r.name.clone().into())))
        .collect()
}

/// Exercise ids, for `show`.
pub(super) fn exercise_ids() -> Vec<CompletionCandidate> {
    let Some(library) = library() else {
        return Vec::new();
    };
    library
        .exercises()
        .iter()
        .map(|e| CompletionCandidate::new(&e.id).help(Some(e.name.clone().into())))
        .collect()
}

fn library() -> Option<Library> {
    let dirs = Dirs::from_env().ok()?;
    let sources = Sources {
        builtin: true,
        user_dir: Some(dirs.routines_dir()),
        library_dirs: Vec::new(),
        files: Vec::new(),
    };
    Some(library::load(&sources).library)
}
