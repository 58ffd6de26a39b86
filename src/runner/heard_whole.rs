//! Every word heard whole, as a test: the timeline of every built-in
//! routine, said at the pace the timeline assumes (the plan's
//! [`Pace`](crate::engine::Pace)), never starts words while the
//! words before them are still being said. It says what a run with a voice
//! says: cues due together as one utterance, a breath that gives way to words
//! still being said, and a count-in that waits for the get-ready's words.

use std::time::Duration;

use crate::engine::{Cue, Event, Level, Plan, PlanSettings, timeline, word_count};
use crate::library::{Condition, Impact, Library, Sources, load};
use crate::words::run::{only_breaths, spoken_together};

/// Each utterance cut off by the next one in `cues`, `plan`'s timeline: when
/// it started, what it said and when the next words came, in plan time.
fn cut_off(plan: &Plan<'_>, cues: &[Cue]) -> Vec<(Duration, String, Duration)> {
    let mut cuts = Vec::new();
    // What is being said: when it started, its words, and when it ends.
    let mut speaking: Option<(Duration, String, Duration)> = None;
    // How long the run has waited at count-ins for words to be finished.
    let mut waited = Duration::ZERO;
    let mut rest: &[Cue] = cues;
    while let Some(first) = rest.first() {
        // A count-in waits until the words before it are said.
        if matches!(first.event, Event::Ready { .. })
            && let Some((_, _, ends)) = &speaking
        {
            waited += ends.saturating_sub(first.at + waited);
        }
        // What falls due together, up to the next count-in, is one utterance.
        let together = 1 + rest[1..]
            .iter()
            .take_while(|c| c.at == first.at && !matches!(c.event, Event::Ready { .. }))
            .count();
        let (group, after) = rest.split_at(together);
        rest = after;
        let at = first.at + waited;
        let Some(words) = spoken_together(plan, group) else {
            continue;
        };
        let busy = speaking.as_ref().is_some_and(|(_, _, ends)| *ends > at);
        if busy && only_breaths(group) {
            continue;
        }
        if busy && let Some((started, said, _)) = speaking.take() {
            cuts.push((started, said, at));
        }
        let ends = at + plan.pace.time_to_say(word_count(&words));
        speaking = Some((at, words, ends));
    }
    cuts
}

fn builtin() -> Library {
    load(&Sources {
        builtin: true,
        ..Sources::default()
    })
    .library
}

/// Every built-in routine, at every level, with no condition and with each
/// one, and the guided warm-ups: nothing is cut off.
#[test]
fn no_built_in_routine_cuts_off_its_own_words() {
    let library = builtin();
    let conditions = std::iter::once(Vec::new()).chain(Condition::ALL.iter().map(|c| vec![*c]));
    let mut problems = Vec::new();
    for conditions in conditions {
        for level in Level::ALL {
            let settings = PlanSettings {
                conditions: conditions.clone(),
                level,
                ..PlanSettings::default()
            };
            let mut plans: Vec<Plan<'_>> = library
                .routines()
                .iter()
                .filter_map(|r| Plan::build(r, &library, &settings).ok())
                .collect();
            plans.extend(
                [Impact::Low, Impact::High]
                    .into_iter()
                    .filter_map(|impact| Plan::warm_up(&library, &settings, impact)),
            );
            for plan in &plans {
                for (started, said, next) in cut_off(plan, &timeline(plan)) {
                    problems.push(format!(
                        "{} ({conditions:?}, level {}): at {started:?}, `{said}` is cut at {next:?}",
                        plan.routine_id,
                        level.number()
                    ));
                }
            }
        }
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} cut:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The check itself finds a cut: words due while others are still said.
#[test]
fn words_said_over_words_are_found() {
    let library = crate::engine::fixture::library();
    let plan = crate::engine::fixture::plan(&library);
    let mut cues = timeline(&plan);
    assert_eq!(cut_off(&plan, &cues), []);
    // The tilt's hold starts at 15 s with six words, said by 17.4 s: its
    // second cue a second in cuts them off.
    let hold = cues
        .iter()
        .position(|c| matches!(c.event, Event::Hold { .. }))
        .unwrap();
    cues.insert(
        hold + 3,
        Cue {
            at: Duration::from_secs(16),
            event: Event::HoldCue {
                segment: 1,
                index: 1,
            },
        },
    );
    // The first count-in waited 0.8 s for the get-ready's words (its step
    // and "Get into position" are left to that wait), so the plan time of
    // both is 0.8 s later in the run.
    let late = |seconds: u64| Duration::from_millis(seconds * 1000 + 800);
    assert_eq!(
        cut_off(&plan, &cues),
        [(
            late(15),
            "Hold for 10 seconds. Tilt gently.".to_string(),
            late(16)
        )]
    );
}

/// With no get-ready between two holds, the end of one, the next step and
/// the hold's opening are said together, and the hold's cues wait for all
/// of it.
#[test]
fn with_no_get_ready_the_cues_wait_for_the_step_and_the_end_before() {
    use crate::engine::fixture;
    use crate::library::{LibraryFile, load_files};
    // Three cues in a 20-s hold: the second is due 6 s in.
    let exercises = fixture::EXERCISES
        .replace(
            "\"Sink forward.\"",
            "\"Sink forward.\", \"Let the front hip open.\", \"Breathe out slowly.\"",
        )
        .replace("each_side = true\nhold = 10", "each_side = true\nhold = 20");
    let files = [
        LibraryFile::given("fixture/exercises/mini.toml", exercises),
        LibraryFile::given(
            "fixture/mini.toml",
            fixture::ROUTINE.replace("prep = 5", "prep = 0"),
        ),
    ];
    let library = load_files(&files, Vec::new()).library;
    let plan = fixture::plan(&library);
    let right = plan
        .segments
        .iter()
        .position(|s| s.side == Some(crate::library::Side::Right))
        .unwrap();
    assert_eq!(plan.segments[right].kind, crate::engine::SegmentKind::Hold);
    let cues = timeline(&plan);
    assert_eq!(cut_off(&plan, &cues), []);
    // "Time: ease out of the position slowly. Switch sides: right side.
    // Mirror the position on the other side. Hold for 20 seconds. Sink
    // forward." is 24 words, 9.6 s: the second cue, due 6 s in, waits.
    let start = plan.segments[right].start;
    let second = cues
        .iter()
        .find(|c| {
            c.event
                == (Event::HoldCue {
                    segment: right,
                    index: 1,
                })
        })
        .unwrap();
    assert_eq!(second.at, Duration::from_secs((start + 10).into()));
}
