//! Spoken cues: each cue is handed to a text-to-speech program on its
//! standard input.
//!
//! The text never reaches a shell or the program's command line, so a cue
//! such as `$(touch x)` or `-o x` is only ever spoken. The program never
//! touches the terminal: it runs in a session of its own, its input is a
//! pipe and its output is discarded. A cue still being spoken when the next
//! one comes is cut off with everything the program started (SIGTERM, then
//! SIGKILL: see [`stop`]), and nothing is left running once the [`Voice`] is
//! dropped. When no program can be found, there is one warning and the
//! routine carries on in silence.
//!
//! No program holds a run up: a cue still being spoken after twice the time
//! its words take at the pace and [`SLACK`] more is cut off, and the program
//! is not waited for again until it finishes a cue by itself. That, and a
//! program that fails, is a [`Trouble`] the runner tells the person once.

mod stop;

use std::collections::VecDeque;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use stop::{GRACE, Stopping};

use crate::engine::{Pace, word_count};

/// The programs tried, in order, when the config sets no `voice_command`, with
/// the arguments that make each read the text from its standard input.
pub(crate) const FALLBACK_PROGRAMS: &[(&str, &[&str])] = &[
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
pub(crate) struct SpeechProgram {
    pub path: PathBuf,
    pub args: Vec<String>,
}

/// Why cues cannot be spoken.
#[derive(Debug, thiserror::Error)]
pub(crate) enum VoiceError {
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
}

impl SpeechProgram {
    /// `voice_command` if given, else the first of [`FALLBACK_PROGRAMS`] found
    /// in the folders of `path_var` (a `PATH` value).
    pub(crate) fn find(
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
                    args: args.iter().map(ToString::to_string).collect(),
                })
            })
            .ok_or(VoiceError::NoneFound)
    }
}

/// Something that is told about problems, once each.
pub(crate) type Warn = Box<dyn FnMut(&str) + Send>;

/// How long past twice its words' time a cue may still be spoken before the
/// program counts as not answering: room for a slow start (a speech service
/// waking up, an audio device opening) and a voice slower than the pace.
pub(crate) const SLACK: Duration = Duration::from_secs(5);

/// The longest a cue of `words` words may be spoken at `pace`: twice the
/// time its words take, and [`SLACK`].
pub(crate) fn time_allowed(pace: Pace, words: usize) -> Duration {
    pace.time_to_say(words) * 2 + SLACK
}

/// Something wrong with the voice while a run goes on, for the runner to
/// tell the person once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Trouble {
    /// The program was still speaking after twice its words' time and
    /// [`SLACK`]: it was cut off, and is no longer waited for.
    NotAnswering { program: String },
    /// The program ended by itself in failure: an exit code other than 0
    /// (`code`), or a signal (`None`).
    Failed { program: String, code: Option<i32> },
    /// The program, found when the run began, could not be started for a
    /// cue (`error`): the run goes on in silence.
    CannotStart { program: String, error: String },
}

/// A cue being spoken: the program saying it, and when it is cut off if it
/// is still going.
struct Utterance {
    child: Child,
    cut_at: Instant,
}

/// Speaks cues through a text-to-speech program, one at a time.
///
/// Each cue is given twice the time its words take at the pace and
/// [`SLACK`] more; a program still speaking then is cut off and, until it
/// finishes a cue by itself again, not waited for. Troubles are told once
/// each ([`Voice::trouble`]).
pub(crate) struct Voice {
    program: Option<SpeechProgram>,
    pace: Pace,
    /// The time every cue is allowed in place of [`time_allowed`]; only
    /// tests set it, to see a program cut off in a fraction of a second.
    fixed_allowance: Option<Duration>,
    /// How long a program has after SIGTERM: [`GRACE`], or in tests as long
    /// as a loaded machine may take to run a wrapper's clean-up.
    grace: Duration,
    speaking: Option<Utterance>,
    /// Programs cut off or done, being ended on threads of their own.
    stopping: Vec<Stopping>,
    /// Whether the runner waits for the program: it has not yet been cut
    /// off for not answering, or has finished a cue by itself since.
    answering: bool,
    told_not_answering: bool,
    told_failed: bool,
    troubles: VecDeque<Trouble>,
}

impl Voice {
    /// Finds the program (`voice_command`, else the first fallback on `PATH`),
    /// which speaks at `pace`; when there is none, warns once on stderr and
    /// stays silent.
    pub(crate) fn new(voice_command: Option<&[String]>, pace: Pace) -> Voice {
        let path_var = std::env::var_os("PATH");
        let warn: Warn = Box::new(|message| {
            let _ = writeln!(std::io::stderr(), "psoas: warning: {message}");
        });
        Voice::open(voice_command, path_var.as_deref(), pace, warn)
    }

    /// Like [`Voice::new`], with the `PATH` to search and where warnings go.
    pub(crate) fn open(
        voice_command: Option<&[String]>,
        path_var: Option<&OsStr>,
        pace: Pace,
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
            pace,
            fixed_allowance: None,
            grace: GRACE,
            speaking: None,
            stopping: Vec::new(),
            answering: true,
            told_not_answering: false,
            told_failed: false,
            troubles: VecDeque::new(),
        }
    }

    /// The same voice allowing every cue `allowed` rather than
    /// [`time_allowed`], so that tests of a program that does not answer
    /// take a fraction of a second.
    #[cfg(test)]
    pub(crate) fn allowing(mut self, allowed: Duration) -> Voice {
        self.fixed_allowance = Some(allowed);
        self
    }

    /// The same voice giving a program `grace` after SIGTERM, rather than
    /// [`GRACE`].
    #[cfg(test)]
    pub(crate) fn with_grace(mut self, grace: Duration) -> Voice {
        self.grace = grace;
        self
    }

    /// Whether cues go nowhere: no program was found, or it failed to start.
    #[cfg(test)]
    pub(crate) fn is_silent(&self) -> bool {
        self.program.is_none()
    }

    /// Speaks `text`, cutting off the cue before it if that is still going.
    /// Never waits for the speech, and never fails: a program that cannot be
    /// started is a trouble, told once, and silence from then on.
    pub(crate) fn say(&mut self, text: &str) {
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
                let program = self.program_name();
                let error = error.to_string();
                self.troubles
                    .push_back(Trouble::CannotStart { program, error });
                self.program = None;
                return;
            }
        };
        let text = cue_text(text);
        if let Some(mut stdin) = child.stdin.take() {
            // A program that exits without reading gives a broken pipe; the
            // cue is then simply not spoken. One that never reads cannot
            // hold this up: the text is shorter than any pipe's buffer.
            let _ = stdin.write_all(text.as_bytes());
            let _ = stdin.write_all(b"\n");
            // Dropping stdin closes it: the program sees the end of the text.
        }
        let allowed = self
            .fixed_allowance
            .unwrap_or_else(|| time_allowed(self.pace, word_count(&text)));
        self.speaking = Some(Utterance {
            child,
            cut_at: Instant::now() + allowed,
        });
    }

    /// Whether the runner should wait for the program: it is still saying
    /// the last cue, within its time, and has not been found not answering.
    pub(crate) fn is_speaking(&mut self) -> bool {
        self.settle();
        self.answering && self.speaking.is_some()
    }

    /// The next trouble to tell the person, each kind once a run.
    pub(crate) fn trouble(&mut self) -> Option<Trouble> {
        self.settle();
        self.troubles.pop_front()
    }

    /// Stops the cue being spoken, if any, with everything the program
    /// started (see [`Stopping`]).
    pub(crate) fn stop(&mut self) {
        self.settle();
        if let Some(utterance) = self.speaking.take() {
            self.stopping
                .push(Stopping::start(utterance.child, self.grace));
        }
        self.stopping.retain(|s| !s.is_done());
    }

    /// Looks at the cue being spoken: a program done by itself is reaped
    /// (and a failure noted), one past its time is cut off.
    fn settle(&mut self) {
        let Some(utterance) = &self.speaking else {
            return;
        };
        if let Some(status) = stop::exit_status(&utterance.child) {
            self.answering = true;
            if !status.success() && !std::mem::replace(&mut self.told_failed, true) {
                let code = status.code();
                let program = self.program_name();
                self.troubles.push_back(Trouble::Failed { program, code });
            }
        } else if Instant::now() >= utterance.cut_at {
            self.answering = false;
            if !std::mem::replace(&mut self.told_not_answering, true) {
                let program = self.program_name();
                self.troubles.push_back(Trouble::NotAnswering { program });
            }
        } else {
            return;
        }
        if let Some(utterance) = self.speaking.take() {
            // Ended too, with anything it left behind.
            self.stopping
                .push(Stopping::start(utterance.child, self.grace));
        }
    }

    /// The program's file name, as a person would write it.
    fn program_name(&self) -> String {
        self.program
            .as_ref()
            .map(|p| {
                p.path
                    .file_name()
                    .unwrap_or(p.path.as_os_str())
                    .to_string_lossy()
                    .into_owned()
            })
            .unwrap_or_default()
    }

    /// The process id of the program speaking now, if one was started and has
    /// not been stopped.
    #[cfg(test)]
    pub(crate) fn child_id(&self) -> Option<u32> {
        self.speaking.as_ref().map(|u| u.child.id())
    }
}

impl Drop for Voice {
    /// Nothing is left running: every program is ended, and waited for as
    /// long as SIGTERM and SIGKILL take.
    fn drop(&mut self) {
        if let Some(utterance) = self.speaking.take() {
            self.stopping
                .push(Stopping::start(utterance.child, self.grace));
        }
        stop::wait_all(std::mem::take(&mut self.stopping), self.grace * 2);
    }
}

/// Starts the program in a session of its own: it has no terminal to draw
/// on or read keys from (a program that opened the terminal would take the
/// person's keys), and it leads a process group of its own, which
/// [`Stopping`] ends as one.
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
