//! `psoas config path|show|init`: where the config file is, every setting in
//! effect with where it came from, and a commented file to start from.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::config::template;
use crate::context::Context;
use crate::files::{Existing, write_whole};
use crate::remind::terminal;
use crate::render::config_show;
use crate::voice::SpeechProgram;
use crate::words::config as words;

/// What `psoas config` is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConfigTask {
    /// Print the config file's path.
    Path,
    /// Print every setting in effect and where it came from.
    Show,
    /// Write a commented config file, never over one.
    Init,
}

pub(crate) fn execute(
    context: &Context,
    task: ConfigTask,
    out: &mut impl Write,
) -> Result<ExitCode> {
    match task {
        ConfigTask::Path => writeln!(out, "{}", context.dirs.config_file.display())?,
        ConfigTask::Show => show(context, out)?,
        ConfigTask::Init => init(context, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints every setting in effect. Where cues would be spoken from when the
/// config names no program is looked up on `PATH` now, as is the terminal
/// a break from a nudge would start in.
fn show(context: &Context, out: &mut impl Write) -> Result<()> {
    let config = context.config()?;
    let fallback_voice = if config.voice_command.is_some() {
        None
    } else {
        let path_var = std::env::var_os("PATH");
        SpeechProgram::find(None, path_var.as_deref()).ok()
    };
    let terminal = terminal::choose(
        config.terminal.as_deref(),
        std::env::var_os("TERMINAL").as_deref(),
        std::env::var_os("PATH").as_deref(),
    );
    config_show::write(
        config,
        &context.dirs.config_file,
        fallback_voice.as_ref(),
        terminal.as_ref(),
        out,
    )
}

fn init(context: &Context, out: &mut impl Write) -> Result<()> {
    let path = &context.dirs.config_file;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| words::cannot_create_folder(dir))?;
    }
    // Linked into place only if nothing is there, even if a file appears
    // meanwhile; a reader never sees it half written.
    match write_whole(path, template().as_bytes(), Existing::Keep) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => bail!(words::already_there(path)),
        Err(e) => return Err(e).with_context(|| words::cannot_create(path)),
    }
    for line in words::wrote(path) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
