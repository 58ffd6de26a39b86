//! Which idle source answered the last check, and since which check it has
//! been that one, kept in the state folder for `remind status`. A shell
//! over ssh, or a cron job, may reach another desktop (or none) than the
//! check the scheduler runs in the person's session, so what the shell
//! finds is not what the checks use. The file is written only when the
//! source changes, so a check costs no more for it. Pure: one line of text
//! each way.

use chrono::{DateTime, FixedOffset};

use super::idle::Source;

/// The file in the state folder that holds it.
pub(crate) const FILE: &str = "remind-last-check";

/// The source of the checks inside the set days and hours, where the
/// desktop was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LastCheck {
    /// The first check that had this source, of those since it changed.
    pub at: DateTime<FixedOffset>,
    /// The source that answered; none when none did (clock times).
    pub source: Option<Source>,
}

impl LastCheck {
    /// As kept: `2026-11-25T10:50:00+01:00 mutter`, or `... none`.
    pub(crate) fn to_text(self) -> String {
        let source = self.source.map_or("none", Source::key);
        format!("{} {source}\n", self.at.to_rfc3339())
    }

    /// The line read back; none from one that is not one.
    pub(crate) fn from_text(text: &str) -> Option<LastCheck> {
        let (at, source) = text.trim().split_once(' ')?;
        let source = match source {
            "none" => None,
            key => Some(Source::from_key(key)?),
        };
        Some(LastCheck {
            at: DateTime::parse_from_rfc3339(at).ok()?,
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_check_reads_back_as_written() {
        let at = DateTime::parse_from_rfc3339("2026-11-25T10:50:00+01:00").unwrap();
        for source in [
            None,
            Some(Source::Mutter),
            Some(Source::ScreenSaver),
            Some(Source::X11),
            Some(Source::Logind),
            Some(Source::MacOs),
        ] {
            let check = LastCheck { at, source };
            assert_eq!(LastCheck::from_text(&check.to_text()), Some(check));
        }
        let keys: Vec<&str> = [
            Source::Mutter,
            Source::ScreenSaver,
            Source::X11,
            Source::Logind,
            Source::MacOs,
        ]
        .map(Source::key)
        .to_vec();
        assert_eq!(keys, ["mutter", "screensaver", "x11", "logind", "macos"]);
        assert_eq!(
            LastCheck {
                at,
                source: Some(Source::Logind)
            }
            .to_text(),
            "2026-11-25T10:50:00+01:00 logind\n"
        );
        for bad in [
            "",
            "2026-11-25T10:50:00+01:00",
            "x mutter",
            "2026-11-25T10:50:00+01:00 kde",
        ] {
            assert_eq!(LastCheck::from_text(bad), None, "{bad:?}");
        }
    }
}
