//! Lays a plan out: appends the get-ready and hold segments of each step,
//! round and side with running start times, choosing each get-ready by the
//! position of the hold before and by what it says: the first hold of an
//! exercise says its set-up and cautions, and the first hold of the routine
//! what is said once a run ([`Builder::open_with`]).

use std::collections::HashSet;

use crate::engine::durations::{get_ready, introduction_words, ready_to_say};
use crate::engine::segment::{Segment, SegmentKind, Stage};
use crate::library::{Breathing, Exercise, Side};

/// Appends segments with running offsets.
pub(super) struct Builder<'a> {
    pub(super) segments: Vec<Segment<'a>>,
    holds: usize,
    prep: u32,
    transition: u32,
    /// Every exercise met so far, for [`Segment::introduces`].
    met: HashSet<&'a str>,
    /// The first hold's get-ready: the rule's time and the words it says,
    /// for [`Builder::open_with`].
    first_ready: Option<(u32, usize)>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(prep: u32, transition: u32) -> Builder<'a> {
        Builder {
            segments: Vec::new(),
            holds: 0,
            prep,
            transition,
            met: HashSet::new(),
            first_ready: None,
        }
    }

    /// Lengthens the first hold's get-ready, where needed, to say `words`
    /// more words: what is said once a run, known only once every step is
    /// laid out. Every later segment moves on by as much.
    pub(super) fn open_with(&mut self, words: usize) {
        let Some((ready, said)) = self.first_ready else {
            return;
        };
        if self.segments[0].kind != SegmentKind::Prep {
            // The first hold had nothing to say and no time to get ready.
            let prep = Segment {
                duration: 0,
                kind: SegmentKind::Prep,
                phase: None,
                into_hold: 0,
                ..self.segments[0].clone()
            };
            self.segments.insert(0, prep);
        }
        let longer = ready_to_say(ready, said + words);
        let by = longer - self.segments[0].duration;
        self.segments[0].duration = longer;
        for later in &mut self.segments[1..] {
            later.start += by;
        }
    }

    fn end(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    pub(super) fn add(
        &mut self,
        stage: Stage,
        step: usize,
        exercise: &'a Exercise,
        repeat: u32,
        hold: u32,
        breathing: Breathing,
    ) {
        let sides: &[Option<Side>] = if exercise.each_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        for round in 1..=repeat {
            for &side in sides {
                let previous = self.segments.last().map(|s| s.exercise.position);
                let ready = get_ready(previous, exercise.position, self.prep, self.transition);
                let introduces = self.met.insert(exercise.id.as_str());
                let words = if introduces {
                    introduction_words(exercise)
                } else {
                    0
                };
                let prep = ready_to_say(ready, words);
                if self.segments.is_empty() {
                    self.first_ready = Some((ready, words));
                }
                let base = Segment {
                    start: self.end(),
                    duration: prep,
                    kind: SegmentKind::Prep,
                    stage,
                    hold: self.holds,
                    step,
                    round,
                    side,
                    phase: None,
                    into_hold: 0,
                    exercise,
                    breathing,
                    introduces,
                };
                // A prep of zero seconds is no segment at all. The first
                // hold always has one: it introduces its exercise, which has
                // at least one set-up line.
                if prep > 0 {
                    self.segments.push(base.clone());
                }
                if exercise.has_phases() {
                    let mut into_hold = 0;
                    for (p, phase) in exercise.phases.iter().enumerate() {
                        self.push_hold(&base, phase.hold, Some(p), into_hold);
                        into_hold += phase.hold;
                    }
                } else {
                    self.push_hold(&base, hold, None, 0);
                }
                self.holds += 1;
            }
        }
    }

    fn push_hold(
        &mut self,
        base: &Segment<'a>,
        duration: u32,
        phase: Option<usize>,
        into_hold: u32,
    ) {
        let start = self.end();
        self.segments.push(Segment {
            start,
            duration,
            kind: SegmentKind::Hold,
            phase,
            into_hold,
            ..base.clone()
        });
    }
}
