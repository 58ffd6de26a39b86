//! When to suggest holding longer or shorter: the next level after three
//! weeks in a row that met the goal with tension not rising, the level below
//! when tension rises. Pure: a summary in, a suggestion out.
//!
//! The three weeks are the last three of the streak: up to the current week
//! once it has met the goal, else up to the week before. Tension rises when,
//! over those weeks, the average score before a session went up by a point or
//! more from the first week with check-ins to the last, or the sessions left
//! the back tenser than they found it on average. Weeks without check-ins say
//! nothing either way.

use super::stats::{Summary, WeekCount};

/// The lowest and highest levels.
pub(crate) const LEVELS: std::ops::RangeInclusive<u8> = 1..=3;

/// How many weeks in a row must meet the goal before a longer hold is
/// suggested.
pub(crate) const WEEKS_TO_GROW: u32 = 3;

/// A change of level worth suggesting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suggestion {
    /// Three good weeks: hold longer.
    Up { from: u8, to: u8 },
    /// Tension rose: hold shorter.
    Down { from: u8, to: u8 },
}

/// What to suggest to someone whose newest session was at `summary.level`.
pub(crate) fn suggest(summary: &Summary) -> Option<Suggestion> {
    let level = summary.level.clamp(*LEVELS.start(), *LEVELS.end());
    let window = window(summary);
    if rising(window) {
        return (level > *LEVELS.start()).then_some(Suggestion::Down {
            from: level,
            to: level - 1,
        });
    }
    (summary.streak_weeks >= WEEKS_TO_GROW && level < *LEVELS.end()).then_some(Suggestion::Up {
        from: level,
        to: level + 1,
    })
}

/// The last three weeks of the streak (see the module doc).
fn window(summary: &Summary) -> &[WeekCount] {
    let weeks = &summary.weeks;
    let end = if summary.goal_met() {
        weeks.len()
    } else {
        weeks.len().saturating_sub(1)
    };
    &weeks[end.saturating_sub(WEEKS_TO_GROW as usize)..end]
}

fn rising(weeks: &[WeekCount]) -> bool {
    let befores: Vec<f64> = weeks.iter().filter_map(|w| w.tension.before()).collect();
    let baseline_rose = match (befores.first(), befores.last()) {
        (Some(first), Some(last)) => last - first >= 1.0,
        _ => false,
    };
    let (sessions, change) = weeks.iter().fold((0u32, 0.0), |(n, sum), w| {
        match (w.tension.before(), w.tension.after()) {
            (Some(before), Some(after)) => (
                n + w.tension.sessions,
                sum + (after - before) * f64::from(w.tension.sessions),
            ),
            _ => (n, sum),
        }
    });
    baseline_rose || (sessions > 0 && change > 0.0)
}

/// The sentence `psoas history` prints for a suggestion.
pub(crate) fn sentence(suggestion: Suggestion) -> String {
    match suggestion {
        Suggestion::Up { from, to } => format!(
            "Level: {WEEKS_TO_GROW} weeks in a row met the goal and tension is not rising, so \
             your holds could grow and some exercises move to a harder variant: try level {to} \
             (now {from}) with `psoas run --level {to}`, \
             or `level = {to}` in the config.\n"
        ),
        Suggestion::Down { from, to } => format!(
            "Level: tension has been rising, so go easier: try level {to} (now {from}) with \
             `psoas run --level {to}`, or `level = {to}` in the config.\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::history::record::tests::sample;
    use crate::history::{Record, summarize};

    /// Three sessions in each of the weeks of these Mondays, with the tension
    /// scores given for each week, at `level`.
    fn history(weeks: &[(&str, Option<(u8, u8)>)], level: u8) -> Vec<Record> {
        weeks
            .iter()
            .flat_map(|&(monday, tension)| {
                ["08:00", "12:00", "18:00"].map(|h| {
                    let mut i = sample(&format!("{monday}T{h}:00+01:00"));
                    (i.tension_before, i.tension_after) = tension.unzip();
                    i.level = Some(level);
                    i
                })
            })
            .collect()
    }

    fn suggestion(records: &[Record], now: &str) -> Option<Suggestion> {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        suggest(&summarize(records, now, 3))
    }

    const WEDNESDAY: &str = "2026-11-25T12:00:00+01:00";

    #[test]
    fn three_good_weeks_suggest_the_next_level() {
        let steady = [
            ("2026-11-02", Some((5, 3))),
            ("2026-11-09", Some((5, 3))),
            ("2026-11-16", Some((5, 2))),
        ];
        assert_eq!(
            suggestion(&history(&steady, 1), WEDNESDAY),
            Some(Suggestion::Up { from: 1, to: 2 })
        );
        assert_eq!(
            suggestion(&history(&steady, 2), WEDNESDAY),
            Some(Suggestion::Up { from: 2, to: 3 })
        );
        // There is nothing above the top level.
        assert_eq!(suggestion(&history(&steady, 3), WEDNESDAY), None);
        // Without check-ins, the weeks alone decide.
        let quiet = steady.map(|(m, _)| (m, None));
        assert_eq!(
            suggestion(&history(&quiet, 1), WEDNESDAY),
            Some(Suggestion::Up { from: 1, to: 2 })
        );
    }

    #[test]
    fn two_weeks_are_not_enough() {
        let two = [("2026-11-09", None), ("2026-11-16", None)];
        assert_eq!(suggestion(&history(&two, 1), WEDNESDAY), None);
        // A third that meets the goal in the current week makes three.
        let three = [
            ("2026-11-09", None),
            ("2026-11-16", None),
            ("2026-11-23", None),
        ];
        assert_eq!(
            suggestion(&history(&three, 1), WEDNESDAY),
            Some(Suggestion::Up { from: 1, to: 2 })
        );
    }

    #[test]
    fn rising_tension_suggests_the_level_below() {
        let rising = [
            ("2026-11-02", Some((4, 3))),
            ("2026-11-09", Some((5, 4))),
            ("2026-11-16", Some((5, 4))),
        ];
        assert_eq!(
            suggestion(&history(&rising, 2), WEDNESDAY),
            Some(Suggestion::Down { from: 2, to: 1 })
        );
        assert_eq!(suggestion(&history(&rising, 1), WEDNESDAY), None);
        // Sessions that leave the back tenser than they found it count as rising.
        let worse = [
            ("2026-11-02", Some((4, 5))),
            ("2026-11-09", Some((4, 5))),
            ("2026-11-16", Some((4, 4))),
        ];
        assert_eq!(
            suggestion(&history(&worse, 3), WEDNESDAY),
            Some(Suggestion::Down { from: 3, to: 2 })
        );
    }

    #[test]
    fn the_sentences_say_how() {
        assert_eq!(
            sentence(Suggestion::Down { from: 2, to: 1 }),
            "Level: tension has been rising, so go easier: try level 1 (now 2) with \
             `psoas run --level 1`, or `level = 1` in the config.\n"
        );
        assert!(sentence(Suggestion::Up { from: 1, to: 2 }).contains("`psoas run --level 2`"));
    }
}
