//! Pictures of poses, drawn from data: a [`Figure`] is a pose (joint angles
//! on a body of human proportions, [`body`]) and the props it uses
//! ([`prop`]), laid out as shapes ([`scene`]) and drawn as SVG ([`svg`]) or
//! as Unicode braille scaled to the room it has ([`braille`]). Everything
//! here is pure: no file, terminal or clock. A figure is written for the
//! left side; the right side is its mirror image.

pub mod body;
pub mod braille;
pub mod pose;
pub mod prop;
pub mod scene;
pub mod svg;

pub use pose::{Angles, Figure, View};
pub use prop::{Anchor, Prop, PropPlace};
pub use scene::Scene;
