//! Reads the text of a library file into raw entries, one `[[exercise]]` or
//! `[[step]]` at a time, so that one bad entry does not hide the problems of
//! the others. Every problem becomes a [`Diagnostic`] naming the key. A
//! routine file is also parsed a `[[step]]` at a time wherever that changes
//! nothing ([`Pieces`]), so that memory does not grow with its length.

use toml::Spanned;
use toml::de::DeValue;

use super::raw::{RawExercise, RawRoutineHead, RawStep, valid_value};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::toml_input::{Entry, Pieces, deserialize_entry, document, parse_piece, tables_in};

/// The raw contents of a routine file: its top-level keys, and its steps,
/// each parsed when it is taken.
pub struct RawRoutine<'a> {
    pub head: Entry<RawRoutineHead>,
    pub steps: RawSteps<'a>,
}

/// The file was cut into pieces that do not each stand alone: it is to be
/// read again as one piece.
#[derive(Debug, PartialEq, Eq)]
pub struct Uncut;

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

/// Parses a routine file in `pieces` (see [`Pieces`]): its top-level keys
/// now, its `[[step]]` tables as they are taken (see [`RawSteps`]).
/// `Err(Uncut)` if the first piece does not stand alone; the problems of
/// what was read are in `diagnostics` all the same, for the caller to drop.
pub fn routine_file<'a>(
    file: &'a SourceText,
    pieces: Pieces,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<RawRoutine<'a>>, Uncut> {
    let mut head_table = if pieces.is_whole() {
        match document(file, diagnostics) {
            Some(doc) => doc.into_inner(),
            None => return Ok(None),
        }
    } else {
        parse_piece(&file.text, &pieces, 0).ok_or(Uncut)?
    };
    // The steps are read one by one below.
    let steps_value = head_table.remove("step");
    if steps_value.is_some() && !pieces.is_whole() {
        return Err(Uncut);
    }
    let head_value = Spanned::new(0..file.text.len(), DeValue::Table(head_table));
    let head =
        deserialize_entry::<RawRoutineHead>(file, "", 1, &head_value, valid_value, diagnostics);

    let mut first_steps = Vec::new();
    if pieces.is_whole() {
        let no_steps = |span| {
            Diagnostic::error(file, span, "a routine needs at least one step")
                .with_key("step")
                .with_help("add a `[[step]]` table with `exercise = \"some-exercise-id\"`")
        };
        let Some(value) = steps_value else {
            diagnostics.push(no_steps(None));
            return Ok(None);
        };
        let span = value.span();
        first_steps = tables_in(file, "step", value, diagnostics);
        if first_steps.is_empty() {
            diagnostics.push(no_steps(Some(span)));
            return Ok(None);
        }
    }
    let mut steps = RawSteps {
        file,
        pieces,
        next_piece: 1,
        tables: first_steps.into_iter(),
        index: 0,
        uncut: false,
        failed: false,
    };
    let Some(head) = head else {
        // The steps are still read, so that every problem is reported at once.
        while steps.next(diagnostics).is_some() {}
        steps.finish()?;
        return Ok(None);
    };
    Ok(Some(RawRoutine { head, steps }))
}

/// The `[[step]]` tables of a routine file, each parsed, when it is in
/// pieces, and turned into a [`RawStep`] when it is taken.
pub struct RawSteps<'a> {
    file: &'a SourceText,
    pieces: Pieces,
    next_piece: usize,
    /// The tables parsed and not yet taken, with their places (from 1).
    tables: std::vec::IntoIter<(usize, Spanned<DeValue<'a>>)>,
    /// The place of the last table taken.
    index: usize,
    /// Whether a piece did not stand alone, which ended the steps.
    uncut: bool,
    /// Whether a step could not be read at all (reported already).
    failed: bool,
}

impl<'a> RawSteps<'a> {
    /// The next step, its problems added to `diagnostics`; `None` after the
    /// last, or at a piece that does not stand alone.
    pub fn next(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Option<Entry<RawStep>> {
        loop {
            if let Some((index, table)) = self.tables.next() {
                self.index = index;
                let prefix = format!("step[{index}]");
                let entry = deserialize_entry::<RawStep>(
                    self.file,
                    &prefix,
                    index,
                    &table,
                    valid_value,
                    diagnostics,
                );
                if entry.is_some() {
                    return entry;
                }
                self.failed = true;
                continue;
            }
            if self.uncut || self.next_piece >= self.pieces.count() {
                return None;
            }
            let table = self.one_step(self.next_piece);
            self.next_piece += 1;
            let Some(table) = table else {
                self.uncut = true;
                return None;
            };
            self.tables = vec![(self.index + 1, table)].into_iter();
        }
    }

    /// How many steps are left to take, at most.
    pub fn left(&self) -> usize {
        self.tables.len() + (self.pieces.count() - self.next_piece)
    }

    /// The one `[[step]]` table that piece `index` holds, if it holds
    /// exactly that and parses without a problem.
    fn one_step(&self, index: usize) -> Option<Spanned<DeValue<'a>>> {
        let file: &'a SourceText = self.file;
        let mut table = parse_piece(&file.text, &self.pieces, index)?;
        let steps = table.remove("step")?.into_inner();
        let DeValue::Array(array) = steps else {
            return None;
        };
        let mut steps = array.into_iter();
        let step = steps.next()?;
        (table.is_empty() && steps.next().is_none()).then_some(step)
    }

    /// Whether every step was read: `Err(Uncut)` if a piece did not stand
    /// alone, `Ok(false)` if a step could not be read at all.
    pub fn finish(self) -> Result<bool, Uncut> {
        if self.uncut {
            return Err(Uncut);
        }
        Ok(!self.failed)
    }
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
        assert!(
            routine_file(&file, Pieces::whole(&file.text), &mut diagnostics)
                .unwrap()
                .is_none()
        );
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
