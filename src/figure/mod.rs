//! Pictures of poses, drawn from data: a [`Figure`] is a pose (joint angles
//! on a body of human proportions, [`body`]) and the props it uses
//! ([`prop`]), resting on the floor or a prop ([`rest`]), laid out as
//! shapes ([`shape`], [`scene`], [`prop_shapes`]) and drawn as SVG ([`svg`]) or as
//! Unicode braille scaled to the room it has ([`braille`]); the parts it
//! says rest are held to touching what is under them ([`contact`]). Everything
//! here is pure: no file, terminal or clock. A figure is written for the
//! left side; the right side is its mirror image.

pub mod body;
pub mod braille;
pub mod contact;
pub mod pose;
pub mod prop;
pub mod prop_shapes;
pub mod rest;
pub mod scene;
pub mod shape;
pub mod svg;

pub use pose::{Angles, Figure, View};
pub use prop::{Anchor, Prop, PropPlace};
pub use scene::Scene;
