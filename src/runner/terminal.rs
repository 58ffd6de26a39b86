//! The terminal, borrowed for the interactive screen and always handed back.
//!
//! [`Terminal::enter`] turns on raw mode, switches to the alternate screen and
//! hides the cursor, keeping the terminal's title to give back. Every way out
//! goes through the one [`restore`]: the guard's `Drop` (finishing, quitting,
//! an error, a signal the loop turned into an ending), a panic hook chained in
//! front of the previous one (so the message prints on a usable screen), and
//! a suspend with Ctrl-Z. Restoring twice is harmless and restoring never
//! panics.

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
    /// program; once continued (`fg`), takes the terminal again. The caller
    /// redraws everything.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        signals::stop_self();
        take()
    }
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
