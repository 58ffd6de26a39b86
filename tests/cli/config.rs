//! Tests of `psoas config`.
