//! The commented config file `psoas config init` writes: every key, commented
//! out at its default, with what it does and what is valid. The defaults come
//! from the same constants the program uses, so the template cannot drift.

use std::fmt::Write as _;

use super::{Config, MAX_WEEKLY_GOAL};
use crate::engine::Pace;
use crate::library::{Breathing, Condition, DEFAULT_ROUTINE, Routine};
use crate::remind::Schedule;
use crate::voice::FALLBACK_PROGRAMS;

/// The text of a fresh config file.
pub(crate) fn template() -> String {
    let b = Breathing::DEFAULT;
    let programs: Vec<&str> = FALLBACK_PROGRAMS.iter().map(|(p, _)| *p).collect();
    let remind = Schedule::default();
    let mut text = format!(
        "\
# psoas config file. Every key is optional: remove the `#` in front of a key
# to set it. Flags on the command line beat this file, and this file beats the
# built-in defaults shown here. `psoas config show` prints each value in effect
# and where it came from.

# The routine `psoas run` and `psoas print` use when none is named
# (`psoas routines` lists them).
# default_routine = \"{DEFAULT_ROUTINE}\"

# Seconds to get into position before each hold, 0 to {max_prep}, for routines
# that do not set their own.
# prep = {prep}

# Seconds to get ready before a routine's first hold and whenever the position
# changes (standing to kneeling, say), 0 to {max_transition}, never less than
# prep, for routines that do not set their own. The first time you meet an
# exercise, its get-ready lasts long enough to say its set-up and cautions.
# transition = {transition}

# Breath pacing during holds, whole seconds from {min_b} to {max_b} each.
# breathing = {{ inhale = {inhale}, exhale = {exhale} }}

# Ring the terminal bell at the start and end of each hold (`--no-bell`).
# bell = {bell}

# Speak each cue with a text-to-speech program (`--voice`, `--no-voice`).
# voice = {voice}

# The text-to-speech program and its arguments, as an array. The cue text goes
# on its standard input, never on its command line. Without this key psoas
# uses the first of {programs} found on your PATH.
# voice_command = [\"espeak-ng\", \"--stdin\", \"-s\", \"140\"]

# How fast the voice speaks, in words a minute, {min_pace} to {max_pace}
# (`--voice-pace`). A get-ready lasts until its words are said at this pace, and
# a voice still speaking after twice that time and 5 s more is cut off, and not
# waited for again until it finishes a cue by itself. Set it to the pace of
# your voice_command.
# voice_pace = {pace}

# Sessions a week to aim for, 1 to {max_goal} (`psoas history --goal`).
# weekly_goal = {goal}

# The minutes of holding a session needs to count toward the week, 0 to 60.
# A shorter one (a desk break, a routine of a few holds) is recorded as a
# break; so is any session that held less than half of its plan, as short.
# min_held_minutes = {min_held}

# Ask how tense your lower back and hips feel before and after a session
# (`--no-check-in`).
# check_in = {check_in}

# Make the guided warm-up brisk, with jogging and jumping jacks, instead of
# marching, step jacks and hip circles (`--brisk-warm-up`).
# brisk_warm_up = {brisk_warm_up}

# Draw each exercise's figure in `psoas show` on a terminal and on the run's
# screen, where there is room (`--no-pictures`). The words are complete
# without it.
# pictures = {pictures}

# How much longer stretch and breathing holds last: 1 as written, 2 one and a
# half times, 3 twice as long (`--level`). `psoas history` says when to move.
# level = 1

# How much a get-ready says of an exercise (`--guidance`): full (every set-up
# line and caution), brief (the name, the first set-up line and the cautions
# that are always said or concern your conditions), or auto: full until you
# have held the exercise in familiar_after recorded sessions, brief after.
# guidance = \"auto\"
# familiar_after = {familiar_after}

# The side that feels tighter, held once more in each two-sided stretch: left,
# right, or none for no extra hold. Unset, the latest side check decides
# (`psoas run side-check`).
# tighter_side = \"left\"

# When `psoas remind now` may nudge you to stand up: every so long (like 60m
# or 1h30m), between two times of day, on some days (like mon-fri, mon,wed,fri
# or every-day). `psoas remind install` has the scheduler check every 5
# minutes. Where the desktop says how long you have been away, the nudge comes
# after `sit` at the desk without a break instead, and first waits up to
# `wait` (0s to 3m) for a pause in your typing.
# Where the desktop's notifications offer choices, a nudge offers to start the
# break, to snooze {snooze} minutes, or to skip, at most `skips_a_day` times a
# day (0 to 16). The break is the next of `routines` in turn (`psoas routines`
# lists them; micro-break is the shortest).
# remind = {{ every = \"{every}\", from = \"{from}\", to = \"{to}\", days = \"{days}\", sit = \"50m\", wait = \"2m\", routines = [\"{routine}\"], skips_a_day = {skips} }}

# The program that shows a nudge, and its arguments, as an array; the title and
# the text are added as two more arguments. Without this key psoas uses the
# desktop's notifications, which can offer choices.
# notify_command = [\"notify-send\"]

# The terminal a break started from a nudge runs in, and its arguments, as an
# array; `psoas run ROUTINE` is added after them. Without this key psoas uses
# $TERMINAL, else the first found on your PATH of the usual ones
# (x-terminal-emulator, gnome-terminal, konsole, kitty, xterm and others);
# `psoas config show` says which.
# terminal = [\"gnome-terminal\", \"--\"]

# Conditions to take care with. Exercises to avoid with any of them are left
# out of `run`, `print` and `plan`, and marked by `list`; `--condition TAG`
# adds more for one command. The tags:
",
        max_prep = Routine::MAX_PREP,
        prep = Routine::DEFAULT_PREP,
        max_transition = Routine::MAX_TRANSITION,
        transition = Routine::DEFAULT_TRANSITION,
        min_b = Breathing::MIN_SECONDS,
        max_b = Breathing::MAX_SECONDS,
        inhale = b.inhale,
        exhale = b.exhale,
        bell = Config::DEFAULT_BELL,
        voice = Config::DEFAULT_VOICE,
        programs = or_list(&programs),
        min_pace = Pace::SLOWEST,
        max_pace = Pace::FASTEST,
        pace = Pace::DEFAULT.words_per_minute(),
        max_goal = MAX_WEEKLY_GOAL,
        goal = Config::DEFAULT_WEEKLY_GOAL,
        min_held = Config::DEFAULT_MIN_HELD_MINUTES,
        check_in = Config::DEFAULT_CHECK_IN,
        brisk_warm_up = Config::DEFAULT_BRISK_WARM_UP,
        pictures = Config::DEFAULT_PICTURES,
        every = remind.every,
        from = remind.from,
        to = remind.to,
        days = remind.days,
        familiar_after = crate::engine::Guidance::FAMILIAR_AFTER,
        snooze = crate::remind::SNOOZE_MINUTES,
        routine = crate::remind::ROUTINE,
        skips = Config::DEFAULT_SKIPS_A_DAY,
    );
    let width = Condition::ALL
        .iter()
        .map(|c| c.name().len())
        .max()
        .unwrap_or(0);
    for c in Condition::ALL {
        let _ = writeln!(text, "#   {:width$}  {}", c.name(), c.describe());
    }
    text.push_str("# For example: conditions = [\"herniated-disc\"]\n# conditions = []\n");
    text
}

/// "a, b, c or d".
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}
