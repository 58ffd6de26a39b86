//! `psoas plan`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::app::Context;

pub fn execute(_context: &Context, _out: &mut impl Write) -> Result<ExitCode> {
    bail!("`psoas plan` is not available yet")
}
