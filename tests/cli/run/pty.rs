//! A pseudo-terminal to run `psoas` in as a person would: the program sees a
//! real terminal, the test reads its screen through a vt100 emulator and types
//! keys into it.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::Env;

pub(crate) const ROWS: u16 = 12;
pub(crate) const COLS: u16 = 40;
/// Generous, for a busy machine: waits return as soon as the screen is right.
const PATIENCE: Duration = Duration::from_secs(30);

/// The terminal's line settings that must come back as they were.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct LineSettings {
    input: u64,
    output: u64,
    control: u64,
    local: u64,
    chars: Vec<u8>,
}

impl LineSettings {
    /// Canonical line editing and echo: the shell's usual "cooked" mode.
    pub(crate) fn is_cooked(&self) -> bool {
        let local = self.local as libc::tcflag_t;
        local & libc::ICANON != 0 && local & libc::ECHO != 0 && local & libc::ISIG != 0
    }
}

pub(crate) struct Pty {
    /// The terminal side the test holds; `None` once hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Where keys are typed: a descriptor of the master side of its own,
    /// as portable-pty's writer types an end of input when it is dropped,
    /// which a hang-up must not.
    writer: Option<std::fs::File>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte written so far, and the signal that more came. The reader
    /// takes bytes into the screen and here under this lock, so the two
    /// always agree, and a wait that looks at the screen while holding it
    /// cannot miss the signal.
    output: Arc<(Mutex<Vec<u8>>, Condvar)>,
    /// Takes in everything the program writes; it ends when the terminal
    /// closes on the program's side, or after a hang-up.
    reader: Option<JoinHandle<()>>,
    /// Tells the reader to close its end of the terminal at its next read.
    hang_up: Arc<AtomicBool>,
    /// The line settings before the program started.
    initial: LineSettings,
}

impl Pty {
    /// `psoas ARGS` in `env`, on a terminal of [`ROWS`]×[`COLS`].
    pub(crate) fn spawn(env: &Env, args: &[&str]) -> Pty {
        Pty::spawn_program(env, env!("CARGO_BIN_EXE_psoas").as_ref(), args, &[])
    }

    /// `psoas ARGS` in `env`, on a terminal of `rows`×`cols`.
    pub(crate) fn spawn_sized(env: &Env, args: &[&str], (rows, cols): (u16, u16)) -> Pty {
        let program = env!("CARGO_BIN_EXE_psoas").as_ref();
        Pty::spawn_program_sized(env, program, args, &[], (rows, cols))
    }

    /// `psoas ARGS` in `env` on a terminal of [`ROWS`]×[`COLS`], with the
    /// run's clock virtual: only keys, signals and the voice take real time.
    pub(crate) fn spawn_at_once(env: &Env, args: &[&str]) -> Pty {
        Pty::spawn_at_once_sized(env, args, (ROWS, COLS))
    }

    /// The same on a terminal of `rows`×`cols`.
    pub(crate) fn spawn_at_once_sized(env: &Env, args: &[&str], (rows, cols): (u16, u16)) -> Pty {
        let program = env!("CARGO_BIN_EXE_psoas").as_ref();
        Pty::spawn_program_sized(env, program, args, &[crate::VIRTUAL_CLOCK], (rows, cols))
    }

    /// Any program, with `vars` set besides the env's own.
    pub(crate) fn spawn_program(
        env: &Env,
        program: &std::path::Path,
        args: &[&str],
        vars: &[(&str, &str)],
    ) -> Pty {
        Pty::spawn_program_sized(env, program, args, vars, (ROWS, COLS))
    }

    fn spawn_program_sized(
        env: &Env,
        program: &std::path::Path,
        args: &[&str],
        vars: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env.work());
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", env.root().join("home"));
        cmd.env("XDG_CONFIG_HOME", env.root().join("config"));
        cmd.env("XDG_STATE_HOME", env.root().join("state"));
        cmd.env("TERM", "xterm-256color");
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let initial = line_settings(&*pair.master);
        let child = pair.slave.spawn_command(cmd).expect("psoas starts");
        // Only the child keeps the terminal end open, so reading ends with it.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let reader = own_copy(&*pair.master);
        let screen = Arc::clone(&parser);
        let output = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let written = Arc::clone(&output);
        let hang_up = Arc::new(AtomicBool::new(false));
        let hanging_up = Arc::clone(&hang_up);
        let reader = std::thread::spawn(move || {
            let mut reader = std::fs::File::from(reader);
            let mut buf = [0u8; 4096];
            // Looks at the flag between short waits, so a hang-up closes the
            // terminal at once, whether or not the program is writing.
            while !hanging_up.load(Ordering::SeqCst) {
                if !readable(&reader, Duration::from_millis(20)) {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        // Both under the one lock, so the screen never shows
                        // what the bytes do not hold yet.
                        let mut bytes = written.0.lock().unwrap();
                        screen.lock().unwrap().process(&buf[..n]);
                        bytes.extend_from_slice(&buf[..n]);
                        drop(bytes);
                        written.1.notify_all();
                    }
                }
            }
            // Nothing more will come: a wait still on looks once more and
            // says what the screen shows.
            written.1.notify_all();
        });
        let writer = std::fs::File::from(own_copy(&*pair.master));
        Pty {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            parser,
            output,
            reader: Some(reader),
            hang_up,
            initial,
        }
    }

    /// Closes the terminal's master side, as closing a terminal window or
    /// losing an ssh connection does. The reader holds the last copy of it and
    /// lets go within its next short wait. Returns once the terminal is closed.
    pub(crate) fn hang_up(&mut self) {
        self.hang_up.store(true, Ordering::SeqCst);
        self.writer = None;
        self.master = None;
        self.join_reader();
    }

    /// Waits for the reader to end, up to [`PATIENCE`].
    fn join_reader(&mut self) {
        let Some(reader) = self.reader.take() else {
            return;
        };
        let start = Instant::now();
        while !reader.is_finished() {
            assert!(
                start.elapsed() < PATIENCE,
                "the terminal is still open; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        reader.join().unwrap();
    }

    /// Whether the program has ended, without waiting.
    pub(crate) fn has_exited(&mut self) -> Option<u32> {
        self.child
            .try_wait()
            .unwrap()
            .map(|status| status.exit_code())
    }

    /// Every byte the program wrote so far, escape codes and all.
    pub(crate) fn output(&self) -> Vec<u8> {
        self.output.0.lock().unwrap().clone()
    }

    /// The line settings as they were before the program started.
    pub(crate) fn initial_line_settings(&self) -> &LineSettings {
        &self.initial
    }

    /// The line settings now.
    pub(crate) fn line_settings(&self) -> LineSettings {
        match &self.master {
            Some(master) => line_settings(&**master),
            None => panic!("the terminal was hung up"),
        }
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    pub(crate) fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen's rows as the terminal shows them: unlike
    /// [`Pty::screen`], a line the terminal wrapped is two rows here.
    pub(crate) fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols.into()).collect()
    }

    /// The screen as a person sees it, for a snapshot: its rows, each
    /// without the blanks at its end, down to the last that shows anything.
    pub(crate) fn shown(&self) -> String {
        let rows = self.rows();
        let rows: Vec<&str> = rows.iter().map(|row| row.trim_end()).collect();
        let last = rows
            .iter()
            .rposition(|row| !row.is_empty())
            .map_or(0, |i| i + 1);
        rows[..last].join("\n")
    }

    /// Asserts that each of `words` is shown whole on some row, not cut
    /// across two by the terminal's wrapping.
    pub(crate) fn assert_whole(&self, words: &[&str]) {
        let rows = self.rows();
        for word in words {
            assert!(
                rows.iter().any(|r| r.split(' ').any(|w| w == *word)),
                "{word:?} is cut in\n{}",
                rows.join("\n")
            );
        }
    }

    /// (cursor hidden, alternate screen) as the terminal shows them now.
    pub(crate) fn modes(&self) -> (bool, bool) {
        let parser = self.parser.lock().unwrap();
        (
            parser.screen().hide_cursor(),
            parser.screen().alternate_screen(),
        )
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub(crate) fn resize(&mut self, rows: u16, cols: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        self.master
            .as_ref()
            .expect("a terminal")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub(crate) fn send(&mut self, keys: &[u8]) {
        let writer = self.writer.as_mut().expect("a terminal");
        writer.write_all(keys).unwrap();
        writer.flush().unwrap();
    }

    /// Waits until the screen shows every one of `texts`; returns the screen.
    pub(crate) fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_on(&format!("{texts:?}"), Pty::screen, |screen: &String| {
            texts.iter().all(|t| screen.contains(t))
        })
    }

    /// Waits until the screen's rows (as [`Pty::rows`]) are as `done` says;
    /// returns them. `what` says what is waited for, should it not come.
    pub(crate) fn wait_until(&self, what: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        self.wait_on(what, Pty::rows, |rows: &Vec<String>| done(rows))
    }

    /// Looks at the screen with `look` until `done` takes what it sees,
    /// looking again each time the program writes (no fixed naps, so a busy
    /// machine only makes the wait longer); fails after [`PATIENCE`].
    fn wait_on<T>(&self, what: &str, look: impl Fn(&Pty) -> T, done: impl Fn(&T) -> bool) -> T {
        let deadline = Instant::now() + PATIENCE;
        let (output, more) = &*self.output;
        let mut written = output.lock().unwrap();
        loop {
            let seen = look(self);
            if done(&seen) {
                return seen;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited for {what}; the screen shows:\n{}",
                self.screen()
            );
            written = more.wait_timeout(written, left).unwrap().0;
        }
    }

    /// Waits for the program to end; returns its exit code.
    pub(crate) fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The reader has taken in the last bytes written once it
                // reads the end of the terminal.
                self.join_reader();
                return status.exit_code();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "still running; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A copy of the master side's descriptor, for the reader to own and close.
#[allow(unsafe_code)]
fn own_copy(master: &dyn MasterPty) -> OwnedFd {
    let raw = master.as_raw_fd().expect("a master descriptor");
    // SAFETY: the master is open for the length of this call.
    unsafe { BorrowedFd::borrow_raw(raw) }
        .try_clone_to_owned()
        .expect("a copy of the master descriptor")
}

/// Whether `file` has something to read (or has ended) within `timeout`.
#[allow(unsafe_code)]
fn readable(file: &std::fs::File, timeout: Duration) -> bool {
    let mut fd = libc::pollfd {
        fd: file.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = timeout.as_millis() as libc::c_int;
    // SAFETY: one valid, writable `pollfd`.
    unsafe { libc::poll(&raw mut fd, 1, millis) > 0 }
}

fn line_settings(master: &dyn MasterPty) -> LineSettings {
    let t = master.get_termios().expect("termios of the pty");
    LineSettings {
        input: u64::from(t.input_flags.bits()),
        output: u64::from(t.output_flags.bits()),
        control: u64::from(t.control_flags.bits()),
        local: u64::from(t.local_flags.bits()),
        chars: t.control_chars.to_vec(),
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
