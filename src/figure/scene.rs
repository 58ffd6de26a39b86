//! A figure laid out as shapes: the posed body resting on the floor or on
//! what holds it up, its props placed by the body's points, and, for the
//! right side, all of it mirrored. The renderers only draw these shapes.

use super::body::{Body, Limb, Point, length};
use super::pose::{Figure, View};
use super::prop::{Anchor, Prop};
use crate::side::Side;

/// What a shape belongs to, which says how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Floor, furniture and equipment, drawn first and light.
    Prop,
    /// The limbs on the far side of the body, drawn behind it and lighter.
    Far,
    /// The trunk and the head.
    Near,
    /// The near limbs, drawn last and set off from the trunk they cross.
    NearLimb,
}

/// One thing to draw, in heights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// A line of `width`, round at the ends.
    Line {
        from: Point,
        to: Point,
        width: f32,
        layer: Layer,
    },
    /// A disc (`filled`) or a ring.
    Circle {
        centre: Point,
        radius: f32,
        filled: bool,
        layer: Layer,
    },
    /// A filled box from its lower left corner.
    Rect {
        corner: Point,
        width: f32,
        height: f32,
        layer: Layer,
    },
}

/// The shapes of one figure and the box they fill.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub shapes: Vec<Shape>,
    pub min: Point,
    pub max: Point,
}

/// How tall a seat, a bed and a desk are, and how big the round props.
const SEAT_HEIGHT: f32 = 0.26;
const BED_HEIGHT: f32 = 0.3;
const BALL_RADIUS: f32 = 0.036;
const ROLLER_RADIUS: f32 = 0.045;
const CUSHION_HEIGHT: f32 = 0.045;
const PROP_LINE: f32 = 0.018;

impl Scene {
    /// `figure` as done on `side`: the right side is the left's mirror image.
    pub fn of(figure: &Figure, side: Side) -> Scene {
        let seated = figure
            .props
            .iter()
            .any(|p| p.prop == Prop::Chair && p.at == Anchor::Pelvis);
        let body = Body::posed(figure.view, &figure.angles, seated);
        let body = rest(figure, body);
        let mut shapes = Vec::with_capacity(32);
        for place in &figure.props {
            props(
                &mut shapes,
                figure.view,
                &body,
                place.prop,
                place.at,
                place.to,
            );
        }
        body_shapes(&mut shapes, figure.view, &body);
        if side == Side::Right {
            mirror(&mut shapes);
        }
        let (min, max) = bounds(&shapes);
        Scene { shapes, min, max }
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
}

/// The lowest point of the body itself, allowing for how thick it is drawn.
fn lowest(body: &Body) -> f32 {
    let mut low = body.head.y - length::HEAD_RADIUS;
    low = low.min(body.pelvis.y - length::TRUNK_THICKNESS / 2.0);
    low = low.min(body.neck.y - length::TRUNK_THICKNESS / 2.0);
    for limb in [body.left_leg, body.right_leg, body.left_arm, body.right_arm] {
        for p in [limb.middle, limb.end, limb.tip] {
            low = low.min(p.y - length::LIMB_THICKNESS / 2.0);
        }
    }
    low
}

/// Moves the body so that it rests where it should: on a seat or a bed by
/// the pelvis, on a ball, roller or cushion by the point it lies on, else
/// on the floor (y = 0) by its lowest point.
fn rest(figure: &Figure, body: Body) -> Body {
    let mut floor = lowest(&body);
    for place in &figure.props {
        let p = body.at(place.at);
        let thickness = if place.at == Anchor::Pelvis || place.at == Anchor::Belly {
            length::TRUNK_THICKNESS / 2.0
        } else {
            length::LIMB_THICKNESS / 2.0
        };
        match place.prop {
            Prop::Chair if place.at == Anchor::Pelvis => {
                // The seat is under the hip; the feet reach the floor or hang.
                floor = floor.min(p.y - thickness - SEAT_HEIGHT);
            }
            Prop::Bed => {
                floor = floor.min(p.y - thickness - BED_HEIGHT);
            }
            Prop::Ball => floor = floor.min(p.y - thickness - 2.0 * BALL_RADIUS),
            Prop::FoamRoller => floor = floor.min(p.y - thickness - 2.0 * ROLLER_RADIUS),
            Prop::Cushion => floor = floor.min(p.y - thickness - CUSHION_HEIGHT),
            _ => {}
        }
    }
    body.shifted(-body.pelvis.x, -floor)
}

fn line(shapes: &mut Vec<Shape>, from: Point, to: Point, width: f32, layer: Layer) {
    shapes.push(Shape::Line {
        from,
        to,
        width,
        layer,
    });
}

fn limb_shapes(shapes: &mut Vec<Shape>, limb: &Limb, layer: Layer, leg: bool) {
    let w = length::LIMB_THICKNESS;
    line(shapes, limb.root, limb.middle, w * 1.15, layer);
    line(shapes, limb.middle, limb.end, w, layer);
    if leg {
        line(shapes, limb.end, limb.tip, w * 0.8, layer);
    }
}

fn body_shapes(shapes: &mut Vec<Shape>, view: View, body: &Body) {
    // In the side view the right limbs are behind the body; in the front
    // view neither side is, so both are drawn as near.
    let far = if view == View::Side {
        Layer::Far
    } else {
        Layer::Near
    };
    limb_shapes(shapes, &body.right_leg, far, true);
    limb_shapes(shapes, &body.right_arm, far, false);
    match view {
        View::Side => line(
            shapes,
            body.pelvis,
            body.pelvis.lerp(body.neck, 0.95),
            length::TRUNK_THICKNESS,
            Layer::Near,
        ),
        View::Front => {
            // Shoulders to hips: a trunk as wide as the body.
            let (l, r) = (body.left_arm.root, body.right_arm.root);
            let (lh, rh) = (body.left_leg.root, body.right_leg.root);
            line(shapes, l, r, length::LIMB_THICKNESS, Layer::Near);
            line(shapes, lh, rh, length::LIMB_THICKNESS, Layer::Near);
            line(
                shapes,
                l.lerp(r, 0.5),
                lh.lerp(rh, 0.5),
                length::TRUNK_THICKNESS * 1.4,
                Layer::Near,
            );
        }
    }
    line(
        shapes,
        body.neck,
        body.neck.lerp(body.head, 0.5),
        length::LIMB_THICKNESS,
        Layer::Near,
    );
    shapes.push(Shape::Circle {
        centre: body.head,
        radius: length::HEAD_RADIUS,
        filled: true,
        layer: Layer::Near,
    });
    limb_shapes(shapes, &body.left_leg, Layer::NearLimb, true);
    limb_shapes(shapes, &body.left_arm, Layer::NearLimb, false);
}

fn props(
    shapes: &mut Vec<Shape>,
    view: View,
    body: &Body,
    prop: Prop,
    at: Anchor,
    to: Option<Anchor>,
) {
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
            let (near, far) = (p.x - 0.06, p.x + 0.35);
            line(
                shapes,
                Point::new(near, top),
                Point::new(far, top),
                0.03,
                layer,
            );
            line(
                shapes,
                Point::new(near + 0.02, top),
                Point::new(near + 0.02, 0.0),
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
            // may hang off its end.
            let legs = body.left_leg.middle.x - body.pelvis.x;
            let (start, end) = if legs >= 0.0 {
                (lo - 0.05, body.pelvis.x + 0.08)
            } else {
                (body.pelvis.x - 0.08, hi + 0.05)
            };
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
        Prop::Cushion => shapes.push(Shape::Rect {
            corner: Point::new(p.x - 0.08, below - CUSHION_HEIGHT),
            width: 0.16,
            height: CUSHION_HEIGHT,
            layer,
        }),
        Prop::Ball => shapes.push(Shape::Circle {
            centre: Point::new(p.x, below - BALL_RADIUS),
            radius: BALL_RADIUS,
            filled: true,
            layer,
        }),
        Prop::FoamRoller => shapes.push(Shape::Circle {
            centre: Point::new(p.x, below - ROLLER_RADIUS),
            radius: ROLLER_RADIUS,
            filled: false,
            layer,
        }),
        Prop::Strap => {
            let end = body.at(to.unwrap_or(Anchor::LeftFoot));
            line(shapes, p, end, 0.012, layer);
        }
    }
}

/// How far left and right the body reaches.
fn reach(body: &Body) -> (f32, f32) {
    let mut lo = body.head.x - length::HEAD_RADIUS;
    let mut hi = body.head.x + length::HEAD_RADIUS;
    for limb in [body.left_leg, body.right_leg, body.left_arm, body.right_arm] {
        for p in [limb.root, limb.middle, limb.end, limb.tip] {
            lo = lo.min(p.x);
            hi = hi.max(p.x);
        }
    }
    (lo, hi)
}

fn mirror(shapes: &mut [Shape]) {
    let flip = |p: &mut Point| p.x = -p.x;
    for shape in shapes {
        match shape {
            Shape::Line { from, to, .. } => {
                flip(from);
                flip(to);
            }
            Shape::Circle { centre, .. } => flip(centre),
            Shape::Rect { corner, width, .. } => corner.x = -corner.x - *width,
        }
    }
}

fn bounds(shapes: &[Shape]) -> (Point, Point) {
    let mut min = Point::new(f32::MAX, f32::MAX);
    let mut max = Point::new(f32::MIN, f32::MIN);
    let mut take = |p: Point, pad: f32| {
        min.x = min.x.min(p.x - pad);
        min.y = min.y.min(p.y - pad);
        max.x = max.x.max(p.x + pad);
        max.y = max.y.max(p.y + pad);
    };
    for shape in shapes {
        match *shape {
            Shape::Line {
                from, to, width, ..
            } => {
                take(from, width / 2.0);
                take(to, width / 2.0);
            }
            Shape::Circle { centre, radius, .. } => take(centre, radius),
            Shape::Rect {
                corner,
                width,
                height,
                ..
            } => {
                take(corner, 0.0);
                take(Point::new(corner.x + width, corner.y + height), 0.0);
            }
        }
    }
    (min, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Angles, PropPlace};

    fn kneeling() -> Figure {
        Figure {
            view: View::Side,
            angles: Angles {
                left_hip: -15,
                left_knee: 75,
                left_ankle: 90,
                right_hip: 95,
                right_knee: 95,
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
        }
    }

    #[test]
    fn the_right_side_is_the_mirror_image_of_the_left() {
        let left = Scene::of(&kneeling(), Side::Left);
        let right = Scene::of(&kneeling(), Side::Right);
        assert_eq!(left.shapes.len(), right.shapes.len());
        assert!((left.min.x + right.max.x).abs() < 1e-5);
        assert!((left.max.x + right.min.x).abs() < 1e-5);
        for (l, r) in left.shapes.iter().zip(&right.shapes) {
            match (l, r) {
                (Shape::Line { from: a, .. }, Shape::Line { from: b, .. }) => {
                    assert!((a.x + b.x).abs() < 1e-5 && (a.y - b.y).abs() < 1e-5);
                }
                (
                    Shape::Rect {
                        corner: a, width, ..
                    },
                    Shape::Rect { corner: b, .. },
                ) => {
                    assert!((a.x + width + b.x).abs() < 1e-5);
                }
                (Shape::Circle { centre: a, .. }, Shape::Circle { centre: b, .. }) => {
                    assert!((a.x + b.x).abs() < 1e-5);
                }
                _ => panic!("shapes differ in kind: {l:?} and {r:?}"),
            }
        }
    }

    #[test]
    fn the_body_rests_on_the_floor_and_the_knee_on_its_cushion() {
        let scene = Scene::of(&kneeling(), Side::Left);
        // The floor is at 0 and nothing goes below it.
        assert!(scene.min.y > -0.02 && scene.min.y < 0.0, "{:?}", scene.min);
        let cushion = scene
            .shapes
            .iter()
            .find_map(|s| match *s {
                Shape::Rect { corner, height, .. } => Some((corner, height)),
                _ => None,
            })
            .expect("a cushion");
        assert!(cushion.0.y.abs() < 1e-5, "the cushion lies on the floor");
        // A kneeling body stands about three quarters of its height.
        assert!(scene.max.y > 0.7 && scene.max.y < 0.8, "{:?}", scene.max);
    }
}
