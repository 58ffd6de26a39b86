//! `psoas man`: the whole manual in one page, in roff. The commands and
//! options come from the same definition as the parser and help; the keys of
//! `run` from the table the screen's help shows; the numbers of the exit
//! statuses from where they are decided; the files of the state folder by the
//! names their writers use. The environment is listed here. The manual under
//! `docs/` points here rather than copy these tables, and a test holds the
//! tables it does show to the code's. It names no other page, as there is none.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use super::{Cli, completions};
use crate::runner::{Ending, keys};
use crate::{commands, exit, history, remind, safety};

pub fn execute(out: &mut impl Write) -> Result<ExitCode> {
    out.write_all(&page()?)?;
    Ok(ExitCode::SUCCESS)
}

/// The page, rendered into memory.
pub fn page() -> io::Result<Vec<u8>> {
    let mut cli = Cli::command();
    cli.build();
    let man = clap_mangen::Man::new(cli.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    page.extend_from_slice(b".SH COMMANDS\n");
    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        render_command(command, &mut page)?;
    }
    page.extend_from_slice(b".SH \"KEYS OF RUN\"\n");
    page.extend_from_slice(b"While a routine runs on the screen:\n");
    for (key, what) in keys::HELP {
        writeln!(page, ".TP\n\\fB{}\\fR\n{}", escape(key), escape(what))?;
    }
    let listed = |entries: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
        entries
            .iter()
            .map(|&(term, text)| (term.to_string(), text))
            .collect()
    };
    for (title, entries) in [
        ("FILES", files()),
        ("ENVIRONMENT", listed(ENVIRONMENT)),
        ("EXIT STATUS", exit_status()),
    ] {
        writeln!(page, ".SH \"{title}\"")?;
        for (term, text) in entries {
            writeln!(page, ".TP\n\\fB{}\\fR\n{}", escape(&term), escape(text))?;
        }
    }
    man.render_extra_section(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// One command: its synopsis, what it does, and its options (for `config`,
/// its own commands).
fn render_command(command: &clap::Command, page: &mut Vec<u8>) -> io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    writeln!(page, ".SS \"psoas {}\"", command.get_name())?;
    let mut synopsis = Vec::new();
    man.render_synopsis_section(&mut synopsis)?;
    page.extend_from_slice(without_heading(&synopsis));
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        writeln!(page, ".PP\n{}", escape(&about.to_string()))?;
    }
    let mut options = Vec::new();
    man.render_options_section(&mut options)?;
    page.extend_from_slice(without_heading(&options));
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            page,
            ".TP\n\\fBpsoas {} {}\\fR\n{}",
            command.get_name(),
            sub.get_name(),
            escape(&about)
        )?;
    }
    Ok(())
}

/// A rendered section without its `.SH` line, to sit under a `.SS` (each
/// rendering also opens with the page's two-line quote definition, which the
/// page already has).
fn without_heading(section: &[u8]) -> &[u8] {
    let mut rest = section;
    while let Some(end) = rest.iter().position(|&b| b == b'\n') {
        let line = &rest[..end];
        let is_preamble = line.starts_with(b".ie ") || line.starts_with(b".el ");
        if !is_preamble && !line.starts_with(b".SH ") {
            break;
        }
        rest = &rest[end + 1..];
        if line.starts_with(b".SH ") {
            break;
        }
    }
    rest
}

/// Text as roff reads it literally: backslashes and dashes escaped, and a
/// line never starting with a control character.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The files psoas reads and writes; those in the state folder are named by
/// the constants the code that writes them uses.
fn files() -> Vec<(String, &'static str)> {
    let state = |name: &str| format!("$XDG_STATE_HOME/psoas/{name}");
    vec![
        (
            "$XDG_CONFIG_HOME/psoas/config.toml".to_string(),
            "The config file (~/.config/psoas/config.toml when XDG_CONFIG_HOME is not set); \
             `psoas config init` writes a commented one.",
        ),
        (
            "$XDG_CONFIG_HOME/psoas/routines/".to_string(),
            "Your routines, one TOML file each; they take the place of built-in routines with the same id.",
        ),
        (
            "$XDG_CONFIG_HOME/psoas/routines/exercises/".to_string(),
            "Your exercises, in files of [[exercise]] tables.",
        ),
        (
            state(history::FILE_NAME),
            "The session history, one JSON record a line (~/.local/state/psoas when XDG_STATE_HOME is not set).",
        ),
        (
            state(safety::NOTICE_MARKER),
            "There once the safety notice has been shown; delete it to see the notice again.",
        ),
        (
            state(remind::LAST_NUDGE_FILE),
            "When `psoas remind now` last nudged, so it nudges at most once an interval.",
        ),
        (
            state(remind::NO_NOTIFIER_FILE),
            "There once psoas has said that no notification could be shown, so it says it once.",
        ),
        (
            state(remind::sitting::STATE_FILE),
            "The time at the desk counted so far, kept between checks.",
        ),
        (
            state(commands::remind::PAUSED_FILE),
            "Until when `psoas remind snooze` or `pause` keeps nudges back.",
        ),
    ]
}

const ENVIRONMENT: &[(&str, &str)] = &[
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
        completions::VAR,
        "Set to a shell's name, psoas prints that shell's completion script or answers its completion requests.",
    ),
];

/// The exit statuses, their numbers taken from where they are decided.
fn exit_status() -> Vec<(String, &'static str)> {
    let signal = |ending: Ending| ending.exit_code().to_string();
    vec![
        (
            signal(Ending::Finished),
            "Success: the routine finished or was quit with q; also when whoever read the output \
             stopped reading (a closed pipe), with nothing on standard error.",
        ),
        (
            exit::FAILURE.to_string(),
            "Bad input or a failure: a bad file or config, an unknown id, a failed check, a plan \
             that cannot be filled, a session that could not be recorded, output that cannot be \
             written (a full disk).",
        ),
        (
            exit::USAGE.to_string(),
            "The command line was not understood.",
        ),
        (
            signal(Ending::HangUp),
            "SIGHUP, or the terminal went away; a session is recorded if it got past its first hold.",
        ),
        (
            signal(Ending::Interrupted),
            "Interrupted with Ctrl-C (SIGINT).",
        ),
        (signal(Ending::Terminated), "Ended by SIGTERM."),
        (
            "128 + N".to_string(),
            "Ended by another signal N (131 for SIGQUIT); the terminal is handed back first.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_is_literal() {
        assert_eq!(escape("--minutes"), "\\-\\-minutes");
        assert_eq!(escape(".hidden"), "\\&.hidden");
        assert_eq!(escape("a\\b"), "a\\eb");
    }

    #[test]
    fn the_page_is_whole_and_names_no_other_page() {
        let page = String::from_utf8(page().unwrap()).unwrap();
        for section in [
            ".SH COMMANDS",
            ".SS \"psoas run\"",
            ".SS \"psoas config\"",
            ".SH \"KEYS OF RUN\"",
            ".SH \"FILES\"",
            ".SH \"ENVIRONMENT\"",
            ".SH \"EXIT STATUS\"",
            "\\fBPSOAS_CONFIG\\fR",
            "\\fBPSOAS_STATE_DIR\\fR",
            "\\fBXDG_STATE_HOME\\fR",
            "\\fBNO_COLOR\\fR",
            "\\fBpsoas config init\\fR",
        ] {
            assert!(page.contains(section), "{section}");
        }
        let run = &page[page.find(".SS \"psoas run\"").unwrap()..];
        assert!(run.contains("\\-\\-minutes"), "run's options are there");
        assert!(!page.contains("(1)"), "no other page is named");
    }
}
