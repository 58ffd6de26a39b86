//! The hook for spoken cues. The runner hands each batch of cues to
//! [`announce`], which says their spoken form through a [`Speaker`]; how it
//! is spoken (a text-to-speech program, a test recorder) is the speaker's
//! business, and a run without one is silent.
//!
//! A get-ready lasts at least until its words are said: while the speaker is
//! still speaking, the runner holds the session at the count-in
//! ([`hold_for_speech`]).

use std::time::Duration;

use super::wording;
use crate::engine::{Cue, Session};

/// How often the runner looks whether the speaker is done, while it waits.
pub const SPEECH_POLL: Duration = Duration::from_millis(50);

/// Something that says cues aloud. `say` must return quickly: the runner
/// calls it from its event loop, so a slow speaker would make cues late.
pub trait Speaker {
    fn say(&mut self, text: &str);

    /// Whether the last words are still being said.
    fn is_speaking(&mut self) -> bool {
        false
    }
}

impl Speaker for crate::voice::Voice {
    fn say(&mut self, text: &str) {
        crate::voice::Voice::say(self, text);
    }

    fn is_speaking(&mut self) -> bool {
        crate::voice::Voice::is_speaking(self)
    }
}

/// Says what `cues` call for. Breaths alone never cut off words still being
/// said: they give way.
pub fn announce(speaker: Option<&mut (dyn Speaker + '_)>, session: &Session<'_>, cues: &[Cue]) {
    let Some(speaker) = speaker else { return };
    let Some(words) = wording::spoken_together(session.plan(), cues) else {
        return;
    };
    if wording::only_breaths(cues) && speaker.is_speaking() {
        return;
    }
    speaker.say(&words);
}

/// With a speaker, the session stops at every count-in and goes on only
/// once the speaker is done; returns whether it stands waiting there now.
pub fn hold_for_speech(
    speaker: Option<&mut (dyn Speaker + '_)>,
    session: &mut Session<'_>,
    now: Duration,
) -> bool {
    let Some(speaker) = speaker else {
        session.set_waiting(false, now);
        return false;
    };
    session.set_waiting(true, now);
    if session.is_waiting() && !speaker.is_speaking() {
        session.set_waiting(false, now);
    }
    session.is_waiting()
}

/// Records what was said; for tests. With `busy` set, it claims to be still
/// speaking that many times it is asked after each `say`.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Recorder {
    pub said: Vec<String>,
    pub busy: u32,
    pub asked: u32,
}

#[cfg(test)]
impl Speaker for Recorder {
    fn say(&mut self, text: &str) {
        self.said.push(text.to_string());
        self.asked = 0;
    }

    fn is_speaking(&mut self) -> bool {
        self.asked += 1;
        self.asked <= self.busy
    }
}
