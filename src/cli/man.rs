//! `psoas man`: the whole manual in one page, in roff. The commands and
//! options come from the same definition as the parser and help; the keys of
//! `run` from the table the screen's help shows; the numbers of the exit
//! statuses from where they are decided; the files of the state folder by the
//! names their writers use; the words from `words/man.rs`. The manual under
//! `docs/` points here rather than copy these tables, and a test holds the
//! tables it does show to the code's. It names no other page, as there is none.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use super::{Cli, completions};
use crate::runner::{Ending, keys};
use crate::words::man;
use crate::{commands, exit, history, remind, safety};

pub(crate) fn execute(out: &mut impl Write) -> Result<ExitCode> {
    out.write_all(&page()?)?;
    Ok(ExitCode::SUCCESS)
}

/// The page, rendered into memory.
pub(crate) fn page() -> io::Result<Vec<u8>> {
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
        render_command(command, &format!("psoas {}", command.get_name()), &mut page)?;
    }
    page.extend_from_slice(b".SH \"KEYS OF RUN\"\n");
    writeln!(page, "{}", man::KEYS_OF_RUN)?;
    for (key, what) in keys::HELP {
        writeln!(page, ".TP\n\\fB{}\\fR\n{}", escape(key), escape(what))?;
    }
    for (title, entries) in [
        ("FILES", files()),
        ("ENVIRONMENT", environment()),
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

/// One command, `title` naming it in full: its synopsis, what it does, and
/// its options; then its own commands, listed and each with a section of its
/// own when it takes options (`remind install`), so every flag is here.
fn render_command(command: &clap::Command, title: &str, page: &mut Vec<u8>) -> io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    writeln!(page, ".SS \"{title}\"")?;
    let mut synopsis = Vec::new();
    man.render_synopsis_section(&mut synopsis)?;
    page.extend_from_slice(without_heading(&synopsis));
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        writeln!(page, ".PP\n{}", escape(&about.to_string()))?;
    }
    let mut options = Vec::new();
    man.render_options_section(&mut options)?;
    page.extend_from_slice(without_heading(&options));
    let subs: Vec<&clap::Command> = command
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .collect();
    for sub in &subs {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(
            page,
            ".TP\n\\fB{title} {}\\fR\n{}",
            sub.get_name(),
            escape(&about)
        )?;
    }
    for sub in subs {
        if sub.get_arguments().any(|a| a.get_id() != "help") {
            render_command(sub, &format!("{title} {}", sub.get_name()), page)?;
        }
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
            man::CONFIG_FILE,
        ),
        (
            "$XDG_CONFIG_HOME/psoas/routines/".to_string(),
            man::ROUTINES,
        ),
        (
            "$XDG_CONFIG_HOME/psoas/routines/exercises/".to_string(),
            man::EXERCISES,
        ),
        (state(history::FILE_NAME), man::HISTORY),
        (state(safety::NOTICE_MARKER), man::NOTICE_MARKER),
        (state(remind::LAST_NUDGE_FILE), man::LAST_NUDGE),
        (state(remind::NO_NOTIFIER_FILE), man::NO_NOTIFIER),
        (state(remind::sitting::STATE_FILE), man::SITTING),
        (state(commands::remind::PAUSED_FILE), man::PAUSED),
        (state(remind::answers::FILE), man::NUDGES),
    ]
}

/// The variables psoas reads.
fn environment() -> Vec<(String, &'static str)> {
    let mut listed: Vec<(String, &'static str)> = man::ENVIRONMENT
        .iter()
        .map(|&(name, text)| (name.to_string(), text))
        .collect();
    listed.push((completions::VAR.to_string(), man::COMPLETE));
    listed
}

/// The exit statuses, their numbers taken from where they are decided.
fn exit_status() -> Vec<(String, &'static str)> {
    let signal = |ending: Ending| ending.exit_code().to_string();
    vec![
        (signal(Ending::Finished), man::SUCCESS),
        (exit::FAILURE.to_string(), man::FAILURE),
        (exit::USAGE.to_string(), man::USAGE),
        (signal(Ending::HangUp), man::HANG_UP),
        (signal(Ending::Interrupted), man::INTERRUPTED),
        (signal(Ending::Terminated), man::TERMINATED),
        ("128 + N".to_string(), man::OTHER_SIGNAL),
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
            ".SS \"psoas remind install\"",
            "\\-\\-dry\\-run",
        ] {
            assert!(page.contains(section), "{section}");
        }
        let run = &page[page.find(".SS \"psoas run\"").unwrap()..];
        assert!(run.contains("\\-\\-minutes"), "run's options are there");
        assert!(!page.contains("(1)"), "no other page is named");
    }
}
