//! How the bytes of a history file become records, forgiving and a line at
//! a time, so memory grows with the history only by a hash of each record.
//!
//! Each line holds one record: a session, or something seen at the desk
//! ([`DeskEvent`]). A byte-order mark at the start, as some
//! editors write, is read past. A last line without its newline that does not
//! read as a record was cut off (a crash in the middle of a write): it is
//! skipped with a warning. A line longer than [`MAX_LINE_BYTES`] is reported
//! and passed over without being held. Any other line that does not read is
//! counted and reported with its number and why, in a person's words. A
//! record identical to one before it (a sync conflict, a backup restored into
//! the file) counts once; only a hash of each record is kept to tell. Blank
//! lines are ignored. Nothing here changes the file; fixing a line by hand is
//! always safe.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufRead, Read};

use serde::Deserialize;

use super::desk::DeskEvent;
use super::record::{Record, unknown_version};

/// One line of the history file.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Session(Record),
    Desk(DeskEvent),
}

/// The longest line read as a record; a session takes a few hundred bytes.
pub(super) const MAX_LINE_BYTES: usize = 1 << 20;

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
    /// Records passed over because an identical one came before.
    pub duplicates: usize,
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based.
    pub line: usize,
    /// 1-based, in bytes; 1 when the whole line is at fault.
    pub column: usize,
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
            read_lines(bytes, |_, r| records.push(r)).expect("reading from memory cannot fail");
        Contents { records, skipped }
    }
}

/// Hands every record in `input` to `on_record` with its line number, in
/// order, and says which lines were skipped. A line is read whole only up to
/// [`MAX_LINE_BYTES`]; the rest of a longer one is read past, not kept.
pub(super) fn read_lines(
    input: impl BufRead,
    mut on_record: impl FnMut(usize, Record),
) -> io::Result<Skipped> {
    read_entries(input, |line, entry| {
        if let Entry::Session(record) = entry {
            on_record(line, record);
        }
    })
}

/// The same as [`read_lines`], with what was seen at the desk as well.
pub(super) fn read_entries(
    mut input: impl BufRead,
    mut on_record: impl FnMut(usize, Entry),
) -> io::Result<Skipped> {
    let mut reader = LineReader::default();
    let mut line: Vec<u8> = Vec::new();
    let bound = MAX_LINE_BYTES as u64 + 1;
    loop {
        line.clear();
        if (&mut input).take(bound).read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            reader.line(&line, false, &mut on_record);
        } else if line.len() > MAX_LINE_BYTES {
            input.skip_until(b'\n')?;
            reader.too_long();
        } else {
            reader.line(&line, true, &mut on_record);
        }
    }
    Ok(reader.skipped)
}

/// Numbers the lines of a history file and keeps what was skipped.
#[derive(Debug, Default)]
struct LineReader {
    lines: usize,
    skipped: Skipped,
    /// A hash of each record read, to tell one written twice.
    seen: HashSet<u64>,
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl LineReader {
    /// Reads one line without its newline; `unterminated` for a last line
    /// that has none.
    fn line(&mut self, bytes: &[u8], unterminated: bool, on_record: &mut impl FnMut(usize, Entry)) {
        self.lines += 1;
        let bytes = match bytes.strip_prefix(BOM) {
            Some(rest) if self.lines == 1 => rest,
            _ => bytes,
        };
        let record_bytes = bytes.trim_ascii();
        if record_bytes.is_empty() {
            return;
        }
        let line = Line {
            bytes,
            text: std::str::from_utf8(bytes).ok(),
        };
        match read_line(line) {
            Ok(record) => {
                let mut hasher = DefaultHasher::new();
                record_bytes.hash(&mut hasher);
                if self.seen.insert(hasher.finish()) {
                    on_record(self.lines, record);
                } else {
                    self.skipped.duplicates += 1;
                }
            }
            Err(_) if unterminated => self.skipped.cut_off_line = Some(self.lines),
            Err((column, reason)) => self.skipped.unreadable.push(BadLine {
                line: self.lines,
                column,
                reason,
            }),
        }
    }

    /// A line longer than [`MAX_LINE_BYTES`], passed over.
    fn too_long(&mut self) {
        self.lines += 1;
        self.skipped.unreadable.push(BadLine {
            line: self.lines,
            column: 1,
            reason: "is longer than 1 MiB, far longer than any session; it is passed over"
                .to_string(),
        });
    }
}

impl Skipped {
    /// Warnings about skipped lines, each a sentence naming `file` and, for
    /// each line, its number and column.
    pub fn warnings(&self, file: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(line) = self.cut_off_line {
            warnings.push(format!(
                "{file}:{line}:1: the last line was cut off, probably by a crash while it was \
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
                text.push_str(&format!(
                    "\n  {file}:{}:{}: {}",
                    bad.line, bad.column, bad.reason
                ));
            }
            if count > NAMED_LINES {
                text.push_str(&format!("\n  and {} more", count - NAMED_LINES));
            }
            warnings.push(text);
        }
        if self.duplicates > 0 {
            warnings.push(format!(
                "{file}: {} the same as one before, as a sync conflict or a restored backup \
                 leaves; each session counts once",
                match self.duplicates {
                    1 => "1 record is".to_string(),
                    n => format!("{n} records are"),
                }
            ));
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

/// One line as a record, or the column and why it is not one.
fn read_line(line: Line) -> Result<Entry, (usize, String)> {
    if let Some(event) = desk_event(line) {
        return Ok(Entry::Desk(event));
    }
    read_session(line).map(Entry::Session)
}

/// A line that reads as a [`DeskEvent`] of this version; any other is read
/// as a session, whose errors say what is wrong.
fn desk_event(line: Line) -> Option<DeskEvent> {
    let event: DeskEvent = match line.text {
        Some(text) => serde_json::from_str(text).ok()?,
        None => serde_json::from_slice(line.bytes).ok()?,
    };
    (event.v == super::record::FORMAT_VERSION).then_some(event)
}

fn read_session(line: Line) -> Result<Record, (usize, String)> {
    let parsed = match line.text {
        Some(text) => serde_json::from_str::<Record>(text),
        None => serde_json::from_slice::<Record>(line.bytes),
    };
    match parsed {
        Ok(record) => match record.problem() {
            None => Ok(record),
            Some(problem) => Err((1, problem)),
        },
        Err(error) => {
            #[derive(Deserialize)]
            struct Version {
                v: u32,
            }
            match serde_json::from_slice::<Version>(line.bytes) {
                Ok(Version { v }) if v != super::record::FORMAT_VERSION => {
                    Err((1, unknown_version(v)))
                }
                _ => Err((error.column().max(1), json_reason(&error))),
            }
        }
    }
}

/// A JSON error in a person's words, without `serde_json`'s place in it.
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let what = text.strip_suffix(&position).unwrap_or(&text);
    in_plain_words(what)
}

/// serde's names of types and JSON's terms, as a person would say them: a
/// value of another type needs only the kind, a number out of range the range.
fn in_plain_words(what: &str) -> String {
    if matches!(what, "expected ident" | "expected value") {
        return "this is not a record (one line of JSON, as psoas writes it)".to_string();
    }
    if what.starts_with("EOF while parsing") {
        return "the line ends before the record does".to_string();
    }
    if what == "trailing characters" {
        return "something follows the record on its line".to_string();
    }
    let out_of_range = what.starts_with("invalid value");
    let mut said = what.to_string();
    for (serde, kind, range) in [
        ("expected u8", "a whole number", " from 0 to 255"),
        ("expected u32", "a whole number", " from 0 to 4294967295"),
        ("expected a boolean", "true or false", ""),
    ] {
        if let Some(start) = said.find(serde) {
            let range = if out_of_range { range } else { "" };
            said.replace_range(
                start..start + serde.len(),
                &format!("expected {kind}{range}"),
            );
        }
    }
    said
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
        let other = line("2026-11-22T07:30:00+01:00");
        let text = format!("{good}bad\n\n{other}{}", &good[..20]);
        // A buffer of 7 bytes cuts every line, and a newline falls at its end.
        for capacity in [1, 7, 8, good.len(), good.len() + 1, 1 << 16] {
            let input = io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut records = Vec::new();
            let skipped = read_lines(input, |_, r| records.push(r)).unwrap();
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
            let skipped = read_lines(input, |_, r| records.push(r)).unwrap();
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
                "h.jsonl:2:1: the last line was cut off, probably by a crash while it was written; \
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
        let other = line("2026-11-22T07:30:00+01:00");
        let mut newer = good.replace("\"v\":1", "\"v\":2");
        newer = newer.replace("\"finished\":true,", "");
        let text = format!(
            "{good}not json\n{}{newer}{}\n{other}\u{0}\u{1}\n",
            good.replace("\"tension_after\":3", "\"tension_after\":12"),
            &good[..30],
        );
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(contents.records.len(), 2);
        let lines: Vec<usize> = contents.skipped.unreadable.iter().map(|b| b.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 7]);
        assert_eq!(
            (
                contents.skipped.unreadable[0].column,
                contents.skipped.unreadable[0].reason.as_str()
            ),
            (
                2,
                "this is not a record (one line of JSON, as psoas writes it)"
            )
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
                 h:2:2: this is not a record (one line of JSON, as psoas writes it)\n  \
                 h:3:1: `tension_after` is 12; it must be from 0 to 10\n"
            ),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].ends_with("\n  and 2 more"));
    }

    #[test]
    fn a_line_over_the_bound_is_passed_over_with_its_number() {
        let good = line("2026-11-21T07:30:00+01:00");
        let other = line("2026-11-22T07:30:00+01:00");
        let mut longest = sample("2026-11-23T07:30:00+01:00");
        longest.note = Some(String::new());
        let room = MAX_LINE_BYTES + 1 - longest.to_line().len();
        longest.note = Some("n".repeat(room));
        let longest = longest.to_line();
        assert_eq!(longest.len(), MAX_LINE_BYTES + 1, "with its newline");
        let too_long = "x".repeat(MAX_LINE_BYTES + 1);
        for ending in ["\n", ""] {
            let text = format!("{good}{longest}{too_long}\n{other}{too_long}{ending}");
            for capacity in [1000, MAX_LINE_BYTES, 1 << 22] {
                let input = io::BufReader::with_capacity(capacity, text.as_bytes());
                let mut lines = Vec::new();
                let skipped = read_lines(input, |n, _| lines.push(n)).unwrap();
                assert_eq!(lines, [1, 2, 4], "capacity {capacity}");
                let bad: Vec<(usize, &str)> = skipped
                    .unreadable
                    .iter()
                    .map(|b| (b.line, b.reason.as_str()))
                    .collect();
                let reason = "is longer than 1 MiB, far longer than any session; it is passed over";
                assert_eq!(bad, [(3, reason), (5, reason)]);
                assert_eq!(skipped.cut_off_line, None);
            }
        }
    }

    #[test]
    fn a_record_written_twice_counts_once() {
        let a = line("2026-11-21T07:30:00+01:00");
        let b = line("2026-11-22T07:30:00+01:00");
        let text = format!("{a}{b}{a} {}\r\n{a}", b.trim_end());
        let contents = Contents::parse(text.as_bytes());
        assert_eq!(
            contents.records,
            [
                sample("2026-11-21T07:30:00+01:00"),
                sample("2026-11-22T07:30:00+01:00")
            ]
        );
        assert_eq!(contents.skipped.duplicates, 3);
        assert_eq!(
            contents.skipped.warnings("h"),
            [
                "h: 3 records are the same as one before, as a sync conflict or a restored backup \
              leaves; each session counts once"
            ]
        );
    }

    #[test]
    fn wrong_types_are_named_in_a_persons_words() {
        let good = line("2026-11-21T07:30:00+01:00");
        let text = [
            good.replace("\"held_seconds\":540", "\"held_seconds\":\"long\""),
            good.replace("\"held_seconds\":540", "\"held_seconds\":-5"),
            good.replace("\"tension_after\":3", "\"tension_after\":300"),
            good.replace("\"finished\":true", "\"finished\":\"yes\""),
            format!("{}\n", &good[..60]),
            format!("{} {{}}\n", good.trim_end()),
        ]
        .concat();
        let reasons: Vec<String> = Contents::parse(text.as_bytes())
            .skipped
            .unreadable
            .into_iter()
            .map(|b| b.reason)
            .collect();
        assert_eq!(
            reasons,
            [
                "invalid type: string \"long\", expected a whole number",
                "invalid value: integer `-5`, expected a whole number from 0 to 4294967295",
                "invalid value: integer `300`, expected a whole number from 0 to 255",
                "invalid type: string \"yes\", expected true or false",
                "the line ends before the record does",
                "something follows the record on its line",
            ]
        );
    }

    #[test]
    fn only_a_higher_version_is_called_newer() {
        let good = line("2026-11-21T07:30:00+01:00");
        let text = [
            good.replace("\"v\":1", "\"v\":0"),
            good.replace("\"v\":1", "\"v\":2"),
        ]
        .concat();
        let reasons: Vec<String> = Contents::parse(text.as_bytes())
            .skipped
            .unreadable
            .into_iter()
            .map(|b| b.reason)
            .collect();
        assert_eq!(
            reasons,
            [
                "format version 0 is not one this psoas reads (it reads version 1)",
                "format version 2 is not one this psoas reads (it reads version 1); a newer \
                 psoas may have written it",
            ]
        );
    }
}
