//! The words of a run: for each event of the engine's timeline, the line
//! plain mode prints after its time stamp, the sentence the voice says, and
//! the labels the screen shows; and what `run` says around the routine (the
//! notice's screen, the tension check-in, the summary). The screen, the transcript and the voice all
//! read them here, from the same plan, so they never disagree and none of them
//! decides on its own what is said.

use super::STOP_RULE;
use crate::engine::{Cue, Event, Plan, Segment, SegmentKind, Stage};
use crate::format::{clock, count};
use crate::history::RunOutcome;
use crate::library::{Kind, Side};
use crate::voice::Trouble;

pub(crate) use crate::words::{breath_words, side_name, switch_hint};

/// "Step 2 of 9", or "Warm-up 1 of 3" for a warm-up step.
pub(crate) fn step_label(plan: &Plan<'_>, segment: &Segment<'_>) -> String {
    let stage = match segment.stage {
        Stage::WarmUp => "Warm-up",
        Stage::Main => "Step",
    };
    let of = plan.step_count(segment.stage);
    format!("{stage} {} of {of}", segment.step + 1)
}

/// What the screen calls a hold: "Hold", "Keep moving" for a warm-up move,
/// "Slow rounds" for a paced movement and "Follow the steps" for a transfer.
pub(crate) fn hold_word(segment: &Segment<'_>) -> &'static str {
    match segment.exercise.kind {
        Kind::WarmUp => "Keep moving",
        Kind::Movement => "Slow rounds",
        Kind::Transfer => crate::words::FOLLOW_THE_STEPS,
        Kind::Stretch | Kind::BallRelease | Kind::Breathing => "Hold",
    }
}

/// What the count into a hold leads to: "Hold in 3…", "Start in 3…".
pub(crate) fn count_in_word(segment: &Segment<'_>) -> &'static str {
    match segment.exercise.kind {
        Kind::Movement | Kind::Transfer => "Start",
        _ => hold_word(segment),
    }
}

/// The breathing row of a transfer, which has no breathing pace.
pub(crate) const TRANSFER_PACE: &str = "At your own pace; stop at any step";

/// "Get into position", or "Get ready" before a warm-up move.
pub(crate) fn get_ready_words(segment: &Segment<'_>) -> &'static str {
    crate::words::get_ready_words(segment.exercise)
}

/// The phase of a sequence as the screen and the transcript show it.
pub(crate) fn phase_words(segment: &Segment<'_>, index: usize, of: usize) -> String {
    format!(
        "Phase {} of {of}: {}",
        index + 1,
        segment.phase_cue().unwrap_or_default()
    )
}

/// The text of a cue or phase for the screen (see `Session::instruction`).
pub(crate) fn instruction(plan: &Plan<'_>, event: &Event) -> Option<String> {
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
pub(crate) fn line(plan: &Plan<'_>, event: &Event) -> Option<String> {
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
    if let (true, Some(side)) = (segment.extra, segment.side) {
        let mut line = crate::words::once_more(side);
        if let Some(seconds) = ready {
            line.push_str(&format!(" ({seconds} s)"));
        }
        return format!("{line}.");
    }
    if segment.side == Some(Side::Right) {
        let mut line = "Switch sides: right side".to_string();
        if let Some(seconds) = ready {
            line.push_str(&format!(" ({seconds} s)"));
        }
        return format!("{line}. {}", switch_hint(segment.exercise));
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
pub(crate) fn voice_trouble(trouble: &Trouble) -> String {
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
pub(crate) fn spoken_together(plan: &Plan<'_>, cues: &[Cue]) -> Option<String> {
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
pub(crate) fn only_breaths(cues: &[Cue]) -> bool {
    cues.iter()
        .all(|c| matches!(c.event, Event::Breath { .. } | Event::Bell))
}

/// What a speaker says for an event, if anything.
pub(crate) fn spoken(plan: &Plan<'_>, event: &Event) -> Option<String> {
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

/// The heading of the safety notice's screen before the very first run.
pub(crate) const NOTICE_HEADING: &str = "Before you start";

/// Under the safety notice, where it waits for Enter.
pub(crate) const NOTICE_GO_ON: &str = "Press Enter to go on. ";

/// The tension check-in's question, above the line the answer is typed on.
pub(crate) const TENSION_QUESTION: &str = "How tense do your lower back and hips feel? \
0 is no tension, 10 the worst you can imagine.";

/// Where the tension score is typed.
pub(crate) const TENSION_ANSWER: &str = "Your score, 0-10 (Enter to skip): ";

/// Said after an answer that is not a score.
pub(crate) const TENSION_RETRY: &str =
    "Please type a whole number from 0 to 10, or press Enter to skip.";

/// The side check's question for `side`, asked after its holds; answered
/// like the tension check-in ([`TENSION_ANSWER`], [`TENSION_RETRY`]).
pub(crate) fn pull_question(side: Side) -> String {
    let side = match side {
        Side::Left => "left",
        Side::Right => "right",
    };
    format!(
        "How strong was the pull at the front of the hip on the {side} side? \
0 is none, 10 the strongest you can imagine."
    )
}

/// After a side check, what it found: "Pull, left / right: 7/4. The left
/// side is tighter: it is held once more in each two-sided stretch." A
/// side not rated shows as "-".
pub(crate) fn pull_found(left: Option<u8>, right: Option<u8>) -> String {
    let rating = |r: Option<u8>| r.map_or("-".to_string(), |r| r.to_string());
    let mut line = format!("Pull, left / right: {}/{}.", rating(left), rating(right));
    match (left, right) {
        (Some(l), Some(r)) if l != r => {
            let side = if l > r { "left" } else { "right" };
            line.push_str(&format!(
                " The {side} side is tighter: runs hold it once more in each two-sided stretch."
            ));
        }
        (Some(_), Some(_)) => line.push_str(" Both sides pull alike: no side is held longer."),
        _ => {}
    }
    line
}

/// Before the check-in after a session, the score given before it.
pub(crate) fn tension_before(score: u8) -> String {
    format!("Before the routine you said {score}.")
}

/// In plain mode, when the warm-up is only reminded of.
pub(crate) fn warm_up_first(reminder: &str) -> String {
    format!("{WARM_UP_HEADING}: {reminder}")
}

/// The warm-up question's choice of the guided warm-up, with the time the
/// whole session then takes: "w      warm-up 3:40, 8:40 in all".
pub(crate) fn guided_warm_up_choice(warm_up_seconds: u32, routine_seconds: u32) -> String {
    format!(
        "w      warm-up {}, {} in all",
        clock(warm_up_seconds),
        clock(warm_up_seconds + routine_seconds)
    )
}

/// How far a session got, as plain mode's last line says it: "2:55, 5 holds
/// done, 0 skipped".
pub(crate) fn tally(spent_seconds: u32, done: usize, skipped: usize) -> String {
    format!(
        "{}, {} done, {skipped} skipped",
        clock(spent_seconds),
        count(done, "hold")
    )
}

/// Plain mode's last line when the routine is over.
pub(crate) fn finished_line(tally: &str) -> String {
    format!("Routine complete: {tally}")
}

/// Plain mode's last line when a signal stopped the routine.
pub(crate) fn stopped_line(tally: &str) -> String {
    format!("Stopped: {tally}")
}

/// The summary printed once the screen is gone: "Mini: complete" or "Mini:
/// stopped (1:30 planned)", then the time taken and the holds.
pub(crate) fn summary(outcome: &RunOutcome) -> [String; 2] {
    let how = if outcome.finished {
        "complete".to_string()
    } else {
        format!("stopped ({} planned)", clock(outcome.planned_seconds))
    };
    [
        format!("{}: {how}", outcome.routine_name),
        format!(
            "Time: {} ({} holding). Holds: {} done, {} skipped.",
            clock(outcome.spent_seconds),
            clock(outcome.held_seconds),
            outcome.holds_done,
            outcome.holds_skipped
        ),
    ]
}

// The screen's words.

/// The routine over, on the screen.
pub(crate) const COMPLETE: &str = "Routine complete";

/// The terminal's title once the routine is over.
pub(crate) const TITLE_COMPLETE: &str = "Routine complete · psoas";

/// The terminal's title while a routine runs: "Step 2 of 9 · 4:10 left · psoas".
pub(crate) fn title(step_label: &str, seconds_left: u32) -> String {
    format!("{step_label} · {} left · psoas", clock(seconds_left))
}

/// The terminal's title while the warm-up question waits.
pub(crate) fn question_title(routine: &str) -> String {
    format!("{routine} · psoas")
}

/// Where in the routine the screen stands: "Step 2 of 9 · 4:10 left", with
/// " · round 2" from a second round on.
pub(crate) fn where_in_routine(step_label: &str, seconds_left: u32, round: u32) -> String {
    let mut words = format!("{step_label} · {} left", clock(seconds_left));
    if round > 1 {
        words.push_str(&format!(" · round {round}"));
    }
    words
}

/// Under the keys the help lists.
pub(crate) const HELP_PAUSED: &str = "The clock is paused while this help is open.";
pub(crate) const HELP_BACK: &str = "any key: back to the routine";

/// The status while paused.
pub(crate) const PAUSED: &str = "PAUSED · space to resume";

/// The status while the count-in waits for the voice to finish.
pub(crate) fn listen_then_count(segment: &Segment<'_>) -> String {
    format!("{} · listen, then the count", get_ready_words(segment))
}

/// The status during the count-in: "Hold in 3…", "Start in 3…".
pub(crate) fn counting_in(segment: &Segment<'_>, seconds: u32) -> String {
    format!("{} in {seconds}…", count_in_word(segment))
}

/// The status before a second side: "SWITCH SIDES · 5 s".
pub(crate) fn switching_sides(seconds: u32) -> String {
    format!("SWITCH SIDES · {seconds} s")
}

/// The status while getting ready: "Get into position · 12 s".
pub(crate) fn getting_ready(segment: &Segment<'_>, seconds: u32) -> String {
    format!("{} · {seconds} s", get_ready_words(segment))
}

/// The status during a hold: "Hold · 20 s left of 30".
pub(crate) fn holding(segment: &Segment<'_>, seconds_left: u32, of: u64) -> String {
    format!("{} · {seconds_left} s left of {of}", hold_word(segment))
}

/// The breathing pace, while getting ready for a hold.
pub(crate) fn breathing_pace(inhale: u32, exhale: u32) -> String {
    format!("Breathing: in {inhale} s, out {exhale} s")
}

/// In place of the breathing pace, for a warm-up move.
pub(crate) const MOVING_PACE: &str = "Move at an easy, steady pace";

/// What comes after the hold running now, from segment `current` of `plan`
/// to segment `next`, or the end.
pub(crate) fn next_line(plan: &Plan<'_>, current: usize, next: Option<usize>) -> String {
    let Some(next) = next else {
        return "Next: the end".into();
    };
    let (now, then) = (&plan.segments[current], &plan.segments[next]);
    let same_exercise = now.exercise.id == then.exercise.id && now.step == then.step;
    match then.side {
        Some(side) if same_exercise => format!("Next: {}", side_name(side).to_lowercase()),
        Some(side) => format!(
            "Next: {}, {}",
            then.exercise.name,
            side_name(side).to_lowercase()
        ),
        None if same_exercise => format!("Next: {} again", then.exercise.name),
        None => format!("Next: {}", then.exercise.name),
    }
}

/// The question a first `q` asks.
pub(crate) const CONFIRM_QUIT: &str = "Quit? q: yes · any other key: no";

/// The keys, shortest last: the screen shows the first that fits. In a
/// brief get-ready, the key that tells it in full comes first.
pub(crate) const FULL_WORDS_HINTS: &[&str] = &[
    "f all words · Enter ready · space pause · n next · b back · ? help · q quit",
    "f all words  Enter ready  space pause  n next  ?  q quit",
];
/// While getting ready, the key that ends the wait comes first.
pub(crate) const READY_HINTS: &[&str] = &[
    "Enter ready · space pause · n next · b back · ? help · q quit",
    "Enter ready  space pause  n next  b back  ?  q quit",
];
pub(crate) const HINTS: &[&str] = &[
    "space pause · n next · b back · ? help · q quit",
    "space pause  n next  b back  ?  q quit",
];
pub(crate) const PAUSED_HINTS: &str = "space resume  ? help  q quit";

/// The side bands, read by shape as well as by colour.
pub(crate) const LEFT_BAND: &str = "◀◀◀  LEFT SIDE";
pub(crate) const RIGHT_BAND: &str = "RIGHT SIDE  ▶▶▶";

/// The warm-up question's heading, and in plain mode its reminder's lead.
pub(crate) const WARM_UP_HEADING: &str = "Warm up first";

/// The warm-up question's other choices.
pub(crate) const ALREADY_WARM_CHOICE: &str = "Enter  I am already warm";
pub(crate) const QUIT_CHOICE: &str = "q      quit";

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

    /// The screen shows the first hint that fits, so each list goes from
    /// the longest to the shortest, and the last always fits the smallest
    /// screen, 40 columns.
    #[test]
    fn key_hints_go_from_long_to_short() {
        use unicode_width::UnicodeWidthStr;
        for hints in [FULL_WORDS_HINTS, READY_HINTS, HINTS] {
            assert!(
                hints.windows(2).all(|w| w[0].width() > w[1].width()),
                "{hints:?}"
            );
        }
        assert!(HINTS.last().unwrap().width() < 40);
        assert!(PAUSED_HINTS.width() < 40);
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
