//! The terminal, borrowed for the interactive screen and always handed back.
//!
//! [`Terminal::enter`] turns on raw mode, switches to the alternate screen and
//! hides the cursor, keeping the terminal's title to give back. Every way out
//! goes through the one [`restore`]: the guard's `Drop` (finishing, quitting,
//! an error, a signal the loop turned into an ending), a panic hook chained in
//! front of the previous one (so the message prints on a usable screen), and
//! a suspend with Ctrl-Z. Restoring twice is harmless and restoring never
//! panics.
//!
//! The screen draws only while psoas is in the terminal's foreground
//! ([`in_foreground`]): stopped from outside (`kill -STOP`, which cannot be
//! caught) and continued in the background, psoas leaves the terminal to the
//! shell that has it, and [`Terminal::take_back`] takes it again when psoas
//! is brought back to the foreground.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::{cursor, execute, style, terminal};

use super::signals;

/// Whether the terminal is currently taken over by the screen.
static TAKEN: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// The guard: while it lives, the terminal is in raw mode on the alternate
/// screen.
pub struct Terminal {
    _private: (),
}

impl Terminal {
    pub fn enter() -> io::Result<Terminal> {
        install_panic_hook();
        take()?;
        Ok(Terminal { _private: () })
    }

    /// Hands the terminal back and stops the process, as Ctrl-Z does for any
    /// program; returns once it is continued, in the foreground (`fg`) or in
    /// the background (`bg`). The caller takes the terminal back with
    /// [`Terminal::take_back`] once psoas is in the foreground.
    pub fn suspend(&mut self) {
        restore();
        signals::stop_self();
    }

    /// Takes the screen again after time away from it (stopped, or in the
    /// background while the shell had the terminal): raw mode set afresh,
    /// since the shell may have put its own settings back meanwhile, then the
    /// alternate screen, a hidden cursor and a clear screen. The caller
    /// redraws everything.
    pub fn take_back(&mut self) -> io::Result<()> {
        if !TAKEN.load(Ordering::SeqCst) {
            return take();
        }
        // Turning raw mode on when it is on already does nothing, so it goes
        // off (back to the settings from before the run) and on again.
        terminal::disable_raw_mode()?;
        terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        )
    }
}

/// Whether psoas is in its terminal's foreground: the terminal's foreground
/// process group is psoas's own, as `less` and `vim` ask before they draw.
/// Where the terminal cannot say (it is gone, or standard input is not one),
/// there is no one else to draw over, so the answer is yes.
#[allow(unsafe_code)]
pub fn in_foreground() -> bool {
    // SAFETY: both calls take and return plain integers and touch no memory.
    let (front, own) = unsafe { (libc::tcgetpgrp(libc::STDIN_FILENO), libc::getpgrp()) };
    front < 0 || front == own
}

impl Drop for Terminal {
    fn drop(&mut self) {
        restore();
    }
}

/// Asks the terminal to keep its title on its stack (xterm's "push title"),
/// and to take it back from there: the screen sets its own title while it runs.
const PUSH_TITLE: &str = "\x1b[22;0t";
const POP_TITLE: &str = "\x1b[23;0t";

fn take() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        style::Print(PUSH_TITLE),
        terminal::EnterAlternateScreen,
        cursor::Hide,
        terminal::Clear(terminal::ClearType::All)
    )
}

/// Puts the terminal back as it was: raw mode off (which also restores the
/// line settings saved when it was turned on), then the normal screen and a
/// visible cursor. Does nothing if the terminal is not taken.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    // Raw mode first, so that whatever happens to the writes below, the shell
    // gets its line editing back.
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = crossterm::queue!(
        out,
        style::ResetColor,
        style::SetAttribute(style::Attribute::Reset),
        terminal::LeaveAlternateScreen,
        cursor::Show,
        style::Print(POP_TITLE)
    );
    let _ = out.flush();
}

/// Restores the terminal before the previous hook prints the panic message.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
