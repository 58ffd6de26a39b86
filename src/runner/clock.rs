//! The run's clock: the only place a run reads the time, both the monotonic
//! plan time and the wall-clock start its record keeps. Plan time is real
//! monotonic time since the start, times the preview speed; every deadline is
//! measured from the same start, so waking late once never shifts later cues.

use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
pub struct Clock {
    start: Instant,
    speed: f64,
}

impl Clock {
    /// Starts the clock now; `speed` plan seconds pass per real second.
    pub fn start(speed: f64) -> Clock {
        Clock {
            start: Instant::now(),
            speed,
        }
    }

    /// Plan time since the start.
    pub fn now(&self) -> Duration {
        self.start.elapsed().mul_f64(self.speed)
    }

    /// Real time to wait from now until plan time `due`; zero if it has passed.
    pub fn until(&self, due: Duration) -> Duration {
        due.div_f64(self.speed).saturating_sub(self.start.elapsed())
    }
}

/// The wall-clock time, read once when a run starts, for its record.
pub fn wall_now() -> chrono::DateTime<chrono::Local> {
    chrono::Local::now()
}
