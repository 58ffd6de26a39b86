//! One module per subcommand: each defines the plain options it takes (the
//! command line fills them in `cli::resolve`), asks the config, the library
//! and the engine for what it needs, and hands the result to its printer in
//! `render`. `man` and `completions` print the command line itself and live
//! in `cli`.

pub(crate) mod check;
pub(crate) mod config;
pub(crate) mod history;
pub(crate) mod list;
pub(crate) mod plan;
pub(crate) mod print;
pub(crate) mod remind;
pub(crate) mod routines;
pub(crate) mod run;
pub(crate) mod show;
