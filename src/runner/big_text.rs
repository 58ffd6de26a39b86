//! Numbers and words drawn large in block characters, so the seconds left
//! and the breathing word can be read from a mat two metres from the screen.
//!
//! Each glyph is a few pixels wide and five high. A pixel is `scale`
//! columns wide and `scale` half-rows high: a terminal's cell is about twice
//! as tall as it is wide, so the pixels stay square at every scale, and
//! half-block characters (`▀`, `▄`) draw the scales that end half-way down
//! a row. At scale 2 a pixel is one whole cell `██`, the size the seconds
//! have on an 80×24 screen.

/// How many pixels high a glyph is.
const PIXELS_HIGH: usize = 5;

/// Each character as five rows of pixels; `#` is filled. Only what the
/// screen draws large is here: a word with any other character is shown as
/// ordinary text (see [`render`]).
fn glyph(c: char) -> Option<[&'static str; PIXELS_HIGH]> {
    Some(match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        'A' => [" # ", "# #", "###", "# #", "# #"],
        'B' => ["## ", "# #", "## ", "# #", "## "],
        'C' => ["###", "#  ", "#  ", "#  ", "###"],
        'D' => ["## ", "# #", "# #", "# #", "## "],
        'E' => ["###", "#  ", "## ", "#  ", "###"],
        'F' => ["###", "#  ", "## ", "#  ", "#  "],
        'G' => ["###", "#  ", "# #", "# #", "###"],
        'H' => ["# #", "# #", "###", "# #", "# #"],
        'I' => ["###", " # ", " # ", " # ", "###"],
        'J' => ["  #", "  #", "  #", "# #", "###"],
        'K' => ["# #", "# #", "## ", "# #", "# #"],
        'L' => ["#  ", "#  ", "#  ", "#  ", "###"],
        'M' => ["#   #", "## ##", "# # #", "#   #", "#   #"],
        'N' => ["#  #", "## #", "# ##", "#  #", "#  #"],
        'O' => ["###", "# #", "# #", "# #", "###"],
        'P' => ["###", "# #", "###", "#  ", "#  "],
        'Q' => ["###", "# #", "# #", "###", "  #"],
        'R' => ["## ", "# #", "## ", "# #", "# #"],
        'S' => ["###", "#  ", "###", "  #", "###"],
        'T' => ["###", " # ", " # ", " # ", " # "],
        'U' => ["# #", "# #", "# #", "# #", "###"],
        'V' => ["# #", "# #", "# #", "# #", " # "],
        'W' => ["#   #", "#   #", "# # #", "## ##", "#   #"],
        'X' => ["# #", "# #", " # ", "# #", "# #"],
        'Y' => ["# #", "# #", " # ", " # ", " # "],
        'Z' => ["###", "  #", " # ", "#  ", "###"],
        ' ' => ["  ", "  ", "  ", "  ", "  "],
        _ => return None,
    })
}

/// How many rows `scale` takes: five pixels of `scale` half-rows each.
pub(crate) fn height(scale: usize) -> usize {
    (PIXELS_HIGH * scale).div_ceil(2)
}

/// `text` drawn at `scale`, with `gap` columns between characters: rows of
/// equal width, or `None` if a character has no large form.
pub(crate) fn render(text: &str, scale: usize, gap: usize) -> Option<Vec<String>> {
    let glyphs = text.chars().map(glyph).collect::<Option<Vec<_>>>()?;
    let scale = scale.max(1);
    let rows = (0..height(scale))
        .map(|row| {
            // The pixel row in each half of this row, if any.
            let pixel = |half: usize| Some(half / scale).filter(|&p| p < PIXELS_HIGH);
            let (top, bottom) = (pixel(row * 2), pixel(row * 2 + 1));
            glyphs
                .iter()
                .map(|g| {
                    g[0].char_indices()
                        .map(|(x, _)| {
                            let on =
                                |p: Option<usize>| p.is_some_and(|p| g[p].as_bytes()[x] == b'#');
                            let cell = match (on(top), on(bottom)) {
                                (true, true) => '█',
                                (true, false) => '▀',
                                (false, true) => '▄',
                                (false, false) => ' ',
                            };
                            String::from(cell).repeat(scale)
                        })
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(&" ".repeat(gap))
        })
        .collect();
    Some(rows)
}

/// The width in columns of `text` drawn by [`render`], or `None` as there.
pub(crate) fn width(text: &str, scale: usize, gap: usize) -> Option<usize> {
    let glyphs = text.chars().map(glyph).collect::<Option<Vec<_>>>()?;
    let pixels: usize = glyphs.iter().map(|g| g[0].len()).sum();
    Some(pixels * scale.max(1) + glyphs.len().saturating_sub(1) * gap)
}

/// The seconds left at `scale`, a pixel's width between digits.
pub(crate) fn number(n: u32, scale: usize) -> Vec<String> {
    render(&n.to_string(), scale, scale).unwrap_or_default()
}

/// The width of [`number`]`(n, scale)`.
pub(crate) fn number_width(n: u32, scale: usize) -> usize {
    width(&n.to_string(), scale, scale).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_five_rows_of_blocks() {
        assert_eq!(
            number(10, 2),
            [
                "  ██    ██████",
                "████    ██  ██",
                "  ██    ██  ██",
                "  ██    ██  ██",
                "██████  ██████",
            ]
        );
        for scale in 1..=6 {
            for n in [0, 7, 45, 600] {
                let rows = number(n, scale);
                assert_eq!(rows.len(), height(scale));
                assert!(
                    rows.iter()
                        .all(|r| r.chars().count() == number_width(n, scale)),
                    "{n} at {scale}"
                );
            }
        }
    }

    #[test]
    fn odd_scales_end_half_way_down_a_row() {
        insta::assert_snapshot!(render("IN", 1, 1).unwrap().join("\n"), @r"
        ▀█▀ █▄ █
         █  █ ▀█
        ▀▀▀ ▀  ▀
        ");
        // Five pixels of three half-rows: the last row's lower half is empty.
        assert_eq!(
            render("OUT", 3, 2).unwrap(),
            [
                "█████████  ███   ███  █████████",
                "███▀▀▀███  ███   ███  ▀▀▀███▀▀▀",
                "███   ███  ███   ███     ███   ",
                "███   ███  ███   ███     ███   ",
                "███   ███  ███   ███     ███   ",
                "███   ███  ███   ███     ███   ",
                "█████████  █████████     ███   ",
                "▀▀▀▀▀▀▀▀▀  ▀▀▀▀▀▀▀▀▀     ▀▀▀   ",
            ]
        );
    }

    #[test]
    fn a_character_with_no_large_form_leaves_the_word_as_text() {
        assert_eq!(render("INSPIRE", 2, 1).map(|r| r.len()), Some(5));
        assert_eq!(render("INSPIRÉ", 2, 1), None);
        assert_eq!(width("ÉTÉ", 2, 1), None);
        assert_eq!(width("BREATHE OUT", 2, 1), Some(74));
    }
}
