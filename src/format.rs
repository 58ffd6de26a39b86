//! Small text helpers shared by the printers: clock times and padded columns.
//! Columns are measured in display width (terminal cells), so a name in
//! Japanese, with accents or with combining marks lines up.

use unicode_width::UnicodeWidthStr;

/// `m:ss` (or `h:mm:ss` from an hour up) for a number of seconds.
pub(crate) fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "did you mean `a` or `b`?", or `None` when nothing is close.
pub(crate) fn did_you_mean(close: &[&str]) -> Option<String> {
    let quoted: Vec<String> = close.iter().map(|id| format!("`{id}`")).collect();
    (!quoted.is_empty()).then(|| format!("did you mean {}?", quoted.join(" or ")))
}

/// "1 step", "2 steps".
pub(crate) fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun))
}

/// The noun for `n` of it: "step" for one, "steps" otherwise. Every noun the
/// program counts takes a plain "s".
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

/// Pads `text` with spaces to `width` terminal cells.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let len = text.width();
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    out
}

/// Column widths (in terminal cells) that fit every row.
pub(crate) fn widths<const N: usize>(rows: &[[String; N]]) -> [usize; N] {
    let mut widths = [0; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    widths
}

/// Rows as aligned columns separated by two spaces, without trailing spaces.
pub(crate) fn table<const N: usize>(rows: &[[String; N]], indent: &str) -> String {
    let widths = widths(rows);
    let mut out = String::new();
    for row in rows {
        let mut line = indent.to_string();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < N {
                line.push_str(&pad(cell, widths[i]));
                line.push_str("  ");
            } else {
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(595), "9:55");
        assert_eq!(clock(3_725), "1:02:05");
    }

    #[test]
    fn tables_align_by_display_width() {
        let rows = [
            ["ä".to_string(), "x".to_string()],
            ["bbb".to_string(), String::new()],
        ];
        assert_eq!(table(&rows, "  "), "  ä    x\n  bbb\n");
        // "e" and a combining acute accent: one cell.
        let rows = [
            ["cafe\u{301}".to_string(), "x".to_string()],
            ["腸腰筋".to_string(), "y".to_string()],
            ["hip".to_string(), "z".to_string()],
        ];
        assert_eq!(table(&rows, ""), "cafe\u{301}    x\n腸腰筋  y\nhip     z\n");
    }

    #[test]
    fn pad_counts_wide_characters_as_two_cells() {
        assert_eq!(pad("腸", 4), "腸  ");
        assert_eq!(pad("é", 3), "é  ");
        assert_eq!(pad("longer", 2), "longer");
    }
}
