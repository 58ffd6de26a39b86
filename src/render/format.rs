//! The output formats the printers offer, named as `--format` spells them.

/// How a listing is printed: `list`, `show`, `routines` and `history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned text for people.
    Text,
    /// Pretty-printed JSON for programs.
    Json,
}

/// How a routine sheet is printed: `print` and `plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    /// Plain text for the terminal or a printer.
    Text,
    /// Markdown, to keep or publish.
    Markdown,
    /// JSON for programs.
    Json,
}

impl ListFormat {
    pub const ALL: &'static [ListFormat] = &[ListFormat::Text, ListFormat::Json];

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ListFormat::Text => "text",
            ListFormat::Json => "json",
        }
    }
}

impl SheetFormat {
    pub const ALL: &'static [SheetFormat] =
        &[SheetFormat::Text, SheetFormat::Markdown, SheetFormat::Json];

    /// The spelling on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SheetFormat::Text => "text",
            SheetFormat::Markdown => "markdown",
            SheetFormat::Json => "json",
        }
    }
}
