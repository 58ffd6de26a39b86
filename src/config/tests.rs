//! Tests of reading the config file: good values and where they came from,
//! every kind of bad value, and the template `config init` writes.

use std::path::Path;

use super::*;

fn errors(text: &str) -> Vec<String> {
    match Config::from_text(Path::new("c/config.toml"), text) {
        Ok(config) => panic!("no error in {text:?}: {config:?}"),
        Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
    }
}

fn config(text: &str) -> Config {
    Config::from_text(Path::new("c/config.toml"), text).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn an_empty_file_is_all_defaults() {
    let c = config("# nothing set\n");
    assert_eq!(c.default_routine(), "daily");
    assert_eq!(c.prep(), Routine::DEFAULT_PREP);
    assert_eq!(c.breathing(), Breathing::DEFAULT);
    assert_eq!((c.bell(), c.voice(), c.check_in()), (true, false, true));
    assert_eq!(c.weekly_goal(), 3);
    assert!(c.conditions.is_empty() && c.voice_command.is_none());
    for &key in Key::ALL {
        assert_eq!(c.origins.describe(key), "default");
    }
}

#[test]
fn every_key_is_read_with_its_line() {
    let c = config(
        "default_routine = \"floor\"\nprep = 0\nbreathing = { inhale = 3, exhale = 7 }\n\
         bell = false\nvoice = true\nvoice_command = [\"espeak-ng\", \"--stdin\"]\n\
         weekly_goal = 5\ncheck_in = false\nconditions = [\"pregnancy\", \"knee-pain\", \"pregnancy\"]\n\
         voice_pace = 140\n",
    );
    assert_eq!(c.default_routine(), "floor");
    assert_eq!(c.prep(), 0);
    assert_eq!(
        c.breathing(),
        Breathing {
            inhale: 3,
            exhale: 7
        }
    );
    assert_eq!((c.bell(), c.voice(), c.check_in()), (false, true, false));
    assert_eq!(
        c.voice_command.as_deref(),
        Some(&["espeak-ng".to_string(), "--stdin".into()][..])
    );
    assert_eq!(c.weekly_goal(), 5);
    assert_eq!(c.conditions, [Condition::Pregnancy, Condition::KneePain]);
    assert_eq!(c.origins.describe(Key::DefaultRoutine), "config.toml:1");
    assert_eq!(c.origins.describe(Key::Conditions), "config.toml:9");
    assert_eq!(c.voice_pace().words_per_minute(), 140);
    assert_eq!(c.origins.describe(Key::VoicePace), "config.toml:10");
    assert_eq!(config("").voice_pace(), crate::engine::Pace::DEFAULT);
}

#[test]
fn the_minimum_a_session_holds_is_read_in_minutes() {
    assert_eq!(config("").min_held_seconds(), 300);
    let c = config("min_held_minutes = 0\n");
    assert_eq!((c.min_held_minutes(), c.min_held_seconds()), (0, 0));
    assert_eq!(config("min_held_minutes = 60\n").min_held_seconds(), 3600);
    assert_eq!(
        errors("min_held_minutes = 61\n"),
        [
            "c/config.toml:1:20: error: `min_held_minutes`: 61 is out of range\n  \
          help: a whole number of minutes from 0 to 60"
        ]
    );
}

#[test]
fn a_breathing_table_is_read_too() {
    let c = config("weekly_goal = 2\n\n[breathing]\ninhale = 5\nexhale = 5\n");
    assert_eq!(c.breathing().inhale, 5);
    assert_eq!(c.origins.line(Key::Breathing), Some(3));
}

#[test]
fn every_problem_is_reported_with_line_column_key_and_help() {
    let messages = errors(
        "prep = 61\nweekly_goal = 0\nbreathing = { inhale = 1, exhale = 6 }\n\
         default_routine = \"My Routine\"\nconditions = [\"pregnant\"]\nvoice_command = []\n\
         bell = \"yes\"\nvoise = true\nvoice_pace = 20\n",
    );
    let expected = [
        "c/config.toml:1:8: error: `prep`: 61 is out of range\n  help: a whole number of seconds from 0 to 60",
        "c/config.toml:2:15: error: `weekly_goal`: 0 is out of range\n  help: a whole number of sessions from 1 to 50",
        "c/config.toml:3:24: error: `breathing.inhale`: 1 is out of range\n  help: a whole number of seconds from 2 to 10",
        "c/config.toml:4:19: error: `default_routine`: `My Routine` is not a routine id",
        "c/config.toml:5:15: error: `conditions[1]`: `pregnant` is not a condition tag\n  help: valid: herniated-disc, pregnancy, recent-surgery, hip-replacement, osteoporosis, knee-pain",
        "c/config.toml:6:17: error: `voice_command`: is empty",
        "c/config.toml:7:8: error: `bell`: invalid type: string \"yes\", expected true or false",
        "c/config.toml:8:1: error: `voise`: unknown key `voise` in the config file\n  help: did you mean `voice`? valid keys: default_routine, prep, transition, breathing, bell, voice, voice_command, voice_pace, weekly_goal, min_held_minutes, check_in, brisk_warm_up, pictures, conditions, level, guidance, familiar_after, tighter_side, remind, notify_command",
        "c/config.toml:9:14: error: `voice_pace`: 20 is out of range\n  help: a whole number of words a minute from 60 to 450",
    ];
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
    for (message, expected) in messages.iter().zip(expected) {
        assert!(
            message.starts_with(expected),
            "{message}\n  does not start with\n{expected}"
        );
    }
}

#[test]
fn nested_and_element_errors_name_their_key() {
    let messages = errors(
        "breathing = { inhale = 4, exhale = 6, hold = 2 }\nvoice_command = [\"say\", \"\"]\nconditions = [3]\n",
    );
    assert!(
        messages[0]
            .starts_with("c/config.toml:1:39: error: `breathing.hold`: unknown field `hold`"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("c/config.toml:2:25: error: `voice_command[2]`: is empty"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2]
            .starts_with("c/config.toml:3:15: error: `conditions[1]`: invalid type: integer `3`"),
        "{}",
        messages[2]
    );
}

#[test]
fn syntax_errors_have_positions() {
    let messages = errors("prep = 5\nbell = tru\n");
    assert!(messages[0].starts_with("c/config.toml:2:"), "{messages:?}");
    assert!(messages[0].contains("TOML syntax"), "{messages:?}");
}

#[test]
fn the_template_is_valid_and_every_key_in_it_is_the_default() {
    let text = template();
    assert_eq!(
        config(&text),
        Config {
            origins: Origins {
                file: Some("c/config.toml".into()),
                ..Origins::default()
            },
            ..Config::default()
        }
    );
    // Uncomment every key: the values are the defaults, except the examples.
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if Key::ALL
                    .iter()
                    .any(|k| rest.starts_with(&format!("{k} = "))) =>
            {
                rest
            }
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let c = config(&uncommented);
    for &key in Key::ALL {
        assert!(c.origins.line(key).is_some(), "`{key}` is in the template");
    }
    assert_eq!(c.prep(), Routine::DEFAULT_PREP);
    assert_eq!(c.breathing(), Breathing::DEFAULT);
    assert_eq!(c.default_routine(), DEFAULT_ROUTINE);
    assert_eq!(c.weekly_goal(), Config::DEFAULT_WEEKLY_GOAL);
    assert!(c.conditions.is_empty());
    for condition in Condition::ALL {
        assert!(text.contains(condition.name()) && text.contains(condition.describe()));
    }
}

#[test]
fn a_missing_file_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(read(&dir.path().join("config.toml")).unwrap(), None);
    assert!(read(dir.path()).is_err(), "a folder is not a config file");
}

#[test]
fn a_transition_is_never_shorter_than_the_prep() {
    assert_eq!(config("").transition(), Routine::DEFAULT_TRANSITION);
    assert_eq!(config("transition = 30\n").transition(), 30);
    assert_eq!(config("prep = 20\ntransition = 10\n").transition(), 20);
    assert_eq!(config("prep = 20\n").transition(), 20);
    assert_eq!(
        errors("transition = 121\n"),
        [
            "c/config.toml:1:14: error: `transition`: 121 is out of range\n  help: a whole number of seconds from 0 to 120"
        ]
    );
}

#[test]
fn a_value_of_the_wrong_type_or_too_large_says_the_range() {
    let messages = errors(
        "weekly_goal = \"x\"\nprep = 9223372036854775808\nlevel = 1e400\ntransition = 1979-05-27\n",
    );
    let helps: Vec<&str> = messages
        .iter()
        .map(|m| m.split_once("\n  help: ").map_or("", |(_, help)| help))
        .collect();
    assert_eq!(
        helps,
        [
            "a whole number of sessions from 1 to 50",
            "a whole number of seconds from 0 to 60",
            "a whole number of levels from 1 to 3",
            "a whole number of seconds from 0 to 120",
        ],
        "{messages:#?}"
    );
}

#[test]
fn the_remind_table_takes_sit_and_wait_and_its_example_names_them() {
    let c = config("remind = { sit = \"40m\", wait = \"90s\" }\n");
    assert_eq!(c.remind_sit().to_string(), "40m");
    assert_eq!(c.remind_wait().to_string(), "90s");
    let d = config("");
    assert_eq!(
        (d.remind_sit().to_string(), d.remind_wait().to_string()),
        ("50m".to_string(), "2m".to_string())
    );
    let bad = errors("remind = 5\n");
    assert!(
        bad[0].contains(
            "a table like { every = \"60m\", from = \"09:00\", to = \"17:30\", days = \"mon-fri\", sit = \"50m\", wait = \"2m\" }"
        ),
        "{bad:?}"
    );
    let bad = errors("remind = { wait = \"5m\" }\n");
    assert!(
        bad[0].contains("`remind.wait`")
            && bad[0].contains("seconds or minutes from 0s to 3m, like 2m, 90s or 0s for no wait"),
        "{bad:?}"
    );
}
