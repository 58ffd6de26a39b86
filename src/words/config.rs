//! What `psoas config init` says: the file it wrote and how to use it, or
//! why it wrote none.

use std::path::Path;

use crate::diagnostic::sanitize;

/// The lines `config init` prints once it has written `path`.
pub(crate) fn wrote(path: &Path) -> [String; 2] {
    [
        format!("wrote {}", sanitize(&path.display().to_string())),
        "every key is commented out at its default; remove the `#` to set one".to_string(),
    ]
}

/// A config file that is already there, and is left as it is.
pub(crate) fn already_there(path: &Path) -> String {
    format!(
        "{} already exists, so it was left as it is; edit it, or move it away and run `psoas config init` again",
        path.display()
    )
}

/// The folder of the config file could not be made.
pub(crate) fn cannot_create_folder(dir: &Path) -> String {
    format!("cannot create the folder {}", dir.display())
}

/// The config file could not be written.
pub(crate) fn cannot_create(path: &Path) -> String {
    format!("cannot create {}", path.display())
}
