//! The exit statuses psoas gives beyond success, for the commands and the
//! manual to share. A run ended by a signal exits with 128 plus its number
//! (see `Ending::exit_code`).

/// Bad input: a bad file, an unknown id, a failed check.
pub(crate) const FAILURE: u8 = 1;
/// Bad command-line usage (what clap uses).
pub(crate) const USAGE: u8 = 2;
