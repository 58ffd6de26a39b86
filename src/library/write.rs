//! A routine written back as a routine file, in the same format `raw` reads,
//! so that a routine made by the program (`psoas plan --save`) runs with
//! `psoas run NAME` and passes `psoas check`.

use serde::Serialize;

use super::Routine;

#[derive(Serialize)]
struct RoutineFile<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    before: &'a [String],
    warm_up: bool,
    #[serde(skip_serializing_if = "is_true")]
    progress: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    prep: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transition: Option<u32>,
    step: Vec<StepFile<'a>>,
}

#[derive(Serialize)]
struct StepFile<'a> {
    exercise: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hold: Option<u32>,
    #[serde(skip_serializing_if = "is_one")]
    repeat: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    instead: Option<&'a str>,
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_one(n: &u32) -> bool {
    *n == 1
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_true(b: &bool) -> bool {
    *b
}

/// The text of a routine file holding `routine`.
pub(crate) fn routine_file(routine: &Routine) -> String {
    let file = RoutineFile {
        name: &routine.name,
        summary: routine.summary.as_deref(),
        before: &routine.before,
        warm_up: routine.warm_up,
        progress: routine.progress,
        prep: routine.prep,
        transition: routine.transition,
        step: routine
            .steps
            .iter()
            .map(|s| StepFile {
                exercise: &s.exercise,
                hold: s.hold,
                repeat: s.repeat,
                instead: s.instead.as_deref(),
            })
            .collect(),
    };
    let body = toml::to_string(&file).expect("a routine always serializes to TOML");
    format!("# A routine planned by psoas; edit it freely, and `psoas check` checks it.\n{body}")
}
