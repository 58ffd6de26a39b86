//! Tests of the planner against the built-in library: every rule of a plan,
//! for every length from 3 to 60 minutes, several seeds, conditions and
//! position filters.

use proptest::prelude::*;

use super::*;
use crate::engine::{Plan, PlanSettings};
use crate::library::{Kind, LibraryFile, Side, Sources, routine_file};

fn builtin() -> Library {
    let loaded = crate::library::load(&Sources {
        builtin: true,
        ..Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded.library
}

fn request(minutes: u32, seed: u64, conditions: &[Condition]) -> PlanRequest {
    let settings = PlanSettings {
        conditions: conditions.to_vec(),
        ..PlanSettings::default()
    };
    PlanRequest {
        seed,
        ..PlanRequest::new(minutes, &settings)
    }
}

/// Condition sets that leave enough exercises for an hour. After a hip
/// replacement, with no kneeling, nothing face down and no hip behind the
/// body, six exercises are left: about 48 minutes at most.
const ROOMY: &[&[Condition]] = &[
    &[],
    &[Condition::HerniatedDisc],
    &[Condition::Pregnancy],
    &[Condition::KneePain],
    &[Condition::Osteoporosis],
    &[Condition::HerniatedDisc, Condition::KneePain],
];

/// Checks every rule of a plan, and returns its length in seconds.
fn check(library: &Library, request: &PlanRequest, routine: &Routine) -> u32 {
    let context = format!("{request:?}");
    let at_level = PlanSettings {
        level: request.level,
        tighter_side: request.tighter_side,
        ..PlanSettings::default()
    };
    let plan = Plan::build(routine, library, &at_level).unwrap();
    let total = plan.total();
    assert!(
        total <= request.target_seconds(),
        "too long: {total} s; {context}"
    );
    assert!(
        total >= request.least_seconds(),
        "too short: {total} s; {context}"
    );
    assert!(routine.warm_up, "the warm-up is offered");
    let exercises: Vec<&Exercise> = routine
        .steps
        .iter()
        .map(|s| library.exercise(&s.exercise).unwrap())
        .collect();
    let (finish, body) = exercises.split_last().unwrap();
    assert_eq!(
        finish.kind,
        Kind::Breathing,
        "ends with breathing; {context}"
    );
    for e in &exercises {
        assert!(
            !e.avoid_if.iter().any(|c| request.conditions.contains(c)),
            "{} is to be avoided; {context}",
            e.id
        );
        let at_hand = |q: &Equipment| choose::AT_HAND.contains(q) || request.equipment.contains(q);
        assert!(
            e.equipment.iter().all(at_hand),
            "{} needs equipment; {context}",
            e.id
        );
    }
    for e in body {
        assert!(
            matches!(
                e.kind,
                Kind::Stretch | Kind::Movement | Kind::BallRelease | Kind::Transfer
            ),
            "{}",
            e.id
        );
        if !request.positions.is_empty() && e.kind != Kind::Transfer {
            assert!(
                request.positions.contains(&e.position),
                "{}; {context}",
                e.id
            );
        }
    }
    let levels: Vec<_> = body.iter().map(|e| choose::order_key(e)).collect();
    assert!(
        levels.is_sorted(),
        "down to the floor once: {levels:?}; {context}"
    );
    // The floor is reached by a guided way down, just before the first step
    // done there, the finish included; a step on a bed comes before it.
    let first_floor = exercises.iter().position(|e| choose::on_the_floor(e));
    let way_down = exercises.iter().position(|e| e.kind == Kind::Transfer);
    match first_floor {
        Some(i) => assert_eq!(way_down, i.checked_sub(1), "a way down first; {context}"),
        None => assert_eq!(way_down, None, "no way down without the floor; {context}"),
    }
    assert!(
        exercises
            .iter()
            .filter(|e| e.kind == Kind::Transfer)
            .count()
            <= 1,
        "one way down; {context}"
    );
    // Each one-sided hold is done on the left, then on the right; the
    // tighter side's extra hold comes after the pair.
    let holds = plan.holds();
    let extras = holds.iter().filter(|h| h.extra).count();
    let stretches = exercises
        .iter()
        .filter(|e| e.kind == Kind::Stretch && e.each_side && !e.has_phases())
        .count();
    let expected = if request.tighter_side.is_some() {
        stretches
    } else {
        0
    };
    assert_eq!(
        extras, expected,
        "one extra hold a two-sided stretch; {context}"
    );
    for pair in holds.windows(2) {
        if pair[0].side == Some(Side::Left) && !pair[0].extra {
            assert_eq!(pair[1].side, Some(Side::Right));
            assert_eq!(pair[0].exercise.id, pair[1].exercise.id);
        }
    }
    total
}

#[test]
fn every_length_fits_at_every_level() {
    let library = builtin();
    for level in [crate::engine::Level::Two, crate::engine::Level::Three] {
        for seed in [0, 7] {
            for minutes in 3..=60 {
                let request = PlanRequest {
                    level,
                    ..request(minutes, seed, &[])
                };
                let routine =
                    plan(&library, &request).unwrap_or_else(|e| panic!("{e}; {request:?}"));
                check(&library, &request, &routine);
                assert!(
                    routine
                        .summary
                        .as_deref()
                        .unwrap()
                        .contains(&format!("--seed {seed} --level {level}`")),
                    "the summary makes the plan again at its level"
                );
            }
        }
    }
}

#[test]
fn every_length_from_3_to_60_minutes_fits() {
    let library = builtin();
    for conditions in ROOMY {
        for seed in [0, 1, 2, 42, u64::MAX] {
            for minutes in 3..=60 {
                let request = request(minutes, seed, conditions);
                let routine =
                    plan(&library, &request).unwrap_or_else(|e| panic!("{e}; {request:?}"));
                check(&library, &request, &routine);
            }
        }
    }
}

/// A plan fits its minutes with the tighter side's extra holds in it, and
/// has at least one whenever it holds a two-sided stretch.
#[test]
fn every_length_fits_with_a_tighter_side() {
    let library = builtin();
    for side in [Side::Left, Side::Right] {
        for seed in [0, 7] {
            for minutes in 3..=60 {
                let request = PlanRequest {
                    tighter_side: Some(side),
                    ..request(minutes, seed, &[])
                };
                let routine =
                    plan(&library, &request).unwrap_or_else(|e| panic!("{e}; {request:?}"));
                check(&library, &request, &routine);
            }
        }
    }
}

#[test]
fn position_filters_are_respected_and_the_finish_may_leave_them() {
    let library = builtin();
    let filters: &[&[Position]] = &[
        &[Position::Standing],
        &[Position::Kneeling, Position::Lying],
        &[Position::Lying, Position::Prone],
        &[Position::Standing, Position::Seated],
    ];
    for positions in filters {
        for minutes in 3..=20 {
            let request = PlanRequest {
                positions: positions.to_vec(),
                ..request(minutes, 7, &[])
            };
            let routine = plan(&library, &request).unwrap_or_else(|e| panic!("{e}; {request:?}"));
            check(&library, &request, &routine);
        }
    }
    let standing = PlanRequest {
        positions: vec![Position::Standing],
        ..request(10, 0, &[])
    };
    let routine = plan(&library, &standing).unwrap();
    let last = library
        .exercise(&routine.steps.last().unwrap().exercise)
        .unwrap();
    assert_eq!(
        last.position,
        Position::Seated,
        "the nearest breathing exercise"
    );
    assert!(
        routine
            .summary
            .unwrap()
            .contains("No breathing exercise is done standing")
    );
}

#[test]
fn ball_work_only_with_a_ball_and_before_the_finish() {
    let library = builtin();
    let uses_ball = |routine: &Routine| {
        routine
            .steps
            .iter()
            .any(|s| library.exercise(&s.exercise).unwrap().kind == Kind::BallRelease)
    };
    let mut with_ball = 0;
    for seed in 0..10 {
        let plain = plan(&library, &request(30, seed, &[])).unwrap();
        assert!(!uses_ball(&plain));
        let ball = PlanRequest {
            equipment: vec![Equipment::Ball],
            ..request(30, seed, &[])
        };
        let routine = plan(&library, &ball).unwrap();
        check(&library, &ball, &routine);
        with_ball += usize::from(uses_ball(&routine));
    }
    assert!(with_ball > 0, "a ball is used when there is one");
}

#[test]
fn the_same_request_gives_the_same_routine_and_seeds_vary_it() {
    let library = builtin();
    let a = plan(&library, &request(15, 3, &[])).unwrap();
    assert_eq!(a, plan(&library, &request(15, 3, &[])).unwrap());
    let differs =
        (4..10).any(|seed| plan(&library, &request(15, seed, &[])).unwrap().steps != a.steps);
    assert!(differs);
}

#[test]
fn few_suitable_exercises_fill_short_plans_and_refuse_long_ones() {
    let library = builtin();
    let surgery = [Condition::RecentSurgery];
    let mut refused_from = None;
    for minutes in 3..=60 {
        match plan(&library, &request(minutes, 0, &surgery)) {
            Ok(routine) => {
                assert!(
                    refused_from.is_none(),
                    "{minutes} fits after a shorter plan was refused"
                );
                check(&library, &request(minutes, 0, &surgery), &routine);
            }
            Err(PlannerError::TooLong { .. }) => {
                refused_from.get_or_insert(minutes);
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert!(refused_from.is_some_and(|m| m > 10), "{refused_from:?}");
    let message = plan(&library, &request(60, 0, &surgery))
        .unwrap_err()
        .to_string();
    assert!(message.contains("minutes or fewer"), "{message}");
}

#[test]
fn impossible_plans_say_why() {
    let library = builtin();
    let tight = PlanRequest {
        prep: 60,
        ..request(1, 0, &[])
    };
    assert!(matches!(
        plan(&library, &tight),
        Err(PlannerError::TooShort { .. })
    ));
    let empty = Library::default();
    assert_eq!(
        plan(&empty, &request(10, 0, &[])),
        Err(PlannerError::NoBreathing)
    );
}

#[test]
fn a_saved_plan_is_a_valid_routine_file_of_the_same_length() {
    let library = builtin();
    let request = PlanRequest {
        equipment: vec![Equipment::Ball],
        id: "my-plan".into(),
        ..request(25, 9, &[Condition::KneePain])
    };
    let routine = plan(&library, &request).unwrap();
    let text = routine_file(&routine);
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    files.extend(
        Sources {
            builtin: true,
            ..Sources::default()
        }
        .read(&mut diagnostics),
    );
    files.push(LibraryFile::given("my-plan.toml", text.clone()));
    let loaded = crate::library::load_files(&files, diagnostics);
    assert!(!loaded.has_errors(), "{:?}\n{text}", loaded.diagnostics);
    let saved = loaded
        .library
        .routine("my-plan")
        .expect("the saved routine loads");
    assert_eq!(saved.steps, routine.steps);
    assert_eq!((saved.prep, saved.warm_up), (routine.prep, true));
    assert_eq!(saved.summary, routine.summary);
    let settings = PlanSettings::default();
    let total = |r: &Routine| Plan::build(r, &loaded.library, &settings).unwrap().total();
    assert_eq!(total(saved), total(&routine));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_seed_fits(minutes in 3u32..=60, seed: u64, set in 0..ROOMY.len(), ball: bool, prep in 0u32..=15) {
        let library = builtin();
        let request = PlanRequest {
            equipment: if ball { vec![Equipment::Ball] } else { Vec::new() },
            prep,
            ..request(minutes, seed, ROOMY[set])
        };
        let routine = plan(&library, &request).unwrap();
        check(&library, &request, &routine);
    }
}

/// A bed, a strap, a ball and a roller are never taken for granted: the
/// exercises that need them come only when they are asked for.
#[test]
fn equipment_not_asked_for_is_never_used() {
    let library = builtin();
    let uses = |routine: &Routine, id: &str| routine.steps.iter().any(|s| &*s.exercise == id);
    let mut thomas_with_a_bed = false;
    for seed in 0..40 {
        let bare = plan(&library, &request(30, seed, &[])).unwrap();
        for step in &bare.steps {
            let e = library.exercise(&step.exercise).unwrap();
            assert!(
                e.equipment.iter().all(|q| choose::AT_HAND.contains(q)),
                "{} needs {:?}",
                e.id,
                e.equipment
            );
        }
        let with_bed = PlanRequest {
            equipment: vec![Equipment::Bed],
            ..request(30, seed, &[])
        };
        thomas_with_a_bed |= uses(&plan(&library, &with_bed).unwrap(), "thomas-stretch");
    }
    assert!(
        thomas_with_a_bed,
        "some plan with a bed uses the Thomas stretch"
    );
    assert!(!choose::AT_HAND.contains(&Equipment::Bed));
}

/// The ids of a plan's steps.
fn ids(library: &Library, request: &PlanRequest) -> Vec<String> {
    plan(library, request)
        .unwrap_or_else(|e| panic!("{e}; {request:?}"))
        .steps
        .iter()
        .map(|s| s.exercise.to_string())
        .collect()
}

#[test]
fn a_plan_goes_down_to_the_floor_by_the_guided_way_or_not_at_all() {
    let library = builtin();
    let floor = |ids: &[String]| {
        ids.iter().any(|id| {
            let e = library.exercise(id).unwrap();
            choose::on_the_floor(e)
        })
    };
    let mut onto_a_bed = 0;
    for seed in [0, 1, 2, 3] {
        // With no condition the way down is the one by a chair.
        let plain = ids(&library, &request(20, seed, &[]));
        assert!(floor(&plain), "{plain:?}");
        assert!(plain.contains(&"getting-down-to-the-floor".to_string()));
        // Knee pain and a new hip rule out kneeling, so without a bed the
        // plan stays standing and seated, the finish too.
        for condition in [Condition::KneePain, Condition::HipReplacement] {
            let kept_up = ids(&library, &request(20, seed, &[condition]));
            assert!(!floor(&kept_up), "{condition}: {kept_up:?}");
            // With a bed at hand, the way down is onto the bed.
            let with_bed = PlanRequest {
                equipment: vec![Equipment::Bed],
                ..request(20, seed, &[condition])
            };
            let on_bed = ids(&library, &with_bed);
            if floor(&on_bed) {
                assert!(on_bed.contains(&"onto-a-bed".to_string()), "{on_bed:?}");
                onto_a_bed += 1;
            }
        }
    }
    assert!(onto_a_bed > 0, "no plan lay down on the bed");
}

#[test]
fn a_belly_release_is_planned_only_when_asked_for_by_name() {
    let library = builtin();
    let belly = |ids: &[String]| ids.iter().any(|id| id.starts_with("ball-belly"));
    for seed in 0..20 {
        let with_ball = PlanRequest {
            equipment: vec![Equipment::Ball, Equipment::SoftBall],
            ..request(30, seed, &[])
        };
        assert!(!belly(&ids(&library, &with_ball)), "seed {seed}");
        let asked = PlanRequest {
            with: vec!["ball-belly-sphinx".into()],
            ..with_ball
        };
        check_with(&library, &asked).unwrap();
        let planned = ids(&library, &asked);
        assert!(
            planned.contains(&"ball-belly-sphinx".to_string()),
            "seed {seed}: {planned:?}"
        );
        assert!(
            plan(&library, &asked)
                .unwrap()
                .summary
                .unwrap()
                .contains("--with ball-belly-sphinx")
        );
    }
}

#[test]
fn what_is_asked_for_by_name_must_exist_and_suit() {
    let library = builtin();
    let asking = |id: &str, equipment: Vec<Equipment>, conditions: &[Condition]| {
        let request = PlanRequest {
            with: vec![id.into()],
            equipment,
            ..request(20, 0, conditions)
        };
        check_with(&library, &request).map_err(|e| e.to_string())
    };
    assert_eq!(
        asking("ball-belly-sphinks", vec![Equipment::SoftBall], &[]),
        Err("`--with ball-belly-sphinks`: no exercise has this id; did you mean `ball-belly-sphinx`? (`psoas list` shows every id)".into())
    );
    assert_eq!(
        asking("ball-belly-sphinx", vec![], &[]),
        Err("`--with ball-belly-sphinx`: it needs --equipment soft-ball".into())
    );
    assert_eq!(
        asking(
            "ball-belly-sphinx",
            vec![Equipment::SoftBall],
            &[Condition::Pregnancy]
        ),
        Err("`--with ball-belly-sphinx`: it is to be avoided with pregnancy".into())
    );
    assert_eq!(
        asking("side-lying-breathing", vec![], &[]),
        Err("`--with side-lying-breathing`: a plan chooses its own breathing exercise; `--with` takes stretches, movements and ball work".into())
    );
    assert_eq!(
        asking("ball-belly-sphinx", vec![Equipment::SoftBall], &[]),
        Ok(())
    );
}

/// A plan holds one rung of each family of variants: the easiest that suits
/// at level 1, the one its level moves to at levels 2 and 3.
#[test]
fn a_plan_holds_one_rung_of_each_family() {
    let library = builtin();
    let family = |id: &str| -> String {
        let mut e = library.exercise(id).unwrap();
        while let Some(easier) = e.easier.as_deref() {
            e = library.exercise(easier).unwrap();
        }
        e.id.clone()
    };
    for level in Level::ALL {
        for seed in 0..12 {
            let request = PlanRequest {
                level,
                ..request(40, seed, &[])
            };
            let mut planned = ids(&library, &request);
            planned.dedup();
            let mut families: Vec<String> = planned.iter().map(|id| family(id)).collect();
            let all = families.len();
            families.sort();
            families.dedup();
            assert_eq!(
                families.len(),
                all,
                "level {level}, seed {seed}: {planned:?}"
            );
            if level == Level::One {
                assert!(
                    !planned
                        .iter()
                        .any(|id| id == "single-leg-bridge" || id == "forearm-plank-toes")
                );
            }
        }
    }
}
