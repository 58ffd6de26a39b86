//! The bar chart of sessions per week, drawn with characters: one line per
//! week, a `█` per session and a `·` for each session still missing to the
//! goal, so a week that met the goal is a solid bar. Beside it, sessions too
//! short to count, and the week's average tension before and after as two
//! little gauges with their scores. Pure: weeks in, lines out.

use unicode_width::UnicodeWidthStr;

use crate::format::pad;
use crate::history::{WeekCount, WeekTension};

/// The longest bar, in characters; longer weeks are scaled down to it.
pub(crate) const MAX_BAR: u32 = 30;

const SESSION: char = '█';
const MISSING: char = '·';

/// Whether the bars are shorter than the counts: some week, or the goal, is
/// more than [`MAX_BAR`].
pub(crate) fn is_scaled(weeks: &[WeekCount], goal: u32) -> bool {
    top(weeks, goal) > MAX_BAR
}

fn top(weeks: &[WeekCount], goal: u32) -> u32 {
    weeks
        .iter()
        .map(|w| w.sessions)
        .max()
        .unwrap_or(0)
        .max(goal)
}

/// The gauges for tension 0 to 10, lowest first.
const GAUGE: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// `▆ 6.0 → ▃ 3.0`: the average before and after, each with its gauge.
pub(crate) fn tension_gauges(tension: &WeekTension) -> Option<String> {
    let (before, after) = (tension.before()?, tension.after()?);
    let gauge = |score: f64| GAUGE[((score * 8.0 / 10.0) as usize).min(GAUGE.len() - 1)];
    Some(format!(
        "{} {before:.1} → {} {after:.1}",
        gauge(before),
        gauge(after)
    ))
}

/// One line per week, oldest first, without trailing spaces; the last week is
/// marked as the current one.
pub(crate) fn week_chart(weeks: &[WeekCount], goal: u32) -> Vec<String> {
    let top = top(weeks, goal);
    let cells = |n: u32| {
        if top <= MAX_BAR {
            n
        } else {
            (u64::from(n) * u64::from(MAX_BAR)).div_ceil(u64::from(top)) as u32
        }
    };
    let width = cells(top) as usize;
    let goal_cells = cells(goal);
    let digits = top.to_string().len();
    let shorts: Vec<String> = weeks
        .iter()
        .map(|w| match w.short {
            0 => String::new(),
            n => format!("  +{n} short"),
        })
        .collect();
    let short_width = shorts.iter().map(|s| s.width()).max().unwrap_or(0);
    let gauges: Vec<String> = weeks
        .iter()
        .map(|w| tension_gauges(&w.tension).map_or(String::new(), |g| format!("  tension {g}")))
        .collect();
    let gauge_width = gauges.iter().map(|g| g.width()).max().unwrap_or(0);
    weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let filled = cells(week.sessions);
            let bar: String = (0..width as u32)
                .map(|c| match c {
                    c if c < filled => SESSION,
                    c if c < goal_cells => MISSING,
                    _ => ' ',
                })
                .collect();
            // The mark is padded only when columns follow it.
            let unmet = if short_width + gauge_width > 0 {
                "  "
            } else {
                ""
            };
            let met = if week.sessions >= goal { " ✓" } else { unmet };
            let current = if i + 1 == weeks.len() {
                "  this week"
            } else {
                ""
            };
            let label = week.week.monday().format("%b %e");
            let short = pad(&shorts[i], short_width);
            let gauge = pad(&gauges[i], gauge_width);
            let line = format!(
                "{label}  {bar}  {:>digits$}{met}{short}{gauge}{current}",
                week.sessions
            );
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Week;

    /// Weeks with these counts, the last one starting on `last_monday`.
    fn weeks(last_monday: &str, counts: &[u32]) -> Vec<WeekCount> {
        let mut week = Week::containing(last_monday.parse().unwrap());
        let mut weeks = Vec::new();
        for &sessions in counts.iter().rev() {
            weeks.push(WeekCount {
                sessions,
                finished: sessions,
                ..WeekCount::new(week)
            });
            week = week.previous();
        }
        weeks.reverse();
        weeks
    }

    #[test]
    fn bars_fill_towards_the_goal() {
        let lines = week_chart(&weeks("2026-11-23", &[3, 1, 0, 5, 2]), 3);
        assert_eq!(
            lines,
            [
                "Oct 26  ███    3 ✓",
                "Nov  2  █··    1",
                "Nov  9  ···    0",
                "Nov 16  █████  5 ✓",
                "Nov 23  ██·    2  this week",
            ]
        );
    }

    #[test]
    fn short_sessions_and_tension_sit_beside_the_bars() {
        let mut w = weeks("2026-11-23", &[3, 1, 0]);
        w[0].tension.add(6, 3);
        w[0].tension.add(5, 2);
        w[1].short = 2;
        w[2].short = 12;
        w[2].tension.add(10, 0);
        assert_eq!(
            week_chart(&w, 3),
            [
                "Nov  9  ███  3 ✓             tension ▅ 5.5 → ▃ 2.5",
                "Nov 16  █··  1    +2 short",
                "Nov 23  ···  0    +12 short  tension █ 10.0 → ▁ 0.0  this week",
            ]
        );
    }

    #[test]
    fn the_chart_crosses_a_year_boundary_by_monday() {
        let lines = week_chart(&weeks("2027-01-04", &[0, 12]), 2);
        assert_eq!(lines[0], format!("Dec 28  ··{}0", " ".repeat(13)));
        assert_eq!(
            lines[1],
            format!("Jan  4  {}  12 ✓  this week", "█".repeat(12))
        );
    }

    #[test]
    fn long_bars_are_scaled_to_the_maximum() {
        assert!(!is_scaled(&weeks("2026-11-23", &[30, 2]), 3));
        assert!(is_scaled(&weeks("2026-11-23", &[31, 2]), 3));
        assert!(is_scaled(&weeks("2026-11-23", &[0, 2]), 40));
        let lines = week_chart(&weeks("2026-11-23", &[60, 30, 1]), 3);
        assert_eq!(lines[0], format!("Nov  9  {}  60 ✓", "█".repeat(30)));
        assert_eq!(
            lines[1],
            format!("Nov 16  {}{}  30 ✓", "█".repeat(15), " ".repeat(15))
        );
        assert_eq!(
            lines[2],
            format!("Nov 23  █·{}   1  this week", " ".repeat(28))
        );
    }
}
