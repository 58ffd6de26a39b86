//! Loading: reads every source, parses and validates each file, layers them
//! (a later layer replaces an earlier item with the same id, and says so), and
//! finally checks each routine's steps against the exercises that exist.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::parse;
use super::sources::{FileRole, Layer, LibraryFile, Sources};
use super::validate::{self, PendingRoutine};
use super::{Exercise, Library, Origin};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::format::did_you_mean;

/// The outcome of a load: what was valid, and every error and note.
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

pub fn load(sources: &Sources) -> Loaded {
    let mut diagnostics = Vec::new();
    let files = sources.read(&mut diagnostics);
    load_files(&files, diagnostics)
}

/// Loads files already read, in layer order; `diagnostics` holds any problems
/// met while reading them.
pub fn load_files(files: &[LibraryFile], mut diagnostics: Vec<Diagnostic>) -> Loaded {
    let mut read: Vec<FileItems> = Vec::with_capacity(files.len());
    for (items, problems) in files.iter().map(read_file) {
        read.push(items);
        diagnostics.extend(problems);
    }

    let mut library = Library::default();
    // The layer each id was last defined in, to tell a duplicate from a replacement.
    let mut exercise_layers: HashMap<String, Layer> = HashMap::new();
    // Exercises with problems of their own: a step naming one is not also
    // told the id is unknown.
    let mut broken_exercises: HashSet<String> = HashSet::new();
    for (file, items) in files.iter().zip(&mut read) {
        let FileItems::Exercises(exercises, broken) = items else {
            continue;
        };
        broken_exercises.extend(broken.drain(..));
        for (exercise, span) in exercises.drain(..) {
            let id = exercise.id.clone();
            let source = &file.source;
            match (
                exercise_layers.insert(id.clone(), file.layer),
                library.exercise(&id),
            ) {
                (Some(layer), Some(old)) if layer == file.layer => {
                    diagnostics.push(duplicate(source, span, "exercise", &id, &old.origin));
                }
                _ => {
                    if let Some(old) = library.put_exercise(exercise) {
                        diagnostics.push(replacement(source, span, "exercise", &id, &old.origin));
                    }
                }
            }
        }
    }

    // The routine kept for each id, by the index of its file.
    let mut kept: HashMap<String, usize> = HashMap::new();
    for (index, (file, items)) in files.iter().zip(&read).enumerate() {
        let FileItems::Routine(Some(pending)) = items else {
            continue;
        };
        if !pending.valid {
            // Its own problems are reported; its steps are checked below.
            continue;
        }
        let routine = &pending.routine;
        if let Some(&old) = kept.get(&routine.id) {
            let old_origin = &files[old].source.path;
            let old = Origin {
                layer: files[old].layer,
                path: old_origin.clone(),
                line: 1,
                column: 1,
            };
            if old.layer == file.layer {
                diagnostics.push(duplicate(&file.source, 0..0, "routine", &routine.id, &old));
                continue;
            }
            diagnostics.push(replacement(
                &file.source,
                0..0,
                "routine",
                &routine.id,
                &old,
            ));
        }
        kept.insert(routine.id.clone(), index);
    }

    for (file, items) in files.iter().zip(&read) {
        if let FileItems::Routine(Some(pending)) = items
            && !pending.valid
        {
            check_steps(
                &file.source,
                pending,
                &library,
                &broken_exercises,
                &mut diagnostics,
            );
        }
    }
    let mut kept: Vec<usize> = kept.into_values().collect();
    kept.sort_unstable();
    for index in kept {
        let FileItems::Routine(Some(pending)) =
            std::mem::replace(&mut read[index], FileItems::Routine(None))
        else {
            continue;
        };
        if check_steps(
            &files[index].source,
            &pending,
            &library,
            &broken_exercises,
            &mut diagnostics,
        ) {
            library.put_routine(pending.routine);
        }
    }

    // Files in load order, and each file's problems from top to bottom.
    let order: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.source.path.as_path(), i + 1))
        .collect();
    diagnostics.sort_by_key(|d| {
        (
            order.get(d.path.as_path()).copied().unwrap_or(0),
            d.position,
        )
    });
    Loaded {
        library,
        diagnostics,
    }
}

/// What one file holds once parsed and validated, before the layers are merged.
enum FileItems {
    /// Each valid exercise, with the span of its table, and the ids of those
    /// that had problems (reported already).
    Exercises(Vec<(Exercise, Range<usize>)>, Vec<String>),
    /// The routine, if it is valid apart from its references to exercises.
    Routine(Option<PendingRoutine>),
}

fn read_file(file: &LibraryFile) -> (FileItems, Vec<Diagnostic>) {
    let source = &file.source;
    let mut diagnostics = Vec::new();
    let items = match file.role {
        FileRole::Exercises => {
            let mut exercises = Vec::new();
            let mut broken = Vec::new();
            for entry in parse::exercise_file(source, &mut diagnostics) {
                let id = entry.value.id.as_ref().map(|id| id.get_ref().0.clone());
                let (line, column) = source.line_column(entry.span.start);
                let origin = Origin {
                    layer: file.layer,
                    path: source.path.clone(),
                    line,
                    column,
                };
                let span = entry.span.clone();
                if let Some(exercise) = validate::exercise(source, entry, origin, &mut diagnostics)
                {
                    exercises.push((exercise, span));
                } else {
                    broken.extend(id);
                }
            }
            FileItems::Exercises(exercises, broken)
        }
        FileRole::Routine => {
            let origin = Origin {
                layer: file.layer,
                path: source.path.clone(),
                line: 1,
                column: 1,
            };
            let routine = parse::routine_file(source, &mut diagnostics).and_then(|raw| {
                validate::routine(
                    source,
                    &routine_id(&source.path),
                    raw,
                    origin,
                    &mut diagnostics,
                )
            });
            FileItems::Routine(routine)
        }
    };
    (items, diagnostics)
}

/// A routine's id is its file name without `.toml`.
fn routine_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn check_steps(
    source: &SourceText,
    pending: &PendingRoutine,
    library: &Library,
    broken: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut ok = true;
    for (step, (index, exercise_span, hold_span)) in
        pending.routine.steps.iter().zip(&pending.step_spans)
    {
        let key = format!("step[{index}]");
        match library.exercise(&step.exercise) {
            None if broken.contains(&step.exercise) => ok = false,
            None => {
                let help = match did_you_mean(&library.closest_exercise_ids(&step.exercise)) {
                    Some(hint) => format!("{hint} (`psoas list` shows every id)"),
                    None => "`psoas list` shows every exercise id".to_string(),
                };
                diagnostics.push(
                    Diagnostic::error(
                        source,
                        Some(exercise_span.clone()),
                        format!("no exercise has the id `{}`", step.exercise),
                    )
                    .with_key(format!("{key}.exercise"))
                    .with_help(help),
                );
                ok = false;
            }
            Some(exercise) if exercise.has_phases() && step.hold.is_some() => {
                diagnostics.push(
                    Diagnostic::error(source, hold_span.clone(), format!("`{}` is a timed sequence of phases", exercise.id))
                        .with_key(format!("{key}.hold"))
                        .with_help("remove `hold` from this step: its length is the sum of the exercise's phases"),
                );
                ok = false;
            }
            Some(_) => {}
        }
    }
    ok
}

fn duplicate(
    source: &SourceText,
    span: std::ops::Range<usize>,
    what: &str,
    id: &str,
    first: &Origin,
) -> Diagnostic {
    Diagnostic::error(
        source,
        Some(span),
        format!("the {what} id `{id}` is defined twice"),
    )
    .with_key("id")
    .with_help(format!(
        "it is first defined at {first}; give one of them another id"
    ))
}

fn replacement(
    source: &SourceText,
    span: std::ops::Range<usize>,
    what: &str,
    id: &str,
    old: &Origin,
) -> Diagnostic {
    Diagnostic::note(
        source,
        Some(span),
        format!("this {what} `{id}` replaces the one at {old}"),
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

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
                "lib/exercises/a.toml:3:1: error: `exercise[1].nam`: unknown field `nam`, expected one of `id`, `name`, `kind`, `position`, `each_side`, `hold`, `equipment`, `setup`, `cues`, `cautions`, `avoid_if`, `impact`, `breathing`, `phase`",
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
                "lib/exercises/a.toml:9:1: error: `id`: the exercise id `knee-to-chest` is defined twice\n  help: it is first defined at lib/exercises/a.toml:1:1; give one of them another id"
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
}
