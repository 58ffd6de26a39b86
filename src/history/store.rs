//! The history file, `history.jsonl` in the state folder, and the only code
//! that touches it.
//!
//! Appending never loses a record, even with several `psoas` processes at
//! once: it takes an exclusive lock on the file (`File::lock`), writes the
//! whole line with one `write_all` on a file opened for appending, and syncs
//! the data before letting go; a write that fails part-way is cut back. The
//! file must be a regular file (a FIFO or device is refused before it can
//! block, and a symbolic link in its place is never written through), and a
//! byte-order mark at its start is read past. When another
//! process holds the lock, this one says it is waiting. If the file does not
//! end with a newline (a line cut off by a crash), the new record starts on a
//! fresh line so it is not glued to the fragment. Reading takes a shared lock, so it never sees
//! half a line from a process that is appending, and never changes the file.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::desk::DeskEvent;
use super::error::{Action, HistoryError};
use super::lines::{Contents, Entry, Skipped, read_entries, read_lines};
use super::record::Record;

/// The name of the history file in the state folder.
pub const FILE_NAME: &str = "history.jsonl";

/// The history file of one state folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    path: PathBuf,
}

impl History {
    /// The history in `state_dir` (`Context::dirs.state_dir`).
    pub fn at(state_dir: impl AsRef<Path>) -> History {
        History {
            path: state_dir.as_ref().join(FILE_NAME),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds one record at the end of the file, creating the folder and the
    /// file if needed. On error nothing has been written: a part of the line
    /// that made it (a full disk) is cut off again.
    pub fn append(&self, record: &Record) -> Result<(), HistoryError> {
        self.append_line(&record.to_line())
    }

    /// Adds one event at the desk, as [`History::append`] adds a session.
    pub fn append_desk(&self, event: DeskEvent) -> Result<(), HistoryError> {
        self.append_line(&event.to_line())
    }

    fn append_line(&self, line: &str) -> Result<(), HistoryError> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| HistoryError::new(Action::CreateFolder, dir, e))?;
        }
        let failed = |e| HistoryError::new(Action::Record, &self.path, e);
        let mut file = crate::files::open_append(&self.path).map_err(failed)?;
        lock(&file, &self.path, Lock::Exclusive).map_err(failed)?;
        let mut bytes = Vec::with_capacity(line.len() + 1);
        if !ends_with_newline(&mut file).map_err(failed)? {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(line.as_bytes());
        let length = file.metadata().map_err(failed)?.len();
        if let Err(error) = file.write_all(&bytes).and_then(|()| file.sync_data()) {
            // A part of the line may be there (a full disk): cut it off, so no
            // fragment is left for the next record to be glued to.
            let _ = file.set_len(length);
            return Err(failed(error));
        }
        // Closing the file releases the lock as well; unlocking first keeps
        // the critical section as short as the write.
        file.unlock().map_err(failed)
    }

    /// Every record in the file. A missing file is an empty history.
    pub fn read(&self) -> Result<Contents, HistoryError> {
        let mut records = Vec::new();
        let skipped = self.scan(|record| records.push(record))?;
        Ok(Contents { records, skipped })
    }

    /// Hands every record in the file to `on_record`, in file order, and
    /// says which lines were skipped. The file is read a line at a time, so
    /// memory grows with the history only by a hash of each record (see
    /// [`read_lines`]). A missing file has no records.
    pub fn scan(&self, mut on_record: impl FnMut(Record)) -> Result<Skipped, HistoryError> {
        self.scan_lines(|_, record| on_record(record))
    }

    /// The same as [`History::scan`], with the line each record is on.
    pub fn scan_lines(
        &self,
        on_record: impl FnMut(usize, Record),
    ) -> Result<Skipped, HistoryError> {
        self.scan_with(|input| read_lines(input, on_record))
    }

    /// Hands every line in the file to `on_entry`, in file order: the
    /// sessions and what was seen at the desk.
    pub fn scan_entries(&self, on_entry: impl FnMut(Entry)) -> Result<Skipped, HistoryError> {
        let mut on_entry = on_entry;
        self.scan_with(|input| read_entries(input, |_, entry| on_entry(entry)))
    }

    fn scan_with(
        &self,
        read: impl FnOnce(io::BufReader<&File>) -> io::Result<Skipped>,
    ) -> Result<Skipped, HistoryError> {
        let failed = |e| HistoryError::new(Action::Read, &self.path, e);
        let file = match crate::files::open_regular(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Skipped::default()),
            Err(e) => return Err(failed(e)),
        };
        lock(&file, &self.path, Lock::Shared).map_err(failed)?;
        let input = io::BufReader::with_capacity(READ_SIZE, &file);
        read(input).map_err(failed)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lock {
    Shared,
    Exclusive,
}

/// Takes the lock on the history; if another psoas holds it, says that this
/// one is waiting for it, then waits.
fn lock(file: &File, path: &Path, kind: Lock) -> io::Result<()> {
    let tried = match kind {
        Lock::Shared => file.try_lock_shared(),
        Lock::Exclusive => file.try_lock(),
    };
    match tried {
        Ok(()) => return Ok(()),
        Err(fs::TryLockError::WouldBlock) => {}
        Err(fs::TryLockError::Error(error)) => return Err(error),
    }
    let _ = writeln!(
        io::stderr(),
        "psoas: waiting for another psoas to finish with the history ({})",
        crate::diagnostic::sanitize(&path.display().to_string())
    );
    match kind {
        Lock::Shared => file.lock_shared(),
        Lock::Exclusive => file.lock(),
    }
}

/// How much of the file is read at a time.
const READ_SIZE: usize = 1 << 20;

/// Whether the file is empty or ends with `\n`.
fn ends_with_newline(file: &mut File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::tests::sample;

    fn record(started_at: &str) -> Record {
        sample(started_at)
    }

    /// Set in the child process of the test below: the history to append to.
    const CUT_CHILD: &str = "PSOAS_TEST_CUT_BACK_CHILD";

    /// An append that fails part-way (here the file-size limit, as a full
    /// disk would) leaves the file as it was. The limit is set in a child
    /// process, this same test run again, so no other test is affected.
    #[cfg(target_os = "linux")]
    #[test]
    #[allow(unsafe_code)]
    fn an_append_that_fails_part_way_is_cut_back() {
        if let Some(dir) = std::env::var_os(CUT_CHILD) {
            let history = History::at(&dir);
            let size = fs::metadata(history.path()).unwrap().len();
            // Past the limit a write fails with EFBIG instead of the signal.
            let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            signal_hook::flag::register(libc::SIGXFSZ, flag).unwrap();
            let limit = libc::rlimit {
                rlim_cur: size + 10,
                rlim_max: libc::RLIM_INFINITY,
            };
            // SAFETY: a valid rlimit for this process only.
            assert_eq!(
                unsafe { libc::setrlimit(libc::RLIMIT_FSIZE, &raw const limit) },
                0
            );
            let err = history.append(&record("2026-11-22T07:30:00+01:00"));
            assert!(err.is_err(), "the append must fail");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        history
            .append(&record("2026-11-21T07:30:00+01:00"))
            .unwrap();
        let before = fs::read_to_string(history.path()).unwrap();
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "history::store::tests::an_append_that_fails_part_way_is_cut_back",
                "--test-threads",
                "1",
            ])
            .env(CUT_CHILD, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the child's append failed as it should");
        assert_eq!(fs::read_to_string(history.path()).unwrap(), before);
    }

    #[test]
    fn appends_create_the_folder_and_read_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path().join("state/psoas"));
        assert_eq!(history.read().unwrap(), Contents::default());
        let (a, b) = (
            record("2026-11-21T07:30:00+01:00"),
            record("2026-11-22T07:30:00+01:00"),
        );
        history.append(&a).unwrap();
        history.append(&b).unwrap();
        let text = fs::read_to_string(history.path()).unwrap();
        assert_eq!(text, a.to_line() + &b.to_line());
        assert_eq!(history.read().unwrap().records, [a, b]);
    }

    #[test]
    fn lines_longer_than_a_read_and_across_reads_are_whole() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        let mut long = record("2026-11-21T07:30:00+01:00");
        long.note = Some("n".repeat(READ_SIZE - 1000));
        let mut text = long.to_line();
        let mut count = 1;
        while text.len() < READ_SIZE * 3 {
            let minute = count % 60;
            let hour = count / 60 % 24;
            let day = count / 1440 % 28 + 1;
            let short = record(&format!("2026-10-{day:02}T{hour:02}:{minute:02}:00+01:00"));
            text.push_str(&short.to_line());
            count += 1;
        }
        fs::write(history.path(), &text).unwrap();
        let contents = history.read().unwrap();
        assert_eq!(contents.records.len(), count);
        assert_eq!(contents.records[0], long);
        assert_eq!(contents.skipped, Skipped::default());
    }

    #[test]
    fn an_append_after_a_cut_off_line_starts_a_fresh_line() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        let a = record("2026-11-21T07:30:00+01:00");
        let fragment = &a.to_line()[..25];
        let before = format!("{}{fragment}", a.to_line());
        fs::write(history.path(), &before).unwrap();
        assert_eq!(history.read().unwrap().skipped.cut_off_line, Some(2));

        let b = record("2026-11-22T07:30:00+01:00");
        history.append(&b).unwrap();
        let after = fs::read_to_string(history.path()).unwrap();
        assert_eq!(after, format!("{before}\n{}", b.to_line()));
        let contents = history.read().unwrap();
        assert_eq!(contents.records, [a, b]);
        assert_eq!(contents.skipped.cut_off_line, None);
        assert_eq!(contents.skipped.unreadable.len(), 1);
        assert_eq!(contents.skipped.unreadable[0].line, 2);
    }

    #[test]
    fn a_folder_in_the_way_is_an_error_that_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        fs::create_dir(history.path()).unwrap();
        let err = history
            .append(&record("2026-11-21T07:30:00+01:00"))
            .unwrap_err();
        assert_eq!(err.action, Action::Record);
        let text = err.to_string();
        assert!(
            text.starts_with(&format!(
                "cannot record this session in {}: that is a folder, not a file",
                history.path().display()
            )),
            "{text}"
        );
        assert!(history.read().is_err());
    }

    #[test]
    fn a_state_folder_under_a_file_is_an_error_even_for_root() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let history = History::at(file.join("psoas"));
        let err = history
            .append(&record("2026-11-21T07:30:00+01:00"))
            .unwrap_err();
        assert_eq!(err.action, Action::CreateFolder);
        assert!(err.lost_a_session());
        let text = err.to_string();
        assert!(
            text.contains(&file.join("psoas").display().to_string()),
            "{text}"
        );
        assert!(
            text.ends_with("set PSOAS_STATE_DIR to a folder you can write to"),
            "{text}"
        );
        let err = history.read().unwrap_err();
        assert!(
            err.to_string().contains("part of that path is a file"),
            "{err}"
        );
    }

    #[test]
    fn a_full_disk_is_named() {
        let full = io::Error::from_raw_os_error(libc::ENOSPC);
        let err = HistoryError::new(Action::Record, "history.jsonl", full);
        assert!(err.to_string().contains(": the disk is full ("), "{err}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_link_to_a_device_in_place_of_the_history_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(dir.path());
        std::os::unix::fs::symlink("/dev/full", history.path()).unwrap();
        let err = history
            .append(&record("2026-11-21T07:30:00+01:00"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot record this session in {}: it is a symbolic link, not a regular file",
                history.path().display()
            )
        );
        // Reading follows the link, and finds a device.
        let err = history.read().unwrap_err();
        assert!(
            err.to_string()
                .ends_with(": it is a device, not a regular file"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_an_error_unless_the_user_may_write_anyway() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        fs::create_dir(&state).unwrap();
        let history = History::at(&state);
        let a = record("2026-11-21T07:30:00+01:00");
        history.append(&a).unwrap();
        fs::set_permissions(history.path(), fs::Permissions::from_mode(0o444)).unwrap();
        fs::set_permissions(&state, fs::Permissions::from_mode(0o555)).unwrap();
        // Root writes whatever the permissions say; nothing to check then.
        let privileged = fs::write(state.join("probe"), "").is_ok();
        let result = history.append(&a);
        if !privileged {
            let err = result.unwrap_err();
            assert!(err.to_string().contains("it is read-only"), "{err}");
        }
        // Reading a read-only history works.
        assert_eq!(history.read().unwrap().records[0], a);
        fs::set_permissions(&state, fs::Permissions::from_mode(0o755)).unwrap();
    }
}
