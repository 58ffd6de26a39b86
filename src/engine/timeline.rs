//! The timeline of a plan: every moment at which something should be shown,
//! said or rung while it runs, in the order a person meets them. It is the one
//! source of what happens when and of what is said; the front ends only put
//! these events into words (see `runner::wording`) and onto the screen.
//!
//! The timeline is made one hold at a time ([`hold_cues`]), as the run reaches
//! it, so memory and start-up stay the same whatever the routine's length.
//! Jumps (skip, back, restart) land on the `Begin` cue of a hold.

use std::time::Duration;

use super::breathing::BreathDirection;
use super::plan::Plan;
use super::segment::{Segment, SegmentKind};
use crate::library::Kind;

/// Something that happens while a routine runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A hold begins with its first segment (usually the get-ready time):
    /// introduce the step, the exercise and the side; before a right side,
    /// switch sides.
    Begin {
        segment: usize,
    },
    /// Set-up line `line` of the exercise, during the get-ready before its
    /// first hold in the run.
    Setup {
        segment: usize,
        line: usize,
    },
    /// Caution `index` of the exercise, after its set-up lines.
    Caution {
        segment: usize,
        index: usize,
    },
    /// Step `index` of the plan's `left_out`, named once before the routine's
    /// first hold: an exercise left out for one of the person's conditions.
    LeftOut {
        index: usize,
    },
    /// What the routine needs at hand, once, before the routine's first
    /// hold; only for a routine that needs something.
    Needs,
    /// The generic stop rule, once, before the routine's first hold.
    StopRule,
    /// The get-ready's words are said: the count-in may start. With a voice,
    /// the runner waits here until the speaker is done.
    Ready {
        segment: usize,
    },
    /// Whole seconds left before a hold starts: 3, 2, 1.
    Count {
        seconds: u32,
    },
    /// A hold starts (or, for a warm-up move, the moving); `seconds` is its
    /// whole length, across every phase.
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
    /// Cue `index` of the exercise, at its share of the hold.
    HoldCue {
        segment: usize,
        index: usize,
    },
    /// Breathe in or out for `seconds`; `cycle` counts breaths within the hold.
    Breath {
        direction: BreathDirection,
        seconds: u32,
        cycle: u32,
    },
    /// Ring the bell: at the start and at the end of every hold.
    Bell,
    /// A hold ran to its end; `segment` is its last segment.
    HoldDone {
        hold: usize,
        segment: usize,
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
pub const COUNT_FROM: u32 = 3;

/// Whether a segment is a "keep moving" warm-up move rather than a hold:
/// no paced breathing, and the words say to keep moving.
pub fn keeps_moving(segment: &Segment<'_>) -> bool {
    segment.exercise.kind == Kind::WarmUp
}

/// What a hold's get-ready says besides the step itself: each comes once a
/// run, so the session decides from what was already said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Introduce {
    /// The exercise's set-up lines and cautions, as many as the plan tells
    /// this person (see [`Plan::telling`]).
    pub exercise: bool,
    /// What is said once a run, with the first hold of the routine it
    /// reaches (after any warm-up): the steps left out for the person's
    /// conditions, what the routine needs at hand and the stop rule that
    /// holds throughout.
    pub run_start: bool,
}

/// Every cue of a plan, ordered by time: the cues of each hold in turn, then
/// `Finished`. A run takes them hold by hold; the tests check against the
/// whole.
#[cfg(test)]
pub fn timeline(plan: &Plan<'_>) -> Vec<Cue> {
    let mut met = std::collections::HashSet::new();
    (0..plan.hold_count())
        .flat_map(|hold| {
            let first = plan.first_segment_of_hold(hold);
            let introduce = Introduce {
                exercise: first.is_some_and(|i| met.insert(&plan.segments[i].exercise.id)),
                run_start: Some(hold) == plan.first_main_hold(),
            };
            hold_cues(plan, hold, introduce)
        })
        .collect()
}

/// The cues of one hold, from its `Begin` to its `HoldDone` and closing bell;
/// after the last hold, `Finished` too. Cues due at the same moment come in
/// the order they should be shown and said.
pub fn hold_cues(plan: &Plan<'_>, hold: usize, introduce: Introduce) -> Vec<Cue> {
    let Some(first) = plan.first_segment_of_hold(hold) else {
        return finished(plan);
    };
    let segments = &plan.segments;
    let last = segments[first..]
        .iter()
        .take_while(|s| s.hold == hold)
        .count()
        + first
        - 1;
    let mut cues = Vec::new();
    let mut push = |second: u32, event| {
        cues.push(Cue {
            at: Duration::from_secs(second.into()),
            event,
        })
    };
    let begin = &segments[first];
    if introduce.run_start {
        for index in 0..plan.left_out.len() {
            push(begin.start, Event::LeftOut { index });
        }
        if !plan.equipment().is_empty() {
            push(begin.start, Event::Needs);
        }
    }
    push(begin.start, Event::Begin { segment: first });
    if introduce.exercise {
        // Briefly or in full, and only the cautions for this person.
        let telling = plan.telling(begin.exercise);
        for line in 0..telling.setup_lines(begin.exercise) {
            push(
                begin.start,
                Event::Setup {
                    segment: first,
                    line,
                },
            );
        }
        for (index, _) in telling.cautions(begin.exercise) {
            push(
                begin.start,
                Event::Caution {
                    segment: first,
                    index,
                },
            );
        }
    }
    if introduce.run_start {
        push(begin.start, Event::StopRule);
    }
    let hold_start = segments[first..=last]
        .iter()
        .find(|s| s.kind == SegmentKind::Hold)
        .map_or(begin.start, |s| s.start);
    let hold_end = segments[last].end();
    // The count-down only runs inside the get-ready, so a hold with none
    // starts without one.
    let count_from = COUNT_FROM.min(hold_start - begin.start);
    push(hold_start - count_from, Event::Ready { segment: first });
    for seconds in (1..=count_from).rev() {
        push(hold_start - seconds, Event::Count { seconds });
    }
    let moving = keeps_moving(begin);
    for (i, seg) in segments.iter().enumerate().take(last + 1).skip(first) {
        if seg.kind != SegmentKind::Hold {
            continue;
        }
        if seg.start == hold_start {
            push(seg.start, Event::Bell);
            push(
                seg.start,
                Event::Hold {
                    segment: i,
                    seconds: hold_end - hold_start,
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
        // The exercise's cues are spread evenly over the whole hold, each at
        // the start of its share, so the first comes as the hold starts.
        let cues = seg.exercise.cues.len() as u32;
        for index in 0..cues {
            let at = hold_start + index * (hold_end - hold_start) / cues;
            if (seg.start..seg.end()).contains(&at) {
                push(
                    at,
                    Event::HoldCue {
                        segment: i,
                        index: index as usize,
                    },
                );
            }
        }
        if !moving {
            for (second, event) in breaths(hold_start, hold_end, seg.breathing) {
                if (seg.start..seg.end()).contains(&second) {
                    push(second, event);
                }
            }
        }
    }
    push(
        hold_end,
        Event::HoldDone {
            hold,
            segment: last,
        },
    );
    push(hold_end, Event::Bell);
    // The get-ready's count and each segment's cues were pushed in turn; a
    // stable sort by time keeps the order of those due together.
    cues.sort_by_key(|c| c.at);
    if hold + 1 == plan.hold_count() {
        cues.extend(finished(plan));
    }
    cues
}

fn finished(plan: &Plan<'_>) -> Vec<Cue> {
    vec![Cue {
        at: Duration::from_secs(plan.total().into()),
        event: Event::Finished,
    }]
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
