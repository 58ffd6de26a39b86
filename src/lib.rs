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
//! - `app.rs`: the spine: parse, resolve, run, exit code; the lazy context
//!   that finds the config and the library for the commands that need them.
//! - `cli.rs`: the command line as clap sees it; `cli/resolve.rs` turns it
//!   into plain options, `cli/man.rs`, `cli/completions.rs` and
//!   `cli/completion.rs` print the manual and the shell completions.
//! - `commands/`: one file per subcommand (`run.rs`, `plan.rs`, `print.rs`,
//!   `list.rs`, `show.rs`, `routines.rs`, `check.rs`, `history.rs`,
//!   `config.rs`, `remind.rs`), each with its plain options.
//! - `toml_input/`: reading a file a person wrote (`read.rs`), parsing it
//!   (`document.rs`), typed values key by key (`entry.rs`, `value.rs`) and the
//!   shared range and text checks (`checks.rs`), for the library and the config.
//! - `diagnostic.rs`: a problem in a file (file, line, column, key, what is
//!   valid) and how it is shown.
//! - `config.rs`: personal settings; `config/key.rs` the keys, `config/parse.rs`
//!   reading the file, `config/tighter_side.rs` the side held once more, `config/template.rs` the file `config init` writes.
//! - `library/`: exercises and routines. `sources.rs` says where files come
//!   from, `embedded.rs` holds the built-in ones, `load.rs` reads and layers
//!   them (`parse.rs`, `raw.rs`, `items.rs`, `validate.rs`, `steps.rs`,
//!   `length.rs` (a routine lasts at most 4 hours), `layers.rs`), `exercise.rs`, `caution.rs` (to whom a caution is said)
//!   and `routine.rs` are the validated types and
//!   `write.rs` writes a routine back as a file.
//! - `engine/`: pure timing. `plan.rs` expands a routine into timed
//!   segments (`segment.rs`, laid out by `plan/builder.rs`) by the rules of
//!   `durations.rs` (get-ready times, long enough to say what they say at
//!   the `pace.rs` a person sets), `guidance.rs` (how much a get-ready
//!   says: in full, or briefly once the history shows the exercise is
//!   familiar), `level.rs` and `plan_settings.rs`; `planned_hold.rs` is one hold with its get-ready,
//!   `timeline.rs` says what happens and what is said when, `session.rs` is
//!   a run's state as plan time passes and `breathing.rs` the breathing
//!   rhythm.
//! - `planner/`: a routine built to fit the minutes a person has.
//! - `runner/`: the guided timer. `clock.rs` is the only place a run reads
//!   the time (under test it may skip its waits); `interactive.rs` (with
//!   `screen.rs`, `rows.rs`, `pages.rs`, `painter.rs`, `hold_bar.rs`,
//!   `big_digits.rs`, `keys.rs`, `input.rs`, `terminal.rs`, `signals.rs`)
//!   runs the screen, `plain.rs` the transcript (`heard_whole.rs` tests that
//!   no word of any built-in routine is cut off); `check_in.rs` asks the
//!   tension score, `echo.rs` hides what is typed at the notice,
//!   `speaker.rs` is the hook for `voice`, and `outcome.rs` is how a run ended.
//! - `voice.rs`: spoken cues through a text-to-speech program, each allowed
//!   a bounded time; `voice/stop.rs` ends a program (SIGTERM, then SIGKILL).
//! - `figure/`: pictures of poses, pure: `pose.rs` (joint angles and the
//!   view) and `prop.rs` (what a pose uses, placed by a point of the body)
//!   as an exercise file gives them, `body.rs` the body of human
//!   proportions they pose, `scene.rs` the shapes laid out (mirrored for the
//!   right side), `svg.rs` and `braille.rs` the two ways of drawing them.
//! - `render/`: every printer: `sheet.rs` (`print`, `plan`), `list.rs`,
//!   `show.rs`, `routines.rs`, `config_show.rs`, `history/` (report,
//!   chart, JSON), `run.rs` (what a run prints around the screen and the
//!   transcript), `check.rs`, and the `--format` choices in `format.rs`.
//! - `history/`: the history file (`store.rs`, `lines.rs`), one session
//!   (`record.rs`), a side check's pull on each side (`side_pull.rs`), what
//!   it adds up to (`stats.rs`, `week.rs`, `newest.rs`, `side_trend.rs`)
//!   and when to suggest another level (`progress.rs`).
//! - `remind/`: the desk nudge: its schedule, the scheduler's files and
//!   programs (`helper.rs`, run so that none can hold psoas up), the idle
//!   time the desktop reports (`idle.rs`), time at the desk (`sitting.rs`),
//!   the decision (`decide.rs`) and the nudge.
//! - `safety.rs` and `words/`: the safety notice and every sentence a person
//!   reads or hears: in `words/mod.rs` those said in more than one place (the
//!   stop rule, the warm-up reminder, what a routine needs and leaves out),
//!   in `words/run.rs` each event of a run and every sentence around it, and
//!   in `words/after_session.rs` what the end of a session says of its
//!   record, and in `words/man.rs` what the man page says of files, the
//!   environment and exit statuses;
//!   `content_rules.rs` holds the built-in library to them, as tests;
//!   `arbitrary_bytes.rs` feeds every reader of a person's files any bytes.
//! - `dirs.rs` (where the user's files live), `files.rs` (reading and writing
//!   them safely), `now.rs` (the wall-clock time, or `PSOAS_NOW`) and
//!   `format.rs` (small text helpers: clock times, display-width columns).
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
pub(crate) mod now;
pub(crate) mod planner;
pub(crate) mod remind;
pub(crate) mod render;
pub mod runner;
pub(crate) mod safety;
pub(crate) mod toml_input;
pub(crate) mod voice;
pub(crate) mod words;
