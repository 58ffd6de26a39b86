//! Problems found in a user's files, and how they are shown.
//!
//! A [`Diagnostic`] names the file, the line and column, the key, what is wrong
//! and what would be valid. Every piece of text that came from a file passes
//! through [`sanitize`] before it is shown, so a control character in a file can
//! never reach the terminal raw.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// How serious a diagnostic is: errors make `check` fail, notes do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Note,
}

/// One problem (or note) tied to a place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based line and column; `None` when the problem concerns the whole file.
    pub position: Option<(usize, usize)>,
    /// The key the problem is about, dotted (`step[2].hold`), when there is one.
    pub key: Option<String>,
    pub message: String,
    /// What would be valid, or how to fix it.
    pub help: Option<String>,
    /// The line of the file the problem is on, to show with a caret.
    pub excerpt: Option<Excerpt>,
}

/// One line of a file and the part of it a diagnostic points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based.
    pub line: usize,
    /// The line, without its line break.
    pub text: String,
    /// Byte range within `text`; empty to point between two characters.
    pub span: Range<usize>,
}

/// At most this many bytes of a line are shown before the place a
/// diagnostic points at, and after it: a file may be one line of a megabyte,
/// with thousands of problems on it, and each keeps only what is shown.
const EXCERPT_REACH: usize = 200;

/// What marks the part of a long line left out of an excerpt.
const CUT: &str = "...";

impl Excerpt {
    /// The line of `file` that `span` starts on, and the part of `span` on
    /// it, within [`EXCERPT_REACH`] of its start. A line ends at `\n` or
    /// `\r\n`; any other carriage return is part of the line, shown escaped,
    /// so a caret can point at it.
    fn of(file: &SourceText, span: &Range<usize>) -> Excerpt {
        let text = &file.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = file.line_start_of(start);
        let from = floor_char_boundary(text, start.saturating_sub(EXCERPT_REACH).max(line_start));
        let limit = ceil_char_boundary(text, start.saturating_add(EXCERPT_REACH).min(text.len()));
        let (mut to, whole) = match text[start..limit].find('\n') {
            Some(i) => (start + i, true),
            None => (limit, limit == text.len()),
        };
        if whole && text[to..].starts_with('\n') && text[..to].ends_with('\r') {
            to -= 1;
        }
        let start = start.min(to);
        let end = floor_char_boundary(text, span.end.clamp(start, to));
        let head = if from > line_start { CUT } else { "" };
        let tail = if whole { "" } else { CUT };
        let (line, _) = file.line_column(start);
        Excerpt {
            line,
            text: format!("{head}{}{tail}", &text[from..to]),
            span: start - from + head.len()..end - from + head.len(),
        }
    }
}

impl Diagnostic {
    /// An error at `span` of `file`; with no span it is about the whole
    /// file, placed at its start with no line to show.
    pub fn error(
        file: &SourceText,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            path: file.path.clone(),
            position: Some(span.as_ref().map_or((1, 1), |s| file.line_column(s.start))),
            key: None,
            message: message.into(),
            help: None,
            excerpt: span.map(|s| Excerpt::of(file, &s)),
        }
    }

    /// An error about a whole file, such as one that cannot be read.
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position: None,
            key: None,
            message: message.into(),
            help: None,
            excerpt: None,
        }
    }

    /// A note about a whole file, such as one that was skipped.
    pub fn file_note(path: &Path, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::file_error(path, message)
        }
    }

    pub fn note(file: &SourceText, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::error(file, span, message)
        }
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as shown to a person: its one-line form
    /// (`path:line:column: error: `key`: message`, which editors and grep
    /// understand), then, as cargo and rustc do, the line of the file with a
    /// caret under the place, and the help. One without a line of the file
    /// to show is just its one-line form ([`Display`](fmt::Display)).
    /// Everything from the file is sanitized first.
    pub fn render(&self) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
        let Some(excerpt) = self.excerpt.as_ref().filter(|_| self.position.is_some()) else {
            return self.to_string();
        };
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Note => Level::NOTE,
        };
        // Sanitizing may lengthen the line; the caret follows the characters.
        let before = visible(&excerpt.text[..excerpt.span.start]);
        let marked = visible(&excerpt.text[excerpt.span.clone()]);
        let after = visible(&excerpt.text[excerpt.span.end..]);
        let line = format!("{before}{marked}{after}");
        let span = before.len()..before.len() + marked.len();
        let snippet = Snippet::source(line.as_str())
            .line_start(excerpt.line)
            .annotation(AnnotationKind::Primary.span(span));
        let help = self.help.as_deref().map(sanitize);
        let mut group = Group::with_level(level).element(snippet);
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let header = Diagnostic {
            help: None,
            ..self.clone()
        };
        // A blank line after each, as cargo leaves.
        format!("{header}\n{}\n", Renderer::plain().render(&[group]))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", sanitize(&self.path.display().to_string()))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Note => "note",
        };
        write!(f, ": {label}: ")?;
        if let Some(key) = &self.key {
            write!(f, "`{}`: ", sanitize(key))?;
        }
        write!(f, "{}", sanitize(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", sanitize(help))?;
        }
        Ok(())
    }
}

/// A file's path and text, with the means to turn byte offsets into positions.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
    /// Where lines start, built on first use: every entry of a file asks for
    /// its position, so a scan from the top each time would make loading
    /// quadratic in the file's length.
    index: OnceLock<LineIndex>,
}

/// Byte offsets where lines start, and within lines longer than
/// [`MARK_EVERY`] bytes a mark every so often with the column there, so a
/// column is counted from at most that far back, even on a line of a
/// megabyte with a problem every few bytes.
#[derive(Clone, Debug, Default)]
struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, characters before it on its line), in order.
    marks: Vec<(usize, usize)>,
}

const MARK_EVERY: usize = 4096;

impl LineIndex {
    fn of(text: &str) -> LineIndex {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
        let line_starts: Vec<usize> = std::iter::once(0).chain(newlines).collect();
        let mut marks = Vec::new();
        let ends = line_starts.iter().skip(1).copied().chain([text.len()]);
        for (&start, end) in line_starts.iter().zip(ends) {
            if end - start <= MARK_EVERY {
                continue;
            }
            let mut next = start + MARK_EVERY;
            for (column, (i, _)) in text[start..end].char_indices().enumerate() {
                if start + i >= next {
                    marks.push((start + i, column));
                    next = start + i + MARK_EVERY;
                }
            }
        }
        LineIndex { line_starts, marks }
    }
}

impl SourceText {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            index: OnceLock::new(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let index = self.index();
        let line = index.line_starts.partition_point(|&start| start <= offset);
        let line_start = index.line_starts[line - 1];
        let marked = index.marks.partition_point(|&(at, _)| at <= offset);
        let (from, before) = match marked.checked_sub(1).map(|i| index.marks[i]) {
            Some((at, before)) if at >= line_start => (at, before),
            _ => (line_start, 0),
        };
        let column = before + self.text[from..offset].chars().count() + 1;
        (line, column)
    }

    /// The byte offset where the line holding `offset` starts.
    fn line_start_of(&self, offset: usize) -> usize {
        let starts = &self.index().line_starts;
        starts[starts.partition_point(|&start| start <= offset) - 1]
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::of(&self.text))
    }
}

/// At most this many diagnostics of one file are shown...
pub(crate) const MAX_SHOWN_PER_FILE: usize = 50;
/// ...and this many in all; a file of garbage must not flood the screen.
pub(crate) const MAX_SHOWN: usize = 200;

/// The diagnostics to show, in order, within [`MAX_SHOWN_PER_FILE`] and
/// [`MAX_SHOWN`], and how many were left out.
pub(crate) fn capped<'a>(all: &[&'a Diagnostic]) -> (Vec<&'a Diagnostic>, usize) {
    let mut per_file: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    let mut shown = Vec::new();
    for &diagnostic in all {
        let count = per_file.entry(diagnostic.path.as_path()).or_default();
        if *count < MAX_SHOWN_PER_FILE && shown.len() < MAX_SHOWN {
            *count += 1;
            shown.push(diagnostic);
        }
    }
    let left_out = all.len() - shown.len();
    (shown, left_out)
}

/// "... and 12 more not shown", or nothing.
pub(crate) fn not_shown_line(left_out: usize) -> Option<String> {
    (left_out > 0).then(|| {
        format!(
            "... and {left_out} more not shown (at most {MAX_SHOWN_PER_FILE} a file, {MAX_SHOWN} in all)"
        )
    })
}

/// The 1-based line and column of the first byte that is not UTF-8, in
/// bytes whose first `valid_up_to` are.
pub(crate) fn bad_utf8_position(bytes: &[u8], valid_up_to: usize) -> (usize, usize) {
    let valid = std::str::from_utf8(&bytes[..valid_up_to.min(bytes.len())]).unwrap_or("");
    SourceText::new("", valid).line_column(valid.len())
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// Replaces control characters with visible escapes (`\u{1b}`), keeping
/// newlines, so text from a file cannot move the cursor or change colours.
pub(crate) fn sanitize(text: &str) -> String {
    if !text.chars().any(is_unsafe_char) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A line of a file as an excerpt shows it: sanitized, and with the
/// characters that take no room escaped too, so a caret is never under
/// nothing to see.
fn visible(text: &str) -> String {
    if !text.chars().any(is_invisible) {
        return sanitize(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) || is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Format characters that take no room on a terminal: zero-width spaces and
/// joiners, word joiners, the soft hyphen and the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Control characters other than newline, including the C1 range and the
/// bidirectional overrides that can reorder what a terminal shows.
pub(crate) fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_character_columns() {
        let file = SourceText::new("a.toml", "x = 1\nnäme = 2\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(6), (2, 1));
        // "ä" is two bytes but one column.
        assert_eq!(file.line_column(13), (2, 7));
        assert_eq!(file.line_column(999), (3, 1));
    }

    #[test]
    fn render_shows_the_line_with_a_caret_under_the_place() {
        let file = SourceText::new("r/x.toml", "name = \"A\"\nhold = 3\n");
        let d = Diagnostic::error(&file, Some(18..19), "3 is out of range")
            .with_key("hold")
            .with_help("a whole number of seconds from 5 to 600");
        assert_eq!(
            d.render(),
            "r/x.toml:2:8: error: `hold`: 3 is out of range
  |
2 | hold = 3
  |        ^
  |
  = help: a whole number of seconds from 5 to 600
"
        );
    }

    #[test]
    fn render_escapes_control_characters_and_the_caret_follows() {
        let file = SourceText::new("x.toml", "name = \"\u{1b}[31mA\"\n");
        let d = Diagnostic::error(&file, Some(7..15), "contains a control character");
        let shown = d.render();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(
            shown.contains("1 | name = \"\\u{1b}[31mA\"\n  |        ^^^^^^^^^^^^^\n"),
            "{shown}"
        );
    }

    #[test]
    fn at_most_50_a_file_and_200_in_all_are_shown() {
        let many: Vec<Diagnostic> = (0..5)
            .flat_map(|f| {
                (0..60).map(move |i| {
                    Diagnostic::file_error(Path::new(&format!("{f}.toml")), format!("{i}"))
                })
            })
            .collect();
        let all: Vec<&Diagnostic> = many.iter().collect();
        let (shown, left_out) = capped(&all);
        assert_eq!(shown.len(), 200);
        assert_eq!(left_out, 100);
        assert_eq!(
            shown
                .iter()
                .filter(|d| d.path == Path::new("0.toml"))
                .count(),
            50
        );
        assert_eq!(shown[50].path, Path::new("1.toml"));
        assert_eq!(
            not_shown_line(left_out).unwrap(),
            "... and 100 more not shown (at most 50 a file, 200 in all)"
        );
        assert_eq!(not_shown_line(0), None);
    }

    #[test]
    fn bad_utf8_is_placed_by_line_and_column() {
        let bytes = b"a = 1\nname = \"R\xff\"\n";
        // Valid up to the 0xff byte.
        assert_eq!(bad_utf8_position(bytes, 15), (2, 10));
    }

    #[test]
    fn sanitize_escapes_controls_but_keeps_newlines() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\nc");
        assert_eq!(sanitize("tab\there"), "tab\\u{9}here");
        assert_eq!(sanitize("plain"), "plain");
    }

    #[test]
    fn display_names_path_position_key_and_help() {
        let file = SourceText::new("r/x.toml", "hold = 3\n");
        let d = Diagnostic::error(&file, Some(7..8), "3 is out of range")
            .with_key("hold")
            .with_help("a whole number of seconds from 5 to 600");
        assert_eq!(
            d.to_string(),
            "r/x.toml:1:8: error: `hold`: 3 is out of range\n  help: a whole number of seconds from 5 to 600"
        );
    }

    #[test]
    fn a_carriage_return_alone_is_part_of_the_line_and_can_be_pointed_at() {
        for (text, at) in [
            ("a = 1\r", 5),
            ("a = 1\r\r", 6),
            ("a = 1\rb = 2\r\n", 5),
            ("a = 1\r\r\n", 5),
            ("\r", 0),
        ] {
            let file = SourceText::new("x.toml", text);
            let d = Diagnostic::error(&file, Some(at..at + 1), "lone");
            let excerpt = d.excerpt.as_ref().unwrap();
            assert_eq!(&excerpt.text[excerpt.span.clone()], "\r", "{text:?}");
            assert!(d.render().contains("\\u{d}"), "{}", d.render());
        }
        // The line break of a CRLF line is not shown; a caret at it is at
        // the end of the line.
        let file = SourceText::new("x.toml", "a = 1\r\nb = 2\n");
        let d = Diagnostic::error(&file, Some(5..7), "at the end");
        let excerpt = d.excerpt.unwrap();
        assert_eq!((excerpt.text.as_str(), excerpt.span), ("a = 1", 5..5));
    }

    #[test]
    fn an_error_at_the_first_byte_has_its_line_and_caret() {
        let file = SourceText::new("x.toml", "= 1\n");
        assert_eq!(
            Diagnostic::error(&file, Some(0..0), "no key").render(),
            "x.toml:1:1: error: no key\n  |\n1 | = 1\n  | ^\n"
        );
        // Without a span the diagnostic is about the whole file.
        let whole = Diagnostic::error(&file, None, "no steps");
        assert_eq!(whole.render(), "x.toml:1:1: error: no steps");
    }

    #[test]
    fn a_long_line_is_shown_around_the_place_only() {
        let line = format!("{}x = 1{}", "a".repeat(5000), "b".repeat(5000));
        let file = SourceText::new("x.toml", format!("first\n{line}\n"));
        let d = Diagnostic::error(&file, Some(6 + 5000..6 + 5001), "here");
        assert_eq!(d.position, Some((2, 5001)));
        let excerpt = d.excerpt.unwrap();
        let shown = format!(
            "...{}x = 1{}...",
            "a".repeat(EXCERPT_REACH),
            "b".repeat(EXCERPT_REACH - 5)
        );
        assert_eq!(excerpt.text, shown);
        assert_eq!(&excerpt.text[excerpt.span], "x");
    }

    #[test]
    fn columns_on_long_lines_count_characters_from_the_line_start() {
        let text: String = (0..20_000)
            .map(|i| ["a", "ä", "界", "\n", "👍"][i * 7 % 11 % 5])
            .collect();
        let file = SourceText::new("x.toml", text.as_str());
        for (offset, _) in text.char_indices().step_by(997) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(file.line_column(offset), (line, column), "at {offset}");
        }
        let one_line = "界".repeat(10_000);
        let file = SourceText::new("x.toml", one_line.as_str());
        assert_eq!(file.line_column(3 * 9_999), (1, 10_000));
    }
}
