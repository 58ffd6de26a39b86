//! A caution of an exercise and to whom a run says it: everyone told the
//! exercise in full, always (even in brief), or only a person who declared
//! the one condition it concerns.
//!
//! In a file a caution is a plain string, said with full guidance, or an
//! inline table: `{ text = "…", condition = "pregnancy" }` for a caution that
//! concerns one condition, `{ text = "…", always = true }` for one said every
//! time. It is written back (JSON, `show`) the same way.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::condition::Condition;

/// When a run says a caution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Said {
    /// With the exercise's full words, to everyone.
    Full,
    /// Every time the exercise is introduced, brief or full.
    Always,
    /// Only to a person who declared this condition, brief or full: the
    /// caution concerns them alone.
    With(Condition),
}

/// One caution of an exercise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caution {
    pub text: String,
    pub said: Said,
}

impl Caution {
    /// A caution said with the exercise's full words.
    pub fn plain(text: impl Into<String>) -> Caution {
        Caution {
            text: text.into(),
            said: Said::Full,
        }
    }

    /// Whether a run says it to a person with `conditions`, when the
    /// exercise is introduced briefly (`brief`) or in full. A caution for a
    /// condition is said only with that condition, and then always; one
    /// marked always is said always; the rest only in full.
    pub fn is_said(&self, conditions: &[Condition], brief: bool) -> bool {
        match self.said {
            Said::Full => !brief,
            Said::Always => true,
            Said::With(condition) => conditions.contains(&condition),
        }
    }

    /// Whether it is one of the words a brief introduction keeps.
    pub fn is_essential(&self) -> bool {
        self.said != Said::Full
    }
}

impl Serialize for Caution {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.said {
            Said::Full => serializer.serialize_str(&self.text),
            Said::Always => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("text", &self.text)?;
                map.serialize_entry("always", &true)?;
                map.end()
            }
            Said::With(condition) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("text", &self.text)?;
                map.serialize_entry("condition", &condition)?;
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caution(said: Said) -> Caution {
        Caution {
            text: "Go gently.".into(),
            said,
        }
    }

    #[test]
    fn a_caution_is_said_to_whom_it_concerns() {
        let full = caution(Said::Full);
        let always = caution(Said::Always);
        let pregnancy = caution(Said::With(Condition::Pregnancy));
        let declared = [Condition::Pregnancy];
        for brief in [false, true] {
            assert!(always.is_said(&[], brief));
            assert!(!pregnancy.is_said(&[], brief));
            assert!(!pregnancy.is_said(&[Condition::Osteoporosis], brief));
            assert!(pregnancy.is_said(&declared, brief));
        }
        assert!(full.is_said(&[], false));
        assert!(!full.is_said(&declared, true));
    }

    #[test]
    fn a_caution_is_written_as_a_file_spells_it() {
        let json = |c: &Caution| serde_json::to_string(c).unwrap();
        assert_eq!(json(&caution(Said::Full)), r#""Go gently.""#);
        assert_eq!(
            json(&caution(Said::Always)),
            r#"{"text":"Go gently.","always":true}"#
        );
        assert_eq!(
            json(&caution(Said::With(Condition::HipReplacement))),
            r#"{"text":"Go gently.","condition":"hip-replacement"}"#
        );
    }
}
