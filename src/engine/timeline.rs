//! The cue timeline of a plan: every moment at which something should be
//! shown, said or rung while it runs, in the order a person meets them.
//!
//! The timeline is built once from the plan, so a running session only walks
//! it forward; jumps (skip, back, restart) land on the `Begin` cue of a hold.

use std::time::Duration;

use super::breathing::BreathDirection;
use super::plan::{Plan, SegmentKind};

/// Something that happens while a routine runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A hold begins with its first segment (usually the get-into-position
    /// time): introduce the step, the side and the setup.
    Begin {
        segment: usize,
    },
    /// Whole seconds left before a hold starts: 3, 2, 1.
    Count {
        seconds: u32,
    },
    /// A hold starts; `seconds` is its whole length, across every phase.
    Hold {
        segment: usize,
        seconds: u32,
    },
    /// A phase of a self-massage sequence starts (`index` is 0-based).
    Phase {
        segment: usize,
        index: usize,
        of: usize,
    },
    /// Breathe in or out for `seconds`; `cycle` counts breaths within the hold.
    Breath {
        direction: BreathDirection,
        seconds: u32,
        cycle: u32,
    },
    /// Ring the bell: at the start and at the end of every hold.
    Bell,
    /// A hold ran to its end.
    HoldDone {
        hold: usize,
    },
    /// The clock stopped or went on (from the pause and resume actions).
    Paused,
    Resumed,
    /// The last hold is over, or the last hold was skipped.
    Finished,
}

/// An event and the plan time it is due at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub at: Duration,
    pub event: Event,
}

/// How many seconds of count-down lead into each hold.
const COUNT_FROM: u32 = 3;

/// Every cue of a plan, ordered by time; cues due at the same moment come in
/// the order they should be shown (a hold's end before the next hold's start).
pub fn timeline(plan: &Plan<'_>) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut push = |second: u32, event| {
        cues.push(Cue {
            at: Duration::from_secs(second.into()),
            event,
        })
    };
    let segments = &plan.segments;
    for (i, seg) in segments.iter().enumerate() {
        let first_of_hold = i == 0 || segments[i - 1].hold != seg.hold;
        let last_of_hold = segments.get(i + 1).is_none_or(|next| next.hold != seg.hold);
        if first_of_hold {
            push(seg.start, Event::Begin { segment: i });
        }
        match seg.kind {
            SegmentKind::Prep => {
                // The count-down only runs inside the prep, so a hold with no
                // get-into-position time starts without one.
                for seconds in (1..=COUNT_FROM.min(seg.duration)).rev() {
                    push(seg.end() - seconds, Event::Count { seconds });
                }
            }
            SegmentKind::Hold => {
                let hold_start = seg.start - seg.into_hold;
                if seg.into_hold == 0 {
                    let seconds = segments[i..]
                        .iter()
                        .take_while(|s| s.hold == seg.hold)
                        .map(|s| s.duration)
                        .sum();
                    push(seg.start, Event::Bell);
                    push(
                        seg.start,
                        Event::Hold {
                            segment: i,
                            seconds,
                        },
                    );
                }
                if let Some(index) = seg.phase {
                    let of = seg.exercise.phases.len();
                    push(
                        seg.start,
                        Event::Phase {
                            segment: i,
                            index,
                            of,
                        },
                    );
                }
                let hold_end = segments[i..]
                    .iter()
                    .take_while(|s| s.hold == seg.hold)
                    .last()
                    .map_or(seg.end(), |s| s.end());
                for (second, event) in breaths(hold_start, hold_end, seg.breathing) {
                    if (seg.start..seg.end()).contains(&second) {
                        push(second, event);
                    }
                }
                if last_of_hold {
                    push(seg.end(), Event::HoldDone { hold: seg.hold });
                    push(seg.end(), Event::Bell);
                }
            }
        }
    }
    push(plan.total(), Event::Finished);
    debug_assert!(cues.windows(2).all(|w| w[0].at <= w[1].at));
    cues
}

/// The breath cues of one hold, the last one cut short by the hold's end.
fn breaths(
    start: u32,
    end: u32,
    pacing: crate::library::Breathing,
) -> impl Iterator<Item = (u32, Event)> {
    let (inhale, exhale) = (pacing.inhale.max(1), pacing.exhale.max(1));
    let cycle_len = inhale + exhale;
    (0..).map_while(move |n: u32| {
        let cycle = n / 2;
        let (offset, direction, length) = if n.is_multiple_of(2) {
            (cycle * cycle_len, BreathDirection::In, inhale)
        } else {
            (cycle * cycle_len + inhale, BreathDirection::Out, exhale)
        };
        let at = start + offset;
        (at < end).then(|| {
            let seconds = length.min(end - at);
            (
                at,
                Event::Breath {
                    direction,
                    seconds,
                    cycle,
                },
            )
        })
    })
}
