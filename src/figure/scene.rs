//! A figure laid out as shapes: the posed body resting on the floor or on
//! what holds it up, its props placed by the body's points, and, for the
//! right side, all of it mirrored. The renderers only draw these shapes.

use super::body::{Body, Limb, Point, SIDE_LYING_ELEVATION, length};
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
/// How far a mat or a bed seen from above reaches beyond the body.
const MAT_MARGIN: f32 = 0.04;

/// How tall a bed's front looks from the side-lying view's height.
fn bed_front() -> f32 {
    BED_HEIGHT * SIDE_LYING_ELEVATION.to_radians().cos()
}

impl Scene {
    /// `figure` as done on `side`: the right side is the left's mirror image.
    pub fn of(figure: &Figure, side: Side) -> Scene {
        // Sitting on a chair or a bed, the thighs point at a viewer in front.
        let seated = figure
            .props
            .iter()
            .any(|p| matches!(p.prop, Prop::Chair | Prop::Bed) && p.at == Anchor::Pelvis);
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
        // A ball held between the belly and the thighs would be hidden by
        // them: it is drawn over the body, so that it is seen where it is.
        for place in &figure.props {
            if place.prop == Prop::Ball && figure.view == View::Side {
                let p = body.at(place.at);
                let below = p.y - length::TRUNK_THICKNESS / 2.0;
                let on = support_under(&body, p.x, below + length::TRUNK_THICKNESS);
                if on > 0.0 {
                    shapes.push(Shape::Circle {
                        centre: Point::new(p.x, on + BALL_RADIUS),
                        radius: BALL_RADIUS,
                        filled: true,
                        layer: Layer::Prop,
                    });
                }
            }
        }
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

/// The highest point of the body itself, allowing for how thick it is drawn.
fn highest(body: &Body) -> f32 {
    let mut high = body.head.y + length::HEAD_RADIUS;
    for limb in [body.left_leg, body.right_leg, body.left_arm, body.right_arm] {
        for p in [limb.middle, limb.end, limb.tip] {
            high = high.max(p.y + length::LIMB_THICKNESS / 2.0);
        }
    }
    high
}

/// Moves the body so that it rests where it should: on a seat or a bed by
/// the pelvis, on a ball, roller or cushion by the point it lies on, else
/// on the floor (y = 0) by its lowest point. Seen from above, lying on its
/// side, it lies on a mat or a bed whose near edge is at the bottom of the
/// picture, on the floor or a bed's height above it.
fn rest(figure: &Figure, body: Body) -> Body {
    if figure.view == View::SideLying {
        let on_bed = figure.props.iter().any(|p| p.prop == Prop::Bed);
        let near_edge = if on_bed { bed_front() } else { 0.0 };
        return body.shifted(-body.pelvis.x, near_edge + MAT_MARGIN - lowest(&body));
    }
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
    let far = if view == View::Front {
        Layer::Near
    } else {
        Layer::Far
    };
    limb_shapes(shapes, &body.right_leg, far, true);
    limb_shapes(shapes, &body.right_arm, far, false);
    match view {
        View::Side | View::SideLying => line(
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
            shapes.push(Shape::Circle {
                centre: Point::new(p.x, under + radius),
                radius,
                filled: true,
                layer,
            });
        }
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

/// The top of what lies under `x` below the height `under`: a thigh or a
/// shank of the body, else the floor.
fn support_under(body: &Body, x: f32, under: f32) -> f32 {
    let mut top: f32 = 0.0;
    for leg in [body.left_leg, body.right_leg] {
        for (a, b) in [(leg.root, leg.middle), (leg.middle, leg.end)] {
            let (lo, hi) = (a.x.min(b.x), a.x.max(b.x));
            if hi - lo < 1e-3 || x < lo || x > hi {
                continue;
            }
            let y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) + length::LIMB_THICKNESS / 2.0;
            if y < under {
                top = top.max(y);
            }
        }
    }
    top
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
    fn a_desk_stands_beyond_the_knees_and_feet_of_who_sits_at_it() {
        let figure = Figure {
            view: View::Side,
            angles: Angles {
                left_hip: 90,
                left_knee: 85,
                right_hip: 90,
                right_knee: 85,
                left_shoulder: 35,
                left_elbow: 75,
                ..Angles::default()
            },
            props: vec![
                PropPlace {
                    prop: Prop::Chair,
                    at: Anchor::Pelvis,
                    to: None,
                },
                PropPlace {
                    prop: Prop::Desk,
                    at: Anchor::LeftHand,
                    to: None,
                },
            ],
        };
        let scene = Scene::of(&figure, Side::Left);
        let body = rest(&figure, Body::posed(View::Side, &figure.angles, true));
        let feet = body.left_leg.tip.x.max(body.left_leg.middle.x);
        // The desk's legs are the props' upright lines ahead of the hands.
        let uprights: Vec<f32> = scene
            .shapes
            .iter()
            .filter_map(|s| match *s {
                Shape::Line {
                    from,
                    to,
                    layer: Layer::Prop,
                    ..
                } if from.x == to.x && from.x > body.left_arm.end.x - 0.1 => Some(from.x),
                _ => None,
            })
            .collect();
        assert_eq!(uprights.len(), 2, "{uprights:?}");
        assert!(uprights.iter().all(|&x| x > feet), "{uprights:?} {feet}");
    }

    /// The ball of a figure: its centre and radius.
    fn ball(scene: &Scene) -> (Point, f32) {
        scene
            .shapes
            .iter()
            .find_map(|s| match *s {
                Shape::Circle {
                    centre,
                    radius,
                    layer: Layer::Prop,
                    ..
                } => Some((centre, radius)),
                _ => None,
            })
            .expect("a ball")
    }

    #[test]
    fn a_ball_rests_on_the_floor_and_fills_the_room_under_a_body_on_its_forearms() {
        let ball_under = |trunk: i32, hip: i32| Figure {
            view: View::Side,
            angles: Angles {
                trunk,
                left_hip: hip,
                right_hip: hip,
                left_ankle: if trunk > 0 { 90 } else { 20 },
                right_ankle: if trunk > 0 { 90 } else { 20 },
                left_knee: if trunk > 0 { 0 } else { 115 },
                right_knee: if trunk > 0 { 0 } else { 115 },
                head: if trunk > 0 { -15 } else { 22 },
                left_shoulder: if trunk > 0 { trunk } else { -15 },
                right_shoulder: if trunk > 0 { trunk } else { -15 },
                left_elbow: if trunk > 0 { 90 } else { 0 },
                right_elbow: if trunk > 0 { 90 } else { 0 },
            },
            props: vec![PropPlace {
                prop: Prop::Ball,
                at: Anchor::Belly,
                to: None,
            }],
        };
        // A sphinx on a soft ball: held up on the forearms, the belly
        // presses on a ball that reaches the floor.
        let figure = ball_under(75, -15);
        let body = rest(&figure, Body::posed(View::Side, &figure.angles, false));
        let (centre, radius) = ball(&Scene::of(&figure, Side::Left));
        assert!((centre.y - radius).abs() < 1e-5, "on the floor");
        let belly = body.at(Anchor::Belly).y - length::TRUNK_THICKNESS / 2.0;
        assert!(
            (centre.y + radius - belly).abs() < 1e-3,
            "under the belly: {centre:?} {radius} {belly}"
        );
        assert!(radius > BALL_RADIUS);
        // On the back, the hips lifted just off the ball: it stays on the
        // floor, its own size, under them.
        let figure = ball_under(-112, 40);
        let (centre, radius) = ball(&Scene::of(&figure, Side::Left));
        assert_eq!(radius, BALL_RADIUS);
        assert!((centre.y - radius).abs() < 1e-5);
    }

    #[test]
    fn lying_on_the_side_the_body_lies_within_its_mat() {
        let figure = Figure {
            view: View::SideLying,
            angles: Angles {
                left_hip: 45,
                left_knee: 70,
                right_hip: 50,
                right_knee: 75,
                ..Angles::default()
            },
            props: vec![PropPlace {
                prop: Prop::Floor,
                at: Anchor::Pelvis,
                to: None,
            }],
        };
        for side in [Side::Left, Side::Right] {
            let scene = Scene::of(&figure, side);
            let (mut lo, mut hi) = (
                Point::new(f32::MAX, f32::MAX),
                Point::new(f32::MIN, f32::MIN),
            );
            let mut mat = 0;
            for shape in &scene.shapes {
                if let Shape::Line {
                    from, to, layer, ..
                } = *shape
                {
                    if layer == Layer::Prop {
                        mat += 1;
                        continue;
                    }
                    for p in [from, to] {
                        lo = Point::new(lo.x.min(p.x), lo.y.min(p.y));
                        hi = Point::new(hi.x.max(p.x), hi.y.max(p.y));
                    }
                }
            }
            assert_eq!(mat, 4, "the mat's four edges");
            assert!(
                lo.y > 0.0 && hi.y < scene.max.y,
                "{lo:?} {hi:?} {:?}",
                scene.max
            );
            assert!(lo.x > scene.min.x && hi.x < scene.max.x);
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
