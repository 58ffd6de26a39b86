//! Reads the text of a library file into raw entries, one `[[exercise]]` or
//! `[[step]]` at a time, so that one bad entry does not hide the problems of
//! the others. Every problem becomes a [`Diagnostic`] naming the key.

use toml::Spanned;
use toml::de::DeValue;

use super::raw::{RawExercise, RawRoutineHead, RawStep};
use super::validate::valid_value;
use crate::diagnostic::{Diagnostic, SourceText};
use crate::toml_input::{Entry, deserialize_entry, document, tables_in};

/// The raw contents of a routine file.
pub struct RawRoutine {
    pub head: Entry<RawRoutineHead>,
    pub steps: Vec<Entry<RawStep>>,
}

/// Parses an exercise file: any number of `[[exercise]]` tables and nothing
/// else, each on its own, reporting every problem.
pub fn exercise_file(
    file: &SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Entry<RawExercise>> {
    let Some(doc) = document(file, diagnostics) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for (key, value) in doc.get_ref() {
        if key.get_ref() != "exercise" {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    Some(key.span()),
                    format!("unknown key `{}` in an exercise file", key.get_ref()),
                )
                .with_key(key.get_ref().to_string())
                .with_help("an exercise file holds only `[[exercise]]` tables"),
            );
            continue;
        }
        for (index, item) in tables_in(file, "exercise", value, diagnostics) {
            let prefix = format!("exercise[{index}]");
            entries.extend(deserialize_entry::<RawExercise>(
                file,
                &prefix,
                index,
                item,
                valid_value,
                diagnostics,
            ));
        }
    }
    entries
}

/// Parses a routine file: its top-level keys and its `[[step]]` tables.
pub fn routine_file(file: &SourceText, diagnostics: &mut Vec<Diagnostic>) -> Option<RawRoutine> {
    let doc = document(file, diagnostics)?;
    // The head without its steps, which are read one by one below.
    let head_table = doc
        .get_ref()
        .iter()
        .filter(|(key, _)| key.get_ref() != "step")
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let head_value = Spanned::new(doc.span(), DeValue::Table(head_table));
    let head =
        deserialize_entry::<RawRoutineHead>(file, "", 1, &head_value, valid_value, diagnostics);

    let mut steps = Vec::new();
    let mut steps_ok = true;
    match doc.get_ref().get("step") {
        None => {
            diagnostics.push(
                Diagnostic::error(file, Some(0..0), "a routine needs at least one step")
                    .with_key("step")
                    .with_help("add a `[[step]]` table with `exercise = \"some-exercise-id\"`"),
            );
            steps_ok = false;
        }
        Some(value) => {
            for (index, item) in tables_in(file, "step", value, diagnostics) {
                let prefix = format!("step[{index}]");
                match deserialize_entry::<RawStep>(
                    file,
                    &prefix,
                    index,
                    item,
                    valid_value,
                    diagnostics,
                ) {
                    Some(entry) => steps.push(entry),
                    None => steps_ok = false,
                }
            }
            if steps.is_empty() && steps_ok {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        Some(value.span()),
                        "a routine needs at least one step",
                    )
                    .with_key("step")
                    .with_help("add a `[[step]]` table with `exercise = \"some-exercise-id\"`"),
                );
                steps_ok = false;
            }
        }
    }
    let head = head?;
    steps_ok.then_some(RawRoutine { head, steps })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercises(text: &str) -> (usize, Vec<String>) {
        let file = SourceText::new("x.toml", text);
        let mut diagnostics = Vec::new();
        let entries = exercise_file(&file, &mut diagnostics);
        (
            entries.iter().filter(|e| e.is_clean()).count(),
            diagnostics.iter().map(|d| d.to_string()).collect(),
        )
    }

    const GOOD: &str = "[[exercise]]\nid = \"a\"\nname = \"A\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n";

    #[test]
    fn good_entries_parse() {
        assert_eq!(exercises(GOOD), (1, vec![]));
    }

    #[test]
    fn each_bad_entry_is_reported_and_the_good_ones_kept() {
        let text =
            format!("{GOOD}hold = \"long\"\n\n{GOOD}\n[[exercise]]\nid = \"c\"\nnam = \"C\"\n");
        let (count, messages) = exercises(&text);
        assert_eq!(count, 1);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(
            messages[0],
            "x.toml:7:8: error: `exercise[1].hold`: invalid type: string \"long\", expected a whole number\n  help: a whole number of seconds from 5 to 600"
        );
        assert!(
            messages[1].starts_with(
                "x.toml:18:1: error: `exercise[3].nam`: unknown field `nam`, expected one of"
            ),
            "{}",
            messages[1]
        );
    }

    #[test]
    fn nested_keys_are_named() {
        let text = format!("{GOOD}breathing = {{ inhale = 4, exhale = \"6\" }}\n");
        let (_, messages) = exercises(&text);
        assert_eq!(
            messages,
            [
                "x.toml:7:36: error: `exercise[1].breathing.exhale`: invalid type: string \"6\", expected a whole number\n  help: a whole number of seconds from 2 to 10"
            ]
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let (count, messages) = exercises("[[exercise]]\nid = \"a\nname = 1\n");
        assert_eq!(count, 0);
        assert!(messages[0].starts_with("x.toml:2:"), "{messages:?}");
        assert!(messages[0].contains("TOML syntax"), "{messages:?}");
    }

    #[test]
    fn routine_without_steps_is_an_error() {
        let file = SourceText::new("r.toml", "name = \"R\"\n");
        let mut diagnostics = Vec::new();
        assert!(routine_file(&file, &mut diagnostics).is_none());
        assert_eq!(
            diagnostics[0].to_string().lines().next().unwrap(),
            "r.toml:1:1: error: `step`: a routine needs at least one step"
        );
    }
}
