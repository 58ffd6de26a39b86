//! The terminal a break started from a nudge runs in: the config's
//! `terminal` (a program and its arguments), else `$TERMINAL`, else the
//! first of the usual terminals found on `PATH`. Each takes the command to
//! run after its own words: `-e` for most, `--` for GNOME's, nothing for
//! those that run their arguments as they are. The terminal is started
//! detached, in a process group of its own with no input or output of
//! psoas's, so the check that started it ends at once and leaves it be.

use std::ffi::OsStr;
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// The usual terminals, in the order they are looked for, each with the
/// words that come before the command it runs.
pub(crate) const KNOWN: &[(&str, &[&str])] = &[
    ("x-terminal-emulator", &["-e"]),
    ("gnome-terminal", &["--"]),
    ("kgx", &["--"]),
    ("konsole", &["-e"]),
    ("xfce4-terminal", &["-x"]),
    ("mate-terminal", &["-x"]),
    ("kitty", &[]),
    ("alacritty", &["-e"]),
    ("foot", &[]),
    ("wezterm", &["start", "--"]),
    ("xterm", &["-e"]),
];

/// Where the terminal came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The config's `terminal`.
    Config,
    /// `$TERMINAL`.
    Environment,
    /// Found on `PATH`.
    Found,
}

/// A terminal and the words before the command it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Terminal {
    pub words: Vec<String>,
    pub origin: Origin,
}

impl Terminal {
    /// The program's name, as a person knows it.
    pub(crate) fn name(&self) -> String {
        let program = self.words.first().map_or("", String::as_str);
        Path::new(program)
            .file_name()
            .map_or_else(|| program.to_string(), |n| n.to_string_lossy().into_owned())
    }
}

/// The terminal to use: `configured`, else `env_terminal` (the value of
/// `$TERMINAL`, a program), else the first of [`KNOWN`] on `path_var`.
pub(crate) fn choose(
    configured: Option<&[String]>,
    env_terminal: Option<&OsStr>,
    path_var: Option<&OsStr>,
) -> Option<Terminal> {
    if let Some(words) = configured.filter(|w| !w.is_empty()) {
        return Some(Terminal {
            words: words.to_vec(),
            origin: Origin::Config,
        });
    }
    if let Some(program) = env_terminal
        .and_then(OsStr::to_str)
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let name = Path::new(program)
            .file_name()
            .and_then(OsStr::to_str)
            .unwrap_or(program);
        // A terminal psoas knows takes its own words; any other, `-e`, as
        // most do.
        let before = KNOWN
            .iter()
            .find(|(known, _)| *known == name)
            .map_or(&["-e"][..], |(_, before)| before);
        return Some(Terminal {
            words: std::iter::once(program)
                .chain(before.iter().copied())
                .map(str::to_string)
                .collect(),
            origin: Origin::Environment,
        });
    }
    let path_var = path_var?;
    KNOWN.iter().find_map(|(name, before)| {
        let path = which::which_in(name, Some(path_var), ".").ok()?;
        let program = path.to_str()?.to_string();
        Some(Terminal {
            words: std::iter::once(program)
                .chain(before.iter().map(ToString::to_string))
                .collect(),
            origin: Origin::Found,
        })
    })
}

/// Starts `command` in `terminal`, detached; an error if it cannot start.
pub(crate) fn start(terminal: &Terminal, command: &[String]) -> Result<(), String> {
    let (program, args) = terminal
        .words
        .split_first()
        .ok_or_else(|| "the terminal command is empty".to_string())?;
    Command::new(program)
        .args(args)
        .args(command)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Out of psoas's process group: the scheduler that ends the check,
        // or a terminal it ran in, does not end the break with it.
        .process_group(0)
        .spawn()
        .map(drop)
        .map_err(|e| format!("cannot start the terminal `{program}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(terminal: Option<Terminal>) -> Option<(Vec<String>, Origin)> {
        terminal.map(|t| (t.words, t.origin))
    }

    #[test]
    fn the_config_beats_terminal_which_beats_what_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().as_os_str();
        assert_eq!(choose(None, None, Some(path)), None);
        for name in ["xterm", "konsole"] {
            let program = dir.path().join(name);
            std::fs::write(&program, "").unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let konsole = dir.path().join("konsole").display().to_string();
        assert_eq!(
            words(choose(None, None, Some(path))),
            Some((vec![konsole, "-e".into()], Origin::Found))
        );
        assert_eq!(
            words(choose(None, Some(OsStr::new("kitty")), Some(path))),
            Some((vec!["kitty".into()], Origin::Environment))
        );
        assert_eq!(
            words(choose(
                None,
                Some(OsStr::new("/usr/bin/gnome-terminal")),
                None
            )),
            Some((
                vec!["/usr/bin/gnome-terminal".into(), "--".into()],
                Origin::Environment
            ))
        );
        assert_eq!(
            words(choose(None, Some(OsStr::new("my-term")), None)),
            Some((vec!["my-term".into(), "-e".into()], Origin::Environment))
        );
        let configured = ["foot".to_string()];
        let chosen = choose(Some(&configured), Some(OsStr::new("kitty")), Some(path));
        assert_eq!(chosen.as_ref().map(Terminal::name), Some("foot".into()));
        assert_eq!(words(chosen), Some((vec!["foot".into()], Origin::Config)));
    }

    #[test]
    fn a_terminal_that_cannot_start_says_which() {
        let missing = Terminal {
            words: vec!["/nonexistent/terminal".into(), "-e".into()],
            origin: Origin::Config,
        };
        let error = start(&missing, &["psoas".into()]).unwrap_err();
        assert!(
            error.starts_with("cannot start the terminal `/nonexistent/terminal`"),
            "{error}"
        );
    }
}
