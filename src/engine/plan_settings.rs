//! The personal settings a plan is built with: the get-ready times and the
//! breathing a routine may leave unsaid, the person's conditions and level,
//! how much a get-ready says of each exercise, and the pace at which words
//! are said.

use super::guidance::GuidanceSettings;
use super::level::Level;
use super::pace::Pace;
use crate::library::{Breathing, Condition, Routine, Side};

/// Personal defaults that fill in what a routine leaves unsaid, and the
/// conditions whose exercises are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSettings {
    pub default_prep: u32,
    /// Never less than `default_prep` once applied (see [`get_ready`](super::durations::get_ready)).
    pub default_transition: u32,
    pub default_breathing: Breathing,
    pub conditions: Vec<Condition>,
    /// How much stretch and breathing holds grow (see [`Level`]).
    pub level: Level,
    /// How fast words are said: a get-ready lasts until its words are said
    /// at this pace.
    pub pace: Pace,
    /// Which exercises a get-ready introduces briefly.
    pub guidance: GuidanceSettings,
    /// The side that pulls more, held once more in each two-sided stretch
    /// (see [`extra_side`](super::durations::extra_side)); `None` for no
    /// extra hold.
    pub tighter_side: Option<Side>,
}

impl Default for PlanSettings {
    fn default() -> Self {
        Self {
            default_prep: Routine::DEFAULT_PREP,
            default_transition: Routine::DEFAULT_TRANSITION,
            default_breathing: Breathing::DEFAULT,
            conditions: Vec::new(),
            level: Level::One,
            pace: Pace::DEFAULT,
            guidance: GuidanceSettings::default(),
            tighter_side: None,
        }
    }
}
