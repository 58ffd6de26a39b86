//! Reading the TOML files a person writes, for the library and the config
//! alike: reading a file safely ([`read`]), parsing it and reporting every
//! syntax error ([`document`](mod@document)), turning each entry or key
//! into typed values while naming the key of every value that does not fit
//! ([`entry`]), the value types that say in plain words what they expect
//! ([`value`]), and the checks on ranges and one-line text that both kinds
//! of file share ([`checks`]).
//! Every problem becomes a [`Diagnostic`](crate::diagnostic::Diagnostic),
//! which is shown with the line of the file and a caret.

mod checks;
mod document;
mod entry;
mod read;
mod value;

pub(crate) use checks::{out_of_range, range_help, text_problem};
pub(crate) use document::document;
pub(crate) use entry::{Entry, deserialize_entry, deserialize_value, tables_in};
pub(crate) use read::{ReadError, read_text};
pub(crate) use value::{Flag, List, Text, WholeNumber};
