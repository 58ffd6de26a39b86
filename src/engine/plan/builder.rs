//! Lays a plan out: appends the get-ready and hold segments of each step,
//! round and side with running start times, choosing each get-ready by the
//! position of the hold before and by what it says: the first hold of an
//! exercise says its set-up and cautions, and the first hold of all also what
//! is said once a run ([`GetReadies`]).

use crate::engine::durations::{GetReadies, extra_ready, extra_side, switch_ready};
use crate::engine::pace::Pace;
use crate::engine::segment::{Segment, SegmentKind, Stage};
use crate::library::{Breathing, Condition, Exercise, Side};

/// Appends segments with running offsets.
pub(super) struct Builder<'a> {
    pub(super) segments: Vec<Segment<'a>>,
    holds: usize,
    readies: GetReadies<'a>,
}

impl<'a> Builder<'a> {
    /// With `opening` words said once a run, before the first hold (see
    /// [`opening_words`](crate::engine::opening_words)), to a person with
    /// `conditions`, every word said at `pace`.
    pub(super) fn new(
        prep: u32,
        transition: u32,
        opening: usize,
        conditions: Vec<Condition>,
        pace: Pace,
    ) -> Builder<'a> {
        Builder {
            segments: Vec::new(),
            holds: 0,
            readies: GetReadies::new(prep, transition, opening, conditions, pace),
        }
    }

    fn end(&self) -> u32 {
        self.segments.last().map_or(0, Segment::end)
    }

    /// Appends the holds of one step, whose exercise is introduced
    /// `brief`ly or in full, and for a two-sided stretch one more on the
    /// `tighter` side after the last pair.
    #[allow(
        clippy::too_many_arguments,
        reason = "the warm-up and each step hand over the facts of a hold as they work them out, each once; a struct built only for these two calls would name them twice"
    )]
    pub(super) fn add(
        &mut self,
        stage: Stage,
        step: usize,
        exercise: &'a Exercise,
        repeat: u32,
        hold: u32,
        breathing: Breathing,
        brief: bool,
        tighter: Option<Side>,
    ) {
        let sides: &[Option<Side>] = if exercise.each_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        let pairs =
            (1..=repeat).flat_map(|round| sides.iter().map(move |&side| (round, side, false)));
        // The tighter side once more, in the last round, after the pair.
        let extra = extra_side(exercise, tighter).map(|side| (repeat, Some(side), true));
        for (round, side, is_extra) in pairs.chain(extra) {
            let mut prep = self.readies.next(exercise, brief);
            if let (true, Some(side)) = (is_extra, side) {
                prep = extra_ready(exercise, side, prep);
            } else if (round, side) != (1, sides[0]) {
                prep = switch_ready(exercise, prep);
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
                extra: is_extra,
                exercise,
                breathing,
            };
            // A prep of zero seconds is no segment at all; a hold that
            // introduces its exercise always has one, to say its name.
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
