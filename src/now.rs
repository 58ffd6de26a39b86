//! The current wall-clock time with the local offset, or `PSOAS_NOW` (an RFC
//! 3339 time with an offset), which exists so that tests and benchmarks of
//! `history`, the end-of-session week line and `remind` can fix "now".

use anyhow::{Context as _, Result};
use chrono::{DateTime, FixedOffset, Local};

pub(crate) fn now() -> Result<DateTime<FixedOffset>> {
    match std::env::var("PSOAS_NOW") {
        Ok(text) if !text.is_empty() => DateTime::parse_from_rfc3339(&text).with_context(|| {
            format!(
                "PSOAS_NOW is {text:?}, not an RFC 3339 time with an offset such as \
                 2026-11-25T12:00:00+01:00"
            )
        }),
        _ => Ok(Local::now().fixed_offset()),
    }
}
