//! What `psoas show` says when it cannot do what it was asked: no exercise
//! of that id, a `--phase` it cannot take, no figure to write.
//! `commands/show.rs` decides which, and says it with these words.

/// No exercise has `id`; `hint` is a "did you mean" or empty.
pub(crate) fn no_such_exercise(id: &str, hint: Option<&str>) -> String {
    let hint = hint.map(|h| format!("; {h}")).unwrap_or_default();
    format!("no exercise has the id `{id}`{hint} (`psoas list` shows them)")
}

/// `--phase` without `--format svg`.
pub(crate) const PHASE_NEEDS_SVG: &str =
    "--phase picks the figure `--format svg` writes; add `--format svg`";

/// `--phase` for an exercise without phases.
pub(crate) fn no_phases(id: &str) -> String {
    format!("`{id}` has no phases, so no --phase")
}

/// `--phase` past the last phase; `phases` is how many there are,
/// "3 phases".
pub(crate) fn phase_out_of_range(id: &str, phases: &str, last: usize) -> String {
    format!("`{id}` has {phases}, so --phase takes 1 to {last}")
}

/// `--format svg` for an exercise without a figure.
pub(crate) fn no_figure(id: &str) -> String {
    format!("`{id}` has no figure yet; its words are complete without one")
}
