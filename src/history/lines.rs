//! How the bytes of a history file become records, forgiving and a piece at
//! a time, so memory does not grow with the history.
//!
//! Each line holds one record. A byte-order mark at the start, as some
//! editors write, is read past. A last line without its newline that does not
//! read as a record was cut off (a crash in the middle of a write): it is
//! skipped with a warning. Any other line that does not read is counted and
//! reported with its number and why. Blank lines are ignored. Nothing here
//! changes the file; fixing a line by hand is always safe.

use std::io::{self, BufRead};

use serde::Deserialize;

use super::record::{Record, unknown_version};

/// What a whole history file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contents {
    /// Every record that reads, in file order.
    pub records: Vec<Record>,
    pub skipped: Skipped,
}

/// The lines that were skipped, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Skipped {
    /// Lines that could not be read, other than a cut-off last line.
    pub unreadable: Vec<BadLine>,
    /// The number of a last line that was cut off and skipped.
    pub cut_off_line: Option<usize>,
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

/// How many bad lines a warning names one by one.
const NAMED_LINES: usize = 3;

impl Contents {
    /// Reads every line of a history file held in memory.
    #[cfg(test)]
    pub fn parse(bytes: &[u8]) -> Contents {
        let mut records = Vec::new();
        let skipped =
            read_lines(bytes, |r| records.push(r)).expect("reading from memory cannot fail");
        Contents { records, skipped }
    }
}

/// Hands every record in `input` to `on_record`, in order, and says which
/// lines were skipped. Lines are found with `memchr` in the reader's buffer;
/// only a line that runs past the end of the buffer is copied.
pub fn read_lines(
    mut input: impl BufRead,
    mut on_record: impl FnMut(Record),
) -> io::Result<Skipped> {
    let mut reader = LineReader::default();
    // The start of a line whose end is not in the buffer yet.
    let mut partial: Vec<u8> = Vec::new();
    loop {
        let buffer = match input.fill_buf() {
            Ok([]) => break,
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', buffer) {
            if partial.is_empty() {
                reader.line(&buffer[start..end], false, &mut on_record);
            } else {
                partial.extend_from_slice(&buffer[start..end]);
                reader.line(&partial, false, &mut on_record);
                partial.clear();
            }
            start = end + 1;
        }
        partial.extend_from_slice(&buffer[start..]);
        let length = buffer.len();
        input.consume(length);
    }
    if !partial.is_empty() {
        reader.line(&partial, true, &mut on_record);
    }
    Ok(reader.skipped)
}

/// Numbers the lines of a history file and keeps what was skipped.
#[derive(Debug, Default)]
struct LineReader {
    lines: usize,
    skipped: Skipped,
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl LineReader {
    /// Reads one line without its newline; `unterminated` for a last line
    /// that has none.
    fn line(&mut self, bytes: &[u8], unterminated: bool, on_record: &mut impl FnMut(Record)) {
        self.lines += 1;
        let bytes = match bytes.strip_prefix(BOM) {
            Some(rest) if self.lines == 1 => rest,
            _ => bytes,
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let line = Line {
            bytes,
            text: std::str::from_utf8(bytes).ok(),
        };
        match read_line(line) {
            Ok(record) => on_record(record),
            Err(_) if unterminated => self.skipped.cut_off_line = Some(self.lines),
            Err(reason) => self.skipped.unreadable.push(BadLine {
                line: self.lines,
                reason,
            }),
        }
    }
}

impl Skipped {
    /// Warnings about skipped lines, each a sentence naming `file`.
    pub fn warnings(&self, file: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(line) = self.cut_off_line {
            warnings.push(format!(
                "{file}:{line}: the last line was cut off, probably by a crash while it was \
                 written; it is skipped, and the next session starts a new line"
            ));
        }
        if !self.unreadable.is_empty() {
            let count = self.unreadable.len();
            let mut text = format!(
                "{file}: {} could not be read and {} skipped (the file is left as it is):",
                crate::format::count(count, "line"),
                if count == 1 { "is" } else { "are" },
            );
            for bad in self.unreadable.iter().take(NAMED_LINES) {
                text.push_str(&format!("\n  line {}: {}", bad.line, bad.reason));
            }
            if count > NAMED_LINES {
                text.push_str(&format!("\n  and {} more", count - NAMED_LINES));
            }
            warnings.push(text);
        }
        warnings
    }
}

/// One line, without its newline, and the same as text if it is valid UTF-8.
#[derive(Clone, Copy)]
struct Line<'a> {
    bytes: &'a [u8],
    text: Option<&'a str>,
}

/// One line as a record, or why it is not one.
fn read_line(line: Line) -> Result<Record, String> {
    let parsed = match line.text {
        Some(text) => serde_json::from_str::<Record>(text),
        None => serde_json::from_slice::<Record>(line.bytes),
    };
    match parsed {
        Ok(record) => match record.problem() {
            None => Ok(record),
            Some(problem) => Err(problem),
        },
        Err(error) => {
            #[derive(Deserialize)]
            struct Version {
                v: u32,
            }
            match serde_json::from_slice::<Version>(line.bytes) {
                Ok(Version { v }) if v != super::record::FORMAT_VERSION => Err(unknown_version(v)),
                _ => Err(json_reason(&error)),
            }
        }
    }
}

/// A JSON error as "column N: what", without serde_json's "line 1".
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let what = text.strip_suffix(&position).unwrap_or(&text);
    format!("column {}: {what}", error.column())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::tests::sample;

    fn line(started_at: &str) -> String {
        sample(started_at).to_line()
    }

    #[test]
    fn lines_across_the_ends_of_the_buffer_are_numbered_in_order() {
        let good = line("2026-11-21T07:30:00+01:00");
        let text = format!("{good}bad\n\n{good}{}", &good[..20]);
        // A buffer of 7 bytes cuts every line, and a newline falls at its end.
        for capacity in [1, 7, 8, good.len(), good.len() + 1, 1 << 16] {
            let input = io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut records = Vec::new();
            let skipped = read_lines(input, |r| records.push(r)).unwrap();
            assert_eq!(records.len(), 2, "capacity {capacity}");
            assert_eq!(skipped.unreadable.len(), 1);
            assert_eq!(skipped.unreadable[0].line, 2);
            assert_eq!(skipped.cut_off_line, Some(5));
        }
    }

    #[test]
    fn a_byte_order_mark_is_read_past_only_at_the_start() {
        let good = line("2026-11-21T07:30:00+01:00");
        let text = format!("\u{feff}{good}\u{feff}{good}");
        for capacity in [1, 2, 3, 4, 1 << 16] {
            let input = io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut records = Vec::new();
            let skipped = read_lines(input, |r| records.push(r)).unwrap();
            assert_eq!(records.len(), 1, "capacity {capacity}");
            assert_eq!(skipped.unreadable[0].line, 2);
        }
        assert_eq!(Contents::parse(BOM), Contents::default());
    }

    #[test]
    fn every_line_is_a_record() {
        let text = line("2026-11-21T07:30:00+01:00") + &line("2026-11-22T07:30:00+01:00");
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 2);
        assert!(contents.skipped.unreadable.is_empty());
        assert_eq!(contents.skipped.cut_off_line, None);
        assert!(contents.skipped.warnings("h").is_empty());
    }

    #[test]
    fn an_empty_file_and_blank_lines_hold_nothing() {
        assert_eq!(Contents::parse(b""), Contents::default());
        let text = format!("\n{}  \n", line("2026-11-21T07:30:00+01:00"));
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 1);
        assert!(contents.skipped.unreadable.is_empty());
    }

    #[test]
    fn a_cut_off_last_line_is_skipped_with_a_warning() {
        let full = line("2026-11-21T07:30:00+01:00");
        let text = format!("{full}{}", &full[..40]);
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 1);
        assert!(contents.skipped.unreadable.is_empty());
        assert_eq!(contents.skipped.cut_off_line, Some(2));
        assert_eq!(
            contents.skipped.warnings("h.jsonl"),
            [
                "h.jsonl:2: the last line was cut off, probably by a crash while it was written; \
              it is skipped, and the next session starts a new line"
            ]
        );
    }

    #[test]
    fn a_whole_last_line_without_its_newline_still_counts() {
        let full = line("2026-11-21T07:30:00+01:00");
        let contents = Contents::parse(full.trim_end().as_bytes());
        assert_eq!(contents.records.len(), 1);
        assert_eq!(contents.skipped.cut_off_line, None);
    }

    #[test]
    fn other_bad_lines_are_counted_and_named() {
        let good = line("2026-11-21T07:30:00+01:00");
        let mut newer = good.replace("\"v\":1", "\"v\":2");
        newer = newer.replace("\"finished\":true,", "");
        let text = format!(
            "{good}not json\n{}{newer}{}\n{good}\u{0}\u{1}\n",
            good.replace("\"tension_after\":3", "\"tension_after\":12"),
            &good[..30],
        );
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 2);
        let lines: Vec<usize> = contents.skipped.unreadable.iter().map(|b| b.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 7]);
        assert_eq!(
            contents.skipped.unreadable[0].reason,
            "column 2: expected ident"
        );
        assert_eq!(
            contents.skipped.unreadable[1].reason,
            "`tension_after` is 12; it must be from 0 to 10"
        );
        assert!(
            contents.skipped.unreadable[2]
                .reason
                .starts_with("format version 2 is not")
        );
        assert_eq!(contents.skipped.cut_off_line, None);
        let warnings = contents.skipped.warnings("h");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with(
                "h: 5 lines could not be read and are skipped (the file is left as it is):\n  \
                 line 2: column 2: expected ident\n"
            ),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].ends_with("\n  and 2 more"));
    }
}
