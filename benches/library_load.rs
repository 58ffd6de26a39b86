//! Loading and validating a generated library: 10,000 exercises and 1,000
//! routines, then twice that, to show the cost grows linearly.
//!
//! Run with `cargo bench --bench library_load`. The files are made in memory
//! (500 exercises a file, well under the 1 MiB limit), so the numbers measure
//! parsing and validation, not the disk.

use std::hint::black_box;
use std::time::{Duration, Instant};

use psoas_coach::library::{LibraryFile, load_files};

fn exercise(i: usize) -> String {
    format!(
        r#"[[exercise]]
id = "exercise-{i}"
name = "Generated exercise {i}"
kind = "stretch"
position = "{position}"
each_side = {each_side}
hold = {hold}
equipment = ["cushion"]
setup = ["Kneel on a folded towel with one foot forward.", "Sit tall over the back knee."]
cues = ["Tuck the tailbone under.", "Breathe slowly into the belly."]
cautions = ["Stop on sharp, shooting or radiating pain, numbness or tingling."]
avoid_if = ["knee-pain"]

"#,
        position = ["kneeling", "lying", "standing", "prone"][i % 4],
        each_side = i.is_multiple_of(2),
        hold = 30 + i % 60,
    )
}

fn routine(i: usize, exercises: usize) -> String {
    let mut text = format!(
        "name = \"Generated routine {i}\"\nsummary = \"A routine made for the benchmark.\"\nprep = 5\n"
    );
    for s in 0..5 {
        let e = (i * 7 + s * 13) % exercises;
        text.push_str(&format!(
            "\n[[step]]\nexercise = \"exercise-{e}\"\nrepeat = {}\n",
            1 + s % 2
        ));
    }
    text
}

fn library(exercises: usize, routines: usize) -> Vec<LibraryFile> {
    let mut files = Vec::new();
    for chunk in 0..exercises.div_ceil(500) {
        let text: String = (chunk * 500..((chunk + 1) * 500).min(exercises))
            .map(exercise)
            .collect();
        files.push(LibraryFile::given(
            format!("lib/exercises/part-{chunk}.toml"),
            text,
        ));
    }
    for i in 0..routines {
        files.push(LibraryFile::given(
            format!("lib/routine-{i}.toml"),
            routine(i, exercises),
        ));
    }
    files
}

/// The median of `runs` timed loads.
fn median_load(files: &[LibraryFile], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let loaded = load_files(black_box(files), Vec::new());
            let elapsed = start.elapsed();
            assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics.first());
            black_box(loaded);
            elapsed
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let mut previous: Option<Duration> = None;
    for (exercises, routines) in [(10_000, 1_000), (20_000, 2_000)] {
        let files = library(exercises, routines);
        let bytes: usize = files.iter().map(|f| f.source.text.len()).sum();
        let median = median_load(&files, 11);
        let ratio = previous.map(|p| {
            format!(
                ", {:.2}x the smaller library",
                median.as_secs_f64() / p.as_secs_f64()
            )
        });
        println!(
            "load {exercises} exercises + {routines} routines ({:.1} MiB): median {:.1} ms{}",
            bytes as f64 / (1024.0 * 1024.0),
            median.as_secs_f64() * 1000.0,
            ratio.unwrap_or_default()
        );
        previous = Some(median);
    }
}
