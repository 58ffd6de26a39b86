//! The exercise's figure on the screen: laid out for the side being worked
//! (the right side is the left's mirror image) and drawn in braille for the
//! room the [`Layout`](super::layout::Layout) gives it. A drawing is kept
//! until the figure, the side or the room changes, so that the frames of a
//! hold, once a second, cost no more with a figure than without.

use std::cell::RefCell;
use std::rc::Rc;

use crate::figure::{Figure, Scene, braille};
use crate::library::Side;

/// Whether figures are shown, and the last one drawn.
#[derive(Debug, Default)]
pub(crate) struct Pictures {
    on: bool,
    last: RefCell<Option<Drawn>>,
}

#[derive(Debug)]
struct Drawn {
    figure: Figure,
    side: Side,
    scene: Rc<Scene>,
    lines: Option<Lines>,
}

/// A figure drawn for a room of columns by rows.
#[derive(Debug)]
struct Lines {
    room: (usize, usize),
    lines: Rc<[String]>,
}

impl Pictures {
    /// Figures shown (`on`) or not (`--no-pictures`, `pictures = false`).
    pub(crate) fn new(on: bool) -> Pictures {
        Pictures {
            on,
            last: RefCell::new(None),
        }
    }

    /// `figure` laid out for `side`, if figures are shown.
    pub(crate) fn scene(&self, figure: Option<&Figure>, side: Side) -> Option<Rc<Scene>> {
        let figure = figure.filter(|_| self.on)?;
        let mut last = self.last.borrow_mut();
        match &*last {
            Some(drawn) if drawn.side == side && drawn.figure == *figure => {}
            _ => {
                *last = Some(Drawn {
                    figure: figure.clone(),
                    side,
                    scene: Rc::new(Scene::of(figure, side)),
                    lines: None,
                });
            }
        }
        last.as_ref().map(|drawn| Rc::clone(&drawn.scene))
    }

    /// The lines of the figure last laid out by [`Pictures::scene`], drawn in
    /// at most `columns` by `rows`.
    pub(crate) fn lines(&self, columns: usize, rows: usize) -> Rc<[String]> {
        let mut last = self.last.borrow_mut();
        let Some(drawn) = last.as_mut() else {
            return Rc::from([]);
        };
        match &drawn.lines {
            Some(drawn) if drawn.room == (columns, rows) => Rc::clone(&drawn.lines),
            _ => {
                let lines: Rc<[String]> = braille::render(&drawn.scene, columns, rows).into();
                drawn.lines = Some(Lines {
                    room: (columns, rows),
                    lines: Rc::clone(&lines),
                });
                lines
            }
        }
    }
}
