//! Parsing a whole file into a table of spanned values, reporting every TOML
//! syntax error at once. A key given twice is named, with the advice to keep
//! one of them.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, SourceText};

/// Parses a whole file; `None` if there was any syntax error, each reported.
pub(crate) fn document<'a>(
    file: &'a SourceText,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'a>>> {
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Some(doc);
    }
    let mut keys = Keys::default();
    for error in errors {
        let message = error.message();
        let message = message.lines().next().unwrap_or(message).trim();
        let span = error.span();
        let duplicate = span
            .clone()
            .and_then(|span| keys.duplicate(file, doc.get_ref(), span));
        let lone_cr = span
            .clone()
            .and_then(|span| lone_carriage_return(file, span));
        let diagnostic = match (duplicate, lone_cr) {
            (Some(key), _) => {
                Diagnostic::error(file, span, format!("the key `{key}` is given twice"))
                    .with_key(key)
                    .with_help("keep one of them")
            }
            (None, Some(cr)) => {
                Diagnostic::error(file, Some(cr), format!("TOML syntax: {message}")).with_help(
                    "a carriage return alone does not end a line: save the file with \
                     Unix (LF) or Windows (CRLF) line ends",
                )
            }
            (None, None) => Diagnostic::error(file, span, format!("TOML syntax: {message}"))
                .with_help("see https://toml.io for the syntax; strings need double quotes"),
        };
        diagnostics.push(diagnostic);
    }
    None
}

/// The carriage return just before `span`, which the parser points past,
/// where a line feed was expected: the caret goes under the return itself.
fn lone_carriage_return(file: &SourceText, span: Range<usize>) -> Option<Range<usize>> {
    let before = span.start.checked_sub(1)?;
    let bytes = file.text.as_bytes();
    // A return before a line feed is a Windows line end, and no problem.
    let lone = bytes.get(before) == Some(&b'\r') && bytes.get(span.start) != Some(&b'\n');
    lone.then_some(before..span.start)
}

/// Every key of a document, with the places it is written, gathered once at
/// the first error that could be a key given twice: a file of thousands of
/// them must not walk the document for each.
#[derive(Default)]
struct Keys<'a> {
    places: Option<HashMap<&'a str, Vec<Range<usize>>>>,
}

impl<'a> Keys<'a> {
    /// The key an error points at, when it is a key the parser kept from an
    /// earlier place in the file: the parser does not say which key it found
    /// twice, only where the second one is.
    fn duplicate(
        &mut self,
        file: &SourceText,
        doc: &'a DeTable<'a>,
        span: Range<usize>,
    ) -> Option<String> {
        let key = file.text.get(span.clone())?.trim().trim_matches('"');
        let bare = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if key.is_empty() || !key.chars().all(bare) {
            return None;
        }
        let places = self.places.get_or_insert_with(|| {
            let mut places = HashMap::new();
            gather(doc, &mut places);
            places
        });
        let elsewhere = places
            .get(key)
            .is_some_and(|spans| spans.iter().any(|s| *s != span));
        elsewhere.then(|| key.to_string())
    }
}

fn gather<'a>(table: &'a DeTable<'a>, places: &mut HashMap<&'a str, Vec<Range<usize>>>) {
    for (key, value) in table {
        places
            .entry(key.get_ref().as_ref())
            .or_default()
            .push(key.span());
        gather_value(value, places);
    }
}

fn gather_value<'a>(
    value: &'a Spanned<DeValue<'a>>,
    places: &mut HashMap<&'a str, Vec<Range<usize>>>,
) {
    match value.get_ref() {
        DeValue::Table(table) => gather(table, places),
        DeValue::Array(array) => array.iter().for_each(|item| gather_value(item, places)),
        _ => {}
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

    #[test]
    fn a_carriage_return_alone_is_a_syntax_error_under_its_caret() {
        let file = SourceText::new("x.toml", "name = \"R\"\rprep = 5\r");
        let mut diagnostics = Vec::new();
        assert!(document(&file, &mut diagnostics).is_none());
        let shown: Vec<String> = diagnostics.iter().map(Diagnostic::render).collect();
        let help = "  = help: a carriage return alone does not end a line: save the file with \
                    Unix (LF) or Windows (CRLF) line ends\n";
        assert_eq!(
            shown,
            [
                format!(
                    "x.toml:1:11: error: TOML syntax: carriage return must be followed by newline, expected newline\n  |\n1 | name = \"R\"\\u{{d}}prep = 5\\u{{d}}\n  |           ^^^^^\n  |\n{help}"
                ),
                format!(
                    "x.toml:1:20: error: TOML syntax: carriage return must be followed by newline, expected newline\n  |\n1 | name = \"R\"\\u{{d}}prep = 5\\u{{d}}\n  |                        ^^^^^\n  |\n{help}"
                ),
            ]
        );
    }

    #[test]
    fn windows_line_ends_are_no_lone_carriage_return() {
        let file = SourceText::new("x.toml", "a = 1\r\nb = \r\n");
        assert_eq!(lone_carriage_return(&file, 7..8), None);
        assert_eq!(lone_carriage_return(&file, 12..13), None);
        let said = problems("a = 1\r\nb = \r\n");
        assert_eq!(said.len(), 1);
        assert!(
            said[0].starts_with("x.toml:2:5: error: TOML syntax: "),
            "{said:?}"
        );
        assert!(said[0].ends_with("strings need double quotes"), "{said:?}");
    }

    #[test]
    fn thousands_of_keys_given_twice_are_each_named() {
        let text = "a = 1\n".repeat(20_000);
        let said = problems(&text);
        assert_eq!(said.len(), 19_999);
        assert!(said[19_998].starts_with("x.toml:20000:1: error: `a`: the key `a` is given twice"));
    }
}
