//! Session history.
