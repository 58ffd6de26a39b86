//! The guided timer.
