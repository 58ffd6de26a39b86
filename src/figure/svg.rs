//! A figure as an SVG picture: props light, the far limbs grey, the body
//! dark, round-ended lines on a white ground. The picture is sized to
//! `height` pixels and keeps its proportions; it needs no fonts, scripts
//! or network.

use std::fmt::Write as _;

use super::body::Point;
use super::scene::{Layer, Scene, Shape};

const MARGIN: f32 = 0.04;

fn colour(layer: Layer) -> &'static str {
    match layer {
        Layer::Prop => "#9aa5b1",
        Layer::Far => "#8a8a8a",
        Layer::Near | Layer::NearLimb => "#1f2933",
    }
}

/// The SVG document of `scene`, `height` pixels tall, titled `title` for
/// screen readers.
pub fn render(scene: &Scene, height: u32, title: &str) -> String {
    let w = scene.width() + 2.0 * MARGIN;
    let h = scene.height() + 2.0 * MARGIN;
    let width = (height as f32 * w / h).round() as u32;
    // y grows downward in SVG: every point is turned over.
    let x = |p: Point| p.x - scene.min.x + MARGIN;
    let y = |p: Point| scene.max.y - p.y + MARGIN;
    let mut out = String::with_capacity(2048);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {w:.3} {h:.3}\" role=\"img\">\n<title>{}</title>\n",
        escape(title)
    );
    for shape in &scene.shapes {
        match *shape {
            Shape::Line {
                from,
                to,
                width,
                layer,
            } => {
                if layer == Layer::NearLimb {
                    // A white edge, so a limb across the trunk stands out.
                    let _ = writeln!(
                        out,
                        "<line x1=\"{:.3}\" y1=\"{:.3}\" x2=\"{:.3}\" y2=\"{:.3}\" stroke=\"#ffffff\" \
                         stroke-width=\"{:.3}\" stroke-linecap=\"round\"/>",
                        x(from),
                        y(from),
                        x(to),
                        y(to),
                        width + 0.02
                    );
                }
                let _ = writeln!(
                    out,
                    "<line x1=\"{:.3}\" y1=\"{:.3}\" x2=\"{:.3}\" y2=\"{:.3}\" stroke=\"{}\" \
                     stroke-width=\"{width:.3}\" stroke-linecap=\"round\"/>",
                    x(from),
                    y(from),
                    x(to),
                    y(to),
                    colour(layer)
                );
            }
            Shape::Circle {
                centre,
                radius,
                filled,
                layer,
            } => {
                let paint = if filled {
                    format!("fill=\"{}\"", colour(layer))
                } else {
                    format!(
                        "fill=\"none\" stroke=\"{}\" stroke-width=\"0.012\"",
                        colour(layer)
                    )
                };
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.3}\" cy=\"{:.3}\" r=\"{radius:.3}\" {paint}/>",
                    x(centre),
                    y(centre)
                );
            }
            Shape::Rect {
                corner,
                width,
                height,
                layer,
            } => {
                let top = Point::new(corner.x, corner.y + height);
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.3}\" y=\"{:.3}\" width=\"{width:.3}\" height=\"{height:.3}\" \
                     rx=\"0.01\" fill=\"{}\"/>",
                    x(top),
                    y(top),
                    colour(layer)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
