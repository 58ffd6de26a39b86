//! The keys a config file may hold. Reading a file, `config show` and the
//! origin of each value match on [`Key`], so a key added here is a compile
//! error until every one of them handles it.

use strum::{IntoStaticStr, VariantArray};

/// One key of the config file, in the order `config show` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Key {
    DefaultRoutine,
    Prep,
    Transition,
    Breathing,
    Bell,
    Voice,
    VoiceCommand,
    VoicePace,
    WeeklyGoal,
    MinHeldMinutes,
    CheckIn,
    BriskWarmUp,
    Pictures,
    Conditions,
    Level,
    Guidance,
    FamiliarAfter,
    TighterSide,
    Remind,
    NotifyCommand,
    Terminal,
}

impl Key {
    /// Every key, in the order `config show` lists them.
    pub const ALL: &'static [Key] = Key::VARIANTS;

    /// The key as the file spells it.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The key a file spells `name`, if there is one.
    pub fn named(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_by_its_name() {
        for &key in Key::ALL {
            assert_eq!(Key::named(key.name()), Some(key));
        }
        assert_eq!(Key::named("voise"), None);
        let names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names.join(" "),
            "default_routine prep transition breathing bell voice voice_command voice_pace \
             weekly_goal min_held_minutes check_in brisk_warm_up pictures conditions level guidance \
             familiar_after tighter_side remind notify_command terminal"
        );
    }
}
