//! A plan: the ordered, timed segments a routine expands into.
//!
//! Each hold (one exercise, one repeat, one side) is a get-ready segment
//! followed by one hold segment, or one per phase for a self-massage sequence.
//! The get-ready lasts `transition` seconds before the first hold and whenever
//! the position changes from the hold before (standing to kneeling, say), and
//! `prep` seconds otherwise (a repeat, the second side, the next exercise in
//! the same position); [`get_ready`](super::durations::get_ready) is that rule. A
//! get-ready before an exercise's first hold lasts at least until its
//! set-up lines and cautions are said and counted in, and before the
//! routine's first hold also what is left out, what is needed at hand, and
//! the stop rule ([`first_ready`](super::first_ready)). Start offsets are
//! exact whole seconds, and the total is the sum over holds of (get-ready +
//! hold).

mod builder;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use builder::Builder;

use super::durations::{opening_words, ready_to_introduce};
use super::guidance::{Guidance, GuidanceSettings, Telling};
use super::pace::Pace;
use super::plan_settings::PlanSettings;
use super::planned_hold::PlannedHold;
use super::segment::{LeftOut, Segment, SegmentKind, Stage};
use crate::library::{
    Condition, Equipment, Exercise, Impact, Kind, Library, Position, Routine, Step,
};

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
    /// The routine's words to say before it starts, in its first get-ready.
    pub before: Vec<String>,
    /// See [`Plan::equipment`].
    equipment: Vec<Equipment>,
    /// The pace its get-readies were timed at: what it says is said, and its
    /// pages turned, at this pace.
    pub pace: Pace,
    /// The person's conditions: the cautions for them are said, no others.
    conditions: Vec<Condition>,
    /// The exercises introduced briefly (see [`Plan::telling`]).
    brief: HashSet<&'a str>,
}

/// Roughly how long the guided warm-up lasts, in seconds.
pub(super) const WARM_UP_TARGET: u32 = 150;

impl<'a> Plan<'a> {
    /// Expands a routine. Steps whose exercise should be avoided with one of the
    /// settings' conditions are left out and listed in `left_out`.
    pub fn build(
        routine: &Routine,
        library: &'a Library,
        settings: &PlanSettings,
    ) -> Result<Plan<'a>, PlanError> {
        let prep = routine.prep.unwrap_or(settings.default_prep);
        let transition = routine.transition.unwrap_or(settings.default_transition);
        let routine_breathing = routine.breathing.unwrap_or(settings.default_breathing);
        // What is left out and what is needed are said before the first
        // hold, so they are known before the first get-ready is timed.
        let mut left_out = Vec::new();
        let mut kept = Vec::with_capacity(routine.steps.len());
        let in_routine = |id: &str| routine.steps.iter().any(|s| &*s.exercise == id);
        for (step_index, step) in routine.steps.iter().enumerate() {
            let written =
                library
                    .exercise(&step.exercise)
                    .ok_or_else(|| PlanError::UnknownExercise {
                        routine: routine.id.clone(),
                        exercise: step.exercise.to_string(),
                    })?;
            let exercise = if routine.progress {
                settings
                    .level
                    .variant(written, library, &settings.conditions, in_routine)
            } else {
                written
            };
            match exercise.avoided_with(&settings.conditions).next() {
                Some(condition) => left_out.push(LeftOut {
                    step: step_index,
                    exercise,
                    condition,
                    instead: None,
                }),
                None => kept.push((step_index, step, exercise)),
            }
        }
        // A step left out is replaced by what the routine names in its place
        // (the side check's kneeling stretch is done standing with knee
        // pain), or else by its exercise's `instead` while that is still
        // needed: a way down to the floor left out gives way to one onto a
        // bed while steps on the floor remain after it.
        for left in &mut left_out {
            let floor_after = kept
                .iter()
                .any(|&(i, _, e)| i > left.step && e.position >= Position::Kneeling);
            let in_place = routine.steps[left.step]
                .instead
                .as_deref()
                .or_else(|| left.exercise.instead.as_deref().filter(|_| floor_after));
            left.instead = in_place
                .and_then(|id| library.exercise(id))
                .filter(|e| e.avoided_with(&settings.conditions).next().is_none());
            if let Some(instead) = left.instead {
                let at = kept.partition_point(|&(i, _, _)| i < left.step);
                kept.insert(at, (left.step, &routine.steps[left.step], instead));
            }
        }
        let kept: Vec<(&Step, &Exercise)> = kept.into_iter().map(|(_, s, e)| (s, e)).collect();
        let equipment = Equipment::needed_by(kept.iter().map(|&(_, exercise)| exercise));
        let conditions = settings.conditions.clone();
        let opening = opening_words(&routine.before, &left_out, &equipment);
        let mut builder =
            Builder::new(prep, transition, opening, conditions.clone(), settings.pace);
        // The side check holds both sides alike, to compare them.
        let tighter = settings.tighter_side.filter(|_| !routine.is_side_check());
        let mut brief = HashSet::new();
        for (kept_index, &(step, exercise)) in kept.iter().enumerate() {
            let briefly = settings.guidance.is_brief(exercise);
            if briefly {
                brief.insert(exercise.id.as_str());
            }
            // A step's own hold is for the exercise it names; a harder
            // variant done in its place that is a sequence of phases keeps
            // its phases.
            let written = if exercise.has_phases() {
                exercise.hold
            } else {
                step.hold.unwrap_or(exercise.hold)
            };
            let hold = settings.level.hold(exercise, written);
            let breathing = exercise.breathing.unwrap_or(routine_breathing);
            builder.add(
                Stage::Main,
                kept_index,
                exercise,
                step.repeat,
                hold,
                breathing,
                briefly,
                tighter,
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
            step_counts: [0, kept.len()],
            segments: builder.segments,
            equipment,
            left_out,
            before: routine.before.clone(),
            pace: settings.pace,
            conditions,
            brief,
        })
    }

    /// The length of `routine` once the person knows every exercise in it:
    /// each told briefly. [`Plan::build`] with the settings' own guidance
    /// gives the length for this person, and with none yet the first time.
    pub fn familiar_length(
        routine: &Routine,
        library: &'a Library,
        settings: &PlanSettings,
    ) -> Result<u32, PlanError> {
        let familiar = PlanSettings {
            guidance: GuidanceSettings::always(Guidance::Brief),
            ..settings.clone()
        };
        Ok(Plan::build(routine, library, &familiar)?.total())
    }

    /// A guided warm-up of about [`WARM_UP_TARGET`] seconds: warm-up exercises
    /// in library order, each once, until the target is reached. Warm-ups to
    /// avoid with a condition are passed over, and so are those of higher
    /// impact than `impact`: low impact unless the person asks for a brisk
    /// warm-up, since back pain may hide a disc problem or a weak pelvic
    /// floor. `None` if there are none.
    pub fn warm_up(
        library: &'a Library,
        settings: &PlanSettings,
        impact: Impact,
    ) -> Option<Plan<'a>> {
        // What is said once a run comes with the routine, not its warm-up.
        let conditions = settings.conditions.clone();
        let mut builder = Builder::new(
            settings.default_prep,
            settings.default_transition,
            0,
            conditions.clone(),
            settings.pace,
        );
        let mut brief = HashSet::new();
        let mut steps = 0;
        // The time spent moving counts toward the target, not the time to
        // get ready, so a longer transition does not cut a move.
        let mut moving = 0;
        let suitable = library.exercises().iter().filter(|e| {
            e.kind == Kind::WarmUp
                && e.impact <= impact
                && e.avoided_with(&settings.conditions).next().is_none()
        });
        for exercise in suitable {
            if moving >= WARM_UP_TARGET - WARM_UP_TARGET / 5 {
                break;
            }
            let breathing = exercise.breathing.unwrap_or(settings.default_breathing);
            let briefly = settings.guidance.is_brief(exercise);
            if briefly {
                brief.insert(exercise.id.as_str());
            }
            builder.add(
                Stage::WarmUp,
                steps,
                exercise,
                1,
                exercise.hold,
                breathing,
                briefly,
                None,
            );
            moving += exercise.hold;
            steps += 1;
        }
        (steps > 0).then(|| Plan {
            routine_id: "warm-up".into(),
            routine_name: "Warm-up".into(),
            warm_up: false,
            segments: builder.segments,
            step_counts: [steps, 0],
            left_out: Vec::new(),
            before: Vec::new(),
            equipment: Vec::new(),
            pace: settings.pace,
            conditions,
            brief,
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
        let mut brief = warm_up.brief;
        brief.extend(self.brief);
        Plan {
            segments,
            brief,
            step_counts: [warm_up.step_counts[0], self.step_counts[1]],
            ..self
        }
    }

    /// The person's conditions, which the warm-up reminder is fitted to
    /// (in `words`: the plan carries facts, and the words are made where
    /// they are shown).
    pub fn conditions(&self) -> &[Condition] {
        &self.conditions
    }

    /// What the get-ready introducing `exercise` says of it: briefly or in
    /// full, and the cautions for the person's conditions.
    pub fn telling(&self, exercise: &Exercise) -> Telling<'_> {
        Telling {
            brief: self.brief.contains(exercise.id.as_str()),
            conditions: &self.conditions,
        }
    }

    /// Tells the exercise of `hold` in full from now on, if it was told
    /// briefly: its get-ready is lengthened, where needed, to say all its
    /// words, and every segment after it starts as much later. False, and
    /// nothing changed, when the exercise was already told in full.
    pub fn tell_in_full(&mut self, hold: usize) -> bool {
        let Some(first) = self.first_segment_of_hold(hold) else {
            return false;
        };
        let exercise = self.segments[first].exercise;
        if !self.brief.remove(exercise.id.as_str()) {
            return false;
        }
        let needed = ready_to_introduce(exercise, self.telling(exercise), self.pace);
        let ready = &mut self.segments[first];
        let longer = if ready.kind == SegmentKind::Prep {
            needed.saturating_sub(ready.duration)
        } else {
            0
        };
        ready.duration += longer;
        for later in &mut self.segments[first + 1..] {
            later.start += longer;
        }
        true
    }

    /// The planned length in seconds.
    pub fn total(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    /// The planned seconds of holding, get-ready times left out.
    pub fn hold_seconds(&self) -> u32 {
        self.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Hold)
            .map(|s| s.duration)
            .sum()
    }

    /// The number of steps in a stage.
    pub fn step_count(&self, stage: Stage) -> usize {
        match stage {
            Stage::WarmUp => self.step_counts[0],
            Stage::Main => self.step_counts[1],
        }
    }

    /// Every piece of equipment the routine's own steps use (the warm-up
    /// needs none), in a fixed order, each once: what to have at hand before
    /// the first hold, so that nobody is sent for a ball or a bed mid-routine.
    pub fn equipment(&self) -> &[Equipment] {
        &self.equipment
    }

    /// The routine's first hold, after any warm-up: its get-ready says what
    /// is said once a run.
    #[cfg(test)]
    pub fn first_main_hold(&self) -> Option<usize> {
        self.segments
            .iter()
            .find(|s| s.stage == Stage::Main)
            .map(|s| s.hold)
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

    /// One hold with its prep, or `None` past the last hold.
    pub fn hold(&self, index: usize) -> Option<PlannedHold<'a>> {
        let first = self.first_segment_of_hold(index)?;
        let s = &self.segments[first];
        let mut hold = PlannedHold {
            stage: s.stage,
            step: s.step,
            round: s.round,
            side: s.side,
            extra: s.extra,
            exercise: s.exercise,
            start: s.start,
            prep: 0,
            hold: 0,
            breathing: s.breathing,
        };
        for s in self.segments[first..]
            .iter()
            .take_while(|s| s.hold == index)
        {
            match s.kind {
                SegmentKind::Prep => hold.prep += s.duration,
                SegmentKind::Hold => hold.hold += s.duration,
            }
        }
        Some(hold)
    }

    /// Each hold with its prep, in order.
    pub fn holds(&self) -> Vec<PlannedHold<'a>> {
        (0..self.hold_count())
            .filter_map(|i| self.hold(i))
            .collect()
    }
}
