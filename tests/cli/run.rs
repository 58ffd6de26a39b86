//! Tests of `psoas run`.
