//! `print --format html` in a real browser: the page headless Chromium
//! builds from it holds every step, each with its figure (two for a step
//! done on each side), and the page asks for nothing from the network and
//! runs no script. The browser is `/usr/bin/chromium`, which `.ci/run`
//! installs: on CI a missing browser fails the test; elsewhere the test is
//! skipped with a note.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::{Env, stdout_of};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The DOM Chromium builds from the page at `path`, or `None` when there is
/// no browser to ask (and not on CI).
fn dom_of(env: &Env, path: &Path) -> Option<String> {
    if !Path::new(CHROMIUM).exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{CHROMIUM} is missing; .ci/run installs it"
        );
        eprintln!("note: {CHROMIUM} is missing, so the page is not opened in a browser");
        return None;
    }
    let profile = env.root().join("chromium-profile");
    let dom = env.root().join("dom.html");
    let mut child = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", path.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&dom).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let status = match child.wait_timeout(Duration::from_secs(120)).unwrap() {
        Some(status) => status,
        None => {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("chromium did not finish within two minutes");
        }
    };
    assert!(status.success(), "chromium failed: {status:?}");
    Some(std::fs::read_to_string(dom).unwrap())
}

#[test]
fn every_step_of_the_printed_page_shows_its_figure_in_a_browser() {
    let env = Env::new();
    let page = stdout_of(&mut env.psoas(&["print", "daily", "--format", "html"]));
    // Self-contained: no script, nothing fetched, styles inline.
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link"));
    assert!(!page.contains("<img"));
    let addresses = page.matches("http").count();
    let namespaces = page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(
        addresses, namespaces,
        "only the SVG namespace names an address"
    );

    let path = env.write("work/daily.html", &page);
    let Some(dom) = dom_of(&env, &path) else {
        return;
    };
    let steps: Vec<&str> = dom.split("<section class=\"step\"").skip(1).collect();
    let expected = [
        ("standing-pelvic-tilt", 1),
        ("standing-psoas-stretch", 2),
        ("getting-down-to-the-floor", 1),
        ("kneeling-psoas-stretch", 2),
        ("kneeling-reach-side-bend", 2),
        ("all-fours-leg-reach", 2),
        ("lying-psoas-stretch", 2),
        ("knee-to-chest", 2),
        ("glute-bridge", 1),
        ("side-lying-breathing", 1),
    ];
    assert_eq!(steps.len(), expected.len(), "{dom}");
    for (step, (id, figures)) in steps.iter().zip(expected) {
        assert!(
            step.starts_with(&format!(" data-exercise=\"{id}\"")),
            "{step}"
        );
        // The browser read each figure as an SVG picture with lines in it.
        assert_eq!(step.matches("<svg ").count(), figures, "{id}");
        assert_eq!(step.matches("</svg>").count(), figures, "{id}");
        assert!(step.matches("<line ").count() >= 10 * figures, "{id}");
        if figures == 2 {
            assert!(step.contains("<figcaption>Left side</figcaption>"), "{id}");
            assert!(step.contains("<figcaption>Right side</figcaption>"), "{id}");
        }
    }
}
