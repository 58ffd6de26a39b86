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
    clap_complete::generate(args.shell, &mut command, name, out);
    Ok(ExitCode::SUCCESS)
}
