//! The rules of the file format that serde cannot express: ranges and
//! one-line text (checked as [`toml_input`](crate::toml_input) checks them),
//! id spelling, required keys, and the rule that a phased exercise takes its
//! hold from its phases. Each rule that fails adds a diagnostic; an entry with any
//! problem is left out of the library.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::raw::RawRoutine;
use super::raw::{RawBreathing, RawCaution, RawExercise, RawFigure, RawProp, angle_help};
use super::{Breathing, Caution, Exercise, Kind, Origin, Phase, Position, Routine, Said, Step};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::figure::{Angles, Figure, Prop, PropPlace, View, contact};
use crate::toml_input::{Entry, Text, WholeNumber, out_of_range, text_problem};

/// Where one step's values stand in its file.
#[derive(Debug)]
pub(super) struct StepSpans {
    /// The step's 1-based place in the file.
    pub index: usize,
    pub exercise: Range<usize>,
    pub hold: Option<Range<usize>>,
    pub instead: Option<Range<usize>>,
}

/// A routine whose steps still have to be checked against the whole library.
pub(super) struct PendingRoutine {
    pub routine: Routine,
    /// For each step: its 1-based place in the file, the span of its
    /// `exercise` value, of its `hold` and of its `instead`, if any.
    pub step_spans: Vec<StepSpans>,
    /// Whether it had no problems of its own. One that had is never kept, but
    /// its steps are still checked against the exercises, so that every
    /// problem is reported at once.
    pub valid: bool,
}

/// Collects the problems of one entry while it is being converted.
struct Checker<'a> {
    file: &'a SourceText,
    prefix: String,
    /// The whole entry, where a missing key is reported; none for the head of
    /// a routine, which is the whole file.
    entry: Option<Range<usize>>,
    /// Keys whose value had the wrong type: reported already, so not "missing".
    set_aside: Vec<String>,
    diagnostics: &'a mut Vec<Diagnostic>,
    failed: bool,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, key: &str, message: String, help: impl Into<String>) {
        self.error_at(Some(span), key, message, help);
    }

    fn error_at(
        &mut self,
        span: Option<Range<usize>>,
        key: &str,
        message: String,
        help: impl Into<String>,
    ) {
        let key = if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        };
        self.diagnostics.push(
            Diagnostic::error(self.file, span, message)
                .with_key(key)
                .with_help(help),
        );
        self.failed = true;
    }

    /// Reports a required key that is absent.
    fn missing(&mut self, key: &str, help: impl Into<String>) {
        if self.set_aside.iter().any(|k| k == key) {
            return;
        }
        self.error_at(
            self.entry.clone(),
            key,
            "is missing; it is required".into(),
            help,
        );
    }

    fn int(
        &mut self,
        value: &Spanned<WholeNumber>,
        key: &str,
        min: u32,
        max: u32,
        unit: &str,
    ) -> u32 {
        let n = value.get_ref().0;
        if let Some((message, help)) = out_of_range(n, min, max, unit) {
            self.error(value.span(), key, message, help);
            return min;
        }
        n as u32
    }

    fn text(&mut self, value: &Spanned<Text>, key: &str) -> String {
        let text = &value.get_ref().0;
        if let Some((message, help)) = text_problem(text) {
            self.error(value.span(), key, message, help);
        }
        text.trim().to_string()
    }

    /// Each string of an array; the key (`cues[2]`) is only spelt out for a
    /// string with a problem, as loading must be quick.
    fn texts(&mut self, values: &[Spanned<Text>], key: &str) -> Vec<String> {
        let mut texts = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            let text = &value.get_ref().0;
            if let Some((message, help)) = text_problem(text) {
                self.error(value.span(), &format!("{key}[{}]", i + 1), message, help);
            }
            texts.push(text.trim().to_string());
        }
        texts
    }

    /// Each caution, with to whom it is said: a plain string in full, a
    /// table for one condition or always.
    fn cautions(&mut self, values: &[Spanned<RawCaution>]) -> Vec<Caution> {
        let mut cautions = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            let key = format!("cautions[{}]", i + 1);
            let caution = match value.get_ref() {
                RawCaution::Plain(text) => {
                    if let Some((message, help)) = text_problem(&text.0) {
                        self.error(value.span(), &key, message, help);
                    }
                    Caution::plain(text.0.trim())
                }
                RawCaution::Table(table) => {
                    let text = if let Some(text) = &table.text {
                        self.text(text, &format!("{key}.text"))
                    } else {
                        self.error(
                            value.span(),
                            &format!("{key}.text"),
                            "is missing; it is required".into(),
                            "the words of the caution, like `text = \"Keep the lean small.\"`",
                        );
                        String::new()
                    };
                    let always = table.always.as_ref().is_some_and(|a| a.get_ref().0);
                    let said = match (&table.condition, &table.always) {
                        (Some(_), Some(flag)) => {
                            self.error(
                                flag.span(),
                                &format!("{key}.always"),
                                "cannot be set beside `condition`".into(),
                                "a caution for a condition is always said to a person who has it; \
                                 keep `condition` or `always`, not both",
                            );
                            Said::Full
                        }
                        (Some(condition), None) => Said::With(*condition.get_ref()),
                        (None, _) if always => Said::Always,
                        (None, _) => Said::Full,
                    };
                    Caution { text, said }
                }
            };
            cautions.push(caution);
        }
        cautions
    }

    /// A figure, found under `key` (`figure`, `phase[2].figure`): each
    /// angle within a half turn either way, each prop placed at its own
    /// point or where that prop goes by default.
    fn figure(&mut self, raw: &Spanned<RawFigure>, key: &str) -> Figure {
        let span = raw.span();
        let raw = raw.get_ref();
        let mut angles = Angles::default();
        for (angle_key, value) in raw.angles() {
            let Some(value) = value else { continue };
            let n = value.get_ref().0;
            let max = i64::from(Angles::MAX);
            let angle = if (-max..=max).contains(&n) {
                n as i32
            } else {
                self.error(
                    value.span(),
                    &format!("{key}.{angle_key}"),
                    format!("{n} is out of range"),
                    angle_help(),
                );
                0
            };
            if let Some(slot) = angles.slot(angle_key) {
                *slot = angle;
            }
        }
        let props: Vec<PropPlace> = raw
            .props
            .0
            .iter()
            .map(|prop| match prop {
                RawProp::Plain(prop) => PropPlace {
                    prop: *prop,
                    at: prop.default_anchor(),
                    to: prop.default_end(),
                },
                RawProp::Table(table) => PropPlace {
                    prop: table.prop,
                    at: table.at.unwrap_or(table.prop.default_anchor()),
                    to: table.to.or(table.prop.default_end()),
                },
            })
            .collect();
        // Seen from above, lying down, nothing stands up from the floor.
        if raw.view == View::SideLying
            && let Some(standing) = props
                .iter()
                .find(|p| matches!(p.prop, Prop::Chair | Prop::Wall | Prop::Desk))
        {
            self.error(
                span,
                &format!("{key}.props"),
                format!(
                    "a {} has no place in the side-lying view",
                    standing.prop.name()
                ),
                "lying on the side uses the floor, a bed, a cushion, a ball, a foam roller or a strap; \
                 draw a pose against a chair, a wall or a desk in the side or the front view",
            );
        }
        let figure = Figure {
            view: raw.view,
            angles,
            props,
            rests: raw.rests.0.iter().map(|part| *part.get_ref()).collect(),
        };
        // A part said to rest must touch what is under it, or the picture
        // shows a pose the words do not.
        let gaps = contact::gaps(&figure);
        for (i, (spanned, (part, gap))) in raw.rests.0.iter().zip(gaps).enumerate() {
            if gap <= contact::TOUCHING {
                continue;
            }
            self.error(
                spanned.span(),
                &format!("{key}.rests[{}]", i + 1),
                format!(
                    "the {} does not touch the floor or a prop: it is {gap:.2} of the body's height from it",
                    part.name()
                ),
                "a part in `rests` touches the floor or the top of a prop under it; change the angles \
                 until it does, or take it out of `rests`",
            );
        }
        figure
    }

    fn breathing(&mut self, raw: Option<&RawBreathing>) -> Option<Breathing> {
        let raw = raw?;
        let (min, max) = (Breathing::MIN_SECONDS, Breathing::MAX_SECONDS);
        Some(Breathing {
            inhale: self.int(&raw.inhale, "breathing.inhale", min, max, "seconds"),
            exhale: self.int(&raw.exhale, "breathing.exhale", min, max, "seconds"),
        })
    }
}

fn names<'a>(all: impl Iterator<Item = &'a str>) -> String {
    all.collect::<Vec<_>>().join(", ")
}

/// Whether an id is lowercase kebab-case: `low-lunge`, `ball-sphinx-2`.
pub(crate) fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_id(checker: &mut Checker<'_>, id: &Spanned<Text>) -> String {
    let id_text = &id.get_ref().0;
    if !is_kebab_case(id_text) {
        checker.error(
            id.span(),
            "id",
            format!("`{id_text}` is not a valid id"),
            "lowercase letters, digits and single dashes, like `kneeling-lunge`",
        );
    }
    id_text.clone()
}

pub(super) fn exercise(
    file: &SourceText,
    entry: Entry<RawExercise>,
    origin: Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Exercise> {
    let failed = !entry.is_clean();
    let raw = entry.value;
    let mut c = Checker {
        file,
        prefix: format!("exercise[{}]", entry.index),
        failed,
        entry: Some(entry.span),
        set_aside: entry.set_aside,
        diagnostics,
    };
    let id = if let Some(id) = &raw.id {
        check_id(&mut c, id)
    } else {
        c.missing(
            "id",
            "a unique lowercase id, like `id = \"kneeling-lunge\"`",
        );
        String::new()
    };
    let name = if let Some(name) = &raw.name {
        c.text(name, "name")
    } else {
        c.missing(
            "name",
            "the name shown to the person, like `name = \"Kneeling lunge\"`",
        );
        String::new()
    };
    if raw.kind.is_none() {
        c.missing(
            "kind",
            format!("one of: {}", names(Kind::ALL.iter().map(|k| k.name()))),
        );
    }
    if raw.position.is_none() {
        c.missing(
            "position",
            format!("one of: {}", names(Position::ALL.iter().map(|p| p.name()))),
        );
    }
    let setup = match &raw.setup {
        None => {
            c.missing(
                "setup",
                "an array of instructions on how to get into position",
            );
            Vec::new()
        }
        Some(setup) if setup.get_ref().0.is_empty() => {
            c.error(
                setup.span(),
                "setup",
                "is empty".into(),
                "at least one instruction on how to get into position",
            );
            Vec::new()
        }
        Some(setup) => c.texts(&setup.get_ref().0, "setup"),
    };
    let cues = c.texts(&raw.cues.0, "cues");
    let cautions = c.cautions(&raw.cautions.0);
    let breathing = c.breathing(raw.breathing.as_ref());
    // Whether the ids named exist is checked once the whole library is
    // loaded (see `variants`); here only how they are spelt.
    let harder = raw
        .harder
        .as_ref()
        .map(|v| check_variant(&mut c, v, "harder", &id));
    let easier = raw
        .easier
        .as_ref()
        .map(|v| check_variant(&mut c, v, "easier", &id));
    let instead = raw
        .instead
        .as_ref()
        .map(|v| check_variant(&mut c, v, "instead", &id));
    let switch_hint = raw.switch_hint.as_ref().map(|h| c.text(h, "switch_hint"));
    let switch_sides = raw.switch_sides.as_ref().map_or(0, |s| {
        c.int(s, "switch_sides", 0, Exercise::MAX_SWITCH_SIDES, "seconds")
    });

    let figure = raw.figure.as_ref().map(|f| c.figure(f, "figure"));

    let mut phases = Vec::with_capacity(raw.phase.0.len());
    for (i, phase) in raw.phase.0.iter().enumerate() {
        let key = format!("phase[{}]", i + 1);
        let phase_figure = phase.figure.as_ref().map(|f| {
            let figure_key = format!("{key}.figure");
            // A phase's figure changes the picture the exercise starts
            // from, so there must be one to change: `show`, the printed
            // page and a screen that shows one picture use it.
            if raw.figure.is_none() {
                c.error(
                    f.span(),
                    &figure_key,
                    "needs the exercise's own `figure`, the position it starts from".into(),
                    "add `figure = { ... }` to the exercise, before its phases",
                );
            }
            c.figure(f, &figure_key)
        });
        phases.push(Phase {
            cue: c.text(&phase.cue, &format!("{key}.cue")),
            hold: c.int(
                &phase.hold,
                &format!("{key}.hold"),
                Exercise::MIN_HOLD,
                Exercise::MAX_HOLD,
                "seconds",
            ),
            figure: phase_figure,
        });
    }
    let hold = match (&raw.hold, phases.is_empty()) {
        (Some(hold), false) => {
            c.error(
                hold.span(),
                "hold",
                "cannot be set on an exercise with phases".into(),
                "remove `hold`: the hold of a phased exercise is the sum of its phases",
            );
            0
        }
        (Some(hold), true) => c.int(
            hold,
            "hold",
            Exercise::MIN_HOLD,
            Exercise::MAX_HOLD,
            "seconds",
        ),
        (None, true) => Exercise::DEFAULT_HOLD,
        (None, false) => phases.iter().map(|p| p.hold).sum(),
    };

    let mut equipment = raw.equipment.0;
    equipment.sort();
    equipment.dedup();
    let mut avoid_if = raw.avoid_if.0;
    avoid_if.sort();
    avoid_if.dedup();

    let (Some(kind), Some(position), false) = (raw.kind, raw.position, c.failed) else {
        return None;
    };
    Some(Exercise {
        id,
        name,
        kind,
        position,
        each_side: raw.each_side.0,
        hold,
        equipment,
        setup,
        cues,
        cautions,
        avoid_if,
        impact: raw.impact,
        breathing,
        phases,
        harder,
        easier,
        by_name: raw.by_name.0,
        instead,
        switch_sides,
        switch_hint,
        figure,
        origin,
    })
}

/// A `harder`, `easier` or `instead` id: spelt as an id, and not the
/// exercise itself.
fn check_variant(checker: &mut Checker<'_>, value: &Spanned<Text>, key: &str, own: &str) -> String {
    let named = &value.get_ref().0;
    if !is_kebab_case(named) {
        checker.error(
            value.span(),
            key,
            format!("`{named}` is not a valid id"),
            "the id of another exercise, as `psoas list` shows it",
        );
    } else if named == own {
        checker.error(
            value.span(),
            key,
            "names the exercise itself".into(),
            format!("the id of another exercise, or no `{key}` at all"),
        );
    }
    named.clone()
}

/// Checks a routine's head, then each of its steps.
pub(super) fn routine(
    file: &SourceText,
    id: &str,
    raw: RawRoutine,
    origin: Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> PendingRoutine {
    let mut c = Checker {
        file,
        prefix: String::new(),
        entry: None,
        set_aside: raw.head.set_aside.clone(),
        diagnostics,
        failed: !raw.head.is_clean(),
    };
    if !is_kebab_case(id) {
        c.diagnostics.push(
            Diagnostic::file_error(&file.path, format!("`{id}` is not a valid routine id (it comes from the file name)"))
                .with_help("name the file in lowercase letters, digits and single dashes, like `my-routine.toml`"),
        );
        c.failed = true;
    }
    let head = &raw.head.value;
    let name = if let Some(name) = &head.name {
        c.text(name, "name")
    } else {
        c.missing(
            "name",
            "the name shown to the person, like `name = \"Evening stretch\"`",
        );
        String::new()
    };
    let summary = head.summary.as_ref().map(|s| c.text(s, "summary"));
    let before = c.texts(&head.before.0, "before");
    let prep = head
        .prep
        .as_ref()
        .map(|p| c.int(p, "prep", 0, Routine::MAX_PREP, "seconds"));
    let transition = head.transition.as_ref().map(|t| {
        let least = prep.unwrap_or(0);
        let help = if least > 0 {
            "seconds, at least `prep`,"
        } else {
            "seconds"
        };
        c.int(t, "transition", least, Routine::MAX_TRANSITION, help)
    });
    let breathing = c.breathing(head.breathing.as_ref());

    // Steps share one copy of each exercise id: thousands of steps name a
    // few exercises.
    let mut ids = HashSet::new();
    let mut steps = Vec::with_capacity(raw.steps.len());
    let mut step_spans = Vec::with_capacity(raw.steps.len());
    for entry in raw.steps {
        c.failed |= !entry.is_clean();
        c.prefix.clear();
        write!(c.prefix, "step[{}]", entry.index).expect("writing to a String cannot fail");
        c.entry = Some(entry.span);
        c.set_aside = entry.set_aside;
        let step = entry.value;
        let Some(exercise) = step.exercise else {
            c.missing(
                "exercise",
                "the id of an exercise, as `psoas list` shows it",
            );
            continue;
        };
        let hold = step
            .hold
            .as_ref()
            .map(|h| c.int(h, "hold", Exercise::MIN_HOLD, Exercise::MAX_HOLD, "seconds"));
        let repeat = step
            .repeat
            .as_ref()
            .map_or(1, |r| c.int(r, "repeat", 1, Routine::MAX_REPEAT, "times"));
        step_spans.push(StepSpans {
            index: entry.index,
            exercise: exercise.span(),
            hold: step.hold.as_ref().map(toml::Spanned::span),
            instead: step.instead.as_ref().map(toml::Spanned::span),
        });
        let instead = step
            .instead
            .map(|i| shared_id(&mut ids, i.into_inner().0.trim().to_string()));
        steps.push(Step {
            exercise: shared_id(&mut ids, exercise.into_inner().0),
            hold,
            repeat,
            instead,
        });
    }

    PendingRoutine {
        valid: !c.failed,
        routine: Routine {
            id: id.to_string(),
            name,
            summary,
            before,
            warm_up: head.warm_up.is_none_or(|flag| flag.0),
            progress: head.progress.is_none_or(|flag| flag.0),
            prep,
            transition,
            breathing,
            steps,
            origin,
        },
        step_spans,
    }
}

/// The copy of `id` in `ids`, added if it is not there yet.
fn shared_id(ids: &mut HashSet<Arc<str>>, id: String) -> Arc<str> {
    if let Some(shared) = ids.get(id.as_str()) {
        return Arc::clone(shared);
    }
    let shared: Arc<str> = id.into();
    ids.insert(Arc::clone(&shared));
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        for good in ["a", "low-lunge", "ball-2", "x-1-y"] {
            assert!(is_kebab_case(good), "{good}");
        }
        for bad in ["", "Low", "low_lunge", "-a", "a-", "a--b", "a b", "é"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }
}
