//! The hook for spoken cues. The runner hands each batch of cues to
//! [`announce`], which says their spoken form through a [`Speaker`]; how it
//! is spoken (a text-to-speech program, a test recorder) is the speaker's
//! business, and a run without one is silent.
//!
//! A get-ready lasts at least until its words are said: while the speaker is
//! still speaking, the runner holds the session at the count-in
//! ([`hold_for_speech`]). The speaker bounds that wait itself (a voice that
//! does not answer stops saying it is speaking), and says what went wrong
//! ([`Speaker::trouble`]) for the runner to show. A run's last words are
//! waited for the same way before it returns ([`last_words`]).

use std::time::Duration;

use crate::engine::{Cue, Session};
use crate::voice::Trouble;
use crate::words::run as wording;

/// How often the runner looks whether the speaker is done, while it waits.
pub(crate) const SPEECH_POLL: Duration = Duration::from_millis(50);

/// Something that says cues aloud. `say` must return quickly: the runner
/// calls it from its event loop, so a slow speaker would make cues late.
pub(crate) trait Speaker {
    fn say(&mut self, text: &str);

    /// Whether the last words are still being said, and are to be waited
    /// for.
    fn is_speaking(&mut self) -> bool {
        false
    }

    /// Something that went wrong, to tell the person; each once.
    fn trouble(&mut self) -> Option<Trouble> {
        None
    }
}

impl Speaker for crate::voice::Voice {
    fn say(&mut self, text: &str) {
        crate::voice::Voice::say(self, text);
    }

    fn is_speaking(&mut self) -> bool {
        crate::voice::Voice::is_speaking(self)
    }

    fn trouble(&mut self) -> Option<Trouble> {
        crate::voice::Voice::trouble(self)
    }
}

/// Says what `cues` call for. Breaths alone never cut off words still being
/// said: they give way.
pub(crate) fn announce(
    speaker: Option<&mut (dyn Speaker + '_)>,
    session: &Session<'_>,
    cues: &[Cue],
) {
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
pub(crate) fn hold_for_speech(
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

/// What the speaker has to tell the person, in words, each once.
pub(crate) fn troubles(speaker: Option<&mut (dyn Speaker + '_)>) -> Vec<String> {
    let Some(speaker) = speaker else {
        return Vec::new();
    };
    std::iter::from_fn(|| speaker.trouble())
        .map(|trouble| wording::voice_trouble(&trouble))
        .collect()
}

/// Whether a run that is over still waits for its last words to be said:
/// they are heard in full before the program goes on (and exits), within
/// the speaker's bound.
pub(crate) fn last_words(speaker: Option<&mut (dyn Speaker + '_)>) -> bool {
    speaker.is_some_and(Speaker::is_speaking)
}

/// Records what was said; for tests. With `busy` set, it claims to be still
/// speaking that many times it is asked after each `say`.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Recorder {
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
