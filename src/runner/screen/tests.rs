//! Tests of the screen as rows: what each moment of the fixture routine
//! shows, at the smallest and larger terminal sizes, with overlays.

use std::time::Duration;

use unicode_width::UnicodeWidthStr;

use super::*;
use crate::engine::{Control, fixture};
use crate::library::{LibraryFile, load_files};
use crate::runner::layout::Layout;
use crate::runner::picture::Pictures;
use crate::runner::rows::Aside;

fn at(seconds: f64, overlay: Overlay, width: u16, height: u16) -> Vec<Row> {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(Duration::from_secs_f64(seconds));
    frame(&session, overlay, width, height)
}

/// The fixture's library with its exercises written as `exercises`.
fn library_with(exercises: String) -> crate::library::Library {
    let files = [
        LibraryFile::given("fixture/exercises/mini.toml", exercises),
        LibraryFile::given("fixture/mini.toml", fixture::ROUTINE),
    ];
    load_files(&files, Vec::new()).library
}

fn text(rows: &[Row]) -> String {
    rows.iter().map(|r| format!("{}\n", r.text)).collect()
}

/// `text` as the screen shows it in the words' rows of the segment
/// `session` is at, on a `width`×`height` screen: wrapped to the columns
/// the figure leaves, after a space.
fn words_lines(session: &Session<'_>, text: &str, width: u16, height: u16) -> Vec<String> {
    let s = &session.plan().segments[session.segment().expect("a segment")];
    let side = s.side.unwrap_or(Side::Left);
    let figure = match s.phase {
        Some(phase) => s.exercise.figure_for_phase(phase),
        None => s.exercise.figure.as_ref(),
    };
    let scene = figure.map(|f| crate::figure::Scene::of(f, side));
    let getting_ready = s.kind == SegmentKind::Prep;
    let main = Layout::of(width, height, s.side, scene.as_ref(), getting_ready).main;
    wrap(text, main.width - 1)
        .into_iter()
        .map(|l| format!("{} {l}", " ".repeat(main.x)))
        .collect()
}

/// A frame as the terminal shows it, each row after the name of its style
/// (blank for plain text), so that a snapshot holds what is drawn and how.
fn shown(rows: &[Row]) -> String {
    rows.iter()
        .map(|row| {
            let style = match row.style {
                Style::Plain => "",
                Style::Title => "title",
                Style::Dim => "dim",
                Style::Strong => "bold",
                Style::Left => "left",
                Style::Right => "right",
                Style::Count => "count",
                Style::Bar => "bar",
                Style::Breath => "breath",
                Style::Alert => "alert",
            };
            format!("{style:>6}│{}\n", row.line())
        })
        .collect()
}

/// The rows as [`shown`], fitted to the terminal: as many as it has, none
/// wider, the figure's lines in the room beside the text they stand by.
fn assert_fits(rows: &[Row], width: u16, height: u16) {
    assert_eq!(rows.len(), usize::from(height));
    for row in rows {
        assert!(row.line().width() <= usize::from(width), "{row:?}");
        assert!(row.aside_is_clear(), "{row:?}");
    }
}

/// The moments of the fixture routine, and a paused and a finished one.
fn moments() -> Vec<(&'static str, Session<'static>, Overlay)> {
    let library: &'static crate::library::Library = Box::leak(Box::new(fixture::library()));
    let at = |seconds: f64| {
        let mut session = Session::new(fixture::plan(library));
        session.advance(Duration::from_secs_f64(seconds));
        session
    };
    let mut paused = at(20.0);
    paused.apply(Control::Pause, Duration::from_secs(20));
    vec![
        // The tilt's get-ready: its set-up words beside the standing figure.
        ("1_get_ready", at(1.0), Overlay::None),
        ("2_count_in", at(12.5), Overlay::None),
        // The lunge, 8 s of 10 left on the left side, breathing in.
        ("3_hold_left", at(36.0), Overlay::None),
        ("4_switch_sides", at(45.0), Overlay::None),
        // The right side: the seconds at the right, the figure mirrored.
        ("5_hold_right", at(51.0), Overlay::None),
        // Breathing out, 5 s into the lunge's right side.
        ("6_breathing_out", at(54.0), Overlay::None),
        // The ball release has no figure: the screen as without pictures.
        ("7_no_figure", at(71.0), Overlay::None),
        ("8_paused", paused, Overlay::None),
        ("9_quit_question", at(20.0), Overlay::ConfirmQuit),
        ("10_help", at(7.0), Overlay::Help),
        ("11_end", at(80.0), Overlay::None),
    ]
}

/// Every moment of the fixture at the smallest screen, at 80×24 and at
/// 120×40: whole frames, so that every row's place, style and width is
/// held, and that nothing overlaps.
#[test]
fn each_moment_at_each_size() {
    for (width, height) in [(40, 12), (80, 24), (120, 40)] {
        for (name, session, overlay) in moments() {
            let rows = frame(&session, overlay, width, height);
            assert_fits(&rows, width, height);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), shown(&rows));
        }
    }
}

/// What the snapshots show, said as rules: the figure comes from 80×24 up,
/// only for an exercise that has one, never over the help or the end, and
/// not with pictures off, where the screen is as it is without a figure.
#[test]
fn a_figure_stands_beside_the_words_from_80_by_24_up() {
    let figured = |rows: &[Row]| rows.iter().filter(|r| r.aside.is_some()).count();
    for (name, session, overlay) in moments() {
        let has = session
            .segment()
            .is_some_and(|i| session.plan().segments[i].exercise.figure.is_some())
            && overlay != Overlay::Help;
        assert_eq!(figured(&frame(&session, overlay, 40, 12)), 0, "{name}");
        for (width, height) in [(80, 24), (120, 40)] {
            let rows = frame(&session, overlay, width, height);
            assert_eq!(figured(&rows) > 0, has, "{name} {width}x{height}");
            let off = frame_noting(&session, overlay, &[], &Pictures::new(false), width, height);
            assert_eq!(figured(&off), 0, "{name}");
            if !has {
                assert_eq!(off, rows, "{name}");
            }
        }
    }
    // Larger on a larger window.
    let tall = |width, height| figured(&at(36.0, Overlay::None, width, height));
    assert!(
        tall(80, 24) < tall(120, 40),
        "{} {}",
        tall(80, 24),
        tall(120, 40)
    );
}

/// The figure on the right side is the left side's mirror image: each line
/// read backwards, each braille cell's two columns of dots swapped.
#[test]
fn the_right_side_figure_is_the_mirror_of_the_left() {
    fn mirrored(line: &str) -> String {
        line.chars()
            .rev()
            .map(|c| {
                let bits = u32::from(c) - 0x2800;
                let swapped = [(0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80)]
                    .iter()
                    .fold(0, |out, &(left, right)| {
                        out | if bits & left != 0 { right } else { 0 }
                            | if bits & right != 0 { left } else { 0 }
                    });
                char::from_u32(0x2800 + swapped).unwrap()
            })
            .collect()
    }
    let figure = |rows: &[Row]| -> Vec<String> {
        rows.iter()
            .filter_map(|r| r.aside.as_ref().map(|a| a.text.clone()))
            .collect()
    };
    for (width, height) in [(80, 24), (120, 40)] {
        let left = figure(&at(36.0, Overlay::None, width, height));
        let right = figure(&at(51.0, Overlay::None, width, height));
        assert!(!left.is_empty());
        let mirror: Vec<String> = left.iter().map(|l| mirrored(l)).collect();
        assert_eq!(right, mirror, "{width}x{height}");
        assert_ne!(right, left);
    }
}

#[test]
fn paused_and_the_quit_question_are_bands() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.apply(Control::Pause, Duration::from_secs(7));
    let rows = frame(&session, Overlay::None, 40, 12);
    let paused = rows.iter().find(|r| r.text.starts_with("PAUSED")).unwrap();
    assert_eq!(paused.style, Style::Alert);
    let rows = frame(&session, Overlay::ConfirmQuit, 40, 12);
    assert_eq!(rows[11].text, "Quit? q: yes · any other key: no");
    assert_eq!(rows[11].style, Style::Alert);
}

#[test]
fn a_tiny_terminal_keeps_what_matters_most() {
    let rows = at(36.0, Overlay::None, 20, 4);
    assert_fits(&rows, 20, 4);
    insta::assert_snapshot!("tiny_terminal_20x4", shown(&rows));
}

#[test]
fn the_warm_up_question() {
    let guided = crate::words::run::guided_warm_up_choice(150, 300);
    let rows = warm_up_question(
        "Mini",
        "Warm muscles stretch further.",
        Some(&guided),
        40,
        12,
    );
    assert_fits(&rows, 40, 12);
    insta::assert_snapshot!("warm_up_question_40x12", shown(&rows));
}

#[test]
fn the_screen_moves_in_steps_of_a_second() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(Duration::from_millis(7_200));
    assert_eq!(next_change(&session), Some(Duration::from_millis(800)));
    let early = frame(&session, Overlay::None, 40, 12);
    session.advance(Duration::from_millis(7_999));
    assert_eq!(frame(&session, Overlay::None, 40, 12), early);
    session.advance(Duration::from_secs(8));
    assert_ne!(frame(&session, Overlay::None, 40, 12), early);
    session.apply(Control::Pause, Duration::from_millis(8_100));
    assert_eq!(next_change(&session), None);
}

#[test]
fn from_80_by_24_the_seconds_are_big_and_on_the_side_worked() {
    let digits = crate::runner::big_text::number(8, 2);
    let find = |rows: &[Row]| {
        rows.iter()
            .position(|r| r.text.trim() == digits[0].trim())
            .unwrap_or_else(|| panic!("no big 8 in\n{}", text(rows)))
    };
    // The ball release (no side, no figure), the lunge's left side and its
    // right side, each with 8 s of the hold left.
    let none = at(67.0, Overlay::None, 80, 24);
    let left = at(36.0, Overlay::None, 80, 24);
    let right = at(51.0, Overlay::None, 80, 24);
    assert_fits(&left, 80, 24);
    let row = find(&left);
    for (i, line) in digits.iter().enumerate() {
        assert_eq!(left[row + i].text, format!("  {line}"));
        assert_eq!(
            right[row + i].text,
            format!("{}{line}", " ".repeat(80 - 6 - 2))
        );
    }
    assert_eq!(find(&none), row, "the digits stay in their place");
    let middle = none[row].text.find('█').unwrap();
    assert!((30..45).contains(&middle), "{middle}");
    // Every row stays in its place whether or not the exercise has sides.
    for rows in [&none, &right] {
        for (a, b) in rows.iter().zip(left.iter()).take(row + 8) {
            assert_eq!(a.style == Style::Bar, b.style == Style::Bar);
        }
    }
    let band = right.iter().find(|r| r.style == Style::Right).unwrap();
    assert!(band.text.ends_with("RIGHT SIDE  ▶▶▶"), "{band:?}");
    assert_eq!(band.text.chars().count(), 80);
    // Smaller terminals keep the one-row count.
    let small = at(36.0, Overlay::None, 79, 24);
    assert!(!text(&small).contains(&digits[1]), "{}", text(&small));
}

#[test]
fn cut_text_ends_with_an_ellipsis() {
    let rows = at(1.0, Overlay::None, 12, 14);
    let info = rows.iter().find(|r| r.text.starts_with("Step 1")).unwrap();
    assert_eq!(info.text, "Step 1 of 3…");
}

#[test]
fn the_title_names_the_step_and_the_time_left() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(Duration::from_secs(36));
    assert_eq!(title(&session), "Step 2 of 3 · 0:39 left · psoas");
}

#[test]
fn a_warm_up_move_keeps_moving_with_no_paced_breathing() {
    let library = fixture::library();
    let settings = crate::engine::PlanSettings::default();
    let warm_up =
        crate::engine::Plan::warm_up(&library, &settings, crate::library::Impact::Low).unwrap();
    let mut session = Session::new(fixture::plan(&library).with_warm_up(warm_up));
    let cues = session.advance(Duration::from_secs(20));
    assert!(
        !cues
            .iter()
            .any(|c| matches!(c.event, crate::engine::Event::Breath { .. })),
        "{cues:?}"
    );
    insta::assert_snapshot!(
        "warm_up_move_60x14",
        shown(&frame(&session, Overlay::None, 60, 14))
    );
    let lines: Vec<String> = cues
        .iter()
        .filter_map(|c| crate::words::run::line(session.plan(), &c.event))
        .collect();
    assert!(lines.contains(&"Keep moving 20 s".to_string()), "{lines:?}");
    assert!(
        lines[0].starts_with("Warm-up 1 of 1: March. Get ready (15 s)."),
        "{lines:?}"
    );
}

#[test]
fn the_help_says_the_clock_waits() {
    insta::assert_snapshot!("help_60x14", shown(&at(7.0, Overlay::Help, 60, 14)));
}

#[test]
fn while_the_voice_speaks_the_count_waits_and_says_so() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.set_waiting(true, Duration::ZERO);
    session.advance(Duration::ZERO);
    session.advance(Duration::from_secs(13));
    assert!(session.is_waiting());
    insta::assert_snapshot!(
        "voice_waiting_60x14",
        shown(&frame(&session, Overlay::None, 60, 14))
    );
}

#[test]
fn japanese_words_are_cut_and_wrapped_in_columns() {
    let exercises = fixture::EXERCISES
        .replace("Pelvic tilt", "骨盤を後ろに傾けるゆっくりとしたストレッチ")
        .replace(
            "\"Stand tall.\", \"Hands on hips.\"",
            "\"背筋を伸ばしてまっすぐに立ち、両足を腰幅に開きます。\"",
        );
    let library = library_with(exercises);
    let mut session = Session::new(fixture::plan(&library));
    session.advance(Duration::from_secs(1));
    let rows = frame(&session, Overlay::None, 40, 14);
    assert_fits(&rows, 40, 14);
    // Two columns a character: the name's 19 of them and the ellipsis fill
    // 39 of 40; the set-up line wraps at 39 columns after a one-space margin.
    insta::assert_snapshot!("japanese_40x14", shown(&rows));
}

/// The first get-ready shows what is left out and what to have at hand
/// first, and the stop rule last; the next get-ready shows none of them.
#[test]
fn the_first_get_ready_says_what_is_left_out_and_needed() {
    let library = fixture::needing_library();
    let mut session = Session::new(fixture::pregnancy_plan(&library));
    session.advance(Duration::from_secs(1));
    insta::assert_snapshot!(
        "first_get_ready_100x30",
        shown(&frame(&session, Overlay::None, 100, 30))
    );
    session.advance(Duration::from_secs(33));
    insta::assert_snapshot!(
        "next_get_ready_100x30",
        shown(&frame(&session, Overlay::None, 100, 30))
    );
}

/// However many words a get-ready says and however small the terminal,
/// every line of them is on the screen at some moment before the count-in:
/// words that do not fit are shown a page at a time, never cut off.
#[test]
fn every_word_of_every_built_in_get_ready_reaches_the_screen() {
    use crate::library::{Sources, load};
    let loaded = load(&Sources {
        builtin: true,
        ..Sources::default()
    });
    let library = loaded.library;
    let settings = crate::engine::PlanSettings::default();
    for routine in library.routines() {
        for (width, height) in [(40, 12), (80, 24)] {
            let plan = crate::engine::Plan::build(routine, &library, &settings).unwrap();
            let mut session = Session::new(plan);
            let mut hold = None;
            let mut expected: Vec<String> = Vec::new();
            let mut seen: Vec<String> = Vec::new();
            let check = |expected: &mut Vec<String>, seen: &[String]| {
                for line in expected.drain(..) {
                    assert!(
                        seen.contains(&line),
                        "{}, {width}×{height}: {line:?} never shown",
                        routine.id
                    );
                }
            };
            for second in 0..u64::from(session.plan().total()) {
                session.advance(Duration::from_secs(second));
                let Some(index) = session.segment() else {
                    break;
                };
                let segment = &session.plan().segments[index];
                if hold != Some(segment.hold) {
                    check(&mut expected, &seen);
                    seen.clear();
                    hold = Some(segment.hold);
                    expected = session
                        .get_ready_events()
                        .filter_map(|e| crate::words::run::line(session.plan(), e))
                        .flat_map(|p| words_lines(&session, &p, width, height))
                        .collect();
                }
                seen.extend(
                    frame(&session, Overlay::None, width, height)
                        .into_iter()
                        .map(|r| r.text),
                );
            }
            check(&mut expected, &seen);
        }
    }
}

/// A cue too long for the rows left is paged from the moment it comes, so
/// its first line is on the screen first.
#[test]
fn a_long_cue_starts_at_its_first_page() {
    // Eighteen words: said in time within the 10-s hold, with its opening.
    let long = "Breathe slowly and let the front of the hip soften a little more each time you breathe out.";
    let exercises = fixture::EXERCISES.replace("\"Tilt gently.\"", &format!("\"{long}\""));
    let library = library_with(exercises);
    let mut session = Session::new(fixture::plan(&library));
    // The tilt's hold starts, and its first cue with it, 15 s in.
    session.advance(Duration::from_secs(16));
    insta::assert_snapshot!(
        "long_cue_40x11",
        shown(&frame(&session, Overlay::None, 40, 11))
    );
}

/// In every built-in routine, from 80×24 up, a phase's instruction is on
/// the screen for the whole of its phase, and every cue from when it comes
/// until it has been said: the cue has rows of its own, so neither hides
/// the other, and a cue is never replaced before its time.
#[test]
fn every_instruction_stays_on_the_screen_for_its_time() {
    use crate::engine::{Event, Pace, timeline, word_count};
    use crate::library::{Sources, load};
    let library = load(&Sources {
        builtin: true,
        ..Sources::default()
    })
    .library;
    let settings = crate::engine::PlanSettings::default();
    let (width, height) = (80, 24);
    let mut checked = 0;
    for routine in library.routines() {
        let plan = crate::engine::Plan::build(routine, &library, &settings).unwrap();
        // Each instruction, and the plan time it is due on screen.
        let mut due: Vec<(Duration, Duration, String)> = Vec::new();
        for cue in timeline(&plan) {
            let Some(text) = instruction(&plan, &cue.event) else {
                continue;
            };
            let until = match cue.event {
                Event::Phase { segment, .. } => secs(plan.segments[segment].end()),
                _ => cue.at + Pace::DEFAULT.time_to_say(word_count(&text)),
            };
            due.push((cue.at, until, text));
        }
        let mut session = Session::new(plan);
        for half in 0..u64::from(session.plan().total()) * 2 {
            let now = Duration::from_millis(half * 500);
            session.advance(now);
            let screen: Vec<String> = frame(&session, Overlay::None, width, height)
                .into_iter()
                .map(|r| r.text)
                .collect();
            for (from, until, text) in &due {
                if (*from..*until).contains(&now) {
                    checked += 1;
                    for line in &words_lines(&session, text, width, height) {
                        assert!(
                            screen.contains(line),
                            "{} at {now:?}: {line:?} missing from\n{}",
                            routine.id,
                            screen.join("\n")
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// A transfer shows its step for the whole phase, says to follow the steps
/// and has no breathing pace; a paced movement counts in to its start and
/// names its rounds.
#[test]
fn a_transfer_has_steps_and_a_movement_rounds() {
    let library = fixture::paced_library();
    let mut session = Session::new(fixture::paced_plan(&library));
    // The way down: its phase, no breathing pace.
    session.advance(Duration::from_secs(24));
    insta::assert_snapshot!("transfer", shown(&frame(&session, Overlay::None, 60, 16)));
    // The movement's count-in, then its first round.
    session.advance(Duration::from_secs(34));
    insta::assert_snapshot!(
        "movement_count_in",
        shown(&frame(&session, Overlay::None, 60, 16))
    );
    session.advance(Duration::from_secs(37));
    insta::assert_snapshot!("movement", shown(&frame(&session, Overlay::None, 60, 16)));
}

/// On the smallest screen, 40×12, instructions that do not fit share the
/// rows: still every line of every phase and cue of every built-in routine
/// is on the screen at some moment while it is due.
#[test]
fn on_the_smallest_screen_every_instruction_comes_into_view() {
    use crate::engine::{Event, Pace, timeline, word_count};
    use crate::library::{Sources, load};
    let library = load(&Sources {
        builtin: true,
        ..Sources::default()
    })
    .library;
    let settings = crate::engine::PlanSettings::default();
    let (width, height) = (40, 12);
    for routine in library.routines() {
        let plan = crate::engine::Plan::build(routine, &library, &settings).unwrap();
        let mut due: Vec<(Duration, Duration, Vec<String>)> = Vec::new();
        for cue in timeline(&plan) {
            let Some(text) = instruction(&plan, &cue.event) else {
                continue;
            };
            let until = match cue.event {
                Event::Phase { segment, .. } => secs(plan.segments[segment].end()),
                _ => cue.at + Pace::DEFAULT.time_to_say(word_count(&text)) + STEP * 2,
            };
            let lines = wrap(&text, usize::from(width) - 1)
                .into_iter()
                .map(|l| format!(" {l}"))
                .collect();
            due.push((cue.at, until, lines));
        }
        let mut seen: Vec<Vec<String>> = vec![Vec::new(); due.len()];
        let mut session = Session::new(plan);
        for half in 0..u64::from(session.plan().total()) * 2 {
            let now = Duration::from_millis(half * 500);
            session.advance(now);
            let screen: Vec<String> = frame(&session, Overlay::None, width, height)
                .into_iter()
                .map(|r| r.text)
                .collect();
            for (i, (from, until, _)) in due.iter().enumerate() {
                if (*from..*until).contains(&now) {
                    seen[i].extend(screen.iter().cloned());
                }
            }
        }
        for ((from, _, lines), seen) in due.iter().zip(&seen) {
            for line in lines {
                assert!(
                    seen.contains(line),
                    "{} from {from:?}: {line:?} never shown",
                    routine.id
                );
            }
        }
    }
}

#[test]
fn a_notice_stands_above_the_key_hints_until_the_end() {
    let library = fixture::library();
    let mut session = Session::new(fixture::plan(&library));
    session.advance(Duration::from_secs(20));
    let notice = ["The voice program sh is not answering: going on without waiting for it.".into()];
    let rows = frame_noting(
        &session,
        Overlay::None,
        &notice,
        &Pictures::new(true),
        40,
        12,
    );
    assert_fits(&rows, 40, 12);
    let told: Vec<&Row> = rows.iter().filter(|r| r.style == Style::Alert).collect();
    assert_eq!(
        told.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
        [
            "The voice program sh is not answering:",
            "going on without waiting for it."
        ]
    );
    assert_eq!(rows[9], *told[0]);
    assert!(rows[11].text.starts_with("space pause"), "{}", text(&rows));
    // Without it, the screen is as it always was.
    assert_eq!(
        frame_noting(&session, Overlay::None, &[], &Pictures::new(true), 40, 12),
        frame(&session, Overlay::None, 40, 12)
    );
    // And under "Routine complete".
    session.advance(Duration::from_secs(600));
    let rows = frame_noting(
        &session,
        Overlay::None,
        &notice,
        &Pictures::new(true),
        40,
        12,
    );
    assert_eq!(rows[0].text, "Routine complete");
    assert_eq!(rows[1].text, "The voice program sh is not answering:");
}

/// A ball release's phase that moves the body shows the figure of the
/// position it moves to; a phase without one keeps the one before it.
#[test]
fn a_phase_that_moves_the_body_shows_its_own_figure() {
    let exercises = fixture::EXERCISES
        .replace(
            "setup = [\"Lie on the ball.\"]",
            "setup = [\"Lie on the ball.\"]\nfigure = { trunk = -105 }",
        )
        .replace(
            "cue = \"Rock slowly.\"",
            "cue = \"Rock slowly.\"\nfigure = { trunk = -112, left_hip = 40 }",
        );
    let library = library_with(exercises);
    let plan = fixture::plan(&library);
    let starts: Vec<(usize, u32)> = plan
        .segments
        .iter()
        .filter_map(|s| s.phase.map(|p| (p, s.start)))
        .collect();
    assert_eq!(starts.len(), 2, "{starts:?}");
    let figure_at = |seconds: u32| -> Vec<String> {
        let mut session = Session::new(fixture::plan(&library));
        session.advance(Duration::from_secs(u64::from(seconds) + 1));
        frame(&session, Overlay::None, 80, 24)
            .iter()
            .filter_map(|r| r.aside.as_ref().map(|a| a.text.clone()))
            .collect()
    };
    let (first, second) = (figure_at(starts[0].1), figure_at(starts[1].1));
    assert!(!first.is_empty() && !second.is_empty());
    assert_ne!(first, second, "the second phase moves the body");
    let ball = library.exercise("ball").unwrap();
    assert_eq!(
        ball.figure_for_phase(1).unwrap().angles.left_hip,
        40,
        "the figure drawn is the phase's"
    );
}

/// The fixture with the tilt drawn lying face down, as the prone exercises
/// of the built-in library are: a figure eight times as wide as it is high.
fn lying_library() -> crate::library::Library {
    library_with(fixture::EXERCISES.replace(
        "figure = { view = \"side\", props = [\"floor\"] }",
        "figure = { view = \"side\", trunk = 90, head = -10, left_hip = 0, left_ankle = 90, \
         right_hip = 0, right_ankle = 90, left_shoulder = 166, left_elbow = 178, \
         right_shoulder = 166, right_elbow = 178, props = [\"floor\"] }",
    ))
}

/// A figure lying down is larger under the breathing line and the words,
/// across the width, than in a column beside them: during the hold it stands
/// there, as large as the rows left allow, the seconds and the breathing
/// line where they are without a figure. The get-ready keeps it beside the
/// set-up words.
#[test]
fn a_lying_figure_stands_under_the_words_across_the_width() {
    let library = lying_library();
    let at = |seconds: u64| {
        let mut session = Session::new(fixture::plan(&library));
        session.advance(Duration::from_secs(seconds));
        session
    };
    let (ready, hold) = (at(1), at(17));
    let no_pictures = |session: &Session<'_>, width, height| {
        frame_noting(
            session,
            Overlay::None,
            &[],
            &Pictures::new(false),
            width,
            height,
        )
    };
    for (width, height) in [(80, 24), (120, 40)] {
        let rows = frame(&hold, Overlay::None, width, height);
        assert_fits(&rows, width, height);
        insta::assert_snapshot!(format!("lying_hold_{width}x{height}"), shown(&rows));
        // Every row of text as it is without a figure.
        let texts = |rows: &[Row]| rows.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&rows), texts(&no_pictures(&hold, width, height)));
        let figure: Vec<&Aside> = rows.iter().filter_map(|r| r.aside.as_ref()).collect();
        let drawn = figure.iter().map(|a| a.text.width()).max().unwrap();
        // Wider than the column beside the words could be.
        assert!(drawn > usize::from(width) * 9 / 20, "{drawn}");
        let ready = frame(&ready, Overlay::None, width, height);
        assert_fits(&ready, width, height);
        insta::assert_snapshot!(format!("lying_get_ready_{width}x{height}"), shown(&ready));
        assert!(ready.iter().any(|r| r.aside.is_some()));
        assert_ne!(texts(&ready), texts(&no_pictures(&at(1), width, height)));
    }
}
