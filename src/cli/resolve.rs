//! Turns each command's parsed arguments into its plain settings, so that
//! nothing past the command line sees a clap type. Pairs of flags that
//! override each other (`--voice` and `--no-voice`) become one choice here.

use super::{
    CheckArgs, ConfigCommand, HistoryArgs, ListArgs, PlanArgs, PrintArgs, RemindCommand,
    RoutinesArgs, RunArgs, ScheduleArgs, ShowArgs,
};
use crate::commands::check::CheckOptions;
use crate::commands::config::ConfigTask;
use crate::commands::history::HistoryOptions;
use crate::commands::list::ListOptions;
use crate::commands::plan::PlanOptions;
use crate::commands::print::PrintOptions;
use crate::commands::remind::{RemindTask, ScheduleOptions};
use crate::commands::routines::RoutinesOptions;
use crate::commands::run::RunOptions;
use crate::commands::show::ShowOptions;
use crate::runner::WarmUpChoice;

impl From<ListArgs> for ListOptions {
    fn from(args: ListArgs) -> ListOptions {
        ListOptions {
            position: args.position,
            kind: args.kind,
            equipment: args.equipment,
            conditions: args.conditions.conditions,
            format: args.format,
        }
    }
}

impl From<ShowArgs> for ShowOptions {
    fn from(args: ShowArgs) -> ShowOptions {
        ShowOptions {
            id: args.id,
            format: args.format,
            side: args.side,
            pictures: !args.no_pictures,
        }
    }
}

impl From<RoutinesArgs> for RoutinesOptions {
    fn from(args: RoutinesArgs) -> RoutinesOptions {
        RoutinesOptions {
            format: args.format,
        }
    }
}

impl From<PrintArgs> for PrintOptions {
    fn from(args: PrintArgs) -> PrintOptions {
        PrintOptions {
            routine: args.routine,
            format: args.format,
            level: args.level.level,
            conditions: args.conditions.conditions,
        }
    }
}

impl From<CheckArgs> for CheckOptions {
    fn from(args: CheckArgs) -> CheckOptions {
        CheckOptions { paths: args.paths }
    }
}

impl From<RunArgs> for RunOptions {
    fn from(args: RunArgs) -> RunOptions {
        let warm_up = if args.warm_up {
            WarmUpChoice::Guided
        } else if args.no_warm_up {
            WarmUpChoice::Skip
        } else {
            WarmUpChoice::Ask
        };
        let voice = if args.voice {
            Some(true)
        } else if args.no_voice {
            Some(false)
        } else {
            None
        };
        RunOptions {
            routine: args.routine,
            minutes: args.minutes,
            plain: args.plain,
            color: args.color,
            speed: args.speed,
            warm_up,
            brisk_warm_up: args.brisk_warm_up,
            bell: !args.no_bell,
            pictures: !args.no_pictures,
            voice,
            voice_pace: args.voice_pace,
            tension_before: args.tension_before,
            tension_after: args.tension_after,
            pull: (args.pull_left, args.pull_right),
            check_in: !args.no_check_in,
            note: args.note,
            record: !args.no_record,
            conditions: args.conditions.conditions,
            level: args.level.level,
            guidance: args.guidance,
        }
    }
}

impl From<HistoryArgs> for HistoryOptions {
    fn from(args: HistoryArgs) -> HistoryOptions {
        HistoryOptions {
            since: args.since,
            limit: args.limit,
            goal: args.goal,
            format: args.format,
        }
    }
}

impl From<PlanArgs> for PlanOptions {
    fn from(args: PlanArgs) -> PlanOptions {
        PlanOptions {
            minutes: args.minutes,
            positions: args.positions,
            equipment: args.equipment,
            conditions: args.conditions.conditions,
            seed: args.seed,
            with: args.with,
            format: args.format,
            save: args.save,
            force: args.force,
            level: args.level.level,
        }
    }
}

impl From<ConfigCommand> for ConfigTask {
    fn from(command: ConfigCommand) -> ConfigTask {
        match command {
            ConfigCommand::Path => ConfigTask::Path,
            ConfigCommand::Show => ConfigTask::Show,
            ConfigCommand::Init => ConfigTask::Init,
        }
    }
}

impl From<ScheduleArgs> for ScheduleOptions {
    fn from(args: ScheduleArgs) -> ScheduleOptions {
        ScheduleOptions {
            every: args.every,
            from: args.from,
            to: args.to,
            days: args.days,
        }
    }
}

impl From<RemindCommand> for RemindTask {
    fn from(command: RemindCommand) -> RemindTask {
        match command {
            RemindCommand::Install(args) => RemindTask::Install {
                schedule: args.schedule.into(),
                scheduler: args.scheduler.scheduler,
                dry_run: args.dry_run,
            },
            RemindCommand::Uninstall(args) => RemindTask::Uninstall {
                scheduler: args.scheduler,
            },
            RemindCommand::Status(args) => RemindTask::Status {
                scheduler: args.scheduler,
            },
            RemindCommand::Now(args) => RemindTask::Now {
                schedule: args.into(),
            },
            RemindCommand::Snooze(args) => RemindTask::Snooze {
                minutes: args.duration.minutes(),
            },
            RemindCommand::Pause(args) => RemindTask::Pause { until: args.until },
        }
    }
}
