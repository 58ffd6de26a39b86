//! One module per subcommand: each turns its arguments into settings, asks the
//! library and the engine for what it needs, and writes the result.

pub mod check;
pub mod completions;
pub mod config;
pub mod history;
pub mod list;
pub mod man;
pub mod plan;
pub mod print;
pub mod remind;
pub mod routines;
pub mod run;
pub mod show;
