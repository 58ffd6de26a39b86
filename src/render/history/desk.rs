//! The days at the desk under the `psoas history` report: for each of the
//! last days with a nudge or a break, the sessions, the breaks and the
//! nudges, and how many of those were ignored. Nothing where the reminder
//! saw no break and gave no nudge, so a history without it reads as before.
//! Pure: the days in, text out.

use crate::format::table;
use crate::history::{ANSWER_WINDOW, DeskDay};
use crate::remind::sitting::BREAK;

use super::report::plural;

/// The section, with a blank line before it; empty where no day has a
/// nudge or a break seen at the desk.
pub(crate) fn text(days: &[DeskDay]) -> String {
    if !days.iter().any(|d| d.nudges > 0 || d.seen_breaks > 0) {
        return String::new();
    }
    let rows: Vec<[String; 4]> = days
        .iter()
        .filter(|d| d.nudges > 0 || d.breaks > 0)
        .map(|d| {
            let nudges = match d.ignored {
                0 => format!("{} {}", d.nudges, plural(d.nudges, "nudge")),
                n => format!("{} {}, {n} ignored", d.nudges, plural(d.nudges, "nudge")),
            };
            [
                d.date.format("%a %Y-%m-%d").to_string(),
                format!("{} {}", d.sessions, plural(d.sessions, "session")),
                format!("{} {}", d.breaks, plural(d.breaks, "break")),
                nudges,
            ]
        })
        .collect();
    format!(
        "\nAt the desk, last {} days (a break: {} minutes away, a locked screen or a short \
         session; a nudge ignored: no break or session within {} minutes):\n{}",
        days.len(),
        BREAK.as_secs() / 60,
        ANSWER_WINDOW.num_minutes(),
        table(&rows, "  ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(date: &str, sessions: u32, breaks: u32, nudges: u32, ignored: u32) -> DeskDay {
        DeskDay {
            date: date.parse::<NaiveDate>().unwrap(),
            sessions,
            breaks,
            seen_breaks: breaks,
            nudges,
            ignored,
        }
    }

    #[test]
    fn each_day_with_a_nudge_or_a_break_has_a_row() {
        let days = [
            day("2026-11-23", 1, 0, 0, 0),
            day("2026-11-24", 0, 1, 1, 1),
            day("2026-11-25", 2, 3, 4, 0),
        ];
        assert_eq!(
            text(&days),
            "\nAt the desk, last 3 days (a break: 5 minutes away, a locked screen or a short \
             session; a nudge ignored: no break or session within 15 minutes):\n  \
             Tue 2026-11-24  0 sessions  1 break   1 nudge, 1 ignored\n  \
             Wed 2026-11-25  2 sessions  3 breaks  4 nudges\n"
        );
        assert_eq!(text(&days[..1]), "");
        // Short sessions are breaks too, but without the reminder's own
        // there is no section.
        let short = DeskDay {
            seen_breaks: 0,
            ..day("2026-11-24", 0, 2, 0, 0)
        };
        assert_eq!(text(&[short]), "");
    }
}
