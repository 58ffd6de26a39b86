//! The words of a printed routine, the same in the text sheet and on the
//! HTML page: the headings of a step's parts, the warm-up note at the top
//! and the breathing line under the cues. `render/sheet.rs` and
//! `render/sheet_html.rs` lay them out, each in its own way.

/// What a run says before its first step.
pub(crate) const BEFORE_YOU_START: &str = "Before you start";
/// A step's set-up.
pub(crate) const GET_INTO_POSITION: &str = "Get into position";
/// A step's phases, in order.
pub(crate) const SEQUENCE: &str = "Sequence";
/// A step's cues and its breathing pace.
pub(crate) const DURING_THE_HOLD: &str = "During the hold";
/// A step's cautions.
pub(crate) const CAUTIONS: &str = "Cautions";

/// The warm-up note, the reminder's words fitted to the person's
/// conditions (see [`super::warm_up_reminder`]).
pub(crate) fn warm_up_note(reminder: &str) -> String {
    format!("Warm up first. {reminder} `psoas run` offers a guided warm-up.")
}

/// The breathing pace, the last of a hold's cues.
pub(crate) fn breathing_line(inhale: u32, exhale: u32) -> String {
    format!("Breathe in for {inhale} s and out for {exhale} s.")
}

/// One phase of a sequence: "20 s: Settle onto the ball."
pub(crate) fn phase_line(hold: u32, cue: &str) -> String {
    format!("{hold} s: {cue}")
}
