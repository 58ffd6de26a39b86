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
    let introductions: Vec<Event> = session.get_ready_events().copied().collect();
    assert_eq!(
        introductions,
        [
            LeftOut { index: 0 },
            Needs,
            Setup {
                segment: 0,
                line: 0
            },
            Setup {
                segment: 0,
                line: 1
            },
            Caution {
                segment: 0,
                index: 0
            },
            StopRule
        ]
    );
    let mut said = session.advance(Duration::from_secs(3));
    // Back to the start of the first hold: none of it is said again.
    said.extend(session.apply(Control::Restart, Duration::from_secs(3)));
    said.extend(session.advance(Duration::from_secs(3600)));
    assert!(session.is_finished());
    assert_eq!(said.iter().filter(|c| run_start(&c.event)).count(), 3);
    // Back to the first hold, its get-ready says nothing more.
    session = Session::new(fixture::pregnancy_plan(&library));
    session.advance(Duration::from_secs(30));
    session.apply(Control::Back, Duration::from_secs(30));
    assert_eq!(session.get_ready_events().count(), 0);
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
    let breath = |direction, seconds, cycle, voiced| Event::Breath {
        direction,
        seconds,
        cycle,
        voiced,
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
    expected.extend(count_in(12, 0));
    expected.extend([
        (15, Bell),
        (15, hold(1, 10)),
        (15, cue(1, 0)),
        (15, breath(In, 4, 0, false)),
        (19, breath(Out, 6, 0, true)),
        // The second of two cues comes halfway through the hold.
        (20, cue(1, 1)),
        (25, done(0, 1)),
        (25, Bell),
        // Set-up lines and cautions come only with an exercise's first hold
        // in the run.
        (25, Begin { segment: 2 }),
        (
            25,
            Setup {
                segment: 2,
                line: 0,
            },
        ),
        (
            25,
            Caution {
                segment: 2,
                index: 0,
            },
        ),
        (
            25,
            Caution {
                segment: 2,
                index: 1,
            },
        ),
    ]);
    expected.extend(count_in(31, 2));
    expected.extend([
        (34, Bell),
        (34, hold(3, 10)),
        (34, cue(3, 0)),
        (34, breath(In, 4, 0, false)),
        (38, breath(Out, 6, 0, true)),
        (44, done(1, 3)),
        (44, Bell),
        (44, Begin { segment: 4 }),
    ]);
    expected.extend(count_in(46, 4));
    expected.extend([
        (49, Bell),
        (49, hold(5, 10)),
        (49, cue(5, 0)),
        (49, breath(In, 4, 0, false)),
        (53, breath(Out, 6, 0, true)),
        (59, done(2, 5)),
        (59, Bell),
        (59, Begin { segment: 6 }),
        (
            59,
            Setup {
                segment: 6,
                line: 0,
            },
        ),
    ]);
    expected.extend(count_in(62, 6));
    expected.extend([
        (65, Bell),
        (65, hold(7, 10)),
        (
            65,
            Phase {
                segment: 7,
                index: 0,
                of: 2,
            },
        ),
        // A phase of 10 s or less says its own cue only: the exercise's cue
        // is left out, and no breath is called.
        (
            70,
            Phase {
                segment: 8,
                index: 1,
                of: 2,
            },
        ),
        (75, done(3, 8)),
        (75, Bell),
        (75, Finished),
    ]);
    assert_eq!(cues, expected);
}

#[test]
fn advancing_in_small_or_large_steps_gives_the_same_cues() {
    let library = fixture::library();
    let mut fine = Session::new(fixture::plan(&library));
    let mut coarse = Session::new(fixture::plan(&library));
    let mut all = Vec::new();
    for t in 0..=800 {
        all.extend(fine.advance(ms(t * 100)));
    }
    let at_once = coarse.advance(s(600));
    assert_eq!(all, at_once);
    assert_eq!(all, timeline(fine.plan()));
    assert!(fine.is_finished());
    assert_eq!((fine.holds_done(), fine.holds_skipped()), (4, 0));
    assert_eq!(fine.held(), s(40));
    assert_eq!(fine.active(), s(75));
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
    assert_eq!(session.next_due(), Some(s(12)));
    assert!(session.advance(ms(11_999)).is_empty());
    assert_eq!(
        events(&session.advance(s(12))),
        vec![
            (12, Event::Ready { segment: 0 }),
            (12, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.segment(), Some(0));
    session.advance(s(15));
    assert_eq!(session.segment(), Some(1));
}

#[test]
fn paused_time_does_not_count() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(1));
    let cues = session.apply(Control::Pause, ms(12_500));
    assert_eq!(
        events(&cues),
        vec![
            (12, Event::Ready { segment: 0 }),
            (12, Event::Count { seconds: 3 }),
            (12, Event::Paused)
        ]
    );
    assert!(session.is_paused());
    assert_eq!(session.next_due(), None);
    assert!(session.advance(s(100)).is_empty());
    assert_eq!(session.position(), ms(12_500));
    let cues = session.apply(Control::TogglePause, s(100));
    assert_eq!(events(&cues), vec![(12, Event::Resumed)]);
    // The count goes on from where it stood: half a second to the next one.
    assert_eq!(session.next_due(), Some(ms(100_500)));
    assert!(session.advance(ms(100_499)).is_empty());
    assert_eq!(
        events(&session.advance(ms(100_500))),
        vec![(13, Event::Count { seconds: 2 })]
    );
    session.advance(ms(162_500));
    assert!(session.is_finished());
    assert_eq!(session.active(), s(75));
}

#[test]
fn waiting_stops_at_the_count_in_and_counts_as_time_taken() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.set_waiting(true, Duration::ZERO);
    assert_eq!(session.advance(Duration::ZERO).len(), 5);
    assert!(!session.is_waiting());
    assert!(session.advance(s(20)).is_empty());
    assert!(session.is_waiting());
    assert_eq!(session.position(), s(12));
    assert_eq!(session.next_due(), None);
    // Let go at 20 s, the count-in starts then, whenever the next look is.
    session.set_waiting(false, s(20));
    assert_eq!(
        events(&session.advance(s(20))),
        vec![
            (12, Event::Ready { segment: 0 }),
            (12, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.next_due(), Some(s(21)));
    let cues = session.advance(s(23));
    assert!(cues.contains(&Cue {
        at: s(15),
        event: Event::Hold {
            segment: 1,
            seconds: 10
        }
    }));
    assert_eq!(session.position(), s(15));
    assert_eq!(session.active(), s(23));
}

#[test]
fn set_up_comes_once_with_the_first_hold_reached() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(38));
    let cues = session.apply(Control::Back, s(38));
    assert_eq!(events(&cues), vec![(0, Event::Begin { segment: 0 })]);
    let cues = session.apply(Control::Skip, s(38));
    assert_eq!(events(&cues), vec![(25, Event::Begin { segment: 2 })]);
    // Back from the right side to the left: the lunge was introduced there.
    session.advance(s(59));
    assert_eq!(session.segment(), Some(4));
    let cues = session.apply(Control::Back, s(59));
    assert_eq!(events(&cues), vec![(25, Event::Begin { segment: 2 })]);
}

#[test]
fn skip_marks_the_hold_skipped_and_starts_the_next() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(17));
    let cues = session.apply(Control::Skip, s(17));
    assert_eq!(
        events(&cues),
        vec![
            (25, Event::Begin { segment: 2 }),
            (
                25,
                Event::Setup {
                    segment: 2,
                    line: 0
                }
            ),
            (
                25,
                Event::Caution {
                    segment: 2,
                    index: 0
                }
            ),
            (
                25,
                Event::Caution {
                    segment: 2,
                    index: 1
                }
            )
        ]
    );
    assert_eq!(session.position(), s(25));
    assert_eq!((session.holds_done(), session.holds_skipped()), (0, 1));
    assert_eq!(session.held(), s(2));
    assert!(session.past_first_hold());
    // Plan time goes on from the new position.
    assert_eq!(
        events(&session.advance(s(23))),
        vec![
            (31, Event::Ready { segment: 2 }),
            (31, Event::Count { seconds: 3 })
        ]
    );
}

#[test]
fn skipping_the_last_hold_finishes() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(67));
    let cues = session.apply(Control::Skip, s(67));
    assert_eq!(events(&cues), vec![(75, Event::Finished)]);
    assert!(session.is_finished());
    assert_eq!((session.holds_done(), session.holds_skipped()), (3, 1));
    assert!(session.apply(Control::Skip, s(68)).is_empty());
    assert!(session.apply(Control::Back, s(68)).is_empty());
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
    session.advance(s(39));
    let cues = session.apply(Control::Back, s(39));
    assert_eq!(events(&cues), vec![(0, Event::Begin { segment: 0 })]);
    assert_eq!(session.holds_done(), 1, "a hold once done stays done");
}

/// A restart in a hold goes back to its count-in, not to its get-ready:
/// nothing of the get-ready is said or waited for again.
#[test]
fn restart_counts_this_hold_in_again() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(52));
    let cues = session.apply(Control::Restart, s(52));
    assert_eq!(
        events(&cues),
        vec![
            (46, Event::Ready { segment: 4 }),
            (46, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.position(), s(46));
    assert_eq!((session.phase(), session.cue()), (None, None));
    let cues = session.advance(s(55));
    assert_eq!(
        events(&cues)[..4],
        [
            (47, Event::Count { seconds: 2 }),
            (48, Event::Count { seconds: 1 }),
            (49, Event::Bell),
            (
                49,
                Event::Hold {
                    segment: 5,
                    seconds: 10
                }
            ),
        ]
    );
    // The first hold's get-ready is long, for its words; a restart in the
    // hold says none of them again.
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(20));
    let cues = session.apply(Control::Restart, s(20));
    assert_eq!(events(&cues)[0], (12, Event::Ready { segment: 0 }));
    assert!(
        cues.iter()
            .chain(&session.advance(s(25)))
            .all(|c| !matches!(c.event, Event::Setup { .. } | Event::StopRule))
    );
    // In a get-ready, a restart goes back to its start.
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(46));
    let cues = session.apply(Control::Restart, s(46));
    assert_eq!(events(&cues), vec![(44, Event::Begin { segment: 4 })]);
}

#[test]
fn ready_goes_on_to_the_count_in_and_passes_over_the_rest_of_the_get_ready() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(s(2));
    let cues = session.apply(Control::Ready, s(2));
    assert_eq!(
        events(&cues),
        vec![
            (12, Event::Ready { segment: 0 }),
            (12, Event::Count { seconds: 3 })
        ]
    );
    assert_eq!(session.position(), s(12));
    // The ten seconds passed over were neither spent nor held.
    assert_eq!((session.active(), session.held()), (s(2), Duration::ZERO));
    // In the count-in or the hold, there is nothing to pass over.
    assert!(
        session
            .apply(Control::Ready, s(3))
            .iter()
            .all(|c| c.at == s(13))
    );
    session.advance(s(6));
    assert!(session.apply(Control::Ready, s(6)).is_empty());
    assert_eq!(session.position(), s(16));
    // With a voice still speaking, it stops at the count-in to wait.
    let mut session = Session::new(fixture::plan(&library));
    session.set_waiting(true, Duration::ZERO);
    session.advance(s(1));
    assert!(session.apply(Control::Ready, s(1)).is_empty());
    assert!(session.is_waiting());
    assert_eq!(session.position(), s(12));
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
    // Every hold is 15 s but the first, whose get-ready is 12 s longer: it
    // says the lunge's set-up and cautions, and the stop rule.
    session.advance(s(30_000 + 12));
    assert!(session.cues.len() < 30, "{}", session.cues.len());
    assert_eq!(
        session.plan().segments[session.segment().unwrap()].hold,
        30_000 / 15
    );
}

#[test]
fn the_exercises_held_to_their_end_are_known_each_once() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    assert!(session.exercises_held().is_empty());
    // The tilt's hold ends at 25 s; the lunge's left side at 44 s.
    session.advance(s(25));
    assert_eq!(session.exercises_held(), ["tilt"]);
    session.advance(s(45));
    session.apply(Control::Skip, s(45));
    session.apply(Control::Skip, s(45));
    assert_eq!(session.exercises_held(), ["tilt", "lunge"]);
    session.advance(s(600));
    assert_eq!(session.exercises_held(), ["tilt", "lunge"]);
}

#[test]
fn a_brief_get_ready_is_told_in_full_once_asked() {
    use crate::engine::{Guidance, GuidanceSettings, PlanSettings};
    let library = fixture::library();
    let routine = library.routine("mini").unwrap();
    let settings = PlanSettings {
        guidance: GuidanceSettings::always(Guidance::Brief),
        ..fixture::settings()
    };
    let brief = Plan::build(routine, &library, &settings).unwrap();
    let full = fixture::plan(&library);
    let mut session = Session::new(brief.clone());
    let said = |cues: &[Cue]| {
        cues.iter()
            .filter(|c| matches!(c.event, Event::Setup { .. } | Event::Caution { .. }))
            .count()
    };
    // Brief: the tilt's first set-up line only.
    assert_eq!(said(&session.advance(s(1))), 1);
    assert!(session.can_tell_in_full());
    let again = session.apply(Control::InFull, s(2));
    // From the start of the get-ready: both set-up lines and the caution.
    // Its time, long enough for the stop rule too, is long enough for them.
    assert_eq!(said(&again), 3);
    assert_eq!(session.position(), s(0));
    assert!(!session.can_tell_in_full());
    assert_eq!(session.total(), s(brief.total().into()));
    // The lunge's get-ready says one line of 6 words, the full one 15 words:
    // 6 s and 9 s with the count. It grows by 3 s, and so does the plan.
    let lunge = |plan: &Plan<'_>| plan.holds()[1].prep;
    assert_eq!((lunge(&brief), lunge(&full)), (6, 9));
    let start = u64::from(session.plan().holds()[1].start);
    // The clock is 2 s ahead of the plan, which went back 2 s.
    assert_eq!(said(&session.advance(s(start + 3))), 1);
    assert_eq!(said(&session.apply(Control::InFull, s(start + 4))), 3);
    assert_eq!(session.position(), s(start));
    assert_eq!(lunge(session.plan()), 9);
    assert_eq!(session.total(), s(u64::from(brief.total()) + 3));
    // Asked again, nothing changes.
    assert!(session.apply(Control::InFull, s(3)).is_empty());
    // Once the hold starts, or in a get-ready that introduces nothing (the
    // lunge's right side), there is nothing to tell.
    let right = session.plan().hold(2).unwrap();
    session.advance(s(u64::from(right.start) + 5));
    assert!(!session.can_tell_in_full());
}
