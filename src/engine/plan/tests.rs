//! Tests of building plans: segments, get-ready times, repeats and sides,
//! phases, breathing, conditions, the warm-up, and lookups by time and hold.

use super::*;
use crate::engine::{Pace, PlanSettings, first_ready, opening_words, step_seconds};
use crate::library::{
    Breathing, Caution, Equipment, Kind, Layer, Origin, Phase, Position, Side, Step,
};

/// Every exercise told in full, to a person with no condition.
const FULL: Telling<'static> = Telling {
    brief: false,
    conditions: &[],
};

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
                figure: None,
            })
            .collect(),
        harder: None,
        easier: None,
        by_name: false,
        instead: None,
        switch_sides: 0,
        switch_hint: None,
        figure: None,
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
        before: Vec::new(),
        warm_up: true,
        progress: true,
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
                instead: None,
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
    // Rolling over to the other side takes longer than a short prep.
    let mut roll = exercise("roll", Kind::Stretch, true, 30, &[]);
    roll.switch_sides = 10;
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
            roll,
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

/// The first get-ready of these tests' routines: an exercise's name and set-up
/// line ("LUNGE", "set up") and the stop rule are 21 words, said in 9 s at
/// 150 words a minute, then the count of 3. Any other exercise's first
/// get-ready says 3 words: 2 s and the count, 5 s.
const FIRST: u32 = 12;
const INTRODUCE: u32 = 5;

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
            (0, FIRST, P, 0, L, None),
            (12, 30, H, 0, L, None),
            (42, 5, P, 1, R, None),
            (47, 30, H, 1, R, None)
        ]
    );
    assert!(plan.segments[2].is_side_switch());
    assert!(!plan.segments[0].is_side_switch());
    assert_eq!(plan.total(), FIRST + 30 + 5 + 30);
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
            (0, FIRST, P, 0, None, None),
            (12, 20, H, 0, None, None),
            (32, 3, P, 1, None, None),
            (35, 20, H, 1, None, None)
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
            (0, FIRST, P, 0, L, None),
            (12, 20, H, 0, L, Some(0)),
            (32, 30, H, 0, L, Some(1)),
            (62, 20, H, 1, R, Some(0)),
            (82, 30, H, 1, R, Some(1))
        ]
    );
    assert_eq!(plan.segments[2].into_hold, 20);
    assert_eq!(plan.segments[2].phase_cue(), Some("phase 30"));
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
    // Every get-ready is the prep but the first, which says the most.
    let expected = (FIRST - 7) + 2 * 2 * (7 + 30) + (7 + 25) + 3 * 2 * (7 + 50) + (7 + 60);
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
        ("roll", None, 2),
    ];
    for (prep, tighter) in [(0, None), (7, L), (12, R), (5, L)] {
        let settings = PlanSettings {
            tighter_side: tighter,
            ..PlanSettings::default()
        };
        let plan = Plan::build(&routine(&steps, Some(prep)), &lib, &settings).unwrap();
        let sum: u32 = steps
            .iter()
            .enumerate()
            .map(|(i, &(id, hold, repeat))| {
                let exercise = lib.exercise(id).unwrap();
                let opening = if i == 0 {
                    opening_words(&[], &[], &[])
                } else {
                    0
                };
                let first_ready =
                    first_ready(None, exercise, prep, prep, opening, FULL, Pace::DEFAULT);
                step_seconds(exercise, hold, repeat, first_ready, prep, tighter)
            })
            .sum();
        assert_eq!(sum, plan.total());
    }
}

/// The tighter side is held once more in each two-sided stretch, right
/// after its last pair: the right where it is, after the prep; the left
/// after a change of sides.
#[test]
fn the_tighter_side_gets_one_more_hold_after_the_pair() {
    let lib = library();
    let settings = |tighter| PlanSettings {
        tighter_side: tighter,
        ..PlanSettings::default()
    };
    let lunge = routine(&[("lunge", None, 1), ("bridge", None, 1)], None);
    let plan = Plan::build(&lunge, &lib, &settings(R)).unwrap();
    assert_eq!(
        shape(&plan)[..6],
        [
            (0, FIRST, P, 0, L, None),
            (12, 30, H, 0, L, None),
            (42, 5, P, 1, R, None),
            (47, 30, H, 1, R, None),
            (77, 5, P, 2, R, None),
            (82, 30, H, 2, R, None),
        ]
    );
    let extra: Vec<bool> = plan.segments.iter().map(|s| s.extra).collect();
    assert_eq!(
        extra,
        [false, false, false, false, true, true, false, false]
    );
    assert!(
        !plan.segments[4].is_side_switch(),
        "said as the tighter side"
    );
    // One-sided stretches get none.
    assert_eq!(plan.hold_count(), 4);

    // The left comes back after a change of sides, after the last round.
    let roll = routine(&[("roll", None, 2)], Some(5));
    let plan = Plan::build(&roll, &lib, &settings(L)).unwrap();
    let sides: Vec<(u32, Option<Side>, bool)> = plan
        .holds()
        .iter()
        .map(|h| (h.round, h.side, h.extra))
        .collect();
    assert_eq!(
        sides,
        [
            (1, L, false),
            (1, R, false),
            (2, L, false),
            (2, R, false),
            (2, L, true)
        ]
    );
    assert_eq!(plan.hold(4).unwrap().prep, 10);

    // `none`: no extra hold at all, and none for a ball release either.
    for tighter in [None, L] {
        let ball = routine(&[("ball", None, 1)], None);
        let plan = Plan::build(&ball, &lib, &settings(tighter)).unwrap();
        assert_eq!(plan.hold_count(), 2);
    }
    let plan = Plan::build(&lunge, &lib, &settings(None)).unwrap();
    assert!(plan.segments.iter().all(|s| !s.extra));
    assert_eq!(plan.hold_count(), 3);
}

/// Each hold of a two-sided exercise after its first is a change of sides,
/// and gets the exercise's `switch_sides` where the prep is shorter; a prep
/// that is longer stands.
#[test]
fn a_change_of_sides_gets_its_own_time() {
    let lib = library();
    for (prep, switch) in [(5, 10), (12, 12)] {
        let plan = Plan::build(
            &routine(&[("roll", None, 2)], Some(prep)),
            &lib,
            &PlanSettings::default(),
        )
        .unwrap();
        let readies: Vec<u32> = plan.holds().iter().map(|h| h.prep).collect();
        assert_eq!(readies[1..], [switch, switch, switch], "prep {prep}");
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
    // The routine's own first get-ready still says the stop rule.
    let main = Plan::build(&routine(&[("bridge", None, 1)], None), &lib, &settings).unwrap();
    let both = main.with_warm_up(warm);
    assert_eq!(both.total(), 175 + FIRST + 40);
    assert_eq!(both.segments[6].stage, Stage::Main);
    assert_eq!(both.first_main_hold(), Some(3));
    assert_eq!((both.segments[6].start, both.segments[6].hold), (175, 3));
    assert_eq!(both.step_count(Stage::Main), 1);
    assert_eq!(both.segments[6].duration, FIRST);
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
    assert_eq!(plan.segment_at(11), Some(0));
    assert_eq!(plan.segment_at(12), Some(1));
    assert_eq!(plan.segment_at(76), Some(3));
    assert_eq!(plan.segment_at(77), None);
    assert_eq!(plan.first_segment_of_hold(1), Some(2));
    assert_eq!(plan.first_segment_of_hold(2), None);
    let holds = plan.holds();
    assert_eq!(
        (holds[1].start, holds[1].prep, holds[1].hold, holds[1].side),
        (42, 5, 30, R)
    );
    assert_eq!(plan.hold(1).as_ref(), Some(&holds[1]));
    assert_eq!((holds[1].hold_start(), holds[1].end()), (47, 77));
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
    // First hold, second side, next exercise in the same position (whose
    // set-up takes longer than the prep to say), its repeat, then a change
    // of position.
    assert_eq!(readies, [FIRST, 4, INTRODUCE, 4, 12]);
    let holds: u32 = plan.holds().iter().map(|h| h.prep + h.hold).sum();
    assert_eq!(plan.total(), holds);
    assert_eq!(plan.total(), 12 + 30 + 4 + 30 + 5 + 20 + 4 + 20 + 12 + 20);
    assert_eq!(plan.hold_seconds(), 30 + 30 + 2 * 20 + 20);
    // A transition is never shorter than the prep.
    let settings = PlanSettings {
        default_transition: 2,
        ..PlanSettings::default()
    };
    let plan = Plan::build(&r, &lib, &settings).unwrap();
    let readies: Vec<u32> = plan.holds().iter().map(|h| h.prep).collect();
    assert_eq!(readies, [FIRST, 4, INTRODUCE, 4, INTRODUCE]);
}

#[test]
fn zero_prep_leaves_only_the_get_readies_that_say_something() {
    let lib = library();
    let plan = Plan::build(
        &routine(&[("bridge", None, 2), ("lunge", None, 1)], Some(0)),
        &lib,
        &PlanSettings::default(),
    )
    .unwrap();
    assert_eq!(
        shape(&plan),
        [
            (0, FIRST, P, 0, None, None),
            (12, 40, H, 0, None, None),
            (52, 40, H, 1, None, None),
            (92, INTRODUCE, P, 2, L, None),
            (97, 30, H, 2, L, None),
            (127, 30, H, 3, R, None)
        ]
    );
    assert_eq!(plan.holds()[1].prep, 0);
}

#[test]
fn a_get_ready_lasts_until_its_words_are_said() {
    let mut talk = exercise("talk", Kind::Stretch, false, 30, &[]);
    // 10 words of set-up, 2 cautions of 4 words and the word "Caution".
    talk.setup = vec![
        "Lie on your back, knees bent.".into(),
        "Relax your shoulders now.".into(),
    ];
    talk.cautions = vec![
        Caution::plain("Keep it very small."),
        Caution::plain("Stop if it pinches."),
    ];
    talk.equipment = vec![Equipment::Ball];
    let mut quiet = exercise("quiet", Kind::Stretch, false, 30, &[]);
    quiet.avoid_if = vec![Condition::Pregnancy];
    let lib = Library::from_parts(vec![talk, quiet], vec![]);
    let talk = lib.exercise("talk").unwrap();
    // Alone, the name, set-up and cautions take 9 s to say, and the count.
    assert_eq!(first_ready(None, talk, 5, 5, 0, FULL, Pace::DEFAULT), 9 + 3);
    let r = routine(&[("talk", None, 2), ("quiet", None, 1)], Some(5));
    let plan = Plan::build(&r, &lib, &PlanSettings::default()).unwrap();
    // The name, set-up and cautions, "You need a massage or tennis ball." and
    // the stop rule: 21 + 7 + 18 = 46 words, 19 s, and the count of 3.
    assert_eq!(
        opening_words(&plan.before, &plan.left_out, plan.equipment()),
        7 + 18
    );
    let readies: Vec<u32> = plan.holds().iter().map(|h| h.prep).collect();
    assert_eq!(readies, [19 + 3, 5, INTRODUCE]);
    // Left out for a condition, "quiet" is named before the first hold too.
    let settings = PlanSettings {
        conditions: vec![Condition::Pregnancy],
        ..Default::default()
    };
    let plan = Plan::build(&r, &lib, &settings).unwrap();
    let left_out = crate::words::left_out_line(&plan.left_out[0]);
    assert_eq!(
        left_out,
        "Left out: QUIET (quiet), to avoid with pregnancy."
    );
    // 46 + 8 words: 22 s, and the count.
    assert_eq!(plan.holds()[0].prep, 22 + 3);
}

#[test]
fn the_get_readies_are_timed_at_the_settings_pace() {
    let mut talk = exercise("talk", Kind::Stretch, false, 30, &[]);
    talk.setup = vec!["Lie on your back, knees bent.".into()];
    let lib = Library::from_parts(vec![talk], vec![]);
    let r = routine(&[("talk", None, 2)], Some(5));
    let at = |words_per_minute| {
        let settings = PlanSettings {
            pace: Pace::new(words_per_minute).unwrap(),
            ..PlanSettings::default()
        };
        let plan = Plan::build(&r, &lib, &settings).unwrap();
        assert_eq!(plan.pace.words_per_minute(), words_per_minute);
        plan.holds().iter().map(|h| h.prep).collect::<Vec<u32>>()
    };
    // The name, the set-up line and the stop rule: 1 + 6 + 18 = 25 words,
    // 10 s at 150 words a minute, 20 s at 75, 5 s at 300; then the count.
    // The second hold says nothing and keeps the routine's prep.
    assert_eq!(at(150), [10 + 3, 5]);
    assert_eq!(at(75), [20 + 3, 5]);
    assert_eq!(at(300), [5 + 3, 5]);
}

#[test]
fn a_brief_get_ready_says_the_first_set_up_line_and_the_essential_cautions() {
    use crate::engine::{Event, Guidance, GuidanceSettings, fixture, timeline};
    let library = fixture::library();
    let routine = library.routine("mini").unwrap();
    let full = Plan::build(routine, &library, &fixture::settings()).unwrap();
    let settings = PlanSettings {
        guidance: GuidanceSettings::always(Guidance::Brief),
        ..fixture::settings()
    };
    let brief = Plan::build(routine, &library, &settings).unwrap();
    let said = |plan: &Plan<'_>| {
        timeline(plan)
            .iter()
            .filter(|c| matches!(c.event, Event::Setup { .. } | Event::Caution { .. }))
            .count()
    };
    // In full: the tilt's two set-up lines and caution, the lunge's line and
    // two cautions, the ball's line. Brief: one line each, no plain caution.
    assert_eq!(said(&full), 3 + 3 + 1);
    assert_eq!(said(&brief), 3);
    assert_eq!(brief.hold_seconds(), full.hold_seconds());
    assert!(brief.total() < full.total());
    // Never shorter than the rule: the prep, and the transition at first.
    let readies: Vec<u32> = brief.holds().iter().map(|h| h.prep).collect();
    assert!(readies.iter().all(|&r| r >= 5), "{readies:?}");
    assert_eq!(
        Plan::familiar_length(routine, &library, &fixture::settings()).unwrap(),
        brief.total()
    );
}
