//! Safety: the notice shown before the first run, remembered by a marker file
//! in the state folder, and the line that keeps a routine's summary honest
//! once steps are left out. Which exercises suit which conditions is data: each
//! exercise's `avoid_if`, applied by the engine; the tests in `content_rules`
//! hold the built-in tags to the movements each exercise asks for.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::engine::{Plan, Stage};
use crate::files::{Existing, write_whole};
use crate::words::SAFETY_NOTICE;

/// The file in the state folder whose presence means the notice was shown.
pub(crate) const NOTICE_MARKER: &str = "notice-shown";

/// The safety notice, if it has never been shown with this state folder.
/// When the marker cannot be checked, the notice is shown: showing it twice
/// is better than never.
pub(crate) fn first_run_notice(state_dir: &Path) -> Option<&'static str> {
    (!marker(state_dir).is_file()).then_some(SAFETY_NOTICE)
}

/// Records that the notice was shown, creating the state folder if needed.
pub(crate) fn mark_notice_shown(state_dir: &Path) -> Result<()> {
    std::fs::create_dir_all(state_dir)
        .with_context(|| format!("cannot create the folder {}", state_dir.display()))?;
    let path = marker(state_dir);
    write_whole(
        &path,
        b"psoas showed its safety notice; delete this file to see it again before the next run.\n",
        Existing::Replace,
    )
    .with_context(|| format!("cannot write {}", path.display()))
}

fn marker(state_dir: &Path) -> PathBuf {
    state_dir.join(NOTICE_MARKER)
}

/// Said after a routine's summary when conditions left steps out, since the
/// summary describes the routine as written, not what is left of it.
pub(crate) fn adapted_line(plan: &Plan<'_>) -> Option<String> {
    let left_out = plan.left_out.len();
    if left_out == 0 {
        return None;
    }
    let all = left_out + plan.step_count(Stage::Main);
    Some(format!(
        "That is the routine as written; for your conditions {left_out} of its {all} steps are left out (listed below), and what is left takes the time shown above."
    ))
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

    #[test]
    fn a_plan_with_steps_left_out_says_its_summary_is_the_routine_as_written() {
        use crate::engine::PlanSettings;
        use crate::library::{Condition, Sources, load};
        let loaded = load(&Sources {
            builtin: true,
            ..Sources::default()
        });
        let library = &loaded.library;
        let adapted = |conditions: &[Condition]| {
            let settings = PlanSettings {
                conditions: conditions.to_vec(),
                ..PlanSettings::default()
            };
            let routine = library.routine("ball-release").unwrap();
            adapted_line(&Plan::build(routine, library, &settings).unwrap())
        };
        assert_eq!(adapted(&[]), None);
        assert_eq!(
            adapted(&[Condition::Pregnancy]).as_deref(),
            Some(
                "That is the routine as written; for your conditions 5 of its 8 steps are left out (listed below), and what is left takes the time shown above."
            )
        );
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
}
