//! The run's screen end to end, in a pseudo-terminal of 40×12, 80×24 and
//! 120×40: whole screens as the terminal shows them, at moments that hold
//! still. The run's clock is virtual, and a voice that never finishes one
//! sentence holds the run at that sentence's count-in, so each screen is the
//! same on every run however busy the machine is.

use super::pty::Pty;
use super::{assert_handed_back, lib, mini, stalling_voice};

/// The run of `mini` held at the count-in of what the voice is given with
/// `words` in it, on a terminal of `rows`×`cols`, with `extra` arguments.
fn held_at(words: &str, (rows, cols): (u16, u16), extra: &[&str]) -> (crate::Env, Pty) {
    let env = mini();
    stalling_voice(&env, words);
    let lib = lib(&env);
    let mut args = vec!["--library", &lib, "run", "mini", "--no-warm-up"];
    args.extend_from_slice(extra);
    let pty = Pty::spawn_at_once_sized(&env, &args, (rows, cols));
    (env, pty)
}

/// The screen once the lunge's count-in on `side` stands waiting for the
/// voice: the status says so, and the key hints, drawn last, are those of a
/// count-in.
fn waiting_screen(pty: &Pty, side: &str) -> String {
    let rows = pty.wait_until(&format!("the lunge's count-in, {side}"), |rows| {
        rows.iter().any(|r| r.starts_with("Step 2 of 3"))
            && rows.iter().any(|r| r.contains(side))
            && rows.iter().any(|r| r.contains("listen, then"))
            && rows.last().is_some_and(|r| r.starts_with("space pause"))
    });
    rows.join("\n")
}

/// Ends the run with Ctrl-C: 130, and the terminal as it was.
fn interrupt(mut pty: Pty) {
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 130);
    assert_handed_back(&pty);
}

/// The lunge's left side and, after the switch, its right side, at each
/// size: from 80×24 the kneeling figure stands beside the words, away from
/// the big seconds, and on the right side it is mirrored; at 40×12 there is
/// no figure.
#[test]
fn the_screen_at_each_size_with_the_figure_on_each_side() {
    for size in [(12, 40), (24, 80), (40, 120)] {
        for (moment, words, side) in [
            ("left", "Lunge. Left side", "LEFT SIDE"),
            ("right", "Switch sides", "RIGHT SIDE"),
        ] {
            let (_env, pty) = held_at(words, size, &[]);
            let screen = waiting_screen(&pty, side);
            let has_figure = screen.contains('⣿');
            assert_eq!(has_figure, size.0 >= 24, "{screen}");
            insta::assert_snapshot!(format!("{moment}_{}x{}", size.1, size.0), screen);
            interrupt(pty);
        }
    }
}

/// `--no-pictures` and `pictures = false` leave the figure off the screen,
/// and the words have the whole width.
#[test]
fn no_pictures_leaves_the_figure_off() {
    let (_env, pty) = held_at("Lunge. Left side", (40, 120), &["--no-pictures"]);
    let off = waiting_screen(&pty, "LEFT SIDE");
    assert!(
        !off.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{off}"
    );
    interrupt(pty);

    let (env, pty) = held_at("Lunge. Left side", (40, 120), &[]);
    let on = waiting_screen(&pty, "LEFT SIDE");
    assert!(on.contains('⣿'), "{on}");
    interrupt(pty);
    let config = std::fs::read_to_string(env.root().join("config/psoas/config.toml")).unwrap();
    env.write(
        "config/psoas/config.toml",
        &format!("{config}pictures = false\n"),
    );
    let lib = lib(&env);
    let pty = Pty::spawn_at_once_sized(
        &env,
        &["--library", &lib, "run", "mini", "--no-warm-up"],
        (40, 120),
    );
    let config_off = waiting_screen(&pty, "LEFT SIDE");
    assert_eq!(config_off, off);
    interrupt(pty);
}
