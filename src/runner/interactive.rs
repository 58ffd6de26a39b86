//! The interactive event loop: draw, then sleep in crossterm's `poll` until
//! the next cue falls due, the next frame is needed, a key is pressed or a
//! signal arrives. Nothing spins: a paused screen sleeps until a key.
//!
//! While the clock runs, the screen changes once a second of plan time
//! (see [`screen::STEP`]); the loop wakes for exactly those moments and for
//! cues, and writes only the rows that changed.
//!
//! What goes wrong with the voice is shown above the key hints until the
//! hold it came in is over. A finished routine shows "Routine complete" until
//! its last words are said (or a key is pressed); anything that went wrong
//! with them is printed once the terminal is handed back.
//!
//! It draws, rings and reads keys only while psoas is in the terminal's
//! foreground. Continued in the background (stopped by `kill -STOP` or Ctrl-Z,
//! then `bg` or `kill -CONT`), the run goes on as any background job does,
//! out of sight, and the terminal is the shell's; back in the foreground, the
//! screen is taken again and drawn whole.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{KeyCode, KeyEvent};
use crossterm::terminal;

use super::clock::Clock;
use super::input::{self, Ready};
use super::keys::{self, KeyAction};
use super::painter::Painter;
use super::picture::Pictures;
use super::screen::{self, Overlay, Row};
use super::settings::{RunSettings, WarmUpChoice};
use super::signals::{Signal, SignalWatch};
use super::speaker::{self, SPEECH_POLL, Speaker};
use super::terminal::{Terminal, in_foreground};
use crate::engine::{Control, Cue, Event, Plan, Session};
use crate::history::Ending;
use crate::words::run as wording;

/// The shortest real time between two frames that nothing but the clock
/// asked for; it only matters at a high `--speed`.
const MIN_FRAME: Duration = Duration::from_millis(40);
/// How long to sleep when nothing will change by itself.
const IDLE: Duration = Duration::from_secs(3600);
/// How often to look whether psoas is back in the foreground, while it is
/// not: a shell sends SIGCONT with `fg`, which wakes the loop at once, so
/// this is only for a terminal handed over without one.
const AWAY_CHECK: Duration = Duration::from_secs(1);
const BELL: &[u8] = b"\x07";

pub(crate) fn run<'a>(
    plan: Plan<'a>,
    warm_up: Option<Plan<'a>>,
    settings: &RunSettings,
    speaker: Option<&mut dyn Speaker>,
) -> Result<(Session<'a>, Ending)> {
    let mut terminal = Terminal::enter().context("cannot take over the terminal")?;
    let watch = SignalWatch::start(true)?;
    let mut console = Console {
        painter: Painter::new(settings.colour, terminal::size()?),
        terminal: &mut terminal,
        watch: &watch,
        out: io::stdout(),
        typed: VecDeque::new(),
        away: false,
    };

    let ask = settings.warm_up == WarmUpChoice::Ask && plan.warm_up;
    let guided = match settings.warm_up {
        WarmUpChoice::Guided => true,
        WarmUpChoice::Skip => false,
        WarmUpChoice::Ask if !ask => false,
        WarmUpChoice::Ask => {
            // The choice says how long the whole session then takes, so a
            // routine planned to fit some minutes is not made longer unawares.
            let guided = warm_up
                .as_ref()
                .map(|w| wording::guided_warm_up_choice(w.total(), plan.total()));
            match console.ask_warm_up(
                &plan.routine_name,
                &crate::words::warm_up_reminder(plan.conditions()),
                guided.as_deref(),
            )? {
                Ok(guided) => guided,
                Err(ending) => return Ok((Session::new(plan), ending)),
            }
        }
    };
    let plan = match warm_up {
        Some(warm_up) if guided => plan.with_warm_up(warm_up),
        _ => plan,
    };
    let mut run = Run {
        session: Session::new(plan),
        clock: Clock::start(settings.speed, settings.virtual_clock),
        bell: settings.bell,
        speaker,
        overlay: Overlay::None,
        paused_to_ask: false,
        notice: Vec::new(),
        notice_hold: 0,
        pictures: Pictures::new(settings.pictures),
    };
    let ending = run.follow(&mut console)?;
    drop(console);
    drop(terminal);
    // Said after the screen is gone, where it stays to be read.
    let mut out = io::stdout();
    for line in speaker::troubles(run.speaker.as_deref_mut()) {
        writeln!(out, "{line}")?;
    }
    Ok((run.session, ending))
}

/// The terminal side: painting, keys and signals.
struct Console<'t> {
    painter: Painter,
    terminal: &'t mut Terminal,
    watch: &'t SignalWatch,
    out: io::Stdout,
    /// Keys read but not yet handled.
    typed: VecDeque<KeyEvent>,
    /// Whether the screen may not be as psoas left it: psoas was stopped, or
    /// found out of the terminal's foreground when it last looked.
    away: bool,
}

/// What happened while waiting.
enum Input {
    Key(KeyEvent),
    Signal(Signal),
    Nothing,
}

impl Console<'_> {
    /// Shows rows and the title; a terminal that cannot be written to ends
    /// the run.
    fn show(&mut self, rows: &[Row], title: &str) -> Result<(), Ending> {
        if !self.in_front()? {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(256);
        let painted = self
            .painter
            .set_title(title, &mut frame)
            .and_then(|()| self.painter.paint(rows, &mut frame));
        painted
            .and_then(|()| self.out.write_all(&frame))
            .and_then(|()| self.out.flush())
            .map_err(|e| Ending::output_lost(&e))
    }

    fn ring(&mut self) -> Result<(), Ending> {
        if !self.in_front()? {
            return Ok(());
        }
        self.out
            .write_all(BELL)
            .and_then(|()| self.out.flush())
            .map_err(|e| Ending::output_lost(&e))
    }

    /// Whether psoas may write to the terminal: it is in the foreground.
    /// Coming back there, it takes the screen again, and the next frame is
    /// drawn whole.
    fn in_front(&mut self) -> Result<bool, Ending> {
        if !in_foreground() {
            self.away = true;
            return Ok(false);
        }
        if self.away {
            let lost = |e: io::Error| Ending::output_lost(&e);
            self.terminal.take_back().map_err(lost)?;
            self.painter.resize(terminal::size().map_err(lost)?);
            self.painter.invalidate();
            self.away = false;
        }
        Ok(true)
    }

    /// Waits up to `timeout` for a key or a signal; a resize is handled here,
    /// and a terminal that has gone away is a hang-up. Away from the
    /// foreground, keys are left to the program that has the terminal.
    fn wait(&mut self, timeout: Duration) -> Result<Input> {
        if let Some(signal) = self.watch.try_next() {
            return self.signal(signal);
        }
        if let Some(key) = self.typed.pop_front() {
            return Ok(Input::Key(key));
        }
        let (timeout, keys) = if self.away {
            (timeout.min(AWAY_CHECK), false)
        } else {
            (timeout, true)
        };
        match input::wait(self.watch, timeout, keys).context("cannot read the terminal")? {
            Ready::Timeout => Ok(Input::Nothing),
            Ready::HungUp => Ok(Input::Signal(Signal::HangUp)),
            Ready::Away => {
                self.away = true;
                Ok(Input::Nothing)
            }
            Ready::Signal => match self.watch.try_next() {
                Some(signal) => self.signal(signal),
                None => Ok(Input::Nothing),
            },
            Ready::Keys(keys) => {
                self.typed.extend(keys);
                Ok(self.typed.pop_front().map_or(Input::Nothing, Input::Key))
            }
        }
    }

    /// A signal; a resize and a continue are handled here.
    fn signal(&mut self, signal: Signal) -> Result<Input> {
        match signal {
            Signal::Resize => self.painter.resize(terminal::size()?),
            // Stopped from outside, psoas could not hand the terminal back,
            // and it may be in the background now: before anything is drawn,
            // it looks, and in the foreground takes the screen again.
            Signal::Continue => self.away = true,
            _ => return Ok(Input::Signal(signal)),
        }
        Ok(Input::Nothing)
    }

    /// Hands the terminal back until psoas is continued; the next frame
    /// takes it again, in the foreground.
    fn suspend(&mut self) {
        self.terminal.suspend();
        self.away = true;
    }

    /// The warm-up question: `Ok(Ok(true))` for the guided warm-up,
    /// `Ok(Ok(false))` for none, `Ok(Err(ending))` to stop here.
    fn ask_warm_up(
        &mut self,
        routine: &str,
        reminder: &str,
        guided: Option<&str>,
    ) -> Result<Result<bool, Ending>> {
        loop {
            let (width, height) = self.painter.size();
            let rows = screen::warm_up_question(routine, reminder, guided, width, height);
            if let Err(ending) = self.show(&rows, &wording::question_title(routine)) {
                return Ok(Err(ending));
            }
            match self.wait(IDLE)? {
                Input::Key(key) => match (keys::action(key), key.code) {
                    (Some(KeyAction::Interrupt), _) => return Ok(Err(Ending::Interrupted)),
                    (Some(KeyAction::Suspend), _) => self.suspend(),
                    (Some(KeyAction::AskQuit), _) => return Ok(Err(Ending::Quit)),
                    (_, KeyCode::Char('w')) if guided.is_some() => return Ok(Ok(true)),
                    (_, KeyCode::Enter) => return Ok(Ok(false)),
                    _ => {}
                },
                Input::Signal(signal) => match signal.ending() {
                    Some(ending) => return Ok(Err(ending)),
                    None if signal == Signal::Stop => self.suspend(),
                    None => self.painter.invalidate(),
                },
                Input::Nothing => {}
            }
        }
    }
}

/// The session side: the clock, the cues and the overlays.
struct Run<'a, 's> {
    session: Session<'a>,
    clock: Clock,
    bell: bool,
    speaker: Option<&'s mut dyn Speaker>,
    overlay: Overlay,
    /// Whether asking "Quit?" or showing the help paused the clock, to
    /// resume it when the overlay goes.
    paused_to_ask: bool,
    /// What the person is told about the voice, shown until the end of the
    /// hold `notice_hold`.
    notice: Vec<String>,
    notice_hold: usize,
    /// The figures on the screen, if shown, and the last one drawn.
    pictures: Pictures,
}

impl Run<'_, '_> {
    fn follow(&mut self, console: &mut Console<'_>) -> Result<Ending> {
        loop {
            let now = self.clock.now();
            speaker::hold_for_speech(self.speaker.as_deref_mut(), &mut self.session, now);
            let cues = self.session.advance(now);
            if let Err(ending) = self.announce(&cues, console) {
                return Ok(ending);
            }
            if self.session.is_over() {
                return self.last_words(console);
            }
            self.note_troubles();
            let (width, height) = console.painter.size();
            let rows = screen::frame_noting(
                &self.session,
                self.overlay,
                &self.notice,
                &self.pictures,
                width,
                height,
            );
            let title = screen::title(&self.session);
            if let Err(ending) = console.show(&rows, &title) {
                return Ok(ending);
            }
            let speaking = speaker::hold_for_speech(
                self.speaker.as_deref_mut(),
                &mut self.session,
                self.clock.now(),
            );
            // Sleep until a cue is due or the screen would change, whichever
            // comes first; the help hides everything that moves.
            let change = screen::next_change(&self.session)
                .filter(|_| self.overlay != Overlay::Help)
                .map(|d| now + d.max(self.clock.plan_time_in(MIN_FRAME)));
            let wake = self.session.next_due().into_iter().chain(change).min();
            // While the speaker speaks the session stands at a count-in, so
            // nothing moves: look again soon whether it is done.
            let timeout = match wake {
                _ if speaking => SPEECH_POLL,
                Some(at) => self.clock.wait_until(at),
                None => IDLE,
            };
            let ending = match console.wait(timeout)? {
                Input::Nothing => None,
                Input::Key(key) => self.key(key, console),
                Input::Signal(Signal::Stop) => self.suspend(console),
                Input::Signal(signal) => signal.ending(),
            };
            if let Some(ending) = ending {
                self.session.apply(Control::Quit, self.clock.now());
                return Ok(ending);
            }
        }
    }

    /// Takes what the speaker has to tell, to show until the end of this
    /// hold, and lets what was shown through the last hold go.
    fn note_troubles(&mut self) {
        let hold = self
            .session
            .segment()
            .map_or(usize::MAX, |i| self.session.plan().segments[i].hold);
        if hold != self.notice_hold {
            self.notice.clear();
        }
        let troubles = speaker::troubles(self.speaker.as_deref_mut());
        if !troubles.is_empty() {
            self.notice.extend(troubles);
            self.notice_hold = hold;
        }
    }

    /// Shows that the routine is complete until its last words are said,
    /// a key is pressed or a signal ends the wait (and then the program, as
    /// it would have a moment before).
    fn last_words(&mut self, console: &mut Console<'_>) -> Result<Ending> {
        loop {
            let speaking = speaker::last_words(self.speaker.as_deref_mut());
            let (width, height) = console.painter.size();
            let rows = screen::frame_noting(
                &self.session,
                Overlay::None,
                &self.notice,
                &self.pictures,
                width,
                height,
            );
            if let Err(ending) = console.show(&rows, &screen::title(&self.session)) {
                return Ok(ending);
            }
            if !speaking {
                return Ok(Ending::Finished);
            }
            match console.wait(SPEECH_POLL)? {
                Input::Nothing | Input::Signal(Signal::Continue) => {}
                Input::Key(key) if keys::action(key) == Some(KeyAction::Suspend) => {
                    console.suspend();
                }
                Input::Signal(Signal::Stop) => console.suspend(),
                Input::Key(key) if keys::action(key) == Some(KeyAction::Interrupt) => {
                    return Ok(Ending::Interrupted);
                }
                Input::Key(_) => return Ok(Ending::Finished),
                Input::Signal(signal) => return Ok(signal.ending().unwrap_or(Ending::Finished)),
            }
        }
    }

    fn key(&mut self, key: KeyEvent, console: &mut Console<'_>) -> Option<Ending> {
        let action = keys::action(key);
        // Ctrl-C and Ctrl-Z work whatever is shown.
        match action {
            Some(KeyAction::Interrupt) => return Some(Ending::Interrupted),
            Some(KeyAction::Suspend) => return self.suspend(console),
            _ => {}
        }
        match self.overlay {
            Overlay::ConfirmQuit => {
                if keys::confirms_quit(key) {
                    return Some(Ending::Quit);
                }
                self.overlay = Overlay::None;
                if std::mem::take(&mut self.paused_to_ask) {
                    self.act(Control::Resume, console);
                }
                return None;
            }
            Overlay::Help => {
                self.overlay = Overlay::None;
                if std::mem::take(&mut self.paused_to_ask) {
                    self.act(Control::Resume, console);
                }
                return None;
            }
            Overlay::None => {}
        }
        match action {
            Some(KeyAction::Control(control)) => self.act(control, console),
            Some(KeyAction::Help) => {
                self.overlay = Overlay::Help;
                self.pause_for_overlay(console);
            }
            Some(KeyAction::AskQuit) => {
                self.overlay = Overlay::ConfirmQuit;
                self.pause_for_overlay(console);
            }
            Some(KeyAction::Interrupt | KeyAction::Suspend) | None => {}
        }
        None
    }

    /// The clock stands still while an overlay is open.
    fn pause_for_overlay(&mut self, console: &mut Console<'_>) {
        if !self.session.is_paused() {
            self.paused_to_ask = true;
            self.act(Control::Pause, console);
        }
    }

    fn act(&mut self, control: Control, console: &mut Console<'_>) {
        let cues = self.session.apply(control, self.clock.now());
        // A write error shows again on the next frame and ends the run there.
        let _ = self.announce(&cues, console);
    }

    /// Stops the clock while the process is stopped.
    fn suspend(&mut self, console: &mut Console<'_>) -> Option<Ending> {
        let was_paused = self.session.is_paused();
        self.session.apply(Control::Pause, self.clock.now());
        console.suspend();
        if !was_paused {
            self.session.apply(Control::Resume, self.clock.now());
        }
        None
    }

    /// Rings and speaks what the cues call for; at most one bell per batch.
    fn announce(&mut self, cues: &[Cue], console: &mut Console<'_>) -> Result<(), Ending> {
        if self.bell && cues.iter().any(|c| c.event == Event::Bell) {
            console.ring()?;
        }
        speaker::announce(self.speaker.as_deref_mut(), &self.session, cues);
        Ok(())
    }
}
