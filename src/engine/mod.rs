//! The routine engine: a validated routine expanded into a timed plan
//! ([`Plan`] of [`Segment`]s), the plan's timeline of cues saying what
//! happens and what is said when ([`timeline::hold_cues`]), and a run's state
//! ([`Session`]) handing those cues out as plan time passes.
//!
//! Nothing here reads a clock, a file or the terminal; time is always passed
//! in, so every timing rule is tested without sleeping. The durations of a
//! plan (get-ready, holds, totals) are computed here and nowhere else; the
//! front ends render them and the planner asks for them.
//!
//! What is said is timed here and worded in [`words`](crate::words): a
//! get-ready lasts until its words are said, so `durations.rs` and
//! `timeline.rs` count the sentences `words/mod.rs` makes, and only that
//! file's. Those sentences take library facts and this module's leaf facts
//! (`segment.rs`, `breathing.rs`, which import nothing of the engine), so
//! they sit below the timing, while `words/run.rs` renders the timeline's
//! events from above. Between the two modules the imports go both ways;
//! between their files they run one way, and `tests/cli/layers.rs` holds
//! them to it. Otherwise the engine carries facts, not sentences: the front
//! ends word them.

mod breathing;
mod durations;
#[cfg(test)]
pub(crate) mod fixture;
mod guidance;
mod level;
mod pace;
mod plan;
mod plan_settings;
mod planned_hold;
mod segment;
mod session;
mod timeline;

pub(crate) use breathing::{BreathDirection, breath_at};
pub(crate) use durations::{
    COUNT_FROM, GetReadies, first_ready, opening_words, step_seconds, word_count,
};
pub(crate) use guidance::{Familiarity, Guidance, GuidanceSettings, Telling};
pub(crate) use level::Level;
pub(crate) use pace::Pace;
pub(crate) use plan::{Plan, PlanError};
pub(crate) use plan_settings::PlanSettings;
pub(crate) use planned_hold::PlannedHold;
pub(crate) use segment::{LeftOut, Segment, SegmentKind, Stage};
pub(crate) use session::{Control, Session};
#[cfg(test)]
pub(crate) use timeline::timeline;
pub(crate) use timeline::{Cue, Event, keeps_moving};
