//! A file of many tables of one kind, cut into pieces that are parsed one at
//! a time, so that memory does not grow with the parsed document of a file of
//! thousands of `[[step]]` tables.
//!
//! The text is cut before each `[[key]]` header that starts a line: the first
//! piece is everything before the first such header, and each other piece one
//! header and what follows it. A cut stands only if every piece stands alone:
//! each parses without a problem, the first holds no `key`, and each other
//! holds its one table and nothing else. Then reading the pieces in turn gives
//! exactly what reading the whole file gives (the lexer has no state at a
//! line's start, and the tables of an array do not reach into each other).
//! When a cut does not stand, the caller reads the file again as one piece,
//! which reports every problem as the whole document has it.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml_parser::Source;
use toml_parser::lexer::{Token, TokenKind};

/// Where a file is cut: piece `i` runs from `starts[i]` to the next start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pieces {
    starts: Vec<usize>,
    len: usize,
}

impl Pieces {
    /// The whole of `text` as one piece.
    pub fn whole(text: &str) -> Self {
        Pieces {
            starts: vec![0],
            len: text.len(),
        }
    }

    /// `text` cut before each `[[key]]` header that starts a line (after any
    /// indentation). The lexer keeps strings and comments whole, so a header
    /// spelt inside one is no cut. A header written some other way (quoted,
    /// or a dotted key) is no cut either: its piece then holds more than one
    /// table, so the cut does not stand.
    pub fn cut(text: &str, key: &str) -> Self {
        let mut starts = vec![0];
        let mut tokens = Source::new(text)
            .lex()
            .filter(|t| t.kind() != TokenKind::Whitespace)
            .peekable();
        let mut line_start = Some(0);
        while let Some(token) = tokens.next() {
            let kind = token.kind();
            if kind == TokenKind::LeftSquareBracket
                && let Some(start) = line_start
                && is_header_rest(text, key, token.span().end(), &mut tokens)
            {
                starts.push(start);
            }
            line_start = (kind == TokenKind::Newline).then(|| token.span().end());
        }
        Pieces {
            starts,
            len: text.len(),
        }
    }

    /// How many pieces there are; at least one.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    pub fn is_whole(&self) -> bool {
        self.count() == 1
    }

    /// The span of piece `index` (from 0).
    pub fn range(&self, index: usize) -> Range<usize> {
        let end = self.starts.get(index + 1).copied().unwrap_or(self.len);
        self.starts[index]..end
    }
}

/// Piece `index` of `text` parsed on its own, with its spans in the whole
/// text; `None` if it has any problem.
pub fn parse_piece<'a>(text: &'a str, pieces: &Pieces, index: usize) -> Option<DeTable<'a>> {
    let range = pieces.range(index);
    let table = DeTable::parse(&text[range.clone()]).ok()?.into_inner();
    Some(moved_table(table, range.start))
}

/// Whether the tokens after a line's first `[` finish a `[[key]]` header.
fn is_header_rest(
    text: &str,
    key: &str,
    after_first: usize,
    tokens: &mut impl Iterator<Item = Token>,
) -> bool {
    let mut next = |kind: TokenKind| -> Option<Range<usize>> {
        let token = tokens.next()?;
        let span = token.span();
        (token.kind() == kind).then_some(span.start()..span.end())
    };
    // The two brackets of each pair must touch: `[ [` is an array.
    let Some(second) = next(TokenKind::LeftSquareBracket) else {
        return false;
    };
    if second.start != after_first {
        return false;
    }
    let Some(name) = next(TokenKind::Atom) else {
        return false;
    };
    if &text[name] != key {
        return false;
    }
    let (Some(close), Some(close_too)) = (
        next(TokenKind::RightSquareBracket),
        next(TokenKind::RightSquareBracket),
    ) else {
        return false;
    };
    close.end == close_too.start
}

fn moved_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    table
        .into_iter()
        .map(|(key, value)| {
            let span = shift(key.span(), by);
            (Spanned::new(span, key.into_inner()), moved(value, by))
        })
        .collect()
}

/// `value` with every span moved `by` bytes on.
fn moved(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = shift(value.span(), by);
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(moved_table(table, by)),
        DeValue::Array(array) => DeValue::Array(
            array
                .into_iter()
                .map(|item| moved(item, by))
                .collect::<DeArray<'_>>(),
        ),
        scalar => scalar,
    };
    Spanned::new(span, inner)
}

fn shift(span: Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<usize> {
        Pieces::cut(text, "step").starts
    }

    #[test]
    fn cuts_only_before_headers_of_the_key() {
        let text = "name = \"R\"\n[[step]]\nexercise = \"a\"\n  [[ step ]] # x\nhold = 5\n";
        assert_eq!(starts(text), [0, 11, 35]);
        assert_eq!(starts("[[step]]\n"), [0, 0]);
        assert_eq!(
            starts("[[steps]]\n[step]\n[ [step]]\n[[\"step\"]]\n[[step] ]\n"),
            [0]
        );
        assert_eq!(
            starts("a = \"\"\"\n[[step]]\n\"\"\"\n# [[step]]\nb = [[step]]\n"),
            [0]
        );
    }

    #[test]
    fn each_piece_has_its_spans_in_the_whole_file() {
        let text = "name = \"R\"\n[[step]]\nexercise = \"a\"\n[[step]]\nexercise = \"bb\"\n";
        let pieces = Pieces::cut(text, "step");
        assert_eq!(pieces.count(), 3);
        assert_eq!(pieces.range(2), 35..text.len());
        let head = parse_piece(text, &pieces, 0).unwrap();
        assert_eq!(head["name"].span(), 7..10);
        let second = parse_piece(text, &pieces, 2).unwrap();
        let step = second["step"].get_ref().as_array().unwrap()[0].clone();
        let exercise = &step.get_ref().as_table().unwrap()["exercise"];
        assert_eq!(&text[exercise.span()], "\"bb\"");
    }

    #[test]
    fn a_piece_with_a_problem_is_none() {
        let text = "[[step]]\nx = \"1\n";
        assert!(parse_piece(text, &Pieces::cut(text, "step"), 1).is_none());
        assert!(parse_piece(text, &Pieces::whole(text), 0).is_none());
    }
}
