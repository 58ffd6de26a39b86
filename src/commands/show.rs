//! `psoas show ID`: finds one exercise, which
//! [`render::show`](crate::render::show) prints in full, with its figure
//! when the text goes to a terminal, or writes its figure as SVG.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::context::Context;
use crate::format::did_you_mean;
use crate::library::Side;
use crate::render::{ShowFormat, show};
use crate::words::show as words;

/// Which exercise `psoas show` shows, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShowOptions {
    /// The exercise's id.
    pub id: String,
    /// Text, JSON or the figure as SVG.
    pub format: ShowFormat,
    /// The side the figure is drawn for.
    pub side: Side,
    /// The phase (from 1) whose figure `--format svg` writes, if not the
    /// exercise's own.
    pub phase: Option<usize>,
    /// Whether a terminal is shown the figure (not with `--no-pictures`;
    /// the config's `pictures = false` turns it off too).
    pub pictures: bool,
}

/// The room a figure takes in `show`'s text: at most this many columns and
/// rows, and never wider than the terminal.
const FIGURE_COLUMNS: usize = 40;
const FIGURE_ROWS: usize = 12;

pub(crate) fn execute(
    context: &Context,
    args: &ShowOptions,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let library = context.library(Vec::new())?;
    let Some(exercise) = library.exercise(&args.id) else {
        let hint = did_you_mean(&library.closest_exercise_ids(&args.id));
        bail!(words::no_such_exercise(&args.id, hint.as_deref()));
    };
    if let Some(n) = args.phase {
        let phases = exercise.phases.len();
        if args.format != ShowFormat::Svg {
            bail!(words::PHASE_NEEDS_SVG);
        }
        if phases == 0 {
            bail!(words::no_phases(&exercise.id));
        }
        if n > phases {
            bail!(words::phase_out_of_range(
                &exercise.id,
                &crate::format::count(phases, "phase"),
                phases
            ));
        }
    }
    if args.format == ShowFormat::Svg {
        let figure = match args.phase {
            Some(n) => exercise.figure_for_phase(n - 1),
            None => exercise.figure.as_ref(),
        };
        let Some(figure) = figure else {
            bail!(words::no_figure(&exercise.id));
        };
        write!(
            out,
            "{}",
            show::svg(exercise, figure, args.phase, args.side)
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    // A figure is drawn only for a person at a terminal: a pipe or a file
    // gets the words alone, as before.
    // The config is read only when a figure would be drawn, so that `show`
    // into a pipe works whatever state the config is in.
    let drawn = args.pictures
        && args.format == ShowFormat::Text
        && exercise.figure.is_some()
        && std::io::stdout().is_terminal();
    let room = if drawn && context.config()?.pictures() {
        let columns = crossterm::terminal::size().map_or(80, |(c, _)| usize::from(c));
        Some(show::Room {
            side: args.side,
            columns: FIGURE_COLUMNS.min(columns.saturating_sub(4)),
            rows: FIGURE_ROWS,
        })
    } else {
        None
    };
    show::write(exercise, args.format, room, out)?;
    Ok(ExitCode::SUCCESS)
}
