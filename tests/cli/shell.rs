//! Tests of `psoas completions` and `psoas man`.

use crate::{Env, stdout_of};

#[test]
fn completions_for_every_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&mut env.psoas(&["completions", shell]));
        assert!(script.contains("psoas"), "{shell}");
        assert!(script.contains("condition"), "{shell}");
    }
    env.psoas(&["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_is_roff_with_every_command() {
    let env = Env::new();
    let page = stdout_of(&mut env.psoas(&["man"]));
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80]);
    assert!(page.contains(".TH psoas 1"), "{page}");
    for command in ["list", "plan", "config", "completions"] {
        assert!(page.contains(command), "{command}");
    }
}
