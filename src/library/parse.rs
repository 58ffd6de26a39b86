//! Reads the text of a library file into raw entries, one `[[exercise]]` or
//! `[[step]]` at a time, so that one bad entry does not hide the problems of
//! the others. Every problem becomes a [`Diagnostic`] naming the key.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::raw::{RawExercise, RawExerciseFile, RawRoutineHead, RawStep};
use crate::diagnostic::{Diagnostic, SourceText};

/// A raw entry and the span of its whole table. An entry with keys
/// `set_aside` had values of the wrong type there (already reported): it is
/// still validated, so its other problems are reported too, but never kept.
pub struct Entry<T> {
    pub value: T,
    pub span: Range<usize>,
    /// 1-based position among the file's `[[exercise]]` or `[[step]]` tables.
    pub index: usize,
    pub set_aside: Vec<String>,
}

impl<T> Entry<T> {
    /// An entry read as part of a whole file, with nothing set aside.
    fn whole(index: usize, value: Spanned<T>) -> Entry<T> {
        Entry {
            span: value.span(),
            value: value.into_inner(),
            index,
            set_aside: Vec::new(),
        }
    }

    pub fn is_clean(&self) -> bool {
        self.set_aside.is_empty()
    }
}

/// The raw contents of a routine file.
pub struct RawRoutine {
    pub head: Entry<RawRoutineHead>,
    pub steps: Vec<Entry<RawStep>>,
}

/// Parses an exercise file: any number of `[[exercise]]` tables and nothing else.
pub fn exercise_file(
    file: &SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Entry<RawExercise>> {
    // Most files are fine: read those in one go, and only take the careful
    // road, entry by entry, to report what is wrong with the others.
    if let Ok(whole) = toml::from_str::<RawExerciseFile>(&file.text) {
        let entries = whole.exercise.into_iter().enumerate();
        return entries.map(|(i, e)| Entry::whole(i + 1, e)).collect();
    }
    exercise_file_by_entry(file, diagnostics)
}

/// The careful road: each `[[exercise]]` on its own, reporting every problem.
fn exercise_file_by_entry(
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
            entries.extend(deserialize::<RawExercise>(
                file,
                &prefix,
                index,
                item,
                diagnostics,
            ));
        }
    }
    entries
}

/// Parses a routine file: its top-level keys and its `[[step]]` tables.
pub fn routine_file(file: &SourceText, diagnostics: &mut Vec<Diagnostic>) -> Option<RawRoutine> {
    if let Ok(mut head) = toml::from_str::<RawRoutineHead>(&file.text) {
        let steps = head.step.take().unwrap_or_default();
        if !steps.is_empty() {
            let steps = steps
                .into_iter()
                .enumerate()
                .map(|(i, s)| Entry::whole(i + 1, s))
                .collect();
            let head = Entry {
                value: head,
                span: 0..file.text.len(),
                index: 1,
                set_aside: Vec::new(),
            };
            return Some(RawRoutine { head, steps });
        }
    }
    let doc = document(file, diagnostics)?;
    // The head without its steps, which are read one by one below.
    let mut head_table = doc.get_ref().clone();
    head_table.remove("step");
    let head_value = Spanned::new(doc.span(), DeValue::Table(head_table));
    let head = deserialize::<RawRoutineHead>(file, "", 1, &head_value, diagnostics);

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
                match deserialize::<RawStep>(file, &prefix, index, item, diagnostics) {
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

/// Parses a whole file, reporting every TOML syntax error; `None` if there
/// was any. Shared with the config file, which is read the same way.
pub fn document<'a>(
    file: &'a SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'a>>> {
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Some(doc);
    }
    for error in errors {
        let message = first_line(error.message());
        let span = error.span();
        // The parser does not say which key: it is the text it points at.
        let duplicate = span
            .clone()
            .filter(|_| message.starts_with("duplicate key"))
            .and_then(|span| file.text.get(span))
            .map(|key| key.trim().trim_matches('"').to_string())
            .filter(|key| !key.is_empty());
        let diagnostic = match duplicate {
            Some(key) => Diagnostic::error(file, span, format!("the key `{key}` is given twice"))
                .with_key(key)
                .with_help("keep one of them"),
            None => Diagnostic::error(file, span, format!("TOML syntax: {message}"))
                .with_help("see https://toml.io for the syntax; strings need double quotes"),
        };
        diagnostics.push(diagnostic);
    }
    None
}

/// The tables of an array of tables, reporting anything else under that key.
fn tables_in<'v, 'a>(
    file: &SourceText,
    key: &str,
    value: &'v Spanned<DeValue<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, &'v Spanned<DeValue<'a>>)> {
    // An empty array is no tables, as in a whole-file read.
    let items = match value.get_ref() {
        DeValue::Array(array) => Some(array.iter().enumerate().collect::<Vec<_>>()),
        _ => None,
    };
    let Some(items) = items.filter(|items| items.iter().all(|(_, item)| item.get_ref().is_table()))
    else {
        diagnostics.push(
            Diagnostic::error(
                file,
                Some(value.span()),
                format!("`{key}` must be an array of tables"),
            )
            .with_key(key)
            .with_help(format!("write each one under its own `[[{key}]]` header")),
        );
        return Vec::new();
    };
    items.into_iter().map(|(i, item)| (i + 1, item)).collect()
}

/// Deserializes one entry, reporting every bad key: after each error the
/// offending top-level key is set aside and the entry tried again, so one
/// wrong type does not hide the next. `None` when even that fails.
fn deserialize<'a, T: Deserialize<'a>>(
    file: &SourceText,
    prefix: &str,
    index: usize,
    item: &Spanned<DeValue<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Entry<T>> {
    let mut entry = item.clone();
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        let error = match T::deserialize(ValueDeserializer::from(entry.clone())) {
            Ok(value) => {
                return Some(Entry {
                    value,
                    span: item.span(),
                    index,
                    set_aside,
                });
            }
            Err(error) => error,
        };
        let span = report(file, prefix, &entry, &error, diagnostics);
        let DeValue::Table(table) = entry.get_mut() else {
            return None;
        };
        let top = table
            .iter()
            .find(|(k, v)| contains(&k.span(), &span) || holds(v, &span))?;
        let top = top.0.get_ref().to_string();
        table.remove(top.as_str());
        set_aside.push(top);
    }
}

/// Deserializes one value in a single attempt, reporting a failure at its key
/// (`prefix` joined with the key inside the value that failed). The config
/// file reads each of its keys this way.
pub fn deserialize_value<'a, T: Deserialize<'a>>(
    file: &SourceText,
    prefix: &str,
    item: &Spanned<DeValue<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    T::deserialize(ValueDeserializer::from(item.clone()))
        .map_err(|error| report(file, prefix, item, &error, diagnostics))
        .ok()
}

/// Adds a diagnostic for a serde error inside `item`, naming the key it is
/// about; returns the span it points at.
fn report(
    file: &SourceText,
    prefix: &str,
    item: &Spanned<DeValue<'_>>,
    error: &toml::de::Error,
    diagnostics: &mut Vec<Diagnostic>,
) -> Range<usize> {
    let span = error.span().unwrap_or_else(|| item.span());
    let key = key_at(item, &span)
        .map(|k| join_key(prefix, &k))
        // A missing field points at the whole table.
        .or_else(|| (!prefix.is_empty()).then(|| prefix.to_string()));
    let mut diagnostic = Diagnostic::error(file, Some(span.clone()), friendly(error.message()));
    if let Some(valid) = key.as_deref().and_then(super::validate::valid_value) {
        diagnostic = diagnostic.with_help(valid);
    }
    if let Some(key) = key {
        diagnostic = diagnostic.with_key(key);
    }
    diagnostics.push(diagnostic);
    span
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && *outer != (0..0)
}

/// Whether `span` lies within `value`. The span of a table in an array of
/// tables (`[[exercise.phase]]`) covers only its header, so its keys and
/// values are looked at too.
fn holds(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    if contains(&value.span(), span) {
        return true;
    }
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .any(|(key, value)| contains(&key.span(), span) || holds(value, span)),
        DeValue::Array(array) => array.iter().any(|item| holds(item, span)),
        _ => false,
    }
}

/// The dotted path of the innermost key whose key or value holds `span`.
fn key_at(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> Option<String> {
    match value.get_ref() {
        DeValue::Table(table) => table.iter().find_map(|(key, value)| {
            if contains(&key.span(), span) {
                return Some(key.get_ref().to_string());
            }
            if !holds(value, span) {
                return None;
            }
            Some(match key_at(value, span) {
                Some(inner) if inner.starts_with('[') => format!("{}{inner}", key.get_ref()),
                Some(inner) => format!("{}.{inner}", key.get_ref()),
                None => key.get_ref().to_string(),
            })
        }),
        DeValue::Array(array) => array.iter().enumerate().find_map(|(i, item)| {
            holds(item, span).then(|| match key_at(item, span) {
                Some(inner) => format!("[{}].{inner}", i + 1),
                None => format!("[{}]", i + 1),
            })
        }),
        _ => None,
    }
}

fn join_key(prefix: &str, key: &str) -> String {
    match (prefix.is_empty(), key.starts_with('[')) {
        (true, _) => key.to_string(),
        (false, true) => format!("{prefix}{key}"),
        (false, false) => format!("{prefix}.{key}"),
    }
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

/// Serde's messages name Rust types; say what a person would write instead.
fn friendly(message: &str) -> String {
    let mut message = first_line(message).to_string();
    // Integer types: `integer `99…9` as i128`, `expected u8`.
    for ty in [
        "i128", "u128", "i64", "u64", "i32", "u32", "i16", "u16", "i8", "u8",
    ] {
        message = message
            .replace(&format!(" as {ty}"), "")
            .replace(&format!("expected {ty}"), "expected a whole number");
    }
    message
        .replace(
            "floating-point number overflowed",
            "the number is too large to read",
        )
        .replace("invalid type: map,", "invalid type: a table or a date,")
        .replace("expected i64", "expected a whole number")
        .replace("expected a boolean", "expected true or false")
        .replace(
            "expected a sequence",
            "expected an array like [\"a\", \"b\"]",
        )
        .replace(
            "expected struct RawBreathing",
            "expected a table like { inhale = 4, exhale = 6 }",
        )
        .replace(
            "expected struct RawPhase",
            "expected a `[[exercise.phase]]` table with `cue` and `hold`",
        )
        .replace(
            "expected struct RawExercise",
            "expected an `[[exercise]]` table",
        )
        .replace("expected struct RawStep", "expected a `[[step]]` table")
        .replace("expected struct RawRoutineHead", "expected a routine table")
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

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

    proptest::proptest! {
        /// Whenever a whole-file read succeeds, the careful road agrees: no
        /// problem, and the same entries at the same places.
        #[test]
        fn both_roads_agree(lines in proptest::collection::vec(line(), 0..16)) {
            let file = SourceText::new("x.toml", format!("{GOOD}{}", lines.join("\n")));
            if let Ok(whole) = toml::from_str::<RawExerciseFile>(&file.text) {
                let mut diagnostics = Vec::new();
                let careful = exercise_file_by_entry(&file, &mut diagnostics);
                proptest::prop_assert!(diagnostics.is_empty(), "{:?}", diagnostics);
                let spans: Vec<_> = whole.exercise.iter().map(|e| e.span()).collect();
                let careful: Vec<_> = careful.iter().filter(|e| e.is_clean()).map(|e| e.span.clone()).collect();
                proptest::prop_assert_eq!(spans, careful);
            }
        }
    }

    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::sample::select(vec![
            "[[exercise]]",
            "id = \"b\"",
            "name = \"B\"",
            "kind = \"stretch\"",
            "position = \"lying\"",
            "setup = [\"x\"]",
            "setup = []",
            "hold = 40",
            "hold = \"x\"",
            "each_side = true",
            "exercise = []",
            "cues = [\"c\"]",
            "[[exercise.phase]]",
            "cue = \"p\"",
            "breathing = { inhale = 4, exhale = 6 }",
            "breathing = { inhale = 4 }",
            "colour = 1",
            "avoid_if = [\"pregnancy\"]",
            "equipment = [\"rope\"]",
        ])
        .prop_map(str::to_string)
    }

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
