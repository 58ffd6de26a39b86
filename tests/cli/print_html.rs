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

use crate::{Env, missing, stdout_of};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The DOM Chromium builds from the page at `path`, or `None` when there is
/// no browser to ask (and not on CI).
fn dom_of(env: &Env, path: &Path) -> Option<String> {
    if !browser_here() {
        return None;
    }
    let dom = env.root().join("dom.html");
    chromium(env, "dom", &["--dump-dom".into()], path, &dom, true);
    Some(std::fs::read_to_string(dom).unwrap())
}

/// Whether there is a browser to open the page in; where there is not, the
/// test fails under CI and is skipped elsewhere ([`missing`]).
fn browser_here() -> bool {
    let here = Path::new(CHROMIUM).exists();
    if !here {
        missing(CHROMIUM, "not installed");
    }
    here
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

/// A sheet of paper: its name in CSS, its size in PDF points, and the room
/// inside the page's 15 mm margins in CSS pixels (96 to the inch).
struct Paper {
    css: &'static str,
    points: (u32, u32),
    room: (f64, f64),
}

const MM: f64 = 96.0 / 25.4;
const A4: Paper = Paper {
    css: "A4",
    points: (595, 842),
    room: ((210.0 - 30.0) * MM, (297.0 - 30.0) * MM),
};
const LETTER: Paper = Paper {
    css: "letter",
    points: (612, 792),
    room: ((215.9 - 30.0) * MM, (279.4 - 30.0) * MM),
};

/// Runs Chromium headless on `args` and `url`, its stdout to `out` when
/// `to_stdout` (else it writes `out` itself, as a PDF).
fn chromium(env: &Env, name: &str, args: &[String], url: &Path, out: &Path, to_stdout: bool) {
    let profile = env.root().join(format!("chromium-{name}"));
    let stdout = if to_stdout {
        Stdio::from(std::fs::File::create(out).unwrap())
    } else {
        Stdio::null()
    };
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
        .args(args)
        .arg(format!("file://{}", url.display()))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let Some(status) = child.wait_timeout(Duration::from_secs(120)).unwrap() else {
        child.kill().unwrap();
        child.wait().unwrap();
        panic!("chromium did not finish within two minutes");
    };
    assert!(status.success(), "chromium failed: {status:?}");
}

/// What the page's layout paints for each step, measured by the browser
/// laid out as wide as the room on `paper`: the step's height, and the
/// width, height, left and right of each of its figures, in CSS pixels.
/// The script that measures is added to a copy of the page; the page
/// itself runs none.
fn painted_boxes(env: &Env, page: &str, name: &str, paper: &Paper) -> Vec<(f64, Vec<[f64; 4]>)> {
    const MEASURE: &str = "<script>\
        for (const step of document.querySelectorAll('section.step')) {\
          const s = step.getBoundingClientRect();\
          const boxes = [...step.querySelectorAll('figure svg')].map(svg => {\
            const r = svg.getBoundingClientRect();\
            return [r.width, r.height, r.left, r.right].map(n => n.toFixed(1)).join(',');\
          });\
          step.setAttribute('data-painted', s.height.toFixed(1) + ';' + boxes.join(';'));\
        }\
        </script>";
    // No margin of its own, as on paper, where the page's margins are the
    // printer's: the body's box is the room inside them.
    let measured = page.replace(
        "</body>",
        &format!("<style>body {{ margin: 0 auto; }}</style>{MEASURE}</body>"),
    );
    let path = env.write(&format!("work/{name}-measure.html"), &measured);
    let dom = env.root().join(format!("{name}-dom.html"));
    let size = format!(
        "--window-size={},{}",
        paper.room.0.floor(),
        paper.room.1.floor()
    );
    chromium(
        env,
        &format!("{name}-dom"),
        &["--dump-dom".into(), size],
        &path,
        &dom,
        true,
    );
    let dom = std::fs::read_to_string(dom).unwrap();
    dom.split("data-painted=\"")
        .skip(1)
        .map(|rest| {
            let value = &rest[..rest.find('"').unwrap()];
            let mut parts = value.split(';');
            let height: f64 = parts.next().unwrap().parse().unwrap();
            let figures = parts
                .map(|b| {
                    let n: Vec<f64> = b.split(',').map(|n| n.parse().unwrap()).collect();
                    [n[0], n[1], n[2], n[3]]
                })
                .collect();
            (height, figures)
        })
        .collect()
}

/// The pages of a PDF Chromium wrote, each with its size in points.
fn pdf_pages(pdf: &[u8]) -> Vec<(u32, u32)> {
    let text = String::from_utf8_lossy(pdf);
    // `/Type /Page` ends a page's own entry; `/Type /Pages` is their list.
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    let size = text
        .split("/MediaBox [0 0 ")
        .nth(1)
        .map(|rest| {
            let n: Vec<u32> = rest[..rest.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse::<f64>().unwrap().round() as u32)
                .collect();
            (n[0], n[1])
        })
        .expect("a page size");
    vec![size; pages]
}

#[test]
fn the_printed_page_fits_a4_and_letter_with_every_figure_painted() {
    if !browser_here() {
        return;
    }
    let env = Env::new();
    // The daily routine, and one whose side plank has a figure per phase.
    let mut runs = Vec::new();
    for (routine, steps) in [("daily", 10), ("core", 9)] {
        let page = stdout_of(&mut env.psoas(&["print", routine, "--format", "html"]));
        let figures = page.matches("<svg ").count();
        assert!(figures > steps, "{routine}: {figures} figures");
        for paper in [A4, LETTER] {
            runs.push((routine, steps, figures, page.clone(), paper));
        }
    }
    // Each paper is printed and measured by a browser of its own, side by
    // side, so the test takes the time of one.
    std::thread::scope(|scope| {
        let env = &env;
        let handles: Vec<_> = runs
            .iter()
            .map(|(routine, steps, figures, page, paper)| {
                scope.spawn(move || {
                    let name = format!("{routine}-{}", paper.css);
                    // The paper is what a person picks when printing.
                    let sized = page.replacen(
                        "<style>\n",
                        &format!("<style>\n@page {{ size: {}; }}\n", paper.css),
                        1,
                    );
                    let path = env.write(&format!("work/{name}.html"), &sized);
                    let pdf = env.root().join(format!("{name}.pdf"));
                    chromium(
                        env,
                        &name,
                        &[
                            "--no-pdf-header-footer".into(),
                            format!("--print-to-pdf={}", pdf.display()),
                        ],
                        &path,
                        &pdf,
                        false,
                    );
                    let pages = pdf_pages(&std::fs::read(&pdf).unwrap());
                    assert!(!pages.is_empty(), "{name}: no pages");
                    assert!(
                        pages.iter().all(|&size| size == paper.points),
                        "{name}: {pages:?}"
                    );
                    // Steps are kept whole, and with the figures beside the
                    // words pages are shared: fewer pages than steps.
                    assert!(
                        pages.len() >= 2 && pages.len() < *steps,
                        "{name}: {} pages",
                        pages.len()
                    );

                    let painted = painted_boxes(env, page, &name, paper);
                    assert_eq!(painted.len(), *steps, "{name}");
                    let drawn: usize = painted.iter().map(|(_, f)| f.len()).sum();
                    assert_eq!(drawn, *figures, "{name}: every figure is painted");
                    for (i, (height, figures)) in painted.iter().enumerate() {
                        // A step fits on one page, so none is split and
                        // no figure is cut across two.
                        assert!(*height <= paper.room.1, "{name} step {}: {height}", i + 1);
                        for &[width, tall, left, right] in figures {
                            assert!(width > 20.0 && tall > 20.0, "{name} step {}", i + 1);
                            assert!(
                                left >= 0.0 && right <= paper.room.0 + 0.5,
                                "{name} step {}: {left}..{right} on {}",
                                i + 1,
                                paper.room.0
                            );
                        }
                    }
                    pages.len()
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
    });
}
