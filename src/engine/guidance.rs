//! How much a get-ready says when it introduces an exercise: everything the
//! first times, then, once the person knows the exercise, only its name and
//! side, its first set-up line and the cautions that must never be left out.
//!
//! [`Guidance`] is the setting (`--guidance`, `guidance` in the config);
//! [`Familiarity`] is how many recorded sessions held each exercise, read
//! from the history; [`Telling`] is what one introduction says, for the plan
//! to time it and the timeline to say it.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crate::library::{Caution, Condition, Exercise};

/// How much a get-ready says about an exercise it introduces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Guidance {
    /// In full until the person has held the exercise in
    /// [`Guidance::FAMILIAR_AFTER`] recorded sessions (or as the config
    /// says), briefly after that.
    #[default]
    Auto,
    /// Every set-up line and caution, every time.
    Full,
    /// The name and side, the first set-up line and the essential cautions.
    Brief,
}

impl Guidance {
    pub const ALL: [Guidance; 3] = [Guidance::Auto, Guidance::Full, Guidance::Brief];

    /// After this many recorded sessions that held an exercise, `auto` says
    /// it briefly.
    pub const FAMILIAR_AFTER: u32 = 3;
    /// The most sessions `familiar_after` may ask for.
    pub const MAX_FAMILIAR_AFTER: u32 = 100;

    pub fn name(self) -> &'static str {
        match self {
            Guidance::Auto => "auto",
            Guidance::Full => "full",
            Guidance::Brief => "brief",
        }
    }
}

impl fmt::Display for Guidance {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Guidance {
    type Err = String;

    fn from_str(s: &str) -> Result<Guidance, String> {
        Guidance::ALL
            .into_iter()
            .find(|g| g.name() == s)
            .ok_or_else(|| "valid: auto, full, brief".to_string())
    }
}

/// How many recorded sessions held each exercise, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Familiarity {
    sessions: HashMap<String, u32>,
}

impl Familiarity {
    /// Counts one recorded session that held `exercises` (each id once).
    pub fn add_session<'e>(&mut self, exercises: impl IntoIterator<Item = &'e str>) {
        let mut seen = std::collections::HashSet::new();
        for id in exercises {
            if seen.insert(id) {
                *self.sessions.entry(id.to_string()).or_default() += 1;
            }
        }
    }

    /// How many recorded sessions held the exercise `id`.
    pub fn sessions(&self, id: &str) -> u32 {
        self.sessions.get(id).copied().unwrap_or(0)
    }
}

/// The guidance setting, the sessions after which `auto` turns brief, and
/// the person's familiarity with each exercise: whether an exercise is
/// introduced briefly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuidanceSettings {
    pub guidance: Guidance,
    pub familiar_after: u32,
    pub familiarity: Familiarity,
}

impl Default for GuidanceSettings {
    fn default() -> Self {
        GuidanceSettings {
            guidance: Guidance::Auto,
            familiar_after: Guidance::FAMILIAR_AFTER,
            familiarity: Familiarity::default(),
        }
    }
}

impl GuidanceSettings {
    /// Guidance at one level for every exercise, whatever the history says:
    /// the length of a routine the first time (`Full`) and once familiar
    /// (`Brief`).
    pub fn always(guidance: Guidance) -> GuidanceSettings {
        GuidanceSettings {
            guidance,
            ..GuidanceSettings::default()
        }
    }

    /// Whether `exercise` is introduced briefly.
    pub fn is_brief(&self, exercise: &Exercise) -> bool {
        match self.guidance {
            Guidance::Full => false,
            Guidance::Brief => true,
            Guidance::Auto => self.familiarity.sessions(&exercise.id) >= self.familiar_after,
        }
    }
}

/// What a get-ready says when it introduces an exercise, besides its name
/// and side: briefly or in full, to a person with `conditions`. A caution for
/// a condition the person did not declare is never said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Telling<'c> {
    pub brief: bool,
    pub conditions: &'c [Condition],
}

impl Telling<'_> {
    /// How many of the exercise's set-up lines are said, from the first:
    /// only the first when brief.
    pub fn setup_lines(&self, exercise: &Exercise) -> usize {
        if self.brief {
            exercise.setup.len().min(1)
        } else {
            exercise.setup.len()
        }
    }

    /// The cautions said, with their place among the exercise's cautions.
    pub fn cautions<'e>(
        &self,
        exercise: &'e Exercise,
    ) -> impl Iterator<Item = (usize, &'e Caution)> + use<'e, '_> {
        let telling = *self;
        exercise
            .cautions
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.is_said(telling.conditions, telling.brief))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Said;

    #[test]
    fn auto_turns_brief_once_the_exercise_is_familiar() {
        let library = crate::engine::fixture::library();
        let tilt = library.exercise("tilt").unwrap();
        let mut settings = GuidanceSettings::default();
        for _ in 0..2 {
            settings.familiarity.add_session(["tilt", "tilt", "lunge"]);
            assert!(!settings.is_brief(tilt));
        }
        settings.familiarity.add_session(["tilt"]);
        assert_eq!(settings.familiarity.sessions("tilt"), 3);
        assert_eq!(settings.familiarity.sessions("lunge"), 2);
        assert!(settings.is_brief(tilt));
        settings.familiar_after = 4;
        assert!(!settings.is_brief(tilt));
        assert!(GuidanceSettings::always(Guidance::Brief).is_brief(tilt));
        settings.guidance = Guidance::Full;
        settings.familiar_after = 0;
        assert!(!settings.is_brief(tilt));
    }

    #[test]
    fn a_brief_telling_keeps_the_first_set_up_line_and_the_essential_cautions() {
        let library = crate::engine::fixture::library();
        let mut tilt = library.exercise("tilt").unwrap().clone();
        tilt.cautions = vec![
            Caution::plain("Go gently."),
            Caution {
                text: "Never on the bone.".into(),
                said: Said::Always,
            },
            Caution {
                text: "In pregnancy, go less far.".into(),
                said: Said::With(Condition::Pregnancy),
            },
        ];
        let said = |brief, conditions: &[Condition]| {
            let telling = Telling { brief, conditions };
            let cautions: Vec<usize> = telling.cautions(&tilt).map(|(i, _)| i).collect();
            (telling.setup_lines(&tilt), cautions)
        };
        let lines = tilt.setup.len();
        assert!(lines > 1);
        assert_eq!(said(false, &[]), (lines, vec![0, 1]));
        assert_eq!(said(false, &[Condition::Pregnancy]), (lines, vec![0, 1, 2]));
        assert_eq!(said(true, &[]), (1, vec![1]));
        assert_eq!(said(true, &[Condition::Pregnancy]), (1, vec![1, 2]));
    }

    #[test]
    fn guidance_is_read_by_name() {
        for g in Guidance::ALL {
            assert_eq!(g.name().parse::<Guidance>(), Ok(g));
        }
        assert_eq!(
            "short".parse::<Guidance>(),
            Err("valid: auto, full, brief".to_string())
        );
    }
}
