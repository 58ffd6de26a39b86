//! The tension check-in before and after a session, and the side check's
//! question for each side's pull: one question, a score from 0 to 10, Enter
//! to skip.
//!
//! A score given on the command line (`--tension-before`, `--tension-after`,
//! `--pull-left`, `--pull-right`) is the answer and nothing is asked. Otherwise the question is asked only in
//! interactive mode, and not with `--no-check-in` or `check_in = false` in the
//! config. The prompt reads a whole line, so the terminal must be in its
//! normal (cooked) mode while it asks.

use std::io::{self, BufRead, Write};

use super::rows::wrap;
use crate::history::MAX_TENSION;
use crate::library::Side;
use crate::words::run::{TENSION_ANSWER, TENSION_QUESTION, TENSION_RETRY, pull_question};

/// Whether to ask at all when no score was given on the command line.
pub(crate) fn should_ask(
    interactive: bool,
    no_check_in: bool,
    config_check_in: Option<bool>,
) -> bool {
    interactive && !no_check_in && config_check_in.unwrap_or(true)
}

/// What a check-in asks: the tension in the lower back and hips, or the
/// side check's pull on one side. Each is a score from 0 to 10, answered
/// and retried alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Question {
    Tension,
    Pull(Side),
}

impl Question {
    fn text(self) -> String {
        match self {
            Question::Tension => TENSION_QUESTION.to_string(),
            Question::Pull(side) => pull_question(side),
        }
    }
}

/// The score for one check-in of `question`: `given` if there is one,
/// else the answer to the question if `ask`, else none. The question is
/// wrapped to `width`.
pub(crate) fn check_in_for(
    question: Question,
    given: Option<u8>,
    ask: bool,
    width: usize,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Option<u8>> {
    match given {
        Some(score) => Ok(Some(score.min(MAX_TENSION))),
        None if ask => ask_score(question, width, input, output),
        None => Ok(None),
    }
}

fn prompt_for(question: Question, width: usize) -> String {
    let mut text = String::new();
    for line in wrap(&question.text(), width) {
        text.push_str(&line);
        text.push('\n');
    }
    text + TENSION_ANSWER
}

/// Asks `question` until the answer is a score; an empty line or the end of
/// the input skips.
pub(crate) fn ask_score(
    question: Question,
    width: usize,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Option<u8>> {
    let mut line = Vec::new();
    loop {
        output.write_all(prompt_for(question, width).as_bytes())?;
        output.flush()?;
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            // End of input: close the prompt's line and skip.
            writeln!(output)?;
            return Ok(None);
        }
        match parse_tension(&String::from_utf8_lossy(&line)) {
            Some(answer) => return Ok(answer),
            None => {
                for line in wrap(TENSION_RETRY, width) {
                    writeln!(output, "{line}")?;
                }
            }
        }
    }
}

/// An answer: `Some(None)` to skip, `Some(Some(score))`, or `None` if it is
/// neither.
#[allow(
    clippy::option_option,
    reason = "a score, a deliberate skip, or not an answer: three cases without a new type"
)]
pub(crate) fn parse_tension(answer: &str) -> Option<Option<u8>> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Some(None);
    }
    match answer.parse::<u8>() {
        Ok(score) if score <= MAX_TENSION => Some(Some(score)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt(width: usize) -> String {
        prompt_for(Question::Tension, width)
    }

    fn ask_tension(
        width: usize,
        input: &mut impl BufRead,
        output: &mut impl Write,
    ) -> io::Result<Option<u8>> {
        ask_score(Question::Tension, width, input, output)
    }

    /// Wide enough for every line to stay whole.
    const WIDE: usize = 200;
    const PROMPT: &str = "How tense do your lower back and hips feel? 0 is no tension, 10 the \
worst you can imagine.\nYour score, 0-10 (Enter to skip): ";
    const RETRY: &str = "Please type a whole number from 0 to 10, or press Enter to skip.";

    fn ask(typed: &str) -> (Option<u8>, String) {
        let mut output = Vec::new();
        let answer = ask_tension(WIDE, &mut typed.as_bytes(), &mut output).unwrap();
        (answer, String::from_utf8(output).unwrap())
    }

    #[test]
    fn the_question_wraps_at_word_boundaries() {
        assert_eq!(
            prompt(30),
            "How tense do your lower back\n\
             and hips feel? 0 is no\n\
             tension, 10 the worst you can\n\
             imagine.\n\
             Your score, 0-10 (Enter to skip): "
        );
        let mut output = Vec::new();
        ask_tension(30, &mut "x\n\n".as_bytes(), &mut output).unwrap();
        let output = String::from_utf8(output).unwrap();
        assert!(
            output.contains(
                "imagine.\nYour score, 0-10 (Enter to skip): Please type a whole number\n\
                 from 0 to 10, or press Enter\nto skip.\nHow tense"
            ),
            "{output}"
        );
    }

    #[test]
    fn a_score_is_the_answer() {
        assert_eq!(ask("7\n"), (Some(7), PROMPT.to_string()));
        assert_eq!(ask(" 0 \r\n").0, Some(0));
        assert_eq!(ask("10").0, Some(10));
    }

    #[test]
    fn enter_or_the_end_of_input_skips() {
        assert_eq!(ask("\n"), (None, PROMPT.to_string()));
        assert_eq!(ask(""), (None, format!("{PROMPT}\n")));
    }

    #[test]
    fn anything_else_asks_again() {
        let (answer, output) = ask("11\nfive\n-1\n4\n");
        assert_eq!(answer, Some(4));
        assert_eq!(output, format!("{PROMPT}{RETRY}\n").repeat(3) + PROMPT);
        let (answer, _) = ask("\u{ff}\u{fe}\n3\n");
        assert_eq!(answer, Some(3));
    }

    #[test]
    fn a_given_score_is_not_asked_for() {
        let mut output = Vec::new();
        let score = check_in_for(
            Question::Tension,
            Some(5),
            true,
            WIDE,
            &mut "9\n".as_bytes(),
            &mut output,
        )
        .unwrap();
        assert_eq!((score, output.len()), (Some(5), 0));
        let score = check_in_for(
            Question::Tension,
            None,
            false,
            WIDE,
            &mut "9\n".as_bytes(),
            &mut output,
        )
        .unwrap();
        assert_eq!((score, output.len()), (None, 0));
        let score = check_in_for(
            Question::Tension,
            None,
            true,
            WIDE,
            &mut "9\n".as_bytes(),
            &mut output,
        )
        .unwrap();
        assert_eq!(score, Some(9));
    }

    #[test]
    fn the_side_check_asks_each_sides_pull_the_same_way() {
        let mut output = Vec::new();
        let typed = "eight\n7\n";
        let pull = ask_score(
            Question::Pull(Side::Left),
            WIDE,
            &mut typed.as_bytes(),
            &mut output,
        );
        assert_eq!(pull.unwrap(), Some(7));
        let question = "How strong was the pull at the front of the hip on the left side? \
0 is none, 10 the strongest you can imagine.\nYour score, 0-10 (Enter to skip): ";
        assert_eq!(
            String::from_utf8(output).unwrap(),
            format!("{question}{RETRY}\n{question}")
        );
        let mut output = Vec::new();
        let given = check_in_for(
            Question::Pull(Side::Right),
            Some(4),
            true,
            WIDE,
            &mut "9\n".as_bytes(),
            &mut output,
        );
        assert_eq!((given.unwrap(), output.len()), (Some(4), 0));
    }

    #[test]
    fn only_interactive_runs_ask() {
        assert!(should_ask(true, false, None));
        assert!(!should_ask(false, false, None));
        assert!(!should_ask(true, true, None));
        assert!(!should_ask(true, false, Some(false)));
    }
}
