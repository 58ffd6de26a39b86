//! The library of exercises and routines: loaded from TOML, validated once,
//! then handed to the engine and the printers as plain, trusted values.
//!
//! `load` is the only way in. It reads every source (see [`sources`]), reports
//! every problem it finds as a [`Diagnostic`](crate::diagnostic::Diagnostic), and keeps what is valid.

mod caution;
mod condition;
mod embedded;
mod exercise;
mod items;
mod layers;
mod length;
mod load;
mod parse;
mod raw;
mod routine;
mod sources;
mod steps;
mod validate;
mod variants;
mod write;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub(crate) use caution::{Caution, Said};
pub(crate) use exercise::{Breathing, Exercise, Impact, Phase};
pub use exercise::{Condition, Equipment, Kind, Position, Side};
pub(crate) use load::load;
pub use load::load_files;
pub(crate) use raw::RawBreathing;
pub(crate) use routine::{Routine, Step};
pub use sources::LibraryFile;
pub(crate) use sources::{Layer, Sources};
pub(crate) use validate::is_kebab_case;
pub(crate) use write::routine_file;

/// The routine run when none is named.
pub(crate) const DEFAULT_ROUTINE: &str = "daily";

/// Where an exercise or routine was defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub layer: Layer,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A validated set of exercises and routines, looked up by id.
#[derive(Debug, Default)]
pub struct Library {
    exercises: Vec<Exercise>,
    exercise_index: HashMap<String, usize>,
    routines: Vec<Routine>,
    routine_index: HashMap<String, usize>,
}

impl Library {
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    pub fn routines(&self) -> &[Routine] {
        &self.routines
    }

    /// The exercise with this id, whatever the case it is typed in (ids are
    /// lowercase).
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        let index = self.exercise_index.get(id);
        let index = index.or_else(|| self.exercise_index.get(&id.to_lowercase()));
        index.map(|&i| &self.exercises[i])
    }

    /// The routine with this id, whatever the case it is typed in.
    pub fn routine(&self, id: &str) -> Option<&Routine> {
        let index = self.routine_index.get(id);
        let index = index.or_else(|| self.routine_index.get(&id.to_lowercase()));
        index.map(|&i| &self.routines[i])
    }

    /// Takes the routine with this id out of the library (as [`routine`]
    /// finds it), so that a run owns it without a copy of its steps.
    ///
    /// [`routine`]: Library::routine
    pub fn take_routine(&mut self, id: &str) -> Option<Routine> {
        let id = self.routine(id)?.id.clone();
        let index = self.routine_index.remove(&id)?;
        let routine = self.routines.remove(index);
        for later in self.routine_index.values_mut().filter(|i| **i > index) {
            *later -= 1;
        }
        Some(routine)
    }

    /// Up to three known exercise ids close to `id`, for "did you mean".
    pub fn closest_exercise_ids(&self, id: &str) -> Vec<&str> {
        closest(id, self.exercises.iter().map(|e| e.id.as_str()))
    }

    pub fn closest_routine_ids(&self, id: &str) -> Vec<&str> {
        closest(id, self.routines.iter().map(|r| r.id.as_str()))
    }

    /// Adds an exercise, replacing one with the same id in place. Returns the
    /// replaced exercise.
    fn put_exercise(&mut self, exercise: Exercise) -> Option<Exercise> {
        put(
            &mut self.exercises,
            &mut self.exercise_index,
            exercise.id.clone(),
            exercise,
        )
    }

    fn put_routine(&mut self, routine: Routine) -> Option<Routine> {
        put(
            &mut self.routines,
            &mut self.routine_index,
            routine.id.clone(),
            routine,
        )
    }

    /// A library of just these items, for tests.
    #[cfg(test)]
    pub fn from_parts(exercises: Vec<Exercise>, routines: Vec<Routine>) -> Library {
        let mut library = Library::default();
        for e in exercises {
            library.put_exercise(e);
        }
        for r in routines {
            library.put_routine(r);
        }
        library
    }
}

fn put<T>(
    items: &mut Vec<T>,
    index: &mut HashMap<String, usize>,
    id: String,
    item: T,
) -> Option<T> {
    if let Some(&i) = index.get(&id) {
        Some(std::mem::replace(&mut items[i], item))
    } else {
        index.insert(id, items.len());
        items.push(item);
        None
    }
}

fn closest<'a>(id: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .map(|c| (strsim::levenshtein(id, c), c))
        .filter(|&(distance, c)| {
            distance <= (id.len().max(c.len()) / 3).max(2) || c.contains(id) && !id.is_empty()
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}
