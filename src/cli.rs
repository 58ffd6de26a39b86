//! The command line as clap sees it. Only this module and `app` know these
//! structs: [`resolve`] turns each command's arguments into its plain
//! options, and `app` hands those to the command. The commands that print the
//! command line itself, [`man`] and [`completions`], are here too, with the
//! ids [`completion`] offers as the shell completes.
#![allow(
    clippy::doc_markdown,
    reason = "clap prints these doc comments as help, where backticks would show"
)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::ArgValueCandidates;

use crate::commands::run::ColorWhen;

use crate::engine::{Guidance, Level, Pace};
use crate::library::{Condition, Equipment, Kind, Position, Side};
use crate::remind::{Days, Interval, Scheduler, TimeOfDay};
use crate::render::{ListFormat, SheetFormat, ShowFormat};
use crate::words::SAFETY_NOTICE;

mod completion;
pub(crate) mod completions;
pub(crate) mod man;
mod resolve;

#[derive(Debug, Parser)]
#[command(
    name = "psoas",
    version,
    about = "A command-line coach for psoas and lower-back self-care",
    long_about = "A command-line coach for psoas and lower-back self-care: gentle stretches held \
                  30 seconds or more on each side, slow breathing, a warm-up first, and \
                  self-massage with a ball, guided by a timer in the terminal.",
    after_help = SAFETY_NOTICE,
    after_long_help = SAFETY_NOTICE,
)]
pub(crate) struct Cli {
    /// `--library` before the command, as older versions took it; hidden, as
    /// the commands that load the library take it themselves.
    #[arg(long = "library", value_name = "DIR", hide = true)]
    pub library: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// List exercises, grouped by position
    List(ListArgs),
    /// Show one exercise in full
    Show(ShowArgs),
    /// List routines with their step count and length
    Routines(RoutinesArgs),
    /// Print a routine as a sheet: text, Markdown or JSON
    Print(PrintArgs),
    /// Validate the library, or the given files, and report every problem
    Check(CheckArgs),
    /// Run a routine with a guided timer
    Run(RunArgs),
    /// Show past sessions, this week's progress and the streak
    History(HistoryArgs),
    /// Build a routine that fits the time you have
    Plan(PlanArgs),
    /// Show or create the config file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Nudge you to stand up after time at the desk, or at set times
    #[command(subcommand)]
    Remind(RemindCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// `--library DIR`, on the commands that load the library.
#[derive(Debug, Args)]
pub(crate) struct LibraryArgs {
    /// Also load routines from DIR (and exercises from DIR/exercises); repeatable
    #[arg(long = "library", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

impl Command {
    /// The `--library` folders given after the command, if it takes them.
    pub(crate) fn library_dirs(&self) -> &[PathBuf] {
        match self {
            Command::List(args) => &args.library.dirs,
            Command::Show(args) => &args.library.dirs,
            Command::Routines(args) => &args.library.dirs,
            Command::Print(args) => &args.library.dirs,
            Command::Check(args) => &args.library.dirs,
            Command::Run(args) => &args.library.dirs,
            Command::Plan(args) => &args.library.dirs,
            _ => &[],
        }
    }
}

/// `--condition TAG`, shared by the commands that filter for safety.
#[derive(Debug, Args)]
pub(crate) struct ConditionArgs {
    /// Leave out (or, for `list`, mark) exercises to avoid with this condition; repeatable
    #[arg(long = "condition", value_name = "TAG", value_parser = parse_condition())]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only exercises done in this position
    #[arg(long, value_parser = parse_position())]
    pub position: Option<Position>,
    /// Only exercises of this kind
    #[arg(long, value_parser = parse_kind())]
    pub kind: Option<Kind>,
    /// Only exercises that use this equipment
    #[arg(long, value_parser = parse_equipment())]
    pub equipment: Option<Equipment>,
    #[arg(long, value_parser = parse_list_format(), default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub conditions: ConditionArgs,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The exercise id, as `psoas list` shows it
    #[arg(add = ArgValueCandidates::new(completion::exercise_ids))]
    pub id: String,
    /// `svg` writes the exercise's figure alone, as a picture
    #[arg(long, value_parser = parse_show_format(), default_value = "text")]
    pub format: ShowFormat,
    /// The side the figure is drawn for, in text and SVG: the right side is the left's mirror image
    #[arg(long, value_parser = parse_side(), default_value = "left")]
    pub side: Side,
    /// With `--format svg`, the figure of phase N of a sequence (from 1): the
    /// position that phase moves to
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub phase: Option<u32>,
    /// Leave the figure out of the text shown on a terminal
    #[arg(long)]
    pub no_pictures: bool,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RoutinesArgs {
    #[arg(long, value_parser = parse_list_format(), default_value = "text")]
    pub format: ListFormat,
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// `--level N`, shared by the commands that lay out holds.
#[derive(Debug, Args)]
pub(crate) struct LevelArgs {
    /// How long stretch and breathing holds are: 1 as written, 2 one and a half times, 3 twice as long; at 2 and 3 exercises move to their harder variants (default: the config's level, else 1)
    #[arg(long, value_name = "N", value_parser = parse_level)]
    pub level: Option<Level>,
}

#[derive(Debug, Args)]
pub(crate) struct PrintArgs {
    /// A routine id or the path of a routine file (default: the default routine)
    #[arg(add = ArgValueCandidates::new(completion::routine_ids))]
    pub routine: Option<String>,
    #[arg(long, value_parser = parse_sheet_format(), default_value = "text")]
    pub format: SheetFormat,
    #[command(flatten)]
    pub level: LevelArgs,
    #[command(flatten)]
    pub conditions: ConditionArgs,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to check (default: the built-in and user library)
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "the command line has a yes-or-no flag for each of these, as clap reads them"
)]
pub(crate) struct RunArgs {
    /// A routine id or the path of a routine file (default: the default routine)
    #[arg(add = ArgValueCandidates::new(completion::routine_ids))]
    pub routine: Option<String>,
    /// Plan a routine of about this many minutes and run it
    #[arg(long, value_name = "N", conflicts_with = "routine", value_parser = minutes())]
    pub minutes: Option<u32>,
    /// One line per event, no escape codes and no keys (for pipes and screen readers)
    #[arg(long)]
    pub plain: bool,
    /// Colour on the screen: auto follows NO_COLOR, CLICOLOR and CLICOLOR_FORCE
    #[arg(long, value_name = "WHEN", value_parser = parse_color_when(), default_value = "auto")]
    pub color: ColorWhen,
    /// Preview: run time this many times faster
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0, value_parser = parse_speed)]
    pub speed: f64,
    /// Do the guided warm-up without asking
    #[arg(long, overrides_with = "no_warm_up")]
    pub warm_up: bool,
    /// Skip the warm-up without asking
    #[arg(long, overrides_with = "warm_up")]
    pub no_warm_up: bool,
    /// Make the guided warm-up brisk, with jogging and jumping jacks (the usual one is
    /// marching, step jacks and hip circles)
    #[arg(long)]
    pub brisk_warm_up: bool,
    /// No terminal bell at the start and end of each hold
    #[arg(long)]
    pub no_bell: bool,
    /// Leave the exercises' figures off the screen (the words are complete without them)
    #[arg(long)]
    pub no_pictures: bool,
    /// Speak each cue with a text-to-speech program
    #[arg(long, overrides_with = "no_voice")]
    pub voice: bool,
    /// Do not speak cues, even if the config says to
    #[arg(long, overrides_with = "voice")]
    pub no_voice: bool,
    /// How fast the voice speaks, in words a minute: get-readies last until their words are said at this pace (default: the config's voice_pace, else 150)
    #[arg(long, value_name = "WPM", value_parser = parse_voice_pace)]
    pub voice_pace: Option<Pace>,
    /// Tension in the lower back and hips before the session, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub tension_before: Option<u8>,
    /// Tension in the lower back and hips after the session, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub tension_after: Option<u8>,
    /// In the side check (`run side-check`), the pull on the left side, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub pull_left: Option<u8>,
    /// In the side check (`run side-check`), the pull on the right side, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub pull_right: Option<u8>,
    /// Do not ask for tension check-ins
    #[arg(long)]
    pub no_check_in: bool,
    /// Attach a note to this session's record
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Do not write this session to the history
    #[arg(long)]
    pub no_record: bool,
    /// How much a get-ready says of each exercise: full, brief (once you know it), or auto
    /// (full until held in familiar_after recorded sessions) (default: the config's, else auto)
    #[arg(long, value_name = "LEVEL", value_parser = parse_guidance)]
    pub guidance: Option<Guidance>,
    #[command(flatten)]
    pub conditions: ConditionArgs,
    #[command(flatten)]
    pub level: LevelArgs,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    /// Only sessions on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Show at most this many recent sessions
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Sessions a week to aim for (default: the config's weekly_goal, else 3)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=50))]
    pub goal: Option<u32>,
    #[arg(long, value_parser = parse_list_format(), default_value = "text")]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// Planned length, in minutes: the plan fills at least 80% of it
    #[arg(long, value_name = "N", value_parser = minutes())]
    pub minutes: u32,
    /// Positions to use (default: all); repeatable
    #[arg(long = "position", value_name = "P", value_parser = parse_position())]
    pub positions: Vec<Position>,
    /// Equipment at hand (default: none); repeatable
    #[arg(long = "equipment", value_name = "E", value_parser = parse_equipment())]
    pub equipment: Vec<Equipment>,
    #[command(flatten)]
    pub conditions: ConditionArgs,
    /// Vary the choice of exercises; the same seed gives the same routine
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Include this exercise (by id), the belly releases too, which a plan uses only when asked for by name; repeatable
    #[arg(long = "with", value_name = "ID")]
    pub with: Vec<String>,
    #[arg(long, value_parser = parse_sheet_format(), default_value = "text")]
    pub format: SheetFormat,
    /// Save the plan as a routine NAME in your routines folder
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    /// With --save, replace an existing routine file
    #[arg(long, requires = "save")]
    pub force: bool,
    #[command(flatten)]
    pub level: LevelArgs,
    #[command(flatten)]
    pub library: LibraryArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RemindCommand {
    /// Have the system's scheduler run `psoas remind now` every 5 minutes
    Install(RemindInstallArgs),
    /// Remove what `install` set up
    Uninstall(SchedulerArgs),
    /// Say what is installed, when it next checks, and where idle time comes from
    Status(SchedulerArgs),
    /// Nudge now, if the set days and hours and the time at the desk say so
    Now(ScheduleArgs),
    /// No nudge for a while, like 30m or 1h
    Snooze(RemindSnoozeArgs),
    /// No nudge until a time today: `pause until 14:00`
    Pause(RemindPauseArgs),
}

#[derive(Debug, Args)]
pub(crate) struct RemindSnoozeArgs {
    /// How long, like 10m, 30m or 1h30m
    #[arg(value_name = "INTERVAL", value_parser = parse_interval)]
    pub duration: Interval,
}

#[derive(Debug, Args)]
pub(crate) struct RemindPauseArgs {
    /// The word `until`
    #[arg(value_name = "until", value_parser = ["until"])]
    pub until_word: String,
    /// The time of day, HH:MM
    #[arg(value_name = "HH:MM", value_parser = parse_time_of_day)]
    pub until: TimeOfDay,
}

/// When nudges may come; each flag beats the config's `remind` table.
#[derive(Debug, Args)]
pub(crate) struct ScheduleArgs {
    /// Time between nudges, like 60m, 90m or 1h30m (default: 60m)
    #[arg(long, value_name = "INTERVAL", value_parser = parse_interval)]
    pub every: Option<Interval>,
    /// Earliest time of day, HH:MM (default: 09:00)
    #[arg(long, value_name = "HH:MM", value_parser = parse_time_of_day)]
    pub from: Option<TimeOfDay>,
    /// Latest time of day, HH:MM (default: 17:30)
    #[arg(long, value_name = "HH:MM", value_parser = parse_time_of_day)]
    pub to: Option<TimeOfDay>,
    /// Days of the week, like mon-fri, mon,wed,fri or every-day (default: mon-fri)
    #[arg(long, value_name = "DAYS", value_parser = parse_days)]
    pub days: Option<Days>,
}

#[derive(Debug, Args)]
pub(crate) struct SchedulerArgs {
    /// The scheduler to use (default: launchd on macOS, systemd where systemctl is found, else cron)
    #[arg(long, value_name = "NAME", value_parser = parse_scheduler)]
    pub scheduler: Option<Scheduler>,
}

#[derive(Debug, Args)]
pub(crate) struct RemindInstallArgs {
    #[command(flatten)]
    pub schedule: ScheduleArgs,
    #[command(flatten)]
    pub scheduler: SchedulerArgs,
    /// Print every file it would write, each after a line `# file: NAME`, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConfigCommand {
    /// Print the path of the config file
    Path,
    /// Print each setting, its value and where it came from
    Show,
    /// Write a commented config file (never overwrites one)
    Init,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// A value parser for one of the named values (positions, kinds, equipment,
/// conditions, formats, colour): the names come from the type itself, so
/// `--help`, the error for a bad value and the completions list them all.
macro_rules! name_parser {
    ($fn:ident, $ty:ty) => {
        fn $fn() -> impl clap::builder::TypedValueParser<Value = $ty> {
            use clap::builder::TypedValueParser as _;
            clap::builder::PossibleValuesParser::new(<$ty>::ALL.iter().map(|v| v.name())).map(
                |name| {
                    // Only the names listed above get here.
                    let found = <$ty>::ALL.iter().find(|v| v.name() == name);
                    *found.unwrap_or(&<$ty>::ALL[0])
                },
            )
        }
    };
}
name_parser!(parse_position, Position);
name_parser!(parse_kind, Kind);
name_parser!(parse_equipment, Equipment);
name_parser!(parse_condition, Condition);
name_parser!(parse_list_format, ListFormat);
name_parser!(parse_sheet_format, SheetFormat);
name_parser!(parse_show_format, ShowFormat);
name_parser!(parse_side, Side);
name_parser!(parse_color_when, ColorWhen);

/// A value parser for a value with a form of its own (a level, an interval, a
/// time of day, days of the week, a scheduler): its `FromStr` says what is valid.
macro_rules! text_parser {
    ($fn:ident, $ty:ty) => {
        fn $fn(s: &str) -> Result<$ty, String> {
            s.parse::<$ty>()
        }
    };
}
text_parser!(parse_level, Level);
text_parser!(parse_guidance, Guidance);
text_parser!(parse_interval, Interval);
text_parser!(parse_time_of_day, TimeOfDay);
text_parser!(parse_days, Days);
text_parser!(parse_scheduler, Scheduler);

/// The one range of `--minutes`, for `run` and `plan` alike.
fn minutes() -> impl clap::builder::TypedValueParser<Value = u32> {
    clap::value_parser!(u32).range(1..=180)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| "expected a date as YYYY-MM-DD, like 2027-01-05".to_string())
}

fn parse_voice_pace(s: &str) -> Result<Pace, String> {
    s.parse::<u32>()
        .ok()
        .and_then(Pace::new)
        .ok_or_else(|| format!("a whole number from {} to {}", Pace::SLOWEST, Pace::FASTEST))
}

fn parse_speed(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(f) if f.is_finite() && (0.1..=1000.0).contains(&f) => Ok(f),
        _ => Err("a number from 0.1 to 1000".into()),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
