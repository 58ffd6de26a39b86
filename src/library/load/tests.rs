//! Loading whole libraries: every problem reported at once, layers that
//! replace and duplicates that do not, and no panic on any text.

use proptest::prelude::*;

use super::*;
use crate::diagnostic::SourceText;
use crate::library::sources::{FileRole, Layer};

fn load_texts(files: &[(&str, &str)]) -> Loaded {
    let files: Vec<LibraryFile> = files
        .iter()
        .map(|(p, t)| LibraryFile::given(*p, *t))
        .collect();
    load_files(&files, Vec::new())
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.diagnostics.iter().map(ToString::to_string).collect()
}

const EXERCISES: &str = r#"[[exercise]]
id = "knee-to-chest"
name = "Knee to chest"
kind = "stretch"
position = "lying"
each_side = true
setup = ["Lie on your back."]

[[exercise]]
id = "ball-back"
name = "Ball on the back"
kind = "ball-release"
position = "lying"
setup = ["Lie on the ball."]
[[exercise.phase]]
cue = "Settle."
hold = 20
[[exercise.phase]]
cue = "Breathe."
hold = 30
"#;

#[test]
fn a_good_library_loads_with_no_diagnostics() {
    let loaded = load_texts(&[
        ("lib/exercises/a.toml", EXERCISES),
        (
            "lib/mine.toml",
            "name = \"Mine\"\n[[step]]\nexercise = \"knee-to-chest\"\nrepeat = 2\n",
        ),
    ]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    let routine = loaded.library.routine("mine").unwrap();
    assert_eq!(routine.steps[0].repeat, 2);
    assert_eq!(loaded.library.exercise("ball-back").unwrap().hold, 50);
}

#[test]
fn steps_share_their_exercise_ids_and_a_routine_can_be_taken_out() {
    let step = "[[step]]\nexercise = \"knee-to-chest\"\n";
    let loaded = load_texts(&[
        ("lib/exercises/a.toml", EXERCISES),
        ("lib/a.toml", &format!("name = \"A\"\n{step}")),
        ("lib/b.toml", &format!("name = \"B\"\n{step}{step}")),
        ("lib/c.toml", &format!("name = \"C\"\n{step}")),
    ]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    let mut library = loaded.library;
    let b = library.take_routine("B").unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &b.steps[0].exercise,
        &b.steps[1].exercise
    ));
    assert!(library.routine("b").is_none());
    let left: Vec<&str> = library.routines().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(left, ["a", "c"]);
    assert_eq!(library.routine("c").unwrap().name, "C");
    assert_eq!(library.take_routine("b"), None);
}

#[test]
fn every_problem_in_a_routine_is_reported() {
    let routine = "name = \"\"\nprep = 90\nwarm_up = \"yes\"\n[[step]]\nexercise = \"knee-to-chst\"\n[[step]]\nexercise = \"ball-back\"\nhold = 40\n[[step]]\nexercise = \"knee-to-chest\"\nrepeat = 0\n";
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", routine)]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/r.toml:1:8: error: `name`: is empty\n  help: write a few words here",
            "lib/r.toml:2:8: error: `prep`: 90 is out of range\n  help: a whole number of seconds from 0 to 60",
            "lib/r.toml:3:11: error: `warm_up`: invalid type: string \"yes\", expected true or false",
            "lib/r.toml:5:12: error: `step[1].exercise`: no exercise has the id `knee-to-chst`\n  help: did you mean `knee-to-chest`? (`psoas list` shows every id)",
            "lib/r.toml:8:8: error: `step[2].hold`: `ball-back` is a timed sequence of phases\n  help: remove `hold` from this step: its length is the sum of the exercise's phases",
            "lib/r.toml:11:10: error: `step[3].repeat`: 0 is out of range\n  help: a whole number of times from 1 to 20",
        ]
    );
    let routine = routine
        .replace("warm_up = \"yes\"", "warm_up = true")
        .replace("name = \"\"", "name = \"R\"")
        .replace("prep = 90", "prep = 9")
        .replace("repeat = 0", "repeat = 1");
    let loaded = load_texts(&[
        ("lib/exercises/a.toml", EXERCISES),
        ("lib/r.toml", &routine),
    ]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/r.toml:5:12: error: `step[1].exercise`: no exercise has the id `knee-to-chst`\n  help: did you mean `knee-to-chest`? (`psoas list` shows every id)",
            "lib/r.toml:8:8: error: `step[2].hold`: `ball-back` is a timed sequence of phases\n  help: remove `hold` from this step: its length is the sum of the exercise's phases",
        ]
    );
    assert!(loaded.library.routine("r").is_none());
}

/// A routine's words to say before it starts are lines of text, each
/// checked where it is written.
#[test]
fn before_lines_are_checked_each_in_its_place() {
    let step = "[[step]]\nexercise = \"knee-to-chest\"\n";
    let good = format!("name = \"R\"\nbefore = [\"Ask first.\", \"Go gently.\"]\n{step}");
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", &good)]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    assert_eq!(
        loaded.library.routine("r").unwrap().before,
        ["Ask first.", "Go gently."]
    );
    let bad = format!("name = \"R\"\nbefore = [\"Ask first.\", \"  \"]\n{step}");
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", &bad)]);
    assert_eq!(
        messages(&loaded),
        ["lib/r.toml:2:25: error: `before[2]`: is empty\n  help: write a few words here"]
    );
    let wrong = format!("name = \"R\"\nbefore = \"Ask first.\"\n{step}");
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", &wrong)]);
    assert_eq!(messages(&loaded).len(), 1, "{:?}", messages(&loaded));
    assert!(
        messages(&loaded)[0].starts_with("lib/r.toml:2:10: error: `before`: "),
        "{:?}",
        messages(&loaded)
    );
    assert!(loaded.library.routine("r").is_none());
}

#[test]
fn missing_required_keys_are_reported_beside_other_problems() {
    let text = "[[exercise]]\nid = \"x\"\nnam = \"X\"\nhold = 2\n";
    let loaded = load_texts(&[("lib/exercises/a.toml", text)]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/exercises/a.toml:1:1: error: `exercise[1].name`: is missing; it is required\n  help: the name shown to the person, like `name = \"Kneeling lunge\"`",
            "lib/exercises/a.toml:1:1: error: `exercise[1].kind`: is missing; it is required\n  help: one of: stretch, movement, transfer, ball-release, warm-up, breathing",
            "lib/exercises/a.toml:1:1: error: `exercise[1].position`: is missing; it is required\n  help: one of: standing, seated, kneeling, lying, prone",
            "lib/exercises/a.toml:1:1: error: `exercise[1].setup`: is missing; it is required\n  help: an array of instructions on how to get into position",
            "lib/exercises/a.toml:3:1: error: `exercise[1].nam`: unknown field `nam`, expected one of `id`, `name`, `kind`, `position`, `each_side`, `hold`, `equipment`, `setup`, `cues`, `cautions`, `avoid_if`, `impact`, `breathing`, `phase`, `harder`, `easier`, `by_name`, `instead`, `switch_sides`, `switch_hint`, `figure`\n  help: did you mean `name`?",
            "lib/exercises/a.toml:4:8: error: `exercise[1].hold`: 2 is out of range\n  help: a whole number of seconds from 5 to 600",
        ]
    );
    assert!(loaded.library.exercises().is_empty());
}

#[test]
fn duplicates_name_both_places_and_replacements_are_notes() {
    let dup = EXERCISES.replace("ball-back", "knee-to-chest");
    let loaded = load_texts(&[("lib/exercises/a.toml", &dup)]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/exercises/a.toml:10:6: error: `id`: the exercise id `knee-to-chest` is defined twice\n  help: it is first defined at lib/exercises/a.toml:1:1; give one of them another id"
        ]
    );

    let user = SourceText::new(
        "user/exercises/b.toml",
        EXERCISES.replace("Knee to chest", "My knee hug"),
    );
    let files = vec![
        LibraryFile {
            layer: Layer::BuiltIn,
            role: FileRole::Exercises,
            source: SourceText::new("<built-in>/a.toml", EXERCISES),
        },
        LibraryFile {
            layer: Layer::User,
            role: FileRole::Exercises,
            source: user,
        },
    ];
    let loaded = load_files(&files, Vec::new());
    assert!(!loaded.has_errors());
    assert_eq!(
        loaded.library.exercise("knee-to-chest").unwrap().name,
        "My knee hug"
    );
    assert_eq!(
        messages(&loaded)[0],
        "user/exercises/b.toml:1:1: note: this exercise `knee-to-chest` replaces the one at <built-in>/a.toml:1:1"
    );
}

#[test]
fn control_characters_are_refused_and_never_echoed() {
    let text = EXERCISES.replace("Knee to chest", "Knee\\u001b[2J to chest");
    let loaded = load_texts(&[("lib/exercises/a.toml", &text)]);
    let shown = messages(&loaded).join("\n");
    assert!(
        shown.contains("`exercise[1].name`: contains the control character \\u{1b}"),
        "{shown}"
    );
    assert!(!shown.contains('\u{1b}'));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*", as_exercises in any::<bool>()) {
        let path = if as_exercises { "lib/exercises/x.toml" } else { "lib/x.toml" };
        let loaded = load_texts(&[(path, &text)]);
        for d in &loaded.diagnostics {
            prop_assert!(!d.to_string().chars().any(|c| c.is_control() && c != '\n'));
        }
    }

    #[test]
    fn toml_shaped_text_never_panics(lines in proptest::collection::vec(toml_line(), 0..24)) {
        let text = lines.join("\n");
        let _ = load_texts(&[("lib/exercises/x.toml", &text), ("lib/r.toml", &text)]);
    }
}

/// Lines made of the format's own keys and tables with odd values.
fn toml_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id",
        "name",
        "kind",
        "position",
        "each_side",
        "hold",
        "equipment",
        "setup",
        "cues",
        "cautions",
        "avoid_if",
        "breathing",
        "exercise",
        "step",
        "repeat",
        "prep",
        "warm_up",
        "cue",
        "inhale",
    ]);
    let value = prop::sample::select(vec![
        "\"a\"",
        "\"\"",
        "0",
        "-1",
        "5",
        "601",
        "99999999999999999999",
        "true",
        "[]",
        "[\"x\", 1]",
        "{ inhale = 4, exhale = 6 }",
        "{}",
        "\"stretch\"",
        "\"lying\"",
        "1.5",
        "1979-05-27",
        "\"\\u0007\"",
    ]);
    let header = prop::sample::select(vec![
        "[[exercise]]",
        "[[step]]",
        "[[exercise.phase]]",
        "[breathing]",
        "[[x]]",
        "[exercise]",
    ]);
    prop_oneof![
        (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        header.prop_map(str::to_string),
        "\\PC{0,12}",
    ]
}

#[test]
fn variants_name_exercises_that_exist_in_any_layer() {
    let mine = "[[exercise]]\nid = \"my-lunge\"\nname = \"My lunge\"\nkind = \"stretch\"\nposition = \"kneeling\"\nsetup = [\"Kneel.\"]\neasier = \"knee-to-chest\"\nharder = \"my-lunge\"\n\n[[exercise]]\nid = \"my-bridge\"\nname = \"My bridge\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"Lie down.\"]\nharder = \"knee-to-chst\"\n";
    let loaded = load_texts(&[
        ("lib/exercises/a.toml", EXERCISES),
        ("lib/exercises/mine.toml", mine),
    ]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/exercises/mine.toml:8:10: error: `exercise[1].harder`: names the exercise itself\n  help: the id of another exercise, or no `harder` at all",
            "lib/exercises/mine.toml:16:10: error: `exercise[2].harder`: no exercise has the id `knee-to-chst`\n  help: did you mean `knee-to-chest`? (`psoas list` shows every id)",
        ]
    );
    let fixed = mine
        .replace("harder = \"my-lunge\"\n", "")
        .replace("knee-to-chst", "ball-back");
    let loaded = load_texts(&[
        ("lib/exercises/a.toml", EXERCISES),
        ("lib/exercises/mine.toml", &fixed),
    ]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    let lunge = loaded.library.exercise("my-lunge").unwrap();
    assert_eq!(lunge.easier.as_deref(), Some("knee-to-chest"));
}

#[test]
fn a_step_names_what_to_do_in_its_place_and_it_must_exist() {
    let routine = "name = \"R\"\n[[step]]\nexercise = \"knee-to-chest\"\ninstead = \"ball-bak\"\n";
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", routine)]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/r.toml:4:11: error: `step[1].instead`: no exercise has the id `ball-bak`\n  help: did you mean `ball-back`? (`psoas list` shows every id)"
        ]
    );
    let fixed = routine.replace("ball-bak", "ball-back");
    let loaded = load_texts(&[("lib/exercises/a.toml", EXERCISES), ("lib/r.toml", &fixed)]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    let step = &loaded.library.routine("r").unwrap().steps[0];
    assert_eq!(step.instead.as_deref(), Some("ball-back"));
}

#[test]
fn a_phase_figure_holds_until_the_next_one_and_is_checked_like_the_exercises() {
    let text = r#"[[exercise]]
id = "ball-back"
name = "Ball on the back"
kind = "ball-release"
position = "lying"
setup = ["Lie on the ball."]
figure = { trunk = -105 }
[[exercise.phase]]
cue = "Settle."
hold = 20
[[exercise.phase]]
cue = "Lift the hips."
hold = 20
figure = { trunk = -112, left_hip = 40 }
[[exercise.phase]]
cue = "Hold them there."
hold = 20
[[exercise.phase]]
cue = "Lower."
hold = 20
figure = { trunk = -105, left_hip = 30 }
"#;
    let loaded = load_texts(&[("lib/exercises/a.toml", text)]);
    assert_eq!(messages(&loaded), Vec::<String>::new());
    let e = loaded.library.exercise("ball-back").unwrap();
    let trunk = |i: usize| e.figure_for_phase(i).map(|f| f.angles.trunk);
    // The exercise's own figure until a phase changes it, and each phase's
    // figure until the next.
    assert_eq!(
        [trunk(0), trunk(1), trunk(2), trunk(3)],
        [Some(-105), Some(-112), Some(-112), Some(-105)]
    );
    assert_eq!(e.figure_for_phase(3).unwrap().angles.left_hip, 30);

    let bad = text
        .replace("figure = { trunk = -105 }\n", "")
        .replace("left_hip = 40", "left_hip = 400");
    let loaded = load_texts(&[("lib/exercises/a.toml", &bad)]);
    assert_eq!(
        messages(&loaded),
        [
            "lib/exercises/a.toml:13:10: error: `exercise[1].phase[2].figure`: needs the exercise's own `figure`, the position it starts from\n  help: add `figure = { ... }` to the exercise, before its phases",
            "lib/exercises/a.toml:13:37: error: `exercise[1].phase[2].figure.left_hip`: 400 is out of range\n  help: a whole number of degrees from -180 to 180",
            "lib/exercises/a.toml:20:10: error: `exercise[1].phase[4].figure`: needs the exercise's own `figure`, the position it starts from\n  help: add `figure = { ... }` to the exercise, before its phases",
        ]
    );
}

#[test]
fn a_routine_lasts_at_most_four_hours_get_readies_counted() {
    let long = "[[exercise]]\nid = \"long\"\nname = \"Long\"\nkind = \"stretch\"\n\
                position = \"lying\"\nhold = 600\nsetup = [\"Lie down.\"]\n";
    let load = |routine: &str| {
        load_texts(&[
            ("lib/exercises/a.toml", EXERCISES),
            ("lib/exercises/long.toml", long),
            ("lib/long.toml", routine),
        ])
    };
    // 24 holds of 10 minutes, with no time to get ready: 4 hours exactly.
    let loaded = load(
        "name = \"Long\"\nprep = 0\ntransition = 0\n\
         [[step]]\nexercise = \"long\"\nrepeat = 20\n\
         [[step]]\nexercise = \"long\"\nrepeat = 4\n",
    );
    assert_eq!(messages(&loaded), Vec::<String>::new());
    assert!(loaded.library.routine("long").is_some());

    // A second for each get-ready, and between them a two-sided step of
    // two 5-second holds: 20 × 601 + 2 × 6 + 4 × 601 seconds.
    let loaded = load(
        "name = \"Long\"\nprep = 1\ntransition = 1\n\
         [[step]]\nexercise = \"long\"\nrepeat = 20\n\
         [[step]]\nexercise = \"knee-to-chest\"\nhold = 5\n\
         [[step]]\nexercise = \"long\"\nrepeat = 4\n",
    );
    assert_eq!(
        messages(&loaded),
        [
            "lib/long.toml:11:12: error: `step[3]`: the routine lasts more than 4 hours by the end of this step (4:00:36)\n  \
             help: a routine lasts at most 4 hours, holds and get-readies counted: fewer steps or repeats, or shorter holds; or split it into two routines"
        ]
    );
    assert!(loaded.library.routine("long").is_none());
}
