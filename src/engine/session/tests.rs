//! Tests of a session: the timeline of the shared fixture, and how pause,
//! skip, back, restart and quit move a run, checked without sleeping.

use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::engine::BreathDirection;
use crate::engine::{fixture, timeline};

fn s(seconds: u64) -> Duration {
    Duration::from_secs(seconds)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

fn events(cues: &[Cue]) -> Vec<(u64, Event)> {
    cues.iter().map(|c| (c.at.as_secs(), c.event)).collect()
}

/// What is left out and what the routine needs come once a run, before its
/// first hold, with the stop rule; a later hold says none of them again.
#[test]
fn what_is_left_out_and_what_is_needed_come_before_the_first_hold() {
    use Event::*;
    let library = fixture::needing_library();
    let plan = fixture::pregnancy_plan(&library);
    let run_start = |e: &Event| matches!(e, LeftOut { .. } | Needs | StopRule);
    let cues = events(&timeline(&plan));
    assert_eq!(
        &cues[..3],
        &[
            (0, LeftOut { index: 0 }),
            (0, Needs),
            (0, Begin { segment: 0 })
        ]
    );
    assert_eq!(cues.iter().filter(|(_, e)| run_start(e)).count(), 3);
    let mut session = Session::new(fixture::pregnancy_plan(&library));
    assert_eq!(session.run_start_hold(), Some(0));
    let mut said = session.advance(Duration::from_secs(3));
    // Back to the start of the first hold: none of it is said again.
    said.extend(session.apply(Control::Restart, Duration::from_secs(3)));
    said.extend(session.advance(Duration::from_secs(3600)));
    assert!(session.is_finished());
    assert_eq!(said.iter().filter(|c| run_start(&c.event)).count(), 3);
    // A plan that needs nothing and leaves nothing out says only the rule.
    let plain = fixture::library();
    let cues = events(&timeline(&fixture::plan(&plain)));
    assert_eq!(cues.iter().filter(|(_, e)| run_start(e)).count(), 1);
}

#[test]
fn the_timeline_of_a_plan() {
    let library = fixture::library();
    let plan = fixture::plan(&library);
    let cues = events(&timeline(&plan));
    let breath = |direction, seconds, cycle| Event::Breath {
        direction,
        seconds,
        cycle,
    };
    use BreathDirection::{In, Out};
    use Event::*;
    let hold = |segment, seconds| Hold { segment, seconds };
    let cue = |segment, index| HoldCue { segment, index };
    let done = |hold, segment| HoldDone { hold, segment };
    let count_in = |at: u64, segment| {
        vec![
            (at, Ready { segment }),
            (at, Count { seconds: 3 }),
            (at + 1, Count { seconds: 2 }),
            (at + 2, Count { seconds: 1 }),
        ]
    };
    let mut expected = vec![
        (0, Begin { segment: 0 }),
        (
            0,
            Setup {
                segment: 0,
                line: 0,
            },
        ),
        (
            0,
            Setup {
                segment: 0,
                line: 1,
            },
        ),
        (
            0,
            Caution {
                segment: 0,
                index: 0,
            },
        ),
        (0, StopRule),
    ];
    expected.extend(count_in(2, 0));
    expected.extend([
        (5, Bell),
        (5, hold(1, 10)),
        (5, cue(1, 0)),
        (5, breath(In, 4, 0)),
        (9, breath(Out, 6, 0)),
        // The second of two cues comes halfway through the hold.
        (10, cue(1, 1)),
        (15, done(0, 1)),
        (15, Bell),
        // Set-up lines and cautions come only with an exercise's first hold
        // in the run.
        (15, Begin { segment: 2 }),
        (
            15,
            Setup {
                segment: 2,
                line: 0,
            },
        ),
        (
            15,
            Caution {
                segment: 2,
                index: 0,
            },
        ),
        (
            15,
            Caution {
                segment: 2,
                index: 1,
            },
        ),
    ]);
    expected.extend(count_in(17, 2));
    expected.extend([
        (20, Bell),
        (20, hold(3, 10)),
        (20, cue(3, 0)),
        (20, breath(In, 4, 0)),
        (24, breath(Out, 6, 0)),
        (30, done(1, 3)),
        (30, Bell),
        (30, Begin { segment: 4 }),
    ]);
    expected.extend(count_in(32, 4));
    expected.extend([
        (35, Bell),
        (35, hold(5, 10)),
        (35, cue(5, 0)),
        (35, breath(In, 4, 0)),
        (39, breath(Out, 6, 0)),
        (45, done(2, 5)),
        (45, Bell),
        (45, Begin { segment: 6 }),
        (
            45,
            Setup {
                segment: 6,
                line: 0,
            },
        ),
    ]);
    expected.extend(count_in(47, 6));
    expected.extend([
        (50, Bell),
        (50, hold(7, 10)),
        (
            50,
            Phase {
                segment: 7,
                index: 0,
                of: 2,
            },
        ),
        // The exercise's own cues come with the phases of a sequence.
        (50, cue(7, 0)),
        (50, breath(In, 4, 0)),
        // The breath runs on across phases, and the last one is cut short by
        // the hold's end.
        (54, breath(Out, 6, 0)),
        (
            55,
            Phase {
                segment: 8,
                index: 1,
                of: 2,
            },
        ),
        (60, done(3, 8)),
        (60, Bell),
        (60, Finished),
    ]);
    assert_eq!(cues, expected);
}

#[test]
fn advancing_in_small_or_large_steps_gives_the_same_cues() {
    let library = fixture::library();
    let mut fine = Session::new(fixture::plan(&library));
    let mut coarse = Session::new(fixture::plan(&library));
    let mut all = Vec::new();
    for t in 0..=700 {
        all.extend(fine.advance(ms(t * 100)));
    }
    let at_once = coarse.advance(s(600));
    assert_eq!(all, at_once);
    assert_eq!(all, timeline(fine.plan()));
    assert!(fine.is_finished());
    assert_eq!((fine.holds_done(), fine.holds_skipped()), (4, 0));
    assert_eq!(fine.held(), s(40));
    assert_eq!(fine.active(), s(60));
    assert_eq!(fine.remaining(), Duration::ZERO);
}

#[test]
fn cues_come_when_due_and_not_before() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    assert_eq!(
        events(&session.advance(Duration::ZERO))[0],
        (0, Event::Begin { segment: 0 })
    );
    assert_eq!(session.next_due(), Some(s(2)));
    assert!(session.advance(ms(1_999)).is_empty());
    assert_eq!(
        events(&session.advance(s(2))),
        vec![
            (2, Event::Ready { segment: 0 }),
            (2, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.segment(), Some(0));
    session.advance(s(5));
    assert_eq!(session.segment(), Some(1));
}

#[test]
fn paused_time_does_not_count() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(1));
    let cues = session.apply(Control::Pause, ms(2_500));
    assert_eq!(
        events(&cues),
        vec![
            (2, Event::Ready { segment: 0 }),
            (2, Event::Count { seconds: 3 }),
            (2, Event::Paused)
        ]
    );
    assert!(session.is_paused());
    assert_eq!(session.next_due(), None);
    assert!(session.advance(s(100)).is_empty());
    assert_eq!(session.position(), ms(2_500));
    let cues = session.apply(Control::TogglePause, s(100));
    assert_eq!(events(&cues), vec![(2, Event::Resumed)]);
    // The count goes on from where it stood: half a second to the next one.
    assert_eq!(session.next_due(), Some(ms(100_500)));
    assert!(session.advance(ms(100_499)).is_empty());
    assert_eq!(
        events(&session.advance(ms(100_500))),
        vec![(3, Event::Count { seconds: 2 })]
    );
    session.advance(ms(157_500));
    assert!(session.is_finished());
    assert_eq!(session.active(), s(60));
}

#[test]
fn waiting_stops_at_the_count_in_and_counts_as_time_taken() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.set_waiting(true, Duration::ZERO);
    assert_eq!(session.advance(Duration::ZERO).len(), 5);
    assert!(!session.is_waiting());
    assert!(session.advance(s(10)).is_empty());
    assert!(session.is_waiting());
    assert_eq!(session.position(), s(2));
    assert_eq!(session.next_due(), None);
    // Let go at 10 s, the count-in starts then, whenever the next look is.
    session.set_waiting(false, s(10));
    assert_eq!(
        events(&session.advance(s(10))),
        vec![
            (2, Event::Ready { segment: 0 }),
            (2, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.next_due(), Some(s(11)));
    let cues = session.advance(s(13));
    assert!(cues.contains(&Cue {
        at: s(5),
        event: Event::Hold {
            segment: 1,
            seconds: 10
        }
    }));
    assert_eq!(session.position(), s(5));
    assert_eq!(session.active(), s(13));
}

#[test]
fn set_up_comes_once_with_the_first_hold_reached() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(25));
    let cues = session.apply(Control::Back, s(25));
    assert_eq!(events(&cues), vec![(0, Event::Begin { segment: 0 })]);
    let cues = session.apply(Control::Skip, s(25));
    assert_eq!(events(&cues), vec![(15, Event::Begin { segment: 2 })]);
    // Back from the right side to the left: the lunge was introduced there.
    session.advance(s(42));
    assert_eq!(session.segment(), Some(4));
    let cues = session.apply(Control::Back, s(42));
    assert_eq!(events(&cues), vec![(15, Event::Begin { segment: 2 })]);
}

#[test]
fn skip_marks_the_hold_skipped_and_starts_the_next() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(7));
    let cues = session.apply(Control::Skip, s(7));
    assert_eq!(
        events(&cues),
        vec![
            (15, Event::Begin { segment: 2 }),
            (
                15,
                Event::Setup {
                    segment: 2,
                    line: 0
                }
            ),
            (
                15,
                Event::Caution {
                    segment: 2,
                    index: 0
                }
            ),
            (
                15,
                Event::Caution {
                    segment: 2,
                    index: 1
                }
            )
        ]
    );
    assert_eq!(session.position(), s(15));
    assert_eq!((session.holds_done(), session.holds_skipped()), (0, 1));
    assert_eq!(session.held(), s(2));
    assert!(session.past_first_hold());
    // Plan time goes on from the new position.
    assert_eq!(
        events(&session.advance(s(9))),
        vec![
            (17, Event::Ready { segment: 2 }),
            (17, Event::Count { seconds: 3 })
        ]
    );
}

#[test]
fn skipping_the_last_hold_finishes() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(52));
    let cues = session.apply(Control::Skip, s(52));
    assert_eq!(events(&cues), vec![(60, Event::Finished)]);
    assert!(session.is_finished());
    assert_eq!((session.holds_done(), session.holds_skipped()), (3, 1));
    assert!(session.apply(Control::Skip, s(53)).is_empty());
    assert!(session.apply(Control::Back, s(53)).is_empty());
}

#[test]
fn back_goes_to_the_previous_hold_and_at_the_first_to_its_start() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(3));
    let cues = session.apply(Control::Back, s(3));
    assert_eq!(events(&cues), vec![(0, Event::Begin { segment: 0 })]);
    assert_eq!(session.position(), Duration::ZERO);
    assert!(!session.past_first_hold());
    session.advance(s(25));
    let cues = session.apply(Control::Back, s(25));
    assert_eq!(events(&cues), vec![(0, Event::Begin { segment: 0 })]);
    assert_eq!(session.holds_done(), 1, "a hold once done stays done");
}

#[test]
fn restart_goes_back_to_the_start_of_this_hold() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(40));
    let cues = session.apply(Control::Restart, s(40));
    assert_eq!(events(&cues), vec![(30, Event::Begin { segment: 4 })]);
    assert_eq!(session.position(), s(30));
}

#[test]
fn quit_ends_without_finishing() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(10));
    assert!(session.apply(Control::Quit, s(10)).is_empty());
    assert!(session.is_over());
    assert!(!session.is_finished());
    assert!(!session.past_first_hold());
    assert!(session.advance(s(100)).is_empty());
    assert_eq!(session.next_due(), None);
}

fn control() -> impl Strategy<Value = Option<Control>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(Control::Pause)),
        1 => Just(Some(Control::Resume)),
        1 => Just(Some(Control::TogglePause)),
        2 => Just(Some(Control::Skip)),
        2 => Just(Some(Control::Back)),
        1 => Just(Some(Control::Restart)),
        1 => Just(Some(Control::Quit)),
    ]
}

proptest! {
    #[test]
    fn any_sequence_of_actions_stays_in_bounds(
        steps in prop::collection::vec((0u64..20_000, control()), 0..60),
    ) {
        let library = fixture::library();
        let mut session = Session::new(fixture::plan(&library));
        let holds = session.plan().hold_count();
        let mut now = Duration::ZERO;
        let mut last_at = Duration::ZERO;
        for (step_ms, control) in steps {
            now += ms(step_ms);
            let before = session.position();
            let cues = match control {
                Some(control) => session.apply(control, now),
                None => session.advance(now),
            };
            prop_assert!(session.position() <= session.total());
            prop_assert!(session.remaining() <= session.total());
            if let Some(i) = session.segment() {
                prop_assert!(i < session.plan().segments.len());
            }
            prop_assert!(session.holds_done() + session.holds_skipped() <= holds);
            prop_assert!(session.held() <= session.active());
            if let Some(due) = session.next_due() {
                prop_assert!(due >= now);
            }
            // Without a jump, cues come in time order and never ahead of time.
            if control.is_none() {
                for cue in &cues {
                    prop_assert!(cue.at >= last_at && cue.at >= before);
                    prop_assert!(cue.at <= session.position());
                    last_at = cue.at;
                }
            } else if let Some(cue) = cues.last() {
                last_at = cue.at;
            }
            if session.is_over() {
                prop_assert!(session.advance(now + s(1_000)).is_empty());
                prop_assert_eq!(session.next_due(), None);
            }
        }
        // Whatever happened, running on long enough ends the routine.
        session.apply(Control::Resume, now);
        session.advance(now + s(10_000));
        prop_assert!(session.is_over());
    }
}

#[test]
fn only_the_running_hold_has_its_cues_made() {
    let library = fixture::library();
    let mut routine = library.routine("mini").unwrap().clone();
    let step = routine.steps[1].clone();
    routine.steps = vec![step; 2_000];
    let plan = Plan::build(&routine, &library, &fixture::settings()).unwrap();
    assert_eq!(plan.hold_count(), 4_000);
    let mut session = Session::new(plan);
    // A hold's get-ready, count-in, cues and breaths: a few dozen at most,
    // however long the routine.
    assert!(session.cues.len() < 30, "{}", session.cues.len());
    session.advance(s(30_000));
    assert!(session.cues.len() < 30, "{}", session.cues.len());
    assert_eq!(
        session.plan().segments[session.segment().unwrap()].hold,
        30_000 / 15
    );
}
