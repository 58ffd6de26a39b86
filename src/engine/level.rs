//! Levels: holds that grow as the person improves. At level 1 every hold is
//! as written; at level 2 stretch and breathing holds last one and a half
//! times as long, at level 3 twice as long, rounded to the nearest 5 seconds
//! and never past [`Exercise::MAX_HOLD`]. Warm-ups and ball release (and any
//! sequence of phases) stay as written: they are not meant to grow.
//!
//! A level also moves an exercise to the harder variant of its family, where
//! the library names one ([`Level::variant`]): the half-kneeling stretch
//! becomes the low lunge, the bridge the marching bridge at level 2 and the
//! single-leg bridge at level 3.
//!
//! This is the one place a level changes a duration or an exercise; the
//! plan and the planner ask it for each step's hold and exercise.

use std::fmt;
use std::str::FromStr;

use crate::library::{Condition, Exercise, Kind, Library};

/// How much longer stretch and breathing holds last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// As written.
    #[default]
    One,
    /// One and a half times as long.
    Two,
    /// Twice as long.
    Three,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::One, Level::Two, Level::Three];

    /// Holds are rounded to a multiple of this many seconds.
    const ROUND_TO: u32 = 5;

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Level::One => 1,
            Level::Two => 2,
            Level::Three => 3,
        }
    }

    pub fn from_number(n: u8) -> Option<Level> {
        Level::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The hold of a step at this level: `written` is the step's hold (or
    /// the exercise's own), as the routine says.
    pub fn hold(self, exercise: &Exercise, written: u32) -> u32 {
        let grows = matches!(exercise.kind, Kind::Stretch | Kind::Breathing);
        if grows && !exercise.has_phases() {
            self.scale(written)
        } else {
            written
        }
    }

    /// The exercise done at this level in place of `written`: one step along
    /// its `harder` variants at level 2, two at level 3. A step stops short
    /// where there is no harder variant, where it does not suit one of
    /// `conditions`, or where `passed_over` says it may not be used: a
    /// routine that does the half-kneeling stretch and then the low lunge
    /// keeps both rather than lunging twice, and a plan keeps to the
    /// exercises its positions and equipment allow.
    pub fn variant<'a>(
        self,
        written: &'a Exercise,
        library: &'a Library,
        conditions: &[Condition],
        passed_over: impl Fn(&str) -> bool,
    ) -> &'a Exercise {
        let mut exercise = written;
        for _ in 1..self.number() {
            let next = exercise
                .harder
                .as_deref()
                .and_then(|id| library.exercise(id));
            match next {
                Some(next)
                    if next.avoided_with(conditions).next().is_none()
                        && !passed_over(&next.id)
                        && next.id != written.id =>
                {
                    exercise = next;
                }
                _ => break,
            }
        }
        exercise
    }

    /// `seconds` at this level: times 1, 1.5 or 2, to the nearest 5 seconds
    /// (halves round up), at most [`Exercise::MAX_HOLD`]. Level 1 changes
    /// nothing.
    pub fn scale(self, seconds: u32) -> u32 {
        let halves = match self {
            Level::One => return seconds,
            Level::Two => 3,
            Level::Three => 4,
        };
        // seconds × halves / 2, rounded to a multiple of ROUND_TO, in whole numbers.
        let doubled = u64::from(seconds) * halves;
        let step = u64::from(2 * Self::ROUND_TO);
        let rounded = (doubled + step / 2) / step * u64::from(Self::ROUND_TO);
        rounded.min(u64::from(Exercise::MAX_HOLD)) as u32
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        s.trim()
            .parse::<u8>()
            .ok()
            .and_then(Level::from_number)
            .ok_or_else(|| "a level: 1 (holds as written), 2 (x1.5) or 3 (x2)".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Sources;

    #[test]
    fn holds_grow_by_half_or_double_to_the_nearest_five_seconds() {
        let cases = [
            // written, level 2, level 3
            (5, 10, 10),
            (7, 10, 15),
            (20, 30, 40),
            (30, 45, 60),
            (35, 55, 70),
            (45, 70, 90),
            (60, 90, 120),
            (90, 135, 180),
            (300, 450, 600),
            (400, 600, 600),
            (600, 600, 600),
        ];
        for (written, two, three) in cases {
            assert_eq!(Level::One.scale(written), written);
            assert_eq!(Level::Two.scale(written), two, "{written} s at level 2");
            assert_eq!(Level::Three.scale(written), three, "{written} s at level 3");
        }
    }

    #[test]
    fn only_stretch_and_breathing_holds_grow() {
        let library = crate::library::load(&Sources {
            builtin: true,
            ..Sources::default()
        })
        .library;
        let kinds: Vec<Kind> = library.exercises().iter().map(|e| e.kind).collect();
        for kind in [
            Kind::Stretch,
            Kind::Breathing,
            Kind::WarmUp,
            Kind::BallRelease,
        ] {
            assert!(kinds.contains(&kind), "the built-ins have a {kind:?}");
        }
        for exercise in library.exercises() {
            let grown = Level::Three.hold(exercise, 30);
            let grows =
                matches!(exercise.kind, Kind::Stretch | Kind::Breathing) && !exercise.has_phases();
            assert_eq!(grown, if grows { 60 } else { 30 }, "{}", exercise.id);
        }
    }

    #[test]
    fn levels_read_and_print_as_numbers() {
        assert_eq!("2".parse::<Level>(), Ok(Level::Two));
        assert_eq!(Level::from_number(3), Some(Level::Three));
        assert_eq!(Level::from_number(0), None);
        assert!(
            "4".parse::<Level>()
                .unwrap_err()
                .contains("1 (holds as written)")
        );
        assert_eq!(Level::Three.to_string(), "3");
        assert_eq!(Level::default(), Level::One);
    }
}
