//! The routine engine: pure functions from a validated routine to an exact,
//! timed plan, and from a time offset to what should be happening then.
//!
//! Nothing here reads a clock, a file or the terminal; time is always passed
//! in, so every timing rule is tested without sleeping. Every duration the
//! program shows or waits for is computed here.

mod breathing;
mod durations;
#[cfg(test)]
pub(crate) mod fixture;
mod level;
mod plan;
mod plan_settings;
mod planned_hold;
mod segment;
mod session;
mod timeline;

pub use breathing::{Breath, BreathDirection, breath_at};
pub use durations::{get_ready, step_seconds};
pub use level::Level;
pub use plan::{LeftOut, Plan, PlanError};
pub use plan_settings::PlanSettings;
pub use planned_hold::PlannedHold;
pub use segment::{Segment, SegmentKind, Stage};
pub use session::{Control, Session};
pub use timeline::{COUNT_FROM, Cue, Event, hold_cues, keeps_moving, timeline};
