//! How the screen's room is shared. Up to 80×24 every row is one line of
//! text across the screen. From 80×24 the seconds left are big, and they
//! grow with the window, as does the breathing word from 30 rows; the
//! exercise's figure takes the room the rows that change leave, in one of
//! two places: a column of its own beside them, from below the step's status
//! to above what comes next, on the side away from the big seconds (which
//! stand toward the side worked); or the rows under the breathing line and
//! the words, across the whole width. A tall figure is larger in the
//! column, a wide one (a pose lying down) under the words: during a hold
//! the place where it is drawn larger is taken, while a get-ready keeps it
//! beside the set-up words where the column has room, since those words
//! need the rows.
//!
//! The sizes are chosen once for a window, the widest number and breathing
//! word allowed for, so nothing grows or jumps between the seconds of a
//! hold: the layout changes only with the exercise (a figure or none, its
//! place and side), between its get-ready and its hold, or with the window.

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
    /// Where the figure stands, if it has room.
    pub figure: Option<Place>,
    /// The columns of the rows beside the figure (all of them without one).
    pub main: Column,
}

/// Where the figure stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// In a column of its own beside every row that changes.
    Beside(Column),
    /// In the columns given, in the rows under the breathing line and the
    /// [`WORDS_ROWS_UNDER`] rows of words, down to what comes next.
    Under(Column),
}

impl Place {
    /// The columns the figure is drawn in.
    pub(crate) fn column(self) -> Column {
        match self {
            Place::Beside(column) | Place::Under(column) => column,
        }
    }
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
/// The rows above the rows that change: the title, where in the routine, the
/// exercise, the side band, a blank row and the status.
const ROWS_ABOVE: usize = 6;
/// The rows below them: what comes next and the keys.
const ROWS_BELOW: usize = 2;
/// The rows of words over a figure drawn under them: a phase and its cue
/// take at most three across an 80-column window in the built-in routines;
/// longer words are shown a page at a time.
pub(crate) const WORDS_ROWS_UNDER: usize = 3;
/// The widest number of seconds to make room for.
const WIDEST_NUMBER: u32 = 888;

/// Whether a terminal is large enough for the seconds in big digits.
pub(crate) fn has_room_for_big_digits(width: u16, height: u16) -> bool {
    width >= 80 && height >= 24
}

impl Layout {
    /// The layout of a `width`×`height` screen for a step done on `side`,
    /// with the figure `scene` drawn if there is one and room for it;
    /// `getting_ready` keeps the figure beside the set-up words where it can.
    pub(crate) fn of(
        width: u16,
        height: u16,
        side: Option<Side>,
        scene: Option<&Scene>,
        getting_ready: bool,
    ) -> Layout {
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
            let layout = Layout {
                digits,
                breath,
                figure: None,
                main: whole,
            };
            let figure = scene.and_then(|scene| {
                let beside = beside_width(scene, w, h, need).map(|fw| {
                    let rows = h - ROWS_ABOVE - ROWS_BELOW;
                    (
                        Place::Beside(beside_column(fw, w, side)),
                        scale(scene, fw, rows),
                    )
                });
                let under = layout.rows_under(h).and_then(|rows| {
                    let column = Column { x: 1, width: w - 2 };
                    let size = scale(scene, column.width, rows);
                    (drawn_width(scene, size) >= FIGURE_WIDTH)
                        .then_some((Place::Under(column), size))
                });
                match (beside, under) {
                    (Some(beside), _) if getting_ready => Some(beside.0),
                    (Some(beside), Some(under)) if under.1 > beside.1 => Some(under.0),
                    (Some(beside), _) => Some(beside.0),
                    (None, under) => under.map(|(place, _)| place),
                }
            });
            if figure.is_none() && scene.is_some() && breath > 0 {
                continue;
            }
            let main = match figure {
                Some(Place::Beside(column)) if column.x == 1 => Column {
                    x: 1 + column.width + GUTTER,
                    width: w - 1 - column.width - GUTTER,
                },
                Some(Place::Beside(column)) => Column {
                    x: 0,
                    width: column.x - GUTTER,
                },
                _ => whole,
            };
            return Layout {
                figure,
                main,
                ..layout
            };
        }
        Layout {
            digits,
            breath: 0,
            figure: None,
            main: whole,
        }
    }

    /// The rows of an `h`-row screen left under the breathing line and
    /// [`WORDS_ROWS_UNDER`] rows of words, down to what comes next: those
    /// of the status, a blank row, the seconds, the bar, the breathing line
    /// and a blank row are taken.
    fn rows_under(&self, h: usize) -> Option<usize> {
        let taken = ROWS_ABOVE
            + 1
            + big_text::height(self.digits)
            + 1
            + self.breath_rows()
            + 1
            + WORDS_ROWS_UNDER
            + ROWS_BELOW;
        h.checked_sub(taken).filter(|&rows| rows > 0)
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

/// The columns a figure takes beside the rows that change: as wide as it is
/// drawn at the full height of its column, within what the other rows leave
/// (`need` of `w`) and under half the screen; `None` when that leaves too
/// narrow a column to make a figure out in.
fn beside_width(scene: &Scene, w: usize, h: usize, need: usize) -> Option<usize> {
    let room = w.saturating_sub(need + GUTTER + 1).min(w * 9 / 20);
    let rows = h.saturating_sub(ROWS_ABOVE + ROWS_BELOW);
    let natural = drawn_width(scene, (rows * 4) as f32 / scene.height().max(f32::EPSILON));
    Some(room.min(natural.max(FIGURE_WIDTH))).filter(|&fw| fw >= FIGURE_WIDTH)
}

/// The figure's column of `fw` beside the rows: at the right, or at the left
/// for the right side, whose seconds stand at the right and whose figure is
/// mirrored.
fn beside_column(fw: usize, w: usize, side: Option<Side>) -> Column {
    match side {
        Some(Side::Right) => Column { x: 1, width: fw },
        _ => Column {
            x: w - 1 - fw,
            width: fw,
        },
    }
}

/// Dots a unit of `scene` takes when drawn as large as fits in `columns` by
/// `rows` (a braille cell is two dots wide, four high): the figure's size,
/// to compare one place with another.
fn scale(scene: &Scene, columns: usize, rows: usize) -> f32 {
    let wide = (columns * 2) as f32 / scene.width().max(f32::EPSILON);
    let high = (rows * 4) as f32 / scene.height().max(f32::EPSILON);
    wide.min(high)
}

/// The columns `scene` takes drawn at `scale`.
fn drawn_width(scene: &Scene, scale: f32) -> usize {
    (scene.width() * scale / 2.0).ceil() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_screens_have_one_column_of_text() {
        let layout = Layout::of(79, 40, Some(Side::Left), None, false);
        assert_eq!(layout.digits, 0);
        assert_eq!(layout.main, Column { x: 0, width: 79 });
        assert_eq!(layout.breath_rows(), 1);
    }

    /// The fixture's lunge, taller than wide, and a figure lying face down,
    /// eight times as wide as high.
    fn scenes() -> (Scene, Scene) {
        use crate::figure::{Angles, Figure, View};
        let figure = |angles| Figure {
            view: View::Side,
            angles,
            props: Vec::new(),
            rests: Vec::new(),
        };
        let lunge = figure(Angles {
            left_hip: -15,
            left_knee: 75,
            left_ankle: 90,
            right_hip: 95,
            right_knee: 95,
            ..Angles::default()
        });
        let lying = figure(Angles {
            trunk: 90,
            head: -10,
            left_ankle: 90,
            right_ankle: 90,
            left_shoulder: 166,
            left_elbow: 178,
            right_shoulder: 166,
            right_elbow: 178,
            ..Angles::default()
        });
        (Scene::of(&lunge, Side::Left), Scene::of(&lying, Side::Left))
    }

    #[test]
    fn a_tall_figure_stands_beside_and_a_wide_one_under_the_words() {
        let (lunge, lying) = scenes();
        let place =
            |scene, w, h, ready| Layout::of(w, h, Some(Side::Left), Some(scene), ready).figure;
        for (w, h) in [(80, 24), (120, 40)] {
            assert!(
                matches!(place(&lunge, w, h, false), Some(Place::Beside(c)) if c.x + c.width == usize::from(w) - 1),
                "{w}x{h}"
            );
            let under = Column {
                x: 1,
                width: usize::from(w) - 2,
            };
            assert_eq!(
                place(&lying, w, h, false),
                Some(Place::Under(under)),
                "{w}x{h}"
            );
            // The get-ready keeps it beside the set-up words.
            assert!(
                matches!(place(&lying, w, h, true), Some(Place::Beside(_))),
                "{w}x{h}"
            );
        }
        // Under the words, the words have the whole width.
        assert_eq!(
            Layout::of(120, 40, Some(Side::Left), Some(&lying), false).main,
            Column { x: 0, width: 120 }
        );
        assert_eq!(place(&lying, 79, 24, false), None);
    }

    #[test]
    fn digits_and_the_breathing_word_grow_with_the_window() {
        let sizes = [(80, 24), (80, 30), (120, 40), (200, 60)];
        let scales: Vec<(usize, usize)> = sizes
            .iter()
            .map(|&(w, h)| {
                let l = Layout::of(w, h, None, None, false);
                (l.digits, l.breath)
            })
            .collect();
        assert_eq!(scales, [(2, 0), (3, 1), (4, 2), (6, 3)]);
    }
}
