//! Tests of `psoas completions`: the scripts and the answers psoas gives
//! them. (`psoas man` is a snapshot in `help.rs`.)

use crate::{Env, stdout_of};

#[test]
fn completions_for_every_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&mut env.psoas(&["completions", shell]));
        // The script asks psoas itself for the completions.
        assert!(script.contains("COMPLETE"), "{shell}:\n{script}");
        assert!(script.contains(shell), "{shell}:\n{script}");
    }
    env.psoas(&["completions", "tcsh"]).assert().code(2);
}

/// What psoas answers `SHELL` completing the last of `words`.
fn complete(env: &Env, shell: &str, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "psoas"];
    args.extend_from_slice(words);
    let index = words.len().to_string();
    let output = stdout_of(
        env.psoas(&args)
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", index)
            .env("_CLAP_IFS", "\n"),
    );
    output.lines().map(str::to_string).collect()
}

#[test]
fn completion_offers_ids_and_values_in_bash_zsh_and_fish() {
    let env = Env::new();
    env.write(
        "config/psoas/routines/standing-only.toml",
        "name = \"Standing only\"\n[[step]]\nexercise = \"standing-pelvic-tilt\"\n",
    );
    let fish = complete(&env, "fish", &["show", "standing-p"]);
    assert_eq!(
        fish,
        [
            "standing-psoas-stretch\tStanding psoas stretch",
            "standing-pelvic-tilt\tStanding pelvic tilts"
        ]
    );
    let zsh = complete(&env, "zsh", &["run", "standing-"]);
    assert_eq!(
        zsh,
        ["standing-only:Standing only"],
        "your own routines too"
    );
    let bash = complete(&env, "bash", &["print", "desk"]);
    assert_eq!(bash, ["desk-break"]);
    let values = complete(&env, "fish", &["plan", "--position", "s"]);
    assert_eq!(values, ["standing", "seated"]);
    let values = complete(&env, "bash", &["list", "--equipment", "foam"]);
    assert_eq!(values, ["foam-roller"]);
}
