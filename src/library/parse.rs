//! Reads the text of a library file into raw entries, one `[[exercise]]` or
//! `[[step]]` at a time, so that one bad entry does not hide the problems of
//! the others. Every problem becomes a [`Diagnostic`] naming the key. Every
//! file is parsed as one whole document: a routine is bounded by the length
//! it may last (see [`length`](super::length)), not by how it is read.

use toml::Spanned;
use toml::de::DeValue;

use super::raw::{RawExercise, RawRoutine, RawRoutineHead, RawStep, valid_value};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::toml_input::{Entry, deserialize_entry, document, tables_in};

/// Parses an exercise file: any number of `[[exercise]]` tables and nothing
/// else, each on its own, reporting every problem.
pub(super) fn exercise_file(
    file: &SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Entry<RawExercise>> {
    let Some(doc) = document(file, diagnostics) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for (key, value) in doc.into_inner() {
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
                &item,
                valid_value,
                diagnostics,
            ));
        }
    }
    entries
}

/// Parses a routine file: its top-level keys and its `[[step]]` tables,
/// each step on its own, reporting every problem. `None` if the file does
/// not parse, has no steps, or its top-level keys cannot be read at all (its
/// steps are still read, so that every problem is reported at once).
pub(super) fn routine_file(
    file: &SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<RawRoutine> {
    let mut head_table = document(file, diagnostics)?.into_inner();
    let steps_value = head_table.remove("step");
    let head_value = Spanned::new(0..file.text.len(), DeValue::Table(head_table));
    let head =
        deserialize_entry::<RawRoutineHead>(file, "", 1, &head_value, valid_value, diagnostics);

    let no_steps = |span| {
        Diagnostic::error(file, span, "a routine needs at least one step")
            .with_key("step")
            .with_help("add a `[[step]]` table with `exercise = \"some-exercise-id\"`")
    };
    let Some(value) = steps_value else {
        diagnostics.push(no_steps(None));
        return None;
    };
    let span = value.span();
    let tables = tables_in(file, "step", value, diagnostics);
    if tables.is_empty() {
        diagnostics.push(no_steps(Some(span)));
        return None;
    }
    let count = tables.len();
    let mut steps = Vec::with_capacity(count);
    for (index, table) in tables {
        let prefix = format!("step[{index}]");
        steps.extend(deserialize_entry::<RawStep>(
            file,
            &prefix,
            index,
            &table,
            valid_value,
            diagnostics,
        ));
    }
    let every_step_read = steps.len() == count;
    Some(RawRoutine {
        head: head?,
        steps,
        every_step_read,
    })
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
            diagnostics.iter().map(ToString::to_string).collect(),
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

    #[test]
    fn unknown_keys_are_each_reported_with_help_about_keys() {
        let text =
            format!("{GOOD}nam = 1\nzzz = 2\nbreathing = {{ hold = 3, inhale = 4, exhale = 6 }}\n");
        let (count, mut messages) = exercises(&text);
        messages.sort();
        assert_eq!(count, 0);
        let expected = "expected one of `id`, `name`, `kind`, `position`, `each_side`, `hold`, \
                        `equipment`, `setup`, `cues`, `cautions`, `avoid_if`, `impact`, \
                        `breathing`, `phase`, `harder`, `easier`, `by_name`, `instead`, `switch_sides`, `switch_hint`, `figure`";
        assert_eq!(
            messages,
            [
                format!(
                    "x.toml:7:1: error: `exercise[1].nam`: unknown field `nam`, {expected}\n  help: did you mean `name`?"
                ),
                format!("x.toml:8:1: error: `exercise[1].zzz`: unknown field `zzz`, {expected}"),
                // Not the help of the exercise's own `hold`.
                "x.toml:9:15: error: `exercise[1].breathing.hold`: unknown field `hold`, expected `inhale` or `exhale`"
                    .to_string(),
            ]
        );
    }

    #[test]
    fn thousands_of_unknown_keys_in_one_table_are_each_reported_once() {
        let keys: String = (0..20_000).map(|i| format!("k{i} = 1\n")).collect();
        let (count, messages) = exercises(&format!("{GOOD}{keys}"));
        assert_eq!(count, 0);
        assert_eq!(messages.len(), 20_000);
        let mut lines: Vec<&str> = messages
            .iter()
            .map(|m| m.split(": error:").next().unwrap())
            .collect();
        lines.sort_unstable();
        lines.dedup();
        assert_eq!(lines.len(), 20_000);
    }
}
