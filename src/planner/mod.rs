//! The routine planner: a routine built to fit the time a person has.
//!
//! A plan lasts at most the minutes asked for and at least 80% of them. It
//! offers the warm-up, uses only exercises that suit the positions, equipment
//! and conditions given, does every one-sided exercise on both sides, goes
//! from standing down to the floor once, and ends with a breathing exercise.
//! Ball work comes only when a ball is at hand, after the warm-up. The same
//! request and seed always give the same routine. Nothing here reads a file,
//! a clock or the environment.

mod choose;
mod fit;
mod rng;
#[cfg(test)]
mod tests;

use crate::engine::{
    self, Guidance, GuidanceSettings, Level, Pace, Plan, PlanSettings, step_seconds,
};
use crate::library::{Condition, Equipment, Exercise, Library, Position, Routine, Side};

use fit::{Draft, StepTiming};
use rng::SplitMix64;

/// What a person asks a plan for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlanRequest {
    pub minutes: u32,
    /// Positions to use; empty means all.
    pub positions: Vec<Position>,
    /// Equipment at hand besides [`choose::AT_HAND`].
    pub equipment: Vec<Equipment>,
    pub conditions: Vec<Condition>,
    pub seed: u64,
    /// Seconds to get into position before each hold; written into the routine.
    pub prep: u32,
    /// Seconds to get ready before the first hold and at a change of
    /// position; written into the routine.
    pub transition: u32,
    /// Exercises asked for by name: each is in the plan if it fits, and an
    /// exercise marked `by_name` (a belly release) only if asked for.
    pub with: Vec<String>,
    /// The id the routine gets (the name it is saved under).
    pub id: String,
    /// The level the plan is run at: it fits its minutes with the holds grown
    /// to this level, and its routine keeps the holds as written.
    pub level: Level,
    /// The pace words are said at: the get-readies it fits are timed at it.
    pub pace: Pace,
    /// The side held once more in each two-sided stretch: the plan fits its
    /// minutes with those holds in it.
    pub tighter_side: Option<Side>,
}

impl PlanRequest {
    /// The id of a plan that is not saved under a name of its own.
    pub(crate) const UNSAVED_ID: &'static str = "plan";

    /// A plan of `minutes` in any position, with no equipment beyond
    /// [`choose::AT_HAND`], seed 0, and the prep and conditions of `settings`.
    pub(crate) fn new(minutes: u32, settings: &PlanSettings) -> PlanRequest {
        PlanRequest {
            minutes,
            positions: Vec::new(),
            equipment: Vec::new(),
            conditions: settings.conditions.clone(),
            seed: 0,
            with: Vec::new(),
            prep: settings.default_prep,
            transition: settings.default_transition,
            id: Self::UNSAVED_ID.to_string(),
            level: settings.level,
            pace: settings.pace,
            tighter_side: settings.tighter_side,
        }
    }

    pub(crate) fn target_seconds(&self) -> u32 {
        self.minutes.saturating_mul(60)
    }

    /// The shortest plan that counts as fitting: 80% of the time asked for.
    pub(crate) fn least_seconds(&self) -> u32 {
        self.target_seconds().saturating_mul(4).div_ceil(5)
    }
}

/// Why no routine could be planned for the minutes and settings asked for.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum PlannerError {
    #[error(
        "no breathing exercise suits these conditions and this equipment, and a plan ends with one; `psoas list --kind breathing` shows them"
    )]
    NoBreathing,
    #[error(
        "{minutes} {} is too short for even one breathing exercise with {prep} s to get into position",
        plural(*.minutes, "minute")
    )]
    TooShort { minutes: u32, prep: u32 },
    #[error(
        "only {} of the {minutes} minutes asked for can be filled with the {exercises} {} that suit these positions, equipment and conditions; ask for {} {} or fewer, or allow more positions or equipment",
        crate::format::clock(*.planned),
        plural(*.exercises as u32, "exercise"),
        max_minutes(*.planned),
        plural(max_minutes(*.planned), "minute")
    )]
    TooLong {
        minutes: u32,
        planned: u32,
        exercises: usize,
    },
    #[error("`--with {id}`: {why}")]
    CannotInclude { id: String, why: String },
    #[error(transparent)]
    Engine(#[from] engine::PlanError),
}

fn plural(n: u32, noun: &str) -> String {
    crate::format::plural(n as usize, noun)
}

/// The most minutes a plan of `planned` seconds fills to 80%.
fn max_minutes(planned: u32) -> u32 {
    planned * 5 / 4 / 60
}

/// Checks that each exercise asked for by name exists and may be in the
/// plan: a stretch, movement or ball work that suits the conditions,
/// positions and equipment. Whether it fits the time is the plan's to say.
pub(crate) fn check_with(library: &Library, request: &PlanRequest) -> Result<(), PlannerError> {
    for id in &request.with {
        let why = match library.exercise(id) {
            Some(exercise) => choose::why_not(exercise, request),
            None => Some(
                match crate::format::did_you_mean(&library.closest_exercise_ids(id)) {
                    Some(hint) => {
                        format!("no exercise has this id; {hint} (`psoas list` shows every id)")
                    }
                    None => "no exercise has this id (`psoas list` shows every id)".to_string(),
                },
            ),
        };
        if let Some(why) = why {
            return Err(PlannerError::CannotInclude {
                id: id.clone(),
                why,
            });
        }
    }
    Ok(())
}

/// Builds a routine for `request` from `library`.
pub(crate) fn plan(library: &Library, request: &PlanRequest) -> Result<Routine, PlannerError> {
    let target = request.target_seconds();
    let timing = StepTiming {
        prep: request.prep,
        transition: request.transition,
        level: request.level,
        pace: request.pace,
        conditions: request.conditions.clone(),
        tighter_side: request.tighter_side,
    };
    let mut rng = SplitMix64::new(request.seed);

    let mut breathing = choose::breathing_candidates(library, request);
    if breathing.is_empty() {
        return Err(PlannerError::NoBreathing);
    }
    // A finish must fit even as the only step, with all that is said before
    // the first hold: one that cannot is never chosen.
    let finish_floor = Exercise::MIN_HOLD;
    let shortest = |e: &Exercise| {
        step_seconds(
            e,
            Some(finish_floor),
            1,
            timing.ready_alone(e),
            request.prep,
            request.tighter_side,
        )
    };
    let least = breathing.iter().map(|e| shortest(e)).min().unwrap_or(0);
    if target < least {
        return Err(PlannerError::TooShort {
            minutes: request.minutes,
            prep: least - finish_floor,
        });
    }
    breathing.retain(|e| shortest(e) <= target);
    // The most any finish needs to get ready, and what is said once a run.
    let ready = request.prep
        + breathing
            .iter()
            .map(|e| timing.most_ready_extra(e))
            .max()
            .unwrap_or(0)
        + timing.most_opening_extra();
    rng.shuffle(&mut breathing);
    let mut pool = choose::at_level(library, request, &choose::body_candidates(library, request));
    // The floor is reached by a guided way down, or not at all.
    let way_down = choose::way_down(library, request);
    if way_down.is_none() {
        pool.retain(|e| !choose::on_the_floor(e));
    }
    rng.shuffle(&mut pool);
    // What was asked for by name is tried first.
    pool.sort_by_key(|e| !request.with.contains(&e.id));

    // Keep room for a minute of breathing at the end, or what there is.
    let reserve = (ready + 60).min(target);

    // As if each came in a new position: the order is not known yet.
    let seconds_of =
        |exercise| timing.seconds(&Draft::new(exercise)) + timing.most_ready_extra(exercise);
    let mut body: Vec<Draft<'_>> = Vec::new();
    let mut total = 0;
    let mut gone_down = false;
    for exercise in pool.iter().copied() {
        // The first floor step brings the way down with it.
        let down = way_down.filter(|_| choose::on_the_floor(exercise) && !gone_down);
        let seconds = seconds_of(exercise) + down.map_or(0, seconds_of);
        if total + seconds + reserve <= target {
            body.push(Draft::new(exercise));
            body.extend(down.map(Draft::new));
            gone_down |= down.is_some();
            total += seconds;
        }
    }
    body.sort_by_key(|d| choose::order_key(d.exercise));

    let last_level = body
        .last()
        .map_or(0, |d| choose::level(d.exercise.position));
    // A plan that never went down does not end on the floor either.
    let off_the_floor: Vec<&Exercise> = breathing
        .iter()
        .copied()
        .filter(|e| !choose::on_the_floor(e))
        .collect();
    let finishes = if gone_down || off_the_floor.is_empty() {
        &breathing
    } else {
        &off_the_floor
    };
    let finish_exercise =
        choose::finish(finishes, request, last_level).ok_or(PlannerError::NoBreathing)?;
    let mut finish = Draft::new(finish_exercise);
    // Now the order is known, the transitions are exact; growing holds and
    // rounds below never changes them.
    let order = body.iter().map(|d| d.exercise).chain([finish_exercise]);
    total = body.iter().map(|d| timing.seconds(d)).sum::<u32>() + timing.ready_extra(order);
    let room_per_side = (target - total) / finish_exercise.sides();
    finish.hold = finish
        .hold
        .min(room_per_side.saturating_sub(request.prep))
        .max(finish_floor);
    // A grown hold may not fit where the hold as written did.
    while finish.hold > finish_floor && total + timing.seconds(&finish) > target {
        finish.hold -= 1;
    }
    total += timing.seconds(&finish);

    fit::fill(&timing, &mut body, &mut finish, &mut total, target);

    let mut steps: Vec<_> = body.iter().map(Draft::step).collect();
    steps.push(finish.step());
    let name = format!(
        "Planned routine, {} {}",
        request.minutes,
        plural(request.minutes, "minute")
    );
    let mut routine = fit::routine(&request.id, &name, &timing, steps);
    routine.summary = Some(summary(request, &body, finish_exercise));

    // The engine has the last word on the length.
    let at_level = PlanSettings {
        level: request.level,
        pace: request.pace,
        conditions: request.conditions.clone(),
        guidance: GuidanceSettings::always(Guidance::Full),
        ..PlanSettings::default()
    };
    let planned = Plan::build(&routine, library, &at_level)?.total();
    debug_assert!(planned <= target, "{planned} s planned for {target} s");
    if planned > target || planned < request.least_seconds() {
        return Err(PlannerError::TooLong {
            minutes: request.minutes,
            planned,
            // The stretches and ball work that suit, and the one finish.
            exercises: pool.len() + 1,
        });
    }
    Ok(routine)
}

/// Exercises the plan would have used but for a condition, with the
/// condition: the steps of the same request planned without conditions that
/// the conditions rule out. What it would never have picked is not named.
pub(crate) fn avoided<'a>(
    library: &'a Library,
    request: &PlanRequest,
) -> Vec<(&'a Exercise, Condition)> {
    if request.conditions.is_empty() {
        return Vec::new();
    }
    let free = PlanRequest {
        conditions: Vec::new(),
        ..request.clone()
    };
    let Ok(routine) = plan(library, &free) else {
        return Vec::new();
    };
    let mut avoided: Vec<(&Exercise, Condition)> = Vec::new();
    for step in &routine.steps {
        let Some(exercise) = library.exercise(&step.exercise) else {
            continue;
        };
        if let Some(condition) = exercise.avoided_with(&request.conditions).next()
            && !avoided.iter().any(|(e, _)| e.id == exercise.id)
        {
            avoided.push((exercise, condition));
        }
    }
    avoided
}

/// One sentence on what the plan holds and how it was made, so that a saved
/// plan can be made again.
fn summary(request: &PlanRequest, body: &[Draft<'_>], finish: &Exercise) -> String {
    let mut positions: Vec<Position> = body.iter().map(|d| d.exercise.position).collect();
    positions.dedup();
    let names: Vec<&str> = positions.iter().map(|p| p.name()).collect();
    let finish_name = finish.name.to_lowercase();
    let work = match names.split_last() {
        None => format!("{} on its own", capitalize(&finish_name)),
        Some((last, [])) => format!("{} work, ending with {finish_name}", capitalize(last)),
        Some((last, rest)) => format!(
            "{} and {last} work, ending with {finish_name}",
            capitalize(&rest.join(", "))
        ),
    };
    let mut text = format!("{work}. Planned by `{}`.", command_line(request));
    if !request.positions.is_empty() && !request.positions.contains(&finish.position) {
        text.push_str(&format!(
            " No breathing exercise is done {}, so the finish is {}.",
            or_list(&request.positions),
            finish.position
        ));
    }
    text
}

/// The `psoas plan` command that makes this plan again.
fn command_line(request: &PlanRequest) -> String {
    let mut line = format!("psoas plan --minutes {}", request.minutes);
    for p in &request.positions {
        line.push_str(&format!(" --position {p}"));
    }
    for q in &request.equipment {
        line.push_str(&format!(" --equipment {q}"));
    }
    for id in &request.with {
        line.push_str(&format!(" --with {id}"));
    }
    for c in &request.conditions {
        line.push_str(&format!(" --condition {c}"));
    }
    line.push_str(&format!(" --seed {}", request.seed));
    if request.level != Level::One {
        line.push_str(&format!(" --level {}", request.level));
    }
    line
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn or_list(positions: &[Position]) -> String {
    let names: Vec<&str> = positions.iter().map(|p| p.name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}
