//! The rules on values that TOML's types cannot express and that library and
//! config files share: a whole number within a range, and text that is one
//! plain line.

use crate::diagnostic::is_unsafe_char;

/// What is wrong with `n` when it must lie from `min` to `max` (in `unit`s),
/// and what would be valid; `None` when it is in range.
pub(crate) fn out_of_range(n: i64, min: u32, max: u32, unit: &str) -> Option<(String, String)> {
    (n < i64::from(min) || n > i64::from(max))
        .then(|| (format!("{n} is out of range"), range_help(min, max, unit)))
}

/// What a whole number from `min` to `max` (in `unit`s) looks like, for the
/// help under a value out of range, of the wrong type or too large to read.
pub(crate) fn range_help(min: u32, max: u32, unit: &str) -> String {
    format!("a whole number of {unit} from {min} to {max}")
}

/// What is wrong with a piece of text that must be one plain line, and how
/// to fix it.
pub(crate) fn text_problem(text: &str) -> Option<(String, &'static str)> {
    const ONE_LINE: &str =
        "use plain one-line text; put each instruction in its own string of the array";
    if text.trim().is_empty() {
        return Some(("is empty".into(), "write a few words here"));
    }
    // Printable ASCII needs no closer look, and it is nearly all text.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return None;
    }
    if let Some(c) = text
        .chars()
        .find(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
    {
        return Some((
            format!("breaks the line ({})", c.escape_unicode()),
            ONE_LINE,
        ));
    }
    let c = text.chars().find(|&c| is_unsafe_char(c))?;
    Some((
        format!("contains the control character {}", c.escape_unicode()),
        ONE_LINE,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_include_both_ends() {
        assert_eq!(out_of_range(5, 5, 600, "seconds"), None);
        assert_eq!(out_of_range(600, 5, 600, "seconds"), None);
        assert_eq!(
            out_of_range(4, 5, 600, "seconds"),
            Some((
                "4 is out of range".to_string(),
                "a whole number of seconds from 5 to 600".to_string()
            ))
        );
    }

    #[test]
    fn text_must_be_one_plain_line() {
        assert_eq!(text_problem("Sit tall."), None);
        assert_eq!(text_problem("Genou à la poitrine"), None);
        assert_eq!(text_problem("  ").unwrap().0, "is empty");
        assert_eq!(
            text_problem("a\u{2028}b").unwrap().0,
            "breaks the line (\\u{2028})"
        );
        assert_eq!(
            text_problem("a\u{1b}b").unwrap().0,
            "contains the control character \\u{1b}"
        );
    }
}
