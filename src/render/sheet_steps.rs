//! The steps of a sheet as the text sheet and the printed page both list
//! them: the holds of each routine step grouped, with its hold, sides and
//! rounds, its sequence and cues, and the warm-up note at the top. A file of
//! its own below both, so that both say the same and neither reaches into
//! the other for it.

use crate::engine::{Plan, PlannedHold, Stage};
use crate::library::{Exercise, Kind};
use crate::words::hold_text;
use crate::words::sheet as words;

/// The holds of one routine step, grouped.
pub(super) struct StepGroup<'p, 'a> {
    pub holds: Vec<&'p PlannedHold<'a>>,
}

impl StepGroup<'_, '_> {
    pub(super) fn exercise(&self) -> &Exercise {
        self.holds[0].exercise
    }

    fn rounds(&self) -> u32 {
        self.holds.iter().map(|h| h.round).max().unwrap_or(1)
    }

    /// "30 s each side, left then right, 2 rounds"
    pub(super) fn describe(&self) -> String {
        let first = self.holds[0];
        let mut text = hold_text(first.exercise, first.hold);
        if first.exercise.each_side {
            text.push_str(", left then right");
        }
        if self.rounds() > 1 {
            text.push_str(&format!(", {} rounds", self.rounds()));
        }
        if let Some(side) = self.holds.iter().find(|h| h.extra).and_then(|h| h.side) {
            text.push_str(&crate::words::once_more_listed(side));
        }
        text
    }
}

pub(super) fn main_steps<'p, 'a>(holds: &'p [PlannedHold<'a>]) -> Vec<StepGroup<'p, 'a>> {
    let mut groups: Vec<StepGroup<'p, 'a>> = Vec::new();
    for hold in holds.iter().filter(|h| h.stage == Stage::Main) {
        match groups.last_mut() {
            Some(group) if group.holds[0].step == hold.step => group.holds.push(hold),
            _ => groups.push(StepGroup { holds: vec![hold] }),
        }
    }
    groups
}

/// The warm-up note at the top of a sheet.
pub(super) fn warm_up_note(plan: &Plan<'_>) -> String {
    words::warm_up_note(&crate::words::warm_up_reminder(plan.conditions()))
}

/// A phased exercise's sequence, a line a phase.
pub(super) fn phases(e: &Exercise) -> Vec<String> {
    e.phases
        .iter()
        .map(|p| words::phase_line(p.hold, &p.cue))
        .collect()
}

impl StepGroup<'_, '_> {
    /// What to attend to during the hold, with its breathing pace.
    pub(super) fn cues(&self) -> Vec<String> {
        let e = self.exercise();
        let mut cues = e.cues.clone();
        let b = self.holds[0].breathing;
        // Getting down or up has no breathing pace.
        if e.kind != Kind::Transfer {
            cues.push(words::breathing_line(b.inhale, b.exhale));
        }
        cues
    }
}
