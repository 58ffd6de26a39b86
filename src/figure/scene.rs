//! A figure laid out as shapes: the posed body put where it rests
//! ([`rest`](super::rest)), its props drawn by the body's points
//! ([`prop_shapes`](super::prop_shapes)), the body over them, and, for the
//! right side, all of it mirrored. The renderers only draw these shapes.

use super::body::{Body, Limb, Point, length};
use super::pose::{Figure, View};
use super::prop::{Anchor, Prop};
use super::prop_shapes::{Support, props};
use super::rest::{BALL_RADIUS, rest, support_under};
use super::shape::line;
pub use super::shape::{Layer, Shape};
use crate::side::Side;

/// The shapes of one figure and the box they fill.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub shapes: Vec<Shape>,
    pub min: Point,
    pub max: Point,
}

/// A figure laid out on the left side, before any mirroring: the body
/// where it rests, the shapes to draw and the tops of the props it may
/// rest on.
pub(super) struct Layout {
    pub body: Body,
    pub shapes: Vec<Shape>,
    pub supports: Vec<Support>,
}

/// `figure` laid out as done on the left side.
pub(super) fn layout(figure: &Figure) -> Layout {
    // Sitting on a chair or a bed, the thighs point at a viewer in front.
    let seated = figure
        .props
        .iter()
        .any(|p| matches!(p.prop, Prop::Chair | Prop::Bed) && p.at == Anchor::Pelvis);
    let body = Body::posed(figure.view, &figure.angles, seated);
    let body = rest(figure, body);
    let mut shapes = Vec::with_capacity(32);
    let mut supports = Vec::new();
    for place in &figure.props {
        props(
            &mut shapes,
            &mut supports,
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
    Layout {
        body,
        shapes,
        supports,
    }
}

impl Scene {
    /// `figure` as done on `side`: the right side is the left's mirror image.
    pub fn of(figure: &Figure, side: Side) -> Scene {
        let mut shapes = layout(figure).shapes;
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
            rests: Vec::new(),
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
    #[allow(
        clippy::float_cmp,
        reason = "an upright line's two ends are given the same x, exactly"
    )]
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
            rests: Vec::new(),
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
    #[allow(
        clippy::float_cmp,
        reason = "a ball with room to spare keeps the radius it is given, exactly"
    )]
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
            rests: Vec::new(),
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
            rests: Vec::new(),
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
