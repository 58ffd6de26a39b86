//! The shapes a figure is drawn with, in heights, each on the layer that
//! says how it is drawn: lines, discs and boxes. The scene and the props
//! make them, the renderers draw them.

use super::body::Point;

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

pub(super) fn line(shapes: &mut Vec<Shape>, from: Point, to: Point, width: f32, layer: Layer) {
    shapes.push(Shape::Line {
        from,
        to,
        width,
        layer,
    });
}
