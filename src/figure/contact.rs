//! Whether a figure rests where it says it does. A figure names the parts
//! of the body that rest on the floor or on a prop (`rests`); each must
//! touch the floor or the top of a prop under it, within [`TOUCHING`], or
//! the figure shows something its words do not (feet in the air where the
//! set-up says feet on the floor). A file's figure is held to this when the
//! library is checked.
//!
//! In the side and front views a part's lowest point, allowing for how
//! thick it is drawn, is measured against the floor and the tops of the
//! props under it. Seen from above, lying on the side, the body lies on
//! its right side by construction: the trunk, the head and the bottom
//! (right) limbs lie on the floor, and a top (left) limb, a hip's or a
//! shoulder's width up, rests only on a prop placed at it.

use super::body::{Body, Point, length};
use super::pose::{Figure, View};
use super::prop::{Anchor, Prop};
use super::scene::layout;

/// How far a resting part may be from what it rests on, in heights (about
/// 4 cm on a person of 1.7 m): half a limb's thickness, the most a limb
/// drawn on a line overlaps it, and less than the eye takes for a gap.
pub const TOUCHING: f32 = 0.025;

/// Each part `figure` says rests, with how far it is from the nearest
/// floor or prop top under it, in heights.
pub fn gaps(figure: &Figure) -> Vec<(Anchor, f32)> {
    if figure.view == View::SideLying {
        return figure
            .rests
            .iter()
            .map(|&part| (part, side_lying_gap(figure, part)))
            .collect();
    }
    let laid = layout(figure);
    figure
        .rests
        .iter()
        .map(|&part| {
            let low = lowest_of(&laid.body, part);
            let gap = laid
                .supports
                .iter()
                .filter(|s| low.x >= s.from - TOUCHING && low.x <= s.to + TOUCHING)
                .map(|s| (low.y - s.y).abs())
                .fold(low.y.abs(), f32::min);
            (part, gap)
        })
        .collect()
}

/// The parts of `figure` that say they rest but do not touch, with their
/// gaps.
pub fn floating(figure: &Figure) -> Vec<(Anchor, f32)> {
    gaps(figure)
        .into_iter()
        .filter(|&(_, gap)| gap > TOUCHING)
        .collect()
}

/// The lowest point of `part`, allowing for how thick it is drawn.
fn lowest_of(body: &Body, part: Anchor) -> Point {
    let below = |p: Point, half: f32| Point::new(p.x, p.y - half);
    let foot = |end: Point, tip: Point| {
        let low = if tip.y < end.y { tip } else { end };
        below(low, length::LIMB_THICKNESS / 2.0)
    };
    match part {
        Anchor::Head => below(body.head, length::HEAD_RADIUS),
        Anchor::Chest | Anchor::Belly | Anchor::Pelvis => {
            below(body.at(part), length::TRUNK_THICKNESS / 2.0)
        }
        Anchor::LeftFoot => foot(body.left_leg.end, body.left_leg.tip),
        Anchor::RightFoot => foot(body.right_leg.end, body.right_leg.tip),
        _ => below(body.at(part), length::LIMB_THICKNESS / 2.0),
    }
}

/// How far above what holds it up `part` lies in the side-lying view.
fn side_lying_gap(figure: &Figure, part: Anchor) -> f32 {
    let propped = figure
        .props
        .iter()
        .any(|p| p.at == part && matches!(p.prop, Prop::Cushion | Prop::Ball | Prop::FoamRoller));
    match part {
        _ if propped => 0.0,
        Anchor::LeftKnee | Anchor::LeftFoot => length::HIP_WIDTH,
        Anchor::LeftHand | Anchor::LeftElbow => length::SHOULDER_WIDTH,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Angles, PropPlace};

    fn on_the_back(hip: i32, knee: i32, ankle: i32) -> Figure {
        Figure {
            view: View::Side,
            angles: Angles {
                trunk: -90,
                left_hip: hip,
                left_knee: knee,
                left_ankle: ankle,
                right_hip: hip,
                right_knee: knee,
                right_ankle: ankle,
                ..Angles::default()
            },
            props: vec![PropPlace {
                prop: Prop::Floor,
                at: Anchor::Pelvis,
                to: None,
            }],
            rests: vec![Anchor::Pelvis, Anchor::Head, Anchor::LeftFoot],
        }
    }

    #[test]
    fn feet_planted_with_the_knees_bent_touch_the_floor() {
        // Knees bent so the shins come back down to the floor, the soles
        // flat.
        let figure = on_the_back(45, 100, 35);
        assert_eq!(floating(&figure), []);
    }

    #[test]
    fn feet_in_the_air_are_found_floating_by_how_far() {
        // The hips bent further with the knees as before lift the feet.
        let figure = on_the_back(80, 100, 35);
        let floating = floating(&figure);
        assert_eq!(floating.len(), 1, "{floating:?}");
        let (part, gap) = floating[0];
        assert_eq!(part, Anchor::LeftFoot);
        assert!(gap > 0.1, "{gap}");
    }

    #[test]
    fn kneeling_the_knee_and_feet_touch_and_a_hanging_hand_does_not() {
        let mut kneeling = Figure {
            view: View::Side,
            angles: Angles {
                left_hip: -15,
                left_knee: 75,
                left_ankle: 90,
                right_hip: 95,
                right_knee: 95,
                ..Angles::default()
            },
            props: Vec::new(),
            rests: vec![Anchor::LeftKnee, Anchor::LeftFoot, Anchor::RightFoot],
        };
        assert_eq!(floating(&kneeling), []);
        // Named as resting, a hand that hangs at the side is in the air.
        kneeling.rests.push(Anchor::LeftHand);
        assert_eq!(floating(&kneeling).len(), 1);
        // On a cushion, the knee rests on its top, not on the floor.
        kneeling.props.push(PropPlace {
            prop: Prop::Cushion,
            at: Anchor::LeftKnee,
            to: None,
        });
        kneeling.rests = vec![Anchor::LeftKnee];
        assert_eq!(floating(&kneeling), []);
    }

    #[test]
    fn lying_on_the_side_a_top_limb_rests_only_on_a_prop() {
        let mut figure = Figure {
            view: View::SideLying,
            rests: vec![Anchor::Pelvis, Anchor::RightKnee, Anchor::LeftKnee],
            ..Figure::default()
        };
        assert_eq!(floating(&figure), [(Anchor::LeftKnee, length::HIP_WIDTH)]);
        figure.props.push(PropPlace {
            prop: Prop::Cushion,
            at: Anchor::LeftKnee,
            to: None,
        });
        assert_eq!(floating(&figure), []);
    }
}
