//! Numbers drawn five rows high in block characters, so the seconds left can
//! be read from a mat two metres from the screen.

/// How many rows a big number takes.
pub const HEIGHT: usize = 5;

/// Each digit as five rows of three cells; `#` is filled.
const GLYPHS: [[&str; HEIGHT]; 10] = [
    ["###", "# #", "# #", "# #", "###"],
    [" # ", "## ", " # ", " # ", "###"],
    ["###", "  #", "###", "#  ", "###"],
    ["###", "  #", "###", "  #", "###"],
    ["# #", "# #", "###", "  #", "  #"],
    ["###", "#  ", "###", "  #", "###"],
    ["###", "#  ", "###", "# #", "###"],
    ["###", "  #", "  #", "  #", "  #"],
    ["###", "# #", "###", "# #", "###"],
    ["###", "# #", "###", "  #", "###"],
];

/// `n` as [`HEIGHT`] rows of equal width: each cell two characters wide (so
/// the digits are about as wide as they are tall), a gap between digits.
pub fn render(n: u32) -> Vec<String> {
    let digits: Vec<usize> = n
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    (0..HEIGHT)
        .map(|row| {
            digits
                .iter()
                .map(|&d| {
                    GLYPHS[d][row]
                        .chars()
                        .map(|c| if c == '#' { "██" } else { "  " })
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect()
}

/// The width in characters of `n` drawn by [`render`].
pub fn width(n: u32) -> usize {
    let digits = n.to_string().len();
    digits * 6 + (digits - 1) * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_five_rows_of_blocks() {
        assert_eq!(
            render(10),
            [
                "  ██    ██████",
                "████    ██  ██",
                "  ██    ██  ██",
                "  ██    ██  ██",
                "██████  ██████",
            ]
        );
        for n in [0, 7, 45, 600] {
            let rows = render(n);
            assert_eq!(rows.len(), HEIGHT);
            assert!(rows.iter().all(|r| r.chars().count() == width(n)), "{n}");
        }
    }
}
