//! What `psoas run` prints outside the screen and the transcript: the safety
//! notice on the first run (transcript lines in plain mode, a screen of its
//! own on a terminal), the summary once the screen is gone, and the lines
//! under it (stamped like the transcript in plain mode, wrapped to the
//! terminal's width on one). The words are [`words::run`](crate::words::run)'s.

use std::io::{self, Write};
use std::time::Duration;

use crate::runner::RunOutcome;
use crate::runner::plain::stamp;
use crate::runner::rows::wrap;
use crate::words::run as wording;

/// Plain mode's lines are wrapped to this width (the notice is the only
/// line long enough to need it).
const PLAIN_WIDTH: usize = 72;

/// The width text printed on a terminal outside the screen is wrapped to:
/// the terminal's, within reason, less the last column.
pub(crate) fn text_width() -> usize {
    let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    width.saturating_sub(1).clamp(20, 100)
}

/// `text` on a terminal, wrapped to its width at word boundaries.
pub(crate) fn wrapped(text: &str, out: &mut impl Write) -> io::Result<()> {
    for line in wrap(text, text_width()) {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// The notice as the transcript's first lines, wrapped, at `[00:00]`.
pub(crate) fn notice_lines(notice: &str, out: &mut impl Write) -> io::Result<()> {
    let start = stamp(Duration::ZERO);
    let indent = " ".repeat(start.len());
    for (i, line) in wrap(notice, PLAIN_WIDTH).iter().enumerate() {
        let lead = if i == 0 { &start } else { &indent };
        writeln!(out, "{lead} {line}")?;
    }
    Ok(())
}

/// The notice on a screen of its own: cleared, its heading, the notice
/// wrapped to the terminal, and what to press, left on the line that waits.
pub(crate) fn notice_screen(notice: &str, out: &mut impl Write) -> io::Result<()> {
    write!(out, "\x1b[2J\x1b[H")?;
    writeln!(out, "{}\n", wording::NOTICE_HEADING)?;
    wrapped(notice, out)?;
    write!(out, "\n{}", wording::NOTICE_GO_ON)?;
    out.flush()
}

/// The summary on the normal screen, once the interactive screen is gone
/// (plain mode has said it as its transcript's last line).
pub(crate) fn summary(outcome: &RunOutcome, out: &mut impl Write) -> io::Result<()> {
    for line in wording::summary(outcome) {
        wrapped(&line, out)?;
    }
    Ok(())
}

/// One line under the summary: in plain mode stamped like the transcript's
/// last line, on a terminal wrapped to its width.
pub(crate) fn under_summary(
    outcome: &RunOutcome,
    plain: bool,
    line: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    if plain {
        let at = Duration::from_secs(u64::from(outcome.spent_seconds));
        writeln!(out, "{} {line}", stamp(at))
    } else {
        wrapped(line, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_in_plain_mode_is_stamped_at_the_start_and_wrapped_under_it() {
        let mut out = Vec::new();
        let notice = "word ".repeat(30);
        notice_lines(&notice, &mut out).unwrap();
        let line = |n: usize| vec!["word"; n].join(" ");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "[00:00] {}\n        {}\n        {}\n",
                line(14),
                line(14),
                line(2)
            )
        );
    }
}
