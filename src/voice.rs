//! Spoken cues: each cue is handed to a text-to-speech program on its
//! standard input.
//!
//! The text never reaches a shell or the program's command line, so a cue
//! such as `$(touch x)` or `-o x` is only ever spoken. The program never
//! touches the terminal: it runs in a session of its own, its input is a
//! pipe and its output is discarded. A cue still being spoken when the next
//! one comes is cut off with everything the program started, and nothing is
//! left running once the [`Voice`] is dropped. When no program can be found,
//! there is one warning and the routine carries on in silence.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The programs tried, in order, when the config sets no `voice_command`, with
/// the arguments that make each read the text from its standard input.
pub const FALLBACK_PROGRAMS: &[(&str, &[&str])] = &[
    ("espeak-ng", &["--stdin"]),
    ("espeak", &["--stdin"]),
    ("spd-say", &["--pipe-mode"]),
    ("say", &[]),
];

/// The longest cue passed on, in bytes. Well under any pipe's buffer, so
/// writing a cue can never block the caller.
const MAX_CUE_BYTES: usize = 4096;

/// A text-to-speech program found on disk, and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechProgram {
    pub path: PathBuf,
    pub args: Vec<String>,
}

/// Why cues cannot be spoken.
#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error(
        "the voice program `{0}` (voice_command in the config) was not found; cues will not be spoken"
    )]
    NotFound(String),
    #[error(
        "no text-to-speech program found (looked for espeak-ng, espeak, spd-say and say); cues will not be spoken: install one, or set voice_command in the config"
    )]
    NoneFound,
    #[error(
        "the voice program `{0}` (voice_command in the config) is there but cannot be run: {1}; cues will not be spoken"
    )]
    CannotRun(String, &'static str),
    #[error("cannot start the voice program {0}: {1}; cues will not be spoken")]
    Spawn(String, std::io::Error),
}

impl SpeechProgram {
    /// `voice_command` if given, else the first of [`FALLBACK_PROGRAMS`] found
    /// in the folders of `path_var` (a `PATH` value).
    pub fn find(
        voice_command: Option<&[String]>,
        path_var: Option<&OsStr>,
    ) -> Result<SpeechProgram, VoiceError> {
        if let Some((program, args)) = voice_command.and_then(|c| c.split_first()) {
            return find_executable(program, path_var)
                .map(|path| SpeechProgram {
                    path,
                    args: args.to_vec(),
                })
                .ok_or_else(|| match why_not_runnable(program, path_var) {
                    Some(why) => VoiceError::CannotRun(program.clone(), why),
                    None => VoiceError::NotFound(program.clone()),
                });
        }
        FALLBACK_PROGRAMS
            .iter()
            .find_map(|(program, args)| {
                find_executable(program, path_var).map(|path| SpeechProgram {
                    path,
                    args: args.iter().map(|a| a.to_string()).collect(),
                })
            })
            .ok_or(VoiceError::NoneFound)
    }
}

/// Something that is told about problems, once each.
pub type Warn = Box<dyn FnMut(&str) + Send>;

/// Speaks cues through a text-to-speech program, one at a time.
pub struct Voice {
    program: Option<SpeechProgram>,
    child: Option<Child>,
    warn: Warn,
}

impl Voice {
    /// Finds the program (`voice_command`, else the first fallback on `PATH`);
    /// when there is none, warns once on stderr and stays silent.
    pub fn new(voice_command: Option<&[String]>) -> Voice {
        let path_var = std::env::var_os("PATH");
        let warn: Warn = Box::new(|message| {
            let _ = writeln!(std::io::stderr(), "psoas: warning: {message}");
        });
        Voice::open(voice_command, path_var.as_deref(), warn)
    }

    /// Like [`Voice::new`], with the `PATH` to search and where warnings go.
    pub fn open(
        voice_command: Option<&[String]>,
        path_var: Option<&OsStr>,
        mut warn: Warn,
    ) -> Voice {
        let program = match SpeechProgram::find(voice_command, path_var) {
            Ok(program) => Some(program),
            Err(error) => {
                warn(&error.to_string());
                None
            }
        };
        Voice {
            program,
            child: None,
            warn,
        }
    }

    /// Whether cues go nowhere: no program was found, or it failed to start.
    #[cfg(test)]
    pub fn is_silent(&self) -> bool {
        self.program.is_none()
    }

    /// Speaks `text`, cutting off the cue before it if that is still going.
    /// Never waits for the speech, and never fails: a program that cannot be
    /// started gives one warning and silence from then on.
    pub fn say(&mut self, text: &str) {
        self.stop();
        let Some(program) = &self.program else {
            return;
        };
        let mut command = Command::new(&program.path);
        command
            .args(&program.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        in_own_session(&mut command);
        let spawned = command.spawn();
        let mut child = match spawned {
            Ok(child) => child,
            Err(error) => {
                let name = program.path.display().to_string();
                (self.warn)(&VoiceError::Spawn(name, error).to_string());
                self.program = None;
                return;
            }
        };
        if let Some(mut stdin) = child.stdin.take() {
            // A program that exits without reading gives a broken pipe; the
            // cue is then simply not spoken.
            let _ = stdin.write_all(cue_text(text).as_bytes());
            let _ = stdin.write_all(b"\n");
            // Dropping stdin closes it: the program sees the end of the text.
        }
        self.child = Some(child);
    }

    /// Whether the program is still saying the last cue.
    pub fn is_speaking(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|child| matches!(child.try_wait(), Ok(None)))
    }

    /// Stops the cue being spoken, if any, with everything the program
    /// started, and reaps the program.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // The program leads its own process group, so this reaches a
            // wrapper script's children too. Until it is reaped its id cannot
            // be reused, so the group is still its own even if it has ended.
            kill_group(child.id());
            let _ = child.wait();
        }
    }

    /// The process id of the program speaking now, if one was started and has
    /// not been stopped.
    #[cfg(test)]
    pub fn child_id(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts the program in a session of its own: it has no terminal to draw
/// on or read keys from (a program that opened the terminal would take the
/// person's keys), and it leads a process group of its own, which
/// [`kill_group`] ends as one.
#[allow(unsafe_code)]
fn in_own_session(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the child between fork and exec and only
    // calls `setsid`, which is async-signal-safe and touches no memory.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Ends the process group `leader` leads, with SIGKILL.
#[allow(unsafe_code)]
fn kill_group(leader: u32) {
    let Ok(group) = libc::pid_t::try_from(leader) else {
        return;
    };
    if group <= 1 {
        return;
    }
    // SAFETY: `killpg` takes plain integers; a positive group id other than
    // 1 never reaches beyond that group.
    unsafe {
        libc::killpg(group, libc::SIGKILL);
    }
}

/// The text as it goes to the program: one line, without control characters,
/// and short enough never to fill the pipe.
fn cue_text(text: &str) -> String {
    let mut line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if line.len() > MAX_CUE_BYTES {
        let mut end = MAX_CUE_BYTES;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line.truncate(end);
    }
    line
}

/// `name` itself when it holds a path separator, else the first executable
/// file of that name in the folders of `path_var`. An empty folder in
/// `path_var` is skipped rather than taken as the working folder, so a
/// program lying there is never run by accident.
fn find_executable(name: &str, path_var: Option<&OsStr>) -> Option<PathBuf> {
    if name.is_empty() {
        return None;
    }
    let folders = path_var.and_then(|paths| {
        std::env::join_paths(std::env::split_paths(paths).filter(|d| !d.as_os_str().is_empty()))
            .ok()
    });
    let cwd = std::env::current_dir().ok()?;
    which::which_in(name, folders, cwd).ok()
}

/// Why `name`, found where [`find_executable`] looks but not taken, cannot
/// be run; `None` when there is nothing of that name.
fn why_not_runnable(name: &str, path_var: Option<&OsStr>) -> Option<&'static str> {
    let candidates: Vec<PathBuf> = if Path::new(name).components().count() > 1 {
        vec![PathBuf::from(name)]
    } else {
        std::env::split_paths(path_var?)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map(|dir| dir.join(name))
            .collect()
    };
    candidates.iter().find_map(|path| {
        let meta = path.metadata().ok()?;
        Some(if meta.is_dir() {
            "it is a folder"
        } else if !meta.is_file() {
            "it is not a regular file"
        } else {
            "it is not executable (`chmod +x` makes it so)"
        })
    })
}

#[cfg(all(test, unix))]
mod tests;
