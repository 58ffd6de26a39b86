//! `psoas config path|show|init`: where the config file is, every setting in
//! effect with where it came from, and a commented file to start from.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::app::Context;
use crate::config::{Config, Key, template};
use crate::diagnostic::sanitize;
use crate::files::{Existing, write_whole};
use crate::format::table;
use crate::voice::{FALLBACK_PROGRAMS, SpeechProgram};

/// What `psoas config` is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigTask {
    /// Print the config file's path.
    Path,
    /// Print every setting in effect and where it came from.
    Show,
    /// Write a commented config file, never over one.
    Init,
}

pub fn execute(context: &Context, task: ConfigTask, out: &mut impl Write) -> Result<ExitCode> {
    match task {
        ConfigTask::Path => writeln!(out, "{}", context.dirs.config_file.display())?,
        ConfigTask::Show => show(context, out)?,
        ConfigTask::Init => init(context, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn show(context: &Context, out: &mut impl Write) -> Result<()> {
    let config = context.config()?;
    let path = &context.dirs.config_file;
    let found = if config.origins.file.is_some() {
        ""
    } else {
        " (not there: every value is a default)"
    };
    writeln!(
        out,
        "config file: {}{found}",
        sanitize(&path.display().to_string())
    )?;
    let rows: Vec<[String; 3]> = Key::ALL
        .iter()
        .map(|&key| {
            let (value, origin) = effective(config, key);
            [key.to_string(), value, origin]
        })
        .collect();
    write!(out, "{}", table(&rows, ""))?;
    Ok(())
}

/// A key's value in effect, as TOML, and where it came from.
fn effective(config: &Config, key: Key) -> (String, String) {
    let origin = config.origins.describe(key);
    let value = match key {
        Key::DefaultRoutine => quote(config.default_routine()),
        Key::Prep => config.prep().to_string(),
        Key::Transition => config.transition().to_string(),
        Key::Breathing => {
            let b = config.breathing();
            format!("{{ inhale = {}, exhale = {} }}", b.inhale, b.exhale)
        }
        Key::Bell => config.bell().to_string(),
        Key::Voice => config.voice().to_string(),
        Key::VoiceCommand => return voice_command(config, origin),
        Key::WeeklyGoal => config.weekly_goal().to_string(),
        Key::CheckIn => config.check_in().to_string(),
        Key::BriskWarmUp => config.brisk_warm_up().to_string(),
        Key::Conditions => array(config.conditions.iter().map(|c| c.name())),
        Key::Level => config.level().to_string(),
        Key::Remind => {
            let r = config.remind();
            format!(
                "{{ every = {}, from = {}, to = {}, days = {} }}",
                quote(&r.every.to_string()),
                quote(&r.from.to_string()),
                quote(&r.to.to_string()),
                quote(&r.days.to_string())
            )
        }
        Key::NotifyCommand => match &config.notify_command {
            Some(command) => array(command.iter().map(String::as_str)),
            None => "none: desktop notifications".to_string(),
        },
    };
    (value, origin)
}

/// The program cues would be spoken with: the configured one, else the
/// fallback that would be found on `PATH` now.
fn voice_command(config: &Config, origin: String) -> (String, String) {
    if let Some(command) = &config.voice_command {
        return (array(command.iter().map(String::as_str)), origin);
    }
    let path_var = std::env::var_os("PATH");
    match SpeechProgram::find(None, path_var.as_deref()) {
        Ok(program) => {
            let path = program.path.display().to_string();
            let words =
                std::iter::once(path.as_str()).chain(program.args.iter().map(String::as_str));
            (array(words), "default: first found on PATH".into())
        }
        Err(_) => {
            let names: Vec<&str> = FALLBACK_PROGRAMS.iter().map(|(p, _)| *p).collect();
            (
                format!("none found ({})", names.join(", ")),
                "default".into(),
            )
        }
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn array<'a>(items: impl Iterator<Item = &'a str>) -> String {
    format!("[{}]", items.map(quote).collect::<Vec<_>>().join(", "))
}

fn init(context: &Context, out: &mut impl Write) -> Result<()> {
    let path = &context.dirs.config_file;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    // Linked into place only if nothing is there, even if a file appears
    // meanwhile; a reader never sees it half written.
    match write_whole(path, template().as_bytes(), Existing::Keep) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => bail!(
            "{} already exists, so it was left as it is; edit it, or move it away and run `psoas config init` again",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
    writeln!(out, "wrote {}", sanitize(&path.display().to_string()))?;
    writeln!(
        out,
        "every key is commented out at its default; remove the `#` to set one"
    )?;
    Ok(())
}
