//! A small library for unit tests: a plain hold, an each-side stretch and a
//! two-phase ball release in one routine, and a warm-up move. The hold and
//! the stretch have figures (standing, and kneeling on a cushion); the ball
//! release has none. The TOML is the
//! command-line tests' too (tests/fixtures/mini). The settings make the
//! transition as short as the routine's prep, 5 seconds, so a get-ready is
//! longer only to say what it says: the tilt's set-up and caution with the
//! stop rule (29 words, 12 s, and the count of 3), the lunge's set-up and
//! cautions (15 words, 6 s and the count), the ball's set-up (6 words).
//!
//! Its plan, in seconds: tilt prep 0-15, hold 15-25; lunge left prep 25-34,
//! hold 34-44; right prep 44-49, hold 49-59; ball prep 59-65, phases 65-70
//! and 70-75. Four holds, 75 seconds.

use crate::engine::{Plan, PlanSettings};
use crate::library::{Condition, Library, LibraryFile, load_files};

/// The exercises, shared with the command-line tests.
pub(crate) const EXERCISES: &str = include_str!("../../tests/fixtures/mini/exercises/mini.toml");

/// The routine `mini`, shared with the command-line tests.
pub(crate) const ROUTINE: &str = include_str!("../../tests/fixtures/mini/mini.toml");

pub(crate) fn library() -> Library {
    library_of(EXERCISES)
}

/// The fixture with the lunge on a cushion and the ball release to avoid in
/// pregnancy: with [`pregnancy_plan`], a plan with something to have at hand
/// and a step left out.
pub(crate) fn needing_library() -> Library {
    library_of(
        &EXERCISES
            .replace(
                "id = \"lunge\"",
                "id = \"lunge\"\nequipment = [\"cushion\"]",
            )
            .replace("id = \"ball\"", "id = \"ball\"\navoid_if = [\"pregnancy\"]"),
    )
}

/// The fixture routine for someone pregnant.
pub(crate) fn pregnancy_plan(library: &Library) -> Plan<'_> {
    let routine = library.routine("mini").expect("the fixture routine");
    let settings = PlanSettings {
        conditions: vec![Condition::Pregnancy],
        ..settings()
    };
    Plan::build(routine, library, &settings).expect("a plan")
}

/// The routine `paced` and its exercises, shared with the command-line
/// tests: words to say before it starts, a transfer, a paced movement and a
/// breathing hold.
pub(crate) fn paced_library() -> Library {
    let files = [
        LibraryFile::given(
            "fixture/exercises/paced.toml",
            include_str!("../../tests/fixtures/paced/exercises/paced.toml"),
        ),
        LibraryFile::given(
            "fixture/paced.toml",
            include_str!("../../tests/fixtures/paced/paced.toml"),
        ),
    ];
    let loaded = load_files(&files, Vec::new());
    assert!(!loaded.has_errors());
    loaded.library
}

/// The plan of `paced`, with the default settings.
pub(crate) fn paced_plan(library: &Library) -> Plan<'_> {
    let routine = library.routine("paced").expect("the fixture routine");
    Plan::build(routine, library, &PlanSettings::default()).expect("a plan")
}

fn library_of(exercises: &str) -> Library {
    let files = [
        LibraryFile::given("fixture/exercises/mini.toml", exercises),
        LibraryFile::given("fixture/mini.toml", ROUTINE),
    ];
    let loaded = load_files(&files, Vec::new());
    assert!(
        !loaded.has_errors(),
        "{:?}",
        loaded.errors().collect::<Vec<_>>()
    );
    loaded.library
}

pub(crate) fn plan(library: &Library) -> Plan<'_> {
    let routine = library.routine("mini").expect("the fixture routine");
    Plan::build(routine, library, &settings()).expect("a plan")
}

/// The default settings but for a transition as short as the prep.
pub(crate) fn settings() -> PlanSettings {
    PlanSettings {
        default_transition: 5,
        ..PlanSettings::default()
    }
}
