//! Time at the desk: since when the person has been at the computer without
//! a break, carried from one check of `remind now` to the next in the state
//! folder. A break is [`BREAK`] or more away from the keyboard and mouse, a
//! locked screen, a psoas session, or a gap between two checks longer than
//! the checks are apart (the computer slept, or was off). Pure: the last
//! state, the moment and what the desktop said in, the new state out.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta};

/// Time away from the keyboard and mouse that counts as a break.
pub(crate) const BREAK: Duration = Duration::from_secs(5 * 60);

/// The file in the state folder that holds the state between checks.
pub(crate) const STATE_FILE: &str = "remind-sitting";

/// What one check leaves for the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sitting {
    /// When the person sat down after their last break; none while away.
    pub since: Option<DateTime<FixedOffset>>,
    /// When the check that found this ran.
    pub checked: DateTime<FixedOffset>,
}

/// What the desktop said at a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Presence {
    pub idle: Duration,
    pub locked: bool,
}

impl Presence {
    pub(crate) fn away(self) -> bool {
        self.locked || self.idle >= BREAK
    }
}

/// The state after a check at `now`. `before` is the last check's, `gap`
/// the longest time two checks may be apart and still be one stretch at the
/// desk, and `last_session` when the newest psoas session ended.
pub(crate) fn update(
    before: Option<Sitting>,
    now: DateTime<FixedOffset>,
    presence: Presence,
    gap: TimeDelta,
    last_session: Option<DateTime<FixedOffset>>,
) -> Sitting {
    if presence.away() {
        return Sitting {
            since: None,
            checked: now,
        };
    }
    let idle = TimeDelta::from_std(presence.idle).unwrap_or(TimeDelta::zero());
    let recent = before.filter(|b| b.checked <= now && now - b.checked <= gap);
    let since = match recent {
        // Still the same stretch.
        Some(Sitting {
            since: Some(since), ..
        }) => since,
        // Back since the last check, which found the person away: at the
        // desk since then at most.
        Some(Sitting {
            since: None,
            checked,
        }) => checked,
        // No check close enough to say: since the last key press.
        None => now - idle,
    };
    let since = match last_session {
        Some(session) if session > since && session <= now => session,
        _ => since,
    };
    Sitting {
        since: Some(since),
        checked: now,
    }
}

/// When a break began that the check at `now` is the first to see: the
/// last check, close enough to say, found the person at the desk, and now
/// they are away, since their last key press. None otherwise: a stretch
/// goes on, an away goes on, or no check was close enough to say.
pub(crate) fn break_began(
    before: Option<Sitting>,
    now: DateTime<FixedOffset>,
    presence: Presence,
    gap: TimeDelta,
) -> Option<DateTime<FixedOffset>> {
    let before = before.filter(|b| b.checked <= now && now - b.checked <= gap)?;
    before.since?;
    if !presence.away() {
        return None;
    }
    let idle = TimeDelta::from_std(presence.idle).unwrap_or(TimeDelta::zero());
    Some(now - idle)
}

impl Sitting {
    /// Whole minutes at the desk at `now`, none while away.
    pub(crate) fn minutes(&self, now: DateTime<FixedOffset>) -> Option<i64> {
        self.since.map(|s| (now - s).num_minutes().max(0))
    }

    /// As kept in the state file: two lines, `since` (a time, or `away`)
    /// and `checked`.
    pub(crate) fn to_text(self) -> String {
        let since = self
            .since
            .map_or_else(|| "away".to_string(), |s| s.to_rfc3339());
        format!("since {since}\nchecked {}\n", self.checked.to_rfc3339())
    }

    /// The state read back; none from a file that is not one (the count
    /// then starts again, which is the safe side).
    pub(crate) fn from_text(text: &str) -> Option<Sitting> {
        let mut since = None;
        let mut checked = None;
        for line in text.lines() {
            match line.split_once(' ')? {
                ("since", "away") => since = Some(None),
                ("since", at) => since = Some(Some(DateTime::parse_from_rfc3339(at).ok()?)),
                ("checked", at) => checked = Some(DateTime::parse_from_rfc3339(at).ok()?),
                _ => return None,
            }
        }
        Some(Sitting {
            since: since?,
            checked: checked?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-25T{time}:00+01:00")).unwrap()
    }

    fn present(idle_s: u64) -> Presence {
        Presence {
            idle: Duration::from_secs(idle_s),
            locked: false,
        }
    }

    const GAP: TimeDelta = TimeDelta::minutes(15);

    #[test]
    fn a_stretch_at_the_desk_goes_on_from_check_to_check() {
        let first = update(None, at("09:00"), present(30), GAP, None);
        assert_eq!(
            first.since,
            Some(DateTime::parse_from_rfc3339("2026-11-25T08:59:30+01:00").unwrap())
        );
        let mut state = first;
        for time in ["09:10", "09:20", "09:30", "09:40", "09:50"] {
            state = update(Some(state), at(time), present(10), GAP, None);
        }
        assert_eq!(state.since, first.since);
        assert_eq!(state.minutes(at("09:50")), Some(50));
    }

    #[test]
    fn five_minutes_away_a_lock_a_session_or_a_long_gap_is_a_break() {
        let sitting = Sitting {
            since: Some(at("09:00")),
            checked: at("09:30"),
        };
        let away = update(Some(sitting), at("09:40"), present(5 * 60), GAP, None);
        assert_eq!(away.since, None);
        assert_eq!(away.minutes(at("09:40")), None);
        // Back at the next check: at the desk since the check that found
        // the person away, at most.
        let back = update(Some(away), at("09:50"), present(20), GAP, None);
        assert_eq!(back.since, Some(at("09:40")));

        let locked = Presence {
            idle: Duration::ZERO,
            locked: true,
        };
        assert_eq!(
            update(Some(sitting), at("09:40"), locked, GAP, None).since,
            None
        );
        assert_eq!(
            update(Some(sitting), at("09:40"), present(4 * 60), GAP, None).since,
            Some(at("09:00"))
        );
        assert_eq!(
            update(
                Some(sitting),
                at("09:40"),
                present(0),
                GAP,
                Some(at("09:35"))
            )
            .since,
            Some(at("09:35"))
        );
        // The computer slept from 09:30 to 11:00.
        assert_eq!(
            update(Some(sitting), at("11:00"), present(60), GAP, None).since,
            Some(at("10:59"))
        );
        // A clock set back is no stretch either.
        assert_eq!(
            update(Some(sitting), at("09:20"), present(0), GAP, None).since,
            Some(at("09:20"))
        );
    }

    #[test]
    fn a_break_is_seen_once_when_it_begins() {
        let sitting = Sitting {
            since: Some(at("09:00")),
            checked: at("09:35"),
        };
        let away = present(6 * 60);
        assert_eq!(
            break_began(Some(sitting), at("09:40"), away, GAP),
            Some(at("09:34"))
        );
        let locked = Presence {
            idle: Duration::from_secs(30),
            locked: true,
        };
        assert_eq!(
            break_began(Some(sitting), at("09:40"), locked, GAP),
            Some(DateTime::parse_from_rfc3339("2026-11-25T09:39:30+01:00").unwrap())
        );
        assert_eq!(
            break_began(Some(sitting), at("09:40"), present(60), GAP),
            None
        );
        // Away already at the last check, or no check close enough to say.
        let gone = Sitting {
            since: None,
            ..sitting
        };
        assert_eq!(break_began(Some(gone), at("09:40"), away, GAP), None);
        assert_eq!(break_began(Some(sitting), at("11:00"), away, GAP), None);
        assert_eq!(break_began(None, at("09:40"), away, GAP), None);
    }

    #[test]
    fn the_state_reads_back_as_written() {
        for state in [
            Sitting {
                since: Some(at("09:00")),
                checked: at("09:30"),
            },
            Sitting {
                since: None,
                checked: at("09:30"),
            },
        ] {
            assert_eq!(Sitting::from_text(&state.to_text()), Some(state));
        }
        assert_eq!(
            Sitting {
                since: None,
                checked: at("09:30")
            }
            .to_text(),
            "since away\nchecked 2026-11-25T09:30:00+01:00\n"
        );
        for bad in ["", "since away\n", "since x\nchecked y\n", "odd\n"] {
            assert_eq!(Sitting::from_text(bad), None, "{bad:?}");
        }
    }
}
