//! What psoas says of itself, as snapshots: `psoas --help`, the `--help` of
//! every command and subcommand (found by following each page's list of
//! commands, so a new one is covered as it comes), and `psoas man`.

use crate::{Env, stdout_of};

/// `psoas ARGS --help`, wrapped at 100 columns whatever the terminal.
fn help(env: &Env, path: &[String]) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    stdout_of(env.psoas(&args).env("COLUMNS", "100"))
}

/// The commands a help page lists under `Commands:`, but `help` itself.
fn commands_in(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Each page is the snapshot `help` (the top level) or `help_COMMAND` and
/// `help_COMMAND_SUBCOMMAND`.
#[test]
fn every_help_page() {
    let env = Env::new();
    let _snapshots = crate::snapshots();
    let mut pending = vec![Vec::<String>::new()];
    let mut shown = Vec::new();
    while let Some(path) = pending.pop() {
        let page = help(&env, &path);
        for command in commands_in(&page).into_iter().rev() {
            pending.push([path.clone(), vec![command]].concat());
        }
        let name = ["help".to_string()]
            .into_iter()
            .chain(path.iter().cloned())
            .collect::<Vec<_>>()
            .join("_");
        insta::assert_snapshot!(name.as_str(), page);
        shown.push(path.join(" "));
    }
    // The pages were followed down to the subcommands.
    for command in ["", "run", "config show", "remind install", "remind snooze"] {
        assert!(shown.iter().any(|s| s == command), "{command}: {shown:?}");
    }
}

#[test]
fn the_man_page() {
    let env = Env::new();
    let _snapshots = crate::snapshots();
    insta::assert_snapshot!(stdout_of(&mut env.psoas(&["man"])));
}
