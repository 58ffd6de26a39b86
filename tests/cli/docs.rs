//! The README and the manual under `docs/`: every link to a file of the
//! project points at a file that is there, and every link to a heading at a
//! heading that is there, so a page moved or renamed never leaves a reader at
//! a dead end.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The project's own folder.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every page under docs/.
pub(crate) fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// The lines of a page outside its fenced code blocks.
fn prose(text: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    text.lines().filter(move |line| {
        if line.starts_with("```") {
            fenced = !fenced;
            return false;
        }
        !fenced
    })
}

/// The targets of a page's links and pictures: what stands between `](` and
/// the closing parenthesis.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose(text) {
        let mut rest = line;
        while let Some(start) = rest.find("](") {
            rest = &rest[start + 2..];
            if let Some(end) = rest.find(')') {
                found.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
    }
    found
}

/// The anchors GitHub gives a page's headings: lowercase, punctuation
/// dropped, spaces as dashes.
fn anchors(text: &str) -> Vec<String> {
    prose(text)
        .filter_map(|line| {
            let heading = line.trim_start_matches('#');
            (heading.len() < line.len() && heading.starts_with(' ')).then(|| {
                heading
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect()
            })
        })
        .collect()
}

#[test]
fn every_local_link_of_the_readme_and_docs_points_at_what_is_there() {
    let mut dead = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(file)
            };
            let shown = format!("{}: {link}", page.strip_prefix(root()).unwrap().display());
            if !target.exists() {
                dead.push(format!("{shown} (no such file)"));
            } else if !anchor.is_empty() {
                let target_text = std::fs::read_to_string(&target).unwrap();
                if !anchors(&target_text).iter().any(|a| a == anchor) {
                    dead.push(format!("{shown} (no such heading)"));
                }
            }
        }
    }
    assert!(dead.is_empty(), "dead links:\n{}", dead.join("\n"));
}

#[test]
fn the_link_check_finds_links_and_headings_as_github_does() {
    let page = "# `psoas run [ROUTINE|PATH]`\n\nSee [x](docs/a.md#b), ![p](p.png).\n```\n[no](c.md)\n```\n## One side tighter: the side check\n";
    assert_eq!(links(page), ["docs/a.md#b", "p.png"]);
    assert_eq!(
        anchors(page),
        ["psoas-run-routinepath", "one-side-tighter-the-side-check"]
    );
}

/// A page of the manual, by its name under docs/.
fn page(name: &str) -> String {
    std::fs::read_to_string(root().join("docs").join(name)).unwrap()
}

/// The first cell of each row of the table whose header row is `header`.
fn first_column(text: &str, header: &str) -> Vec<String> {
    tables(text, header)
        .next()
        .unwrap_or_else(|| panic!("no table headed {header}"))
        .into_iter()
        .map(|row| row[1..].split(" | ").next().unwrap().trim().to_string())
        .collect()
}

/// The rows of every table whose header row is `header`, in page order.
fn tables<'a>(text: &'a str, header: &'a str) -> impl Iterator<Item = Vec<&'a str>> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i] == header).collect();
    starts.into_iter().map(move |start| {
        lines[start + 2..]
            .iter()
            .take_while(|line| line.starts_with('|'))
            .copied()
            .collect()
    })
}

/// The terms of a section of `psoas man`, roff escapes undone.
fn man_terms(section: &str) -> Vec<String> {
    let man = crate::stdout_of(&mut crate::Env::new().psoas(&["man"]));
    let start = man
        .find(&format!(".SH \"{section}\"\n"))
        .unwrap_or_else(|| panic!("no {section} in psoas man"));
    let body = &man[start..][1..];
    let body = &body[..body.find("\n.SH ").unwrap_or(body.len())];
    body.split(".TP\n")
        .skip(1)
        .map(|entry| {
            let term = entry.lines().next().unwrap();
            term.trim_start_matches("\\fB")
                .trim_end_matches("\\fR")
                .replace("\\-", "-")
                .replace("\\e", "\\")
        })
        .collect()
}

/// The keys of a key label, `` `q` or Esc `` as the manual writes it and
/// `q  Esc` as the screen's help does.
fn keys(label: &str) -> Vec<String> {
    label
        .replace('`', "")
        .split(" or ")
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_keys_in_the_manual_are_the_keys_of_the_screen() {
    let documented: Vec<Vec<String>> = first_column(&page("run.md"), "| key | does |")
        .iter()
        .map(|label| keys(label))
        .collect();
    let screen: Vec<Vec<String>> = man_terms("KEYS OF RUN")
        .iter()
        .map(|label| keys(label))
        .collect();
    assert_eq!(documented, screen);
}

#[test]
fn the_config_keys_in_the_manual_are_those_config_show_lists_with_their_defaults() {
    let env = crate::Env::new();
    let shown = crate::stdout_of(&mut env.psoas(&["config", "show"]));
    let shown: Vec<(&str, &str)> = shown
        .lines()
        .skip(1)
        .map(|line| {
            let (key, rest) = line.split_once(' ').unwrap();
            let value = rest.trim().rsplit_once("  ").unwrap().0.trim_end();
            (key, value)
        })
        .collect();
    let text = page("config.md");
    let documented = first_column(&text, "| key | default | what it sets |");
    let keys: Vec<&str> = shown.iter().map(|(key, _)| *key).collect();
    assert_eq!(
        documented,
        keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>()
    );
    // Where the manual gives a default as a value, it is the value shown.
    for (key, value) in shown {
        let row = text
            .lines()
            .find(|line| line.starts_with(&format!("| `{key}` | ")))
            .unwrap();
        let default = row.split(" | ").nth(1).unwrap();
        let as_value = default.len() > 2
            && default.starts_with('`')
            && default.ends_with('`')
            && default.matches('`').count() == 2;
        if as_value {
            assert_eq!(
                &default[1..default.len() - 1],
                value,
                "the default of {key}"
            );
        }
    }
}

#[test]
fn every_variable_the_manual_names_is_in_the_environment_of_psoas_man() {
    let environment = man_terms("ENVIRONMENT");
    for name in std::fs::read_dir(root().join("docs")).unwrap() {
        let text = std::fs::read_to_string(name.unwrap().path()).unwrap_or_default();
        for (at, _) in text.match_indices("PSOAS_") {
            let variable: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                .collect();
            assert!(
                environment.contains(&variable),
                "{variable} is not in psoas man's ENVIRONMENT"
            );
        }
    }
}

#[test]
fn the_routines_the_manual_shows_are_what_psoas_routines_prints() {
    let printed = crate::stdout_of(&mut crate::Env::new().psoas(&["routines"]));
    let mut shown = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for block in text.split("```console\n$ psoas routines\n").skip(1) {
            let block = &block[..block.find("```").unwrap()];
            assert_eq!(block, printed, "{}", page.display());
            shown += 1;
        }
    }
    assert!(shown > 0, "the README shows the built-in routines");
}

/// Flags the manual names that belong to other programs.
const NOT_OURS: [&str; 6] = [
    "--stdin",     // espeak-ng and espeak
    "--pipe-mode", // spd-say
    "--user",      // systemctl
    "--release",   // cargo
    "--lib",       // cargo
    "--path",      // cargo install
];

#[test]
fn every_flag_the_manual_names_is_in_psoas_man() {
    let man = crate::stdout_of(&mut crate::Env::new().psoas(&["man"])).replace("\\-", "-");
    let is_flag_char = |c: char| c.is_ascii_lowercase() || c == '-';
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for (at, _) in text.match_indices("--") {
            let flag: String = text[at + 2..]
                .chars()
                .take_while(|&c| is_flag_char(c))
                .collect();
            let flag = format!("--{flag}");
            let whole =
                |(found, _): (usize, &str)| !man[found + flag.len()..].starts_with(is_flag_char);
            if flag.len() < 4 || NOT_OURS.contains(&flag.as_str()) {
                continue;
            }
            assert!(
                man.match_indices(&flag).any(whole),
                "{}: {flag} is not in psoas man",
                page.display()
            );
        }
    }
}

#[test]
fn the_readme_gives_the_safety_notice_psoas_gives() {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = crate::stdout_of(&mut crate::Env::new().psoas(&["--help"]));
    let notice = words(&help[help.find("psoas is not medical advice").unwrap()..]);
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let quoted: String = readme
        .lines()
        .skip_while(|line| !line.starts_with("> **Not medical advice.**"))
        .take_while(|line| line.starts_with('>'))
        .map(|line| line.trim_start_matches('>'))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        words(&quoted).trim_start_matches("**Not medical advice.** "),
        notice
    );
}

/// The names a cell of the manual puts in backquotes that could be keys of
/// JSON: lowercase words joined by `_`, `null` aside.
fn key_names(cell: &str) -> BTreeSet<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .filter(|name| {
            *name != "null"
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
        .map(str::to_string)
        .collect()
}

/// The keys of a JSON object.
fn object_keys(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect()
}

/// A side check's record with every field a record can have.
fn a_full_record() -> psoas_coach::history::Record {
    use psoas_coach::history::{Record, SessionNotes, SidePull};
    use psoas_coach::runner::{Ending, RunOutcome};
    let outcome = RunOutcome {
        started_at: chrono::DateTime::parse_from_rfc3339("2027-01-05T07:30:00+01:00").unwrap(),
        routine_id: "side-check".into(),
        routine_name: "Side check".into(),
        planned_seconds: 600,
        spent_seconds: 600,
        planned_hold_seconds: 500,
        held_seconds: 500,
        holds_done: 10,
        holds_skipped: 0,
        exercises: vec!["standing-psoas-stretch".into()],
        finished: true,
        past_first_hold: true,
        ending: Ending::Finished,
    };
    let notes = SessionNotes {
        tension_before: Some(6),
        tension_after: Some(3),
        note: Some("stiff".into()),
        level: 1,
        side_pull: SidePull::new(Some(7), Some(4)),
    };
    Record::new(&outcome, notes)
}

#[test]
fn the_history_fields_in_the_manual_are_those_psoas_writes_and_prints() {
    let text = page("history.md");
    let mut found = tables(&text, "| Field | Meaning |");
    let (report, record) = (found.next().unwrap(), found.next().unwrap());
    // Each row's first cell names its keys; some rows name the keys of the
    // objects inside, in the cell after.
    let first_cells = |rows: &[&str]| -> BTreeSet<String> {
        rows.iter()
            .flat_map(|row| key_names(row[1..].split(" | ").next().unwrap()))
            .collect()
    };
    let inner = |name: &str| -> BTreeSet<String> {
        let row = report
            .iter()
            .find(|row| row.starts_with(&format!("| `{name}` | ")))
            .unwrap_or_else(|| panic!("no row for {name}"));
        key_names(row.split(" | ").nth(1).unwrap())
    };

    let full = a_full_record();
    let written: serde_json::Value = serde_json::from_str(&full.to_line()).unwrap();
    assert_eq!(
        first_cells(&record),
        object_keys(&written),
        "a record's keys"
    );

    let env = crate::Env::new();
    env.write("state/psoas/history.jsonl", &full.to_line());
    let printed = crate::stdout_of(
        env.psoas(&["history", "--format", "json"])
            .env("PSOAS_NOW", "2027-01-06T12:00:00+01:00"),
    );
    let json: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        first_cells(&report),
        object_keys(&json),
        "the report's keys"
    );
    let mut session = object_keys(&json["sessions"][0]);
    assert!(session.remove("counted"), "{printed}");
    assert_eq!(
        session,
        object_keys(&written),
        "a listed session is a record"
    );
    for (name, expected) in [
        ("weeks", object_keys(&json["weeks"][0])),
        ("days", object_keys(&json["days"][0])),
        ("side_checks", object_keys(&json["side_checks"][0])),
    ] {
        assert_eq!(inner(name), expected, "the keys of each of {name}");
    }
}
