//! Tests of `psoas plan`.
