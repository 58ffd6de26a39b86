//! The duration rules the plan and the planner share: how long to get ready
//! before a hold, which includes the time to say what that get-ready says,
//! and how long one routine step takes in all.

use std::collections::HashSet;

use super::guidance::Telling;
use super::pace::Pace;
use super::segment::LeftOut;
use crate::library::{Condition, Equipment, Exercise, Kind, Position, Side};

/// How many seconds of count-down lead into each hold.
pub(crate) const COUNT_FROM: u32 = 3;

/// The get-ready time before a hold in `position`, after a hold in
/// `previous` (`None` for the first hold): `transition` at the first hold and
/// at a change of position, else `prep`. A transition is never shorter than
/// the prep. A get-ready that says something is then made long enough to say
/// it ([`ready_to_say`]).
pub(super) fn get_ready(
    previous: Option<Position>,
    position: Position,
    prep: u32,
    transition: u32,
) -> u32 {
    if previous == Some(position) {
        prep
    } else {
        transition.max(prep)
    }
}

/// A get-ready of `ready` seconds that says `words` words, lengthened where
/// needed so that they are said (or read) in full at `pace` before the
/// count-in: a person hears how to get into position, and still has the
/// count of 3, 2, 1.
fn ready_to_say(ready: u32, words: usize, pace: Pace) -> u32 {
    if words == 0 {
        return ready;
    }
    ready.max(pace.seconds_to_say(words) + COUNT_FROM)
}

/// The words of `text`, as a voice says them.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// What the get-ready before an exercise's first hold in a run says, in
/// words: its name, the set-up lines `telling` keeps, then the cautions it
/// keeps, each said after the word "Caution". The short words around them
/// ("Left side", "Get into position") are left to the count-in and, with a
/// voice, to its wait.
fn introduction_words(exercise: &Exercise, telling: Telling<'_>) -> usize {
    word_count(&exercise.name)
        + exercise.setup[..telling.setup_lines(exercise)]
            .iter()
            .map(|l| word_count(l))
            .sum::<usize>()
        + telling
            .cautions(exercise)
            .map(|(_, c)| 1 + word_count(&c.text))
            .sum::<usize>()
}

/// The shortest get-ready that introduces `exercise` as `telling` says:
/// long enough to say its words at `pace` and count in.
pub(super) fn ready_to_introduce(exercise: &Exercise, telling: Telling<'_>, pace: Pace) -> u32 {
    ready_to_say(0, introduction_words(exercise, telling), pace)
}

/// What is said once a run, with the routine's first hold, in words: the
/// routine's own lines to say before it starts (`before`), each step left
/// out for a condition, what the routine needs at hand, and the rule that
/// holds throughout.
pub(crate) fn opening_words(
    before: &[String],
    left_out: &[LeftOut<'_>],
    equipment: &[Equipment],
) -> usize {
    before.iter().map(|l| word_count(l)).sum::<usize>()
        + left_out
            .iter()
            .map(|l| word_count(&crate::words::left_out_line(l)))
            .sum::<usize>()
        + crate::words::needs(equipment).map_or(0, |n| word_count(&n))
        + word_count(crate::words::STOP_RULE)
}

/// The get-ready before the first hold of `exercise` in a run, after a hold
/// in `previous`: the rule's time ([`get_ready`]), made long enough to say the
/// exercise's name, the set-up lines and cautions `telling` keeps, and `also`
/// more words (what is said once a run, before the routine's first hold), at
/// `pace`.
pub(crate) fn first_ready(
    previous: Option<Position>,
    exercise: &Exercise,
    prep: u32,
    transition: u32,
    also: usize,
    telling: Telling<'_>,
    pace: Pace,
) -> u32 {
    let ready = get_ready(previous, exercise.position, prep, transition);
    ready_to_say(ready, introduction_words(exercise, telling) + also, pace)
}

/// The get-ready before each hold of a run, taken in order: [`get_ready`],
/// or for an exercise's first hold [`first_ready`], with what is said once a
/// run at the very first. The plan lays its segments out by it, and the
/// planner adds up a draft's get-readies by it.
pub(crate) struct GetReadies<'a> {
    prep: u32,
    transition: u32,
    pace: Pace,
    /// The person's conditions: the cautions for them are said.
    conditions: Vec<Condition>,
    /// The words said once a run, until the first hold takes them.
    opening: usize,
    met: HashSet<&'a str>,
    previous: Option<Position>,
}

impl<'a> GetReadies<'a> {
    /// With `opening` words said once a run (see [`opening_words`]), to a
    /// person with `conditions`, every word said at `pace`.
    pub(crate) fn new(
        prep: u32,
        transition: u32,
        opening: usize,
        conditions: Vec<Condition>,
        pace: Pace,
    ) -> GetReadies<'a> {
        GetReadies {
            prep,
            transition,
            pace,
            conditions,
            opening,
            met: HashSet::new(),
            previous: None,
        }
    }

    /// The get-ready before the next hold, a hold of `exercise`, which is
    /// introduced `brief`ly or in full.
    pub(crate) fn next(&mut self, exercise: &'a Exercise, brief: bool) -> u32 {
        let previous = self.previous.replace(exercise.position);
        if self.met.insert(exercise.id.as_str()) {
            let opening = std::mem::take(&mut self.opening);
            let telling = Telling {
                brief,
                conditions: &self.conditions,
            };
            first_ready(
                previous,
                exercise,
                self.prep,
                self.transition,
                opening,
                telling,
                self.pace,
            )
        } else {
            get_ready(previous, exercise.position, self.prep, self.transition)
        }
    }
}

/// Seconds one routine step takes when its first hold is preceded by
/// `first_ready` seconds (from [`first_ready`] or [`get_ready`]) and the
/// others by `prep`, or the time to change sides where that is longer
/// ([`switch_ready`]): `first_ready + hold + (repeat × sides − 1) ×
/// (switch_ready + hold)`, where a phased exercise's hold is the sum of its
/// phases, and for a two-sided stretch of a person with a `tighter` side
/// one more hold on it ([`extra_side`], [`extra_ready`]). It is the
/// sum `Plan::build` lays out as segments, for planning a routine before it
/// exists.
pub(crate) fn step_seconds(
    exercise: &Exercise,
    hold: Option<u32>,
    repeat: u32,
    first_ready: u32,
    prep: u32,
    tighter: Option<Side>,
) -> u32 {
    let hold = if exercise.has_phases() {
        exercise.hold
    } else {
        hold.unwrap_or(exercise.hold)
    };
    let holds = repeat * exercise.sides();
    let extra =
        extra_side(exercise, tighter).map_or(0, |side| extra_ready(exercise, side, prep) + hold);
    first_ready + hold + holds.saturating_sub(1) * (switch_ready(exercise, prep) + hold) + extra
}

/// The side of the one extra hold a step gets, if any: the `tighter` side,
/// for a stretch done on each side (a sequence of phases is no stretch to
/// hold longer). It comes right after the step's last pair, so the tighter
/// side is held once more than the other.
pub(super) fn extra_side(exercise: &Exercise, tighter: Option<Side>) -> Option<Side> {
    tighter
        .filter(|_| exercise.kind == Kind::Stretch && exercise.each_side && !exercise.has_phases())
}

/// The get-ready before the extra hold on `side`: after the right side of
/// the pair, the left is a change of sides ([`switch_ready`]); the right is
/// held again where it is, after the `prep`.
pub(super) fn extra_ready(exercise: &Exercise, side: Side, prep: u32) -> u32 {
    match side {
        Side::Left => switch_ready(exercise, prep),
        Side::Right => prep,
    }
}

/// The get-ready before a hold of a step that follows another hold of the
/// same step, `prep` by the rule: for a two-sided exercise a change of sides,
/// never shorter than the exercise's `switch_sides`.
pub(super) fn switch_ready(exercise: &Exercise, prep: u32) -> u32 {
    if exercise.each_side {
        prep.max(exercise.switch_sides)
    } else {
        prep
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_get_ready_lasts_until_its_words_are_said_and_counted_in() {
        let pace = Pace::DEFAULT;
        // Nothing to say: the rule's time, even none.
        assert_eq!(ready_to_say(0, 0, pace), 0);
        assert_eq!(ready_to_say(5, 0, pace), 5);
        // Words: never shorter than the rule's time.
        assert_eq!(ready_to_say(15, 5, pace), 15);
        // 150 words a minute: 25 words in ten seconds.
        assert_eq!(ready_to_say(5, 25, pace), 10 + COUNT_FROM);
        assert_eq!(ready_to_say(0, 1, pace), 1 + COUNT_FROM);
        // At a slower pace the same words take longer, at a faster one less.
        assert_eq!(ready_to_say(5, 25, Pace::new(75).unwrap()), 20 + COUNT_FROM);
        assert_eq!(ready_to_say(5, 25, Pace::new(300).unwrap()), 5 + COUNT_FROM);
    }

    #[test]
    fn a_transition_comes_first_and_at_a_change_of_position_never_under_the_prep() {
        assert_eq!(get_ready(None, Position::Lying, 4, 2), 4);
        assert_eq!(get_ready(None, Position::Lying, 4, 20), 20);
        assert_eq!(get_ready(Some(Position::Lying), Position::Lying, 4, 20), 4);
        assert_eq!(get_ready(Some(Position::Prone), Position::Lying, 4, 20), 20);
    }

    #[test]
    fn words_are_counted_as_they_are_said() {
        assert_eq!(word_count("  Kneel on  a cushion.\t"), 4);
        assert_eq!(word_count(""), 0);
    }
}
