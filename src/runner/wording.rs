//! The words of a run: for each event of the engine's timeline, the line
//! plain mode prints after its time stamp, the sentence the voice says, and
//! the labels the screen shows. The screen, the transcript and the voice all
//! read them here, from the same plan, so they never disagree and none of them
//! decides on its own what is said.

use crate::engine::{Cue, Event, Plan, Segment, SegmentKind, Stage};
use crate::library::{Kind, Side};
use crate::voice::Trouble;
use crate::words::STOP_RULE;

pub use crate::words::{SWITCH_HINT, breath_words, side_name};

/// "Step 2 of 9", or "Warm-up 1 of 3" for a warm-up step.
pub fn step_label(plan: &Plan<'_>, segment: &Segment<'_>) -> String {
    let stage = match segment.stage {
        Stage::WarmUp => "Warm-up",
        Stage::Main => "Step",
    };
    let of = plan.step_count(segment.stage);
    format!("{stage} {} of {of}", segment.step + 1)
}

/// What the screen calls a hold: "Hold", "Keep moving" for a warm-up move,
/// "Slow rounds" for a paced movement and "Follow the steps" for a transfer.
pub fn hold_word(segment: &Segment<'_>) -> &'static str {
    match segment.exercise.kind {
        Kind::WarmUp => "Keep moving",
        Kind::Movement => "Slow rounds",
        Kind::Transfer => crate::words::FOLLOW_THE_STEPS,
        Kind::Stretch | Kind::BallRelease | Kind::Breathing => "Hold",
    }
}

/// What the count into a hold leads to: "Hold in 3…", "Start in 3…".
pub fn count_in_word(segment: &Segment<'_>) -> &'static str {
    match segment.exercise.kind {
        Kind::Movement | Kind::Transfer => "Start",
        _ => hold_word(segment),
    }
}

/// The breathing row of a transfer, which has no breathing pace.
pub const TRANSFER_PACE: &str = "At your own pace; stop at any step";

/// "Get into position", or "Get ready" before a warm-up move.
pub fn get_ready_words(segment: &Segment<'_>) -> &'static str {
    crate::words::get_ready_words(segment.exercise)
}

/// The phase of a sequence as the screen and the transcript show it.
pub fn phase_words(segment: &Segment<'_>, index: usize, of: usize) -> String {
    format!(
        "Phase {} of {of}: {}",
        index + 1,
        segment.phase_cue().unwrap_or_default()
    )
}

/// The text of a cue or phase for the screen (see `Session::instruction`).
pub fn instruction(plan: &Plan<'_>, event: &Event) -> Option<String> {
    match *event {
        Event::HoldCue { segment, index } => {
            Some(plan.segments[segment].exercise.cues[index].clone())
        }
        Event::Phase { segment, index, of } => {
            Some(phase_words(&plan.segments[segment], index, of))
        }
        _ => None,
    }
}

/// The line plain mode prints for an event, if the event has words.
pub fn line(plan: &Plan<'_>, event: &Event) -> Option<String> {
    let segment = |i: usize| &plan.segments[i];
    Some(match *event {
        Event::Begin { segment: i } => begin_line(plan, segment(i)),
        Event::Setup { segment: i, line } => segment(i).exercise.setup[line].clone(),
        Event::Caution { segment: i, index } => {
            format!("Caution: {}", segment(i).exercise.cautions[index].text)
        }
        Event::Before { line } => plan.before[line].clone(),
        Event::LeftOut { index } => crate::words::left_out_line(&plan.left_out[index]),
        Event::Needs => return crate::words::needs(plan.equipment()),
        Event::StopRule => STOP_RULE.to_string(),
        Event::Count { seconds } => seconds.to_string(),
        Event::Hold {
            segment: i,
            seconds,
        } => hold_line(segment(i), seconds),
        Event::Phase {
            segment: i,
            index,
            of,
        } => {
            let s = segment(i);
            format!(
                "Phase {} of {of} ({} s): {}",
                index + 1,
                s.duration,
                s.phase_cue().unwrap_or_default()
            )
        }
        Event::HoldCue { .. } => instruction(plan, event)?,
        Event::Breath {
            direction, seconds, ..
        } => format!("{} {seconds} s", breath_words(direction)),
        Event::HoldDone { segment: i, .. } => hold_done_words(segment(i)).to_string(),
        Event::Paused => "Paused".into(),
        Event::Resumed => "Resumed".into(),
        Event::Ready { .. } | Event::Bell | Event::Finished => return None,
    })
}

fn begin_line(plan: &Plan<'_>, segment: &Segment<'_>) -> String {
    let ready = (segment.kind == SegmentKind::Prep).then_some(segment.duration);
    if segment.side == Some(Side::Right) {
        let mut line = "Switch sides: right side".to_string();
        if let Some(seconds) = ready {
            line.push_str(&format!(" ({seconds} s)"));
        }
        return format!("{line}. {SWITCH_HINT}");
    }
    let mut line = format!("{}: {}", step_label(plan, segment), segment.exercise.name);
    if segment.round > 1 {
        line.push_str(&format!(", round {}", segment.round));
    }
    if segment.side == Some(Side::Left) {
        line.push_str(", left side");
    }
    line.push('.');
    if let Some(seconds) = ready {
        line.push_str(&format!(" {} ({seconds} s).", get_ready_words(segment)));
    }
    line
}

/// The line as a hold starts: "Hold 30 s", "Left side: hold 30 s"; a paced
/// movement's rounds ("Standing pelvic tilts: 6 slow rounds", "Left side: 3
/// slow rounds"), a transfer's "Follow the steps", with no length to hold.
fn hold_line(segment: &Segment<'_>, seconds: u32) -> String {
    let exercise = segment.exercise;
    let Some(side) = segment.side else {
        return match exercise.kind {
            Kind::Transfer => crate::words::FOLLOW_THE_STEPS.to_string(),
            Kind::Movement => crate::words::rounds(exercise),
            _ => format!("{} {seconds} s", hold_word(segment)),
        };
    };
    let what = match exercise.kind {
        Kind::Transfer => crate::words::FOLLOW_THE_STEPS.to_lowercase(),
        Kind::Movement => crate::words::slow_rounds(exercise),
        _ => format!("{} {seconds} s", hold_word(segment).to_lowercase()),
    };
    format!("{}: {what}", side_name(side))
}

/// What is said as a hold ends.
fn hold_done_words(segment: &Segment<'_>) -> &'static str {
    crate::words::hold_done(segment.exercise)
}

/// What the person is told when the voice goes wrong during a run.
pub fn voice_trouble(trouble: &Trouble) -> String {
    match trouble {
        Trouble::NotAnswering { program } => format!(
            "The voice program {program} is not answering: going on without waiting for it."
        ),
        Trouble::Failed {
            program,
            code: Some(code),
        } => format!(
            "The voice program {program} failed (exit code {code}): cues may not be heard. Check voice_command in the config."
        ),
        Trouble::Failed {
            program,
            code: None,
        } => format!("The voice program {program} was stopped by a signal: cues may not be heard."),
        Trouble::CannotStart { program, error } => format!(
            "The voice program {program} cannot be started ({error}): cues will not be spoken."
        ),
    }
}

/// What a speaker says for cues that fall due together, as one utterance: a
/// speaker cuts off a cue still being spoken when the next comes, so cues said
/// one by one at the same moment would leave only the last one heard.
pub fn spoken_together(plan: &Plan<'_>, cues: &[Cue]) -> Option<String> {
    let sentences: Vec<String> = cues
        .iter()
        .filter_map(|cue| spoken(plan, &cue.event))
        .map(|words| {
            let words = words.trim_end().to_string();
            if words.ends_with(['.', '!', '?']) {
                words
            } else {
                format!("{words}.")
            }
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// Whether every cue that has words is a breath: such an utterance gives way
/// to words still being spoken rather than cut them off.
pub fn only_breaths(cues: &[Cue]) -> bool {
    cues.iter()
        .all(|c| matches!(c.event, Event::Breath { .. } | Event::Bell))
}

/// What a speaker says for an event, if anything.
pub fn spoken(plan: &Plan<'_>, event: &Event) -> Option<String> {
    let segment = |i: usize| &plan.segments[i];
    match *event {
        Event::Begin { segment: i } => Some(crate::words::step_spoken(segment(i))),
        // An id is for reading, not for hearing.
        Event::LeftOut { index } => Some(crate::words::left_out_spoken(&plan.left_out[index])),
        Event::Before { .. }
        | Event::Setup { .. }
        | Event::Caution { .. }
        | Event::Needs
        | Event::StopRule => line(plan, event),
        Event::Count { seconds } => Some(seconds.to_string()),
        Event::Hold {
            segment: i,
            seconds,
        } => Some(crate::words::hold_spoken(segment(i).exercise, seconds)),
        Event::Phase { segment: i, .. } => segment(i).phase_cue().map(str::to_string),
        Event::HoldCue { .. } => instruction(plan, event),
        Event::Breath {
            direction,
            voiced: true,
            ..
        } => Some(breath_words(direction).to_string()),
        Event::HoldDone { segment: i, .. } => Some(hold_done_words(segment(i)).to_string()),
        Event::Finished => Some("Routine complete".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Session, fixture};

    fn all(f: fn(&Plan<'_>, &Event) -> Option<String>) -> Vec<String> {
        let library = fixture::library();
        let mut session = Session::new(fixture::plan(&library));
        let cues = session.advance(std::time::Duration::from_secs(600));
        cues.iter()
            .filter_map(|c| f(session.plan(), &c.event))
            .collect()
    }

    #[test]
    fn spoken_cues() {
        assert_eq!(
            all(spoken),
            [
                "Pelvic tilt. Get into position.",
                "Stand tall.",
                "Hands on hips.",
                "Caution: Keep it small.",
                STOP_RULE,
                "3",
                "2",
                "1",
                "Hold for 10 seconds",
                "Tilt gently.",
                // Breaths give way to words: only one in silence is said.
                "Breathe out",
                "Keep breathing.",
                "Time: ease out of the position slowly.",
                "Lunge. Left side. Get into position.",
                "Kneel on the left knee.",
                "Caution: Pad the knee.",
                "Caution: Stop if it pinches.",
                "3",
                "2",
                "1",
                "Hold for 10 seconds",
                "Sink forward.",
                "Breathe out",
                "Time: ease out of the position slowly.",
                "Switch sides: right side. Mirror the position on the other side.",
                "3",
                "2",
                "1",
                "Hold for 10 seconds",
                "Sink forward.",
                "Breathe out",
                "Time: ease out of the position slowly.",
                "Ball release. Get into position.",
                "Lie on the ball.",
                "3",
                "2",
                "1",
                "Hold for 10 seconds",
                // Phases of 5 s say their own cue only.
                "Find a spot.",
                "Rock slowly.",
                "Time: ease out of the position slowly.",
                "Routine complete",
            ]
        );
    }

    /// Words to say before the routine come first; a transfer says to follow
    /// the steps and a paced movement names its rounds, and neither calls a
    /// breath; a hold's breaths give way to its words.
    #[test]
    fn what_a_transfer_and_a_paced_movement_say() {
        let library = fixture::paced_library();
        let mut session = Session::new(fixture::paced_plan(&library));
        let cues = session.advance(std::time::Duration::from_secs(600));
        let said: Vec<String> = cues
            .iter()
            .filter_map(|c| spoken(session.plan(), &c.event))
            .collect();
        assert_eq!(
            said,
            [
                "Ask your physio before you start.",
                "Move off at once if you feel a pulse.",
                "Down to the floor. Get into position.",
                "Stand facing a chair.",
                STOP_RULE,
                "3",
                "2",
                "1",
                "Follow the steps",
                "Hands on the seat, one knee down.",
                "The other knee down, hands to the floor.",
                "Done: rest there a moment.",
                "Pelvic tilts. Get into position.",
                "On hands and knees.",
                "3",
                "2",
                "1",
                "Pelvic tilts: 3 slow rounds",
                "Breathe in; back flat.",
                "Breathe out; tuck under.",
                "Breathe in; back flat.",
                "Time: ease out of the position slowly.",
                "Rest. Get into position.",
                "Lie on your back.",
                "3",
                "2",
                "1",
                "Hold for 20 seconds",
                "Let the floor hold your weight and breathe out slowly, letting go.",
                "Let go.",
                // The first breaths fell while words were said; the next
                // two fall in silence.
                "Breathe in",
                "Soften.",
                "Breathe out",
                "Time: ease out of the position slowly.",
                "Routine complete",
            ]
        );
    }

    /// A movement on each side names the side and its rounds; a transfer
    /// names no length to hold.
    #[test]
    fn hold_lines_by_kind_and_side() {
        let library = fixture::paced_library();
        let plan = fixture::paced_plan(&library);
        let hold_of = |id: &str| {
            plan.segments
                .iter()
                .find(|s| s.exercise.id == id && s.kind == SegmentKind::Hold)
                .unwrap()
                .clone()
        };
        let tilts = hold_of("tilts");
        assert_eq!(hold_line(&tilts, 15), "Pelvic tilts: 3 slow rounds");
        let left = Segment {
            side: Some(Side::Left),
            ..tilts
        };
        assert_eq!(hold_line(&left, 15), "Left side: 3 slow rounds");
        let down = hold_of("down");
        assert_eq!(hold_line(&down, 10), "Follow the steps");
        let right = Segment {
            side: Some(Side::Right),
            ..down
        };
        assert_eq!(hold_line(&right, 10), "Right side: follow the steps");
        let rest = hold_of("rest");
        assert_eq!(hold_line(&rest, 20), "Hold 20 s");
    }

    #[test]
    fn plain_lines_name_the_step_and_side() {
        let lines = all(line);
        assert_eq!(
            lines[0],
            "Step 1 of 3: Pelvic tilt. Get into position (15 s)."
        );
        assert_eq!(lines[1..3], ["Stand tall.", "Hands on hips."]);
        assert!(
            lines.contains(&"Step 2 of 3: Lunge, left side. Get into position (9 s).".to_string())
        );
        assert!(lines.contains(
            &"Switch sides: right side (5 s). Mirror the position on the other side.".to_string()
        ));
        assert!(lines.contains(&"Right side: hold 10 s".to_string()));
        assert!(lines.contains(&"Phase 2 of 2 (5 s): Rock slowly.".to_string()));
    }

    #[test]
    fn a_step_left_out_is_named_without_its_id_by_voice() {
        let library = fixture::needing_library();
        let plan = fixture::pregnancy_plan(&library);
        let event = Event::LeftOut { index: 0 };
        assert_eq!(
            line(&plan, &event).unwrap(),
            "Left out: Ball release (ball), to avoid with pregnancy."
        );
        assert_eq!(
            spoken(&plan, &event).unwrap(),
            "Left out: Ball release, to avoid with pregnancy."
        );
    }

    #[test]
    fn only_breaths_give_way() {
        let breath = Cue {
            at: std::time::Duration::ZERO,
            event: Event::Breath {
                direction: crate::engine::BreathDirection::Out,
                seconds: 6,
                cycle: 0,
                voiced: true,
            },
        };
        assert!(only_breaths(&[breath]));
        let count = Cue {
            event: Event::Count { seconds: 1 },
            ..breath
        };
        assert!(!only_breaths(&[breath, count]));
    }
}
