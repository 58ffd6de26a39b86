//! The hook for spoken cues. The runner hands each cue's spoken form to a
//! [`Speaker`]; how it is spoken (a text-to-speech program, a test recorder)
//! is the speaker's business, and a run without one is silent.

/// Something that says cues aloud. `say` must return quickly: the runner
/// calls it from its event loop, so a slow speaker would make cues late.
pub trait Speaker {
    fn say(&mut self, text: &str);
}

impl Speaker for crate::voice::Voice {
    fn say(&mut self, text: &str) {
        crate::voice::Voice::say(self, text);
    }
}

/// Records what was said; for tests.
#[derive(Debug, Default)]
pub struct Recorder {
    pub said: Vec<String>,
}

impl Speaker for Recorder {
    fn say(&mut self, text: &str) {
        self.said.push(text.to_string());
    }
}
