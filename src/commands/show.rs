//! `psoas show ID`: finds one exercise, which
//! [`render::show`](crate::render::show) prints in full.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::app::Context;
use crate::format::did_you_mean;
use crate::render::{ListFormat, show};

/// Which exercise `psoas show` shows, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShowOptions {
    /// The exercise's id.
    pub id: String,
    /// Text or JSON.
    pub format: ListFormat,
}

pub fn execute(context: &Context, args: ShowOptions, out: &mut impl Write) -> Result<ExitCode> {
    let library = context.library(Vec::new())?;
    let Some(exercise) = library.exercise(&args.id) else {
        let hint = did_you_mean(&library.closest_exercise_ids(&args.id))
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        bail!(
            "no exercise has the id `{}`{hint} (`psoas list` shows them)",
            args.id
        );
    };
    show::write(exercise, args.format, out)?;
    Ok(ExitCode::SUCCESS)
}
