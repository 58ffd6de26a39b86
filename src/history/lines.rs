//! How the bytes of a history file become records, pure and forgiving.
//!
//! Each line holds one record. A last line without its newline that does not
//! read as a record was cut off (a crash in the middle of a write): it is
//! skipped with a warning. Any other line that does not read is counted and
//! reported with its number and why. Blank lines are ignored. Nothing here
//! changes the file; fixing a line by hand is always safe.

use serde::Deserialize;

use super::record::{Record, unknown_version};

/// What a history file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contents {
    /// Every record that reads, in file order.
    pub records: Vec<Record>,
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
    /// Reads every line of a history file.
    pub fn parse(bytes: &[u8]) -> Contents {
        let mut contents = Contents::default();
        let complete = bytes.ends_with(b"\n");
        let mut lines = bytes.split(|&b| b == b'\n').peekable();
        let mut number = 0;
        while let Some(line) = lines.next() {
            number += 1;
            let is_last = lines.peek().is_none();
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match read_line(line) {
                Ok(record) => contents.records.push(record),
                Err(_) if is_last && !complete => contents.cut_off_line = Some(number),
                Err(reason) => contents.unreadable.push(BadLine {
                    line: number,
                    reason,
                }),
            }
        }
        contents
    }

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
                "{file}: {count} line{} could not be read and {} skipped (the file is left as it is):",
                if count == 1 { "" } else { "s" },
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

/// One line as a record, or why it is not one.
fn read_line(line: &[u8]) -> Result<Record, String> {
    match serde_json::from_slice::<Record>(line) {
        Ok(record) => match record.problem() {
            None => Ok(record),
            Some(problem) => Err(problem),
        },
        Err(error) => {
            #[derive(Deserialize)]
            struct Version {
                v: u32,
            }
            match serde_json::from_slice::<Version>(line) {
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
    use crate::history::record::tests::input;

    fn line(started_at: &str) -> String {
        Record::new(input(started_at)).to_line()
    }

    #[test]
    fn every_line_is_a_record() {
        let text = line("2026-11-21T07:30:00+01:00") + &line("2026-11-22T07:30:00+01:00");
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 2);
        assert!(contents.unreadable.is_empty());
        assert_eq!(contents.cut_off_line, None);
        assert!(contents.warnings("h").is_empty());
    }

    #[test]
    fn an_empty_file_and_blank_lines_hold_nothing() {
        assert_eq!(Contents::parse(b""), Contents::default());
        let text = format!("\n{}  \n", line("2026-11-21T07:30:00+01:00"));
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 1);
        assert!(contents.unreadable.is_empty());
    }

    #[test]
    fn a_cut_off_last_line_is_skipped_with_a_warning() {
        let full = line("2026-11-21T07:30:00+01:00");
        let text = format!("{full}{}", &full[..40]);
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 1);
        assert!(contents.unreadable.is_empty());
        assert_eq!(contents.cut_off_line, Some(2));
        assert_eq!(
            contents.warnings("h.jsonl"),
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
        assert_eq!(contents.cut_off_line, None);
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
        let lines: Vec<usize> = contents.unreadable.iter().map(|b| b.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 7]);
        assert_eq!(contents.unreadable[0].reason, "column 2: expected ident");
        assert_eq!(
            contents.unreadable[1].reason,
            "`tension_after` is 12; it must be from 0 to 10"
        );
        assert!(
            contents.unreadable[2]
                .reason
                .starts_with("format version 2 is not")
        );
        assert_eq!(contents.cut_off_line, None);
        let warnings = contents.warnings("h");
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
