//! The words for each cue: the line plain mode prints after its time stamp,
//! and the shorter sentence a speaker says. Both read the same plan, so the
//! screen, the transcript and the voice never disagree.

use crate::engine::{BreathDirection, Cue, Event, Plan, Segment, SegmentKind, Stage};
use crate::library::Side;

/// "Step 2 of 9", or "Warm-up 1 of 3" for a warm-up step.
pub fn step_label(plan: &Plan<'_>, segment: &Segment<'_>) -> String {
    let stage = match segment.stage {
        Stage::WarmUp => "Warm-up",
        Stage::Main => "Step",
    };
    let of = plan.step_count(segment.stage);
    format!("{stage} {} of {of}", segment.step + 1)
}

pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Left side",
        Side::Right => "Right side",
    }
}

/// The line plain mode prints for an event, if the event has words.
pub fn line(plan: &Plan<'_>, event: &Event) -> Option<String> {
    let segment = |i: usize| &plan.segments[i];
    Some(match *event {
        Event::Begin { segment: i } => begin_line(plan, segment(i)),
        Event::Count { seconds } => seconds.to_string(),
        Event::Hold {
            segment: i,
            seconds,
        } => match segment(i).side {
            Some(side) => format!("{}: hold {seconds} s", side_name(side)),
            None => format!("Hold {seconds} s"),
        },
        Event::Phase {
            segment: i,
            index,
            of,
        } => format!(
            "Phase {} of {of} ({} s): {}",
            index + 1,
            segment(i).duration,
            segment(i).phase_cue().unwrap_or_default()
        ),
        Event::Breath {
            direction, seconds, ..
        } => format!("{} {seconds} s", breath_words(direction)),
        Event::Paused => "Paused".into(),
        Event::Resumed => "Resumed".into(),
        Event::Bell | Event::HoldDone { .. } | Event::Finished => return None,
    })
}

fn begin_line(plan: &Plan<'_>, segment: &Segment<'_>) -> String {
    let prep = segment.kind == SegmentKind::Prep;
    let mut line = if segment.side == Some(Side::Right) {
        "Switch sides: right side".to_string()
    } else {
        let mut intro = format!("{}: {}", step_label(plan, segment), segment.exercise.name);
        if segment.round > 1 {
            intro.push_str(&format!(", round {}", segment.round));
        }
        if segment.side == Some(Side::Left) {
            intro.push_str(", left side");
        }
        intro
    };
    line.push('.');
    if prep {
        line.push_str(&format!(" Get into position ({} s)", segment.duration));
        match segment.exercise.setup.first() {
            Some(setup) if segment.side != Some(Side::Right) => {
                line.push_str(": ");
                line.push_str(setup);
            }
            _ => line.push('.'),
        }
    }
    line
}

/// "Breathe in" or "Breathe out".
pub fn breath_words(direction: BreathDirection) -> &'static str {
    match direction {
        BreathDirection::In => "Breathe in",
        BreathDirection::Out => "Breathe out",
    }
}

/// Breath cues are spoken only for the first breaths of a hold: enough to set
/// the rhythm without talking over the whole hold.
const SPOKEN_BREATH_CYCLES: u32 = 2;

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

/// What a speaker says for an event, if anything.
pub fn spoken(plan: &Plan<'_>, event: &Event) -> Option<String> {
    let segment = |i: usize| &plan.segments[i];
    match *event {
        Event::Begin { segment: i } => {
            let s = segment(i);
            Some(match s.side {
                Some(Side::Right) => "Switch sides.".to_string(),
                Some(side) => format!("{}. {}.", side_name(side), s.exercise.name),
                None => format!("{}.", s.exercise.name),
            })
            .map(|mut words| {
                if s.kind == SegmentKind::Prep {
                    words.push_str(" Get into position.");
                }
                words
            })
        }
        Event::Hold { seconds, .. } => Some(format!("Hold for {seconds} seconds")),
        Event::Phase { segment: i, .. } => segment(i).phase_cue().map(str::to_string),
        Event::Breath {
            direction, cycle, ..
        } if cycle < SPOKEN_BREATH_CYCLES => Some(breath_words(direction).to_string()),
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
        let cues = session.advance(std::time::Duration::from_secs(60));
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
                "Hold for 10 seconds",
                "Breathe in",
                "Breathe out",
                "Left side. Lunge. Get into position.",
                "Hold for 10 seconds",
                "Breathe in",
                "Breathe out",
                "Switch sides. Get into position.",
                "Hold for 10 seconds",
                "Breathe in",
                "Breathe out",
                "Ball release. Get into position.",
                "Hold for 10 seconds",
                "Find a spot.",
                "Breathe in",
                "Breathe out",
                "Rock slowly.",
                "Routine complete",
            ]
        );
    }

    #[test]
    fn plain_lines_name_the_step_and_side() {
        let lines = all(line);
        assert_eq!(
            lines[0],
            "Step 1 of 3: Pelvic tilt. Get into position (5 s): Stand tall."
        );
        assert!(
            lines.contains(
                &"Step 2 of 3: Lunge, left side. Get into position (5 s): Kneel on the left knee."
                    .to_string()
            )
        );
        assert!(lines.contains(&"Switch sides: right side. Get into position (5 s).".to_string()));
        assert!(lines.contains(&"Right side: hold 10 s".to_string()));
        assert!(lines.contains(&"Phase 2 of 2 (5 s): Rock slowly.".to_string()));
    }
}
