//! What a plan needs at hand, said before it starts: by `print` at the top
//! of a sheet and by `run` before the first hold, so that nobody is sent for
//! a ball or a bed in the middle of a routine.

use crate::engine::{Plan, Stage};
use crate::library::Equipment;

/// Every piece of equipment the routine's own steps use (the warm-up needs
/// none), in a fixed order, each once.
pub fn equipment(plan: &Plan<'_>) -> Vec<Equipment> {
    let mut needs: Vec<Equipment> = plan
        .segments
        .iter()
        .filter(|s| s.stage == Stage::Main)
        .flat_map(|s| s.exercise.equipment.iter().copied())
        .collect();
    needs.sort();
    needs.dedup();
    needs
}

/// "You need a sturdy chair and a cushion or folded towel.", or `None` when
/// the routine needs nothing.
pub fn line(plan: &Plan<'_>) -> Option<String> {
    let things: Vec<&str> = equipment(plan)
        .into_iter()
        .map(Equipment::describe)
        .collect();
    let (last, rest) = things.split_last()?;
    let list = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Some(format!("You need {list}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::PlanSettings;
    use crate::library::{Condition, Sources, load};

    fn plan_line(routine: &str, conditions: &[Condition]) -> Option<String> {
        let loaded = load(&Sources {
            builtin: true,
            ..Sources::default()
        });
        let library = &loaded.library;
        let settings = PlanSettings {
            conditions: conditions.to_vec(),
            ..PlanSettings::default()
        };
        let plan = Plan::build(library.routine(routine).unwrap(), library, &settings).unwrap();
        line(&plan)
    }

    #[test]
    fn a_routine_says_what_it_needs_and_conditions_take_it_away() {
        assert_eq!(
            plan_line("chair", &[]).as_deref(),
            Some("You need a sturdy chair.")
        );
        assert_eq!(
            plan_line("ball-release", &[]).as_deref(),
            Some(
                "You need a massage or tennis ball, a sturdy chair and a cushion or folded towel."
            )
        );
        // The ball work is left out in pregnancy, and so is the ball.
        assert_eq!(
            plan_line("ball-release", &[Condition::Pregnancy]).as_deref(),
            Some("You need a sturdy chair and a cushion or folded towel.")
        );
        assert_eq!(
            plan_line("full", &[]).as_deref(),
            Some(
                "You need a massage or tennis ball, a foam roller, a clear stretch of wall, a sturdy chair and a cushion or folded towel."
            )
        );
    }
}
