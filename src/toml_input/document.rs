//! Parsing a whole file into a table of spanned values, reporting every TOML
//! syntax error at once. A key given twice is named, with the advice to keep
//! one of them.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, SourceText};

/// Parses a whole file; `None` if there was any syntax error, each reported.
pub fn document<'a>(
    file: &'a SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'a>>> {
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Some(doc);
    }
    for error in errors {
        let message = error.message();
        let message = message.lines().next().unwrap_or(message).trim();
        let span = error.span();
        let duplicate = span
            .clone()
            .and_then(|span| duplicate_key(file, doc.get_ref(), span));
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

/// The key an error points at, when it is a key the parser kept from an
/// earlier place in the file: the parser does not say which key it found
/// twice, only where the second one is.
fn duplicate_key(file: &SourceText, doc: &DeTable<'_>, span: Range<usize>) -> Option<String> {
    let key = file.text.get(span.clone())?.trim().trim_matches('"');
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if key.is_empty() || !key.chars().all(bare) {
        return None;
    }
    defined_elsewhere(doc, key, &span).then(|| key.to_string())
}

/// Whether `key` is a key somewhere in `table` other than at `span`.
fn defined_elsewhere(table: &DeTable<'_>, key: &str, span: &Range<usize>) -> bool {
    table.iter().any(|(k, value)| {
        (k.get_ref() == key && k.span() != *span) || value_defines(value, key, span)
    })
}

fn value_defines(value: &Spanned<DeValue<'_>>, key: &str, span: &Range<usize>) -> bool {
    match value.get_ref() {
        DeValue::Table(table) => defined_elsewhere(table, key, span),
        DeValue::Array(array) => array.iter().any(|item| value_defines(item, key, span)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let file = SourceText::new("x.toml", text);
        let mut diagnostics = Vec::new();
        assert!(document(&file, &mut diagnostics).is_none());
        diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_key_given_twice_is_named_and_other_errors_are_syntax() {
        assert_eq!(
            problems("[[exercise]]\nname = \"A\"\nname = \"B\"\n"),
            ["x.toml:3:1: error: `name`: the key `name` is given twice\n  help: keep one of them"]
        );
        let said = problems("name = \"A\n");
        assert_eq!(said.len(), 1);
        assert!(said[0].starts_with("x.toml:1:"), "{said:?}");
        assert!(said[0].contains(": error: TOML syntax: "), "{said:?}");
    }
}
