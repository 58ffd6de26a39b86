//! Plain mode: one line per event, each stamped with the plan time it fell
//! due (`[02:35] Right side: hold 30 s`), with no escape codes and no key
//! reading. This is what screen readers, logs and speech pipes follow.
//!
//! The loop sleeps until the next cue or a signal, whichever comes first.
//! Ctrl-Z pauses the clock while the process is stopped. What goes wrong
//! with the voice is a line of its own, once; the run's last words are
//! heard in full before it returns.

use std::io::{self, Write};
use std::time::Duration;

use super::clock::Clock;
use super::settings::{RunSettings, WarmUpChoice};
use super::signals::{Signal, SignalWatch, stop_self};
use super::speaker::{self, SPEECH_POLL, Speaker};
use crate::engine::{Control, Cue, Event, Plan, Session};
use crate::history::Ending;
use crate::words::run as wording;

/// How long to sleep when nothing is due (while stopped, say); a signal
/// wakes the loop sooner.
const IDLE: Duration = Duration::from_secs(3600);

pub(crate) fn run<'a>(
    plan: Plan<'a>,
    warm_up: Option<Plan<'a>>,
    settings: &RunSettings,
    speaker: Option<&mut dyn Speaker>,
    out: &mut dyn Write,
) -> io::Result<(Session<'a>, Ending)> {
    let watch = SignalWatch::start(false)?;
    let remind = (settings.warm_up == WarmUpChoice::Ask && plan.warm_up)
        .then(|| wording::warm_up_first(&crate::words::warm_up_reminder(plan.conditions())));
    let plan = match (settings.warm_up, warm_up) {
        (WarmUpChoice::Guided, Some(warm_up)) => plan.with_warm_up(warm_up),
        _ => plan,
    };
    let mut run = Transcript {
        session: Session::new(plan),
        out,
        speaker,
    };
    let clock = Clock::start(settings.speed, settings.virtual_clock);
    if let Some(remind) = remind
        && let Err(error) = run.write(Duration::ZERO, &remind)
    {
        return Ok((run.session, Ending::output_lost(&error)));
    }
    let ending = run.follow(&clock, &watch);
    Ok((run.session, ending))
}

struct Transcript<'a, 'o, 's> {
    session: Session<'a>,
    out: &'o mut dyn Write,
    speaker: Option<&'s mut dyn Speaker>,
}

impl Transcript<'_, '_, '_> {
    /// Runs until the end, a signal, or nobody reading.
    fn follow(&mut self, clock: &Clock, watch: &SignalWatch) -> Ending {
        loop {
            let now = clock.now();
            speaker::hold_for_speech(self.speaker.as_deref_mut(), &mut self.session, now);
            let cues = self.session.advance(now);
            if let Err(error) = self.show(&cues) {
                return Ending::output_lost(&error);
            }
            if self.session.is_over() {
                return self.last_words(watch);
            }
            let speaking = speaker::hold_for_speech(
                self.speaker.as_deref_mut(),
                &mut self.session,
                clock.now(),
            );
            if let Err(error) = self.tell_troubles() {
                return Ending::output_lost(&error);
            }
            let wait = if speaking {
                SPEECH_POLL
            } else {
                self.session
                    .next_due()
                    .map_or(IDLE, |due| clock.wait_until(due))
            };
            let Some(signal) = watch.wait(wait) else {
                continue;
            };
            if signal == Signal::Stop {
                let paused = self.session.apply(Control::Pause, clock.now());
                let shown = self.show(&paused);
                stop_self();
                let resumed = self.session.apply(Control::Resume, clock.now());
                if let Err(error) = shown.and_then(|()| self.show(&resumed)) {
                    return Ending::output_lost(&error);
                }
            }
            let Some(ending) = signal.ending() else {
                continue;
            };
            self.session.apply(Control::Quit, clock.now());
            let line = wording::stopped_line(&self.tally());
            // Whoever sent the signal may have closed the output too.
            let _ = self.write(self.session.position(), &line);
            return ending;
        }
    }

    /// Waits for the words of a finished run to be said, unless a signal
    /// that ends the program comes first (and then ends it, as it would
    /// have a moment before).
    fn last_words(&mut self, watch: &SignalWatch) -> Ending {
        let mut ending = Ending::Finished;
        while speaker::last_words(self.speaker.as_deref_mut()) {
            match watch.wait(SPEECH_POLL) {
                Some(Signal::Stop) => stop_self(),
                Some(signal) => {
                    if let Some(by_signal) = signal.ending() {
                        ending = by_signal;
                        break;
                    }
                }
                None => {}
            }
        }
        match self.tell_troubles() {
            Ok(()) => ending,
            Err(error) => Ending::output_lost(&error),
        }
    }

    /// A line for each thing that went wrong with the voice.
    fn tell_troubles(&mut self) -> io::Result<()> {
        for line in speaker::troubles(self.speaker.as_deref_mut()) {
            self.write(self.session.position(), &line)?;
        }
        Ok(())
    }

    fn show(&mut self, cues: &[Cue]) -> io::Result<()> {
        for cue in cues {
            let line = match cue.event {
                Event::Finished => Some(wording::finished_line(&self.tally())),
                _ => wording::line(self.session.plan(), &cue.event),
            };
            if let Some(line) = line {
                self.write(cue.at, &line)?;
            }
        }
        speaker::announce(self.speaker.as_deref_mut(), &self.session, cues);
        Ok(())
    }

    /// "2:55, 5 holds done, 0 skipped".
    fn tally(&self) -> String {
        wording::tally(
            self.session.active().as_secs() as u32,
            self.session.holds_done(),
            self.session.holds_skipped(),
        )
    }

    fn write(&mut self, at: Duration, line: &str) -> io::Result<()> {
        writeln!(self.out, "{} {line}", stamp(at))?;
        self.out.flush()
    }
}

/// `[MM:SS]`; the minutes go past 99 rather than wrap.
pub(crate) fn stamp(at: Duration) -> String {
    let seconds = at.as_secs();
    format!("[{:02}:{:02}]", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::{Pace, fixture};
    use crate::runner::speaker::Recorder;
    use crate::voice::Voice;

    #[test]
    fn the_runner_hands_each_spoken_cue_to_the_speaker() {
        let library = fixture::library();
        let settings = RunSettings {
            speed: 1000.0,
            ..RunSettings::default()
        };
        let mut speaker = Recorder::default();
        let mut out = Vec::new();
        let (session, ending) = run(
            fixture::plan(&library),
            None,
            &settings,
            Some(&mut speaker),
            &mut out,
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        assert!(session.is_finished());
        let out = String::from_utf8(out).unwrap();
        // With a speaker every count-in looks at it once, so a loop that wakes
        // a little late there counts that lateness as time taken: at this
        // speed a millisecond is a second, so the time taken is at least the
        // plan's.
        let last = out.lines().last().unwrap();
        let taken = last
            .strip_prefix("[01:15] Routine complete: ")
            .and_then(|rest| rest.strip_suffix(", 4 holds done, 0 skipped"))
            .unwrap_or_else(|| panic!("{out}"));
        let (m, s) = taken.split_once(':').unwrap();
        assert!(
            m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap() >= 75,
            "{out}"
        );
        // Cues due together are one utterance, so none cuts off another.
        // At this speed cues a few milliseconds apart may come together, so
        // only what is due at the same plan time is sure to share a sentence,
        // and the first and last utterances may carry more.
        let first = speaker.said.first().unwrap();
        assert!(
            first.starts_with(
                "Pelvic tilt. Get into position. Stand tall. Hands on hips. \
                 Caution: Keep it small. Throughout, move gently and never bounce; \
                 stop at once on sharp, shooting or radiating pain, numbness or \
                 tingling."
            ),
            "{first}"
        );
        let last = speaker.said.last().unwrap();
        assert!(
            last.ends_with("Time: ease out of the position slowly. Routine complete."),
            "{last}"
        );
        let said = |words: &str| speaker.said.iter().any(|s| s.contains(words));
        assert!(
            said("Hold for 10 seconds. Tilt gently."),
            "{:?}",
            speaker.said
        );
        assert!(said(
            "Time: ease out of the position slowly. Switch sides: right side. \
             Mirror the position on the other side."
        ));
    }

    /// What the voice is given for the fixture's routine at real speed on
    /// the virtual clock, one utterance a line: what is due together is said
    /// together, and nothing else joins it.
    #[test]
    fn what_the_voice_is_given_for_the_fixture() {
        let library = fixture::library();
        let settings = RunSettings {
            virtual_clock: true,
            ..RunSettings::default()
        };
        let mut speaker = Recorder::default();
        let (_, ending) = run(
            fixture::plan(&library),
            None,
            &settings,
            Some(&mut speaker),
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        insta::assert_snapshot!(speaker.said.join("\n"));
    }

    #[test]
    fn a_busy_speaker_holds_the_count_in_and_breaths_give_way() {
        let library = fixture::library();
        let settings = RunSettings {
            speed: 1000.0,
            ..RunSettings::default()
        };
        // Still speaking for the next two times it is asked after each cue.
        let mut speaker = Recorder {
            busy: 2,
            ..Recorder::default()
        };
        let mut out = Vec::new();
        let (session, _) = run(
            fixture::plan(&library),
            None,
            &settings,
            Some(&mut speaker),
            &mut out,
        )
        .unwrap();
        // Every count-in waited at least one look at the speaker, which the
        // session counts as time taken beyond the plan.
        assert!(session.active() > session.total(), "{:?}", session.active());
        // "Breathe out" came while the hold's words were being said: it gave
        // way rather than cut them off.
        assert!(
            !speaker.said.iter().any(|s| s == "Breathe out."),
            "{:?}",
            speaker.said
        );
    }

    /// A voice speaking through a shell script whose body is `body`, with
    /// `$D` a temp folder that is kept with it, allowing each cue `allowed`.
    fn scripted_voice(body: &str, allowed: Duration) -> (Voice, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("speak.sh");
        let d = dir.path().display();
        std::fs::write(&script, format!("#!/bin/sh\nD='{d}'\n{body}\n")).unwrap();
        let command = ["sh".to_string(), script.display().to_string()];
        let path = std::env::var_os("PATH");
        let voice = Voice::open(
            Some(&command),
            path.as_deref(),
            Pace::DEFAULT,
            Box::new(|m: &str| panic!("warned: {m}")),
        )
        .allowing(allowed);
        (voice, dir)
    }

    /// The fixture's routine at 1000 times real speed, spoken by `voice`;
    /// the transcript and the session.
    fn run_with(voice: &mut Voice) -> (String, Session<'static>) {
        let library = Box::leak(Box::new(fixture::library()));
        let settings = RunSettings {
            speed: 1000.0,
            ..RunSettings::default()
        };
        let mut out = Vec::new();
        let (session, ending) = run(
            fixture::plan(library),
            None,
            &settings,
            Some(voice),
            &mut out,
        )
        .unwrap();
        assert_eq!(ending, Ending::Finished);
        (String::from_utf8(out).unwrap(), session)
    }

    #[test]
    fn the_last_words_are_heard_in_full_before_the_run_returns() {
        // A voice that takes a moment to say anything, then notes it.
        let (mut voice, dir) = scripted_voice(
            "text=$(cat)\nsleep 0.2\nprintf '%s\\n' \"$text\" >> \"$D/said\"",
            Duration::from_secs(30),
        );
        let (out, _) = run_with(&mut voice);
        // Read before the voice is dropped: the runner itself waited.
        let said = std::fs::read_to_string(dir.path().join("said")).unwrap();
        assert!(
            said.ends_with("Time: ease out of the position slowly. Routine complete.\n"),
            "{said}"
        );
        assert!(!out.contains("voice program"), "{out}");
    }

    #[test]
    fn a_voice_that_does_not_answer_is_told_once_and_the_run_goes_on() {
        let allowed = Duration::from_secs(1);
        // One that never ends, and one that never even reads its words.
        for body in ["cat > /dev/null\nexec sleep 30", "exec sleep 30"] {
            let (mut voice, _dir) = scripted_voice(body, allowed);
            let (out, session) = run_with(&mut voice);
            let told: Vec<&str> = out
                .lines()
                .filter(|l| l.contains("voice program"))
                .collect();
            assert_eq!(told.len(), 1, "{body}: {out}");
            assert!(
                told[0].ends_with(
                    "] The voice program sh is not answering: going on without waiting for it."
                ),
                "{out}"
            );
            assert!(out.lines().last().unwrap().contains("Routine complete"));
            // It was waited for once, at the first count-in, and never again:
            // at this speed the second it was allowed is 1000 s of plan time,
            // and waiting at each of the four count-ins would take 4000.
            let late = session.active().saturating_sub(session.total());
            assert!(late >= Duration::from_secs(500), "{body}: {late:?} late");
            assert!(late < Duration::from_secs(2000), "{body}: {late:?} late");
        }
    }

    #[test]
    fn a_voice_that_fails_on_every_cue_is_told_once() {
        let (mut voice, dir) = scripted_voice(
            "cat >> \"$D/said\"\necho >> \"$D/said\"\nexit 1",
            Duration::from_secs(30),
        );
        let (out, _) = run_with(&mut voice);
        let told: Vec<&str> = out
            .lines()
            .filter(|l| l.contains("voice program"))
            .collect();
        assert_eq!(told.len(), 1, "{out}");
        assert!(told[0].ends_with(
            "] The voice program sh failed (exit code 1): cues may not be heard. \
             Check voice_command in the config."
        ));
        // It was given every cue all the same.
        let said = std::fs::read_to_string(dir.path().join("said")).unwrap();
        assert!(said.lines().count() > 4, "{said}");
    }

    #[test]
    fn stamps() {
        assert_eq!(stamp(Duration::from_millis(155_900)), "[02:35]");
        assert_eq!(stamp(Duration::from_secs(6_000)), "[100:00]");
    }
}
