//! Every printer: what a command writes, from the values it has gathered.
//! The routine sheet (`print`, `plan`) and what to have at hand, the
//! exercise listing (`list`), one exercise (`show`), the routines
//! (`routines`), the settings (`config show`) and the history report, chart
//! and JSON (`history`), what `run` prints around the screen and the
//! transcript (the first run's notice, the summary and the lines under it),
//! and what `check` reports. The output formats `--format` chooses are here
//! too.

pub mod check;
pub mod config_show;
pub mod format;
pub mod history;
pub mod list;
pub mod routines;
pub mod run;
pub mod sheet;
pub mod sheet_html;
mod sheet_steps;
pub mod show;

pub use format::{ListFormat, SheetFormat, ShowFormat};
