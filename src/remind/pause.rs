//! A natural pause: when a nudge is due, `remind now` waits for the person
//! to stop typing for [`QUIET`] (the idle time the desktop reports reaching
//! it), up to the `wait` setting, then nudges anyway; a sentence is not cut
//! in half when it can be helped. The desktop is asked again only when the
//! quiet could have come: after a key press 3 s ago, 17 s on. Pure but for
//! the two closures it is given: one asks the desktop, the other lets time
//! pass (a real sleep, or a virtual clock's jump under test).

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use super::sitting::Presence;

/// The longest a check waits for a pause: the `wait` setting, `2m`, `90s`,
/// or `0s` for no wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Wait {
    seconds: u32,
}

impl Wait {
    pub(crate) const DEFAULT: Wait = Wait { seconds: 120 };
    /// Well short of the checks' five minutes apart.
    pub(crate) const MAX_SECONDS: u32 = 180;

    pub(crate) fn duration(self) -> Duration {
        Duration::from_secs(u64::from(self.seconds))
    }

    const VALID: &str = "seconds or minutes from 0s to 3m, like 2m, 90s or 0s for no wait";
}

/// `2m`, `90s`, `0s`.
impl FromStr for Wait {
    type Err = String;

    fn from_str(s: &str) -> Result<Wait, String> {
        let text = s.trim().to_ascii_lowercase();
        let bad = || Self::VALID.to_string();
        let (number, unit) = match (text.strip_suffix('s'), text.strip_suffix('m')) {
            (Some(n), _) => (n, 1),
            (_, Some(n)) => (n, 60),
            _ => return Err(bad()),
        };
        let seconds = number
            .parse::<u32>()
            .ok()
            .and_then(|n| n.checked_mul(unit))
            .filter(|s| *s <= Self::MAX_SECONDS)
            .ok_or_else(bad)?;
        Ok(Wait { seconds })
    }
}

/// `2m` when it is whole minutes, else `90s`: read back the same.
impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.seconds {
            s if s % 60 == 0 && s > 0 => write!(f, "{}m", s / 60),
            s => write!(f, "{s}s"),
        }
    }
}

/// The idle time that is a pause in typing.
pub(crate) const QUIET: Duration = Duration::from_secs(20);

/// The least time between two asks: a desktop that reports odd idle times
/// cannot make the wait a busy loop.
const LEAST_STEP: Duration = Duration::from_secs(1);

/// How the wait ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pause {
    /// The person stopped typing, this long into the wait.
    Came(Duration),
    /// No pause came in the whole wait, this long: nudge anyway.
    NoneCame(Duration),
    /// The screen was locked during the wait: a break began, no nudge.
    Away,
    /// The desktop stopped answering, this long into the wait: nudge now.
    Silent(Duration),
}

impl Pause {
    /// How long the wait took, none for [`Pause::Away`].
    pub(crate) fn waited(self) -> Option<Duration> {
        match self {
            Pause::Came(d) | Pause::NoneCame(d) | Pause::Silent(d) => Some(d),
            Pause::Away => None,
        }
    }
}

/// Waits up to `limit` from `first` (what the desktop said at the check)
/// for [`QUIET`]: `ask` reads the desktop again, `pass` lets a span of time
/// go by.
pub(crate) fn wait_for_pause(
    first: Presence,
    limit: Duration,
    mut ask: impl FnMut(Duration) -> Option<Presence>,
    mut pass: impl FnMut(Duration),
) -> Pause {
    let mut waited = Duration::ZERO;
    let mut presence = first;
    loop {
        if presence.away() {
            return Pause::Away;
        }
        if presence.idle >= QUIET {
            return Pause::Came(waited);
        }
        if waited >= limit {
            return Pause::NoneCame(waited);
        }
        let step = QUIET
            .saturating_sub(presence.idle)
            .max(LEAST_STEP)
            .min(limit.saturating_sub(waited));
        pass(step);
        waited += step;
        match ask(waited) {
            Some(now) => presence = now,
            None => return Pause::Silent(waited),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typing(idle_s: u64) -> Presence {
        Presence {
            idle: Duration::from_secs(idle_s),
            locked: false,
        }
    }

    /// The wait against a desktop that says `said` in turn (and nothing
    /// once they run out); what was asked when, and how it ended.
    fn against(first: u64, said: &[Option<Presence>]) -> (Pause, Vec<u64>) {
        let mut asked = Vec::new();
        let mut answers = said.iter().copied();
        let slept = std::cell::Cell::new(Duration::ZERO);
        let pause = wait_for_pause(
            typing(first),
            Duration::from_secs(120),
            |at| {
                assert_eq!(at, slept.get(), "asked at the time passed");
                asked.push(at.as_secs());
                answers.next().flatten()
            },
            |span| slept.set(slept.get() + span),
        );
        (pause, asked)
    }

    #[test]
    fn the_wait_reads_seconds_and_minutes() {
        for (text, shown) in [
            ("2m", "2m"),
            ("90s", "90s"),
            ("0s", "0s"),
            ("120s", "2m"),
            ("3m", "3m"),
        ] {
            let wait: Wait = text.parse().unwrap();
            assert_eq!(wait.to_string(), shown);
            assert_eq!(shown.parse::<Wait>(), Ok(wait));
        }
        for bad in ["", "2", "4m", "181s", "-1s", "m", "1h"] {
            assert_eq!(bad.parse::<Wait>(), Err(Wait::VALID.to_string()), "{bad}");
        }
        assert_eq!(Wait::DEFAULT.duration(), Duration::from_secs(120));
    }

    #[test]
    fn a_pause_already_there_is_no_wait() {
        assert_eq!(against(25, &[]), (Pause::Came(Duration::ZERO), vec![]));
    }

    #[test]
    fn the_desktop_is_asked_again_when_the_quiet_could_have_come() {
        // Typed 3 s ago: asked at 17 s, typed again 2 s before; at 35 s quiet.
        let (pause, asked) = against(3, &[Some(typing(2)), Some(typing(20))]);
        assert_eq!(pause, Pause::Came(Duration::from_secs(35)));
        assert_eq!(asked, [17, 35]);
    }

    #[test]
    fn without_a_pause_the_nudge_comes_at_the_end_of_the_wait() {
        let busy = vec![Some(typing(0)); 10];
        let (pause, asked) = against(0, &busy);
        assert_eq!(pause, Pause::NoneCame(Duration::from_secs(120)));
        assert_eq!(asked, [20, 40, 60, 80, 100, 120]);
        // A desktop that says the idle time is more than it was asked after
        // is asked at least a second apart.
        let odd = vec![Some(typing(19)); 200];
        let (pause, asked) = against(19, &odd);
        assert_eq!(pause, Pause::NoneCame(Duration::from_secs(120)));
        assert_eq!(asked.len(), 120);
    }

    #[test]
    fn a_lock_during_the_wait_is_a_break_and_silence_nudges_at_once() {
        let locked = Presence {
            idle: Duration::ZERO,
            locked: true,
        };
        assert_eq!(against(5, &[Some(locked)]).0, Pause::Away);
        assert_eq!(
            against(5, &[None]).0,
            Pause::Silent(Duration::from_secs(15))
        );
        assert_eq!(Pause::Away.waited(), None);
    }
}
