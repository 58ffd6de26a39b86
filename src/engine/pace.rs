//! The pace at which a run's words are said and read along, in words a
//! minute: a get-ready lasts as long as its words take at this pace, the
//! screen turns its pages at it, and the voice is given twice as long before
//! it counts as not answering. It is a personal setting (`voice_pace`,
//! `--voice-pace`), since a voice program may be set to speak faster or
//! slower than the usual.

use std::time::Duration;

/// Words a minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pace {
    words_per_minute: u32,
}

impl Pace {
    /// About 150 words a minute: an unhurried voice reading instructions
    /// aloud. Speech programs and screen readers speak at 150 to 180 words a
    /// minute unless told otherwise, so a get-ready timed at this pace leaves
    /// them room to finish.
    pub const DEFAULT: Pace = Pace {
        words_per_minute: 150,
    };
    /// The slowest pace a person may set: slower than any speech program's
    /// slowest setting, so the get-readies never run away.
    pub const SLOWEST: u32 = 60;
    /// The fastest pace a person may set: about as fast as speech programs
    /// go and stay clear.
    pub const FASTEST: u32 = 450;

    /// A pace of `words_per_minute`, if it lies between [`Pace::SLOWEST`]
    /// and [`Pace::FASTEST`].
    pub fn new(words_per_minute: u32) -> Option<Pace> {
        (Self::SLOWEST..=Self::FASTEST)
            .contains(&words_per_minute)
            .then_some(Pace { words_per_minute })
    }

    pub fn words_per_minute(self) -> u32 {
        self.words_per_minute
    }

    /// The time `words` words take to say at this pace.
    pub fn time_to_say(self, words: usize) -> Duration {
        let millis = u64::try_from(words)
            .unwrap_or(u64::MAX)
            .saturating_mul(60_000)
            / u64::from(self.words_per_minute);
        Duration::from_millis(millis)
    }

    /// [`Pace::time_to_say`] in whole seconds, rounded up.
    pub fn seconds_to_say(self, words: usize) -> u32 {
        u32::try_from(self.time_to_say(words).as_millis().div_ceil(1000)).unwrap_or(u32::MAX)
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_take_their_time_at_the_pace() {
        let pace = Pace::DEFAULT;
        assert_eq!(pace.seconds_to_say(0), 0);
        assert_eq!(pace.seconds_to_say(1), 1);
        // 150 words a minute: five words in two seconds.
        assert_eq!(pace.seconds_to_say(5), 2);
        assert_eq!(pace.seconds_to_say(6), 3);
        assert_eq!(pace.seconds_to_say(150), 60);
        assert_eq!(pace.time_to_say(3), Duration::from_millis(1_200));
        let slow = Pace::new(60).unwrap();
        assert_eq!(slow.time_to_say(3), Duration::from_secs(3));
        let fast = Pace::new(300).unwrap();
        assert_eq!(fast.seconds_to_say(5), 1);
    }

    #[test]
    fn a_pace_lies_in_its_range() {
        assert_eq!(Pace::new(0), None);
        assert_eq!(Pace::new(Pace::SLOWEST - 1), None);
        assert_eq!(Pace::new(Pace::FASTEST + 1), None);
        assert_eq!(Pace::new(150), Some(Pace::DEFAULT));
        assert_eq!(Pace::new(Pace::FASTEST).unwrap().words_per_minute(), 450);
    }
}
