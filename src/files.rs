//! Opening and writing the user's files safely: only a regular file is
//! read, so a FIFO, device, socket or folder where a file is expected is
//! refused at once instead of hanging the program; and a whole file is
//! written through a temporary file in the same folder and a rename, so a
//! reader (or a second writer) only ever sees an old file or a new one.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// A path that names something other than a regular file.
#[derive(Debug)]
pub struct NotAFile {
    what: &'static str,
}

impl fmt::Display for NotAFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "it is {}, not a regular file", self.what)
    }
}

impl std::error::Error for NotAFile {}

/// What a file of this kind is, in words, when it is not a regular file.
pub fn odd_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    Some(if kind.is_file() {
        return None;
    } else if kind.is_dir() {
        "a folder"
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
/// swapped in between.
pub fn open_regular(path: &Path) -> io::Result<File> {
    open_checked(OpenOptions::new().read(true), path)
}

/// Opens a regular file with `options`, refusing anything else; see
/// [`open_regular`].
pub fn open_checked(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    if let Ok(meta) = fs::metadata(path) {
        refuse(&meta)?;
    }
    let file = options
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    refuse(&file.metadata()?)?;
    Ok(file)
}

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    Replace,
    Keep,
}

/// Writes `bytes` as the whole of `path`: into a new temporary file beside
/// it, synced, then renamed over `path` (or, with [`Existing::Keep`], linked
/// to it, which fails with `AlreadyExists` if there is anything there). A
/// link at `path` is replaced, never followed, so nothing outside the folder
/// is written. On error the temporary file is removed and `path` is as it was.
pub fn write_whole(path: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    let (temp, mut file) = temporary_beside(path)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| match existing {
            Existing::Replace => fs::rename(&temp.path, path),
            Existing::Keep => match fs::hard_link(&temp.path, path) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                    // A file system without links: create it in place, which
                    // still never replaces a file that is there.
                    create_new(path)
                        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
                }
                linked => linked,
            },
        });
    drop(temp);
    written
}

/// A new file at `path`, to write, readable by all; fails with
/// `AlreadyExists` if anything is there, a link included.
fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(path)
}

/// A temporary file that is removed when dropped (after a rename it no
/// longer exists, and removing it fails harmlessly).
struct Temporary {
    path: PathBuf,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// A new, empty file beside `path`, named `.NAME.PID.N.tmp`.
fn temporary_beside(path: &Path) -> io::Result<(Temporary, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{n}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match create_new(&temp) {
            Ok(file) => return Ok((Temporary { path: temp }, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes a FIFO at `path`; for tests.
#[cfg(test)]
#[allow(unsafe_code)]
pub fn make_fifo(path: &Path) {
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
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }

    #[test]
    fn a_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep me").unwrap();
        let inside = dir.path().join("in");
        fs::create_dir(&inside).unwrap();
        let link = inside.join("a.toml");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let error = write_whole(&link, b"new", Existing::Keep).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        write_whole(&link, b"new", Existing::Replace).unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
        assert!(!fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&link).unwrap(), "new");
    }
}
