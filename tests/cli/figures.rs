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
    ] {
        insta::assert_snapshot!(name, check(&env, figure));
    }
}
