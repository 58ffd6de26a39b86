//! Opening and writing the user's files safely: only a regular file is
//! read, so a FIFO, device, socket or folder where a file is expected is
//! refused at once instead of hanging the program. Every file psoas writes
//! goes through this module, and none is written through a link or a FIFO:
//! a file written whole through [`write_whole`], a temporary file in the
//! same folder (`tempfile`) and a rename, so a reader (or a second writer)
//! only ever sees an old file or a new one; a file added to (the history)
//! through [`open_append`].

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// A path that names something other than a regular file.
#[derive(Debug)]
pub(crate) struct NotAFile {
    what: &'static str,
}

impl fmt::Display for NotAFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "it is {}, not a regular file", self.what)
    }
}

impl std::error::Error for NotAFile {}

/// What a file of this kind is, in words, when it is not a regular file.
pub(crate) fn odd_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    Some(if kind.is_file() {
        return None;
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a file"
    })
}

fn refuse(meta: &Metadata) -> io::Result<()> {
    if meta.is_dir() {
        // The system's own error, which callers already explain.
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    match odd_kind(meta) {
        Some(what) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NotAFile { what },
        )),
        None => Ok(()),
    }
}

/// Opens a regular file to read. Anything else is refused before it can
/// block: the open does not wait for a FIFO's writer, never makes a terminal
/// the controlling one, and the file is checked once open, so it cannot be
/// swapped in between. A symbolic link is followed: reading through one
/// changes nothing.
pub(crate) fn open_regular(path: &Path) -> io::Result<File> {
    if let Ok(meta) = fs::metadata(path) {
        refuse(&meta)?;
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    refuse(&file.metadata()?)?;
    Ok(file)
}

/// Opens a regular file to read and append to, creating it if it is
/// missing. A symbolic link at `path` is refused by the open itself
/// (`O_NOFOLLOW`), so nothing is written through a link to somewhere else,
/// whatever is swapped in meanwhile; a FIFO, device or folder is refused once
/// open, before anything is written, and the open does not wait for a FIFO's
/// reader. Either is left as it is.
pub(crate) fn open_append(path: &Path) -> io::Result<File> {
    let opened = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path);
    let file = match opened {
        // `O_NOFOLLOW`'s answer when the last name in the path is a link;
        // say so in the words used for every file refused.
        Err(error) if error.raw_os_error() == Some(libc::ELOOP) => {
            return match fs::symlink_metadata(path) {
                Ok(meta) if meta.is_symlink() => Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    NotAFile {
                        what: "a symbolic link",
                    },
                )),
                _ => Err(error),
            };
        }
        opened => opened?,
    };
    refuse(&file.metadata()?)?;
    Ok(file)
}

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Existing {
    Replace,
    Keep,
}

/// Writes `bytes` as the whole of `path`: into a new temporary file beside
/// it, synced, then renamed over `path` (with [`Existing::Keep`], moved there
/// only if nothing is there, else `AlreadyExists`). Anything at `path` that
/// is not a regular file, a symbolic link or a FIFO included, is refused and
/// left as it is, so nothing is written through a link to somewhere else. On
/// error the temporary file is removed and `path` is as it was.
pub(crate) fn write_whole(path: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(_) if existing == Existing::Keep => {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        Ok(meta) => refuse(&meta)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        // Readable by all, as a file the person made would be.
        .permissions(fs::Permissions::from_mode(0o644))
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let persisted = match existing {
        Existing::Replace => temp.persist(path),
        Existing::Keep => temp.persist_noclobber(path),
    };
    // A failed move drops the temporary file with the error, which removes it.
    persisted.map(drop).map_err(|e| e.error)
}

/// Makes a FIFO at `path`; for tests.
#[cfg(test)]
#[allow(unsafe_code)]
pub(crate) fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated string that outlives the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "{}", io::Error::last_os_error());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_or_a_folder_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.toml");
        make_fifo(&fifo);
        let error = open_regular(&fifo).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a FIFO (named pipe), not a regular file"
        );
        let error = open_regular(dir.path()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        let error = open_regular(Path::new("/dev/null")).unwrap_err();
        assert_eq!(error.to_string(), "it is a device, not a regular file");
    }

    #[test]
    fn writing_whole_replaces_or_keeps_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_whole(&path, b"one", Existing::Keep).unwrap();
        let error = write_whole(&path, b"two", Existing::Keep).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_whole(&path, b"three", Existing::Replace).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    /// The names in `dir`, sorted: what a write left behind.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_link_or_a_fifo_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep me").unwrap();
        let link = dir.path().join("a.toml");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let fifo = dir.path().join("b.toml");
        make_fifo(&fifo);
        for existing in [Existing::Replace, Existing::Keep] {
            let error = write_whole(&link, b"new", existing).unwrap_err();
            let error_too = write_whole(&fifo, b"new", existing).unwrap_err();
            if existing == Existing::Replace {
                assert_eq!(
                    error.to_string(),
                    "it is a symbolic link, not a regular file"
                );
                assert_eq!(
                    error_too.to_string(),
                    "it is a FIFO (named pipe), not a regular file"
                );
            } else {
                assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
                assert_eq!(error_too.kind(), io::ErrorKind::AlreadyExists);
            }
        }
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
        assert_eq!(names(dir.path()), ["a.toml", "b.toml", "outside.txt"]);
    }

    #[test]
    fn an_append_refuses_a_link_or_a_fifo_and_leaves_both_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep me").unwrap();
        let link = dir.path().join("a.jsonl");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let dangling = dir.path().join("b.jsonl");
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), &dangling).unwrap();
        let fifo = dir.path().join("c.jsonl");
        make_fifo(&fifo);
        for path in [&link, &dangling] {
            let error = open_append(path).unwrap_err();
            assert_eq!(
                error.to_string(),
                "it is a symbolic link, not a regular file"
            );
        }
        let error = open_append(&fifo).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a FIFO (named pipe), not a regular file"
        );
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
        assert_eq!(
            names(dir.path()),
            ["a.jsonl", "b.jsonl", "c.jsonl", "outside.txt"]
        );
        let mut file = open_append(&dir.path().join("d.jsonl")).unwrap();
        file.write_all(b"one\n").unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("d.jsonl")).unwrap(),
            "one\n"
        );
    }

    #[test]
    fn a_write_that_fails_leaves_the_old_file_whole_and_no_other() {
        let dir = tempfile::tempdir().unwrap();
        // A name so long that no temporary name beside it fits in a folder:
        // the write fails before anything reaches the file.
        let path = dir.path().join("a".repeat(250));
        fs::write(&path, "old").unwrap();
        let error = write_whole(&path, b"new and longer", Existing::Replace).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidFilename, "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(names(dir.path()), ["a".repeat(250)]);
        let short = dir.path().join("b.toml");
        write_whole(&short, b"new", Existing::Replace).unwrap();
        let mode = fs::metadata(&short).unwrap().permissions().mode();
        assert_eq!(mode & 0o644, 0o644, "readable by all: {mode:o}");
    }
}
