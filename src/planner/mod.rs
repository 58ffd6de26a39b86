//! The routine planner.
