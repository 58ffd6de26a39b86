//! A plan: the ordered, timed segments a routine expands into.
//!
//! Each hold (one exercise, one repeat, one side) is a get-ready segment
//! followed by one hold segment, or one per phase for a self-massage sequence.
//! The get-ready lasts `transition` seconds before the first hold and whenever
//! the position changes from the hold before (standing to kneeling, say), and
//! `prep` seconds otherwise (a repeat, the second side, the next exercise in
//! the same position); [`get_ready`] is that rule. Start offsets are exact
//! whole seconds, and the total is the sum over holds of (get-ready + hold).

use serde::Serialize;

use super::level::Level;
use crate::library::{
    Breathing, Condition, Exercise, Impact, Kind, Library, Position, Routine, Side,
};

/// Personal defaults that fill in what a routine leaves unsaid, and the
/// conditions whose exercises are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSettings {
    pub default_prep: u32,
    /// Never less than `default_prep` once applied (see [`get_ready`]).
    pub default_transition: u32,
    pub default_breathing: Breathing,
    pub conditions: Vec<Condition>,
    /// How much stretch and breathing holds grow (see [`Level`]).
    pub level: Level,
}

impl Default for PlanSettings {
    fn default() -> Self {
        Self {
            default_prep: Routine::DEFAULT_PREP,
            default_transition: Routine::DEFAULT_TRANSITION,
            default_breathing: Breathing::DEFAULT,
            conditions: Vec::new(),
            level: Level::One,
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
    /// Whether this segment's hold is the first of its exercise in the plan:
    /// the set-up and cautions are said then, once per run.
    pub introduces: bool,
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
    /// The reminder's words, fitted to the person's conditions.
    pub warm_up_reminder: String,
    pub segments: Vec<Segment<'a>>,
    /// How many steps each stage has: `[warm-up, main]`.
    step_counts: [usize; 2],
    pub left_out: Vec<LeftOut<'a>>,
}

/// The get-ready time before a hold in `position`, after a hold in
/// `previous` (`None` for the first hold): `transition` at the first hold and
/// at a change of position, else `prep`. A transition is never shorter than
/// the prep.
pub fn get_ready(
    previous: Option<Position>,
    position: Position,
    prep: u32,
    transition: u32,
) -> u32 {
    if previous == Some(position) {
        prep
    } else {
        transition.max(prep)
    }
}

/// Seconds one routine step takes when its first hold is preceded by
/// `first_ready` seconds (from [`get_ready`]) and the others by `prep`:
/// `first_ready + hold + (repeat × sides − 1) × (prep + hold)`, where a phased
/// exercise's hold is the sum of its phases. It is the sum `Plan::build` lays
/// out as segments, for planning a routine before it exists.
pub fn step_seconds(
    exercise: &Exercise,
    hold: Option<u32>,
    repeat: u32,
    first_ready: u32,
    prep: u32,
) -> u32 {
    let hold = if exercise.has_phases() {
        exercise.hold
    } else {
        hold.unwrap_or(exercise.hold)
    };
    let holds = repeat * exercise.sides();
    first_ready + hold + holds.saturating_sub(1) * (prep + hold)
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
        let transition = routine.transition.unwrap_or(settings.default_transition);
        let routine_breathing = routine.breathing.unwrap_or(settings.default_breathing);
        let mut builder = Builder::new(prep, transition);
        let mut left_out = Vec::new();
        for (step_index, step) in routine.steps.iter().enumerate() {
            let exercise =
                library
                    .exercise(&step.exercise)
                    .ok_or_else(|| PlanError::UnknownExercise {
                        routine: routine.id.clone(),
                        exercise: step.exercise.clone(),
                    })?;
            if let Some(condition) = exercise.avoided_with(&settings.conditions).next() {
                left_out.push(LeftOut {
                    step: step_index,
                    exercise,
                    condition,
                });
                continue;
            }
            let hold = settings
                .level
                .hold(exercise, step.hold.unwrap_or(exercise.hold));
            let breathing = exercise.breathing.unwrap_or(routine_breathing);
            let kept_index = step_index - left_out.len();
            builder.add(
                Stage::Main,
                kept_index,
                exercise,
                step.repeat,
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
            warm_up_reminder: crate::words::warm_up_reminder(&settings.conditions),
            step_counts: [0, routine.steps.len() - left_out.len()],
            segments: builder.segments,
            left_out,
        })
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
        let mut builder = Builder::new(settings.default_prep, settings.default_transition);
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
            builder.add(Stage::WarmUp, steps, exercise, 1, exercise.hold, breathing);
            moving += exercise.hold;
            steps += 1;
        }
        (steps > 0).then(|| Plan {
            routine_id: "warm-up".into(),
            routine_name: "Warm-up".into(),
            warm_up: false,
            warm_up_reminder: crate::words::warm_up_reminder(&settings.conditions),
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
        mark_introductions(&mut segments);
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

    /// One hold with its prep, or `None` past the last hold.
    pub fn hold(&self, index: usize) -> Option<PlannedHold<'a>> {
        let first = self.first_segment_of_hold(index)?;
        let s = &self.segments[first];
        let mut hold = PlannedHold {
            index,
            stage: s.stage,
            step: s.step,
            round: s.round,
            side: s.side,
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

impl PlannedHold<'_> {
    /// Seconds from the start of the plan to the end of the prep, when the
    /// hold itself begins.
    pub fn hold_start(&self) -> u32 {
        self.start + self.prep
    }

    pub fn end(&self) -> u32 {
        self.hold_start() + self.hold
    }
}

/// Marks the segments of each exercise's first hold, after plans are joined.
fn mark_introductions(segments: &mut [Segment<'_>]) {
    let mut met = std::collections::HashSet::new();
    let mut current = None;
    let mut introduces = false;
    for s in segments {
        if current != Some(s.hold) {
            current = Some(s.hold);
            introduces = met.insert(s.exercise.id.as_str());
        }
        s.introduces = introduces;
    }
}

/// Appends segments with running offsets.
struct Builder<'a> {
    segments: Vec<Segment<'a>>,
    holds: usize,
    prep: u32,
    transition: u32,
    /// Every exercise met so far, for [`Segment::introduces`].
    met: std::collections::HashSet<&'a str>,
}

impl<'a> Builder<'a> {
    fn new(prep: u32, transition: u32) -> Builder<'a> {
        Builder {
            segments: Vec::new(),
            holds: 0,
            prep,
            transition,
            met: std::collections::HashSet::new(),
        }
    }

    fn end(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    fn add(
        &mut self,
        stage: Stage,
        step: usize,
        exercise: &'a Exercise,
        repeat: u32,
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
                let previous = self.segments.last().map(|s| s.exercise.position);
                let prep = get_ready(previous, exercise.position, self.prep, self.transition);
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
                    introduces: self.met.insert(exercise.id.as_str()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Kind, Layer, Origin, Phase, Position, Step};

    fn exercise(id: &str, kind: Kind, each_side: bool, hold: u32, phases: &[u32]) -> Exercise {
        Exercise {
            id: id.into(),
            name: id.to_uppercase(),
            kind,
            position: Position::Lying,
            each_side,
            hold: if phases.is_empty() {
                hold
            } else {
                phases.iter().sum()
            },
            equipment: vec![],
            setup: vec!["set up".into()],
            cues: vec![],
            cautions: vec![],
            avoid_if: vec![],
            impact: Impact::Low,
            breathing: None,
            phases: phases
                .iter()
                .map(|&h| Phase {
                    cue: format!("phase {h}"),
                    hold: h,
                })
                .collect(),
            origin: Origin {
                layer: Layer::BuiltIn,
                path: "t.toml".into(),
                line: 1,
                column: 1,
            },
        }
    }

    fn routine(steps: &[(&str, Option<u32>, u32)], prep: Option<u32>) -> Routine {
        Routine {
            id: "r".into(),
            name: "R".into(),
            summary: None,
            warm_up: true,
            prep,
            // As short as the prep, unless a test says otherwise.
            transition: Some(prep.unwrap_or(Routine::DEFAULT_PREP)),
            breathing: None,
            steps: steps
                .iter()
                .map(|&(e, hold, repeat)| Step {
                    exercise: e.into(),
                    hold,
                    repeat,
                })
                .collect(),
            origin: Origin {
                layer: Layer::BuiltIn,
                path: "r.toml".into(),
                line: 1,
                column: 1,
            },
        }
    }

    fn library() -> Library {
        let mut ball = exercise("ball", Kind::BallRelease, true, 0, &[20, 30]);
        ball.avoid_if = vec![Condition::Pregnancy];
        let mut jog = exercise("jog", Kind::WarmUp, false, 45, &[]);
        jog.impact = Impact::High;
        let mut calm = exercise("calm", Kind::Breathing, false, 60, &[]);
        calm.breathing = Some(Breathing {
            inhale: 4,
            exhale: 8,
        });
        Library::from_parts(
            vec![
                exercise("lunge", Kind::Stretch, true, 30, &[]),
                exercise("bridge", Kind::Stretch, false, 40, &[]),
                ball,
                calm,
                exercise("march", Kind::WarmUp, false, 60, &[]),
                jog,
                exercise("circles", Kind::WarmUp, false, 45, &[]),
            ],
            vec![],
        )
    }

    /// `(start, duration, kind, hold, side, phase)` of a segment.
    type Shape = (u32, u32, SegmentKind, usize, Option<Side>, Option<usize>);

    fn shape(plan: &Plan<'_>) -> Vec<Shape> {
        plan.segments
            .iter()
            .map(|s| (s.start, s.duration, s.kind, s.hold, s.side, s.phase))
            .collect()
    }

    use SegmentKind::{Hold as H, Prep as P};
    const L: Option<Side> = Some(Side::Left);
    const R: Option<Side> = Some(Side::Right);

    #[test]
    fn each_side_gives_a_left_and_a_right_hold_each_with_its_prep() {
        let lib = library();
        let plan = Plan::build(
            &routine(&[("lunge", None, 1)], None),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        assert_eq!(
            shape(&plan),
            [
                (0, 5, P, 0, L, None),
                (5, 30, H, 0, L, None),
                (35, 5, P, 1, R, None),
                (40, 30, H, 1, R, None)
            ]
        );
        assert!(plan.segments[2].is_side_switch());
        assert!(!plan.segments[0].is_side_switch());
        assert_eq!(plan.total(), 70);
    }

    #[test]
    fn repeats_overrides_and_routine_prep() {
        let lib = library();
        let plan = Plan::build(
            &routine(&[("bridge", Some(20), 2)], Some(3)),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        assert_eq!(
            shape(&plan),
            [
                (0, 3, P, 0, None, None),
                (3, 20, H, 0, None, None),
                (23, 3, P, 1, None, None),
                (26, 20, H, 1, None, None)
            ]
        );
        assert_eq!(plan.segments[3].round, 2);
        assert_eq!(plan.step_count(Stage::Main), 1);
    }

    #[test]
    fn phases_are_consecutive_hold_segments_of_one_hold() {
        let lib = library();
        let plan = Plan::build(
            &routine(&[("ball", None, 1)], Some(0)),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        assert_eq!(
            shape(&plan),
            [
                (0, 20, H, 0, L, Some(0)),
                (20, 30, H, 0, L, Some(1)),
                (50, 20, H, 1, R, Some(0)),
                (70, 30, H, 1, R, Some(1))
            ]
        );
        assert_eq!(plan.segments[1].into_hold, 20);
        assert_eq!(plan.segments[1].phase_cue(), Some("phase 30"));
        assert_eq!(plan.hold_count(), 2);
    }

    #[test]
    fn total_is_the_documented_sum() {
        let lib = library();
        let r = routine(
            &[
                ("lunge", None, 2),
                ("bridge", Some(25), 1),
                ("ball", None, 3),
                ("calm", None, 1),
            ],
            Some(7),
        );
        let plan = Plan::build(&r, &lib, &PlanSettings::default()).unwrap();
        let expected = 2 * 2 * (7 + 30) + (7 + 25) + 3 * 2 * (7 + 50) + (7 + 60);
        assert_eq!(plan.total(), expected);
        // Segments tile the plan with no gap or overlap.
        for pair in plan.segments.windows(2) {
            assert_eq!(pair[0].end(), pair[1].start);
        }
    }

    #[test]
    fn step_seconds_add_up_to_the_plan() {
        let lib = library();
        let steps = [
            ("lunge", None, 2),
            ("bridge", Some(25), 1),
            ("ball", None, 3),
            ("calm", Some(70), 1),
        ];
        for prep in [0, 7] {
            let plan =
                Plan::build(&routine(&steps, Some(prep)), &lib, &PlanSettings::default()).unwrap();
            let sum: u32 = steps
                .iter()
                .map(|&(id, hold, repeat)| {
                    step_seconds(lib.exercise(id).unwrap(), hold, repeat, prep, prep)
                })
                .sum();
            assert_eq!(sum, plan.total());
        }
    }

    #[test]
    fn breathing_comes_from_the_exercise_then_the_routine_then_the_settings() {
        let lib = library();
        let mut r = routine(&[("bridge", None, 1), ("calm", None, 1)], None);
        let settings = PlanSettings {
            default_breathing: Breathing {
                inhale: 3,
                exhale: 3,
            },
            ..Default::default()
        };
        let plan = Plan::build(&r, &lib, &settings).unwrap();
        assert_eq!(
            plan.segments[1].breathing,
            Breathing {
                inhale: 3,
                exhale: 3
            }
        );
        assert_eq!(
            plan.segments[3].breathing,
            Breathing {
                inhale: 4,
                exhale: 8
            }
        );
        r.breathing = Some(Breathing {
            inhale: 5,
            exhale: 5,
        });
        let plan = Plan::build(&r, &lib, &settings).unwrap();
        assert_eq!(
            plan.segments[1].breathing,
            Breathing {
                inhale: 5,
                exhale: 5
            }
        );
    }

    #[test]
    fn conditions_leave_steps_out_and_say_which() {
        let lib = library();
        let settings = PlanSettings {
            conditions: vec![Condition::Pregnancy],
            ..Default::default()
        };
        let plan = Plan::build(
            &routine(&[("bridge", None, 1), ("ball", None, 1)], None),
            &lib,
            &settings,
        )
        .unwrap();
        assert_eq!(plan.hold_count(), 1);
        assert_eq!(plan.left_out.len(), 1);
        assert_eq!(
            (plan.left_out[0].step, plan.left_out[0].exercise.id.as_str()),
            (1, "ball")
        );
        let err = Plan::build(&routine(&[("ball", None, 1)], None), &lib, &settings).unwrap_err();
        assert_eq!(
            err,
            PlanError::NothingLeft {
                routine: "r".into()
            }
        );
    }

    #[test]
    fn unknown_exercise_is_an_error_not_a_panic() {
        let lib = library();
        let err = Plan::build(
            &routine(&[("nope", None, 1)], None),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            PlanError::UnknownExercise {
                routine: "r".into(),
                exercise: "nope".into()
            }
        );
    }

    #[test]
    fn warm_up_is_about_two_and_a_half_minutes_and_goes_first() {
        let lib = library();
        let settings = PlanSettings::default();
        let warm = Plan::warm_up(&lib, &settings, Impact::High).unwrap();
        // 60 s of march and 45 of jog are short of 120 (80% of the target)
        // in time spent moving, so circles follow; march starts after the
        // 15 s transition of a first hold.
        assert_eq!(warm.total(), 175);
        assert_eq!(warm.step_count(Stage::WarmUp), 3);
        let main = Plan::build(&routine(&[("bridge", None, 1)], None), &lib, &settings).unwrap();
        let both = main.with_warm_up(warm);
        assert_eq!(both.total(), 175 + 45);
        assert_eq!(both.segments[6].stage, Stage::Main);
        assert_eq!((both.segments[6].start, both.segments[6].hold), (175, 3));
        assert_eq!(both.step_count(Stage::Main), 1);
        assert!(both.segments[6].introduces);
    }

    #[test]
    fn the_warm_up_passes_over_high_impact_unless_brisk() {
        let lib = library();
        let ids = |impact| {
            let warm = Plan::warm_up(&lib, &PlanSettings::default(), impact).unwrap();
            let holds = warm.holds();
            holds
                .iter()
                .map(|h| h.exercise.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Impact::Low), ["march", "circles"]);
        assert_eq!(ids(Impact::High), ["march", "jog", "circles"]);
    }

    #[test]
    fn lookups_by_time_and_hold() {
        let lib = library();
        let plan = Plan::build(
            &routine(&[("lunge", None, 1)], None),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        assert_eq!(plan.segment_at(0), Some(0));
        assert_eq!(plan.segment_at(4), Some(0));
        assert_eq!(plan.segment_at(5), Some(1));
        assert_eq!(plan.segment_at(69), Some(3));
        assert_eq!(plan.segment_at(70), None);
        assert_eq!(plan.first_segment_of_hold(1), Some(2));
        assert_eq!(plan.first_segment_of_hold(2), None);
        let holds = plan.holds();
        assert_eq!(
            (holds[1].start, holds[1].prep, holds[1].hold, holds[1].side),
            (35, 5, 30, R)
        );
        assert_eq!(plan.hold(1).as_ref(), Some(&holds[1]));
        assert_eq!((holds[1].hold_start(), holds[1].end()), (40, 70));
        assert_eq!(plan.hold(2), None);
    }

    #[test]
    fn a_transition_comes_first_and_at_each_change_of_position() {
        let mut lib_exercises = vec![
            exercise("stand", Kind::Stretch, true, 30, &[]),
            exercise("stand2", Kind::Stretch, false, 20, &[]),
            exercise("kneel", Kind::Stretch, false, 20, &[]),
        ];
        lib_exercises[0].position = Position::Standing;
        lib_exercises[1].position = Position::Standing;
        lib_exercises[2].position = Position::Kneeling;
        let lib = Library::from_parts(lib_exercises, vec![]);
        let mut r = routine(
            &[("stand", None, 1), ("stand2", None, 2), ("kneel", None, 1)],
            Some(4),
        );
        r.transition = None;
        let settings = PlanSettings {
            default_transition: 12,
            ..PlanSettings::default()
        };
        let plan = Plan::build(&r, &lib, &settings).unwrap();
        let readies: Vec<u32> = plan.holds().iter().map(|h| h.prep).collect();
        // First hold, second side, next exercise in the same position, its
        // repeat, then a change of position.
        assert_eq!(readies, [12, 4, 4, 4, 12]);
        let holds: u32 = plan.holds().iter().map(|h| h.prep + h.hold).sum();
        assert_eq!(plan.total(), holds);
        assert_eq!(plan.total(), 12 + 30 + 4 + 30 + 2 * (4 + 20) + 12 + 20);
        // A transition is never shorter than the prep.
        let settings = PlanSettings {
            default_transition: 2,
            ..PlanSettings::default()
        };
        let plan = Plan::build(&r, &lib, &settings).unwrap();
        assert!(plan.holds().iter().all(|h| h.prep == 4));
        assert_eq!(get_ready(None, Position::Lying, 4, 2), 4);
        assert_eq!(get_ready(Some(Position::Lying), Position::Lying, 4, 20), 4);
        assert_eq!(get_ready(Some(Position::Prone), Position::Lying, 4, 20), 20);
        // Set-up is said with an exercise's first hold only.
        let introduces: Vec<bool> = plan
            .holds()
            .iter()
            .map(|h| plan.segments[plan.first_segment_of_hold(h.index).unwrap()].introduces)
            .collect();
        assert_eq!(introduces, [true, false, true, false, true]);
    }

    #[test]
    fn zero_prep_has_no_prep_segments() {
        let lib = library();
        let plan = Plan::build(
            &routine(&[("bridge", None, 1)], Some(0)),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        assert_eq!(shape(&plan), [(0, 40, H, 0, None, None)]);
        assert_eq!(plan.holds()[0].prep, 0);
    }
}
