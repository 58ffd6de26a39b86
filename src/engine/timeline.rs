//! The timeline of a plan: every moment at which something should be shown,
//! said or rung while it runs, in the order a person meets them. It is the one
//! source of what happens when and of what is said; the front ends only put
//! these events into words (see `words::run`) and onto the screen.
//!
//! The timeline is made one hold at a time ([`hold_cues`]), as the run reaches
//! it, so memory and start-up stay the same whatever the routine's length.
//! Jumps (skip, back) land on the `Begin` cue of a hold, a restart on its
//! count-in.
//!
//! Every word is heard whole: within a hold, words are placed at the plan's
//! pace ([`Pace`]) so that none is said while the words
//! before it are still being said. The hold's opening and each phase's cue
//! come as they start; an exercise's cue waits for the words before it, or
//! is left out when the hold has no room left; a short phase says its own cue
//! only; a breath is said only in silence. Before a hold, the count-in is
//! where a run with a voice waits for the get-ready's words (see
//! `Session::set_waiting`).

use std::time::Duration;

use super::breathing::BreathDirection;
use super::durations::{COUNT_FROM, word_count};
use super::pace::Pace;
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
    /// Line `line` of the routine's words to say before it starts, once,
    /// before the routine's first hold.
    Before {
        line: usize,
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
        /// Whether it is said aloud: a breath gives way to words, and only
        /// the first breaths of a hold are said.
        voiced: bool,
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

/// Whether a segment is a "keep moving" warm-up move rather than a hold:
/// no paced breathing, and the words say to keep moving.
pub(crate) fn keeps_moving(segment: &Segment<'_>) -> bool {
    segment.exercise.kind == Kind::WarmUp
}

/// What a hold's get-ready says besides the step itself: each comes once a
/// run, so the session decides from what was already said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Introduce {
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
pub(crate) fn timeline(plan: &Plan<'_>) -> Vec<Cue> {
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
pub(super) fn hold_cues(plan: &Plan<'_>, hold: usize, introduce: Introduce) -> Vec<Cue> {
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
        });
    };
    let begin = &segments[first];
    if introduce.run_start {
        for line in 0..plan.before.len() {
            push(begin.start, Event::Before { line });
        }
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
    // The hold's own segments: one, or one per phase.
    let held: Vec<usize> = (first..=last)
        .filter(|&i| segments[i].kind == SegmentKind::Hold)
        .collect();
    let hold_start = held.first().map_or(begin.start, |&i| segments[i].start);
    let hold_end = segments[last].end();
    // The count-down only runs inside the get-ready, so a hold with none
    // starts without one.
    let count_from = COUNT_FROM.min(hold_start - begin.start);
    push(hold_start - count_from, Event::Ready { segment: first });
    for seconds in (1..=count_from).rev() {
        push(hold_start - seconds, Event::Count { seconds });
    }
    // The hold's words, laid out so that each is said whole (see `Talk`).
    let mut talk = Talk::new(hold_end, plan.pace);
    let mut opening = word_count(&crate::words::hold_spoken(
        begin.exercise,
        hold_end - hold_start,
    ));
    if begin.start == hold_start {
        // No get-ready: the end of the hold before and this step are said
        // with the hold's opening.
        opening += word_count(&crate::words::step_spoken(begin));
        if let Some(before) = first.checked_sub(1) {
            opening += word_count(crate::words::hold_done(segments[before].exercise));
        }
    }
    push(hold_start, Event::Bell);
    push(
        hold_start,
        Event::Hold {
            segment: held.first().copied().unwrap_or(first),
            seconds: hold_end - hold_start,
        },
    );
    talk.say(hold_start, opening);
    for &i in &held {
        let seg = &segments[i];
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
            talk.say(seg.start, word_count(&seg.exercise.phases[index].cue));
            if seg.duration <= SHORT_PHASE {
                talk.keep_quiet(seg.start, seg.end());
            }
        }
    }
    // The exercise's cues are spread evenly over the whole hold, each at
    // the start of its share, so the first comes as the hold starts; one
    // that would talk over other words waits for them, and one with no
    // room left before the hold ends is left out.
    let segment_at = |second: u32| {
        held.iter()
            .copied()
            .find(|&i| (segments[i].start..segments[i].end()).contains(&second))
            .unwrap_or(last)
    };
    let count = begin.exercise.cues.len() as u32;
    for index in 0..count {
        let wanted = hold_start + index * (hold_end - hold_start) / count;
        let words = word_count(&begin.exercise.cues[index as usize]);
        if let Some(at) = talk.room_for(wanted, words) {
            talk.say(at, words);
            push(
                at,
                Event::HoldCue {
                    segment: segment_at(at),
                    index: index as usize,
                },
            );
        }
    }
    // Breaths give way to words: only the first few, and only those that
    // fall in silence, are said; every one is shown, but for a short phase
    // or a transfer, whose own words say how to breathe or need no pace.
    let paced = !keeps_moving(begin) && begin.exercise.kind != Kind::Transfer;
    for &i in held.iter().filter(|_| paced) {
        let seg = &segments[i];
        // A short phase's own cue carries its breath.
        if seg.phase.is_some() && seg.duration <= SHORT_PHASE {
            continue;
        }
        for (second, direction, seconds, cycle) in breaths(hold_start, hold_end, seg.breathing) {
            if !(seg.start..seg.end()).contains(&second) {
                continue;
            }
            let words = word_count(crate::words::breath_words(direction));
            let voiced = cycle < SPOKEN_BREATH_CYCLES && talk.is_quiet(second, words);
            if voiced {
                talk.say(second, words);
            }
            push(
                second,
                Event::Breath {
                    direction,
                    seconds,
                    cycle,
                    voiced,
                },
            );
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

/// The breaths of one hold: when each starts, its direction, its length
/// (the last one cut short by the hold's end) and its cycle.
fn breaths(
    start: u32,
    end: u32,
    pacing: crate::library::Breathing,
) -> impl Iterator<Item = (u32, BreathDirection, u32, u32)> {
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
        (at < end).then(|| (at, direction, length.min(end - at), cycle))
    })
}

/// A phase this short says its own cue only: no exercise cue is said over
/// it, and no breath is called, since its cue says how to breathe.
pub(super) const SHORT_PHASE: u32 = 10;

/// Breaths are said only for the first cycles of a hold: enough to set the
/// rhythm without talking over the whole hold.
const SPOKEN_BREATH_CYCLES: u32 = 2;

/// What is said during one hold, at the plan's [`Pace`]: words that fall due at the same
/// second are said as one utterance, and an utterance is only placed where
/// the one before it is finished and it is finished before the next one and
/// before the hold ends. So nothing said in a hold is cut off by what comes
/// after it.
struct Talk {
    /// Each utterance: the second it starts and its words.
    said: std::collections::BTreeMap<u32, usize>,
    /// Stretches of time, `start..end`, in which only what is already there
    /// is said.
    quiet: Vec<std::ops::Range<u32>>,
    /// The pace the words are said at.
    pace: Pace,
    end: u32,
}

impl Talk {
    fn new(end: u32, pace: Pace) -> Talk {
        Talk {
            said: std::collections::BTreeMap::new(),
            quiet: Vec::new(),
            pace,
            end,
        }
    }

    fn say(&mut self, at: u32, words: usize) {
        *self.said.entry(at).or_default() += words;
    }

    fn keep_quiet(&mut self, start: u32, end: u32) {
        self.quiet.push(start..end);
    }

    /// When the utterance at `start` of `words` words is finished.
    fn ends(&self, start: u32, words: usize) -> Duration {
        Duration::from_secs(start.into()) + self.pace.time_to_say(words)
    }

    /// Whether `words` more can be said at `at`, alone or with the words
    /// already due then, without cutting or being cut.
    fn fits(&self, at: u32, words: usize) -> bool {
        if self.quiet.iter().any(|q| q.contains(&at)) {
            return false;
        }
        let before = self.said.range(..at).next_back();
        if before.is_some_and(|(&s, &w)| self.ends(s, w) > self.ends(at, 0)) {
            return false;
        }
        let now = self.said.get(&at).copied().unwrap_or(0);
        let next = self
            .said
            .range(at + 1..)
            .next()
            .map_or(self.end, |(&s, _)| s);
        self.ends(at, now + words) <= self.ends(next.min(self.end), 0)
    }

    /// The first second from `wanted` on at which `words` can be said.
    fn room_for(&self, wanted: u32, words: usize) -> Option<u32> {
        (wanted..self.end).find(|&at| self.fits(at, words))
    }

    /// Whether `words` can be said alone at `at`, in silence.
    fn is_quiet(&self, at: u32, words: usize) -> bool {
        !self.said.contains_key(&at) && self.fits(at, words)
    }
}
