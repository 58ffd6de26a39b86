//! The built-in library, compiled into the binary so `psoas` works from any
//! directory: every `.toml` file under `routines/`, taken as it is found
//! there, so a new file needs no edit here.

use include_dir::{Dir, include_dir};

static ROUTINES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/routines");

/// The prefix under which built-in files are named in messages.
pub(super) const PREFIX: &str = "<built-in>";

/// `(path relative to routines/, contents)` for every built-in file: the
/// exercise files first, so the routines can use them, each group by name.
pub(super) fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    let exercises = ROUTINES.get_dir("exercises").map(Dir::files);
    exercises
        .into_iter()
        .flatten()
        .chain(ROUTINES.files())
        .filter(|file| file.path().extension().is_some_and(|e| e == "toml"))
        .filter_map(|file| Some((file.path().to_str()?, file.contents_utf8()?)))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The `.toml` files of a folder under `routines/`, by name.
    fn on_disk(sub: &str) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
        let mut names: Vec<String> = std::fs::read_dir(root.join(sub))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .map(|path| {
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                name.replace('\\', "/")
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_toml_file_under_routines_is_embedded_exercises_first() {
        let embedded: Vec<&str> = super::files().map(|(path, _)| path).collect();
        let mut expected = on_disk("exercises");
        expected.extend(on_disk(""));
        assert_eq!(embedded, expected);
        assert!(embedded.contains(&"daily.toml"));
    }
}
