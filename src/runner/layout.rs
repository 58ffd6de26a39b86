//! How the screen's room is shared. Up to 80×24 every row is one line of
//! text across the screen. From 80×24 the seconds left are big, and they
//! grow with the window, as does the breathing word from 30 rows; the
//! exercise's figure takes the room the rows that change leave: a column
//! of its own from below the step's status to above what comes next, on the
//! side away from the big seconds (which stand toward the side worked).
//!
//! The sizes are chosen once for a window, the widest number and breathing
//! word allowed for, so nothing grows or jumps between the seconds of a
//! hold: the layout changes only with the exercise (a figure or none, its
//! side) or the window.

use super::big_text;
use crate::engine::BreathDirection;
use crate::figure::Scene;
use crate::library::Side;
use crate::words::run::breath_words;

/// Where things go on a screen of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The scale of the big seconds ([`big_text`]); 0 for a row of text.
    pub digits: usize,
    /// The scale of the big breathing word; 0 for a row of text.
    pub breath: usize,
    /// The figure's column, if it has one.
    pub figure: Option<Column>,
    /// The columns of the rows beside the figure (all of them without one).
    pub main: Column,
}

/// A band of columns: the first and how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    pub x: usize,
    pub width: usize,
}

/// Columns between the letters of the big breathing word.
pub(crate) const BREATH_GAP: usize = 1;

/// The words beside the figure keep at least this many columns, so a line
/// of instructions reads as a line.
const WORDS_WIDTH: usize = 46;
/// A figure narrower than this is too small to make out: none is drawn.
const FIGURE_WIDTH: usize = 16;
/// Columns between the figure and the rows beside it.
const GUTTER: usize = 2;
/// The rows above and below the figure's column: the title, where in the
/// routine, the exercise, the side band, the status, and below it what
/// comes next and the keys.
const ROWS_AROUND: usize = 7;
/// The widest number of seconds to make room for.
const WIDEST_NUMBER: u32 = 888;

/// Whether a terminal is large enough for the seconds in big digits.
pub(crate) fn has_room_for_big_digits(width: u16, height: u16) -> bool {
    width >= 80 && height >= 24
}

impl Layout {
    /// The layout of a `width`×`height` screen for a step done on `side`,
    /// with the figure `scene` drawn if there is one and room for it.
    pub(crate) fn of(width: u16, height: u16, side: Option<Side>, scene: Option<&Scene>) -> Layout {
        let (w, h) = (usize::from(width), usize::from(height));
        let whole = Column { x: 0, width: w };
        if !has_room_for_big_digits(width, height) {
            return Layout {
                digits: 0,
                breath: 0,
                figure: None,
                main: whole,
            };
        }
        // Taller windows have room for bigger seconds and breathing word.
        let (mut digits, most_breath) = match h {
            52.. => (6, 3),
            36.. => (4, 2),
            30.. => (3, 1),
            _ => (2, 0),
        };
        while digits > 2 && big_text::number_width(WIDEST_NUMBER, digits) + 4 > w {
            digits -= 1;
        }
        let digits_width = big_text::number_width(WIDEST_NUMBER, digits) + 4;
        // The biggest breathing word that still leaves the figure its room;
        // a breathing word of one row and no figure at the least.
        for breath in (1..=most_breath).rev().chain([0]) {
            let Some(breath_width) = breath_width(breath) else {
                continue;
            };
            let need = WORDS_WIDTH.max(digits_width).max(breath_width);
            if need > w {
                continue;
            }
            let figure = scene.and_then(|scene| figure_width(scene, w, h, need));
            if figure.is_none() && scene.is_some() && breath > 0 {
                continue;
            }
            let (figure, main) = match (figure, side) {
                (None, _) => (None, whole),
                // The right side's seconds stand at the right: the figure
                // stands at the left, mirrored.
                (Some(fw), Some(Side::Right)) => (
                    Some(Column { x: 1, width: fw }),
                    Column {
                        x: 1 + fw + GUTTER,
                        width: w - 1 - fw - GUTTER,
                    },
                ),
                (Some(fw), _) => {
                    let x = w - 1 - fw;
                    (
                        Some(Column { x, width: fw }),
                        Column {
                            x: 0,
                            width: x - GUTTER,
                        },
                    )
                }
            };
            return Layout {
                digits,
                breath,
                figure,
                main,
            };
        }
        Layout {
            digits,
            breath: 0,
            figure: None,
            main: whole,
        }
    }

    /// How many rows the breathing line takes: the big word between blank
    /// rows and a row of the breath's fullness, or a label and its fullness
    /// on two rows.
    pub(crate) fn breath_rows(&self) -> usize {
        match self.breath {
            0 if self.digits > 0 => 2,
            0 => 1,
            scale => big_text::height(scale) + 3,
        }
    }
}

/// The columns the wider of the breathing words takes at `scale`, with a
/// margin, or `None` when it has no large form; 0 at scale 0 (a label).
fn breath_width(scale: usize) -> Option<usize> {
    if scale == 0 {
        return Some(0);
    }
    [BreathDirection::In, BreathDirection::Out]
        .iter()
        .map(|&d| big_text::width(&breath_words(d).to_uppercase(), scale, BREATH_GAP))
        .try_fold(0, |widest, w| w.map(|w| widest.max(w + 2)))
}

/// The columns a figure takes: as wide as it is drawn at the full height of
/// its column, within what the other rows leave (`need` of `w`) and under
/// half the screen; `None` when that is too narrow to make out.
fn figure_width(scene: &Scene, w: usize, h: usize, need: usize) -> Option<usize> {
    let room = w.saturating_sub(need + GUTTER + 1).min(w * 9 / 20);
    let dots_high = (h.saturating_sub(ROWS_AROUND) * 4) as f32;
    let dots_wide = scene.width() * dots_high / scene.height().max(f32::EPSILON);
    let natural = (dots_wide / 2.0).ceil() as usize;
    Some(room.min(natural)).filter(|&fw| fw >= FIGURE_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_screens_have_one_column_of_text() {
        let layout = Layout::of(79, 40, Some(Side::Left), None);
        assert_eq!(layout.digits, 0);
        assert_eq!(layout.main, Column { x: 0, width: 79 });
        assert_eq!(layout.breath_rows(), 1);
    }

    #[test]
    fn digits_and_the_breathing_word_grow_with_the_window() {
        let sizes = [(80, 24), (80, 30), (120, 40), (200, 60)];
        let scales: Vec<(usize, usize)> = sizes
            .iter()
            .map(|&(w, h)| {
                let l = Layout::of(w, h, None, None);
                (l.digits, l.breath)
            })
            .collect();
        assert_eq!(scales, [(2, 0), (3, 1), (4, 2), (6, 3)]);
    }
}
