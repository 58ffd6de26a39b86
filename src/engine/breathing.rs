//! The breathing rhythm during a hold: given the pacing and how long the hold
//! has run, whether to breathe in or out and how full the breath is.

use std::time::Duration;

use crate::library::Breathing;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreathDirection {
    In,
    Out,
}

/// Where in the breath cycle a moment falls.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Breath {
    pub direction: BreathDirection,
    /// How full the lungs are, from 0.0 (empty) to 1.0 (full): it rises while
    /// breathing in and falls while breathing out.
    pub fullness: f64,
    /// How many whole breath cycles have been completed.
    pub cycle: u64,
}

/// The breath at `elapsed` into a hold paced by `pacing`; every cycle starts
/// with an in-breath.
pub(crate) fn breath_at(pacing: Breathing, elapsed: Duration) -> Breath {
    let inhale = u128::from(pacing.inhale.max(1)) * 1000;
    let exhale = u128::from(pacing.exhale.max(1)) * 1000;
    let cycle_ms = inhale + exhale;
    let ms = elapsed.as_millis();
    let into = ms % cycle_ms;
    let cycle = (ms / cycle_ms) as u64;
    if into < inhale {
        Breath {
            direction: BreathDirection::In,
            fullness: into as f64 / inhale as f64,
            cycle,
        }
    } else {
        Breath {
            direction: BreathDirection::Out,
            fullness: 1.0 - (into - inhale) as f64 / exhale as f64,
            cycle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACE: Breathing = Breathing {
        inhale: 4,
        exhale: 6,
    };

    #[test]
    #[allow(
        clippy::float_cmp,
        reason = "0, 0.5 and 1 are exact in binary, and the fullness at those moments is exactly them"
    )]
    fn a_cycle_is_an_in_breath_then_an_out_breath() {
        let at = |ms| breath_at(PACE, Duration::from_millis(ms));
        assert_eq!(at(0).direction, BreathDirection::In);
        assert_eq!(at(0).fullness, 0.0);
        assert_eq!(at(2_000).fullness, 0.5);
        assert_eq!(at(3_999).direction, BreathDirection::In);
        assert_eq!(at(4_000).direction, BreathDirection::Out);
        assert_eq!(at(4_000).fullness, 1.0);
        assert_eq!(at(7_000).fullness, 0.5);
        assert_eq!(at(9_999).direction, BreathDirection::Out);
        let next = at(10_000);
        assert_eq!((next.direction, next.cycle), (BreathDirection::In, 1));
    }
}
