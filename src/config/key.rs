//! The keys a config file may hold. Reading a file, `config show` and the
//! origin of each value match on [`Key`], so a key added here is a compile
//! error until every one of them handles it.

/// One key of the config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    DefaultRoutine,
    Prep,
    Transition,
    Breathing,
    Bell,
    Voice,
    VoiceCommand,
    WeeklyGoal,
    CheckIn,
    BriskWarmUp,
    Conditions,
    Level,
    Remind,
    NotifyCommand,
}

impl Key {
    /// Every key, in the order `config show` lists them.
    pub const ALL: &'static [Key] = &[
        Key::DefaultRoutine,
        Key::Prep,
        Key::Transition,
        Key::Breathing,
        Key::Bell,
        Key::Voice,
        Key::VoiceCommand,
        Key::WeeklyGoal,
        Key::CheckIn,
        Key::BriskWarmUp,
        Key::Conditions,
        Key::Level,
        Key::Remind,
        Key::NotifyCommand,
    ];

    /// The key as the file spells it.
    pub fn name(self) -> &'static str {
        match self {
            Key::DefaultRoutine => "default_routine",
            Key::Prep => "prep",
            Key::Transition => "transition",
            Key::Breathing => "breathing",
            Key::Bell => "bell",
            Key::Voice => "voice",
            Key::VoiceCommand => "voice_command",
            Key::WeeklyGoal => "weekly_goal",
            Key::CheckIn => "check_in",
            Key::BriskWarmUp => "brisk_warm_up",
            Key::Conditions => "conditions",
            Key::Level => "level",
            Key::Remind => "remind",
            Key::NotifyCommand => "notify_command",
        }
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
        assert_eq!(Key::ALL.len(), 14);
    }
}
