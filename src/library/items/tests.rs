//! Routine files written every way TOML allows, read as loading reads them:
//! what is kept, and every problem by its exact text and place.

use super::*;
use crate::diagnostic::SourceText;

/// The routine read from `text` (its steps and breathing, if kept) and every
/// problem reported.
fn routine(text: &str) -> (Option<String>, Vec<String>) {
    let file = LibraryFile::given("lib/routines/r.toml", text);
    let mut diagnostics = Vec::new();
    let FileItems::Routine(routine) = read_file(&file, &mut diagnostics) else {
        panic!("not read as a routine");
    };
    let kept = routine.filter(|p| p.valid).map(|p| {
        let steps: Vec<String> = p
            .routine
            .steps
            .iter()
            .map(|s| format!("{} {:?} {}", s.exercise, s.hold, s.repeat))
            .collect();
        format!("{:?} {}", p.routine.breathing, steps.join(", "))
    });
    let problems = diagnostics.iter().map(ToString::to_string).collect();
    (kept, problems)
}

/// Every problem `text` has when parsed as one document, as loading reports it.
fn whole_document(text: &str) -> Vec<String> {
    let file = SourceText::new("lib/routines/r.toml", text);
    let mut diagnostics = Vec::new();
    assert!(crate::toml_input::document(&file, &mut diagnostics).is_none());
    diagnostics.iter().map(ToString::to_string).collect()
}

fn first_lines(problems: &[String]) -> Vec<&str> {
    problems.iter().filter_map(|p| p.lines().next()).collect()
}

#[test]
fn every_layout_toml_allows_is_read_the_same() {
    let one_step = "Some(Breathing { inhale: 4, exhale: 6 }) a None 1";
    for text in [
        "name = \"R\"\n[breathing]\ninhale = 4\nexhale = 6\n[[step]]\nexercise = \"a\"\n",
        "name = \"R\"\n[[step]]\nexercise = \"a\"\n[breathing]\ninhale = 4\nexhale = 6\n",
        "name = \"R\"\nbreathing = { inhale = 4, exhale = 6 }\nstep = [{ exercise = \"a\" }]\n",
        "# c\r\nname = \"R\"\r\nsummary = \"\"\"\\\r\n[[step]]\\\r\n\"\"\"\r\n\r\nbreathing.inhale = 4\r\n\
         breathing.exhale = 6\r\n  [[ step ]] # one\r\n# [[step]]\r\nexercise = \"a\"\r\n",
    ] {
        assert_eq!(
            routine(text),
            (Some(one_step.to_string()), vec![]),
            "{text:?}"
        );
    }
    let text = "name = \"R\"\n[[step]]\nexercise = \"a\"\n[[step]]\nexercise = \"b\"\nhold = 30\nrepeat = 2\n";
    assert_eq!(
        routine(text),
        (Some("None a None 1, b Some(30) 2".to_string()), vec![])
    );
}

#[test]
fn a_key_given_twice_is_named_wherever_it_is() {
    for (text, said) in [
        (
            "name = \"R\"\nname = \"S\"\n[[step]]\nexercise = \"a\"\n",
            "lib/routines/r.toml:2:1: error: `name`: the key `name` is given twice",
        ),
        (
            "name = \"R\"\n[[step]]\nexercise = \"a\"\n[[step]]\nexercise = \"a\"\nexercise = \"b\"\n",
            "lib/routines/r.toml:6:1: error: `exercise`: the key `exercise` is given twice",
        ),
        (
            "name = \"R\"\nstep = [{ exercise = \"a\" }]\n[[step]]\nexercise = \"b\"\n",
            "lib/routines/r.toml:3:3: error: `step`: the key `step` is given twice",
        ),
    ] {
        let (kept, problems) = routine(text);
        assert_eq!(kept, None);
        assert_eq!(
            problems,
            [format!("{said}\n  help: keep one of them")],
            "{text:?}"
        );
    }
    // A table given again after the steps, as the whole document reports it.
    let text = "name = \"R\"\n[breathing]\ninhale = 4\nexhale = 6\n[[step]]\nexercise = \"a\"\n\
                [breathing]\ninhale = 5\nexhale = 6\n";
    let (kept, problems) = routine(text);
    assert_eq!(kept, None);
    assert_eq!(
        first_lines(&problems)[1..],
        [
            "lib/routines/r.toml:8:1: error: `inhale`: the key `inhale` is given twice",
            "lib/routines/r.toml:9:1: error: `exhale`: the key `exhale` is given twice",
        ]
    );
    assert_eq!(problems, whole_document(text));
}

#[test]
fn syntax_errors_are_those_of_the_whole_document() {
    for (text, places) in [
        // An array left open runs on over the next header.
        (
            "name = \"R\"\nx = [1,\n[[step]]\nexercise = \"a\"\n",
            &["4:1", "4:10", "4:12", "4:15", "3:3", "4:1"][..],
        ),
        (
            "name = \"R\"\n[[step]]\nexercise = \"a\n[[step]]\nexercise = \"b\"\nhold = 1\n",
            &["3:14"],
        ),
        (
            "name = = \"R\"\n[[step]]\nexercise = \"a\"\n[[step]]\nexercise = \"b\" x\n",
            &["1:8", "1:10", "5:16"],
        ),
    ] {
        let (kept, problems) = routine(text);
        assert_eq!(kept, None);
        let said: Vec<String> = places
            .iter()
            .map(|p| format!("lib/routines/r.toml:{p}: error: TOML syntax: "))
            .collect();
        assert_eq!(problems.len(), said.len(), "{problems:#?}");
        for (problem, said) in problems.iter().zip(said) {
            assert!(problem.starts_with(&said), "{problem} is not at {said}");
        }
        assert_eq!(problems, whole_document(text));
    }
}

#[test]
fn a_routine_needs_an_array_of_steps() {
    let help = "\n  help: add a `[[step]]` table with `exercise = \"some-exercise-id\"`";
    assert_eq!(
        routine("name = \"R\"\n# [[step]]\n"),
        (
            None,
            vec![format!(
                "lib/routines/r.toml:1:1: error: `step`: a routine needs at least one step{help}"
            )]
        )
    );
    assert_eq!(
        routine("name = \"R\"\n[step]\nexercise = \"a\"\n"),
        (
            None,
            vec![
                "lib/routines/r.toml:2:1: error: `step`: `step` must be an array of tables\n  \
                 help: write each one under its own `[[step]]` header"
                    .to_string(),
                format!(
                    "lib/routines/r.toml:2:1: error: `step`: a routine needs at least one step{help}"
                ),
            ]
        )
    );
}

#[test]
fn a_table_after_a_step_belongs_to_it_or_to_the_head() {
    let (kept, problems) = routine("name = \"R\"\n[[step]]\nexercise = \"a\"\n[step.x]\ny = 1\n");
    assert_eq!(kept, None);
    assert_eq!(
        problems,
        [
            "lib/routines/r.toml:4:7: error: `step[1].x`: unknown field `x`, expected one of `exercise`, `hold`, `repeat`, `instead`"
        ]
    );
    let text = "name = \"R\"\n[[step]]\nexercise = \"a\"\n[other]\ny = 1\n[[step]]\nexercise = 7\n";
    let (kept, problems) = routine(text);
    assert_eq!(kept, None);
    assert_eq!(
        problems,
        [
            "lib/routines/r.toml:4:2: error: `other`: unknown field `other`, expected one of `name`, `summary`, `before`, `warm_up`, `prep`, `transition`, `breathing`, `progress`",
            "lib/routines/r.toml:7:12: error: `step[2].exercise`: invalid type: integer `7`, expected a string",
        ]
    );
}
