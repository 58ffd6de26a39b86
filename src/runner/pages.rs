//! The words of a get-ready on a screen with too few rows for all of them:
//! shown a page at a time, each page for as long as its words take to say at
//! the plan's pace, so the screen keeps step with the voice and with a
//! person reading along, and no line is left unseen. The get-ready lasts as
//! long as its words take, and its count-in still shows them (see
//! `engine::first_ready`), so the last page comes in time. A hold's
//! instructions, which stay up for a whole phase, come round again
//! ([`page_round`]).

use std::time::Duration;

use super::rows::wrap;
use crate::engine::{Pace, word_count};

/// The lines to show of `paragraphs`, wrapped to `width` columns, in at most
/// `room` rows, `elapsed` into the get-ready that says them at `pace`. When
/// they do not all fit, the last row says which page this is.
pub(crate) fn page(
    paragraphs: &[String],
    width: usize,
    room: usize,
    elapsed: Duration,
    pace: Pace,
) -> Vec<String> {
    let lines = lines(paragraphs, width);
    if lines.len() <= room {
        return lines.into_iter().map(|(line, _)| line).collect();
    }
    if room < 2 {
        return lines.into_iter().take(room).map(|(line, _)| line).collect();
    }
    let pages: Vec<&[(String, usize)]> = lines.chunks(room - 1).collect();
    let mut turn = Duration::ZERO;
    let mut shown = 0;
    for (index, page) in pages.iter().enumerate() {
        if turn > elapsed {
            break;
        }
        shown = index;
        turn += page_time(page, pace);
    }
    let mut rows: Vec<String> = pages[shown].iter().map(|(line, _)| line.clone()).collect();
    let marker = if shown + 1 < pages.len() {
        format!("(page {} of {}, more to come…)", shown + 1, pages.len())
    } else {
        format!("(page {} of {})", shown + 1, pages.len())
    };
    rows.push(marker);
    rows
}

/// The lines to show of `paragraphs` as [`page`] does, except that once the
/// last page has had its time the pages come round again from the first:
/// for words that stay up a long while, such as a phase of a hold, so that
/// every line keeps coming back into view.
pub(crate) fn page_round(
    paragraphs: &[String],
    width: usize,
    room: usize,
    elapsed: Duration,
    pace: Pace,
) -> Vec<String> {
    let round: Duration = lines(paragraphs, width)
        .chunks(room.saturating_sub(1).max(1))
        .map(|page| page_time(page, pace))
        .sum();
    let into = if round.is_zero() {
        elapsed
    } else {
        Duration::from_nanos((elapsed.as_nanos() % round.as_nanos()) as u64)
    };
    page(paragraphs, width, room, into, pace)
}

/// Each line of `paragraphs` wrapped to `width` columns, with its share of
/// its paragraph's words, so that a page turns when what it shows is said.
fn lines(paragraphs: &[String], width: usize) -> Vec<(String, usize)> {
    paragraphs
        .iter()
        .flat_map(|p| {
            let words = word_count(p);
            let wrapped = wrap(p, width);
            let count = wrapped.len().max(1);
            let mut given = 0;
            wrapped.into_iter().enumerate().map(move |(i, line)| {
                let share = words * (i + 1) / count - given;
                given += share;
                (line, share)
            })
        })
        .collect()
}

/// How long one page stays: as long as its words take at `pace`, and at least a
/// second, so that a screen drawn once a second shows every page.
fn page_time(page: &[(String, usize)], pace: Pace) -> Duration {
    let words = page.iter().map(|(_, words)| words).sum::<usize>();
    pace.time_to_say(words).max(Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64, room: usize) -> Vec<String> {
        // Five paragraphs of five words: two seconds each at 150 a minute.
        let paragraphs: Vec<String> = (1..=5)
            .map(|n| format!("Line {n} has five words."))
            .collect();
        page(
            &paragraphs,
            40,
            room,
            Duration::from_secs(seconds),
            Pace::DEFAULT,
        )
    }

    #[test]
    fn words_that_fit_are_shown_whole() {
        assert_eq!(at(0, 5).len(), 5);
        assert_eq!(at(0, 5)[4], "Line 5 has five words.");
    }

    #[test]
    fn words_that_do_not_fit_turn_pages_as_they_are_said() {
        // Three rows: two lines and the page's marker.
        assert_eq!(
            at(0, 3),
            [
                "Line 1 has five words.",
                "Line 2 has five words.",
                "(page 1 of 3, more to come…)"
            ]
        );
        // Ten words are said in four seconds.
        assert_eq!(at(3, 3)[0], "Line 1 has five words.");
        assert_eq!(
            at(4, 3),
            [
                "Line 3 has five words.",
                "Line 4 has five words.",
                "(page 2 of 3, more to come…)"
            ]
        );
        assert_eq!(at(8, 3), ["Line 5 has five words.", "(page 3 of 3)"]);
        assert_eq!(at(600, 3)[1], "(page 3 of 3)");
    }

    #[test]
    fn a_wrapped_paragraph_may_run_onto_the_next_page() {
        let long = vec!["one two three four five six seven eight nine ten".to_string()];
        let rows = page(&long, 9, 3, Duration::ZERO, Pace::DEFAULT);
        assert_eq!(rows, ["one two", "three", "(page 1 of 3, more to come…)"]);
        // The first page's three words take two seconds.
        assert_eq!(
            page(&long, 9, 3, Duration::from_secs(2), Pace::DEFAULT)[0],
            "four five"
        );
        // At half the pace, they take twice as long.
        let slow = Pace::new(75).unwrap();
        assert_eq!(
            page(&long, 9, 3, Duration::from_secs(2), slow)[0],
            "one two"
        );
        assert_eq!(
            page(&long, 9, 3, Duration::from_secs(3), slow)[0],
            "four five"
        );
    }

    #[test]
    fn every_page_stays_a_second_at_least() {
        let short = ["one two three", "four five", "six seven eight nine ten"].map(String::from);
        let shown =
            |seconds| page(&short, 40, 2, Duration::from_secs(seconds), Pace::DEFAULT)[0].clone();
        assert_eq!(shown(0), "one two three");
        assert_eq!(shown(2), "four five");
        assert_eq!(shown(3), "six seven eight nine ten");
    }

    #[test]
    fn pages_that_stay_up_come_round_again() {
        let round = |seconds| {
            let paragraphs: Vec<String> = (1..=3)
                .map(|n| format!("Line {n} has five words."))
                .collect();
            page_round(
                &paragraphs,
                40,
                2,
                Duration::from_secs(seconds),
                Pace::DEFAULT,
            )[0]
            .clone()
        };
        // Each page of one line takes two seconds: six in all.
        assert_eq!(round(0), "Line 1 has five words.");
        assert_eq!(round(4), "Line 3 has five words.");
        assert_eq!(round(6), "Line 1 has five words.");
        assert_eq!(round(8), "Line 2 has five words.");
    }

    #[test]
    fn one_row_shows_the_first_line() {
        assert_eq!(at(0, 1), ["Line 1 has five words."]);
        assert!(at(0, 0).is_empty());
    }
}
