//! Spoken cues.
