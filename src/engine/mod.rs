//! The routine engine: pure functions from a validated routine to an exact,
//! timed plan, and from a time offset to what should be happening then.
//!
//! Nothing here reads a clock, a file or the terminal; time is always passed
//! in, so every timing rule is tested without sleeping. Every duration the
//! program shows or waits for is computed here.

mod breathing;
#[cfg(test)]
pub(crate) mod fixture;
mod level;
mod plan;
mod session;
mod timeline;

pub use breathing::{Breath, BreathDirection, breath_at};
pub use level::Level;
pub use plan::{
    LeftOut, Plan, PlanError, PlanSettings, PlannedHold, Segment, SegmentKind, Stage, get_ready,
    step_seconds,
};
pub use session::{Control, Session};
pub use timeline::{COUNT_FROM, Cue, Event, hold_cues, keeps_moving, timeline};
