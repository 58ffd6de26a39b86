//! Figures: `show --format svg` writes one picture, for the side asked;
//! `show` draws the figure in braille on a terminal only, never into a pipe,
//! and not with `--no-pictures`; an exercise without a figure shows as
//! before; a bad angle or an unknown prop is reported like any other key.

use crate::run::pty::Pty;
use crate::{Env, stdout_of};

fn is_braille(c: char) -> bool {
    ('\u{2800}'..='\u{28FF}').contains(&c)
}

#[test]
fn show_writes_a_figure_as_svg_for_the_side_asked() {
    let env = Env::new();
    let left = stdout_of(&mut env.psoas(&["show", "kneeling-psoas-stretch", "--format", "svg"]));
    let right = stdout_of(&mut env.psoas(&[
        "show",
        "kneeling-psoas-stretch",
        "--format",
        "svg",
        "--side",
        "right",
    ]));
    assert!(left.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(left.ends_with("</svg>\n"));
    assert!(left.contains("<title>Half-kneeling psoas stretch, left side</title>"));
    assert!(right.contains("<title>Half-kneeling psoas stretch, right side</title>"));
    insta::assert_snapshot!("kneeling_psoas_stretch_left_svg", left);
}

#[test]
fn an_exercise_without_a_figure_has_no_svg_and_shows_as_before() {
    let env = Env::new();
    env.write(
        "config/psoas/routines/exercises/mine.toml",
        "[[exercise]]\nid = \"my-stretch\"\nname = \"My stretch\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"Lie down.\"]\n",
    );
    let output = env
        .psoas(&["show", "my-stretch", "--format", "svg"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "psoas: `my-stretch` has no figure yet; its words are complete without one\n"
    );
    let text = stdout_of(&mut env.psoas(&["show", "my-stretch"]));
    assert!(text.starts_with("My stretch (my-stretch)\nstretch · lying · 30 s\n"));
}

#[test]
fn a_pipe_gets_the_words_alone() {
    let env = Env::new();
    let text = stdout_of(&mut env.psoas(&["show", "kneeling-psoas-stretch"]));
    assert!(!text.chars().any(is_braille), "{text}");
    assert!(
        text.starts_with(
            "Half-kneeling psoas stretch (kneeling-psoas-stretch)\nstretch · kneeling"
        )
    );
}

#[test]
fn a_terminal_is_shown_the_figure_unless_pictures_are_off() {
    let env = Env::new();
    let mut pty = Pty::spawn_sized(&env, &["show", "kneeling-psoas-stretch"], (60, 80));
    assert_eq!(pty.wait_exit(), 0);
    let rows = pty.rows();
    assert_eq!(
        rows[0],
        "Half-kneeling psoas stretch (kneeling-psoas-stretch)"
    );
    let drawn: Vec<&String> = rows.iter().filter(|r| r.chars().any(is_braille)).collect();
    assert_eq!(drawn.len(), 12, "{rows:#?}");
    assert!(drawn.iter().all(|r| r.chars().count() <= 80));
    let left: Vec<String> = drawn.into_iter().cloned().collect();

    // The right side is drawn as the left's mirror image: the kneeling leg
    // (a long line along the floor) is on the other side of the body.
    let mut pty = Pty::spawn_sized(
        &env,
        &["show", "kneeling-psoas-stretch", "--side", "right"],
        (60, 80),
    );
    assert_eq!(pty.wait_exit(), 0);
    let right: Vec<String> = pty
        .rows()
        .into_iter()
        .filter(|r| r.chars().any(is_braille))
        .collect();
    assert_eq!(right.len(), 12);
    // Whether more of the row's dots lie in its left half than its right.
    let heavier_on_the_left = |row: &str| {
        let cells: Vec<bool> = row
            .chars()
            .map(|c| is_braille(c) && c != '\u{2800}')
            .collect();
        let (left, right) = cells.split_at(cells.len() / 2);
        let count = |half: &[bool]| half.iter().filter(|&&on| on).count();
        count(left) > count(right)
    };
    assert!(heavier_on_the_left(&left[10]), "{left:#?}");
    assert!(!heavier_on_the_left(&right[10]), "{right:#?}");

    let mut pty = Pty::spawn_sized(
        &env,
        &["show", "kneeling-psoas-stretch", "--no-pictures"],
        (60, 80),
    );
    assert_eq!(pty.wait_exit(), 0);
    let rows = pty.rows();
    assert!(rows.iter().all(|r| !r.chars().any(is_braille)), "{rows:#?}");
    assert_eq!(
        rows[1],
        "stretch · kneeling · 30 s each side · equipment: cushion"
    );

    env.write("config/psoas/config.toml", "pictures = false\n");
    let mut pty = Pty::spawn_sized(&env, &["show", "kneeling-psoas-stretch"], (60, 80));
    assert_eq!(pty.wait_exit(), 0);
    let rows = pty.rows();
    assert!(rows.iter().all(|r| !r.chars().any(is_braille)), "{rows:#?}");
    assert_eq!(
        rows[1],
        "stretch · kneeling · 30 s each side · equipment: cushion"
    );
}

/// `psoas check` on an exercise with `figure`; its stderr, the file as `F`.
fn check(env: &Env, figure: &str) -> String {
    let path = env.write(
        "work/exercises/f.toml",
        &format!(
            "[[exercise]]\nid = \"a\"\nname = \"A\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\nfigure = {figure}\n"
        ),
    );
    let output = env
        .psoas(&["check", &path.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8(output.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "F")
}

#[test]
fn a_bad_angle_says_where_and_what_is_valid() {
    let env = Env::new();
    let said = check(&env, "{ trunk = -90, left_hip = 200 }");
    assert_eq!(
        said,
        "F:7:36: error: `exercise[1].figure.left_hip`: 200 is out of range
  |
7 | figure = { trunk = -90, left_hip = 200 }
  |                                    ^^^
  |
  = help: a whole number of degrees from -180 to 180

1 problem found
"
    );
    let said = check(&env, "{ left_knee = \"bent\" }");
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("figure_angle_given_as_a_word", said);
}

#[test]
fn an_unknown_prop_view_or_place_lists_what_is_valid() {
    let env = Env::new();
    let _snapshots = crate::snapshots();
    for (name, figure) in [
        ("figure_unknown_prop", "{ props = [\"floor\", \"sofa\"] }"),
        (
            "figure_unknown_place",
            "{ props = [{ prop = \"ball\", at = \"tummy\" }] }",
        ),
        ("figure_unknown_view", "{ view = \"top\" }"),
        ("figure_unknown_joint", "{ left_hipp = 3 }"),
        (
            "figure_chair_lying_on_the_side",
            "{ view = \"side-lying\", props = [\"floor\", \"chair\"] }",
        ),
    ] {
        insta::assert_snapshot!(name, check(&env, figure));
    }
}

#[test]
fn a_resting_part_in_the_air_or_unknown_is_refused_at_its_place() {
    let env = Env::new();
    // On the back, knees bent so far toward the chest that the feet are
    // off the floor, though the figure says they rest on it.
    let feet_up = "{ trunk = -90, left_hip = 90, left_knee = 90, right_hip = 90, right_knee = 90, \
                   props = [\"floor\"], rests = [\"pelvis\", \"left-foot\"] }";
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!("figure_resting_foot_in_the_air", check(&env, feet_up));
    insta::assert_snapshot!(
        "figure_unknown_resting_part",
        check(&env, "{ rests = [\"bottom\"] }")
    );
    // The same feet brought down to the floor pass.
    let path = env.write(
        "work/exercises/f.toml",
        "[[exercise]]\nid = \"a\"\nname = \"A\"\nkind = \"stretch\"\nposition = \"lying\"\nsetup = [\"x\"]\n\
         figure = { trunk = -90, left_hip = 45, left_knee = 100, left_ankle = 35, props = [\"floor\"], rests = [\"pelvis\", \"left-foot\"] }\n",
    );
    let output = env
        .psoas(&["check", &path.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

#[test]
fn a_phase_has_its_own_figure_where_the_position_changes() {
    let env = Env::new();
    let svg = |args: &[&str]| {
        let mut all = vec!["show", "side-plank-knees", "--format", "svg"];
        all.extend(args);
        stdout_of(&mut env.psoas(&all))
    };
    let own = svg(&[]);
    let lifted = svg(&["--phase", "1"]);
    let lowered = svg(&["--phase", "2"]);
    assert!(own.contains("<title>Side plank from the knees, left side</title>"));
    assert!(lifted.contains("<title>Side plank from the knees, phase 1, left side</title>"));
    // Set up lying on the forearm, lifted in phase 1, lowered in phase 2:
    // the lowered body is the set-up's, under another title.
    let body = |svg: &str| svg.split("</title>").nth(1).unwrap().to_string();
    assert_ne!(body(&own), body(&lifted));
    assert_eq!(body(&own), body(&lowered));
    let right = svg(&["--phase", "1", "--side", "right"]);
    assert!(right.contains("<title>Side plank from the knees, phase 1, right side</title>"));
    assert_ne!(body(&right), body(&lifted));

    let fails = |args: &[&str]| {
        let output = env.psoas(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        fails(&[
            "show",
            "side-plank-knees",
            "--format",
            "svg",
            "--phase",
            "4"
        ]),
        "psoas: `side-plank-knees` has 3 phases, so --phase takes 1 to 3\n"
    );
    assert_eq!(
        fails(&["show", "sphinx", "--format", "svg", "--phase", "1"]),
        "psoas: `sphinx` has no phases, so no --phase\n"
    );
    assert_eq!(
        fails(&["show", "side-plank-knees", "--phase", "1"]),
        "psoas: --phase picks the figure `--format svg` writes; add `--format svg`\n"
    );

    // On a terminal, each phase that changes the position draws it under
    // its words, smaller than the exercise's own figure.
    let mut pty = Pty::spawn_sized(&env, &["show", "up-from-a-bed"], (90, 200));
    assert_eq!(pty.wait_exit(), 0);
    let rows = pty.rows();
    let phase = |n: usize| {
        rows.iter()
            .position(|r| r.starts_with(&format!("  {n}.  10 s")))
            .unwrap()
    };
    // How many rows of braille follow row `i`, each set in under the words.
    let figure_after = |i: usize| {
        rows[i + 1..]
            .iter()
            .take_while(|r| r.starts_with("         ") && r.chars().any(is_braille))
            .count()
    };
    let own = rows[..phase(1)]
        .iter()
        .filter(|r| r.chars().any(is_braille))
        .count();
    assert!((6..=12).contains(&own), "{rows:#?}");
    // Phase 1 keeps the set-up's position; phases 2 and 3 change it.
    assert_eq!(phase(2), phase(1) + 1, "{rows:#?}");
    assert!((4..=8).contains(&figure_after(phase(2))), "{rows:#?}");
    assert_eq!(phase(3), phase(2) + 1 + figure_after(phase(2)));
    assert!((4..=8).contains(&figure_after(phase(3))), "{rows:#?}");
}
