//! The hold progress bar, drawn by indicatif into a line of text that the
//! screen places where it wants. indicatif draws into an in-memory terminal
//! here, so the bar looks like indicatif's anywhere else, yet the screen stays
//! one frame drawn in one place.

use std::io;
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};
use unicode_width::UnicodeWidthStr;

/// A bar `width` cells wide, `fraction` (0.0 to 1.0) full, in whole cells.
pub fn hold_bar(fraction: f64, width: u16) -> String {
    let width = width.max(1);
    let cells = (fraction.clamp(0.0, 1.0) * f64::from(width)).floor() as u64;
    let canvas = Canvas {
        width,
        text: Arc::default(),
    };
    let style = ProgressStyle::with_template("{wide_bar}")
        .expect("a valid template")
        .progress_chars("█░");
    let bar = ProgressBar::with_draw_target(
        Some(width.into()),
        ProgressDrawTarget::term_like(Box::new(canvas.clone())),
    )
    .with_style(style)
    .with_position(cells);
    bar.force_draw();
    let line: String = canvas
        .text
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    // Keep the width exact whatever indicatif decided about trailing space.
    let pad = usize::from(width).saturating_sub(line.width());
    format!("{line}{}", " ".repeat(pad))
}

/// An in-memory terminal one line high that keeps what indicatif writes.
#[derive(Clone, Debug)]
struct Canvas {
    width: u16,
    text: Arc<Mutex<String>>,
}

impl Canvas {
    fn write(&self, s: &str) -> io::Result<()> {
        self.text
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_str(s);
        Ok(())
    }
}

impl TermLike for Canvas {
    fn width(&self) -> u16 {
        self.width
    }
    fn height(&self) -> u16 {
        1
    }
    fn move_cursor_up(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        self.write(s)
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        self.write(s)
    }
    fn clear_line(&self) -> io::Result<()> {
        self.text.lock().unwrap_or_else(|e| e.into_inner()).clear();
        Ok(())
    }
    fn flush(&self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_to_the_fraction_at_any_width() {
        assert_eq!(hold_bar(0.0, 10), "░".repeat(10));
        assert_eq!(hold_bar(1.0, 10), "█".repeat(10));
        let half = hold_bar(0.5, 10);
        assert_eq!(half, format!("{}{}", "█".repeat(5), "░".repeat(5)));
        assert_eq!(hold_bar(0.59, 10), half, "whole cells only");
        assert_eq!(
            hold_bar(0.25, 40),
            format!("{}{}", "█".repeat(10), "░".repeat(30))
        );
    }
}
