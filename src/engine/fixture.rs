//! A small library for unit tests: a plain hold, an each-side stretch and a
//! two-phase ball release, in one routine with 5 seconds to get ready before
//! every hold (its `transition` is as short as its `prep`).
//!
//! Its plan, in seconds: tilt prep 0-5, hold 5-15; lunge left prep 15-20,
//! hold 20-30; right prep 30-35, hold 35-45; ball prep 45-50, phases 50-55 and
//! 55-60. Four holds, 60 seconds.

use crate::engine::{Plan, PlanSettings};
use crate::library::{Library, LibraryFile, load_files};

pub const EXERCISES: &str = r#"
[[exercise]]
id = "tilt"
name = "Pelvic tilt"
kind = "stretch"
position = "standing"
hold = 10
setup = ["Stand tall.", "Hands on hips."]
cues = ["Tilt gently.", "Breathe."]
cautions = ["Keep the movement small."]

[[exercise]]
id = "lunge"
name = "Lunge"
kind = "stretch"
position = "kneeling"
each_side = true
hold = 10
setup = ["Kneel on the left knee."]
cues = ["Sink forward."]

[[exercise]]
id = "march"
name = "March"
kind = "warm-up"
position = "standing"
hold = 20
setup = ["Stand tall."]
cues = ["Lift the knees."]

[[exercise]]
id = "ball"
name = "Ball release"
kind = "ball-release"
position = "lying"
setup = ["Lie on the ball."]
cues = ["Keep the pressure light."]

[[exercise.phase]]
cue = "Find a spot."
hold = 5

[[exercise.phase]]
cue = "Rock slowly."
hold = 5
"#;

pub const ROUTINE: &str = r#"
name = "Mini"
prep = 5
transition = 5

[[step]]
exercise = "tilt"

[[step]]
exercise = "lunge"

[[step]]
exercise = "ball"
"#;

pub fn library() -> Library {
    let files = [
        LibraryFile::given("fixture/exercises/mini.toml", EXERCISES),
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

pub fn plan(library: &Library) -> Plan<'_> {
    let routine = library.routine("mini").expect("the fixture routine");
    Plan::build(routine, library, &PlanSettings::default()).expect("a plan")
}
