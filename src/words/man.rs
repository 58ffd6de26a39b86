//! What `psoas man` says of the files psoas keeps, the environment it reads
//! and its exit statuses. The page takes the paths, the names of the files in
//! the state folder and the numbers of the statuses from the code that decides
//! them (`cli/man.rs`), and the words from here.

/// Under KEYS OF RUN, before the keys.
pub(crate) const KEYS_OF_RUN: &str = "While a routine runs on the screen:";

/// The config file.
pub(crate) const CONFIG_FILE: &str = "The config file (~/.config/psoas/config.toml when XDG_CONFIG_HOME is not set); \
             `psoas config init` writes a commented one.";

/// The folder of your routines.
pub(crate) const ROUTINES: &str =
    "Your routines, one TOML file each; they take the place of built-in routines with the same id.";

/// The folder of your exercises.
pub(crate) const EXERCISES: &str = "Your exercises, in files of [[exercise]] tables.";

/// The history.
pub(crate) const HISTORY: &str = "The session history, one JSON record a line, with the breaks and nudges `psoas remind` saw (~/.local/state/psoas when XDG_STATE_HOME is not set).";

/// The marker that the safety notice was shown.
pub(crate) const NOTICE_MARKER: &str =
    "There once the safety notice has been shown; delete it to see the notice again.";

/// When the last nudge came.
pub(crate) const LAST_NUDGE: &str =
    "When `psoas remind now` last nudged, so it nudges at most once an interval.";

/// The marker that no notifier answered.
pub(crate) const NO_NOTIFIER: &str =
    "There once psoas has said that no notification could be shown, so it says it once.";

/// The time at the desk.
pub(crate) const SITTING: &str = "The time at the desk counted so far, kept between checks.";

/// Until when nudges are kept back.
pub(crate) const PAUSED: &str = "Until when `psoas remind snooze` or `pause` keeps nudges back.";

pub(crate) const NUDGES: &str = "A week of nudges, each with the routine it offered and its answer: the \
next routine in turn and the day's skips are counted from it.";

/// The variables psoas reads, with what each does (and [`COMPLETE`], which
/// the page names by the completions' own constant).
pub(crate) const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PSOAS_CONFIG",
        "The config file to use instead of the usual one; it must exist.",
    ),
    (
        "PSOAS_STATE_DIR",
        "The state folder (the history and the files beside it) instead of $XDG_STATE_HOME/psoas.",
    ),
    (
        "PSOAS_NOW",
        "An RFC 3339 time with an offset (2026-11-25T12:00:00+01:00) that `psoas history`, \
         the week line after a run and `psoas remind` take for now.",
    ),
    (
        "XDG_CONFIG_HOME",
        "Where the config folder is (default ~/.config).",
    ),
    (
        "XDG_STATE_HOME",
        "Where the state folder is (default ~/.local/state).",
    ),
    ("HOME", "Your home folder, for the defaults above."),
    (
        "NO_COLOR",
        "When set and not empty, the screen of `psoas run` has no colour (unless --color always).",
    ),
    (
        "CLICOLOR_FORCE",
        "When set and not 0, colour even if CLICOLOR is 0 (NO_COLOR still turns it off).",
    ),
    ("CLICOLOR", "When 0, no colour (unless --color always)."),
    (
        "TERM",
        "When dumb, `psoas run` writes a plain transcript instead of drawing a screen.",
    ),
    (
        "TERMINAL",
        "The terminal a break started from a nudge runs in, when the config sets no `terminal`.",
    ),
];

/// Exit status 0.
pub(crate) const SUCCESS: &str = "Success: the routine finished or was quit with q; also when whoever read the output \
             stopped reading (a closed pipe), with nothing on standard error.";

/// Exit status 1.
pub(crate) const FAILURE: &str = "Bad input or a failure: a bad file or config, an unknown id, a failed check, a plan \
             that cannot be filled, a session that could not be recorded, output that cannot be \
             written (a full disk).";

/// Exit status 2.
pub(crate) const USAGE: &str = "The command line was not understood.";

/// Exit status 129.
pub(crate) const HANG_UP: &str =
    "SIGHUP, or the terminal went away; a session is recorded if it got past its first hold.";

/// Exit status 130.
pub(crate) const INTERRUPTED: &str = "Interrupted with Ctrl-C (SIGINT).";

/// Exit status 143.
pub(crate) const TERMINATED: &str = "Ended by SIGTERM.";

/// Exit status 128 + N.
pub(crate) const OTHER_SIGNAL: &str =
    "Ended by another signal N (131 for SIGQUIT); the terminal is handed back first.";

/// The variable that asks for completions.
pub(crate) const COMPLETE: &str = "Set to a shell's name, psoas prints that shell's completion script or answers its completion requests.";
