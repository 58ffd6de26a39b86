//! The output formats the printers offer, named as `--format` spells them.

use strum::{IntoStaticStr, VariantArray};

/// How a listing is printed: `list`, `show`, `routines` and `history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum ListFormat {
    /// Aligned text for people.
    Text,
    /// Pretty-printed JSON for programs.
    Json,
}

/// How `show` prints an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum ShowFormat {
    /// Aligned text for people, with the figure on a terminal.
    Text,
    /// Pretty-printed JSON for programs.
    Json,
    /// The exercise's figure alone, as an SVG picture.
    Svg,
}

/// How a routine sheet is printed: `print` and `plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum SheetFormat {
    /// Plain text for the terminal or a printer.
    Text,
    /// Markdown, to keep or publish.
    Markdown,
    /// JSON for programs.
    Json,
    /// One self-contained printable page, with each step's figure.
    Html,
}

impl ListFormat {
    pub const ALL: &'static [ListFormat] = ListFormat::VARIANTS;

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl ShowFormat {
    pub const ALL: &'static [ShowFormat] = ShowFormat::VARIANTS;

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl SheetFormat {
    pub const ALL: &'static [SheetFormat] = SheetFormat::VARIANTS;

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_spelled_as_the_command_line_takes_them() {
        let names = |all: &[&'static str]| all.join(" ");
        let list: Vec<&str> = ListFormat::ALL.iter().map(|f| f.name()).collect();
        let sheet: Vec<&str> = SheetFormat::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names(&list), "text json");
        assert_eq!(names(&sheet), "text markdown json html");
    }
}
