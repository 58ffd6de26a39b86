//! Fixed sentences the program says in more than one place: the safety
//! notice, the rule that holds for every exercise, the warm-up reminder, whose
//! words fit the person's conditions, what a routine needs at hand, what
//! it leaves out for a condition, a routine's length the first time and once
//! familiar, a caution as the sheet lists it, and what a hold and a breath
//! are called aloud. Keeping them here keeps the sheet, the runner, the
//! engine's timing of what is said and the README saying the same thing.
//! What the end of a session says of its record is in [`after_session`],
//! every sentence of the desk reminder in [`remind`], what `config init` says
//! in [`config`], what is said when a file or a routine cannot be loaded in
//! [`load`], the headings and notes of a printed routine in [`sheet`], and
//! what `psoas show` says when it cannot in [`show`].
//!
//! The engine counts the words of the sentences here to time what is said,
//! so this file takes from the engine only its leaf facts (a segment, a
//! breath, a step left out), never the plan or the timeline; the run's
//! events are worded in [`run`], above the engine (see `engine/mod.rs`).

pub(crate) mod after_session;
pub(crate) mod config;
pub(crate) mod load;
pub(crate) mod man;
pub(crate) mod remind;
pub(crate) mod run;
pub(crate) mod sheet;
pub(crate) mod show;

use crate::engine::{BreathDirection, LeftOut, Segment, SegmentKind};
use crate::format::clock;
use crate::library::{Caution, Condition, Equipment, Exercise, Kind, Said, Side};

/// Shown at the end of `--help`, on printed sheets and before the first run.
/// The red flags are the signs that back pain needs a doctor the same day.
pub(crate) const SAFETY_NOTICE: &str = "\
psoas is not medical advice. Move gently and never bounce. Stop at once on \
sharp, shooting or radiating pain, numbness or tingling. See a doctor or \
physiotherapist before starting if you have a back or hip condition, are \
pregnant, or have had recent surgery, and if your pain is not getting better \
within a few weeks. Get urgent medical help if back pain comes with new \
trouble passing urine or holding in urine or stools, numbness around the \
genitals, buttocks or inner thighs, weakness in a leg that is getting worse, \
a fever or weight loss you cannot explain, or if it started with a fall.";

/// The rule that holds for every exercise: said once before the routine's
/// first hold in a run, printed once before a sheet's first step and after
/// the cautions `psoas show` lists, rather than repeated as every exercise's
/// caution.
pub(crate) const STOP_RULE: &str = "Throughout, move gently and never bounce; stop at once on sharp, \
shooting or radiating pain, numbness or tingling.";

/// A routine's length the first time and once the person knows its
/// exercises: "16:25 the first time, 11:40 once familiar", or one length
/// when both are the same.
pub(crate) fn lengths(first_time: u32, familiar: u32) -> String {
    if first_time == familiar {
        clock(first_time)
    } else {
        format!(
            "{} the first time, {} once familiar",
            clock(first_time),
            clock(familiar)
        )
    }
}

/// A caution as `print` and `show` list it: every caution, each that
/// concerns one condition or is always said labelled so, since a run says it
/// only to a person with that condition, or even when it is brief.
pub(crate) fn caution_listed(caution: &Caution) -> String {
    match caution.said {
        Said::Full => caution.text.clone(),
        Said::Always => format!("{} (always said)", caution.text),
        Said::With(condition) => format!("{} (for {condition})", caution.text),
    }
}

/// Why to warm up, in one line, for everyone not just out of surgery: a walk
/// or a gentle march, nothing with impact; jogging is only for those who ask
/// for a brisk warm-up.
const WARM_UP_REASON: &str = "\
Warm muscles stretch further and more safely: walk about or march gently on the spot for two or three minutes first.";

/// The warm-up reminder after surgery, in place of [`WARM_UP_REASON`]: in the
/// first weeks even marching may be more than the surgeon allows.
const AFTER_SURGERY: &str = "\
Soon after surgery, warm up only as your surgeon allows: a few minutes of gentle walking if you are allowed to walk about, and otherwise none.";

/// The words a condition adds to the warm-up reminder, when walking or
/// marching needs care with it. None suggests a march, so each fits after
/// surgery's walk-only opening too.
fn warm_up_care(condition: Condition) -> Option<&'static str> {
    Some(match condition {
        Condition::Pregnancy => {
            "In pregnancy, keep to a pace at which you can still talk, and leave out jogging and jumping."
        }
        Condition::HipReplacement => {
            "After a hip replacement, lift each knee no higher than your hip, and use your walking aid if you still need one."
        }
        Condition::KneePain => {
            "With knee pain, walk on a level floor rather than stairs, with short, easy steps."
        }
        Condition::Osteoporosis => {
            "With osteoporosis, walk on an even floor with a support within reach, and leave out jogging and jumping."
        }
        Condition::SpinalStenosis => {
            "With spinal stenosis, if walking upright brings on leg pain, rest leaning forward on a chair back until it passes."
        }
        Condition::HerniatedDisc => {
            "With a disc problem, keep your steps smooth, and stop if walking sends pain further down a leg."
        }
        Condition::RecentSurgery | Condition::Abdominal => return None,
    })
}

/// The warm-up reminder fitted to the person's conditions: how to warm up,
/// then a sentence of care for each condition that changes how to walk or
/// march, in the library's order of conditions.
pub(crate) fn warm_up_reminder(conditions: &[Condition]) -> String {
    let opening = if conditions.contains(&Condition::RecentSurgery) {
        AFTER_SURGERY
    } else {
        WARM_UP_REASON
    };
    let care = Condition::ALL
        .iter()
        .filter(|c| conditions.contains(c))
        .filter_map(|c| warm_up_care(*c));
    std::iter::once(opening)
        .chain(care)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "You need a sturdy chair and a cushion or folded towel.", or `None` when
/// nothing is needed; said by `print` at the top of a sheet and by `run`
/// before the first hold.
pub(crate) fn needs(equipment: &[Equipment]) -> Option<String> {
    let things: Vec<&str> = equipment.iter().map(|e| e.describe()).collect();
    let (last, rest) = things.split_last()?;
    let list = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Some(format!("You need {list}."))
}

/// "30 s each side" or "40 s".
pub(crate) fn hold_text(exercise: &Exercise, hold: u32) -> String {
    if exercise.each_side {
        format!("{hold} s each side")
    } else {
        format!("{hold} s")
    }
}

/// What a sheet adds to a two-sided stretch's holds for the tighter side:
/// ", then the left once more, the tighter side".
pub(crate) fn once_more_listed(side: Side) -> String {
    format!(", then the {} once more, the tighter side", side.name())
}

/// A figure's title, which screen readers say and a browser shows on
/// hover: "Kneeling psoas stretch, left side".
pub(crate) fn figure_title(name: &str, side: Option<crate::library::Side>) -> String {
    match side {
        Some(side) => format!("{name}, {side} side"),
        None => name.to_string(),
    }
}

/// The title of the figure of a sequence's phase `n` (from 1), the
/// position that phase moves to: "Up from the bed, phase 2".
pub(crate) fn phase_figure_title(
    name: &str,
    n: usize,
    side: Option<crate::library::Side>,
) -> String {
    figure_title(&format!("{name}, phase {n}"), side)
}

/// The caption under a figure of one side on the printed page.
pub(crate) fn side_caption(side: crate::library::Side) -> &'static str {
    match side {
        crate::library::Side::Left => "Left side",
        crate::library::Side::Right => "Right side",
    }
}

/// "Left out: Sphinx (sphinx), to avoid with a herniated or bulging disc in
/// the lower back."
pub(crate) fn left_out_line(left: &LeftOut<'_>) -> String {
    left_out_sentence(left, Some(&left.exercise.id))
}

/// The same without the id, as a voice says it: "Left out: Sphinx, to avoid
/// with ...".
pub(crate) fn left_out_spoken(left: &LeftOut<'_>) -> String {
    left_out_sentence(left, None)
}

fn left_out_sentence(left: &LeftOut<'_>, id: Option<&str>) -> String {
    let shown = id.map(|id| format!(" ({id})")).unwrap_or_default();
    let instead = left
        .instead
        .map(|e| {
            let shown = id.map(|_| format!(" ({})", e.id)).unwrap_or_default();
            // A way onto a bed is where the lying steps are then done.
            let then = if e.kind == Kind::Transfer {
                "; do the lying steps there"
            } else {
                ""
            };
            format!(" In its place: {}{shown}{then}.", e.name)
        })
        .unwrap_or_default();
    format!(
        "Left out: {}{shown}, to avoid with {}.{instead}",
        left.exercise.name,
        left.condition.describe()
    )
}

/// What a voice says as a hold starts, `seconds` long in all: a stretch is
/// held, a warm-up move kept going, a paced movement named as its rounds
/// and a transfer followed step by step, with no hold to count.
pub(crate) fn hold_spoken(exercise: &Exercise, seconds: u32) -> String {
    match exercise.kind {
        Kind::WarmUp => format!("Keep moving for {seconds} seconds"),
        Kind::Movement => rounds(exercise),
        Kind::Transfer => FOLLOW_THE_STEPS.to_string(),
        Kind::Stretch | Kind::BallRelease | Kind::Breathing => {
            format!("Hold for {seconds} seconds")
        }
    }
}

/// What to do before the second side, unless the exercise says otherwise.
const SWITCH_HINT: &str = "Mirror the position on the other side.";

/// How to change sides for `exercise`: its own `switch_hint`, or to mirror
/// the position.
pub(crate) fn switch_hint(exercise: &Exercise) -> &str {
    exercise.switch_hint.as_deref().unwrap_or(SWITCH_HINT)
}

pub(crate) fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Left side",
        Side::Right => "Right side",
    }
}

/// "Get into position", or "Get ready" before a warm-up move.
pub(crate) fn get_ready_words(exercise: &Exercise) -> &'static str {
    if exercise.kind == Kind::WarmUp {
        "Get ready"
    } else {
        "Get into position"
    }
}

/// "Once more on the left, the tighter side": the extra hold after a
/// two-sided stretch's pair.
pub(crate) fn once_more(side: Side) -> String {
    format!("Once more on the {}, the tighter side", side.name())
}

/// What a voice says as a hold begins with its get-ready: the exercise and
/// side, before a right side to switch, or the tighter side once more.
pub(crate) fn step_spoken(segment: &Segment<'_>) -> String {
    if let (true, Some(side)) = (segment.extra, segment.side) {
        return format!("{}.", once_more(side));
    }
    if segment.side == Some(Side::Right) {
        return format!(
            "Switch sides: right side. {}",
            switch_hint(segment.exercise)
        );
    }
    let mut words = match segment.side {
        Some(side) => format!("{}. {}.", segment.exercise.name, side_name(side)),
        None => format!("{}.", segment.exercise.name),
    };
    if segment.kind == SegmentKind::Prep {
        words.push_str(&format!(" {}.", get_ready_words(segment.exercise)));
    }
    words
}

/// What is said as a hold ends; a transfer has no position to ease out of,
/// only a place reached.
pub(crate) fn hold_done(exercise: &Exercise) -> &'static str {
    match exercise.kind {
        Kind::WarmUp => "Time: slow down and stop.",
        Kind::Transfer => "Done: rest there a moment.",
        _ => "Time: ease out of the position slowly.",
    }
}

/// What a transfer says in place of a hold.
pub(crate) const FOLLOW_THE_STEPS: &str = "Follow the steps";

/// "Standing pelvic tilts: 6 slow rounds": a paced movement is done a
/// round a phase, as the timer says.
pub(crate) fn rounds(exercise: &Exercise) -> String {
    format!("{}: {}", exercise.name, slow_rounds(exercise))
}

/// "6 slow rounds", after the side's name.
pub(crate) fn slow_rounds(exercise: &Exercise) -> String {
    format!("{} slow rounds", exercise.phases.len().max(1))
}

/// "Breathe in" or "Breathe out".
pub(crate) fn breath_words(direction: BreathDirection) -> &'static str {
    match direction {
        BreathDirection::In => "Breathe in",
        BreathDirection::Out => "Breathe out",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Condition::*;

    fn reminder(conditions: &[Condition]) -> String {
        warm_up_reminder(conditions)
    }

    #[test]
    fn with_no_condition_the_reminder_is_a_walk_or_a_gentle_march() {
        assert_eq!(
            reminder(&[]),
            "Warm muscles stretch further and more safely: walk about or march gently on the spot for two or three minutes first."
        );
    }

    /// Soon after surgery the reminder offers no march, only the walk the
    /// surgeon allows, or nothing.
    #[test]
    fn after_surgery_only_a_walk_the_surgeon_allows() {
        let words = reminder(&[RecentSurgery]);
        assert_eq!(
            words,
            "Soon after surgery, warm up only as your surgeon allows: a few minutes of gentle walking if you are allowed to walk about, and otherwise none."
        );
        assert!(!words.contains("march"));
    }

    #[test]
    fn in_pregnancy_a_pace_you_can_talk_at_and_no_impact() {
        assert_eq!(
            reminder(&[Pregnancy]),
            format!(
                "{WARM_UP_REASON} In pregnancy, keep to a pace at which you can still talk, and leave out jogging and jumping."
            )
        );
    }

    #[test]
    fn with_knee_pain_level_ground_and_easy_steps() {
        assert_eq!(
            reminder(&[KneePain]),
            format!(
                "{WARM_UP_REASON} With knee pain, walk on a level floor rather than stairs, with short, easy steps."
            )
        );
    }

    /// The posterior approach's limit: the hip bent no further than a
    /// right angle, which a high march passes.
    #[test]
    fn after_a_hip_replacement_knees_no_higher_than_the_hip() {
        assert_eq!(
            reminder(&[HipReplacement]),
            format!(
                "{WARM_UP_REASON} After a hip replacement, lift each knee no higher than your hip, and use your walking aid if you still need one."
            )
        );
    }

    #[test]
    fn with_thin_bones_steady_footing_and_no_impact() {
        assert!(reminder(&[Osteoporosis]).ends_with(
            "With osteoporosis, walk on an even floor with a support within reach, and leave out jogging and jumping."
        ));
    }

    /// Walking upright can bring on leg pain with stenosis; leaning forward
    /// on a support opens the space the nerves run through.
    #[test]
    fn with_stenosis_lean_forward_on_a_support_if_walking_hurts() {
        assert!(
            reminder(&[SpinalStenosis])
                .ends_with("rest leaning forward on a chair back until it passes.")
        );
    }

    #[test]
    fn with_a_disc_problem_stop_if_pain_spreads_down_a_leg() {
        assert!(
            reminder(&[HerniatedDisc]).ends_with("stop if walking sends pain further down a leg.")
        );
    }

    /// After surgery, whatever else the person has, nothing suggests a march.
    #[test]
    fn after_surgery_no_condition_adds_a_march() {
        for &condition in Condition::ALL {
            let words = reminder(&[RecentSurgery, condition]);
            assert!(words.starts_with(AFTER_SURGERY), "{words}");
            assert!(!words.contains("march"), "with {condition}: {words}");
        }
    }

    /// Several conditions: surgery's opening, then each condition's care in
    /// the library's order, whatever order they were given in.
    #[test]
    fn conditions_add_up_in_a_fixed_order() {
        let words = reminder(&[KneePain, RecentSurgery, Pregnancy]);
        assert!(words.starts_with(AFTER_SURGERY), "{words}");
        let pregnancy = words.find("In pregnancy").unwrap();
        let knees = words.find("With knee pain").unwrap();
        assert!(pregnancy < knees, "{words}");
        assert_eq!(words, reminder(&[Pregnancy, RecentSurgery, KneePain]));
    }

    /// Whatever the conditions, the reminder never suggests anything with
    /// impact: jogging and jumping are named only to be left out.
    #[test]
    fn no_reminder_suggests_impact() {
        for &condition in Condition::ALL {
            let words = reminder(&[condition])
                .to_lowercase()
                .replace("leave out jogging and jumping", "");
            for word in ["jog", "jump", "run", "hop"] {
                assert!(!words.contains(word), "`{word}` with {condition}: {words}");
            }
        }
    }

    fn plan_needs(routine: &str, conditions: &[Condition]) -> Option<String> {
        use crate::engine::{Plan, PlanSettings};
        use crate::library::{Sources, load};
        let loaded = load(&Sources {
            builtin: true,
            ..Sources::default()
        });
        let library = &loaded.library;
        let settings = PlanSettings {
            conditions: conditions.to_vec(),
            ..PlanSettings::default()
        };
        let plan = Plan::build(library.routine(routine).unwrap(), library, &settings).unwrap();
        needs(plan.equipment())
    }

    #[test]
    fn a_routine_says_what_it_needs_and_conditions_take_it_away() {
        assert_eq!(
            plan_needs("chair", &[]).as_deref(),
            Some("You need a sturdy chair.")
        );
        assert_eq!(
            plan_needs("ball-release", &[]).as_deref(),
            Some(
                "You need a massage or tennis ball, a soft ball for the belly, a sturdy chair and a cushion or folded towel."
            )
        );
        // Leaving the belly out leaves its soft ball out too.
        assert_eq!(
            plan_needs("ball-release", &[Abdominal]).as_deref(),
            Some(
                "You need a massage or tennis ball, a sturdy chair and a cushion or folded towel."
            )
        );
        // The ball work is left out in pregnancy, and so is the ball.
        assert_eq!(
            plan_needs("ball-release", &[Pregnancy]).as_deref(),
            Some("You need a sturdy chair and a cushion or folded towel.")
        );
        assert_eq!(
            plan_needs("full", &[]).as_deref(),
            Some(
                "You need a massage or tennis ball, a foam roller, a clear stretch of wall, a sturdy chair and a cushion or folded towel."
            )
        );
        assert_eq!(needs(&[]), None);
    }
}
