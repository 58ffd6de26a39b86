//! `psoas man`: the whole manual in one page, in roff. The commands and
//! options come from the same definition as the parser and help; the keys of
//! `run` from the table the screen's help shows; the numbers of the exit
//! statuses from where they are decided; files and environment are written
//! here. It names no other page, as there is none.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use super::Cli;
use crate::exit;
use crate::runner::{Ending, keys};

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
        ("FILES", listed(FILES)),
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

const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/psoas/config.toml",
        "The config file (~/.config/psoas/config.toml when XDG_CONFIG_HOME is not set); \
         `psoas config init` writes a commented one.",
    ),
    (
        "$XDG_CONFIG_HOME/psoas/routines/",
        "Your routines, one TOML file each; they take the place of built-in routines with the same id.",
    ),
    (
        "$XDG_CONFIG_HOME/psoas/routines/exercises/",
        "Your exercises, in files of [[exercise]] tables.",
    ),
    (
        "$XDG_STATE_HOME/psoas/history.jsonl",
        "The session history, one JSON record a line (~/.local/state/psoas when XDG_STATE_HOME is not set).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PSOAS_CONFIG",
        "The config file to use instead of the usual one; it must exist.",
    ),
    (
        "PSOAS_STATE_DIR",
        "The folder of the history instead of $XDG_STATE_HOME/psoas.",
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
];

/// The exit statuses, their numbers taken from where they are decided.
fn exit_status() -> Vec<(String, &'static str)> {
    let signal = |ending: Ending| ending.exit_code().to_string();
    vec![
        (
            signal(Ending::Finished),
            "Success; also when whoever read the output stopped reading.",
        ),
        (
            exit::FAILURE.to_string(),
            "A problem with a file, an id, the history or the output (such as a full disk); a failed check.",
        ),
        (
            exit::USAGE.to_string(),
            "The command line was not understood.",
        ),
        (
            signal(Ending::HangUp),
            "The terminal went away (SIGHUP) during a run; the session is recorded if it got past its first hold.",
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
