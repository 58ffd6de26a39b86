//! What `psoas config show` prints: the config file's path, then every key
//! with its value in effect, written as TOML, and where it came from.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::config::{Config, Key};
use crate::diagnostic::sanitize;
use crate::format::table;
use crate::remind::terminal::{Origin, Terminal};
use crate::voice::{FALLBACK_PROGRAMS, SpeechProgram};

/// Writes the config file's path, then each key with its value in effect and
/// where it came from. `fallback_voice` is the program cues would be spoken
/// with when the config names none, if one is found, and `chosen_terminal`
/// the terminal a break from a nudge would start in.
pub(crate) fn write(
    config: &Config,
    path: &Path,
    fallback_voice: Option<&SpeechProgram>,
    chosen_terminal: Option<&Terminal>,
    out: &mut impl Write,
) -> Result<()> {
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
            let (value, origin) = effective(config, key, fallback_voice, chosen_terminal);
            [key.to_string(), value, origin]
        })
        .collect();
    write!(out, "{}", table(&rows, ""))?;
    Ok(())
}

/// A key's value in effect, as TOML, and where it came from.
fn effective(
    config: &Config,
    key: Key,
    fallback_voice: Option<&SpeechProgram>,
    chosen_terminal: Option<&Terminal>,
) -> (String, String) {
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
        Key::VoiceCommand => return voice_command(config, fallback_voice, origin),
        Key::VoicePace => config.voice_pace().words_per_minute().to_string(),
        Key::WeeklyGoal => config.weekly_goal().to_string(),
        Key::MinHeldMinutes => config.min_held_minutes().to_string(),
        Key::CheckIn => config.check_in().to_string(),
        Key::BriskWarmUp => config.brisk_warm_up().to_string(),
        Key::Pictures => config.pictures().to_string(),
        Key::Conditions => array(config.conditions.iter().map(|c| c.name())),
        Key::Level => config.level().to_string(),
        Key::Guidance => quote(config.guidance().name()),
        Key::FamiliarAfter => config.familiar_after().to_string(),
        Key::TighterSide => match config.tighter_side {
            Some(side) => quote(side.name()),
            None => "the latest side check".to_string(),
        },
        Key::Remind => {
            let r = config.remind();
            format!(
                "{{ every = {}, from = {}, to = {}, days = {}, sit = {}, wait = {}, routines = {}, skips_a_day = {} }}",
                quote(&r.every.to_string()),
                quote(&r.from.to_string()),
                quote(&r.to.to_string()),
                quote(&r.days.to_string()),
                quote(&config.remind_sit().to_string()),
                quote(&config.remind_wait().to_string()),
                array(config.remind_routines().into_iter()),
                config.skips_a_day()
            )
        }
        Key::NotifyCommand => match &config.notify_command {
            Some(command) => array(command.iter().map(String::as_str)),
            None => "none: desktop notifications".to_string(),
        },
        Key::Terminal => return terminal(chosen_terminal, origin),
    };
    (value, origin)
}

/// The program cues would be spoken with: the configured one, else the
/// fallback found on `PATH`.
fn voice_command(
    config: &Config,
    fallback: Option<&SpeechProgram>,
    origin: String,
) -> (String, String) {
    if let Some(command) = &config.voice_command {
        return (array(command.iter().map(String::as_str)), origin);
    }
    if let Some(program) = fallback {
        let path = program.path.display().to_string();
        let words = std::iter::once(path.as_str()).chain(program.args.iter().map(String::as_str));
        (array(words), "default: first found on PATH".into())
    } else {
        let names: Vec<&str> = FALLBACK_PROGRAMS.iter().map(|(p, _)| *p).collect();
        (
            format!("none found ({})", names.join(", ")),
            "default".into(),
        )
    }
}

/// The terminal a break started from a nudge runs in: the configured one,
/// else `$TERMINAL`, else the first found on `PATH`.
fn terminal(chosen: Option<&Terminal>, origin: String) -> (String, String) {
    match chosen {
        Some(t) => {
            let words = array(t.words.iter().map(String::as_str));
            let origin = match t.origin {
                Origin::Config => origin,
                Origin::Environment => "default: $TERMINAL".into(),
                Origin::Found => "default: first found on PATH".into(),
            };
            (words, origin)
        }
        None => (
            "none found ($TERMINAL unset, no usual terminal on PATH)".to_string(),
            "default".into(),
        ),
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn array<'a>(items: impl Iterator<Item = &'a str>) -> String {
    format!("[{}]", items.map(quote).collect::<Vec<_>>().join(", "))
}
