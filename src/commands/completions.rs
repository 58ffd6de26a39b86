//! `psoas completions SHELL`: a completion script for bash, zsh, fish, elvish
//! or PowerShell, generated from the same definition as the parser and help.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn execute(args: CompletionsArgs, out: &mut impl Write) -> Result<ExitCode> {
    let mut command = Cli::command();
    let name = command.get_name().to_string();
    // clap_complete panics when its writer fails; it writes to memory, and a
    // closed or full output is then an error like any other.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
