//! A plan: the ordered, timed segments a routine expands into.
//!
//! Each hold (one exercise, one repeat, one side) is a get-into-position
//! segment of `prep` seconds followed by one hold segment, or one per phase
//! for a self-massage sequence. Start offsets are exact whole seconds, and the
//! total is the sum over steps of `repeat × sides × (prep + hold)`.

use serde::Serialize;

use crate::library::{Breathing, Condition, Exercise, Kind, Library, Routine, Side};

/// Personal defaults that fill in what a routine leaves unsaid, and the
/// conditions whose exercises are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSettings {
    pub default_prep: u32,
    pub default_breathing: Breathing,
    pub conditions: Vec<Condition>,
}

impl Default for PlanSettings {
    fn default() -> Self {
        Self {
            default_prep: Routine::DEFAULT_PREP,
            default_breathing: Breathing::DEFAULT,
            conditions: Vec::new(),
        }
    }
}

/// Whether a segment belongs to the optional warm-up or to the routine itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    WarmUp,
    Main,
}

/// What the person does during a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    /// Get into position (or switch sides) before a hold.
    Prep,
    /// Hold, breathing; `phase` is set for each phase of a massage sequence.
    Hold,
}

/// One timed piece of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// Seconds from the start of the plan.
    pub start: u32,
    pub duration: u32,
    pub kind: SegmentKind,
    pub stage: Stage,
    /// Which hold (0-based, across the whole plan) this segment belongs to.
    pub hold: usize,
    /// Which step of its stage (0-based) the hold comes from.
    pub step: usize,
    /// Which repetition of the step (1-based).
    pub round: u32,
    pub side: Option<Side>,
    /// For a phased exercise, which phase (0-based) this hold segment is.
    pub phase: Option<usize>,
    /// Seconds since the hold itself began (0 for a prep segment), so the
    /// breathing rhythm runs on across the phases of a sequence.
    pub into_hold: u32,
    pub exercise: &'a Exercise,
    pub breathing: Breathing,
}

impl Segment<'_> {
    pub fn end(&self) -> u32 {
        self.start + self.duration
    }

    /// The prep before the second side of an `each_side` exercise.
    pub fn is_side_switch(&self) -> bool {
        self.kind == SegmentKind::Prep && self.side == Some(Side::Right)
    }

    /// The words for the current phase of a sequence, if any.
    pub fn phase_cue(&self) -> Option<&str> {
        self.phase.map(|p| self.exercise.phases[p].cue.as_str())
    }
}

/// One hold with its prep, as printed in a routine sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedHold<'a> {
    pub index: usize,
    pub stage: Stage,
    pub step: usize,
    pub round: u32,
    pub side: Option<Side>,
    pub exercise: &'a Exercise,
    /// Start of the prep, in seconds from the start of the plan.
    pub start: u32,
    pub prep: u32,
    pub hold: u32,
    pub breathing: Breathing,
}

/// A step left out because its exercise should be avoided with a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut<'a> {
    pub step: usize,
    pub exercise: &'a Exercise,
    pub condition: Condition,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("routine `{routine}` names an exercise that does not exist: `{exercise}`")]
    UnknownExercise { routine: String, exercise: String },
    #[error("nothing is left of routine `{routine}` once the exercises to avoid are left out")]
    NothingLeft { routine: String },
}

/// A routine expanded into segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan<'a> {
    pub routine_id: String,
    pub routine_name: String,
    /// Whether the routine asks for a warm-up reminder before the first hold.
    pub warm_up: bool,
    pub segments: Vec<Segment<'a>>,
    /// How many steps each stage has: `[warm-up, main]`.
    step_counts: [usize; 2],
    pub left_out: Vec<LeftOut<'a>>,
}

/// Roughly how long the guided warm-up lasts, in seconds.
pub const WARM_UP_TARGET: u32 = 150;

impl<'a> Plan<'a> {
    /// Expands a routine. Steps whose exercise should be avoided with one of the
    /// settings' conditions are left out and listed in `left_out`.
    pub fn build(
        routine: &Routine,
        library: &'a Library,
        settings: &PlanSettings,
    ) -> Result<Plan<'a>, PlanError> {
        let prep = routine.prep.unwrap_or(settings.default_prep);
        let routine_breathing = routine.breathing.unwrap_or(settings.default_breathing);
        let mut builder = Builder::default();
        let mut left_out = Vec::new();
        for (step_index, step) in routine.steps.iter().enumerate() {
            let exercise =
                library
                    .exercise(&step.exercise)
                    .ok_or_else(|| PlanError::UnknownExercise {
                        routine: routine.id.clone(),
                        exercise: step.exercise.clone(),
                    })?;
            if let Some(&condition) = exercise
                .avoid_if
                .iter()
                .find(|c| settings.conditions.contains(c))
            {
                left_out.push(LeftOut {
                    step: step_index,
                    exercise,
                    condition,
                });
                continue;
            }
            let hold = step.hold.unwrap_or(exercise.hold);
            let breathing = exercise.breathing.unwrap_or(routine_breathing);
            let kept_index = step_index - left_out.len();
            builder.add(
                Stage::Main,
                kept_index,
                exercise,
                step.repeat,
                prep,
                hold,
                breathing,
            );
        }
        if builder.segments.is_empty() {
            return Err(PlanError::NothingLeft {
                routine: routine.id.clone(),
            });
        }
        Ok(Plan {
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            warm_up: routine.warm_up,
            step_counts: [0, routine.steps.len() - left_out.len()],
            segments: builder.segments,
            left_out,
        })
    }

    /// A guided warm-up of about [`WARM_UP_TARGET`] seconds: warm-up exercises
    /// in library order, each once, until the target is reached. Warm-ups to
    /// avoid with a condition are passed over. `None` if there are none.
    pub fn warm_up(library: &'a Library, settings: &PlanSettings) -> Option<Plan<'a>> {
        let mut builder = Builder::default();
        let mut steps = 0;
        let suitable = library.exercises().iter().filter(|e| {
            e.kind == Kind::WarmUp && !e.avoid_if.iter().any(|c| settings.conditions.contains(c))
        });
        for exercise in suitable {
            if builder.end() >= WARM_UP_TARGET - WARM_UP_TARGET / 5 {
                break;
            }
            let breathing = exercise.breathing.unwrap_or(settings.default_breathing);
            builder.add(
                Stage::WarmUp,
                steps,
                exercise,
                1,
                settings.default_prep,
                exercise.hold,
                breathing,
            );
            steps += 1;
        }
        (steps > 0).then(|| Plan {
            routine_id: "warm-up".into(),
            routine_name: "Warm-up".into(),
            warm_up: false,
            segments: builder.segments,
            step_counts: [steps, 0],
            left_out: Vec::new(),
        })
    }

    /// This plan with a warm-up run first.
    pub fn with_warm_up(self, warm_up: Plan<'a>) -> Plan<'a> {
        let shift = warm_up.total();
        let holds = warm_up.hold_count();
        let mut segments = warm_up.segments;
        segments.extend(self.segments.into_iter().map(|mut s| {
            s.start += shift;
            s.hold += holds;
            s
        }));
        Plan {
            segments,
            step_counts: [warm_up.step_counts[0], self.step_counts[1]],
            ..self
        }
    }

    /// The planned length in seconds.
    pub fn total(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    /// The number of steps in a stage.
    pub fn step_count(&self, stage: Stage) -> usize {
        match stage {
            Stage::WarmUp => self.step_counts[0],
            Stage::Main => self.step_counts[1],
        }
    }

    pub fn hold_count(&self) -> usize {
        self.segments.last().map_or(0, |s| s.hold + 1)
    }

    /// The index of the segment running at `second` seconds into the plan,
    /// or `None` once the plan is over.
    pub fn segment_at(&self, second: u32) -> Option<usize> {
        let index = self.segments.partition_point(|s| s.end() <= second);
        (index < self.segments.len()).then_some(index)
    }

    /// The index of the first segment (the prep) of a hold.
    pub fn first_segment_of_hold(&self, hold: usize) -> Option<usize> {
        let index = self.segments.partition_point(|s| s.hold < hold);
        (index < self.segments.len()).then_some(index)
    }

    /// Each hold with its prep, in order.
    pub fn holds(&self) -> Vec<PlannedHold<'a>> {
        let mut holds: Vec<PlannedHold<'a>> = Vec::with_capacity(self.hold_count());
        for s in &self.segments {
            if s.kind == SegmentKind::Prep || holds.last().is_none_or(|h| h.index != s.hold) {
                holds.push(PlannedHold {
                    index: s.hold,
                    stage: s.stage,
                    step: s.step,
                    round: s.round,
                    side: s.side,
                    exercise: s.exercise,
                    start: s.start,
                    prep: 0,
                    hold: 0,
                    breathing: s.breathing,
                });
            }
            let hold = holds.last_mut().expect("a hold was just pushed");
            match s.kind {
                SegmentKind::Prep => hold.prep += s.duration,
                SegmentKind::Hold => hold.hold += s.duration,
            }
        }
        holds
    }
}

/// Appends segments with running offsets.
#[derive(Default)]
struct Builder<'a> {
    segments: Vec<Segment<'a>>,
    holds: usize,
}

impl<'a> Builder<'a> {
    fn end(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        stage: Stage,
        step: usize,
        exercise: &'a Exercise,
        repeat: u32,
        prep: u32,
        hold: u32,
        breathing: Breathing,
    ) {
        let sides: &[Option<Side>] = if exercise.each_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for round in 1..=repeat {
            for &side in sides {
                let base = Segment {
                    start: self.end(),
                    duration: prep,
                    kind: SegmentKind::Prep,
                    stage,
                    hold: self.holds,
                    step,
                    round,
                    side,
                    phase: None,
                    into_hold: 0,
                    exercise,
                    breathing,
                };
                // A prep of zero seconds is no segment at all.
                if prep > 0 {
                    self.segments.push(base.clone());
                }
                if exercise.has_phases() {
                    let mut into_hold = 0;
                    for (p, phase) in exercise.phases.iter().enumerate() {
                        self.push_hold(&base, phase.hold, Some(p), into_hold);
                        into_hold += phase.hold;
                    }
                } else {
                    self.push_hold(&base, hold, None, 0);
                }
                self.holds += 1;
            }
        }
    }

    fn push_hold(
        &mut self,
        base: &Segment<'a>,
        duration: u32,
        phase: Option<usize>,
        into_hold: u32,
    ) {
        let start = self.end();
        self.segments.push(Segment {
            start,
            duration,
            kind: SegmentKind::Hold,
            phase,
            into_hold,
            ..base.clone()
        });
    }
}
