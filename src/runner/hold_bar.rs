//! The hold progress bar: a line of text, full cells then empty ones, that
//! the screen places where it wants, so the screen stays one frame drawn in
//! one place.

/// A bar `width` cells wide, `fraction` (0.0 to 1.0) full, in whole cells.
pub(crate) fn hold_bar(fraction: f64, width: u16) -> String {
    let width = usize::from(width.max(1));
    let full = (fraction.clamp(0.0, 1.0) * width as f64).floor() as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_to_the_fraction_at_any_width() {
        assert_eq!(hold_bar(0.0, 10), "░".repeat(10));
        assert_eq!(hold_bar(-1.0, 0), "░", "at least one cell");
        assert_eq!(hold_bar(f64::NAN, 3), "░░░");
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
