//! The interactive screen as rows of text: a pure function from the session's
//! state and the terminal size to exactly one row per line, so every layout
//! rule is tested without a terminal. Rows name their style; the painter
//! colours them (or not).
//!
//! The layout is built for 40×12 and grows from there: rows that matter least
//! are dropped first on a smaller terminal, a taller one gives the extra
//! lines to the instructions, and from 80×24 the seconds left are shown in
//! big digits, the exercise's figure stands beside them and the words (or,
//! lying down, under them across the width), and the digits and the
//! breathing word grow with the window (`layout.rs`).
//! What the screen says comes from `words::run` and the session's
//! events; the screen only lays it out.

use std::time::Duration;

use unicode_width::UnicodeWidthStr;

use super::big_text;
use super::hold_bar::hold_bar;
use super::keys;
use super::layout::{BREATH_GAP, Column, Layout, Place, WORDS_ROWS_UNDER};
use super::pages::{page, page_round};
use super::picture::Pictures;
use super::rows::{Aside, Priority, cut, fit, wrap};
pub(crate) use super::rows::{Row, Style};
use crate::engine::{
    COUNT_FROM, Plan, PlannedHold, Segment, SegmentKind, Session, breath_at, keeps_moving,
    word_count,
};
use crate::library::{Kind, Side};
use crate::words::run::{
    self as wording, TRANSFER_PACE, breath_words, instruction, line, step_label, switch_hint,
};

/// What is shown over the routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Overlay {
    None,
    Help,
    ConfirmQuit,
}

/// The screen moves by itself in steps of this much plan time: every
/// number, bar and breathing visual changes only on these steps, so the
/// event loop wakes once a second instead of drawing frames nobody needs.
/// (Each wake-up of a sleeping process has a cost of its own; fewer of them
/// is what keeps a long hold cheap.)
pub(crate) const STEP: Duration = Duration::from_secs(1);

/// Plan time until the screen next changes by itself; `None` while nothing
/// moves (paused, or over).
pub(crate) fn next_change(session: &Session<'_>) -> Option<Duration> {
    if session.is_paused() || session.is_over() {
        return None;
    }
    let step = STEP.as_nanos();
    let into = session.position().as_nanos() % step;
    Some(Duration::from_nanos((step - into) as u64))
}

/// `d` rounded down to a whole [`STEP`].
fn on_step(d: Duration) -> Duration {
    let step = STEP.as_nanos();
    Duration::from_nanos((d.as_nanos() / step * step) as u64)
}

/// The terminal's title while a routine runs: the step and the time left.
pub(crate) fn title(session: &Session<'_>) -> String {
    let plan = session.plan();
    match session.segment() {
        Some(index) => wording::title(
            &step_label(plan, &plan.segments[index]),
            ceil_secs(session.remaining()),
        ),
        None => wording::TITLE_COMPLETE.into(),
    }
}

/// The screen for a running session, `height` rows of at most `width`
/// characters.
///
/// Every row has its place whatever the step, so nothing jumps from one
/// exercise to the next: the side band's row stays (empty) for an exercise
/// without sides, and the breathing row says what to do in the get-ready or
/// while moving. From 80×24 up, the seconds left are big, placed toward the
/// side being worked, and the exercise's figure (if `pictures` shows it)
/// stands in a column beside the rows that change, away from the seconds,
/// or under the words across the width, where it is drawn larger (see
/// [`Layout`]). A `notice` stands above the key hints: something the
/// person is told once, such as a voice program that is not answering.
pub(crate) fn frame_noting(
    session: &Session<'_>,
    overlay: Overlay,
    notice: &[String],
    pictures: &Pictures,
    width: u16,
    height: u16,
) -> Vec<Row> {
    let plan = session.plan();
    let notice: Vec<(Priority, Row)> = notice
        .iter()
        .flat_map(|n| wrap(n, usize::from(width.saturating_sub(1)).max(1)))
        .map(|line| (9, Row::new(line, Style::Alert)))
        .collect();
    let Some(index) = session.segment() else {
        let mut rows = vec![(9, Row::new(wording::COMPLETE, Style::Strong))];
        rows.extend(notice);
        return fit(rows, width, height);
    };
    let s = &plan.segments[index];
    let pos = session.position();
    let span = HoldSpan::of(plan, s.hold);
    // A ball release's phase may move the body: its figure, where it has
    // one, else the position the phases before it left.
    let figure = match s.phase {
        Some(phase) => s.exercise.figure_for_phase(phase),
        None => s.exercise.figure.as_ref(),
    };
    let scene = pictures.scene(figure, s.side.unwrap_or(Side::Left));
    let scene = scene.as_deref().filter(|_| overlay != Overlay::Help);
    let in_prep = s.kind == SegmentKind::Prep;
    let layout = Layout::of(width, height, s.side, scene, in_prep);
    let main = layout.main;
    let under = matches!(layout.figure, Some(Place::Under(_)));
    let text_width = main.width.saturating_sub(1).max(1);
    // A row that changes, kept to the columns the figure leaves; the figure
    // stands beside it unless it stands under the words.
    let beside = |priority: Priority, text: String, style: Style| {
        let text = format!("{}{}", " ".repeat(main.x), cut(&text, main.width));
        let mut row = Row::new(text.trim_end(), style);
        row.by_figure = !under;
        (priority, row)
    };

    let info = wording::where_in_routine(
        &step_label(plan, s),
        ceil_secs(session.remaining()),
        s.round,
    );
    let mut top = vec![
        (3, Row::new(plan.routine_name.clone(), Style::Title)),
        (6, Row::new(info, Style::Plain)),
        (8, Row::new(s.exercise.name.clone(), Style::Strong)),
    ];
    match s.side {
        Some(side) => top.push((9, side_banner(side, width))),
        None => top.push((2, Row::new("", Style::Plain))),
    }
    top.push((1, Row::new("", Style::Plain)));
    if overlay == Overlay::Help {
        top.truncate(1);
        top.extend(
            keys::HELP
                .iter()
                .map(|(key, what)| (7, Row::new(format!("{key:<8}{what}"), Style::Plain))),
        );
        top.push((9, Row::new(wording::HELP_PAUSED, Style::Plain)));
        top.push((9, Row::new(wording::HELP_BACK, Style::Plain)));
        return fit(top, width, height);
    }

    let moving = keeps_moving(s);
    let hold_left = ceil_secs(span.hold_end.saturating_sub(pos.max(span.hold_start)));
    let prep_left = ceil_secs(span.hold_start.saturating_sub(pos));
    let status = if session.is_paused() {
        Row::new(wording::PAUSED, Style::Alert)
    } else if session.is_waiting() {
        // The count-in waits for the voice to finish the get-ready's words.
        Row::new(wording::listen_then_count(s), Style::Strong)
    } else if in_prep {
        if prep_left <= COUNT_FROM {
            Row::new(wording::counting_in(s, prep_left), Style::Count)
        } else if s.is_side_switch() {
            Row::new(wording::switching_sides(prep_left), Style::Count)
        } else {
            Row::new(wording::getting_ready(s, prep_left), Style::Strong)
        }
    } else {
        let total = span.hold_end.saturating_sub(span.hold_start).as_secs();
        Row::new(wording::holding(s, hold_left, total), Style::Strong)
    };
    top.push((10, status));
    if layout.digits > 0 {
        let seconds = if in_prep { prep_left } else { hold_left };
        let style = if in_prep { Style::Count } else { Style::Strong };
        let digits = big_text::number(seconds, layout.digits);
        let room = main
            .width
            .saturating_sub(big_text::number_width(seconds, layout.digits) + 2);
        // Toward the side being worked: the number's place says the side
        // even without colour.
        let indent = match s.side {
            Some(Side::Left) => 2,
            Some(Side::Right) => room,
            None => room / 2 + 1,
        };
        top.push(beside(1, String::new(), Style::Plain));
        top.extend(
            digits
                .into_iter()
                .map(|row| beside(6, format!("{}{row}", " ".repeat(indent)), style)),
        );
    }
    let shown = on_step(pos);
    let held = shown.saturating_sub(span.hold_start).as_secs_f64();
    let fraction = held
        / span
            .hold_end
            .saturating_sub(span.hold_start)
            .as_secs_f64()
            .max(1.0);
    let bar_width = u16::try_from(main.width.saturating_sub(2).max(1)).unwrap_or(u16::MAX);
    top.push(beside(
        7,
        format!(" {}", hold_bar(fraction, bar_width)),
        Style::Bar,
    ));

    let breathing = s.breathing;
    let breath_rows = layout.breath_rows();
    let blanks = |top: &mut Vec<(Priority, Row)>, from: usize| {
        top.extend((from..breath_rows).map(|_| beside(1, String::new(), Style::Plain)));
    };
    if s.exercise.kind == Kind::Transfer {
        // Getting down or up has no breathing pace to follow.
        top.push(beside(8, TRANSFER_PACE.into(), Style::Plain));
        blanks(&mut top, 1);
    } else if in_prep && !moving {
        let pace = wording::breathing_pace(breathing.inhale, breathing.exhale);
        top.push(beside(8, pace, Style::Plain));
        blanks(&mut top, 1);
    } else if moving {
        top.push(beside(8, wording::MOVING_PACE.into(), Style::Plain));
        blanks(&mut top, 1);
    } else {
        let into_hold =
            Duration::from_secs(s.into_hold.into()) + shown.saturating_sub(secs(s.start));
        let breath = breath_at(breathing, into_hold);
        let word = breath_words(breath.direction).to_uppercase();
        // The breath fills the whole line, so it can be followed at a glance.
        let fullness = |cells: usize| {
            let full = (breath.fullness * cells as f64).round() as usize;
            format!("{}{}", "█".repeat(full), "░".repeat(cells - full))
        };
        let big = (layout.breath > 0)
            .then(|| big_text::render(&word, layout.breath, BREATH_GAP))
            .flatten();
        if let Some(big) = big {
            // Set apart from the bar above and the breath's fullness
            // below, so that the letters read as letters.
            top.push(beside(1, String::new(), Style::Plain));
            top.extend(
                big.into_iter()
                    .map(|line| beside(8, format!(" {line}"), Style::Breath)),
            );
            top.push(beside(1, String::new(), Style::Plain));
            top.push(beside(
                8,
                format!(" {}", fullness(main.width.saturating_sub(2))),
                Style::Breath,
            ));
        } else {
            let label = format!("{word:<12}");
            let visual = fullness(main.width.saturating_sub(label.width() + 1));
            top.push(beside(8, format!("{label}{visual}"), Style::Breath));
            top.extend(
                (1..breath_rows)
                    .map(|_| beside(1, format!("{}{visual}", " ".repeat(12)), Style::Breath)),
            );
        }
    }
    top.push(beside(1, String::new(), Style::Plain));

    let next = wording::next_line(plan, index, plan.first_segment_of_hold(s.hold + 1));
    // The first of the keys' hints that fits, leaving the last column free.
    let fits = |hint: &&&str| hint.width() < usize::from(width);
    let ready = in_prep && prep_left > COUNT_FROM;
    let hints = match overlay {
        Overlay::ConfirmQuit => Row::new(wording::CONFIRM_QUIT, Style::Alert),
        _ if session.is_paused() => Row::new(wording::PAUSED_HINTS, Style::Dim),
        _ => {
            // A brief get-ready offers its full words first; while getting
            // ready, the key that ends the wait comes next.
            let full = in_prep && session.can_tell_in_full();
            let hint = (wording::FULL_WORDS_HINTS.iter().filter(|_| full))
                .chain(wording::READY_HINTS.iter().filter(|_| ready))
                .chain(wording::HINTS)
                .find(fits)
                .or(wording::HINTS.last());
            Row::new(hint.copied().unwrap_or_default(), Style::Dim)
        }
    };
    let mut bottom = vec![(4, Row::new(next, Style::Plain))];
    bottom.extend(notice);
    bottom.push((10, hints));

    // The words take the rows that every other row but the blank ones leaves,
    // a page at a time if they need more, paged from the moment they are said.
    let room = usize::from(height).saturating_sub(
        top.iter()
            .chain(&bottom)
            .filter(|(priority, _)| *priority >= KEEPS_PLACE)
            .count(),
    );
    // On a tiny terminal two rows of words still outrank the title and what
    // comes next.
    let (room, priority) = if room >= 2 {
        (room, KEEPS_PLACE + 1)
    } else {
        (2, 5)
    };
    // Over a figure under them, the words keep rows of their own, so that
    // the figure stays where it is whatever they say.
    let room = if under {
        room.min(WORDS_ROWS_UNDER)
    } else {
        room
    };
    let lines = if in_prep {
        let words = get_ready_words_shown(session, s);
        let elapsed = pos.saturating_sub(span.ready_start);
        page(&words, text_width, room, elapsed, plan.pace)
    } else {
        hold_words_shown(session, text_width, room)
    };
    let mut middle: Vec<(Priority, Row)> = lines
        .into_iter()
        .map(|line| beside(priority, format!(" {line}"), Style::Plain))
        .collect();
    if under {
        let short = room.saturating_sub(middle.len());
        middle.extend((0..short).map(|_| beside(priority, String::new(), Style::Plain)));
    }

    // Blank rows fill what is left, the figure's room; on a short terminal
    // the rows that matter least give way (see `fit`).
    let mut rows = top;
    rows.extend(middle);
    let room = usize::from(height).saturating_sub(rows.len() + bottom.len());
    rows.extend((0..room).map(|_| {
        let (priority, mut row) = beside(0, String::new(), Style::Plain);
        row.by_figure = true;
        (priority, row)
    }));
    rows.extend(bottom);
    let mut rows = fit(rows, width, height);
    if let Some(place) = layout.figure {
        stand_figure(&mut rows, pictures, place.column());
    }
    rows
}

/// Draws the figure last laid out in `pictures` in `column`, down the rows
/// it may stand by, centred in the room they make.
fn stand_figure(rows: &mut [Row], pictures: &Pictures, column: Column) {
    let Some(first) = rows.iter().position(|r| r.by_figure) else {
        return;
    };
    let last = rows.iter().rposition(|r| r.by_figure).unwrap_or(first);
    let room = last + 1 - first;
    let lines = pictures.lines(column.width, room);
    let top = first + (room - lines.len().min(room)) / 2;
    for (row, line) in rows[top..].iter_mut().zip(lines.iter()) {
        let left = column.x + (column.width.saturating_sub(line.width())) / 2;
        row.aside = Some(Aside {
            column: left,
            text: line.clone(),
        });
    }
}

/// [`frame_noting`] with nothing to note and figures shown.
#[cfg(test)]
pub(crate) fn frame(session: &Session<'_>, overlay: Overlay, width: u16, height: u16) -> Vec<Row> {
    frame_noting(session, overlay, &[], &Pictures::new(true), width, height)
}

/// The question before a routine that asks for a warm-up; `guided` is the
/// choice of the guided warm-up, when there is one.
pub(crate) fn warm_up_question(
    routine: &str,
    reason: &str,
    guided: Option<&str>,
    width: u16,
    height: u16,
) -> Vec<Row> {
    let mut rows = vec![
        (5, Row::new(routine, Style::Title)),
        (1, Row::new("", Style::Plain)),
        (9, Row::new(wording::WARM_UP_HEADING, Style::Strong)),
    ];
    for line in wrap(reason, usize::from(width.saturating_sub(1)).max(1)) {
        rows.push((6, Row::new(format!(" {line}"), Style::Plain)));
    }
    rows.push((2, Row::new("", Style::Plain)));
    if let Some(guided) = guided {
        rows.push((9, Row::new(guided, Style::Plain)));
    }
    rows.push((9, Row::new(wording::ALREADY_WARM_CHOICE, Style::Plain)));
    rows.push((9, Row::new(wording::QUIT_CHOICE, Style::Plain)));
    fit(rows, width, height)
}

/// When a hold's get-ready starts, and when the hold itself starts and
/// ends, as the plan has it.
struct HoldSpan {
    ready_start: Duration,
    hold_start: Duration,
    hold_end: Duration,
}

impl HoldSpan {
    fn of(plan: &Plan<'_>, hold: usize) -> HoldSpan {
        let planned = plan.hold(hold);
        HoldSpan {
            ready_start: secs(planned.as_ref().map_or(0, |h| h.start)),
            hold_start: secs(planned.as_ref().map_or(0, PlannedHold::hold_start)),
            hold_end: secs(planned.as_ref().map_or(0, PlannedHold::end)),
        }
    }
}

/// The lowest priority of the rows that keep their place above and below
/// the words: the words take what these leave, and only blank rows give way.
const KEEPS_PLACE: Priority = 2;

/// What a get-ready shows: what its timeline says besides the step, in the
/// order said (what is left out and needed, the set-up lines and cautions,
/// the stop rule). A get-ready that says nothing more shows the set-up lines
/// again to glance at, or, before a second side, how to switch.
fn get_ready_words_shown(session: &Session<'_>, segment: &Segment<'_>) -> Vec<String> {
    let plan = session.plan();
    let said: Vec<String> = session
        .get_ready_events()
        .filter_map(|event| line(plan, event))
        .collect();
    if !said.is_empty() {
        said
    } else if segment.is_side_switch() {
        vec![switch_hint(segment.exercise).into()]
    } else {
        segment.exercise.setup.clone()
    }
}

/// What a hold shows, in `room` rows of `width` columns: the phase of a
/// sequence, which stays for its whole phase, and below it, on rows of its
/// own, the latest cue, so that neither hides the other. When both do not
/// fit, the cue has the rows while it is being said (a page at a time if it
/// needs more), and the phase the rest of its time, its pages coming round
/// again so that every line of it keeps coming back.
fn hold_words_shown(session: &Session<'_>, width: usize, room: usize) -> Vec<String> {
    let plan = session.plan();
    let pos = session.position();
    let text = |cue: Option<crate::engine::Cue>| {
        cue.and_then(|c| instruction(plan, &c.event).map(|words| (c.at, words)))
    };
    let (phase, cue) = (text(session.phase()), text(session.cue()));
    let both: Vec<String> = phase
        .iter()
        .chain(&cue)
        .map(|(_, words)| words.clone())
        .collect();
    let lines: Vec<String> = both.iter().flat_map(|w| wrap(w, width)).collect();
    if lines.len() <= room {
        return lines;
    }
    if let Some((at, words)) = &cue {
        // Its time to say, and a second more for each page it needs.
        let pages = wrap(words, width)
            .len()
            .div_ceil(room.saturating_sub(1).max(1));
        let said = plan.pace.time_to_say(word_count(words)) + STEP * pages as u32;
        let being_said = pos < *at + said;
        if being_said || phase.is_none() {
            let elapsed = pos.saturating_sub(*at);
            return page(std::slice::from_ref(words), width, room, elapsed, plan.pace);
        }
    }
    match phase {
        Some((at, words)) => page_round(&[words], width, room, pos.saturating_sub(at), plan.pace),
        None => Vec::new(),
    }
}

/// The side band: the left side's words and arrows at the left edge, the
/// right side's at the right edge, so the side shows by shape as well as by
/// colour.
fn side_banner(side: Side, width: u16) -> Row {
    match side {
        Side::Left => Row::new(wording::LEFT_BAND, Style::Left),
        Side::Right => {
            let text = wording::RIGHT_BAND;
            let pad = usize::from(width).saturating_sub(text.width());
            Row::new(format!("{}{text}", " ".repeat(pad)), Style::Right)
        }
    }
}

fn secs(seconds: u32) -> Duration {
    Duration::from_secs(seconds.into())
}

/// Whole seconds, rounded up: a count shows 1 until the moment it ends.
fn ceil_secs(d: Duration) -> u32 {
    d.as_millis().div_ceil(1000) as u32
}

#[cfg(test)]
mod tests;
