//! The hold progress bar, drawn by indicatif into a line of text that the
//! screen places where it wants. indicatif writes to an in-memory terminal
//! here, so the bar looks like indicatif's anywhere else, yet the screen stays
//! one frame drawn in one place.

use std::cell::RefCell;
use std::io;
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};

/// Renders bars of any width and fill.
#[derive(Debug)]
pub struct HoldBar {
    bar: ProgressBar,
    canvas: Canvas,
    /// The last bar drawn, by (cells filled, width): most frames reuse it.
    last: RefCell<Option<((u64, u16), String)>>,
}

/// The bar's resolution: fine enough that every cell of a wide bar moves.
const STEPS: u64 = 10_000;

impl Default for HoldBar {
    fn default() -> Self {
        Self::new()
    }
}

impl HoldBar {
    pub fn new() -> HoldBar {
        let canvas = Canvas::default();
        let bar = ProgressBar::with_draw_target(
            Some(STEPS),
            ProgressDrawTarget::term_like(Box::new(canvas.clone())),
        );
        bar.set_style(
            ProgressStyle::with_template("{wide_bar}")
                .expect("a valid template")
                .progress_chars("█░"),
        );
        HoldBar {
            bar,
            canvas,
            last: RefCell::new(None),
        }
    }

    /// A bar `width` characters wide, `fraction` (0.0 to 1.0) full, in
    /// whole cells.
    pub fn render(&self, fraction: f64, width: u16) -> String {
        let width = width.max(1);
        let cells = (fraction.clamp(0.0, 1.0) * f64::from(width)).floor() as u64;
        if let Some((key, line)) = &*self.last.borrow()
            && *key == (cells, width)
        {
            return line.clone();
        }
        let line = self.draw(cells as f64 / f64::from(width), width);
        *self.last.borrow_mut() = Some(((cells, width), line.clone()));
        line
    }

    fn draw(&self, fraction: f64, width: u16) -> String {
        *self.canvas.width.lock().unwrap_or_else(|e| e.into_inner()) = width;
        self.canvas
            .text
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let position = (fraction.clamp(0.0, 1.0) * STEPS as f64).round() as u64;
        self.bar.set_position(position);
        self.bar.force_draw();
        let text = self.canvas.text.lock().unwrap_or_else(|e| e.into_inner());
        let line: String = text.chars().filter(|c| !c.is_control()).collect();
        // Keep the width exact whatever indicatif decided about trailing space.
        let mut line: String = line.chars().take(width.into()).collect();
        let short = usize::from(width).saturating_sub(line.chars().count());
        line.extend(std::iter::repeat_n(' ', short));
        line
    }
}

/// An in-memory terminal one line high that keeps what indicatif writes.
#[derive(Clone, Debug, Default)]
struct Canvas {
    width: Arc<Mutex<u16>>,
    text: Arc<Mutex<String>>,
}

impl Canvas {
    fn write(&self, s: &str) {
        self.text
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_str(s);
    }
}

impl TermLike for Canvas {
    fn width(&self) -> u16 {
        *self.width.lock().unwrap_or_else(|e| e.into_inner())
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
        self.write(s);
        Ok(())
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        self.write(s);
        Ok(())
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
        let bar = HoldBar::new();
        assert_eq!(bar.render(0.0, 10), "░".repeat(10));
        assert_eq!(bar.render(1.0, 10), "█".repeat(10));
        let half = bar.render(0.5, 10);
        assert_eq!(half, format!("{}{}", "█".repeat(5), "░".repeat(5)));
        assert_eq!(bar.render(0.59, 10), half, "whole cells only");
        assert_eq!(bar.render(0.25, 40).chars().count(), 40);
    }
}
