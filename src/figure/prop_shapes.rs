//! How each prop is drawn, placed by the body's points: in the side and
//! front views a floor line, furniture standing on it and round props
//! under the body; seen from above, lying on the side, a mat, a bed, a
//! cushion or a ball. Each prop that can hold a part of the body up also
//! gives the top it offers, a [`Support`], which [`contact`](super::contact)
//! measures resting parts against.

use super::body::{Body, Point, length};
use super::pose::View;
use super::prop::{Anchor, Prop};
use super::rest::{
    BALL_RADIUS, CUSHION_HEIGHT, MAT_MARGIN, PROP_LINE, ROLLER_RADIUS, bed_front, highest, reach,
    support_under,
};
use super::shape::{Layer, Shape, line};

/// The top of something a part of the body can rest on, from `from` to
/// `to` across the picture, at height `y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Support {
    pub y: f32,
    pub from: f32,
    pub to: f32,
}

impl Support {
    fn new(y: f32, a: f32, b: f32) -> Support {
        Support {
            y,
            from: a.min(b),
            to: a.max(b),
        }
    }
}

/// Draws `prop` placed `at` a point of `body` (and `to` another, for a
/// strap) into `shapes`, and adds the top it offers to `supports`; the
/// floor, under everything, is left to the reader.
pub(super) fn props(
    shapes: &mut Vec<Shape>,
    supports: &mut Vec<Support>,
    view: View,
    body: &Body,
    prop: Prop,
    at: Anchor,
    to: Option<Anchor>,
) {
    if view == View::SideLying {
        return seen_from_above(shapes, body, prop, at, to);
    }
    let p = body.at(at);
    // Which way is forward: a seat's back and a bed's head are behind.
    let facing = if view == View::Side { 1.0 } else { 0.0 };
    let thickness = if matches!(at, Anchor::Pelvis | Anchor::Belly | Anchor::Chest) {
        length::TRUNK_THICKNESS / 2.0
    } else {
        length::LIMB_THICKNESS / 2.0
    };
    let below = p.y - thickness;
    let layer = Layer::Prop;
    match prop {
        Prop::Floor => {
            let (lo, hi) = reach(body);
            line(
                shapes,
                Point::new(lo - 0.12, 0.0),
                Point::new(hi + 0.12, 0.0),
                PROP_LINE,
                layer,
            );
        }
        Prop::Chair => {
            let seat = if at == Anchor::Pelvis {
                below
            } else {
                // A chair held by its back: the backrest's top at the hand.
                p.y - 0.2
            };
            let (back, front) = if at == Anchor::Pelvis {
                (
                    p.x - 0.1 * facing - 0.1,
                    p.x + 0.12 * facing + 0.1 * (1.0 - facing),
                )
            } else {
                (p.x, p.x + 0.22)
            };
            supports.push(Support::new(seat, back, front));
            let top = if at == Anchor::Pelvis {
                seat + 0.26
            } else {
                p.y
            };
            line(
                shapes,
                Point::new(back, seat),
                Point::new(front, seat),
                0.03,
                layer,
            );
            line(
                shapes,
                Point::new(back, seat),
                Point::new(back, 0.0),
                PROP_LINE,
                layer,
            );
            line(
                shapes,
                Point::new(front, seat),
                Point::new(front, 0.0),
                PROP_LINE,
                layer,
            );
            if view == View::Side {
                line(
                    shapes,
                    Point::new(back, seat),
                    Point::new(back, top),
                    0.025,
                    layer,
                );
            }
        }
        Prop::Desk => {
            let top = p.y - 0.02;
            // The top reaches back to the hands; its legs stand beyond the
            // sitter's knees and feet, which go under it.
            let knees = [body.left_leg, body.right_leg]
                .iter()
                .flat_map(|l| [l.middle.x, l.end.x, l.tip.x])
                .fold(p.x, f32::max);
            let near = p.x - 0.06;
            let leg = (knees + 0.06).max(near + 0.02);
            let far = (p.x + 0.35).max(leg + 0.14);
            supports.push(Support::new(top, near, far));
            line(
                shapes,
                Point::new(near, top),
                Point::new(far, top),
                0.03,
                layer,
            );
            line(
                shapes,
                Point::new(leg, top),
                Point::new(leg, 0.0),
                PROP_LINE,
                layer,
            );
            line(
                shapes,
                Point::new(far - 0.02, top),
                Point::new(far - 0.02, 0.0),
                PROP_LINE,
                layer,
            );
        }
        Prop::Wall => {
            // The wall is on the far side of the point from the pelvis.
            let side = if p.x >= body.pelvis.x { 1.0 } else { -1.0 };
            let x = p.x + side * 0.04;
            line(shapes, Point::new(x, 0.0), Point::new(x, 1.1), 0.025, layer);
        }
        Prop::Bed => {
            let top = below;
            let (lo, hi) = reach(body);
            // The bed ends at the pelvis on the side the legs go, so a leg
            // may hang off its end; seen from in front, the legs hang off
            // its near edge and it runs the whole width.
            let legs = body.left_leg.middle.x - body.pelvis.x;
            let (start, end) = if view == View::Front {
                (lo - 0.1, hi + 0.1)
            } else if legs >= 0.0 {
                (lo - 0.05, body.pelvis.x + 0.08)
            } else {
                (body.pelvis.x - 0.08, hi + 0.05)
            };
            supports.push(Support::new(top, start, end));
            shapes.push(Shape::Rect {
                corner: Point::new(start, top - 0.06),
                width: end - start,
                height: 0.06,
                layer,
            });
            line(
                shapes,
                Point::new(start + 0.03, top - 0.06),
                Point::new(start + 0.03, 0.0),
                PROP_LINE,
                layer,
            );
            line(
                shapes,
                Point::new(end - 0.03, top - 0.06),
                Point::new(end - 0.03, 0.0),
                PROP_LINE,
                layer,
            );
        }
        Prop::Cushion => {
            supports.push(Support::new(below, p.x - 0.08, p.x + 0.08));
            shapes.push(Shape::Rect {
                corner: Point::new(p.x - 0.08, below - CUSHION_HEIGHT),
                width: 0.16,
                height: CUSHION_HEIGHT,
                layer,
            });
        }
        // A ball rests on what is under the point, the floor or a thigh.
        // The body lies on it, or hovers just above it; held up on the
        // forearms, it presses on a soft ball as large as the room there.
        Prop::Ball => {
            let under = support_under(body, p.x, below);
            let gap = below - under;
            let radius = if gap > 2.0 * BALL_RADIUS + 0.03 {
                (gap / 2.0).min(2.0 * BALL_RADIUS)
            } else {
                BALL_RADIUS
            };
            let top = under + 2.0 * radius;
            supports.push(Support::new(top, p.x - radius / 2.0, p.x + radius / 2.0));
            shapes.push(Shape::Circle {
                centre: Point::new(p.x, under + radius),
                radius,
                filled: true,
                layer,
            });
        }
        Prop::FoamRoller => {
            supports.push(Support::new(
                below,
                p.x - ROLLER_RADIUS,
                p.x + ROLLER_RADIUS,
            ));
            shapes.push(Shape::Circle {
                centre: Point::new(p.x, below - ROLLER_RADIUS),
                radius: ROLLER_RADIUS,
                filled: false,
                layer,
            });
        }
        Prop::Strap => {
            let end = body.at(to.unwrap_or(Anchor::LeftFoot));
            line(shapes, p, end, 0.012, layer);
        }
    }
}

/// A prop of the side-lying view, seen from in front and above: the floor
/// a mat under the whole body, a bed the same at a bed's height on its
/// legs, a cushion or a ball where the body lies on it.
fn seen_from_above(
    shapes: &mut Vec<Shape>,
    body: &Body,
    prop: Prop,
    at: Anchor,
    to: Option<Anchor>,
) {
    let p = body.at(at);
    let layer = Layer::Prop;
    let (lo, hi) = reach(body);
    let (left, right) = (lo - MAT_MARGIN - 0.06, hi + MAT_MARGIN + 0.06);
    let far = highest(body) + MAT_MARGIN;
    let mat = |shapes: &mut Vec<Shape>, near: f32| {
        let corners = [
            Point::new(left, near),
            Point::new(right, near),
            Point::new(right, far),
            Point::new(left, far),
        ];
        for i in 0..4 {
            line(shapes, corners[i], corners[(i + 1) % 4], PROP_LINE, layer);
        }
    };
    match prop {
        Prop::Floor => mat(shapes, 0.0),
        Prop::Bed => {
            let near = bed_front();
            mat(shapes, near);
            for x in [left + 0.03, right - 0.03] {
                line(
                    shapes,
                    Point::new(x, near),
                    Point::new(x, 0.0),
                    PROP_LINE,
                    layer,
                );
            }
        }
        Prop::Cushion => shapes.push(Shape::Rect {
            corner: Point::new(p.x - 0.08, p.y - 0.05),
            width: 0.16,
            height: 0.1,
            layer,
        }),
        Prop::Ball => shapes.push(Shape::Circle {
            centre: p,
            radius: BALL_RADIUS,
            filled: true,
            layer,
        }),
        Prop::FoamRoller => shapes.push(Shape::Rect {
            corner: Point::new(p.x - ROLLER_RADIUS, p.y - 0.15),
            width: 2.0 * ROLLER_RADIUS,
            height: 0.3,
            layer,
        }),
        Prop::Strap => line(
            shapes,
            p,
            body.at(to.unwrap_or(Anchor::LeftFoot)),
            0.012,
            layer,
        ),
        // A chair, a wall or a desk stands up from the floor, which this
        // view looks down on: a file that names one here is refused when
        // the library is checked, so there is nothing to draw.
        Prop::Chair | Prop::Wall | Prop::Desk => {}
    }
}
