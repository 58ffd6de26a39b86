//! The run's clock: the only place a run reads the time, both the monotonic
//! plan time and the wall-clock start its record keeps. Plan time is real
//! monotonic time since the start, times the preview speed; every deadline is
//! measured from the same start, so waking late once never shifts later cues.
//!
//! The clock can be virtual, for the tests of whole runs (`PSOAS_VIRTUAL_CLOCK`
//! set to `1`; not for users, so neither the help nor the manual names it).
//! A virtual clock is honest about everything but waiting: the same event loop
//! runs, draws the same frames, reads the same keys and signals and waits
//! for the same speaker, and plan time still moves with real time; only when
//! the loop would sleep until plan time reaches a cue or the next frame, the
//! clock jumps there instead ([`Clock::wait_until`]). A run at real speed then
//! takes milliseconds with the same events at the same plan times, and is
//! recorded as a real run is. Waits for something real, a key while paused or
//! a speaker still speaking, still wait.

use std::cell::Cell;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub(crate) struct Clock {
    start: Instant,
    speed: f64,
    /// Whether waits for plan time are skipped; see the module's doc.
    virtual_time: bool,
    /// Plan time jumped over by a virtual clock.
    skipped: Cell<Duration>,
}

impl Clock {
    /// Starts the clock now; `speed` plan seconds pass per real second, and a
    /// `virtual_time` clock skips its waits.
    pub(crate) fn start(speed: f64, virtual_time: bool) -> Clock {
        Clock {
            start: Instant::now(),
            speed,
            virtual_time,
            skipped: Cell::new(Duration::ZERO),
        }
    }

    /// Plan time since the start.
    pub(crate) fn now(&self) -> Duration {
        self.start.elapsed().mul_f64(self.speed) + self.skipped.get()
    }

    /// The real time to sleep until plan time `due`, zero if it has passed.
    /// A virtual clock moves on to `due` at once and sleeps none of it.
    pub(crate) fn wait_until(&self, due: Duration) -> Duration {
        let ahead = due.saturating_sub(self.now());
        if self.virtual_time {
            self.skipped.set(self.skipped.get() + ahead);
            return Duration::ZERO;
        }
        ahead.div_f64(self.speed)
    }

    /// The plan time that passes in `real` time at this clock's speed.
    pub(crate) fn plan_time_in(&self, real: Duration) -> Duration {
        real.mul_f64(self.speed)
    }
}

/// The wall-clock time, read once when a run starts, for its record.
pub(crate) fn wall_now() -> chrono::DateTime<chrono::Local> {
    chrono::Local::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_virtual_clock_jumps_to_what_is_due_and_never_back() {
        let clock = Clock::start(1.0, true);
        let due = Duration::from_secs(3600);
        assert_eq!(clock.wait_until(due), Duration::ZERO);
        let now = clock.now();
        assert!(now >= due && now < due + Duration::from_secs(60), "{now:?}");
        // Already past: nothing to skip.
        assert_eq!(clock.wait_until(Duration::from_secs(10)), Duration::ZERO);
        assert!(clock.now() >= now);
    }

    #[test]
    fn a_real_clock_waits_real_time_at_its_speed() {
        let clock = Clock::start(10.0, false);
        let wait = clock.wait_until(Duration::from_secs(100));
        assert!(
            wait <= Duration::from_secs(10) && wait > Duration::from_secs(9),
            "{wait:?}"
        );
        assert!(clock.now() < Duration::from_secs(10));
        assert_eq!(
            clock.plan_time_in(Duration::from_millis(40)),
            Duration::from_millis(400)
        );
    }
}
