//! Every reader of a file a person keeps takes any bytes: routines,
//! exercises, the config and the history. None panics, and every problem is
//! placed at `file:line:column`.
//!
//! The bytes are made to find what breaks readers: pieces of each format,
//! line ends of every kind (a carriage return alone among them), tabs, wide,
//! zero-width, combining and right-to-left characters, bytes that are not
//! UTF-8, a byte-order mark, an empty file, a file cut anywhere (so a problem
//! falls on its first or its last byte). Each case is read the way psoas
//! reads it, from a file.
//!
//! `PSOAS_FUZZ_CASES` sets how many cases each reader gets (256 by default,
//! which CI runs in well under a minute). A long fuzz:
//! `PSOAS_FUZZ_CASES=200000 cargo test --release --lib arbitrary_bytes`.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::library::{Sources, load};
use crate::toml_input::{ReadError, read_text};

/// The number of cases of each property, from `PSOAS_FUZZ_CASES`.
fn cases() -> ProptestConfig {
    let cases = std::env::var("PSOAS_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // A failure is shrunk a little, not for ever.
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

/// Pieces of the formats and of what breaks readers, to be strung together.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&str] = &[
        // TOML of the library and the config.
        "[[exercise]]",
        "[[step]]",
        "[[exercise.phase]]",
        "[step.x]",
        "id = \"a\"",
        "id = \"knee-to-chest\"",
        "name = \"A\"",
        "kind = \"stretch\"",
        "position = \"lying\"",
        "setup = [\"x\"]",
        "hold = 30",
        "hold = 1e400",
        "exercise = \"knee-to-chest\"",
        "breathing = { inhale = 4, exhale = 6 }",
        "weekly_goal = 3",
        "remind = { every = \"60m\" }",
        "voice_command = [\"say\"]",
        "nam = 1",
        " = ",
        "=",
        "\"",
        "\"\"\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "#",
        ",",
        ".",
        // The history's JSON.
        r#"{"v":1,"started_at":"2026-11-21T07:30:00+01:00","routine_id":"daily","routine_name":"Daily","planned_seconds":600,"held_seconds":540,"holds_done":9,"holds_skipped":1,"finished":true}"#,
        r#"{"v":0,"#,
        r#""v":2"#,
        r#""held_seconds":"x""#,
        r#""tension_after":12"#,
        r#""started_at":"2099-01-01T00:00:00Z""#,
        "null",
        // Line ends of every kind.
        "\n",
        "\r\n",
        "\r",
        "\r\r\n",
        "\n\r",
        // Characters that are wide, have no width, combine, or run right to left.
        "\t",
        "界",
        "👍🏽",
        "\u{200b}",
        "\u{200d}",
        "e\u{301}\u{302}",
        "\u{5d0}\u{5d1}",
        "\u{627}\u{644}",
        "\u{202e}",
        "\u{2066}",
        "\u{feff}",
        "\u{0}",
        "\u{1b}[2J",
        "\u{85}",
        "\u{2028}",
    ];
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..6),
        1 => "[a-z_ =\"0-9]{1,12}".prop_map(String::into_bytes),
    ]
}

/// The bytes of a file: empty, a byte-order mark alone, or pieces, perhaps
/// after a byte-order mark, perhaps cut short.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = (
        any::<bool>(),
        prop::collection::vec(piece(), 0..40),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(bom, pieces, cut, cut_it)| {
            let mut bytes = if bom { BOM.to_vec() } else { Vec::new() };
            bytes.extend(pieces.concat());
            if cut_it && !bytes.is_empty() {
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            bytes
        });
    prop_oneof![
        1 => Just(Vec::new()),
        1 => Just(BOM.to_vec()),
        12 => pieces,
    ]
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Asserts that `diagnostic` is placed at a line and column of `path` and is
/// shown so, with its excerpt when it has one.
fn assert_placed(diagnostic: &Diagnostic, path: &Path) -> Result<(), TestCaseError> {
    prop_assert_eq!(&diagnostic.path, path);
    let Some((line, column)) = diagnostic.position else {
        return Err(TestCaseError::fail(format!(
            "no line and column: {diagnostic}"
        )));
    };
    prop_assert!(line >= 1 && column >= 1, "{}", diagnostic);
    let place = format!("{}:{line}:{column}: ", path.display());
    let shown = diagnostic.render();
    prop_assert!(shown.starts_with(&place), "{}", shown);
    prop_assert!(diagnostic.to_string().starts_with(&place));
    if let Some(excerpt) = &diagnostic.excerpt {
        prop_assert_eq!(excerpt.line, line);
        prop_assert!(shown.contains(&format!("{line} |")), "{}", shown);
    }
    prop_assert!(
        !shown.chars().any(crate::diagnostic::is_unsafe_char),
        "{}",
        shown
    );
    Ok(())
}

/// Loads `bytes` as a library file at `relative` in a folder of its own, as
/// `psoas check FILE` does, and checks every diagnostic about it.
fn check_library_file(relative: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let sources = Sources {
        builtin: true,
        files: vec![path.clone()],
        ..Sources::default()
    };
    let loaded = load(&sources);
    for diagnostic in loaded.diagnostics.iter().filter(|d| d.path == path) {
        assert_placed(diagnostic, &path)?;
    }
    // The built-in library is never at fault.
    prop_assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.path == path || !d.is_error())
    );
    Ok(())
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn any_routine_file_is_read_and_its_problems_placed(bytes in file_bytes()) {
        check_library_file("r.toml", &bytes)?;
    }

    #[test]
    fn any_exercise_file_is_read_and_its_problems_placed(bytes in file_bytes()) {
        check_library_file("exercises/x.toml", &bytes)?;
    }

    #[test]
    fn any_config_file_is_read_and_its_problems_placed(bytes in file_bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, &bytes).unwrap();
        match read_text(&path) {
            Ok(text) => {
                if let Err(diagnostics) = Config::from_text(&path, &text) {
                    prop_assert!(!diagnostics.is_empty());
                    for diagnostic in &diagnostics {
                        assert_placed(diagnostic, &path)?;
                    }
                }
            }
            Err(ReadError::NotUtf8 { line, column }) => {
                prop_assert!(line >= 1 && column >= 1);
            }
            Err(error) => prop_assert!(false, "{:?}", error),
        }
    }

    #[test]
    fn any_history_file_is_read_and_its_bad_lines_placed(bytes in file_bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        std::fs::write(history.path(), &bytes).unwrap();
        let mut lines = Vec::new();
        let skipped = history.scan_lines(|line, _| lines.push(line)).unwrap();
        let file = history.path().display().to_string();
        let total = bytes.split(|&b| b == b'\n').count();
        for bad in &skipped.unreadable {
            prop_assert!(bad.line >= 1 && bad.line <= total && bad.column >= 1);
            prop_assert!(!lines.contains(&bad.line));
        }
        prop_assert!(lines.windows(2).all(|w| w[0] < w[1]));
        for warning in skipped.warnings(&file) {
            for said in warning.lines() {
                let said = said.trim_start();
                if said.starts_with("and ") || said.ends_with(':') || said.contains("each session counts once") {
                    continue;
                }
                let place = said.strip_prefix(&format!("{file}:")).unwrap_or("");
                let mut numbers = place.splitn(3, ':');
                let placed = numbers.next().is_some_and(|l| l.parse::<usize>().is_ok())
                    && numbers.next().is_some_and(|c| c.parse::<usize>().is_ok());
                prop_assert!(placed, "not placed: {}", said);
            }
        }
    }
}
