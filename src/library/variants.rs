//! The other exercises an exercise names: its harder and easier variants
//! (`harder = "low-lunge"`) and what is done in its place when it is left
//! out (`instead = "onto-a-bed"`), checked once the whole library is loaded,
//! since a user's exercise may name a built-in one: each must be an exercise
//! that exists. Which variant a level moves to is the engine's rule
//! ([`Level::variant`]), as is when `instead` applies (`Plan::build`).
//!
//! [`Level::variant`]: crate::engine::Level::variant

use std::collections::HashSet;
use std::ops::Range;

use super::Library;
use super::raw::RawExercise;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::format::did_you_mean;
use crate::toml_input::Entry;

/// One `harder`, `easier` or `instead` key of an exercise, where it stands
/// in its file.
pub(super) struct VariantRef {
    /// `exercise[3].harder`.
    key: String,
    id: String,
    span: Range<usize>,
}

impl VariantRef {
    /// The exercises an exercise's table names.
    pub(super) fn all_of(entry: &Entry<RawExercise>) -> Vec<VariantRef> {
        [
            ("harder", &entry.value.harder),
            ("easier", &entry.value.easier),
            ("instead", &entry.value.instead),
        ]
        .into_iter()
        .filter_map(|(key, value)| {
            let value = value.as_ref()?;
            Some(VariantRef {
                key: format!("exercise[{}].{key}", entry.index),
                id: value.get_ref().0.trim().to_string(),
                span: value.span(),
            })
        })
        .collect()
    }
}

/// Reports every variant of `named` that is not an exercise of `library`;
/// one naming an exercise in `broken` (reported already) without a word.
pub(super) fn check(
    source: &SourceText,
    named: &[VariantRef],
    library: &Library,
    broken: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for variant in named {
        if library.exercise(&variant.id).is_some() || broken.contains(&variant.id) {
            continue;
        }
        let help = match did_you_mean(&library.closest_exercise_ids(&variant.id)) {
            Some(hint) => format!("{hint} (`psoas list` shows every id)"),
            None => "the id of another exercise, as `psoas list` shows it".to_string(),
        };
        diagnostics.push(
            Diagnostic::error(
                source,
                Some(variant.span.clone()),
                format!("no exercise has the id `{}`", variant.id),
            )
            .with_key(variant.key.clone())
            .with_help(help),
        );
    }
}
