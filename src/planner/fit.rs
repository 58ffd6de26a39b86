//! Fitting a plan to the time: steps are added while they fit, then holds
//! grow, then rounds are added, then the breathing finish grows, each only as
//! far as the time allows. The seconds each step takes come from the engine,
//! which is the only place durations are computed.

use strum::VariantArray;

use crate::engine::{GetReadies, Level, Pace, Telling, first_ready, opening_words, step_seconds};
use crate::library::{Condition, Equipment, Exercise, Kind, Layer, Origin, Routine, Side, Step};

/// One step of a plan being drafted.
#[derive(Clone, Copy, Debug)]
pub(super) struct Draft<'a> {
    pub exercise: &'a Exercise,
    pub hold: u32,
    pub repeat: u32,
}

impl<'a> Draft<'a> {
    pub(super) fn new(exercise: &'a Exercise) -> Draft<'a> {
        Draft {
            exercise,
            hold: exercise.hold,
            repeat: 1,
        }
    }

    /// A routine step: the hold is written only where it differs from the
    /// exercise's own, and never for a sequence of phases.
    pub(super) fn step(&self) -> Step {
        let hold =
            (!self.exercise.has_phases() && self.hold != self.exercise.hold).then_some(self.hold);
        Step {
            exercise: self.exercise.id.as_str().into(),
            hold,
            repeat: self.repeat,
            instead: None,
        }
    }
}

/// How long steps take with one prep, one transition, one level and one
/// pace of speech, asked of the engine. A plan is timed with every exercise
/// told in full, and the cautions for the person's `conditions`: the
/// longest its get-readies can be, so that it fits the time the first time
/// it is run.
pub(super) struct StepTiming {
    pub prep: u32,
    pub transition: u32,
    pub level: Level,
    pub pace: Pace,
    pub conditions: Vec<Condition>,
    /// The side held once more in each two-sided stretch, if any.
    pub tighter_side: Option<Side>,
}

impl StepTiming {
    /// Seconds a step takes, its hold grown to the level, when its first hold
    /// follows one in the same position and says nothing. Totals add up step
    /// by step, so a plan's total is the sum of its steps' and
    /// [`StepTiming::ready_extra`].
    pub(super) fn seconds(&self, draft: &Draft<'_>) -> u32 {
        let hold = self.level.hold(draft.exercise, draft.hold);
        step_seconds(
            draft.exercise,
            Some(hold),
            draft.repeat,
            self.prep,
            self.prep,
            self.tighter_side,
        )
    }

    /// The most the first hold of `exercise` can add to
    /// [`StepTiming::seconds`] before the order is known: a new position, and
    /// the time to say its set-up and cautions. What is said once a run adds
    /// at most [`StepTiming::most_opening_extra`] to the whole.
    pub(super) fn most_ready_extra(&self, exercise: &Exercise) -> u32 {
        first_ready(
            None,
            exercise,
            self.prep,
            self.transition,
            0,
            self.telling(),
            self.pace,
        ) - self.prep
    }

    /// The most what is said once a run can add to a routine: the time to
    /// say the stop rule and every piece of equipment there is. Said with the
    /// first hold's own words, it adds no more than it takes alone.
    pub(super) fn most_opening_extra(&self) -> u32 {
        // Planned routines leave nothing out: they hold only what suits.
        self.pace
            .seconds_to_say(opening_words(&[], &[], Equipment::VARIANTS))
    }

    /// The first get-ready of `exercise` when it is a routine's only step.
    pub(super) fn ready_alone(&self, exercise: &Exercise) -> u32 {
        let opening = opening_words(&[], &[], &exercise.equipment);
        first_ready(
            None,
            exercise,
            self.prep,
            self.transition,
            opening,
            self.telling(),
            self.pace,
        )
    }

    /// Every exercise told in full, with the cautions for the conditions.
    fn telling(&self) -> Telling<'_> {
        Telling {
            brief: false,
            conditions: &self.conditions,
        }
    }

    /// The seconds the get-ready times add to steps done in this order: the
    /// engine's rule for each step's first hold (what is said once a run
    /// with the first), less the prep [`StepTiming::seconds`] counted. Exact,
    /// as `Plan::build` lays it out.
    pub(super) fn ready_extra<'a>(
        &self,
        order: impl IntoIterator<Item = &'a Exercise> + Clone,
    ) -> u32 {
        let opening = opening_words(&[], &[], &Equipment::needed_by(order.clone()));
        let mut readies = GetReadies::new(
            self.prep,
            self.transition,
            opening,
            self.conditions.clone(),
            self.pace,
        );
        order
            .into_iter()
            .map(|exercise| readies.next(exercise, false) - self.prep)
            .sum()
    }
}

/// A routine with an explicit prep and transition, so that it lasts as long
/// as planned whatever the config says later, and whose exercises stay as
/// chosen at every level: they were chosen for the plan's level already.
pub(super) fn routine(id: &str, name: &str, timing: &StepTiming, steps: Vec<Step>) -> Routine {
    Routine {
        id: id.to_string(),
        name: name.to_string(),
        summary: None,
        before: Vec::new(),
        warm_up: true,
        progress: false,
        prep: Some(timing.prep),
        transition: Some(timing.transition.max(timing.prep)),
        breathing: None,
        steps,
        origin: Origin {
            layer: Layer::Given,
            path: "<plan>".into(),
            line: 1,
            column: 1,
        },
    }
}

/// Holds grow by this much at a time.
const HOLD_STEP: u32 = 15;

/// Caps for one pass of growing: body holds, body rounds, the finish's hold.
struct Caps {
    hold: u32,
    repeat: u32,
    finish: u32,
}

/// Gentle first: longer holds (30 s is the least that lengthens a muscle; a
/// minute is still comfortable), then a few rounds, then a longer breathing
/// finish; only if time is still left, longer still.
const PASSES: [Caps; 2] = [
    Caps {
        hold: 60,
        repeat: 3,
        finish: 300,
    },
    Caps {
        hold: 90,
        repeat: 5,
        finish: Exercise::MAX_HOLD,
    },
];

/// Grows `body` and `finish` toward `target` seconds without passing it;
/// `total` is their current length and is kept up to date.
pub(super) fn fill(
    timing: &StepTiming,
    body: &mut [Draft<'_>],
    finish: &mut Draft<'_>,
    total: &mut u32,
    target: u32,
) {
    for caps in PASSES {
        grow(timing, body, total, target, |d| {
            let adjustable = !d.exercise.has_phases() && d.hold < caps.hold;
            adjustable.then(|| Draft {
                hold: (d.hold + HOLD_STEP).min(caps.hold),
                ..*d
            })
        });
        // A way down is done once, as written.
        grow(timing, body, total, target, |d| {
            (d.repeat < caps.repeat && d.exercise.kind != Kind::Transfer).then_some(Draft {
                repeat: d.repeat + 1,
                ..*d
            })
        });
        grow_finish(timing, finish, total, target, caps.finish);
        if *total >= target {
            return;
        }
    }
}

/// Applies `change` to each step in turn, round after round, keeping each
/// change that fits, until none does.
fn grow<'a>(
    timing: &StepTiming,
    drafts: &mut [Draft<'a>],
    total: &mut u32,
    target: u32,
    change: impl Fn(&Draft<'a>) -> Option<Draft<'a>>,
) {
    let mut changed = true;
    while changed {
        changed = false;
        for draft in drafts.iter_mut() {
            let Some(next) = change(draft) else { continue };
            let now = timing.seconds(draft);
            let then = timing.seconds(&next);
            let after = (*total - now).saturating_add(then);
            if after <= target {
                *draft = next;
                *total = after;
                changed = true;
            }
        }
    }
}

/// Lengthens the finish's hold by what is left, up to `cap` seconds.
fn grow_finish(
    timing: &StepTiming,
    finish: &mut Draft<'_>,
    total: &mut u32,
    target: u32,
    cap: u32,
) {
    if finish.exercise.has_phases() || finish.hold >= cap {
        return;
    }
    let now = timing.seconds(finish);
    let per_second = finish.exercise.sides() * finish.repeat;
    let room = (target - *total) / per_second;
    let mut next = Draft {
        hold: (finish.hold + room).min(cap),
        ..*finish
    };
    // Checked against the engine; a step back is taken if the guess was long.
    while next.hold > finish.hold && *total - now + timing.seconds(&next) > target {
        next.hold -= 1;
    }
    *total = *total - now + timing.seconds(&next);
    *finish = next;
}
