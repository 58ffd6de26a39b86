//! What a nudge with choices says: the labels of its buttons, the line that
//! says no skip is left today, and what `remind now` prints once the person
//! has answered.

use std::time::Duration;

use crate::remind::ask::Action;

/// The key and label of each choice a nudge offers; skip only while skips
/// are left today.
pub(crate) fn actions(snooze_minutes: u32, may_skip: bool) -> Vec<Action> {
    let mut actions = vec![
        Action {
            key: START,
            label: "Start the break".to_string(),
        },
        Action {
            key: SNOOZE,
            label: format!("Snooze {snooze_minutes} min"),
        },
    ];
    if may_skip {
        actions.push(Action {
            key: SKIP,
            label: "Skip".to_string(),
        });
    }
    actions
}

/// The keys the service sends back.
pub(crate) const START: &str = "start";
pub(crate) const SNOOZE: &str = "snooze";
pub(crate) const SKIP: &str = "skip";

/// Added to the nudge once `skips_a_day` are used up.
pub(crate) fn no_skip_left(skipped: u32, limit: u32) -> String {
    if limit == 0 {
        "No skip: skips_a_day is 0.".to_string()
    } else {
        let times = if skipped == 1 { "once" } else { "times" };
        let count = if skipped == 1 {
            String::new()
        } else {
            format!("{skipped} ")
        };
        format!("No skip left: you skipped {count}{times} today, as many as skips_a_day allows.")
    }
}

/// After the break was started.
pub(crate) fn started(routine: &str, terminal: &str) -> String {
    format!("Started `psoas run {routine}` in {terminal}.")
}

/// After a skip.
pub(crate) fn skipped(skipped: u32, limit: u32) -> String {
    format!("Skipped: {skipped} of {limit} skips today.")
}

/// After the notification was closed without a choice.
pub(crate) const DISMISSED: &str = "The nudge was closed without a choice.";

/// After no answer came.
pub(crate) fn unanswered(waited: Duration) -> String {
    format!(
        "No answer within {} min; the nudge is closed.",
        waited.as_secs().div_ceil(60)
    )
}

/// When no terminal is set or found to start the break in.
pub(crate) fn no_terminal(routine: &str) -> String {
    format!(
        "no terminal to start the break in: set `terminal` in the config (like [\"gnome-terminal\", \"--\"]) or $TERMINAL, or run `psoas run {routine}` yourself"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skip_is_offered_only_while_skips_are_left() {
        let labels = |may_skip| -> Vec<String> {
            actions(10, may_skip).into_iter().map(|a| a.label).collect()
        };
        assert_eq!(labels(true), ["Start the break", "Snooze 10 min", "Skip"]);
        assert_eq!(labels(false), ["Start the break", "Snooze 10 min"]);
        assert_eq!(
            no_skip_left(3, 3),
            "No skip left: you skipped 3 times today, as many as skips_a_day allows."
        );
        assert_eq!(
            no_skip_left(1, 1),
            "No skip left: you skipped once today, as many as skips_a_day allows."
        );
        assert_eq!(no_skip_left(0, 0), "No skip: skips_a_day is 0.");
        assert_eq!(
            unanswered(Duration::from_secs(180)),
            "No answer within 3 min; the nudge is closed."
        );
    }
}
