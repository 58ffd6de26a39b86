//! Every printer: what a command writes, from the values it has gathered.
//! The routine sheet (`print`, `plan`) and what to have at hand, the
//! exercise listing (`list`), one exercise (`show`), the routines
//! (`routines`), the settings (`config show`) and the history report, chart
//! and JSON (`history`), what `run` prints around the screen and the
//! transcript (the first run's notice, the summary and the lines under it),
//! and what `check` reports. The output formats `--format` chooses are here
//! too.

pub(crate) mod check;
pub(crate) mod config_show;
pub(crate) mod format;
pub(crate) mod history;
pub(crate) mod list;
pub(crate) mod routines;
pub(crate) mod run;
pub(crate) mod sheet;
pub(crate) mod sheet_html;
mod sheet_steps;
pub(crate) mod show;

pub(crate) use format::{ListFormat, SheetFormat, ShowFormat};
