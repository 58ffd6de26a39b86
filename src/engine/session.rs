//! The state of a routine being run.
