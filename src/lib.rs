//! `psoas`: a command-line coach for psoas and lower-back self-care.
//!
//! # How the data flows
//!
//! ```text
//! TOML files ──> toml_input ──> library ──> engine ──> runner (screen, transcript, voice)
//! (library,      read, parse,   validated   plan and    render (sheets, tables, JSON)
//!  config)       name each key  once        timeline    history (the record of a run)
//! ```
//!
//! `main.rs` calls [`app::main`], which parses the command line (`cli`),
//! turns it into a command's plain options (`cli/resolve.rs`) and runs the
//! command (`commands`). A command asks the config and the library for what
//! it needs, has the engine or the planner make a plan, and hands the result
//! to a front end: the runner, a printer in `render`, or the history file.
//! Nothing outside `cli` and `app` sees clap's types, and the engine reads
//! no clock, terminal or file: time is passed in.
//!
//! # Where each concept lives
//!
//! From the top down; a module imports only those below it, but for the one
//! edge "Layers" below names.
//!
//! - `app.rs`: the spine: parse, resolve, run, and print the error (with
//!   the problems of a file that stopped the command) once.
//! - `cli.rs`: the command line as clap sees it; `cli/resolve.rs` turns it
//!   into plain options, `cli/man.rs`, `cli/completions.rs` and
//!   `cli/completion.rs` print the manual and the shell completions.
//! - `commands/`: one file per subcommand (`run.rs`, `plan.rs`, `print.rs`,
//!   `list.rs`, `show.rs`, `routines.rs`, `check.rs`, `history.rs`,
//!   `config.rs`, `remind.rs`), each with its plain options (`run/options.rs`
//!   and `remind/options.rs` for the two with many); `remind/offer.rs` gives
//!   a nudge that is due and acts on its answer, `remind/waiting.rs` shows
//!   the wait for a pause in the typing.
//! - `context.rs`: what every command may need, found when first asked for:
//!   where files live, the config, the library and what the history knows of
//!   the person. `exit.rs` holds the exit statuses beyond success.
//! - `render/`: every printer: `sheet.rs` (`print`, `plan`) and
//!   `sheet_html.rs` (the printed page), both listing the steps as
//!   `sheet_steps.rs` gives them, `list.rs`, `show.rs`, `routines.rs`,
//!   `config_show.rs`, `history.rs` with `history/` (`report.rs`,
//!   `chart.rs`, `desk.rs` the days at the desk, `json.rs`), `run.rs` (what
//!   a run prints around the screen and the transcript), `check.rs` (what
//!   `check` reports), and the `--format` choices in `format.rs`.
//! - `config.rs`: personal settings; `config/key.rs` the keys, `config/parse.rs`
//!   reading the file, `config/tighter_side.rs` the side held once more,
//!   `config/template.rs` the file `config init` writes.
//! - `runner/`: the guided timer. `settings.rs` is how a run is carried out;
//!   `clock.rs` is the only place a run reads the time (under test it may
//!   skip its waits); `interactive.rs` (with `screen.rs`, `layout.rs` (how
//!   a window's room is shared), `rows.rs`, `pages.rs`, `painter.rs`,
//!   `hold_bar.rs`, `big_text.rs` (the seconds and the breathing word in
//!   block letters), `picture.rs` (the exercise's figure, drawn once for its
//!   room), `keys.rs`, `input.rs`, `terminal.rs`, `signals.rs`) runs the
//!   screen, `plain.rs` the
//!   transcript (`heard_whole.rs` tests that no word of any built-in routine
//!   is cut off); `check_in.rs` asks the tension score, `answer.rs` reads a
//!   typed answer while watching for signals, `echo.rs` hides what is typed
//!   at the notice, and `speaker.rs` is the hook for `voice`.
//! - `planner/`: a routine built to fit the minutes a person has: which
//!   exercises and in what order (`choose.rs`), grown to fit the time
//!   (`fit.rs`), shuffled by a seeded generator of its own (`rng.rs`).
//! - `safety.rs`: the safety notice before the first run (remembered by a
//!   marker file), and the line that keeps a routine's summary honest once
//!   steps are left out.
//! - `words/`: every sentence a person reads or hears: in `words/mod.rs`
//!   those said in more than one place (the stop rule, the warm-up reminder,
//!   what a routine needs and leaves out, what a hold and a breath are called
//!   aloud), which the engine counts to time what is said; in `words/run.rs`
//!   each event of a run and every sentence around it; in
//!   `words/after_session.rs` what the end of a session says of its record;
//!   in `words/remind.rs` every sentence of the desk reminder (with
//!   `words/remind/choices.rs`, what a nudge with choices says); in
//!   `words/man.rs` what the man page says of files, the environment and
//!   exit statuses; in `words/config.rs` what `config init` says; in
//!   `words/load.rs` what is said when a file or a routine cannot be loaded;
//!   in `words/sheet.rs` the headings and notes of a printed routine, text or
//!   HTML; in `words/show.rs` what `psoas show` says when it cannot.
//! - `history/`: the history file (`store.rs`, `lines.rs`, `error.rs` for
//!   what went wrong), one session (`record.rs`) made from how a run ended
//!   (`outcome.rs`), the breaks and nudges the reminder saw (`desk.rs`), the
//!   0 to 10 scale of a check-in (`tension.rs`), a side
//!   check's pull on each side (`side_pull.rs`), what it adds up to
//!   (`stats.rs`, `week.rs`, `newest.rs`, `side_trend.rs`, `future.rs` for
//!   sessions dated after now) and when to suggest another level
//!   (`progress.rs`).
//! - `remind/`: the desk nudge: when nudges may come (`schedule.rs`), the
//!   scheduler's files (`units.rs`) and programs (`helper.rs`, run so that
//!   none can hold psoas up), the idle time the desktop reports (`idle.rs`),
//!   which source the last check used (`last_check.rs`), time at the desk
//!   (`sitting.rs`), the decision (`decide.rs`), do not
//!   disturb (`do_not_disturb.rs`), the wait for a pause (`pause.rs`), how the
//!   nudge reaches the person (`notify.rs`, and `ask.rs` for one with choices:
//!   start, snooze, skip), the terminal a break starts in (`terminal.rs`) and
//!   the nudges kept with their answers (`answers.rs`).
//! - `voice.rs`: spoken cues through a text-to-speech program, each allowed
//!   a bounded time; `voice/stop.rs` ends a program (SIGTERM, then SIGKILL).
//! - `engine/`: pure timing. `plan.rs` expands a routine into timed
//!   segments (`segment.rs`, laid out by `plan/builder.rs`) by the rules of
//!   `durations.rs` (get-ready times, long enough to say what they say at
//!   the `pace.rs` a person sets), `guidance.rs` (how much a get-ready
//!   says: in full, or briefly once the history shows the exercise is
//!   familiar), `level.rs` and `plan_settings.rs`; `planned_hold.rs` is one
//!   hold with its get-ready, `timeline.rs` says what happens and what is
//!   said when, `session.rs` is a run's state as plan time passes and
//!   `breathing.rs` the breathing rhythm; `fixture.rs` is a small library
//!   for unit tests.
//! - `library/`: exercises and routines. `sources.rs` says where files come
//!   from, `embedded.rs` holds the built-in ones, `load.rs` reads and layers
//!   them (`parse.rs`, `raw.rs` the schema as serde sees it, `items.rs`,
//!   `validate.rs`, `steps.rs`, `length.rs` (a routine lasts at most 4
//!   hours), `variants.rs` the exercises an exercise names, `layers.rs`),
//!   `exercise.rs`, `condition.rs`, `caution.rs` (to
//!   whom a caution is said) and `routine.rs` are the validated types and
//!   `write.rs` writes a routine back as a file.
//! - `figure/`: pictures of poses, pure: `pose.rs` (joint angles and the
//!   view) and `prop.rs` (what a pose uses, placed by a point of the body)
//!   as an exercise file gives them, `body.rs` the body of human
//!   proportions they pose, `rest.rs` where the posed body rests,
//!   `prop_shapes.rs` each prop drawn and the top it offers, `shape.rs` the
//!   lines, discs and boxes drawn, `scene.rs` the
//!   shapes laid out (mirrored for the right side), `contact.rs` whether the
//!   parts a figure says rest touch what is under them, `svg.rs` and
//!   `braille.rs` the two ways of drawing them.
//! - `toml_input/`: reading a file a person wrote (`read.rs`), parsing it
//!   (`document.rs`, always the whole document), typed values key by key
//!   (`entry.rs`, `value.rs`) and the shared range and text checks
//!   (`checks.rs`), for the library and the config.
//! - `load_error.rs`: a file whose problems stop a command, carrying them;
//!   `diagnostic.rs`: a problem in a file (file, line, column, key, what is
//!   valid) and how it is shown.
//! - `side.rs` (the body's two sides), `dirs.rs` (where the user's files
//!   live), `files.rs` (reading and writing them safely), `now.rs` (the
//!   wall-clock time, or `PSOAS_NOW`) and `format.rs` (small text helpers:
//!   clock times, display-width columns).
//! - Tests of their own: `content_rules.rs` holds the built-in library to
//!   the words and the safety rules; `arbitrary_bytes.rs` feeds every reader
//!   of a person's files any bytes.
//!
//! # Layers
//!
//! The imports run one way, between modules and between files:
//! `tests/cli/layers.rs` fails on a circle, and names the one edge that
//! stays with why: the engine counts the words `words/mod.rs` makes, while
//! `words/run.rs` renders the engine's events, so `engine` and `words` import
//! each other, though none of their files imports one that imports it back.
//!
//! Only what the integration tests and the benchmarks use is public.

pub mod app;
#[cfg(test)]
mod arbitrary_bytes;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod config;
#[cfg(test)]
mod content_rules;
pub(crate) mod context;
pub(crate) mod diagnostic;
pub(crate) mod dirs;
pub(crate) mod engine;
pub(crate) mod exit;
pub mod figure;
pub(crate) mod files;
pub(crate) mod format;
pub mod history;
pub mod library;
pub(crate) mod load_error;
pub(crate) mod now;
pub(crate) mod planner;
pub(crate) mod remind;
pub(crate) mod render;
pub mod runner;
pub(crate) mod safety;
pub(crate) mod side;
pub(crate) mod toml_input;
pub(crate) mod voice;
pub(crate) mod words;
