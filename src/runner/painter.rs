//! Puts screen rows on the terminal. Only rows that changed since the last
//! frame are written, which keeps a frame to a few bytes and the CPU cost of a
//! long hold low; a resize or a return from suspend repaints everything.
//! Colour is applied here and only here, so `NO_COLOR` is one switch.

use std::io::{self, Write};

use crossterm::style::{
    Attribute, Color, Print, ResetColor, SetAttribute, SetBackgroundColor, SetForegroundColor,
};
use crossterm::{cursor, queue, terminal};

use unicode_width::UnicodeWidthStr;

use super::rows::{Row, Style};

pub(crate) struct Painter {
    colour: bool,
    width: u16,
    height: u16,
    /// What is on the terminal now; empty when it must be repainted whole.
    shown: Vec<Row>,
    /// The terminal's title as last set.
    title: String,
}

impl Painter {
    pub(crate) fn new(colour: bool, (width, height): (u16, u16)) -> Painter {
        Painter {
            colour,
            width,
            height,
            shown: Vec::new(),
            title: String::new(),
        }
    }

    /// Sets the terminal's title, if it changed. The terminal module saves
    /// the title before the screen is taken and puts it back after.
    pub(crate) fn set_title(&mut self, title: &str, out: &mut impl Write) -> io::Result<()> {
        if self.title != title {
            queue!(out, terminal::SetTitle(title))?;
            self.title = title.to_string();
        }
        Ok(())
    }

    pub(crate) fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// The terminal changed size: the next frame repaints everything.
    pub(crate) fn resize(&mut self, (width, height): (u16, u16)) {
        if (width, height) != (self.width, self.height) {
            self.width = width;
            self.height = height;
            self.shown.clear();
        }
    }

    /// Whatever is on the terminal is unknown (after a suspend): repaint.
    pub(crate) fn invalidate(&mut self) {
        self.shown.clear();
        self.title.clear();
    }

    /// Writes the rows that differ from what is shown.
    pub(crate) fn paint(&mut self, rows: &[Row], out: &mut impl Write) -> io::Result<()> {
        if self.shown.is_empty() {
            queue!(out, ResetColor, terminal::Clear(terminal::ClearType::All))?;
        }
        for (y, row) in rows.iter().enumerate() {
            if self.shown.get(y) == Some(row) {
                continue;
            }
            queue!(out, cursor::MoveTo(0, y as u16))?;
            self.set_style(row.style, out)?;
            let mut text = row.text.clone();
            if is_band(row.style) {
                // A band fills the whole line, so it shows from across a room.
                let short = usize::from(self.width).saturating_sub(text.width());
                text.extend(std::iter::repeat_n(' ', short));
            }
            queue!(
                out,
                Print(text),
                SetAttribute(Attribute::Reset),
                ResetColor,
                terminal::Clear(terminal::ClearType::UntilNewLine)
            )?;
            if let Some(aside) = &row.aside {
                queue!(
                    out,
                    cursor::MoveTo(aside.column as u16, y as u16),
                    Print(&aside.text)
                )?;
            }
        }
        self.shown = rows.to_vec();
        out.flush()
    }

    fn set_style(&self, style: Style, out: &mut impl Write) -> io::Result<()> {
        let attribute = match style {
            Style::Title | Style::Strong | Style::Count => Some(Attribute::Bold),
            Style::Left | Style::Right | Style::Alert => Some(Attribute::Bold),
            Style::Dim if !self.colour => Some(Attribute::Dim),
            _ => None,
        };
        if let Some(attribute) = attribute {
            queue!(out, SetAttribute(attribute))?;
        }
        if !self.colour {
            // Without colour a band is drawn in reverse video.
            if is_band(style) {
                queue!(out, SetAttribute(Attribute::Reverse))?;
            }
            return Ok(());
        }
        let (fg, bg) = match style {
            Style::Left => (Some(Color::Black), Some(Color::Cyan)),
            Style::Right => (Some(Color::Black), Some(Color::Magenta)),
            Style::Alert => (Some(Color::Black), Some(Color::Yellow)),
            Style::Title => (Some(Color::Cyan), None),
            Style::Dim => (Some(Color::DarkGrey), None),
            Style::Count => (Some(Color::Yellow), None),
            Style::Bar => (Some(Color::Green), None),
            Style::Breath => (Some(Color::Cyan), None),
            Style::Plain | Style::Strong => (None, None),
        };
        if let Some(fg) = fg {
            queue!(out, SetForegroundColor(fg))?;
        }
        if let Some(bg) = bg {
            queue!(out, SetBackgroundColor(bg))?;
        }
        Ok(())
    }
}

fn is_band(style: Style) -> bool {
    matches!(style, Style::Left | Style::Right | Style::Alert)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, style: Style) -> Row {
        Row::new(text, style)
    }

    #[test]
    fn only_changed_rows_are_written() {
        let mut painter = Painter::new(true, (20, 2));
        let mut out = Vec::new();
        painter
            .paint(
                &[row("one", Style::Plain), row("two", Style::Plain)],
                &mut out,
            )
            .unwrap();
        let first = String::from_utf8(out).unwrap();
        assert!(first.contains("one") && first.contains("two"));
        let mut out = Vec::new();
        painter
            .paint(
                &[row("one", Style::Plain), row("TWO", Style::Plain)],
                &mut out,
            )
            .unwrap();
        let second = String::from_utf8(out).unwrap();
        assert!(
            !second.contains("one") && second.contains("TWO"),
            "{second:?}"
        );
    }

    #[test]
    fn no_colour_means_no_colour_codes() {
        let mut painter = Painter::new(false, (20, 3));
        let mut out = Vec::new();
        let rows = [
            row("LEFT", Style::Left),
            row("x", Style::Dim),
            row("y", Style::Bar),
        ];
        painter.paint(&rows, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        // 38/48 would set a foreground or background colour (30-37, 40-47 too).
        for code in ["[38;", "[48;", "[30m", "[36m", "[46m", "[32m"] {
            assert!(!text.contains(code), "{code} in {text:?}");
        }
        assert!(text.contains("\x1b[7m"), "bands are reversed: {text:?}");
    }

    #[test]
    fn a_figure_beside_a_row_is_drawn_at_its_column_uncoloured() {
        let mut painter = Painter::new(true, (20, 1));
        let mut out = Vec::new();
        let mut beside = row("99", Style::Count);
        beside.aside = Some(super::super::rows::Aside {
            column: 12,
            text: "⣿⡇".into(),
        });
        painter.paint(&[beside], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        // The number in its colour, the line cleared, then the figure at
        // column 13 (one-based) after every colour was reset.
        assert!(
            text.ends_with("99\x1b[0m\x1b[0m\x1b[K\x1b[1;13H⣿⡇"),
            "{text:?}"
        );
    }

    #[test]
    fn a_band_of_wide_characters_fills_the_line_in_columns() {
        let mut painter = Painter::new(false, (12, 1));
        let mut out = Vec::new();
        painter
            .paint(&[row("左側", Style::Left)], &mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        // Two characters of two columns each, then eight spaces: 12 columns.
        assert!(
            text.contains(&format!("左側{}\x1b", " ".repeat(8))),
            "{text:?}"
        );
    }
}
