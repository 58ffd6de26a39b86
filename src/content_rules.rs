//! The rules the built-in library keeps, as tests, so that an edit to an
//! exercise or a routine cannot quietly break a promise made to someone with
//! a condition: which movements each condition tag leaves out, what equipment
//! an exercise needs, set-up lines that work by ear and are short enough to
//! say, cues that name no side, nothing said that a condition an exercise is
//! kept for rules out, how far to stretch in pregnancy, what to do when a
//! stretch pinches with stenosis, getting up after breathing, movements paced
//! as short efforts, what is left of every routine under every condition and
//! pair of conditions and how it ends, the warm-up's impact, why an
//! exercise is in no routine, cautions for one condition marked with it, and
//! routines that are mostly holding once familiar, and a figure for every
//! step of the first routines.
//!
//! Tags follow movements, so every built-in exercise is classified below by
//! the movements it asks for; a new exercise must be classified before these
//! tests pass, and the classification decides its tags.

use std::collections::BTreeSet;

use crate::engine::{Plan, PlanError, PlanSettings};
use crate::library::{
    Condition, Equipment, Exercise, Impact, Kind, Library, Position, Routine, Said, Side, Sources,
    load,
};

/// What an exercise asks of the body, as far as the condition tags care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Movement {
    /// The low back bent forward under load or at the end of its range: knee
    /// hugs, folding forward, rounding on all fours.
    LumbarFlexion,
    /// The hip taken behind the body: every hip-flexor stretch.
    HipExtension,
    /// The hip bent past a right angle.
    DeepHipFlexion,
    /// The low back bent backward: sphinx, lunges that arch, propped on the
    /// forearms face down.
    BackBend,
    /// A side bend of the trunk.
    SideBend,
    /// Both feet leave the floor: jogging and jumping.
    Impact,
    /// A ball pressed against the back, beside the spine.
    BallOnBack,
    /// Lying on the side, which pregnancy allows.
    SideLying,
    /// Resting or breathing, gentle enough soon after surgery.
    Rest,
    /// Walking, which suits everyone.
    Walk,
    /// Pressure on the belly: a ball under it.
    BellyPressure,
    /// One foot well in front of the other, or the thighs split on a chair:
    /// the pelvis is loaded unevenly, which pelvic girdle pain in pregnancy
    /// does not bear.
    SplitStance,
    /// The body's weight on the knees outside a kneeling position: planks
    /// from the knees.
    KneeLoad,
    /// The feet in one line, heel to toe, which brings the hip toward the
    /// middle of the body.
    FeetInLine,
}

use Movement::*;

/// Every built-in exercise and the movements it asks for.
const MOVEMENTS: &[(&str, &[Movement])] = &[
    ("march-in-place", &[Walk]),
    ("jog-in-place", &[Impact]),
    ("jumping-jacks", &[Impact]),
    ("step-jacks", &[]),
    ("hip-circles", &[]),
    ("standing-psoas-stretch", &[HipExtension, SplitStance]),
    ("wall-lunge-stretch", &[HipExtension, SplitStance]),
    ("standing-quad-stretch", &[HipExtension]),
    ("warrior-one", &[HipExtension, BackBend, SplitStance]),
    (
        "standing-side-reach",
        &[HipExtension, SideBend, SplitStance],
    ),
    ("standing-pelvic-tilt", &[]),
    ("walking-break", &[Walk]),
    ("chair-hip-flexor-stretch", &[HipExtension, SplitStance]),
    ("seated-pelvic-tilt", &[]),
    ("seated-figure-four", &[DeepHipFlexion]),
    ("seated-side-reach", &[SideBend]),
    ("back-to-the-desk", &[Rest]),
    ("getting-down-to-the-floor", &[]),
    ("onto-a-bed", &[]),
    ("up-from-a-bed", &[SideLying]),
    ("kneeling-psoas-stretch", &[HipExtension]),
    ("low-lunge", &[HipExtension, BackBend, DeepHipFlexion]),
    ("kneeling-reach-side-bend", &[HipExtension, SideBend]),
    ("kneeling-quad-hip-flexor", &[HipExtension]),
    ("all-fours-leg-reach", &[]),
    ("all-fours-arm-leg-reach", &[]),
    ("marching-bridge", &[]),
    ("single-leg-bridge", &[]),
    ("all-fours-pelvic-tilt", &[LumbarFlexion]),
    (
        "thomas-stretch",
        &[HipExtension, DeepHipFlexion, LumbarFlexion],
    ),
    ("lying-psoas-stretch", &[HipExtension]),
    ("knee-to-chest", &[LumbarFlexion, DeepHipFlexion]),
    ("glute-bridge", &[]),
    ("constructive-rest", &[Rest]),
    ("side-lying-hip-flexor-stretch", &[HipExtension, SideLying]),
    ("sphinx", &[BackBend]),
    ("prone-rest", &[Rest]),
    ("ball-back-beside-spine", &[BallOnBack]),
    ("ball-back-knee-open", &[BallOnBack]),
    ("ball-back-hips-hover", &[BallOnBack]),
    (
        "ball-belly-kneeling",
        &[LumbarFlexion, DeepHipFlexion, BellyPressure],
    ),
    ("ball-belly-sphinx", &[BackBend, BellyPressure]),
    ("foam-roller-front-hip", &[BackBend]),
    ("belly-breathing-lying", &[Rest]),
    ("long-exhale-seated", &[Rest]),
    ("prone-breathing", &[Rest]),
    ("side-lying-breathing", &[Rest, SideLying]),
    ("dead-bug", &[]),
    ("side-plank-knees", &[KneeLoad, SideLying]),
    ("forearm-plank-knees", &[KneeLoad]),
    ("forearm-plank-toes", &[]),
    ("wall-plank", &[]),
    ("sit-to-stand", &[]),
    ("heel-raises", &[]),
    ("tandem-stance", &[FeetInLine]),
    ("prone-back-extension", &[BackBend]),
];

/// Exercises in no built-in routine, and why. Warm-ups are used by the
/// guided warm-up and need no entry.
const IN_NO_ROUTINE: &[(&str, &str)] = &[
    (
        "ball-back-hips-hover",
        "a harder step of the back release, for `plan --equipment ball` once the others feel easy",
    ),
    (
        "ball-belly-kneeling",
        "a loaded forward fold; the routines use the gentler sphinx version",
    ),
    ("prone-breathing", "a finish for plans that end face down"),
    (
        "forearm-plank-toes",
        "the harder step of the forearm plank on the knees, done in its place from level 2",
    ),
    (
        "marching-bridge",
        "the harder step of the slow bridge, done in its place from level 2",
    ),
    (
        "single-leg-bridge",
        "the hardest step of the bridge, done in its place at level 3",
    ),
    (
        "thomas-stretch",
        "needs a bed, so it comes only in plans made with `--equipment bed`",
    ),
];

/// Whether a plan ends with breathing, or with breathing and then a guided
/// way back up (off a bed), which is a transfer, not more work.
fn ends_with_breathing(plan: &Plan<'_>) -> bool {
    let holds = plan.holds();
    let mut kinds = holds.iter().rev().map(|h| h.exercise.kind);
    match kinds.next() {
        Some(Kind::Breathing) => true,
        Some(Kind::Transfer) => kinds.next() == Some(Kind::Breathing),
        _ => false,
    }
}

fn builtin() -> Library {
    let loaded = load(&Sources {
        builtin: true,
        ..Sources::default()
    });
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.library
}

fn movements(e: &Exercise) -> &'static [Movement] {
    MOVEMENTS
        .iter()
        .find(|(id, _)| *id == e.id)
        .map_or_else(|| panic!("classify `{}` in MOVEMENTS", e.id), |(_, m)| *m)
}

fn settings(conditions: &[Condition]) -> PlanSettings {
    PlanSettings {
        conditions: conditions.to_vec(),
        ..PlanSettings::default()
    }
}

#[test]
fn every_exercise_is_classified_once() {
    let library = builtin();
    let ids: BTreeSet<&str> = library.exercises().iter().map(|e| e.id.as_str()).collect();
    let classified: BTreeSet<&str> = MOVEMENTS.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        classified.len(),
        MOVEMENTS.len(),
        "an id is classified twice"
    );
    assert_eq!(ids, classified);
}

#[test]
fn tags_follow_movements() {
    use Condition::*;
    for e in builtin().exercises() {
        let moves = movements(e);
        let does = |m| moves.contains(&m);
        let missing = |wanted: &[Condition]| -> Vec<Condition> {
            wanted
                .iter()
                .copied()
                .filter(|c| !e.avoid_if.contains(c))
                .collect()
        };
        let mut rules: Vec<(&str, Vec<Condition>)> = Vec::new();
        // Bending the low back forward raises the pressure on a disc and the
        // load on a fragile vertebra.
        if does(LumbarFlexion) {
            rules.push(("lumbar flexion", missing(&[HerniatedDisc, Osteoporosis])));
        }
        // Taking the hip behind the body is what the anterior approach
        // forbids, a hip bent past a right angle what the posterior one does.
        if does(HipExtension) || does(DeepHipFlexion) {
            rules.push(("hip extension or deep flexion", missing(&[HipReplacement])));
        }
        // Back bends narrow the spinal canal.
        if does(BackBend) {
            rules.push(("back bend", missing(&[SpinalStenosis])));
        }
        if does(SideBend) {
            rules.push(("side bend", missing(&[HerniatedDisc])));
        }
        // Impact jars the spine, the knees, a new hip and the pelvic floor.
        if does(Impact) {
            rules.push((
                "impact",
                missing(&[
                    Osteoporosis,
                    KneePain,
                    HerniatedDisc,
                    HipReplacement,
                    Pregnancy,
                    RecentSurgery,
                ]),
            ));
        }
        // Whoever has a reason not to press on the belly, or no wish to,
        // leaves every belly release out with one tag.
        if does(BellyPressure) {
            rules.push(("pressure on the belly", missing(&[Abdominal])));
        }
        // A fragile vertebra is no place for a ball's pressure.
        if does(BallOnBack) {
            rules.push(("ball on the back", missing(&[Osteoporosis])));
        }
        // Kneeling loads the knee; after a hip replacement, getting down to
        // kneel and pushing up again take the hip past a right angle, and
        // kneeling on the operated side takes it behind the body.
        if e.position == Position::Kneeling {
            rules.push(("kneeling", missing(&[KneePain, HipReplacement])));
        }
        if does(KneeLoad) {
            rules.push(("weight on the knees", missing(&[KneePain])));
        }
        // After a hip replacement the leg must not cross the middle of the
        // body, and a narrow stance is where a new hip is least steady.
        if does(FeetInLine) {
            rules.push(("feet in line", missing(&[HipReplacement])));
        }
        // Lying on the back or face down is not for later pregnancy.
        if matches!(e.position, Position::Lying | Position::Prone) && !does(SideLying) {
            rules.push(("on the back or face down", missing(&[Pregnancy])));
        }
        // Lying face down takes the hip into extension.
        if e.position == Position::Prone {
            rules.push(("face down", missing(&[HipReplacement])));
        }
        // Pressure on the belly or back, and rolling, have no place in
        // pregnancy or soon after surgery.
        if e.kind == Kind::BallRelease {
            rules.push(("ball or roller", missing(&[Pregnancy, RecentSurgery])));
        }
        // Soon after surgery only rest, breathing and walking stay.
        if matches!(
            e.kind,
            Kind::Stretch | Kind::Movement | Kind::Transfer | Kind::BallRelease
        ) && !does(Rest)
            && !does(Walk)
        {
            rules.push(("effort", missing(&[RecentSurgery])));
        }
        for (rule, missing) in rules {
            assert!(missing.is_empty(), "{} ({rule}) lacks {missing:?}", e.id);
        }
        // Conversely, no tag without a movement behind it for the tags
        // that follow one movement only.
        if e.avoid_if.contains(&SpinalStenosis) {
            assert!(does(BackBend), "{} is tagged spinal-stenosis", e.id);
        }
        if e.avoid_if.contains(&Osteoporosis) {
            assert!(
                does(LumbarFlexion) || does(Impact) || does(BallOnBack),
                "{} is tagged osteoporosis",
                e.id
            );
        }
        assert_eq!(
            e.impact == Impact::High,
            does(Impact),
            "{}: impact and movement agree",
            e.id
        );
    }
}

/// No exercise takes the hip past a right angle without saying so.
#[test]
fn deep_hip_flexion_is_said() {
    for e in builtin().exercises() {
        if movements(e).contains(&DeepHipFlexion) {
            assert!(
                e.cautions
                    .iter()
                    .any(|c| c.text.contains("past a right angle")),
                "{} does not say it bends the hip past a right angle",
                e.id
            );
        }
    }
}

/// Joints loosen in pregnancy: every stretch that pregnancy leaves in and
/// that takes a joint toward the end of its range says how far to go.
#[test]
fn stretches_kept_in_pregnancy_say_how_far() {
    for e in builtin().exercises() {
        let moves = movements(e);
        let toward_the_end = [HipExtension, DeepHipFlexion, SideBend]
            .iter()
            .any(|m| moves.contains(m));
        if e.kind == Kind::Stretch && toward_the_end && !e.avoid_if.contains(&Condition::Pregnancy)
        {
            assert!(
                e.cautions
                    .iter()
                    .any(|c| c.text.starts_with("In pregnancy") && c.text.contains("mild pull")),
                "{} has no pregnancy caution",
                e.id
            );
        }
    }
}

/// Pelvic girdle pain is common in pregnancy, and a split stance loads the
/// pelvis unevenly: every one that pregnancy leaves in says what to do if
/// the pelvis hurts, to whom it concerns.
#[test]
fn split_stances_kept_in_pregnancy_say_what_to_do_if_the_pelvis_hurts() {
    let mut checked = 0;
    for e in builtin().exercises() {
        if movements(e).contains(&SplitStance) && !e.avoid_if.contains(&Condition::Pregnancy) {
            assert!(
                e.cautions.iter().any(|c| c.said
                    == crate::library::Said::With(Condition::Pregnancy)
                    && c.text.contains("pelvis hurts")
                    && c.text.contains("shorten the stance or leave this out")),
                "{} says nothing of pelvic girdle pain",
                e.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked} split stances kept in pregnancy");
}

/// Changing knees in a half-kneel and moving the cushion, rolling over to
/// the other side, or moving a ball across the spine takes a stiff person
/// longer than a routine's short prep: such exercises give the change of
/// sides time of its own.
#[test]
fn changing_sides_has_time_of_its_own() {
    for e in builtin().exercises().iter().filter(|e| e.each_side) {
        let least = if movements(e).contains(&SideLying) {
            15
        } else if e.position == Position::Kneeling && e.kind == Kind::Stretch
            || e.kind == Kind::BallRelease
        {
            10
        } else {
            0
        };
        assert!(
            e.switch_sides >= least,
            "{}: {} s to change sides, not {least}",
            e.id,
            e.switch_sides
        );
    }
}

/// A breathing hold ends on a whole breath, out-breath last, rather than cut
/// off halfway through breathing in.
#[test]
fn breathing_holds_end_on_a_whole_breath() {
    let library = builtin();
    let mut cut = Vec::new();
    for routine in library.routines() {
        let plan = Plan::build(routine, &library, &settings(&[])).unwrap();
        for hold in plan.holds() {
            let pace = hold.breathing.inhale + hold.breathing.exhale;
            if hold.exercise.kind == Kind::Breathing && hold.hold % pace != 0 {
                cut.push(format!(
                    "{}: {} holds {} s at {} s a breath",
                    routine.id, hold.exercise.id, hold.hold, pace
                ));
            }
        }
    }
    cut.dedup();
    assert!(cut.is_empty(), "{cut:#?}");
}

/// After a hip replacement a low seat bends the hip past a right angle:
/// every seated exercise kept for it says how high to sit, to whom it
/// concerns.
#[test]
fn seats_kept_after_a_hip_replacement_say_how_high() {
    for e in builtin().exercises() {
        if e.position == Position::Seated && !e.avoid_if.contains(&Condition::HipReplacement) {
            assert!(
                e.cautions.iter().any(|c| c.said
                    == crate::library::Said::With(Condition::HipReplacement)
                    && c.text.contains("hips stay above your knees")),
                "{} does not say how high to sit after a hip replacement",
                e.id
            );
        }
    }
}

/// What an exercise says to do never asks for what a condition it is kept
/// for rules out: no lying on the back or face down in pregnancy, no
/// kneeling with knee pain, no impact for anyone the tags protect from it.
#[test]
fn exercises_kept_for_a_condition_never_ask_for_what_it_rules_out() {
    use Condition::*;
    let rules: &[(Condition, &[&str])] = &[
        (
            Pregnancy,
            &["on your back", "onto your back", "face down", "jump", "jog"],
        ),
        (KneePain, &["kneel", "on your knee"]),
        (RecentSurgery, &["jump", "jog"]),
        (Osteoporosis, &["jump", "jog"]),
        (HipReplacement, &["jump", "jog"]),
    ];
    for e in builtin().exercises() {
        let said = e
            .setup
            .iter()
            .chain(&e.cues)
            .chain(e.phases.iter().map(|p| &p.cue))
            .map(|s| s.to_lowercase());
        for line in said {
            for (condition, words) in rules {
                if e.avoid_if.contains(condition) {
                    continue;
                }
                for word in *words {
                    assert!(
                        !line.contains(word),
                        "{} is kept with {condition} but says `{line}`",
                        e.id
                    );
                }
            }
        }
    }
}

/// Spinal stenosis narrows when the low back arches: every hip-flexor
/// stretch and face-down position the tag leaves in says what to do if it
/// pinches there.
#[test]
fn what_stenosis_keeps_says_what_to_do_if_it_pinches() {
    for e in builtin().exercises() {
        let stretch = e.kind == Kind::Stretch && movements(e).contains(&HipExtension);
        if (stretch || e.position == Position::Prone)
            && !e.avoid_if.contains(&Condition::SpinalStenosis)
        {
            assert!(
                e.cautions
                    .iter()
                    .any(|c| c.text.contains("pinches your low back")),
                "{} does not say what to do if it pinches the low back",
                e.id
            );
        }
    }
}

/// Slow breathing lying down can leave a person light-headed: a breathing
/// exercise on the floor says how to get up from it.
#[test]
fn breathing_on_the_floor_says_how_to_get_up() {
    for e in builtin().exercises() {
        if e.kind == Kind::Breathing && matches!(e.position, Position::Lying | Position::Prone) {
            assert!(
                e.cautions.iter().any(|c| c.text.contains("up slowly")),
                "{} does not say how to get up",
                e.id
            );
        }
    }
}

/// The stop rule is said once before a run's first hold and written once on
/// a sheet (`words::STOP_RULE`); an exercise repeating it as a caution would
/// have it said again before every exercise, drowning its own cautions.
#[test]
fn no_exercise_repeats_the_stop_rule_as_a_caution() {
    // The rule's own words, however a caution goes on.
    let generic = "Stop if you feel sharp, shooting or spreading pain";
    for e in builtin().exercises() {
        assert!(
            !e.cautions.iter().any(|c| c.text.starts_with(generic)),
            "{} repeats the stop rule",
            e.id
        );
    }
}

#[test]
fn the_belly_releases_name_every_contraindication() {
    for e in builtin()
        .exercises()
        .iter()
        .filter(|e| e.id.starts_with("ball-belly"))
    {
        let cautions: Vec<&str> = e.cautions.iter().map(|c| c.text.as_str()).collect();
        let cautions = cautions.join(" ");
        for words in [
            "pulse",
            "hernia",
            "aneurysm",
            "blood thinners",
            "belly pain you cannot explain or a fever",
            "bowel inflammation",
            "Caesarean",
            "show you the spot first",
        ] {
            assert!(cautions.contains(words), "{} lacks `{words}`", e.id);
        }
        assert!(
            e.phases[0].cue.contains("no pulse"),
            "{}: the pulse check is heard",
            e.id
        );
    }
}

/// Pressing on the belly is not for everyone and never a surprise: a plan
/// holds a belly release only when asked for it by name, and it needs a
/// soft ball, which is what a run says to have at hand.
#[test]
fn belly_work_is_planned_only_by_name_with_a_soft_ball() {
    for e in builtin().exercises() {
        let on_the_belly = e.id.starts_with("ball-belly");
        assert_eq!(e.by_name, on_the_belly, "{}", e.id);
        assert_eq!(
            e.equipment.contains(&Equipment::SoftBall),
            on_the_belly,
            "{}",
            e.id
        );
        if on_the_belly {
            assert!(!e.equipment.contains(&Equipment::Ball), "{}", e.id);
        }
    }
}

/// An exercise that needs time of its own to change sides says how to.
#[test]
fn a_slow_change_of_sides_says_how() {
    for e in builtin().exercises() {
        if e.switch_sides >= 10 {
            assert!(
                e.switch_hint.is_some(),
                "{} does not say how to change sides",
                e.id
            );
        }
    }
}

#[test]
fn every_exercise_lists_what_it_needs() {
    for e in builtin().exercises() {
        let setup = e
            .setup
            .iter()
            .chain(e.phases.iter().map(|p| &p.cue))
            .map(|s| s.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let needs = |q| e.equipment.contains(&q);
        if setup.contains(" ball") {
            assert!(
                needs(Equipment::Ball) || needs(Equipment::SoftBall),
                "{} uses a ball",
                e.id
            );
        }
        if setup.contains("foam roller") {
            assert!(needs(Equipment::FoamRoller), "{} uses a roller", e.id);
        }
        if setup.contains("strap") {
            assert!(needs(Equipment::Strap), "{} uses a strap", e.id);
        }
        // "On a bed or the floor" offers the floor; a bed edge needs a bed.
        if setup.contains("bed") && !setup.contains("bed or the floor") {
            assert!(needs(Equipment::Bed), "{} uses a bed", e.id);
        }
        if e.position == Position::Seated {
            assert!(needs(Equipment::Chair), "{} is done on a chair", e.id);
        }
    }
}

/// The words of a line, lower case and without punctuation.
fn words(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Set-up lines are said while the person gets into position: each is
/// short, and all of them together take no longer to say than that time,
/// about 15 seconds at a speech program's usual pace of some 175 words a
/// minute.
const MOST_WORDS_A_LINE: usize = 22;
const MOST_SETUP_WORDS: usize = 45;

/// By ear, the first set-up line is often all there is time to hear: it
/// names the working side, and for a ball or roller where it goes.
#[test]
fn the_first_setup_line_works_by_ear() {
    for e in builtin().exercises() {
        let first = words(&e.setup[0]);
        let has = |w: &str| first.iter().any(|f| f == w);
        if e.each_side {
            assert!(has("left"), "{}: no side in `{}`", e.id, e.setup[0]);
        }
        if e.equipment.contains(&Equipment::Ball) || e.equipment.contains(&Equipment::SoftBall) {
            assert!(has("ball"), "{}: no ball in `{}`", e.id, e.setup[0]);
            assert!(
                has("spine") || has("navel"),
                "{}: no place for the ball in `{}`",
                e.id,
                e.setup[0]
            );
        }
        if e.equipment.contains(&Equipment::FoamRoller) {
            assert!(
                has("roller") && has("thigh"),
                "{}: no roller or place in `{}`",
                e.id,
                e.setup[0]
            );
        }
    }
}

#[test]
fn setup_lines_are_short_enough_to_say() {
    for e in builtin().exercises() {
        let mut total = 0;
        for line in &e.setup {
            let n = words(line).len();
            assert!(n <= MOST_WORDS_A_LINE, "{}: {n} words in `{line}`", e.id);
            total += n;
        }
        assert!(
            total <= MOST_SETUP_WORDS,
            "{}: {total} words of set-up",
            e.id
        );
    }
}

/// What is said during a hold fits it, so that the timeline never has to
/// leave a cue out or say one over another: a cue is one short sentence,
/// there is at most one for each 10 s of a hold (three in a 30-s hold), a
/// phase's cue is said within its phase, and a phase of 10 s or less says
/// its own cue only, so a paced movement or a transfer has no other cues.
/// The timeline's own rule is tested on every routine in
/// `runner::heard_whole`.
#[test]
fn what_is_said_in_a_hold_fits_it() {
    use crate::engine::{Pace, word_count};
    const MOST_CUE_WORDS: usize = 12;
    for e in builtin().exercises() {
        for cue in &e.cues {
            let n = word_count(cue);
            assert!(n <= MOST_CUE_WORDS, "{}: {n} words in `{cue}`", e.id);
        }
        for phase in &e.phases {
            let said = Pace::DEFAULT.time_to_say(word_count(&phase.cue));
            assert!(
                said < std::time::Duration::from_secs(phase.hold.into()),
                "{}: `{}` takes {said:?} to say, in {} s",
                e.id,
                phase.cue,
                phase.hold
            );
        }
        if e.has_phases() {
            if e.phases.iter().all(|p| p.hold <= 10) {
                assert_eq!(e.cues, Vec::<String>::new(), "{}: nothing extra", e.id);
            }
        } else {
            assert!(
                e.cues.len() as u32 <= e.hold / 10,
                "{}: {} cues in {} s",
                e.id,
                e.cues.len(),
                e.hold
            );
        }
    }
}

/// Cues and phases are said on both sides, so for a two-sided exercise they
/// name neither: "the back knee", never "the left knee".
#[test]
fn what_is_said_on_both_sides_names_no_side() {
    for e in builtin().exercises().iter().filter(|e| e.each_side) {
        for line in e.cues.iter().chain(e.phases.iter().map(|p| &p.cue)) {
            let said = words(line);
            assert!(
                !said.iter().any(|w| w == "left" || w == "right"),
                "{}: `{line}` names a side",
                e.id
            );
        }
    }
}

/// A bridge or a pelvic tilt is a few short efforts with rests between, and
/// getting down to the floor a few short steps, each its own phase, so the
/// timer and the voice pace it.
#[test]
fn movements_are_short_paced_efforts() {
    let paced = |e: &&Exercise| matches!(e.kind, Kind::Movement | Kind::Transfer);
    for e in builtin().exercises().iter().filter(paced) {
        assert!(e.phases.len() >= 3, "{} is paced by phases", e.id);
        for p in &e.phases {
            assert!(p.hold <= 10, "{}: `{}` lasts {} s", e.id, p.cue, p.hold);
        }
    }
    let library = builtin();
    for id in ["glute-bridge", "standing-pelvic-tilt", "seated-pelvic-tilt"] {
        assert_eq!(library.exercise(id).unwrap().kind, Kind::Movement, "{id}");
    }
}

/// Every routine under every condition: what is left still ends with
/// breathing, or nothing is left and `run` says so.
#[test]
fn every_routine_under_every_condition_ends_with_breathing() {
    let library = builtin();
    // No condition, each one, and each pair.
    let all = Condition::ALL;
    let sets: Vec<Vec<Condition>> = std::iter::once(Vec::new())
        .chain(all.iter().map(|c| vec![*c]))
        .chain(
            all.iter()
                .enumerate()
                .flat_map(|(i, a)| all[i + 1..].iter().map(move |b| vec![*a, *b])),
        )
        .collect();
    for routine in library.routines() {
        for conditions in &sets {
            match Plan::build(routine, &library, &settings(conditions)) {
                Ok(plan) => {
                    // The side check is a measure taken, not a session, and
                    // the micro break a pause in sitting, its stretch paced
                    // by the breath.
                    assert!(
                        routine.is_side_check()
                            || routine.id == MICRO_BREAK
                            || ends_with_breathing(&plan),
                        "{} with {conditions:?} does not end with breathing",
                        routine.id
                    );
                    // Kneeling is left out wherever the tags that rule it
                    // out are given, the ways down included.
                    if conditions.contains(&Condition::KneePain)
                        || conditions.contains(&Condition::HipReplacement)
                    {
                        assert!(
                            plan.holds()
                                .iter()
                                .all(|h| h.exercise.position != Position::Kneeling),
                            "{} with {conditions:?} kneels",
                            routine.id
                        );
                    }
                    for left in &plan.left_out {
                        assert!(conditions.contains(&left.condition));
                    }
                }
                Err(PlanError::NothingLeft { .. }) => {}
                Err(e) => panic!("{e}"),
            }
        }
    }
}

/// For every condition, at least one routine of eight minutes or more loses
/// nothing to it and ends with breathing.
#[test]
fn every_condition_has_a_whole_routine() {
    let library = builtin();
    for &condition in Condition::ALL {
        let whole: Vec<&str> = library
            .routines()
            .iter()
            .filter(|r| !r.is_side_check())
            .filter(|r| {
                let plan = Plan::build(r, &library, &settings(&[condition])).unwrap();
                plan.left_out.is_empty() && plan.total() >= 8 * 60 && ends_with_breathing(&plan)
            })
            .map(|r| r.id.as_str())
            .collect();
        assert!(!whole.is_empty(), "no whole routine for {condition}");
    }
}

#[test]
fn the_routines_keep_their_promises() {
    let library = builtin();
    let routine = |id: &str| library.routine(id).unwrap();
    let exercises = |id: &str| -> Vec<&Exercise> {
        routine(id)
            .steps
            .iter()
            .map(|s| library.exercise(&s.exercise).unwrap())
            .collect()
    };
    let total = |id: &str, conditions: &[Condition]| {
        Plan::build(routine(id), &library, &settings(conditions))
            .unwrap()
            .total()
    };
    // The chair routine never goes to the floor and stretches sitting down.
    let chair = exercises("chair");
    assert!(
        chair
            .iter()
            .all(|e| matches!(e.position, Position::Standing | Position::Seated))
    );
    assert!(
        chair
            .iter()
            .any(|e| e.position == Position::Seated && e.kind == Kind::Stretch)
    );
    assert!(total("chair", &[]) >= 5 * 60);
    // Each routine the manual offers for a condition loses nothing to it,
    // lasts eight minutes or more, and ends with breathing.
    for (id, condition) in [
        ("pregnancy", Condition::Pregnancy),
        ("gentle-back", Condition::HerniatedDisc),
        ("gentle-back", Condition::Osteoporosis),
        ("gentle-back", Condition::SpinalStenosis),
        ("chair", Condition::KneePain),
        ("rest-and-breathe", Condition::RecentSurgery),
        ("rest-and-breathe", Condition::HipReplacement),
        ("hip-replacement", Condition::HipReplacement),
        ("strong-bones", Condition::Osteoporosis),
    ] {
        let plan = Plan::build(routine(id), &library, &settings(&[condition])).unwrap();
        assert!(plan.left_out.is_empty(), "{id} with {condition}");
        assert!(plan.total() >= 8 * 60, "{id} lasts {}", plan.total());
        assert!(ends_with_breathing(&plan), "{id}");
    }
    // The disc-friendly routine bends the back neither way.
    for e in exercises("gentle-back") {
        let moves = movements(e);
        assert!(
            !moves.contains(&LumbarFlexion) && !moves.contains(&BackBend),
            "{}",
            e.id
        );
    }
    // After a hip replacement: never on the floor, where getting down
    // would take the hip past a right angle; lying work is on a bed, with
    // a guided way onto it before the first lying step and off it at the
    // end, so a run says the bed is needed and where to lie.
    let hip = exercises("hip-replacement");
    assert!(
        hip.iter()
            .all(|e| !matches!(e.position, Position::Kneeling | Position::Prone))
    );
    let first_lying = hip.iter().position(|e| e.position == Position::Lying);
    assert_eq!(first_lying.map(|i| hip[i].id.as_str()), Some("onto-a-bed"));
    assert_eq!(hip.last().unwrap().id, "up-from-a-bed");
    let plan = Plan::build(
        routine("hip-replacement"),
        &library,
        &settings(&[Condition::HipReplacement]),
    )
    .unwrap();
    assert!(plan.equipment().contains(&Equipment::Bed));
    // After surgery: a walk, then rest and breathing only; walking is the
    // first advice for low back pain, so the gentle routine walks too.
    let rest = exercises("rest-and-breathe");
    assert_eq!(rest[0].id, "walking-break");
    assert!(rest[1..].iter().all(|e| e.kind == Kind::Breathing));
    assert_eq!(exercises("gentle-back")[0].id, "walking-break");
    // Strength as well as suppleness: the core routine holds the plank
    // family, and bone health has a routine of strength and balance that
    // loses nothing to osteoporosis.
    let core: Vec<&str> = exercises("core").iter().map(|e| e.id.as_str()).collect();
    for id in [
        "wall-plank",
        "forearm-plank-knees",
        "side-plank-knees",
        "dead-bug",
    ] {
        assert!(core.contains(&id), "core lacks {id}");
    }
    let bones: Vec<&str> = exercises("strong-bones")
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    for id in [
        "sit-to-stand",
        "heel-raises",
        "tandem-stance",
        "prone-back-extension",
    ] {
        assert!(bones.contains(&id), "strong-bones lacks {id}");
    }
    // The desk break walks and says how often.
    assert!(
        exercises("desk-break")
            .iter()
            .any(|e| e.id == "walking-break")
    );
    let summary = routine("desk-break").summary.as_deref().unwrap();
    assert!(summary.contains("every hour"), "{summary}");
}

/// Once the person knows every exercise, a routine is mostly holding: the
/// desk break, meant for every hour, fits in four minutes, and getting ready
/// is at most a quarter of the daily routine. The desk break still holds
/// each stretch 30 seconds a side, walks, and breathes slowly.
#[test]
fn once_familiar_a_routine_is_mostly_holding() {
    let library = builtin();
    let once_familiar = |id: &str| {
        let routine = library.routine(id).unwrap();
        let settings = settings(&[]);
        let holding = Plan::build(routine, &library, &settings)
            .unwrap()
            .hold_seconds();
        let total = Plan::familiar_length(routine, &library, &settings).unwrap();
        (total, holding)
    };
    let (desk, _) = once_familiar("desk-break");
    assert!(
        desk <= 4 * 60,
        "the desk break takes {desk} s once familiar"
    );
    let (daily, holding) = once_familiar("daily");
    let ready = daily - holding;
    assert!(
        ready * 4 <= daily,
        "getting ready is {ready} s of the daily routine's {daily} s once familiar"
    );
    let desk_break = library.routine("desk-break").unwrap();
    let plan = Plan::build(desk_break, &library, &settings(&[])).unwrap();
    let holds = plan.holds();
    let kinds: Vec<Kind> = holds.iter().map(|h| h.exercise.kind).collect();
    assert!(kinds.contains(&Kind::WarmUp) && kinds.contains(&Kind::Breathing));
    for hold in holds.iter().filter(|h| h.exercise.kind == Kind::Stretch) {
        assert!(
            hold.exercise.each_side && hold.hold == 30,
            "{}",
            hold.exercise.id
        );
    }
    assert!(holds.iter().any(|h| h.exercise.kind == Kind::Stretch));
}

/// The routine a nudge can offer that is shortest.
const MICRO_BREAK: &str = "micro-break";

/// The micro break a nudge can offer takes under two minutes once familiar:
/// a walk, then the standing psoas stretch on each side. Under every
/// condition it keeps the walk; after a hip replacement, standing pelvic
/// tilts stand in for the stretch, and soon after surgery the walk is all.
#[test]
fn the_micro_break_is_under_two_minutes_and_stands_for_every_condition() {
    let library = builtin();
    let routine = library.routine(MICRO_BREAK).unwrap();
    let familiar = Plan::familiar_length(routine, &library, &settings(&[])).unwrap();
    assert!(
        familiar < 2 * 60,
        "the micro break takes {familiar} s once familiar"
    );
    let held = |conditions: &[Condition]| -> Vec<(String, Option<Side>)> {
        let plan = Plan::build(routine, &library, &settings(conditions)).unwrap();
        plan.holds()
            .iter()
            .map(|h| (h.exercise.id.clone(), h.side))
            .collect()
    };
    let ids = |held: &[(String, Option<Side>)]| -> Vec<String> {
        held.iter().map(|(id, _)| id.clone()).collect()
    };
    let whole = held(&[]);
    assert_eq!(
        whole,
        [
            ("walking-break".to_string(), None),
            ("standing-psoas-stretch".to_string(), Some(Side::Left)),
            ("standing-psoas-stretch".to_string(), Some(Side::Right)),
        ]
    );
    for &condition in Condition::ALL {
        let kept = ids(&held(&[condition]));
        assert_eq!(kept[0], "walking-break", "{condition}");
    }
    assert_eq!(
        ids(&held(&[Condition::HipReplacement])),
        ["walking-break", "standing-pelvic-tilt"]
    );
    assert_eq!(ids(&held(&[Condition::RecentSurgery])), ["walking-break"]);
}

/// The words with which a caution that concerns one condition opens. Such a
/// caution is marked with its condition, so that a run says it only to a
/// person who declared it, and `print` labels it.
const CONDITION_OPENINGS: &[(&str, Condition)] = &[
    ("In pregnancy", Condition::Pregnancy),
    ("With osteoporosis", Condition::Osteoporosis),
    ("After a hip replacement", Condition::HipReplacement),
    ("Soon after surgery", Condition::RecentSurgery),
    ("With a disc problem", Condition::HerniatedDisc),
    ("With spinal stenosis", Condition::SpinalStenosis),
    ("With knee pain", Condition::KneePain),
];

#[test]
fn cautions_for_one_condition_are_marked_with_it() {
    for e in builtin().exercises() {
        for c in &e.cautions {
            let opening = CONDITION_OPENINGS
                .iter()
                .find(|(words, _)| c.text.starts_with(words));
            match (opening, c.said) {
                (Some(&(_, condition)), said) => assert_eq!(
                    said,
                    Said::With(condition),
                    "{}: `{}` is for {condition} only",
                    e.id,
                    c.text
                ),
                (None, Said::With(condition)) => panic!(
                    "{}: `{}` is marked for {condition} but does not open by naming it",
                    e.id, c.text
                ),
                (None, _) => {}
            }
            // Left out with the condition, the exercise would never say it.
            if let Said::With(condition) = c.said {
                assert!(
                    !e.avoid_if.contains(&condition),
                    "{}: `{}` is never said: the exercise is left out with {condition}",
                    e.id,
                    c.text
                );
            }
        }
    }
}

/// A summary that named a length would be wrong once conditions leave steps
/// out, or the person's own prep time changes it; the sheet gives the length.
#[test]
fn summaries_name_no_length() {
    for r in builtin().routines() {
        let summary = r.summary.as_deref().unwrap_or("").to_lowercase();
        for word in ["minute", "half an hour", "hour-long", "about "] {
            assert!(!summary.contains(word), "{}: `{word}` in {summary}", r.id);
        }
    }
}

#[test]
fn the_warm_up_is_low_impact_unless_asked_to_be_brisk() {
    let library = builtin();
    let ids = |conditions: &[Condition], impact| -> Vec<String> {
        Plan::warm_up(&library, &settings(conditions), impact)
            .map(|p| p.holds().iter().map(|h| h.exercise.id.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        ids(&[], Impact::Low),
        ["march-in-place", "step-jacks", "hip-circles"]
    );
    assert_eq!(
        ids(&[], Impact::High),
        ["march-in-place", "jog-in-place", "jumping-jacks"]
    );
    // Soon after surgery the guided warm-up is a walk, as the reminder says.
    for impact in [Impact::Low, Impact::High] {
        assert_eq!(ids(&[Condition::RecentSurgery], impact), ["walking-break"]);
    }
    for &condition in Condition::ALL {
        for impact in [Impact::Low, Impact::High] {
            for id in ids(&[condition], impact) {
                let e = library.exercise(&id).unwrap();
                assert!(!e.avoid_if.contains(&condition), "{id} with {condition}");
                if impact == Impact::Low {
                    assert_eq!(e.impact, Impact::Low, "{id} with {condition}");
                }
            }
        }
    }
}

/// Where a condition leaves out the way down to the floor but floor steps
/// remain, they are done on a bed: the way onto a bed comes in its place,
/// just before them, the bed is among what is needed, and the line that
/// names the way down left out says so.
#[test]
fn with_no_way_down_the_floor_steps_are_done_on_a_bed() {
    let library = builtin();
    for routine in library.routines() {
        let floor_steps = |plan: &Plan<'_>| {
            plan.holds().iter().any(|h| {
                h.exercise.position >= Position::Kneeling && h.exercise.kind != Kind::Transfer
            })
        };
        for &condition in &[Condition::KneePain, Condition::HipReplacement] {
            let Ok(plan) = Plan::build(routine, &library, &settings(&[condition])) else {
                continue;
            };
            let way_down_left_out = plan
                .left_out
                .iter()
                .find(|l| l.exercise.id == "getting-down-to-the-floor");
            let Some(left) = way_down_left_out else {
                continue;
            };
            let holds = plan.holds();
            let first_floor = holds.iter().position(|h| {
                h.exercise.position >= Position::Kneeling && h.exercise.kind != Kind::Transfer
            });
            if floor_steps(&plan) {
                assert_eq!(
                    left.instead.map(|e| e.id.as_str()),
                    Some("onto-a-bed"),
                    "{}",
                    routine.id
                );
                let first_floor = first_floor.unwrap();
                assert_eq!(
                    holds[first_floor - 1].exercise.id,
                    "onto-a-bed",
                    "{}",
                    routine.id
                );
                assert!(plan.equipment().contains(&Equipment::Bed), "{}", routine.id);
                assert!(
                    crate::words::left_out_line(left).ends_with(
                        "In its place: Onto a firm bed (onto-a-bed); do the lying steps there."
                    ),
                    "{}",
                    routine.id
                );
            } else {
                assert_eq!(left.instead, None, "{}", routine.id);
            }
        }
    }
    // Soon after surgery the bed transfer does not suit either: nothing takes
    // the way down's place.
    let plan = Plan::build(
        library.routine("daily").unwrap(),
        &library,
        &settings(&[Condition::RecentSurgery]),
    )
    .unwrap();
    assert!(plan.left_out.iter().all(|l| l.instead.is_none()));
}

/// A family of variants is a ladder: each step names the next harder one
/// and is named back as its easier one, in the same position and of the same
/// kind, so that a level never moves a person from standing to the floor in
/// the middle of a routine.
#[test]
fn variants_make_ladders_in_one_position() {
    let library = builtin();
    let mut harder_steps = 0;
    for e in library.exercises() {
        if let Some(id) = &e.harder {
            let harder = library.exercise(id).unwrap();
            assert_eq!(harder.easier.as_deref(), Some(e.id.as_str()), "{id}");
            assert_eq!(harder.position, e.position, "{} -> {id}", e.id);
            assert_eq!(harder.kind, e.kind, "{} -> {id}", e.id);
            harder_steps += 1;
        }
        if let Some(id) = &e.easier {
            let easier = library.exercise(id).unwrap();
            assert_eq!(easier.harder.as_deref(), Some(e.id.as_str()), "{id}");
        }
    }
    assert!(harder_steps >= 5, "{harder_steps} harder variants");
}

/// Levels move to harder variants: the daily routine's half-kneeling
/// stretch becomes the low lunge and its bridge the marching bridge at level
/// 2 and the single-leg bridge at level 3, where the person's conditions
/// allow; the floor routine, which does both the stretch and the lunge,
/// keeps both rather than lunging twice.
#[test]
fn levels_move_to_harder_variants() {
    use crate::engine::Level;
    let library = builtin();
    let ids = |routine: &str, level: Level, conditions: &[Condition]| -> Vec<String> {
        let settings = PlanSettings {
            level,
            ..settings(conditions)
        };
        Plan::build(library.routine(routine).unwrap(), &library, &settings)
            .unwrap()
            .holds()
            .iter()
            .map(|h| h.exercise.id.clone())
            .collect()
    };
    let daily1 = ids("daily", Level::One, &[]);
    let daily2 = ids("daily", Level::Two, &[]);
    let daily3 = ids("daily", Level::Three, &[]);
    for (one, two, three) in [
        ("kneeling-psoas-stretch", "low-lunge", "low-lunge"),
        ("glute-bridge", "marching-bridge", "single-leg-bridge"),
        (
            "all-fours-leg-reach",
            "all-fours-arm-leg-reach",
            "all-fours-arm-leg-reach",
        ),
    ] {
        assert!(daily1.iter().any(|i| i == one), "{one} at level 1");
        assert!(daily2.iter().any(|i| i == two), "{two} at level 2");
        assert!(daily3.iter().any(|i| i == three), "{three} at level 3");
        assert!(!daily3.iter().any(|i| i == one), "{one} at level 3");
    }
    // The low lunge arches the back: with a disc problem the half-kneeling
    // stretch stays at every level.
    let disc = ids("daily", Level::Three, &[Condition::HerniatedDisc]);
    assert!(disc.iter().any(|i| i == "kneeling-psoas-stretch"));
    assert!(!disc.iter().any(|i| i == "low-lunge"));
    let floor2 = ids("floor", Level::Two, &[]);
    assert!(floor2.iter().any(|i| i == "kneeling-psoas-stretch"));
}

#[test]
fn no_exercise_is_in_no_routine_without_a_reason() {
    let library = builtin();
    let used: BTreeSet<&str> = library
        .routines()
        .iter()
        .flat_map(|r| r.steps.iter().map(|s| &*s.exercise))
        .collect();
    for e in library.exercises() {
        let reason = IN_NO_ROUTINE.iter().find(|(id, _)| *id == e.id);
        let in_a_routine = used.contains(e.id.as_str());
        if e.kind == Kind::WarmUp {
            continue;
        }
        assert!(
            in_a_routine != reason.is_some(),
            "{}: in a routine {in_a_routine}, reason given {reason:?}",
            e.id
        );
    }
}

/// The manual's table of tags names every tag, so none goes unexplained.
#[test]
fn the_manual_explains_every_tag() {
    let page = include_str!("../docs/conditions.md");
    for c in Condition::ALL {
        let row = format!("| `{}` |", c.name());
        assert!(page.contains(&row), "no row for {c} in docs/conditions.md");
    }
}

/// The side check compares the sides: both alike, whatever the tighter side,
/// kneeling, and standing in its place with knee pain, said so.
#[test]
fn the_side_check_holds_both_sides_alike_and_stands_with_knee_pain() {
    let library = builtin();
    let routine = library.routine(Routine::SIDE_CHECK).unwrap();
    let held = |plan: &Plan<'_>| -> Vec<(String, Option<Side>)> {
        plan.holds()
            .iter()
            .map(|h| (h.exercise.id.clone(), h.side))
            .collect()
    };
    let tighter = PlanSettings {
        tighter_side: Some(Side::Left),
        ..settings(&[])
    };
    let plan = Plan::build(routine, &library, &tighter).unwrap();
    let kneeling = "kneeling-psoas-stretch".to_string();
    assert_eq!(
        held(&plan),
        [
            (kneeling.clone(), Some(Side::Left)),
            (kneeling, Some(Side::Right))
        ]
    );
    let plan = Plan::build(routine, &library, &settings(&[Condition::KneePain])).unwrap();
    let standing = "standing-psoas-stretch".to_string();
    assert_eq!(
        held(&plan),
        [
            (standing.clone(), Some(Side::Left)),
            (standing, Some(Side::Right))
        ]
    );
    assert_eq!(
        crate::words::left_out_line(&plan.left_out[0]),
        "Left out: Half-kneeling psoas stretch (kneeling-psoas-stretch), to avoid with knee pain or \
         a knee injury (kneeling positions). In its place: Standing psoas stretch (standing-psoas-stretch)."
    );
}

/// Every built-in exercise has a figure, and every figure, its phases'
/// too, stands on its floor: a prop that is a support meets the ground,
/// nothing of the body is drawn below it, and each part it says rests
/// touches the floor or the prop under it.
#[test]
fn every_built_in_exercise_has_a_figure() {
    use crate::figure::Scene;
    let library = builtin();
    let missing: Vec<&str> = library
        .exercises()
        .iter()
        .filter(|e| e.figure.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(missing, Vec::<&str>::new(), "exercises without a figure");
    let figures = library.exercises().iter().flat_map(|e| {
        e.figure
            .iter()
            .chain(e.phases.iter().filter_map(|p| p.figure.as_ref()))
            .map(move |f| (e, f))
    });
    for (exercise, figure) in figures {
        for side in [Side::Left, Side::Right] {
            let scene = Scene::of(figure, side);
            // Half the floor line's width below 0, no more.
            assert!(
                scene.min.y > -0.03,
                "{} reaches below the floor",
                exercise.id
            );
            assert!(
                scene.height() > 0.1 && scene.width() > 0.2,
                "{}",
                exercise.id
            );
        }
        // It says what it rests on, and rests there: no part it names is in
        // the air.
        assert!(
            !figure.rests.is_empty(),
            "{} says nothing rests",
            exercise.id
        );
        assert_eq!(
            crate::figure::contact::floating(figure),
            [],
            "{} has a resting part in the air",
            exercise.id
        );
    }
}
