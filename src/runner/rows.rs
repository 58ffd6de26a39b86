//! The building blocks of a screen: rows of text with a named style, cut
//! and wrapped to the terminal's width, and chosen by priority when the
//! terminal is too short for all of them. A row may have a line of a figure
//! beside its text, drawn at a column of its own. Widths are the columns
//! text takes on a terminal, not its count of characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Title,
    Dim,
    Strong,
    /// A side banner: a full-width band that cannot be missed.
    Left,
    Right,
    /// The count into a hold and the side switch.
    Count,
    Bar,
    Breath,
    /// PAUSED and the quit question: a full-width band.
    Alert,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub text: String,
    pub style: Style,
    /// A line of the figure, drawn from its column on, in no colour.
    pub aside: Option<Aside>,
    /// Whether the figure may stand by the row: the rows from the first such
    /// to the last are the figure's room, and their text keeps out of its
    /// columns.
    pub by_figure: bool,
}

/// A line of a figure and the column it starts at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Aside {
    pub column: usize,
    pub text: String,
}

impl Row {
    pub(crate) fn new(text: impl Into<String>, style: Style) -> Row {
        Row {
            text: text.into(),
            style,
            aside: None,
            by_figure: false,
        }
    }

    /// The row as the terminal shows it: its text, and the figure's line
    /// drawn over it from its column on.
    #[cfg(test)]
    pub(crate) fn line(&self) -> String {
        let Some(aside) = &self.aside else {
            return self.text.clone();
        };
        let end = aside.column + aside.text.width();
        let (mut line, mut rest, mut used) = (String::new(), String::new(), 0);
        for c in self.text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w <= aside.column {
                line.push(c);
            } else if used >= end {
                rest.push(c);
            }
            used += w;
        }
        let pad = aside.column.saturating_sub(line.width());
        format!("{line}{}{}{rest}", " ".repeat(pad), aside.text)
    }

    /// Whether the columns the figure's line takes are blank in the text.
    #[cfg(test)]
    pub(crate) fn aside_is_clear(&self) -> bool {
        let Some(aside) = &self.aside else {
            return true;
        };
        let end = aside.column + aside.text.width();
        let mut used = 0;
        self.text.chars().all(|c| {
            let w = c.width().unwrap_or(0);
            let clear = used + w <= aside.column || used >= end || c == ' ';
            used += w;
            clear
        })
    }
}

/// How much a row matters when the terminal is too short for all of them:
/// lower numbers are dropped first.
pub(crate) type Priority = u8;

/// Keeps the rows that matter most for `height`, in order, each cut to
/// `width` columns (ending with "…" where text was cut), padded with empty
/// rows to exactly `height`.
pub(crate) fn fit(rows: Vec<(Priority, Row)>, width: u16, height: u16) -> Vec<Row> {
    let height = usize::from(height);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // Stable: among equals, the earlier row stays.
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i].0));
    let mut keep = vec![false; rows.len()];
    for &i in order.iter().take(height) {
        keep[i] = true;
    }
    let mut out: Vec<Row> = rows
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((_, mut row), _)| {
            row.text = cut(&row.text, width.into());
            row
        })
        .collect();
    out.resize(height, Row::new("", Style::Plain));
    out
}

/// `text` in at most `width` columns of the terminal (a wide character, as
/// in Japanese, takes two); cut text ends with "…" so that nobody takes it for
/// the whole.
pub(crate) fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut short = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        short.push(c);
        used += w;
    }
    if width > 0 {
        short.push('…');
    }
    short
}

/// Words wrapped to `width` columns, any run of white space read as one
/// space; a word longer than a line is broken across lines.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        return Vec::new();
    }
    textwrap::wrap(&words, width.max(1))
        .into_iter()
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("", 9), Vec::<String>::new());
        assert_eq!(wrap("  one\n two  ", 9), ["one two"]);
        assert_eq!(wrap("abcdefghijk", 4), ["abcd", "efgh", "ijk"]);
    }

    #[test]
    fn wide_and_accented_text_is_measured_in_columns() {
        // Each of these characters takes two columns.
        assert_eq!(
            wrap("腸腰筋のストレッチ", 8),
            ["腸腰筋の", "ストレッ", "チ"]
        );
        assert_eq!(cut("腸腰筋のストレッチ", 7), "腸腰筋…");
        assert_eq!(cut("Étirement du psoas", 8), "Étireme…");
        assert_eq!(cut("Étirement", 9), "Étirement");
    }

    #[test]
    fn fitting_drops_the_least_important_rows_first() {
        let rows = vec![
            (1, Row::new("blank", Style::Plain)),
            (9, Row::new("side", Style::Left)),
            (5, Row::new("a long line of text", Style::Plain)),
        ];
        let fitted = fit(rows, 6, 2);
        let texts: Vec<&str> = fitted.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["side", "a lon…"]);
        assert_eq!(cut("exactly", 7), "exactly");
        assert_eq!(cut("", 0), "");
    }
}
