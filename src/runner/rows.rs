//! The building blocks of a screen: rows of text with a named style, cut
//! and wrapped to the terminal's width, and chosen by priority when the
//! terminal is too short for all of them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
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
pub struct Row {
    pub text: String,
    pub style: Style,
}

impl Row {
    pub fn new(text: impl Into<String>, style: Style) -> Row {
        Row {
            text: text.into(),
            style,
        }
    }
}

/// How much a row matters when the terminal is too short for all of them:
/// lower numbers are dropped first.
pub type Priority = u8;

/// Keeps the rows that matter most for `height`, in order, each cut to
/// `width` characters (ending with "…" where text was cut), padded with empty
/// rows to exactly `height`.
pub fn fit(rows: Vec<(Priority, Row)>, width: u16, height: u16) -> Vec<Row> {
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

/// `text` in at most `width` characters; cut text ends with "…" so that
/// nobody takes it for the whole.
pub fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        short.push('…');
    }
    short
}

/// Words wrapped to `width` characters; a word longer than a line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("", 9), Vec::<String>::new());
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
