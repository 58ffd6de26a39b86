//! The body model: segment lengths in proportion to standing height (after
//! Drillis and Contini's table of segment lengths, the one anthropometry
//! texts reproduce), and the joints' places worked out from a pose's angles
//! by chaining each segment from the pelvis outward. Heights are 1.0; `y`
//! grows upward. Every figure is therefore in proportion, whatever its
//! angles.

use super::pose::{Angles, View};
use super::prop::Anchor;

/// How steeply the side-lying view looks down on the floor, in degrees
/// from level: enough to see the thighs come forward along the floor, not
/// so much that the hips no longer stack.
pub const SIDE_LYING_ELEVATION: f32 = 68.0;

/// Segment lengths as fractions of standing height.
pub mod length {
    /// Hip joint to shoulder joint (0.818 - 0.530).
    pub const TRUNK: f32 = 0.288;
    /// Shoulder level to the centre of the head.
    pub const NECK: f32 = 0.09;
    pub const HEAD_RADIUS: f32 = 0.062;
    pub const THIGH: f32 = 0.245;
    pub const SHANK: f32 = 0.246;
    /// Heel to toe is 0.152; the ankle sits above a third of it.
    pub const FOOT: f32 = 0.11;
    pub const UPPER_ARM: f32 = 0.186;
    /// Forearm and half the hand.
    pub const FOREARM: f32 = 0.2;
    pub const SHOULDER_WIDTH: f32 = 0.259;
    pub const HIP_WIDTH: f32 = 0.191;
    /// How thick the trunk and the limbs are drawn, and so how far a
    /// surface lies from a joint resting on it.
    pub const TRUNK_THICKNESS: f32 = 0.1;
    pub const LIMB_THICKNESS: f32 = 0.05;
}

/// A point of the picture, in heights.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    /// The point `length` away in direction `degrees` (0 is straight up, 90
    /// is to the right).
    fn toward(self, degrees: f32, length: f32) -> Point {
        let (sin, cos) = degrees.to_radians().sin_cos();
        Point::new(self.x + sin * length, self.y + cos * length)
    }

    #[must_use]
    pub fn lerp(self, other: Point, t: f32) -> Point {
        Point::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }
}

/// One arm or one leg: from the body to its end.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limb {
    pub root: Point,
    pub middle: Point,
    pub end: Point,
    /// The toe, for a leg; the hand is `end`.
    pub tip: Point,
}

/// Every joint of a posed body.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Body {
    pub pelvis: Point,
    pub neck: Point,
    pub head: Point,
    pub left_leg: Limb,
    pub right_leg: Limb,
    pub left_arm: Limb,
    pub right_arm: Limb,
}

impl Body {
    /// The body in `angles`, seen in `view`, its pelvis at the origin.
    /// `seated` draws the thighs of the front view foreshortened, as they
    /// point at the viewer.
    pub fn posed(view: View, a: &Angles, seated: bool) -> Body {
        if view == View::SideLying {
            return Body::posed(View::Side, a, seated).laid_on_right_side();
        }
        let f = |n: i32| n as f32;
        let trunk = f(a.trunk);
        let pelvis = Point::new(0.0, 0.0);
        let neck = pelvis.toward(trunk, length::TRUNK);
        let head = neck.toward(trunk + f(a.head), length::NECK);
        match view {
            View::Side => {
                let leg = |hip: i32, knee: i32, ankle: i32| {
                    let thigh = trunk + 180.0 - f(hip);
                    let shank = thigh + f(knee);
                    let foot = shank - 90.0 + f(ankle);
                    let knee_at = pelvis.toward(thigh, length::THIGH);
                    let ankle_at = knee_at.toward(shank, length::SHANK);
                    Limb {
                        root: pelvis,
                        middle: knee_at,
                        end: ankle_at,
                        tip: ankle_at.toward(foot, length::FOOT),
                    }
                };
                // The shoulder sits a little below the neck's base.
                let shoulder = pelvis.toward(trunk, length::TRUNK * 0.92);
                let arm = |flexion: i32, elbow: i32| {
                    let upper = trunk + 180.0 - f(flexion);
                    let elbow_at = shoulder.toward(upper, length::UPPER_ARM);
                    let hand = elbow_at.toward(upper - f(elbow), length::FOREARM);
                    Limb {
                        root: shoulder,
                        middle: elbow_at,
                        end: hand,
                        tip: hand,
                    }
                };
                Body {
                    pelvis,
                    neck,
                    head,
                    left_leg: leg(a.left_hip, a.left_knee, a.left_ankle),
                    right_leg: leg(a.right_hip, a.right_knee, a.right_ankle),
                    left_arm: arm(a.left_shoulder, a.left_elbow),
                    right_arm: arm(a.right_shoulder, a.right_elbow),
                }
            }
            View::SideLying => unreachable!("laid down from the side view above"),
            View::Front => {
                // `side` is +1 for the person's left (the picture's right).
                let across =
                    |from: Point, side: f32, half: f32| from.toward(trunk + 90.0 * side, half);
                let leg = |side: f32, hip: i32, knee: i32| {
                    let root = across(pelvis, side, length::HIP_WIDTH / 2.0);
                    let thigh = trunk + 180.0 - side * f(hip);
                    let thigh_length = if seated {
                        length::THIGH * 0.25
                    } else {
                        length::THIGH
                    };
                    let knee_at = root.toward(thigh, thigh_length);
                    let ankle_at = knee_at.toward(thigh - side * f(knee), length::SHANK);
                    Limb {
                        root,
                        middle: knee_at,
                        end: ankle_at,
                        tip: ankle_at.toward(180.0 - 60.0 * side, length::FOOT * 0.6),
                    }
                };
                let shoulder_base = pelvis.toward(trunk, length::TRUNK * 0.92);
                let arm = |side: f32, abduction: i32, elbow: i32| {
                    let root = across(shoulder_base, side, length::SHOULDER_WIDTH / 2.0);
                    let upper = trunk + 180.0 - side * f(abduction);
                    let elbow_at = root.toward(upper, length::UPPER_ARM);
                    let hand = elbow_at.toward(upper - side * f(elbow), length::FOREARM);
                    Limb {
                        root,
                        middle: elbow_at,
                        end: hand,
                        tip: hand,
                    }
                };
                Body {
                    pelvis,
                    neck,
                    head,
                    left_leg: leg(1.0, a.left_hip, a.left_knee),
                    right_leg: leg(-1.0, a.right_hip, a.right_knee),
                    left_arm: arm(1.0, a.left_shoulder, a.left_elbow),
                    right_arm: arm(-1.0, a.right_shoulder, a.right_elbow),
                }
            }
        }
    }

    /// The side view's body (facing right, head up) laid on its right side
    /// on the floor and seen from in front and above: the body's long axis
    /// runs along the floor, head to the left; what was forward comes
    /// toward the viewer, so lower in the picture; and each part is raised
    /// by its height above the floor, the top (left) limbs by the width of
    /// the hips or shoulders, the trunk and head by half of it.
    fn laid_on_right_side(self) -> Body {
        let (sin, cos) = SIDE_LYING_ELEVATION.to_radians().sin_cos();
        let lay = |p: Point, height: f32| Point::new(-p.y, height * cos - p.x * sin);
        let limb = |l: Limb, height: f32| Limb {
            root: lay(l.root, height),
            middle: lay(l.middle, height),
            end: lay(l.end, height),
            tip: lay(l.tip, height),
        };
        let middle = length::HIP_WIDTH / 2.0;
        Body {
            pelvis: lay(self.pelvis, middle),
            neck: lay(self.neck, middle),
            head: lay(self.head, middle),
            left_leg: limb(self.left_leg, length::HIP_WIDTH),
            right_leg: limb(self.right_leg, 0.0),
            left_arm: limb(self.left_arm, length::SHOULDER_WIDTH),
            right_arm: limb(self.right_arm, 0.0),
        }
    }

    /// Where `anchor` is on this body.
    pub fn at(&self, anchor: Anchor) -> Point {
        match anchor {
            Anchor::Head => self.head,
            Anchor::Chest => self.pelvis.lerp(self.neck, 0.7),
            Anchor::Belly => self.pelvis.lerp(self.neck, 0.3),
            Anchor::Pelvis => self.pelvis,
            Anchor::LeftHand => self.left_arm.end,
            Anchor::RightHand => self.right_arm.end,
            Anchor::LeftElbow => self.left_arm.middle,
            Anchor::RightElbow => self.right_arm.middle,
            Anchor::LeftKnee => self.left_leg.middle,
            Anchor::RightKnee => self.right_leg.middle,
            Anchor::LeftFoot => self.left_leg.end.lerp(self.left_leg.tip, 0.5),
            Anchor::RightFoot => self.right_leg.end.lerp(self.right_leg.tip, 0.5),
        }
    }

    /// Moves every joint by `(dx, dy)`.
    #[must_use]
    pub fn shifted(mut self, dx: f32, dy: f32) -> Body {
        let mv = |p: &mut Point| {
            p.x += dx;
            p.y += dy;
        };
        mv(&mut self.pelvis);
        mv(&mut self.neck);
        mv(&mut self.head);
        for limb in [
            &mut self.left_leg,
            &mut self.right_leg,
            &mut self.left_arm,
            &mut self.right_arm,
        ] {
            mv(&mut limb.root);
            mv(&mut limb.middle);
            mv(&mut limb.end);
            mv(&mut limb.tip);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, x: f32, y: f32) -> bool {
        (a.x - x).abs() < 1e-4 && (a.y - y).abs() < 1e-4
    }

    #[test]
    fn standing_upright_has_human_heights() {
        let body = Body::posed(View::Side, &Angles::default(), false);
        // Feet below the hips by thigh and shank, the foot pointing forward.
        assert!(close(body.left_leg.end, 0.0, -0.491));
        assert!(close(body.left_leg.tip, length::FOOT, -0.491));
        assert!(close(body.neck, 0.0, length::TRUNK));
        // The arms hang, the hands at mid-thigh.
        assert!(body.left_arm.end.y < 0.0 && body.left_arm.end.y > -0.2);
    }

    #[test]
    fn sitting_bends_hip_and_knee_forward_and_down() {
        let angles = Angles {
            left_hip: 90,
            left_knee: 90,
            ..Angles::default()
        };
        let leg = Body::posed(View::Side, &angles, false).left_leg;
        assert!(close(leg.middle, length::THIGH, 0.0));
        assert!(close(leg.end, length::THIGH, -length::SHANK));
    }

    #[test]
    fn lying_on_the_side_the_head_is_left_the_top_leg_above_and_a_bent_hip_comes_forward() {
        let angles = Angles {
            right_hip: 90,
            ..Angles::default()
        };
        let body = Body::posed(View::SideLying, &angles, false);
        // Laid along the floor, head to the left, legs to the right.
        assert!(body.head.x < body.pelvis.x - length::TRUNK);
        assert!((body.head.y - body.pelvis.y).abs() < 1e-4);
        let (top, bottom) = (body.left_leg, body.right_leg);
        assert!(top.end.x > body.pelvis.x + length::THIGH);
        // The top leg lies a hip's width above the bottom one, which the
        // view shows foreshortened.
        let rise = length::HIP_WIDTH * SIDE_LYING_ELEVATION.to_radians().cos();
        assert!((top.root.y - bottom.root.y - rise).abs() < 1e-4);
        // The bent hip brings the bottom thigh toward the viewer: lower in
        // the picture, not along the body.
        assert!(bottom.middle.y < bottom.root.y - length::THIGH * 0.8);
        assert!((bottom.middle.x - bottom.root.x).abs() < 1e-4);
    }

    #[test]
    fn in_front_view_the_left_limbs_are_on_the_right() {
        let angles = Angles {
            left_shoulder: 90,
            ..Angles::default()
        };
        let body = Body::posed(View::Front, &angles, false);
        assert!(body.left_leg.root.x > 0.0 && body.right_leg.root.x < 0.0);
        // Raised out to the side, level with the shoulder.
        assert!((body.left_arm.end.y - body.left_arm.root.y).abs() < 1e-4);
        assert!(body.left_arm.end.x > body.left_arm.root.x + 0.3);
    }
}
