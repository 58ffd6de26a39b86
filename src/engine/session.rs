//! The state of a routine being run: where in the plan it stands, whether the
//! clock is paused, and which holds were done or skipped.
//!
//! A session never reads a clock. Every call takes `now`, the plan time since
//! the run started on a monotonic clock, and returns the cues that fell due.
//! Paused time is dropped: the position only moves while running. Because
//! positions come from `now` rather than from summed waits, lateness in one
//! wake-up never carries into the next.
//!
//! The session holds the cues of one hold at a time, made when the run
//! reaches it, so a routine of any length starts at once in little memory.
//! While a speaker is still saying a get-ready's words, the session can be
//! told to wait ([`Session::set_waiting`]): it stops at the count-in, and the
//! time spent there counts as time taken, not as plan time.

use std::collections::HashSet;
use std::time::Duration;

use super::plan::Plan;
use super::segment::{SegmentKind, Stage};
use super::timeline::{Cue, Event, Introduce, hold_cues};
use crate::library::Exercise;

/// What a person can ask of a running session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Pause,
    Resume,
    /// Pause when running, resume when paused.
    TogglePause,
    /// On to the next hold; past the last one the routine is finished.
    Skip,
    /// Back to the previous hold; in the first hold, to its start.
    Back,
    /// The current hold again, from its count-in; in a get-ready, back to
    /// its start.
    Restart,
    /// In a get-ready, on to its count-in at once: for a person already in
    /// position, who needs no more of its time.
    Ready,
    /// In a get-ready that tells its exercise briefly, the full words: the
    /// get-ready starts again, as long as they take, and the exercise is
    /// told in full for the rest of the run.
    InFull,
    Quit,
}

/// How a hold went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HoldStatus {
    Pending,
    Done,
    Skipped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Running,
    Paused,
    Finished,
    Quit,
}

/// A plan being run.
#[derive(Debug)]
pub struct Session<'a> {
    plan: Plan<'a>,
    /// The cues of hold `chunk` (past the last hold, only `Finished`).
    cues: Vec<Cue>,
    chunk: usize,
    /// The first cue not yet handed out.
    next_cue: usize,
    /// Whether to stop at the next `Ready` cue, and wait there.
    waiting: bool,
    /// The phase of the hold running now, and the latest of its cues, for
    /// the screen.
    phase: Option<Cue>,
    cue: Option<Cue>,
    /// Plan time reached, as of `last_now`.
    position: Duration,
    last_now: Duration,
    state: State,
    holds: Vec<HoldStatus>,
    /// The furthest hold the session has been in.
    furthest_hold: usize,
    /// The exercises whose set-up and cautions were said: each is said once
    /// a run, wherever the run goes.
    introduced: HashSet<&'a str>,
    /// Whether what is said once a run (see [`Introduce::run_start`]) has been.
    run_start_said: bool,
    /// Whether the cues of hold `chunk` introduce its exercise.
    introducing: bool,
    /// Plan time spent running, and the part of it spent in holds.
    active: Duration,
    held: Duration,
    /// Time spent waiting at a count-in for the speaker.
    waited: Duration,
}

impl<'a> Session<'a> {
    pub fn new(plan: Plan<'a>) -> Session<'a> {
        let mut session = Session {
            cues: Vec::new(),
            chunk: 0,
            waiting: false,
            phase: None,
            cue: None,
            waited: Duration::ZERO,
            holds: vec![HoldStatus::Pending; plan.hold_count()],
            plan,
            next_cue: 0,
            position: Duration::ZERO,
            last_now: Duration::ZERO,
            state: State::Running,
            furthest_hold: 0,
            introduced: HashSet::new(),
            run_start_said: false,
            introducing: false,
            active: Duration::ZERO,
            held: Duration::ZERO,
        };
        session.load(0);
        session
    }

    /// Moves the clock to `now` and returns the cues that fell due, in order.
    /// A `now` earlier than a previous one is taken as the previous one.
    pub fn advance(&mut self, now: Duration) -> Vec<Cue> {
        let elapsed = now.saturating_sub(self.last_now);
        self.last_now = self.last_now.max(now);
        if self.state != State::Running {
            return Vec::new();
        }
        let mut target = (self.position + elapsed).min(self.total());
        if let Some(ready) = self.ready_ahead().filter(|&at| at < target) {
            let at = ready.max(self.position);
            self.waited += target.saturating_sub(at);
            target = at;
        }
        self.held += self.hold_time_between(self.position, target);
        self.active += target.saturating_sub(self.position);
        self.position = target;
        self.take_due()
    }

    /// Does what was asked at `now`; returns the cues that fell due until
    /// then, followed by those the control itself brings.
    pub fn apply(&mut self, control: Control, now: Duration) -> Vec<Cue> {
        let mut cues = self.advance(now);
        if self.is_over() {
            return cues;
        }
        let at = self.position;
        let paused = self.state == State::Paused;
        match control {
            Control::Pause | Control::TogglePause if !paused => {
                self.state = State::Paused;
                cues.push(Cue {
                    at,
                    event: Event::Paused,
                });
            }
            Control::Resume | Control::TogglePause if paused => {
                self.state = State::Running;
                cues.push(Cue {
                    at,
                    event: Event::Resumed,
                });
            }
            Control::Pause | Control::Resume | Control::TogglePause => {}
            Control::Skip => {
                let hold = self.current_hold();
                if self.holds[hold] != HoldStatus::Done {
                    self.holds[hold] = HoldStatus::Skipped;
                }
                cues.extend(self.jump_to_hold(hold + 1));
            }
            Control::Back => cues.extend(self.jump_to_hold(self.current_hold().saturating_sub(1))),
            Control::Restart => cues.extend(self.restart_hold()),
            Control::Ready => {
                // The time passed over is neither spent nor held.
                if let Some(at) = self.next_ready().filter(|&at| at > self.position) {
                    self.position = at;
                    cues.extend(self.take_due());
                }
            }
            Control::InFull if self.can_tell_in_full() => {
                // The plan gives the get-ready the time for every word, and
                // the hold starts again to introduce its exercise anew.
                let hold = self.current_hold();
                if let Some(first) = self.plan.first_segment_of_hold(hold)
                    && self.plan.tell_in_full(hold)
                {
                    self.introduced
                        .remove(self.plan.segments[first].exercise.id.as_str());
                    cues.extend(self.jump_to_hold(hold));
                }
            }
            Control::InFull => {}
            Control::Quit => self.state = State::Quit,
        }
        cues
    }

    /// The `now` at which the next cue falls due, or `None` while paused,
    /// waiting at a count-in, or once over.
    pub fn next_due(&self) -> Option<Duration> {
        if self.state != State::Running || self.is_waiting() {
            return None;
        }
        let cue = self.cues.get(self.next_cue)?;
        Some(self.last_now + cue.at.saturating_sub(self.position))
    }

    /// With `true`, the session stops at the next count-in (a `Ready` cue)
    /// until told `false` at `now`; the time spent there up to `now` is taken,
    /// not planned, so the count-in starts from `now`.
    pub fn set_waiting(&mut self, waiting: bool, now: Duration) {
        if !waiting && self.is_waiting() {
            let held = self.advance(now);
            debug_assert!(held.is_empty(), "nothing passes a count-in while waiting");
        }
        self.waiting = waiting;
    }

    /// Whether the session stands at a count-in, waiting to be let go on.
    pub fn is_waiting(&self) -> bool {
        // Every cue before the count-in has been handed out. It may lie
        // behind the position by a step's lateness, when it was reached in
        // the same step as the end of the hold before.
        self.waiting
            && self
                .cues
                .get(self.next_cue)
                .is_some_and(|c| matches!(c.event, Event::Ready { .. }) && c.at <= self.position)
    }

    /// While waiting, the time of the next `Ready` cue.
    fn ready_ahead(&self) -> Option<Duration> {
        if !self.waiting {
            return None;
        }
        self.next_ready()
    }

    /// The time of the running hold's `Ready` cue, if it is still to come.
    fn next_ready(&self) -> Option<Duration> {
        self.cues[self.next_cue.min(self.cues.len())..]
            .iter()
            .find(|c| matches!(c.event, Event::Ready { .. }))
            .map(|c| c.at)
    }

    /// What the get-ready of the hold running now says besides the step
    /// itself, in the order it is said: the routine's words before it
    /// starts, what is left out and what is needed (once a run), the exercise's set-up lines and cautions (the first time
    /// it is reached), the stop rule (once a run). Empty for a get-ready that
    /// says only the step.
    pub fn get_ready_events(&self) -> impl Iterator<Item = &Event> {
        self.cues.iter().map(|c| &c.event).filter(|e| {
            matches!(
                e,
                Event::Before { .. }
                    | Event::LeftOut { .. }
                    | Event::Needs
                    | Event::Setup { .. }
                    | Event::Caution { .. }
                    | Event::StopRule
            )
        })
    }

    /// Whether the get-ready running now introduces its exercise briefly, so
    /// that [`Control::InFull`] would tell it in full.
    pub fn can_tell_in_full(&self) -> bool {
        let Some(index) = self.segment() else {
            return false;
        };
        let segment = &self.plan.segments[index];
        segment.kind == SegmentKind::Prep
            && self.introducing
            && self.chunk == segment.hold
            && self.plan.telling(segment.exercise).brief
    }

    /// The phase of the running hold and when it began, if it has one.
    pub fn phase(&self) -> Option<Cue> {
        self.phase
    }

    /// The latest cue of the running hold and when it came, if any has
    /// come yet.
    pub fn cue(&self) -> Option<Cue> {
        self.cue
    }

    pub fn plan(&self) -> &Plan<'a> {
        &self.plan
    }

    /// Plan time reached.
    pub fn position(&self) -> Duration {
        self.position
    }

    /// Planned length of the whole plan.
    pub fn total(&self) -> Duration {
        Duration::from_secs(self.plan.total().into())
    }

    /// The plan time still to run from the current position.
    pub fn remaining(&self) -> Duration {
        self.total().saturating_sub(self.position)
    }

    /// The segment running now, `None` once the plan is over.
    pub fn segment(&self) -> Option<usize> {
        if self.is_over() {
            return None;
        }
        self.plan.segment_at(self.position.as_secs() as u32)
    }

    pub fn is_paused(&self) -> bool {
        self.state == State::Paused
    }

    /// Finished or quit: no more cues will come.
    pub fn is_over(&self) -> bool {
        matches!(self.state, State::Finished | State::Quit)
    }

    /// Whether the last hold ended (by time or by skipping it).
    pub fn is_finished(&self) -> bool {
        self.state == State::Finished
    }

    pub fn holds_done(&self) -> usize {
        self.count(HoldStatus::Done)
    }

    /// The ids of the exercises held to the end at least once, in the
    /// order of the plan, each once: what the history counts toward knowing
    /// an exercise.
    pub fn exercises_held(&self) -> Vec<&'a str> {
        let mut held: Vec<&'a str> = Vec::new();
        for (hold, status) in self.holds.iter().enumerate() {
            let Some(first) = self.plan.first_segment_of_hold(hold) else {
                continue;
            };
            let id = self.plan.segments[first].exercise.id.as_str();
            if *status == HoldStatus::Done && !held.contains(&id) {
                held.push(id);
            }
        }
        held
    }

    pub fn holds_skipped(&self) -> usize {
        self.count(HoldStatus::Skipped)
    }

    /// Time spent running (not paused), across every jump, with the time
    /// spent waiting for the speaker at a count-in.
    pub fn active(&self) -> Duration {
        self.active + self.waited
    }

    /// Plan time spent running inside holds.
    pub fn held(&self) -> Duration {
        self.held
    }

    /// Whether the session got past its first hold, by time or by skipping.
    pub fn past_first_hold(&self) -> bool {
        self.furthest_hold > 0 || self.holds[0] != HoldStatus::Pending || self.is_finished()
    }

    fn count(&self, status: HoldStatus) -> usize {
        self.holds.iter().filter(|&&s| s == status).count()
    }

    fn current_hold(&self) -> usize {
        self.segment()
            .map_or(self.holds.len() - 1, |i| self.plan.segments[i].hold)
    }

    /// Hands out every cue due by the current position.
    fn take_due(&mut self) -> Vec<Cue> {
        let mut due = Vec::new();
        while let Some(&cue) = self.cues.get(self.next_cue) {
            if cue.at > self.position || (self.waiting && matches!(cue.event, Event::Ready { .. }))
            {
                break;
            }
            self.next_cue += 1;
            match cue.event {
                Event::HoldDone { hold, .. } => self.holds[hold] = HoldStatus::Done,
                Event::Begin { segment } => {
                    let begun = &self.plan.segments[segment];
                    let exercise: &'a Exercise = begun.exercise;
                    self.furthest_hold = self.furthest_hold.max(begun.hold);
                    self.introduced.insert(exercise.id.as_str());
                    self.phase = None;
                    self.cue = None;
                }
                Event::HoldCue { .. } => self.cue = Some(cue),
                Event::Phase { .. } => self.phase = Some(cue),
                Event::StopRule => self.run_start_said = true,
                Event::Finished => self.state = State::Finished,
                _ => {}
            }
            due.push(cue);
            if self.next_cue == self.cues.len() && self.chunk + 1 < self.plan.hold_count() {
                self.load(self.chunk + 1);
            }
        }
        due
    }

    /// Makes the cues of `hold` the ones to hand out next. An exercise's
    /// set-up and cautions come with the first of its holds the run reaches
    /// (by time or by a jump), the stop rule with the first hold of the
    /// routine reached (after any warm-up); neither is said again.
    fn load(&mut self, hold: usize) {
        let first = self
            .plan
            .first_segment_of_hold(hold)
            .map(|i| &self.plan.segments[i]);
        let introduce = Introduce {
            exercise: first.is_some_and(|s| !self.introduced.contains(s.exercise.id.as_str())),
            // With the routine's own first hold, not the warm-up's: what it
            // needs and leaves out belong to the routine, and its first
            // get-ready has the time to say them.
            run_start: !self.run_start_said && first.is_some_and(|s| s.stage == Stage::Main),
        };
        self.chunk = hold;
        self.introducing = introduce.exercise;
        self.cues = hold_cues(&self.plan, hold, introduce);
        self.next_cue = 0;
    }

    /// Moves to the start of `hold`, or to the end if there is no such hold.
    fn jump_to_hold(&mut self, hold: usize) -> Vec<Cue> {
        let Some(segment) = self.plan.first_segment_of_hold(hold) else {
            self.position = self.total();
            self.load(hold);
            return self.take_due();
        };
        self.position = Duration::from_secs(self.plan.segments[segment].start.into());
        self.load(hold);
        self.take_due()
    }

    /// The current hold again from its count-in, with nothing of its
    /// get-ready said again; in the get-ready itself, back to its start.
    fn restart_hold(&mut self) -> Vec<Cue> {
        let hold = self.current_hold();
        let Some(planned) = self.plan.hold(hold) else {
            return self.jump_to_hold(hold);
        };
        if self.position < Duration::from_secs(planned.hold_start().into()) {
            return self.jump_to_hold(hold);
        }
        self.load(hold);
        let Some(ready) = self
            .cues
            .iter()
            .position(|c| matches!(c.event, Event::Ready { .. }))
        else {
            return self.jump_to_hold(hold);
        };
        self.next_cue = ready;
        self.position = self.cues[ready].at;
        self.phase = None;
        self.cue = None;
        self.take_due()
    }

    /// How much of `from..to` lies inside hold segments.
    fn hold_time_between(&self, from: Duration, to: Duration) -> Duration {
        let first = self
            .plan
            .segment_at(from.as_secs() as u32)
            .unwrap_or(usize::MAX);
        let secs = |s: u32| Duration::from_secs(s.into());
        self.plan
            .segments
            .iter()
            .skip(first)
            .take_while(|s| secs(s.start) < to)
            .filter(|s| s.kind == SegmentKind::Hold)
            .map(|s| {
                to.min(secs(s.end()))
                    .saturating_sub(from.max(secs(s.start)))
            })
            .sum()
    }
}

#[cfg(test)]
mod tests;
