//! Where a posed body is put: resting on the floor or on what holds it up
//! (a seat, a bed, a ball, a roller, a cushion), and the sizes of those
//! props, which both the resting and the drawing of them use. Also the
//! body's lowest, highest and widest points, allowing for how thick it is
//! drawn, and what lies under a point of it.

use super::body::{Body, SIDE_LYING_ELEVATION, length};
use super::pose::{Figure, View};
use super::prop::{Anchor, Prop};

/// How tall a seat, a bed and a desk are, and how big the round props.
pub(super) const SEAT_HEIGHT: f32 = 0.235;
pub(super) const BED_HEIGHT: f32 = 0.3;
pub(super) const BALL_RADIUS: f32 = 0.036;
pub(super) const ROLLER_RADIUS: f32 = 0.045;
pub(super) const CUSHION_HEIGHT: f32 = 0.045;
pub(super) const PROP_LINE: f32 = 0.018;
/// How far a mat or a bed seen from above reaches beyond the body.
pub(super) const MAT_MARGIN: f32 = 0.04;

/// How tall a bed's front looks from the side-lying view's height.
pub(super) fn bed_front() -> f32 {
    BED_HEIGHT * SIDE_LYING_ELEVATION.to_radians().cos()
}

/// The lowest point of the body itself, allowing for how thick it is drawn.
pub(super) fn lowest(body: &Body) -> f32 {
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
pub(super) fn highest(body: &Body) -> f32 {
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
pub(super) fn rest(figure: &Figure, body: Body) -> Body {
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

/// The top of what lies under `x` below the height `under`: a thigh or a
/// shank of the body, else the floor.
pub(super) fn support_under(body: &Body, x: f32, under: f32) -> f32 {
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
pub(super) fn reach(body: &Body) -> (f32, f32) {
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
