//! `psoas completions SHELL`: the script that hooks psoas into the shell's
//! completion. The script asks `psoas` itself each time (`clap_complete`'s
//! dynamic completion, `COMPLETE=SHELL psoas -- WORDS`), so it offers the
//! flags and their values from the same definition as the parser, and the
//! ids of the routines and exercises in the library as it is now.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use clap_complete::Shell;
use clap_complete::env::Shells;

/// The variable that asks `psoas` for completions (`clap_complete`'s default).
pub(crate) const VAR: &str = "COMPLETE";

pub(crate) fn execute(shell: Shell, out: &mut impl Write) -> Result<ExitCode> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let shell = shells
        .completer(&name)
        .ok_or_else(|| anyhow!("no completion for {name}"))?;
    // Written to memory first: a closed or full output is then an error
    // like any other.
    let mut script = Vec::new();
    // The script runs `psoas` from PATH, wherever it is installed.
    shell.write_registration(VAR, "psoas", "psoas", "psoas", &mut script)?;
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
