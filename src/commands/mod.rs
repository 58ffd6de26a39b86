//! One module per subcommand: each defines the plain options it takes (the
//! command line fills them in `cli::resolve`), asks the config, the library
//! and the engine for what it needs, and hands the result to its printer in
//! `render`. `man` and `completions` print the command line itself and live
//! in `cli`.

pub mod check;
pub mod config;
pub mod history;
pub mod list;
pub mod plan;
pub mod print;
pub mod remind;
pub mod routines;
pub mod run;
pub mod show;
