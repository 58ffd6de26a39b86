//! Drawing a figure: laying out the kneeling stretch with its props,
//! mirrored for the right side, and drawing it in braille for the room the
//! run's screen gives it at 80x24 and 120x40 and for `show`, and as SVG,
//! many times over; and a figure lying face down, drawn across the run's
//! screen.
//!
//! Run with `cargo bench --bench figure_draw`; it prints the median time of
//! one layout and one drawing of each kind, over 11 runs of 2,000.

use std::hint::black_box;
use std::time::Instant;

use psoas_coach::figure::{Anchor, Angles, Figure, Prop, PropPlace, Scene, View, braille, svg};
use psoas_coach::library::Side;

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn time(what: &str, mut f: impl FnMut()) {
    const TIMES: u32 = 2_000;
    let runs = (0..11)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..TIMES {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(TIMES)
        })
        .collect();
    println!("{what}: {:.1} µs", median(runs));
}

fn main() {
    let figure = Figure {
        view: View::Side,
        angles: Angles {
            left_hip: -15,
            left_knee: 75,
            left_ankle: 90,
            right_hip: 95,
            right_knee: 95,
            left_shoulder: 20,
            left_elbow: 40,
            right_shoulder: 20,
            right_elbow: 40,
            ..Angles::default()
        },
        props: vec![
            PropPlace {
                prop: Prop::Floor,
                at: Anchor::Pelvis,
                to: None,
            },
            PropPlace {
                prop: Prop::Cushion,
                at: Anchor::LeftKnee,
                to: None,
            },
        ],
        rests: Vec::new(),
    };
    time("layout (right side, mirrored)", || {
        black_box(Scene::of(black_box(&figure), Side::Right));
    });
    let scene = Scene::of(&figure, Side::Right);
    time("braille, 60 columns by 30 rows", || {
        black_box(braille::render(black_box(&scene), 60, 30));
    });
    time("braille, 30 columns by 14 rows", || {
        black_box(braille::render(black_box(&scene), 30, 14));
    });
    // The figure's column on the run's screen, at 120x40 and at 80x24.
    time("braille, 41 columns by 32 rows", || {
        black_box(braille::render(black_box(&scene), 41, 32));
    });
    time("braille, 31 columns by 16 rows", || {
        black_box(braille::render(black_box(&scene), 31, 16));
    });
    // A figure lying face down, under the words across the run's screen at
    // 120x40 and at 80x24.
    let lying = Figure {
        view: View::Side,
        angles: Angles {
            trunk: 90,
            head: -10,
            left_ankle: 90,
            right_ankle: 90,
            left_shoulder: 166,
            left_elbow: 178,
            right_shoulder: 166,
            right_elbow: 178,
            ..Angles::default()
        },
        props: vec![PropPlace {
            prop: Prop::Floor,
            at: Anchor::Pelvis,
            to: None,
        }],
        rests: Vec::new(),
    };
    let lying = Scene::of(&lying, Side::Left);
    time("braille, lying, 118 columns by 8 rows", || {
        black_box(braille::render(black_box(&lying), 118, 8));
    });
    time("braille, lying, 78 columns by 3 rows", || {
        black_box(braille::render(black_box(&lying), 78, 3));
    });
    time("SVG", || {
        black_box(svg::render(black_box(&scene), 320, "Kneeling"));
    });
}
