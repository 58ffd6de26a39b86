//! The built-in library, compiled into the binary so `psoas` works from any
//! directory. A test checks that every file under `routines/` is listed here.

/// `(path relative to routines/, contents)` for every built-in file.
pub const FILES: &[(&str, &str)] = &[
    (
        "exercises/warm-up.toml",
        include_str!("../../routines/exercises/warm-up.toml"),
    ),
    (
        "exercises/standing.toml",
        include_str!("../../routines/exercises/standing.toml"),
    ),
    (
        "exercises/seated.toml",
        include_str!("../../routines/exercises/seated.toml"),
    ),
    (
        "exercises/kneeling.toml",
        include_str!("../../routines/exercises/kneeling.toml"),
    ),
    (
        "exercises/lying.toml",
        include_str!("../../routines/exercises/lying.toml"),
    ),
    (
        "exercises/ball-release.toml",
        include_str!("../../routines/exercises/ball-release.toml"),
    ),
    (
        "exercises/breathing.toml",
        include_str!("../../routines/exercises/breathing.toml"),
    ),
    ("daily.toml", include_str!("../../routines/daily.toml")),
    (
        "desk-break.toml",
        include_str!("../../routines/desk-break.toml"),
    ),
    ("floor.toml", include_str!("../../routines/floor.toml")),
    (
        "ball-release.toml",
        include_str!("../../routines/ball-release.toml"),
    ),
    (
        "gentle-back.toml",
        include_str!("../../routines/gentle-back.toml"),
    ),
    ("full.toml", include_str!("../../routines/full.toml")),
    ("chair.toml", include_str!("../../routines/chair.toml")),
    (
        "pregnancy.toml",
        include_str!("../../routines/pregnancy.toml"),
    ),
    (
        "rest-and-breathe.toml",
        include_str!("../../routines/rest-and-breathe.toml"),
    ),
    (
        "hip-replacement.toml",
        include_str!("../../routines/hip-replacement.toml"),
    ),
];

/// The prefix under which built-in files are named in messages.
pub const PREFIX: &str = "<built-in>";

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    #[test]
    fn every_file_under_routines_is_embedded() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
        let mut on_disk = BTreeSet::new();
        for dir in [root.clone(), root.join("exercises")] {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    on_disk.insert(
                        path.strip_prefix(&root)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        let embedded: BTreeSet<String> = super::FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(on_disk, embedded);
    }
}
