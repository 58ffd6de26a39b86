//! `psoas run`: the routine in real time. This first version prints one
//! line per segment as it starts and waits out its length.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::app::Context;
use crate::cli::RunArgs;
use crate::engine::{Plan, SegmentKind};
use crate::format::clock;

pub fn execute(context: &Context, args: RunArgs, out: &mut impl Write) -> Result<ExitCode> {
    let (library, id) = context.library_and_routine(args.routine.as_deref())?;
    let routine = library
        .routine(&id)
        .expect("library_and_routine checked the id");
    let plan = Plan::build(
        routine,
        &library,
        &context.plan_settings(&args.conditions.conditions),
    )?;
    let start = Instant::now();
    writeln!(
        out,
        "[00:00] {}: {} planned",
        plan.routine_name,
        clock(plan.total())
    )?;
    for segment in &plan.segments {
        let due = Duration::from_secs_f64(f64::from(segment.start) / args.speed);
        std::thread::sleep(due.saturating_sub(start.elapsed()));
        let side = segment
            .side
            .map(|s| format!(" ({s} side)"))
            .unwrap_or_default();
        let what = match segment.kind {
            SegmentKind::Prep => "get into position",
            SegmentKind::Hold => "hold",
        };
        writeln!(
            out,
            "[{}] {}{side}: {what} {} s",
            clock(segment.start),
            segment.exercise.name,
            segment.duration
        )?;
        out.flush()?;
    }
    std::thread::sleep(
        Duration::from_secs_f64(f64::from(plan.total()) / args.speed)
            .saturating_sub(start.elapsed()),
    );
    writeln!(out, "[{}] Done.", clock(plan.total()))?;
    Ok(ExitCode::SUCCESS)
}
