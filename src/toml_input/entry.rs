//! Turning parsed TOML into typed values one entry or key at a time, so that
//! one bad value does not hide the problems of the others. A value that does
//! not fit is reported at its place, under its full dotted key
//! (`exercise[2].phase[1].hold`), with what the key takes.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

use crate::diagnostic::{Diagnostic, SourceText};

/// What a key takes, given its dotted path, for a value of the wrong type or
/// too large to read, so that the message says what would be valid.
pub(super) type KeyHelp = fn(&str) -> Option<String>;

/// A typed entry and the span of its whole table. An entry with keys
/// `set_aside` had values of the wrong type there (already reported): it is
/// still validated, so its other problems are reported too, but never kept.
pub(crate) struct Entry<T> {
    pub value: T,
    pub span: Range<usize>,
    /// 1-based position among the file's tables of its kind.
    pub index: usize,
    pub set_aside: Vec<String>,
}

impl<T> Entry<T> {
    pub(crate) fn is_clean(&self) -> bool {
        self.set_aside.is_empty()
    }
}

/// The tables of an array of tables, each with its place (from 1), reporting
/// anything else under that key.
pub(crate) fn tables_in<'a>(
    file: &SourceText,
    key: &str,
    value: Spanned<DeValue<'a>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, Spanned<DeValue<'a>>)> {
    let span = value.span();
    // An empty array is no tables.
    match value.into_inner() {
        DeValue::Array(array) if array.iter().all(|item| item.get_ref().is_table()) => {
            (1..).zip(array).collect()
        }
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    Some(span),
                    format!("`{key}` must be an array of tables"),
                )
                .with_key(key)
                .with_help(format!("write each one under its own `[[{key}]]` header")),
            );
            Vec::new()
        }
    }
}

/// Deserializes one entry, reporting every bad key: after each error the
/// offending top-level key is set aside and the entry tried again, so one
/// wrong type does not hide the next. `None` when even that fails.
pub(crate) fn deserialize_entry<'a, T: Deserialize<'a>>(
    file: &SourceText,
    prefix: &str,
    index: usize,
    item: &Spanned<DeValue<'a>>,
    help: KeyHelp,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Entry<T>> {
    // A copy to take bad keys out of, made at the first error only.
    let mut trimmed: Option<Spanned<DeValue<'a>>> = None;
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        let entry = trimmed.as_ref().unwrap_or(item);
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
        let span = report(file, prefix, entry, &error, help, diagnostics);
        let DeValue::Table(table) = trimmed.get_or_insert_with(|| item.clone()).get_mut() else {
            return None;
        };
        let (top, is_key) = table.iter().find_map(|(k, v)| {
            let is_key = contains(&k.span(), &span);
            (is_key || holds(v, &span)).then(|| (k.get_ref().to_string(), is_key))
        })?;
        table.remove(top.as_str());
        set_aside.push(top);
        // One unknown key of the entry's own: the others are reported and set
        // aside at once, since trying again for each would take time that
        // grows with the square of their number.
        if let Some(unknown) = UnknownField::of(&error).filter(|_| is_key) {
            let others: Vec<(String, Range<usize>)> = table
                .keys()
                .filter(|k| !unknown.known.contains(&k.get_ref().as_ref()))
                .map(|k| (k.get_ref().to_string(), k.span()))
                .collect();
            for (name, span) in others {
                table.remove(name.as_str());
                diagnostics.push(unknown.report(file, prefix, &name, span));
                set_aside.push(name);
            }
        }
    }
}

/// A serde error about a key the table does not take, and the keys it does.
struct UnknownField<'e> {
    /// ``expected one of `a`, `b` ``, as serde says it.
    expected: &'e str,
    known: Vec<&'e str>,
}

impl<'e> UnknownField<'e> {
    fn of(error: &'e toml::de::Error) -> Option<UnknownField<'e>> {
        Self::in_message(error.message())
    }

    fn in_message(message: &'e str) -> Option<UnknownField<'e>> {
        let rest = message.strip_prefix("unknown field `")?;
        let (_, expected) = rest.split_once("`, ")?;
        let expected = expected.lines().next().unwrap_or(expected).trim();
        let known = expected.split('`').skip(1).step_by(2).collect();
        Some(UnknownField { expected, known })
    }

    /// Help about keys for an unknown key: the known one it is closest to.
    fn help(&self, name: &str) -> Option<String> {
        self.known
            .iter()
            .map(|k| (strsim::levenshtein(name, k), k))
            .filter(|&(distance, k)| distance <= 2 && distance < k.len())
            .min()
            .map(|(_, k)| format!("did you mean `{k}`?"))
    }

    fn report(
        &self,
        file: &SourceText,
        prefix: &str,
        name: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let message = format!("unknown field `{name}`, {}", self.expected);
        let mut diagnostic =
            Diagnostic::error(file, Some(span), message).with_key(join_key(prefix, name));
        if let Some(help) = self.help(name) {
            diagnostic = diagnostic.with_help(help);
        }
        diagnostic
    }
}

/// Deserializes one value in a single attempt, reporting a failure at its key
/// (`prefix` joined with the key inside the value that failed).
pub(crate) fn deserialize_value<'a, T: Deserialize<'a>>(
    file: &SourceText,
    prefix: &str,
    item: &Spanned<DeValue<'a>>,
    help: KeyHelp,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    T::deserialize(ValueDeserializer::from(item.clone()))
        .map_err(|error| report(file, prefix, item, &error, help, diagnostics))
        .ok()
}

/// Adds a diagnostic for a serde error inside `item`, naming the key it is
/// about; returns the span it points at.
fn report(
    file: &SourceText,
    prefix: &str,
    item: &Spanned<DeValue<'_>>,
    error: &toml::de::Error,
    help: KeyHelp,
    diagnostics: &mut Vec<Diagnostic>,
) -> Range<usize> {
    let span = error.span().unwrap_or_else(|| item.span());
    let key = key_at(item, &span)
        .map(|k| join_key(prefix, &k))
        // A missing field points at the whole table.
        .or_else(|| (!prefix.is_empty()).then(|| prefix.to_string()));
    let message = if value_at(item, &span).is_some_and(is_unreadable_number) {
        "the number is too large to read".to_string()
    } else {
        let message = error.message();
        message.lines().next().unwrap_or(message).trim().to_string()
    };
    let mut diagnostic = Diagnostic::error(file, Some(span.clone()), message);
    // An unknown key is helped with the keys there are; the help of a key
    // of the same name elsewhere would mislead.
    let valid = match UnknownField::of(error) {
        Some(unknown) => key
            .as_deref()
            .and_then(|k| unknown.help(k.rsplit('.').next().unwrap_or(k))),
        None => key.as_deref().and_then(help),
    };
    if let Some(valid) = valid {
        diagnostic = diagnostic.with_help(valid);
    }
    if let Some(key) = key {
        diagnostic = diagnostic.with_key(key);
    }
    diagnostics.push(diagnostic);
    span
}

/// A float the reader cannot hold (`1e400`): TOML allows it, but it is no
/// number a person means.
fn is_unreadable_number(value: &DeValue<'_>) -> bool {
    let DeValue::Float(float) = value else {
        return false;
    };
    let text = float.as_str();
    !text.contains("inf") && !text.parse::<f64>().is_ok_and(f64::is_finite)
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

/// The value whose span is exactly `span`.
fn value_at<'v, 'a>(
    value: &'v Spanned<DeValue<'a>>,
    span: &Range<usize>,
) -> Option<&'v DeValue<'a>> {
    if value.span() == *span {
        return Some(value.get_ref());
    }
    match value.get_ref() {
        DeValue::Table(table) => table.values().find_map(|v| value_at(v, span)),
        DeValue::Array(array) => array.iter().find_map(|v| value_at(v, span)),
        _ => None,
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
