//! Tests of the library commands: list, show, routines, print, check.
