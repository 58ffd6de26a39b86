//! Reads the text of a config file into a [`Config`], key by key, so that one
//! bad key does not hide the problems of the others. It parses the way library
//! files are parsed, and every problem is a [`Diagnostic`] naming the line,
//! the column, the key and what would be valid.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeValue;

use super::{Config, Key, NamedRoutine, RemindConfig};
use crate::diagnostic::{Diagnostic, SourceText, is_unsafe_char};
use crate::engine::{Guidance, Pace};
use crate::library::{Breathing, Condition, RawBreathing, Routine, is_kebab_case};
use crate::toml_input::{
    Flag, List, Text, WholeNumber, deserialize_value, document, out_of_range, range_help,
};

/// The most sessions a week `weekly_goal` may ask for.
pub(crate) const MAX_WEEKLY_GOAL: u32 = 50;

/// `remind = { every = "60m", from = "09:00", to = "17:30", days = "mon-fri",
/// sit = "50m", wait = "2m" }`.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { every = \"60m\", from = \"09:00\", to = \"17:30\", days = \"mon-fri\", sit = \"50m\", wait = \"2m\" }"
)]
struct RawRemind {
    every: Option<Spanned<Text>>,
    from: Option<Spanned<Text>>,
    to: Option<Spanned<Text>>,
    days: Option<Spanned<Text>>,
    sit: Option<Spanned<Text>>,
    wait: Option<Spanned<Text>>,
    routines: Option<Spanned<List<Spanned<Text>>>>,
    skips_a_day: Option<Spanned<WholeNumber>>,
}

/// The valid values of a whole-number key: the range check and the help for
/// a value of the wrong type or too large to read both come from here.
#[derive(Clone, Copy)]
struct Whole {
    min: u32,
    max: u32,
    unit: &'static str,
}

const PREP: Whole = Whole {
    min: 0,
    max: Routine::MAX_PREP,
    unit: "seconds",
};
const TRANSITION: Whole = Whole {
    min: 0,
    max: Routine::MAX_TRANSITION,
    unit: "seconds",
};
const BREATH: Whole = Whole {
    min: Breathing::MIN_SECONDS,
    max: Breathing::MAX_SECONDS,
    unit: "seconds",
};
const WEEKLY_GOAL: Whole = Whole {
    min: 1,
    max: MAX_WEEKLY_GOAL,
    unit: "sessions",
};
const VOICE_PACE: Whole = Whole {
    min: Pace::SLOWEST,
    max: Pace::FASTEST,
    unit: "words a minute",
};
const FAMILIAR_AFTER: Whole = Whole {
    min: 1,
    max: Guidance::MAX_FAMILIAR_AFTER,
    unit: "sessions",
};
/// At most an hour: a longer minimum would leave most routines uncounted.
const MIN_HELD_MINUTES: Whole = Whole {
    min: 0,
    max: 60,
    unit: "minutes",
};
/// At most one a waking hour: more would make the limit no limit.
const SKIPS_A_DAY: Whole = Whole {
    min: 0,
    max: 16,
    unit: "skips",
};
const LEVEL: Whole = Whole {
    min: 1,
    max: 3,
    unit: "levels",
};

/// What a key takes, for a value of the wrong type or too large to read.
fn valid_value(key: &str) -> Option<String> {
    let whole = match key {
        "prep" => PREP,
        "transition" => TRANSITION,
        "breathing.inhale" | "breathing.exhale" => BREATH,
        "weekly_goal" => WEEKLY_GOAL,
        "min_held_minutes" => MIN_HELD_MINUTES,
        "level" => LEVEL,
        "voice_pace" => VOICE_PACE,
        "familiar_after" => FAMILIAR_AFTER,
        "remind.skips_a_day" => SKIPS_A_DAY,
        _ => return None,
    };
    Some(range_help(whole.min, whole.max, whole.unit))
}

const VOICE_HELP: &str = "an array of the program and its arguments, like [\"espeak-ng\", \"--stdin\"]; the cue text goes on its standard input";
const TERMINAL_HELP: &str = "an array of the terminal program and its arguments, like [\"gnome-terminal\", \"--\"] or [\"xterm\", \"-e\"]; the command of the break (`psoas run ROUTINE`) is added after them";
const ROUTINE_ID_HELP: &str = "a routine id as `psoas routines` lists it: lowercase letters, digits and single dashes, like `daily`";
const NOTIFY_HELP: &str = "an array of the program and its arguments, like [\"notify-send\", \"--urgency=low\"]; the title and the text of the nudge are added as two more arguments";

/// Parses a config file. The config holds every valid key even when others are
/// bad; the caller decides what to do with the diagnostics.
pub(crate) fn parse(file: &SourceText) -> (Config, Vec<Diagnostic>) {
    let mut reader = Reader {
        file,
        diagnostics: Vec::new(),
    };
    let mut config = Config::default();
    let Some(doc) = document(file, &mut reader.diagnostics) else {
        return (config, reader.diagnostics);
    };
    for (key, value) in doc.get_ref() {
        let name = key.get_ref().as_ref();
        let Some(known) = Key::named(name) else {
            reader.unknown_key(name, key.span());
            continue;
        };
        let before = reader.diagnostics.len();
        reader.read(&mut config, known, value);
        if reader.diagnostics.len() == before {
            let (line, _) = file.line_column(key.span().start);
            config.origins.lines.insert(known, line);
        }
    }
    config.origins.file = Some(file.path.clone());
    // Keys come out of the table sorted by name; problems read best in file order.
    reader.diagnostics.sort_by_key(|d| d.position);
    (config, reader.diagnostics)
}

/// Collects the problems of one file while its keys are read.
struct Reader<'f> {
    file: &'f SourceText,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn read(&mut self, config: &mut Config, known: Key, value: &Spanned<DeValue<'_>>) {
        let key = known.name();
        match known {
            Key::DefaultRoutine => config.default_routine = self.routine_id(key, value),
            Key::Prep => config.prep = self.int(key, value, PREP),
            Key::Transition => config.transition = self.int(key, value, TRANSITION),
            Key::Breathing => config.breathing = self.breathing(value),
            Key::Bell => config.bell = self.flag(key, value),
            Key::Voice => config.voice = self.flag(key, value),
            Key::VoiceCommand => config.voice_command = self.command(key, value, VOICE_HELP),
            Key::VoicePace => {
                config.voice_pace = self.int(key, value, VOICE_PACE).and_then(Pace::new);
            }
            Key::WeeklyGoal => config.weekly_goal = self.int(key, value, WEEKLY_GOAL),
            Key::MinHeldMinutes => {
                config.min_held_minutes = self.int(key, value, MIN_HELD_MINUTES);
            }
            Key::CheckIn => config.check_in = self.flag(key, value),
            Key::BriskWarmUp => config.brisk_warm_up = self.flag(key, value),
            Key::Pictures => config.pictures = self.flag(key, value),
            Key::Conditions => config.conditions = self.conditions(key, value),
            Key::Level => {
                config.level = self
                    .int(key, value, LEVEL)
                    .and_then(|n| crate::engine::Level::from_number(n as u8));
            }
            Key::Guidance => {
                let text = self.value(key, value);
                config.guidance = self.parsed(key, text);
            }
            Key::FamiliarAfter => config.familiar_after = self.int(key, value, FAMILIAR_AFTER),
            Key::TighterSide => {
                let text = self.value(key, value);
                config.tighter_side = self.parsed(key, text);
            }
            Key::Remind => config.remind = self.remind(value),
            Key::NotifyCommand => config.notify_command = self.command(key, value, NOTIFY_HELP),
            Key::Terminal => config.terminal = self.command(key, value, TERMINAL_HELP),
        }
    }

    fn error(&mut self, span: Range<usize>, key: &str, message: String, help: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::error(self.file, Some(span), message)
                .with_key(key)
                .with_help(help),
        );
    }

    fn unknown_key(&mut self, name: &str, span: Range<usize>) {
        let names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        let close = names
            .iter()
            .filter(|k| strsim::levenshtein(name, k) <= 3)
            .min_by_key(|k| strsim::levenshtein(name, k));
        let hint = close.map_or(String::new(), |k| format!("did you mean `{k}`? "));
        self.error(
            span,
            name,
            format!("unknown key `{name}` in the config file"),
            format!("{hint}valid keys: {}", names.join(", ")),
        );
    }

    fn value<'a, T: Deserialize<'a>>(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'a>>,
    ) -> Option<T> {
        deserialize_value(self.file, key, value, valid_value, &mut self.diagnostics)
    }

    fn flag(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<bool> {
        self.value::<Flag>(key, value).map(|flag| flag.0)
    }

    fn int(&mut self, key: &str, value: &Spanned<DeValue<'_>>, whole: Whole) -> Option<u32> {
        let n: Spanned<WholeNumber> = self.value(key, value)?;
        self.in_range(&n, key, whole)
    }

    fn in_range(&mut self, n: &Spanned<WholeNumber>, key: &str, whole: Whole) -> Option<u32> {
        let value = n.get_ref().0;
        if let Some((message, help)) = out_of_range(value, whole.min, whole.max, whole.unit) {
            self.error(n.span(), key, message, help);
            return None;
        }
        u32::try_from(value).ok()
    }

    fn routine_id(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<String> {
        let id: Spanned<Text> = self.value(key, value)?;
        if !is_kebab_case(&id.get_ref().0) {
            self.error(
                id.span(),
                key,
                format!("`{}` is not a routine id", id.get_ref().0),
                ROUTINE_ID_HELP,
            );
            return None;
        }
        Some(id.into_inner().0)
    }

    fn breathing(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Breathing> {
        let raw: RawBreathing = self.value("breathing", value)?;
        let inhale = self.in_range(&raw.inhale, "breathing.inhale", BREATH);
        let exhale = self.in_range(&raw.exhale, "breathing.exhale", BREATH);
        Some(Breathing {
            inhale: inhale?,
            exhale: exhale?,
        })
    }

    fn remind(&mut self, value: &Spanned<DeValue<'_>>) -> RemindConfig {
        let Some(raw) = self.value::<RawRemind>("remind", value) else {
            return RemindConfig::default();
        };
        let remind = RemindConfig {
            every: self.parsed("remind.every", raw.every),
            from: self.parsed("remind.from", raw.from),
            to: self.parsed("remind.to", raw.to),
            days: self.parsed("remind.days", raw.days),
            sit: self.parsed("remind.sit", raw.sit),
            wait: self.parsed("remind.wait", raw.wait),
            routines: raw
                .routines
                .and_then(|r| self.named_routines("remind.routines", r)),
            skips_a_day: raw
                .skips_a_day
                .and_then(|n| self.in_range(&n, "remind.skips_a_day", SKIPS_A_DAY)),
        };
        let schedule = Config {
            remind: remind.clone(),
            ..Config::default()
        }
        .remind();
        if let Some(problem) = schedule.problem() {
            self.error(
                value.span(),
                "remind",
                problem,
                "set `from` earlier than `to`, like from = \"09:00\", to = \"17:30\"",
            );
            return RemindConfig::default();
        }
        remind
    }

    /// Routine ids, each kept with its place; none from an empty list or
    /// one with an id that cannot be one.
    fn named_routines(
        &mut self,
        key: &str,
        ids: Spanned<List<Spanned<Text>>>,
    ) -> Option<Vec<NamedRoutine>> {
        if ids.get_ref().0.is_empty() {
            self.error(ids.span(), key, "is empty".into(), ROUTINE_ID_HELP);
            return None;
        }
        let mut named = Vec::new();
        let mut ok = true;
        for (i, id) in ids.into_inner().0.into_iter().enumerate() {
            let key = format!("{key}[{}]", i + 1);
            let span = id.span();
            let id = id.into_inner().0;
            if !is_kebab_case(&id) {
                self.error(
                    span,
                    &key,
                    format!("`{id}` is not a routine id"),
                    ROUTINE_ID_HELP,
                );
                ok = false;
                continue;
            }
            let place = Diagnostic::error(self.file, Some(span), String::new()).with_key(key);
            named.push(NamedRoutine { id, place });
        }
        ok.then_some(named)
    }

    /// A string read with its `FromStr`, whose error says what is valid.
    fn parsed<T: std::str::FromStr<Err = String>>(
        &mut self,
        key: &str,
        text: Option<Spanned<Text>>,
    ) -> Option<T> {
        let text = text?;
        match text.get_ref().0.parse::<T>() {
            Ok(value) => Some(value),
            Err(valid) => {
                self.error(
                    text.span(),
                    key,
                    format!("`{}` is not valid here", text.get_ref().0),
                    valid,
                );
                None
            }
        }
    }

    fn command(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        help: &str,
    ) -> Option<Vec<String>> {
        let words: Spanned<List<Spanned<Text>>> = self.value(key, value)?;
        if words.get_ref().0.is_empty() {
            self.error(words.span(), key, "is empty".into(), help);
            return None;
        }
        let mut ok = true;
        for (i, word) in words.get_ref().0.iter().enumerate() {
            let text = &word.get_ref().0;
            let problem = if text.trim().is_empty() {
                Some("is empty".to_string())
            } else {
                text.chars()
                    .find(|&c| is_unsafe_char(c) || c == '\n')
                    .map(|c| format!("contains the control character {}", c.escape_unicode()))
            };
            if let Some(problem) = problem {
                self.error(word.span(), &format!("{key}[{}]", i + 1), problem, help);
                ok = false;
            }
        }
        ok.then(|| {
            words
                .into_inner()
                .0
                .into_iter()
                .map(|word| word.into_inner().0)
                .collect()
        })
    }

    fn conditions(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Vec<Condition> {
        let Some(tags) = self.value::<List<Spanned<Text>>>(key, value) else {
            return Vec::new();
        };
        let mut conditions = Vec::new();
        for (i, tag) in tags.0.iter().enumerate() {
            match tag.get_ref().0.parse::<Condition>() {
                Ok(condition) => conditions.push(condition),
                Err(valid) => self.error(
                    tag.span(),
                    &format!("{key}[{}]", i + 1),
                    format!("`{}` is not a condition tag", tag.get_ref().0),
                    valid,
                ),
            }
        }
        conditions.sort();
        conditions.dedup();
        conditions
    }
}
