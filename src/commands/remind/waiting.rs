//! While `remind now` waits for a pause in the typing (up to two minutes by
//! default), a person who ran it from a shell sees how long it has waited
//! and how long it may still wait: an indicatif bar on stderr. indicatif
//! draws nothing where stderr is not a terminal, so the scheduler's check,
//! which has none, stays silent; the bar is cleared when the wait ends, on
//! every way out, and the nudge's own lines follow on a clean line.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressState, ProgressStyle};

use crate::format::clock;
use crate::words::remind as words;

/// The bar of one wait. Its length and position are milliseconds, since the
/// desktop reports idle time finer than seconds.
pub(super) struct WaitBar {
    bar: ProgressBar,
}

impl WaitBar {
    /// A bar for a wait of up to `limit`, on stderr.
    pub(super) fn on_stderr(limit: Duration) -> WaitBar {
        WaitBar::drawn_to(limit, ProgressDrawTarget::stderr())
    }

    fn drawn_to(limit: Duration, target: ProgressDrawTarget) -> WaitBar {
        let length = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
        let bar = ProgressBar::with_draw_target(Some(length), target)
            .with_style(style())
            .with_message(words::waiting_for_pause(seconds(limit)))
            .with_finish(ProgressFinish::AndClear);
        bar.tick();
        WaitBar { bar }
    }

    /// Moves the bar on by `span` of waiting.
    pub(super) fn pass(&self, span: Duration) {
        self.bar
            .inc(u64::try_from(span.as_millis()).unwrap_or(u64::MAX));
    }
}

/// "Waiting up to 2:00 for a pause in your typing  ████░░░░  0:40".
fn style() -> ProgressStyle {
    ProgressStyle::with_template("{msg}  {bar:24}  {waited}")
        .expect("the template is written here and is valid")
        .progress_chars("█░")
        .with_key(
            "waited",
            |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                let _ = out.write_str(&clock(seconds(Duration::from_millis(state.pos()))));
            },
        )
}

fn seconds(span: Duration) -> u32 {
    u32::try_from(span.as_secs()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::InMemoryTerm;

    #[test]
    fn the_bar_shows_the_time_waited_of_the_longest_wait_and_is_cleared_after() {
        let term = InMemoryTerm::new(2, 100);
        let target = ProgressDrawTarget::term_like(Box::new(term.clone()));
        let bar = WaitBar::drawn_to(Duration::from_secs(120), target);
        assert_eq!(
            term.contents(),
            "Waiting up to 2:00 for a pause in your typing  ░░░░░░░░░░░░░░░░░░░░░░░░  0:00"
        );
        bar.pass(Duration::from_secs(17));
        bar.pass(Duration::from_millis(23_500));
        bar.bar.tick();
        assert_eq!(
            term.contents(),
            "Waiting up to 2:00 for a pause in your typing  ████████░░░░░░░░░░░░░░░░  0:40"
        );
        drop(bar);
        assert_eq!(term.contents(), "", "the wait's end leaves a clean line");
    }
}
