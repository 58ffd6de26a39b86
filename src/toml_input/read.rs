//! Reading a file a person wrote: only a regular file, at most
//! [`MAX_FILE_BYTES`], and only UTF-8 text. Each caller words the problem for
//! its own kind of file.

use std::io::{self, Read};
use std::path::Path;

use crate::diagnostic::bad_utf8_position;

/// Files larger than this are refused rather than read.
pub(super) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file could not be read as text.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Opening or reading it failed, or it is not a regular file.
    Io(io::Error),
    /// It holds more than [`MAX_FILE_BYTES`].
    TooLarge,
    /// It is not UTF-8; the 1-based line and column of the first bad byte.
    NotUtf8 { line: usize, column: usize },
}

/// The text of the file at `path`.
pub(crate) fn read_text(path: &Path) -> Result<String, ReadError> {
    let file = crate::files::open_regular(path).map_err(ReadError::Io)?;
    // Room for the whole file at once, rather than doubling past its size.
    let size = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_FILE_BYTES + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    // One byte past the limit tells a file that is too large, even one that
    // grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = bad_utf8_position(e.as_bytes(), e.utf8_error().valid_up_to());
        ReadError::NotUtf8 { line, column }
    })
}
