//! Safety: the notice shown before the first run, remembered by a marker file
//! in the state folder, and the line that says an exercise was left out
//! because of a condition. Which exercises suit which conditions is data: each
//! exercise's `avoid_if`, applied by the engine.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::engine::LeftOut;
use crate::words::SAFETY_NOTICE;

/// The file in the state folder whose presence means the notice was shown.
pub const NOTICE_MARKER: &str = "notice-shown";

/// The safety notice, if it has never been shown with this state folder.
/// When the marker cannot be checked, the notice is shown: showing it twice
/// is better than never.
pub fn first_run_notice(state_dir: &Path) -> Option<&'static str> {
    (!marker(state_dir).is_file()).then_some(SAFETY_NOTICE)
}

/// Records that the notice was shown, creating the state folder if needed.
pub fn mark_notice_shown(state_dir: &Path) -> Result<()> {
    std::fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    let path = marker(state_dir);
    std::fs::write(
        &path,
        "psoas showed its safety notice; delete this file to see it again before the next run.\n",
    )
    .with_context(|| format!("cannot write {}", path.display()))
}

fn marker(state_dir: &Path) -> PathBuf {
    state_dir.join(NOTICE_MARKER)
}

/// "Left out: Sphinx (sphinx), to avoid with a herniated or bulging disc in
/// the lower back."
pub fn left_out_line(left: &LeftOut<'_>) -> String {
    format!(
        "Left out: {} ({}), to avoid with {}.",
        left.exercise.name,
        left.exercise.id,
        left.condition.describe()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_is_shown_until_marked() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state/psoas");
        assert_eq!(first_run_notice(&state), Some(SAFETY_NOTICE));
        mark_notice_shown(&state).unwrap();
        assert_eq!(first_run_notice(&state), None);
        assert!(state.join(NOTICE_MARKER).is_file());
    }

    /// The rules the built-in tags follow. A new exercise that breaks one is
    /// either tagged wrongly or an exception worth naming here.
    #[test]
    fn built_in_tags_follow_the_safety_rules() {
        use crate::library::{Condition::*, Kind, Position, Sources};
        let loaded = crate::library::load(&Sources {
            builtin: true,
            ..Sources::default()
        });
        for e in loaded.library.exercises() {
            let avoids = |c| e.avoid_if.contains(&c);
            // Kneeling loads the knee.
            if e.position == Position::Kneeling {
                assert!(avoids(KneePain), "{}", e.id);
            }
            // Pressure on the belly or back, rolling, and bearing weight on
            // the abdomen or an incision have no place in pregnancy or soon
            // after surgery.
            if e.kind == Kind::BallRelease {
                assert!(avoids(Pregnancy) && avoids(RecentSurgery), "{}", e.id);
            }
            // Lying flat on the back or face down is not for later pregnancy;
            // lying on the side is the exception.
            let on_the_side = e.id.starts_with("side-lying");
            if matches!(e.position, Position::Lying | Position::Prone) && !on_the_side {
                assert!(avoids(Pregnancy), "{}", e.id);
            }
            // Every stretch pulls on the hip, belly or back; only resting
            // positions are gentle enough soon after surgery.
            if e.kind == Kind::Stretch && e.id != "constructive-rest" {
                assert!(avoids(RecentSurgery), "{}", e.id);
            }
            // Jumping and jogging jar the spine, the knees and an artificial hip.
            if e.id.starts_with("jog") || e.id.starts_with("jumping") {
                for c in [Osteoporosis, KneePain, HerniatedDisc, HipReplacement] {
                    assert!(avoids(c), "{} with {c}", e.id);
                }
            }
            // Back bends and deep lunges load a damaged disc.
            if ["sphinx", "low-lunge", "warrior-one"].contains(&e.id.as_str()) {
                assert!(avoids(HerniatedDisc), "{}", e.id);
            }
        }
    }

    #[test]
    fn the_notice_says_what_matters() {
        for words in [
            "not medical advice",
            "sharp, shooting or radiating pain",
            "numbness or tingling",
            "not getting better within a few weeks",
            "urgent medical help",
            "trouble passing urine or holding in urine or stools",
            "numbness around the genitals, buttocks or inner thighs",
            "weakness in a leg that is getting worse",
            "a fever or weight loss you cannot explain",
            "started with a fall",
        ] {
            assert!(SAFETY_NOTICE.contains(words), "missing `{words}`");
        }
    }

    /// The reminder is read by everyone, whatever their conditions: it
    /// suggests nothing with impact.
    #[test]
    fn the_warm_up_reminder_suits_every_condition() {
        let reminder = crate::words::WARM_UP_REASON.to_lowercase();
        for word in ["jog", "jump", "run", "hop"] {
            assert!(!reminder.contains(word), "`{word}` in {reminder}");
        }
    }
}
