//! Tests of `psoas history`.
