//! A figure in Unicode braille, for a terminal: each character cell holds
//! two by four dots, which are about square on a terminal's cells, so the
//! figure keeps its proportions. It is scaled to fill the room it is given
//! (columns by rows) and centred in it; the body is drawn solid, props as
//! thin lines.

use super::body::Point;
use super::scene::{Layer, Scene, Shape};

/// A grid of dots, `width` by `height`, row by row from the top.
struct Dots {
    width: usize,
    height: usize,
    on: Vec<bool>,
}

impl Dots {
    fn set(&mut self, x: i32, y: i32) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            self.on[y as usize * self.width + x as usize] = true;
        }
    }

    /// Every dot within `radius` of the segment `a`–`b` (in dots).
    fn capsule(&mut self, a: (f32, f32), b: (f32, f32), radius: f32) {
        let r = radius.max(0.5);
        let x0 = (a.0.min(b.0) - r).floor() as i32;
        let x1 = (a.0.max(b.0) + r).ceil() as i32;
        let y0 = (a.1.min(b.1) - r).floor() as i32;
        let y1 = (a.1.max(b.1) + r).ceil() as i32;
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len2 = dx * dx + dy * dy;
        for y in y0.max(0)..=y1.min(self.height as i32 - 1) {
            for x in x0.max(0)..=x1.min(self.width as i32 - 1) {
                let (px, py) = (x as f32 + 0.5 - a.0, y as f32 + 0.5 - a.1);
                let t = if len2 > 0.0 {
                    ((px * dx + py * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (ex, ey) = (px - t * dx, py - t * dy);
                if ex * ex + ey * ey <= r * r {
                    self.set(x, y);
                }
            }
        }
    }
}

/// `scene` drawn in at most `columns` by `rows` braille cells: the lines
/// of the picture, each as wide as the figure is and no wider; none when
/// there is no room at all.
pub fn render(scene: &Scene, columns: usize, rows: usize) -> Vec<String> {
    if columns == 0 || rows == 0 {
        return Vec::new();
    }
    let (room_w, room_h) = (columns * 2, rows * 4);
    let scale = (room_w as f32 / scene.width()).min(room_h as f32 / scene.height());
    let width = ((scene.width() * scale).ceil() as usize).clamp(1, room_w);
    let height = ((scene.height() * scale).ceil() as usize).clamp(1, room_h);
    let mut dots = Dots {
        width,
        height,
        on: vec![false; width * height],
    };
    let at = |p: Point| ((p.x - scene.min.x) * scale, (scene.max.y - p.y) * scale);
    // The body's lines are drawn a little thinner than they are, so that
    // limbs side by side stay apart; props are one dot wide.
    let body_width = |w: f32| (w * scale * 0.35).max(0.5);
    for shape in &scene.shapes {
        match *shape {
            Shape::Line {
                from,
                to,
                width,
                layer,
            } => {
                let radius = match layer {
                    Layer::Prop => 0.5,
                    _ => body_width(width),
                };
                dots.capsule(at(from), at(to), radius);
            }
            Shape::Circle {
                centre,
                radius,
                filled,
                ..
            } => {
                let c = at(centre);
                let r = radius * scale;
                if filled {
                    dots.capsule(c, c, r);
                } else {
                    let steps = (r * 8.0).ceil().max(8.0) as usize;
                    for i in 0..steps {
                        let t = i as f32 / steps as f32 * std::f32::consts::TAU;
                        dots.set(
                            (c.0 + r * t.cos()).floor() as i32,
                            (c.1 + r * t.sin()).floor() as i32,
                        );
                    }
                }
            }
            Shape::Rect {
                corner,
                width: w,
                height: h,
                ..
            } => {
                let (x0, y1) = at(corner);
                let (x1, y0) = at(Point::new(corner.x + w, corner.y + h));
                for y in y0.floor() as i32..y1.ceil().max(y0.floor() + 1.0) as i32 {
                    for x in x0.floor() as i32..x1.ceil() as i32 {
                        dots.set(x, y);
                    }
                }
            }
        }
    }
    cells(&dots)
}

/// The dots as braille characters, two columns by four rows a cell.
fn cells(dots: &Dots) -> Vec<String> {
    // The bit of each dot in a cell, by row and column (Unicode's order).
    const BITS: [[u32; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];
    let columns = dots.width.div_ceil(2);
    let rows = dots.height.div_ceil(4);
    let mut lines = Vec::with_capacity(rows);
    for row in 0..rows {
        let mut line = String::with_capacity(columns * 3);
        for column in 0..columns {
            let mut bits = 0;
            for (dy, row_bits) in BITS.iter().enumerate() {
                for (dx, bit) in row_bits.iter().enumerate() {
                    let (x, y) = (column * 2 + dx, row * 4 + dy);
                    if x < dots.width && y < dots.height && dots.on[y * dots.width + x] {
                        bits |= bit;
                    }
                }
            }
            line.push(char::from_u32(0x2800 + bits).unwrap_or(' '));
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Anchor, Prop};
    use crate::figure::{Angles, Figure, PropPlace, View};
    use crate::side::Side;

    fn standing() -> Scene {
        let figure = Figure {
            view: View::Side,
            angles: Angles::default(),
            props: vec![PropPlace {
                prop: Prop::Floor,
                at: Anchor::Pelvis,
                to: None,
            }],
            rests: Vec::new(),
        };
        Scene::of(&figure, Side::Left)
    }

    #[test]
    fn a_figure_fills_the_room_it_is_given_and_no_more() {
        let scene = standing();
        for (columns, rows) in [(10, 4), (30, 12), (60, 30), (200, 10)] {
            let lines = render(&scene, columns, rows);
            assert!(lines.len() <= rows);
            assert!(lines.iter().all(|l| l.chars().count() <= columns));
            // A standing figure is tall: it takes every row.
            assert_eq!(lines.len(), rows, "{columns}x{rows}");
        }
        assert!(render(&scene, 0, 10).is_empty());
    }

    #[test]
    fn a_standing_figure_in_braille() {
        let lines = render(&standing(), 16, 10);
        // Head, trunk, the legs side by side, the foot forward, on the floor.
        insta::assert_snapshot!(lines.join("\n"), @"
        ⠀⠀⠠⣿⣷⠀⠀⠀⠀
        ⠀⠀⠀⣹⡏⠀⠀⠀⠀
        ⠀⠀⠀⣿⡇⠀⠀⠀⠀
        ⠀⠀⠀⣿⡇⠀⠀⠀⠀
        ⠀⠀⠀⢿⡇⠀⠀⠀⠀
        ⠀⠀⠀⢸⡇⠀⠀⠀⠀
        ⠀⠀⠀⢸⡇⠀⠀⠀⠀
        ⠀⠀⠀⢸⡇⠀⠀⠀⠀
        ⠀⠀⠀⢸⡇⠀⠀⠀⠀
        ⣀⣀⣀⣸⣧⣤⣄⣀⣀
        ");
    }
}
